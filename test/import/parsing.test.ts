// Flyte's JSON as printed: timestamps with 0–9 fractional digits at nanosecond precision,
// 64-bit integers as strings, omitted defaults, both spellings, enums by name or number.
import { describe, expect, it } from 'vitest';
import { actionPhase, cacheStatus } from '../../src/config/flyteRun/enums.js';
import { intField, field } from '../../src/config/flyteRun/fields.js';
import { readFlyte2Action } from '../../src/config/flyteRun/flyte2Action.js';
import { splitRecords } from '../../src/config/flyteRun/records.js';
import { Clock, parseDuration, parseTimestamp } from '../../src/config/flyteRun/time.js';

const place = { file: 'x.json', line: 1, path: '' };

describe('timestamps and durations', () => {
  it('reads 0, 3, 6 and 9 fractional digits (and any count between) exactly', () => {
    expect(parseTimestamp('2025-06-01T09:00:00Z')).toEqual({ epochSeconds: 1748768400, nanos: 0 });
    expect(parseTimestamp('2025-06-01T09:00:00.5Z')?.nanos).toBe(500_000_000);
    expect(parseTimestamp('2025-06-01T09:00:00.123Z')?.nanos).toBe(123_000_000);
    expect(parseTimestamp('2025-06-01T09:00:00.123456Z')?.nanos).toBe(123_456_000);
    expect(parseTimestamp('2025-06-01T09:00:00.123456789Z')?.nanos).toBe(123_456_789);
    expect(parseTimestamp('2025-06-01T11:00:00+02:00')?.epochSeconds).toBe(1748768400);
    expect(parseTimestamp('2025-06-01 09:00')).toBeNull();
    expect(parseTimestamp('2025-13-01T09:00:00Z')).toBeNull();
  });
  it('keeps a nanosecond apart a day into the run', () => {
    const clock = new Clock();
    clock.at('2025-06-01T09:00:00Z');
    const a = clock.at('2025-06-02T08:59:59.999999998Z') ?? Number.NaN;
    const b = clock.at('2025-06-02T08:59:59.999999999Z') ?? Number.NaN;
    // 86,400 s is below 2^17, so a double's step there is 2^-36 s ≈ 15 ps; a and b are each
    // within a step of exact, so their difference is 1 ns to within 2 steps, 3e-11 s.
    expect(Math.abs(b - a - 1e-9)).toBeLessThan(3e-11);
    expect(a).toBeCloseTo(86399.999999998, 8);
  });
  it('reads protobuf durations', () => {
    expect(parseDuration('285.624488229s')).toBeCloseTo(285.624488229, 9);
    expect(parseDuration('0s')).toBe(0);
    expect(parseDuration('-0.25s')).toBe(-0.25);
    expect(parseDuration('5m')).toBeNull();
  });
});

describe('fields and enums', () => {
  it('64-bit integers as strings, 32-bit as numbers, absent as 0', () => {
    expect(intField({ durationMs: '78429' }, 'durationMs')).toBe(78429);
    expect(intField({ attempts: 3 }, 'attempts')).toBe(3);
    expect(intField({}, 'attempts')).toBe(0);
    expect(intField({ durationMs: '99999999999999999999' }, 'durationMs')).toBeNull();
  });
  it('either spelling; null as absent', () => {
    expect(field({ start_time: 'x' }, 'startTime')).toBe('x');
    expect(field({ startTime: 'y', start_time: 'x' }, 'startTime')).toBe('y');
    expect(field({ end_time: null }, 'endTime')).toBeUndefined();
  });
  it('names with or without prefix, numbers, absent as value 0, unknown as an error', () => {
    expect(actionPhase('ACTION_PHASE_RUNNING')).toEqual({ ok: true, value: 'RUNNING' });
    expect(actionPhase(5)).toEqual({ ok: true, value: 'SUCCEEDED' });
    expect(actionPhase(undefined)).toEqual({ ok: true, value: 'UNSPECIFIED' });
    expect(actionPhase('ACTION_PHASE_SLEEPING').ok).toBe(false);
    expect(actionPhase(11).ok).toBe(false);
    expect(cacheStatus(2)).toEqual({ ok: true, value: 'CACHE_HIT' });
    expect(cacheStatus(undefined)).toEqual({ ok: true, value: 'CACHE_DISABLED' });
  });
});

