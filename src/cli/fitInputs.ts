// profile fit's flags about the logs (--format, --*-column), and the notes on rows skipped
// with --skip-bad-rows.
import { formatProblem, InputError } from '../config/errors.js';
import { LOG_COLUMNS, LOG_FORMATS, type ColumnMapping, type LogFormat } from '../config/measurements.js';
import type { ProfileFitOptions } from './options.js';
import { locatedProblem, type ReadSource } from './readLogs.js';

/** Skipped rows listed on stderr; the rest are counted. */
const SHOWN_BAD_ROWS = 10;

export function logFormat(options: ProfileFitOptions): LogFormat | null {
  if (options.format === undefined) return null;
  const found = LOG_FORMATS.find((f) => f === options.format);
  if (found === undefined) {
    throw new InputError([{ source: '--format', path: '', problem: `unknown log format "${String(options.format)}"`, fix: `use one of ${LOG_FORMATS.join(', ')}, or leave it out to detect it` }]);
  }
  return found;
}

export function columns(options: ProfileFitOptions): Partial<ColumnMapping> {
  const out: Partial<ColumnMapping> = {};
  for (const column of LOG_COLUMNS) {
    const value = options[`${column}Column`];
    if (typeof value === 'string') out[column] = value;
  }
  return out;
}

export function skippedRowNotes(sources: readonly ReadSource[]): string[] {
  const skipped = sources.flatMap((x) => x.skipped);
  const badRows = sources.reduce((sum, x) => sum + x.badRows, 0);
  if (badRows === 0) return [];
  const notes = [`flyscale: skipped ${badRows} bad row${badRows === 1 ? '' : 's'} (--skip-bad-rows):`, ...skipped.slice(0, SHOWN_BAD_ROWS).map((e) => `  ${formatProblem(locatedProblem(e))}`)];
  if (badRows > SHOWN_BAD_ROWS) notes.push(`  … and ${badRows - SHOWN_BAD_ROWS} more`);
  return notes;
}
