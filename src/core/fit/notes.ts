// What a fit wants a person to know, as data; the sentence for each code lives here only.
import type { Severity as FindingSeverity } from '../findings.js';
import { plural } from '../units.js';
import type { OutlierScale } from './outliers.js';

export type FitNote =
  | { code: 'fewSamples'; n: number; minimum: number }
  | { code: 'p95Imprecise'; n: number; needed: number }
  | { code: 'outliers'; count: number; scale: OutlierScale; trimmed: boolean }
  | { code: 'bytesPartial'; withBytes: number; rows: number }
  | { code: 'bytesIgnored' }
  | { code: 'latencyClamped'; count: number };

export type FitNoteCode = FitNote['code'];
/** The findings' vocabulary; a fit never fails, so it has no errors. */
export type Severity = Exclude<FindingSeverity, 'error'>;

export const NOTE_SEVERITY = {
  fewSamples: 'warn',
  p95Imprecise: 'warn',
  outliers: 'info',
  bytesPartial: 'warn',
  bytesIgnored: 'info',
  latencyClamped: 'info',
} as const satisfies Record<FitNoteCode, Severity>;

export function describeNote(note: FitNote): string {
  switch (note.code) {
    case 'fewSamples':
      return `only ${plural(note.n, 'sample')} (fewer than ${note.minimum}): treat this fit as a guess`;
    case 'p95Imprecise':
      return `the p95 is within ±10% only with about ${plural(note.needed, 'sample')}; this phase has ${note.n}`;
    case 'outliers': {
      const where = note.scale === 'log' ? 'on the log scale' : 'on the linear scale';
      const what = note.trimmed ? 'excluded (--trim)' : 'kept; --trim excludes them';
      return `${note.count} outlier${note.count === 1 ? '' : 's'} beyond 3 IQR ${where}, ${what}`;
    }
    case 'bytesPartial':
      return `bytes given on ${note.withBytes} of ${plural(note.rows, 'row')}; the transfer form needs bytes on every row`;
    case 'bytesIgnored':
      return 'bytes were given but this phase is not a transfer; they are ignored';
    case 'latencyClamped':
      return `${note.count} latencies below 0 after removing bytes/bandwidth were set to 0`;
  }
}