describe('one action', () => {
  const minimal = { id: { run: { name: 'r' }, name: 'a1' }, metadata: { parent: 'a0' }, status: { phase: 5, start_time: '2025-06-01T09:00:00Z', end_time: '2025-06-01T09:00:10Z' }, attempts: [{ start_time: '2025-06-01T09:00:00.1Z', phase_transitions: [{ phase: 1, start_time: '2025-06-01T09:00:00.1Z' }] }] };
  it('with every default omitted and numbers for enums', () => {
    const r = readFlyte2Action(minimal, place, new Clock());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.action.attempts[0]?.attempt).toBe(1);
    expect(r.action.attempts[0]?.cacheStatus).toBe('CACHE_DISABLED');
    expect(r.action.attempts[0]?.transitions[0]).toEqual({ phase: 'QUEUED', startSeconds: 0.1, endSeconds: null });
    expect(r.action.endSeconds).toBe(10);
  });
  it('names the key path of an unknown phase', () => {
    const bad = { ...minimal, attempts: [{ start_time: '2025-06-01T09:00:00Z', phase_transitions: [{ phase: 'ACTION_PHASE_NAPPING', start_time: '2025-06-01T09:00:00Z' }] }] };
    expect(readFlyte2Action(bad, place, new Clock())).toMatchObject({ ok: false, path: 'attempts[0].phaseTransitions[0].phase', action: 'a1' });
  });
});

const collect = (file: string, text: string): unknown => {
  const records: unknown[] = [];
  const r = splitRecords(file, text, (x) => records.push(x));
  return r.ok ? { ...r, records } : r;
};

describe('records in a file', () => {
  it('JSON Lines, an array, one pretty object', () => {
    expect(collect('f', '{"a":1}\n{"a":2}\n')).toMatchObject({ ok: true, records: [{ place: { line: 1 } }, { place: { line: 2 } }] });
    expect(collect('f', '[{"a":1},{"a":2}]')).toMatchObject({ ok: true, records: [{ place: { path: '[0]' } }, { place: { path: '[1]' } }] });
    expect(collect('f', '{\n  "a": 1\n}\n')).toMatchObject({ ok: true, records: [{ value: { a: 1 } }] });
  });
  it('a terminal capture: ANSI escapes and soft line breaks are removed', () => {
    // A break between tokens is JSON whitespace; one inside a string (at its space) is not.
    const text = '\u001b[1m[{"id": {"name": "a0"}, \n"group": "my \ngroup"}, {"id": \n{"name": "a1"}}]\u001b[0m\n';
    const r = collect('list.json', text);
    expect(r).toMatchObject({ ok: true, cleaned: { escapes: 2, lineBreaks: 4 }, records: [{ value: { group: 'my group' } }, {}] });
  });
  it('a truncated file says so, with its line', () => {
    expect(collect('f', '{"a":1}\n{"a":')).toMatchObject({ ok: false, error: { line: 2, problem: expect.stringMatching(/truncated/) } });
    expect(collect('f', '[{"a":1},\n{"a"')).toMatchObject({ ok: false, error: { problem: expect.stringMatching(/truncated/) } });
  });
});

describe('the clock', () => {
  it('gives the same seconds on the fast path and the long way', () => {
    const texts = ['2025-06-01T09:00:00Z', '2025-06-01T09:00:00.5Z', '2025-06-01T09:00:01.000000001Z', '2025-06-01T09:59:59.123456Z', '2025-06-01T10:59:59.123456+01:00', '2025-06-01T09:00:07.12345678Z'];
    const clock = new Clock();
    const got = texts.map((t) => clock.at(t));
    const origin = 1748768400;
    const slow = texts.map((t) => {
      const p = parseTimestamp(t);
      return p === null ? null : p.epochSeconds - origin + p.nanos / 1e9;
    });
    got.forEach((g, i) => expect(Math.abs((g ?? Number.NaN) - (slow[i] ?? Number.NaN))).toBeLessThan(1e-12));
    expect(clock.at('2025-06-01T09:00:00.Z')).toBeNull();
    expect(clock.at('2025-06-01T09:00:00.1234567890Z')).toBeNull();
  });
});
