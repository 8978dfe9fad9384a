// `inputs.arrivals` of a stream's report: the stream's settings in core units (a rate per
// second, durations as fixed distributions, as every other input) and where each came from.
import type { ArrivalsSpec } from '../core/stream/arrivalsSpec.js';
import { describeDist, type ReportInput } from './inputs.js';

/** Keys as the `arrivals:` block spells them; the source of one not given is `default`. */
export function arrivalInputs(a: ArrivalsSpec, sources: Readonly<Record<string, string | undefined>>): Record<string, ReportInput> {
  const source = (key: string): string => sources[key] ?? 'default';
  const out: Record<string, ReportInput> = {};
  if (a.shape !== null) out.shape = { value: a.shape.map((p) => ({ atSeconds: p.atSeconds, ratePerSecond: p.ratePerSecond })), source: source('shape') };
  else if (a.process.kind === 'poisson') out.rate = { value: a.process.ratePerSecond, unit: 'perSecond', source: source('rate') };
  else out.interarrival = { value: describeDist(a.process.interarrival), source: source('interarrival') };
  if (a.runs !== null) out.runs = { value: a.runs, source: source('runs') };
  if (a.durationSeconds !== null) out.duration = { value: describeDist({ kind: 'fixed', value: a.durationSeconds }), source: source('duration') };
  out.warmup = { value: describeDist({ kind: 'fixed', value: a.warmupSeconds }), source: source('warmup') };
  return out;
}
