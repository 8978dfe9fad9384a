// A sweep's grid: lists and ranges per setting, and every combination of them.

export interface Axis {
  /** Field key, e.g. batchSize. */
  key: string;
  values: string[];
}

/** Split at commas that are not inside [...] or {...}, so `[1s, 2s],3s` is two values. */
export function splitList(raw: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of raw) {
    if (ch === '[' || ch === '{') depth++;
    if (ch === ']' || ch === '}') depth--;
    if (ch === ',' && depth === 0) {
      out.push(current.trim());
      current = '';
    } else current += ch;
  }
  out.push(current.trim());
  return out.filter((v) => v !== '');
}

const RANGE = /^(\d+(?:\.\d+)?)\.\.(\d+(?:\.\d+)?)(?:\/(\d+(?:\.\d+)?))?([a-zA-Z/]*)$/;

/**
 * `100..1000/100` is 100, 200, …, 1000; a unit may follow: `1..4/1s` is 1s, 2s, 3s, 4s.
 * Returns null when the text is not a range, or a problem when it is a bad one.
 */
export function expandRange(text: string): string[] | { problem: string } | null {
  const m = RANGE.exec(text.trim());
  if (!m) return null;
  const [, a = '', b = '', step, unit = ''] = m;
  const from = Number(a);
  const to = Number(b);
  if (step === undefined) return { problem: `the range ${text} has no step` };
  const by = Number(step);
  if (by <= 0 || to < from) return { problem: `the range ${text} is empty` };
  const count = Math.floor((to - from) / by + 1e-9) + 1;
  if (count > 100_000) return { problem: `the range ${text} has ${count} values` };
  return Array.from({ length: count }, (_, i) => `${Number((from + i * by).toPrecision(12))}${unit}`);
}

/** Every combination, the first axis varying slowest. */
export function combinations(axes: readonly Axis[]): Record<string, string>[] {
  let points: Record<string, string>[] = [{}];
  for (const axis of axes) points = points.flatMap((p) => axis.values.map((v) => ({ ...p, [axis.key]: v })));
  return points;
}

export function gridSize(axes: readonly Axis[]): number {
  return axes.reduce((n, a) => n * a.values.length, 1);
}
