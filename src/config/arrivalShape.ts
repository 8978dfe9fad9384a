// A daily shape of the arrival rate: `shape: [{ at: 06:00, rate: 2/s }, { at: 22:00, rate: 0.2/s }]`.
// The rate runs linearly from each point to the next, and from the last to the first of the next day.
import { isRecord } from '../core/isRecord.js';
import type { RatePoint } from '../core/stream/arrivalsSpec.js';
import { parseDuration, parseRate } from '../core/units.js';
import { ARRIVAL_RATE, DAY_SECONDS } from './bounds.js';
import { unknownKeyFix } from './suggest.js';

type Problem = (problem: string, fix: string, sub: readonly (string | number)[]) => void;

const POINT_KEYS = ['at', 'rate'] as const;
const EXAMPLE = 'write shape: [{ at: 06:00, rate: 2/s }, { at: 22:00, rate: 0.2/s }]';

/** "06:00", "6:30" or a duration after midnight ("6h", "90m"), below a day. */
export function timeOfDay(raw: unknown): { ok: true; seconds: number } | { ok: false; problem: string; fix: string } {
  const clock = typeof raw === 'string' ? /^\s*(\d{1,2}):(\d{2})(?::(\d{2}))?\s*$/.exec(raw) : null;
  let seconds: number;
  if (clock) {
    const [h, m, s] = [Number(clock[1]), Number(clock[2]), Number(clock[3] ?? 0)];
    if (h > 23 || m > 59 || s > 59) return { ok: false, problem: `"${String(raw).trim()}" is not a time of day`, fix: 'write a time from 00:00 to 23:59' };
    seconds = h * 3600 + m * 60 + s;
  } else {
    const d = parseDuration(raw);
    if (!d.ok) return { ok: false, problem: typeof raw === 'number' ? `${raw} is not a time of day` : d.problem, fix: 'write a time of day such as 06:00, or the time after midnight such as 6h' };
    seconds = d.value;
  }
  if (seconds >= DAY_SECONDS) return { ok: false, problem: `${JSON.stringify(raw)} is a day or more after midnight`, fix: 'write a time of day below 24:00 (the shape repeats every day)' };
  return { ok: true, seconds };
}

export function readShape(raw: unknown, problem: Problem): RatePoint[] | null {
  if (!Array.isArray(raw) || raw.length === 0) {
    problem('expected a list of { at, rate } points', EXAMPLE, []);
    return null;
  }
  const points: RatePoint[] = [];
  for (const [i, item] of raw.entries()) {
    if (!isRecord(item)) {
      problem(`point ${i + 1} is not a mapping`, EXAMPLE, [i]);
      return null;
    }
    const unknown = Object.keys(item).find((k) => !POINT_KEYS.some((p) => p === k));
    if (unknown !== undefined) {
      problem(`unknown key "${unknown}"`, unknownKeyFix(unknown, POINT_KEYS), [i, unknown]);
      return null;
    }
    const missing = POINT_KEYS.find((k) => !(k in item));
    if (missing !== undefined) {
      problem(`point ${i + 1} has no ${missing}`, EXAMPLE, [i]);
      return null;
    }
    const at = timeOfDay(item.at);
    if (!at.ok) {
      problem(at.problem, at.fix, [i, 'at']);
      return null;
    }
    const rate = parseRate(item.rate);
    if (!rate.ok) {
      problem(rate.problem, rate.fix.replace('100/s', '2/s'), [i, 'rate']);
      return null;
    }
    // Zero is a quiet hour; anything else within the bounds of a rate.
    if (rate.value !== 0 && (rate.value < ARRIVAL_RATE.min / (1 + 1e-12) || rate.value > ARRIVAL_RATE.max)) {
      problem(`${JSON.stringify(item.rate)} is outside the rates flyscale takes (${ARRIVAL_RATE.minText} to ${ARRIVAL_RATE.maxText}, or 0/s)`, 'write a rate such as 2/s, or 0/s for a quiet stretch', [i, 'rate']);
      return null;
    }
    const previous = points[points.length - 1];
    if (previous !== undefined && at.seconds <= previous.atSeconds) {
      problem(`the points are not in order of time: ${JSON.stringify(item.at)} comes after an earlier or equal time`, 'list the points from the earliest time of day to the latest', [i, 'at']);
      return null;
    }
    points.push({ atSeconds: at.seconds, ratePerSecond: rate.value });
  }
  if (points.every((p) => p.ratePerSecond === 0)) {
    problem('every point of the shape has a rate of 0: no run would arrive', 'give at least one point a rate above 0, e.g. { at: 09:00, rate: 2/s }', []);
    return null;
  }
  return points;
}
