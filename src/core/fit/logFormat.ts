// The formats a measurement log may have: config reads them, the fit report names the one read.
export const LOG_FORMATS = ['csv', 'tsv', 'jsonl'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];
