// The one test for "a plain object with string keys" that config and the CLI both need.
export const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
