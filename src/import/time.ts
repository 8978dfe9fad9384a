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

export class Clock {
  #origin: number | null = null;

  /** Seconds since the origin (the first timestamp's whole second); null when unreadable. */
  at(text: string): number | null {
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
