// What `measure` writes: the samples as a measurement log, and a summary for the person.
import { mean } from 'simple-statistics';
import { sortedQuantile } from '../core/distribution.js';
import { formatSeconds, plural } from '../core/units.js';
import { durationText } from './yamlValues.js';

/** Up to this many runs, the summary suggests an --item-runtime of the samples themselves. */
const INLINE_SAMPLES = 30;

export const measurementCsv = (phase: string, seconds: readonly number[]): string => `phase,seconds\n${seconds.map((x) => `${phase},${x.toFixed(6)}`).join('\n')}\n`;

export interface MeasureSummary {
  /** The command as a shell would quote it. */
  shown: string;
  runs: number;
  warmup: number;
  seconds: readonly number[];
  failures: number;
  out: string | null;
}

export function measureSummary(m: MeasureSummary): string {
  const sorted = [...m.seconds].sort((a, b) => a - b);
  const lines = [
    `flyscale measure: ${plural(m.runs, 'run')} of \`${m.shown}\` after ${plural(m.warmup, 'warm-up')}: ` +
      `mean ${formatSeconds(mean(m.seconds))}, p50 ${formatSeconds(sortedQuantile(sorted, 0.5))}, min ${formatSeconds(sorted[0] ?? Number.NaN)}, max ${formatSeconds(sorted[sorted.length - 1] ?? Number.NaN)}`,
  ];
  if (m.failures > 0) lines.push(`  ${plural(m.failures, 'run')} exited non-zero (kept: --allow-failure)`);
  if (m.out !== null) lines.push(`  next: flyscale profile fit ${m.out}`);
  if (m.runs <= INLINE_SAMPLES) lines.push(`  as a workload setting: --item-runtime '[${m.seconds.map(durationText).join(', ')}]'`);
  return `${lines.join('\n')}\n`;
}

/** A command line as a POSIX shell would read it back. */
export const shellQuoted = (argv: readonly string[]): string => argv.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
