// Flyte's times, exactly: RFC 3339 timestamps with 0–9 fractional digits and durations such as
// "285.624488229s". A timestamp becomes seconds since the clock's origin, the first whole second
// it saw, so a day-long run keeps picosecond resolution where seconds since 1970 would keep
// only tens of nanoseconds in a double.

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|z|[+-]\d{2}:\d{2})$/;
const DURATION = /^(-)?(\d+)(?:\.(\d{1,9}))?s$/;

/** Nanoseconds in a fraction written with 1–9 digits ("5" is 500,000,000). */
const nanos = (digits: string | undefined): number => (digits === undefined ? 0 : Number(digits.padEnd(9, '0')));

/** Whole seconds since 1970 and nanoseconds; null when the text is not an RFC 3339 timestamp. */
export function parseTimestamp(text: string): { epochSeconds: number; nanos: number } | null {
  const m = TIMESTAMP.exec(text);
  if (m === null) return null;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (Number.isNaN(ms) || Number(mo) > 12 || Number(d) > 31 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 60) return null;
  let offset = 0;
  if (zone !== undefined && zone.length === 6) offset = (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 3600 + Number(zone.slice(4, 6)) * 60);
  return { epochSeconds: ms / 1000 - offset, nanos: nanos(frac) };
}

/** Seconds of a protobuf duration ("1.5s", "0s", "-0.25s"); null when it is not one. */
export function parseDuration(text: string): number | null {
  const m = DURATION.exec(text);
  if (m === null) return null;
  const value = Number(m[2]) + nanos(m[3]) / 1e9;
  return m[1] === '-' ? -value : value;
}

/** Nanoseconds of `.ddd…Z` from index 19, or -1 when the tail is not exactly that. */
function utcFraction(text: string): number {
  const n = text.length;
  if (n === 20) return text.charCodeAt(19) === 90 ? 0 : -1; // 'Z'
  if (text.charCodeAt(19) !== 46 || text.charCodeAt(n - 1) !== 90 || n > 30 || n < 22) return -1; // '.', 'Z'
  let value = 0;
  for (let i = 20; i < n - 1; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value * 10 ** (9 - (n - 21));
}

/** Seconds into the day of "THH:MM:SS" at index 10, or -1. */
function hms(text: string): number {
  const t = text.charCodeAt(10);
  if ((t !== 84 && t !== 116 && t !== 32) || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return -1; // T t ' ', ':'
  const two = (i: number): number => {
    const a = text.charCodeAt(i) - 48;
    const b = text.charCodeAt(i + 1) - 48;
    return a < 0 || a > 9 || b < 0 || b > 9 ? -1 : a * 10 + b;
  };
  const h = two(11);
  const m = two(14);
  const s = two(17);
  if (h < 0 || m < 0 || s < 0 || h > 23 || m > 59 || s > 60) return -1;
  return h * 3600 + m * 60 + s;
}

export class Clock {
  #origin: number | null = null;
  /** The last day seen ("YYYY-MM-DD") and its midnight: a run's events share a day or two. */
  #lastDay = '';
  #dayStart = 0;
  #lastSeconds = 0;

  /** Seconds since the origin (the first timestamp's whole second); null when unreadable. */
  at(text: string): number | null {
    // The common form, UTC with 0–9 digits, without the regex; anything else goes the long way.
    const frac = text.length >= 20 ? utcFraction(text) : -1;
    if (frac >= 0) {
      const day = text.slice(0, 10);
      if (day !== this.#lastDay) {
        const midnight = parseTimestamp(`${day}T00:00:00Z`);
        if (midnight === null) return null;
        this.#lastDay = day;
        this.#dayStart = midnight.epochSeconds;
      }
      const clock = hms(text);
      if (clock < 0) return null;
      this.#lastSeconds = this.#dayStart + clock;
      this.#origin ??= this.#lastSeconds;
      return this.#lastSeconds - this.#origin + frac / 1e9;
    }
    const t = parseTimestamp(text);
    if (t === null) return null;
    this.#origin ??= t.epochSeconds;
    return t.epochSeconds - this.#origin + t.nanos / 1e9;
  }

  /** The origin as an ISO timestamp, or null before the first timestamp. */
  get originIso(): string | null {
    return this.#origin === null ? null : new Date(this.#origin * 1000).toISOString().replace('.000Z', 'Z');
  }
}
