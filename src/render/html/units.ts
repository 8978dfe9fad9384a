// Axis units for charts: a time axis reads in ms, s, min or h by its largest value, so tick
// labels stay short numbers and the label names the unit.

export interface TimeUnit {
  /** Written in axis labels: "makespan (min)". */
  label: 'ms' | 's' | 'min' | 'h';
  /** Seconds in one unit. */
  seconds: number;
}

/** The largest unit in which `maxSeconds` is at least 1 (ms below a second). */
export function timeUnit(maxSeconds: number): TimeUnit {
  if (maxSeconds >= 2 * 3600) return { label: 'h', seconds: 3600 };
  if (maxSeconds >= 120) return { label: 'min', seconds: 60 };
  if (maxSeconds >= 1) return { label: 's', seconds: 1 };
  return { label: 'ms', seconds: 0.001 };
}

/** Seconds in `unit`, rounded to 4 significant digits so the SVG carries no float noise. */
export function inUnit(seconds: number, unit: TimeUnit): number {
  return Number((seconds / unit.seconds).toPrecision(4));
}

/** A fixed palette (Tableau 10): series keep their colour from page to page and in print. */
export const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'] as const;

export function colorOf(index: number): string {
  return PALETTE[index % PALETTE.length] ?? '#4e79a7';
}
