// Replications per makespan bin, for the report's histogram: equal-width bins from the
// shortest to the longest replication, as many as Sturges' rule gives (1 + log2 n, at most 30).

export interface HistogramBin {
  /** The bin holds values v with fromSeconds ≤ v < toSeconds; the last bin includes toSeconds. */
  fromSeconds: number;
  toSeconds: number;
  count: number;
}

const MAX_BINS = 30;

export function histogramBins(values: readonly number[]): HistogramBin[] {
  if (values.length === 0) return [];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  if (!(hi > lo)) return [{ fromSeconds: lo, toSeconds: hi, count: values.length }];
  const bins = Math.min(MAX_BINS, Math.ceil(Math.log2(values.length)) + 1);
  const width = (hi - lo) / bins;
  // A span of a few units in the last place (denormals) can divide to a width of 0: one bin.
  if (!(width > 0)) return [{ fromSeconds: lo, toSeconds: hi, count: values.length }];
  const counts = new Array<number>(bins).fill(0);
  for (const v of values) {
    const i = Math.min(bins - 1, Math.floor((v - lo) / width));
    counts[i] = (counts[i] ?? 0) + 1;
  }
  // Edges from the index, not by adding widths, so the last edge is exactly the maximum.
  const edge = (i: number): number => (i === bins ? hi : lo + i * width);
  return counts.map((count, i) => ({ fromSeconds: edge(i), toSeconds: edge(i + 1), count }));
}
