// Today's date for provenance comments, or SOURCE_DATE_EPOCH's (reproducible-builds.org) so
// a fit of the same logs writes the same bytes.
import { InputError } from '../config/errors.js';
import { wholeNumberText } from './flags.js';

/** ISO date (YYYY-MM-DD, UTC) of SOURCE_DATE_EPOCH seconds when set, else of now. */
export function sourceDate(env: Readonly<Record<string, string | undefined>>, now: () => Date = () => new Date()): string {
  const raw = env.SOURCE_DATE_EPOCH;
  if (raw === undefined || raw === '') return now().toISOString().slice(0, 10);
  const seconds = wholeNumberText(raw);
  if (seconds === undefined || seconds < 0) {
    throw new InputError([{ source: 'SOURCE_DATE_EPOCH', path: '', problem: `"${raw}" is not a count of seconds since 1970`, fix: 'set it to an integer such as 1748736000, or unset it' }]);
  }
  const date = new Date(seconds * 1000);
  if (Number.isNaN(date.getTime())) {
    throw new InputError([{ source: 'SOURCE_DATE_EPOCH', path: '', problem: `${raw} is out of the range of dates`, fix: 'set seconds since 1970, such as 1748736000' }]);
  }
  return date.toISOString().slice(0, 10);
}
