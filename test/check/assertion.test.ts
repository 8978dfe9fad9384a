// parseAssertion: `<metric> <op> <value>`, the value read in the unit the metric's name gives.
import { describe, expect, test } from 'vitest';
import { holds, OPERATORS, parseAssertion, unitOf, type Assertion } from '../../src/core/check/assertion.js';

function ok(text: string): Assertion {
  const parsed = parseAssertion(text);
  if (!parsed.ok) throw new Error(`expected ${text} to parse, got ${parsed.problem}`);
  return parsed.value;
}

function bad(text: string): { part: string; problem: string; fix: string } {
  const parsed = parseAssertion(text);
  if (parsed.ok) throw new Error(`expected ${text} to be rejected, got ${JSON.stringify(parsed.value)}`);
  return parsed;
}

describe('parseAssertion', () => {
  test.each(OPERATORS.map((op) => [op]))('reads the operator %s', (op) => {
    const a = ok(`fanout.actions ${op} 20000`);
    expect(a).toEqual({ metric: 'fanout.actions', op, value: 20000, written: '20000' });
  });

  test('two-character operators are not split into one-character ones', () => {
    // `<=` must not parse as `<` followed by the value "= 5".
    expect(ok('fanout.actions<=5').op).toBe('<=');
    expect(ok('fanout.actions >= 5').op).toBe('>=');
  });

  test('a duration metric takes duration units: 30m is 30 × 60 = 1800 s', () => {
    expect(ok('makespan.p95Seconds <= 30m').value).toBe(1800);
    expect(ok('makespan.meanSeconds < 1.5s').value).toBe(1.5);
    // 250 ms = 0.25 s
    expect(ok('overhead.perAction.meanSeconds <= 250ms').value).toBe(0.25);
    // 2 h = 7200 s
    expect(ok('estimate.makespanSeconds <= 2h').value).toBe(7200);
  });

  test('the innermost segment naming a unit decides: replicaSeconds.billed.mean is in seconds', () => {
    expect(unitOf('replicaSeconds.billed.mean')).toBe('seconds');
    // 1 h = 3600 s
    expect(ok('replicaSeconds.billed.mean < 1h').value).toBe(3600);
  });

  test('a rate per second is a plain number, not a duration', () => {
    expect(unitOf('throughputItemsPerSecond.mean')).toBe('number');
    expect(ok('throughputItemsPerSecond.mean >= 12.5').value).toBe(12.5);
  });

  test('a metric named ...Bytes takes sizes, decimal and binary', () => {
    expect(unitOf('workload.payloadBytes')).toBe('bytes');
    expect(ok('workload.payloadBytes <= 2KB').value).toBe(2000); // 2 × 1000
    expect(ok('workload.payloadBytes <= 2KiB').value).toBe(2048); // 2 × 1024
    expect(ok('workload.payloadBytes <= 1MiB').value).toBe(1_048_576); // 1024²
  });

  test('a metric named ...BytesPerSecond takes a bandwidth', () => {
    expect(unitOf('phases.upload.bandwidthBytesPerSecond')).toBe('bytesPerSecond');
  });

  test('plain-number metrics accept underscores as digit separators', () => {
    expect(ok('fanout.actions <= 20_000').value).toBe(20000);
  });

  test('=> is a bad operator, and the fix lists the good ones', () => {
    const e = bad('fanout.actions => 20000');
    expect(e.part).toBe('operator');
    expect(e.problem).toContain('"=>"');
    for (const op of OPERATORS) expect(e.fix).toContain(op);
  });

  test('a single = is a bad operator', () => {
    expect(bad('fanout.actions = 20000').part).toBe('operator');
  });

  test('a duration metric without a unit is rejected, saying the unit is missing', () => {
    const e = bad('makespan.p95Seconds <= 30');
    expect(e.part).toBe('value');
    expect(e.problem).toMatch(/no unit/);
    expect(e.fix).toMatch(/30s/);
  });

  test('a duration that is not a duration is rejected', () => {
    expect(bad('makespan.p95Seconds <= soon').part).toBe('value');
  });

  test('a plain-number metric with a non-number value is rejected', () => {
    const e = bad('fanout.actions <= lots');
    expect(e.part).toBe('value');
    expect(e.problem).toContain('lots');
  });

  test('garbage is not an assertion and the fix shows the form', () => {
    for (const text of ['garbage', '', '<= 5', '5 <= fanout.actions']) {
      const e = bad(text);
      expect(e.part, text).toBe('form');
      expect(e.fix).toContain('<metric> <op> <value>');
    }
  });

  test('trailing junk after the value is rejected', () => {
    expect(bad('fanout.actions <= 5 <= 6').part).toBe('value');
  });
});

describe('holds', () => {
  // [actual, op, budget, expected]
  const cases: Array<[number, (typeof OPERATORS)[number], number, boolean]> = [
    [1, '<', 2, true],
    [2, '<', 2, false],
    [2, '<=', 2, true],
    [3, '<=', 2, false],
    [3, '>', 2, true],
    [2, '>', 2, false],
    [2, '>=', 2, true],
    [1, '>=', 2, false],
    [2, '==', 2, true],
    [2.0000001, '==', 2, false],
  ];
  test.each(cases)('%d %s %d is %s', (actual, op, budget, expected) => {
    expect(holds(actual, op, budget)).toBe(expected);
  });
});

describe('parseAssertion edge cases', () => {
  test('an operator with no value says the value is missing, not that "=" is not a number', () => {
    const r = parseAssertion('fanout.actions <=');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.part).toBe('value');
      expect(r.problem).toContain('no value after <=');
    }
  });

  test('plain-number metrics take decimals and exponents but not hex or Infinity', () => {
    const ok = (text: string): number | undefined => {
      const r = parseAssertion(text);
      return r.ok ? r.value.value : undefined;
    };
    expect(ok('fanout.actions <= 20_000')).toBe(20000);
    expect(ok('batch.overheadRatio >= 1.5e1')).toBe(15);
    expect(ok('fanout.actions <= 0x10')).toBeUndefined();
    expect(ok('fanout.actions <= Infinity')).toBeUndefined();
  });

  test('a bare number on a bytes metric says it has no unit', () => {
    const r = parseAssertion('payloadBytes <= 10');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toBe('10 has no unit, and the metric is a size');
  });
});
