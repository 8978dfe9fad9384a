// Today's date for provenance comments, or SOURCE_DATE_EPOCH's (reproducible-builds.org) so
// a fit of the same logs writes the same bytes.
import { InputError } from '../config/errors.js';

/** ISO date (YYYY-MM-DD, UTC) of SOURCE_DATE_EPOCH seconds when set, else of now. */
export function sourceDate(env: Readonly<Record<string, string | undefined>>, now: () => Date = () => new Date()): string {
  const raw = env.SOURCE_DATE_EPOCH;
  if (raw === undefined || raw === '') return now().toISOString().slice(0, 10);
  if (!/^\d+$/.test(raw.trim())) {
    throw new InputError([{ source: 'SOURCE_DATE_EPOCH', path: '', problem: `"${raw}" is not a count of seconds since 1970`, fix: 'set it to an integer such as 1748736000, or unset it' }]);
  }
  const date = new Date(Number(raw.trim()) * 1000);
  if (Number.isNaN(date.getTime())) {
    throw new InputError([{ source: 'SOURCE_DATE_EPOCH', path: '', problem: `${raw} is out of the range of dates`, fix: 'set seconds since 1970, such as 1748736000' }]);
  }
  return date.toISOString().slice(0, 10);
}
