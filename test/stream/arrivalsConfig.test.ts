// The arrivals block and the stream flags: values through the same parsers as every setting,
// bad input named by file, line, key path (or flag) and fix; the schema agrees with the parser.
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { readArrivals } from '../../src/config/arrivals.js';
import type { ArrivalFlags } from '../../src/config/arrivalsKeys.js';
import { timeOfDay } from '../../src/config/arrivalShape.js';
import { parseSource } from '../../src/config/document.js';
import { scenarioSchema, workflowSchema } from '../../src/config/jsonSchema.js';
import { loadScenario } from '../../src/config/load.js';
import { InputError, type InputProblem } from '../../src/config/errors.js';
import { workflow } from '../workflow/helpers.js';

const read = (text: string, flags: ArrivalFlags = {}) => readArrivals(parseSource('s.yaml', text), [], flags);
const spec = (text: string, flags: ArrivalFlags = {}) => {
  const r = read(text, flags);
  expect(r.problems).toEqual([]);
  return r.arrivals;
};
const problems = (text: string, flags: ArrivalFlags = {}): InputProblem[] => read(text, flags).problems;

describe('the arrivals block', () => {
  it('reads a Poisson rate in any unit, runs or a duration, and a warm-up', () => {
    expect(spec('arrivals: { rate: 3/s, duration: 1h, warmup: 5m }')).toEqual({ process: { kind: 'poisson', ratePerSecond: 3 }, runs: null, durationSeconds: 3600, warmupSeconds: 300, shape: null, periodSeconds: 86400 });
    // 180 per minute is 3 per second; 0.5/s as written.
    expect(spec('arrivals: { rate: 180/min, runs: 1000 }')?.process).toEqual({ kind: 'poisson', ratePerSecond: 3 });
    expect(spec('arrivals: { rate: 180/m, runs: 1000 }')?.process).toEqual({ kind: 'poisson', ratePerSecond: 3 });
    expect(spec('arrivals: { rate: 0.5/s, runs: 1000 }')).toMatchObject({ runs: 1000, durationSeconds: null, warmupSeconds: 0 });
  });
  it('reads interarrival times in the distribution syntax', () => {
    expect(spec('arrivals: { interarrival: 500ms, runs: 10 }')?.process).toEqual({ kind: 'interarrival', interarrival: { kind: 'fixed', value: 0.5 } });
    expect(spec('arrivals: { interarrival: { dist: exponential, mean: 300ms }, runs: 10 }')?.process).toEqual({ kind: 'interarrival', interarrival: { kind: 'exponential', mean: 0.3 } });
  });
  it('says a rate without a unit needs one, where it was written', () => {
    const [p, ...rest] = problems('name: x\narrivals:\n  rate: 3\n  runs: 100\n');
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ source: 's.yaml', path: 'arrivals.rate', line: 3, column: 9, problem: '3 has no unit', fix: 'write 3/s' });
  });
  it('names an unknown key with did-you-mean', () => {
    const [p] = problems('arrivals:\n  rate: 3/s\n  duraton: 1h\n');
    expect(p).toMatchObject({ path: 'arrivals.duraton', line: 3, column: 3, problem: 'unknown key "duraton"' });
    expect(p?.fix).toMatch(/did you mean "duration"/);
  });
  it('says only the typo when a typo\'d key is the missing end or rate, not also that it is missing', () => {
    // duraton: is the stream's end mistyped: "the stream has no end" would be the same problem twice.
    expect(problems('arrivals:\n  rate: 3/s\n  duraton: 10m\n').map((p) => p.path)).toEqual(['arrivals.duraton']);
    expect(problems('arrivals:\n  rat: 3/s\n  runs: 10\n').map((p) => p.path)).toEqual(['arrivals.rat']);
    // A key that is no typo of a length leaves the missing end said.
    expect(problems('arrivals:\n  rate: 3/s\n  colour: red\n').map((p) => p.problem)).toEqual(['unknown key "colour"', 'the stream has no end']);
  });
  it('asks for one process and one end of the stream', () => {
    expect(problems('arrivals: { duration: 1h }')[0]).toMatchObject({ path: 'arrivals', problem: 'no rate of arrivals', fix: 'add rate: 3/s (Poisson) or interarrival: 500ms' });
    expect(problems('arrivals: { rate: 3/s }')[0]).toMatchObject({ path: 'arrivals', problem: 'the stream has no end' });
    expect(problems('arrivals: { rate: 3/s, interarrival: 1s, runs: 5 }')[0]).toMatchObject({ path: 'arrivals.interarrival', problem: expect.stringMatching(/both rate: and interarrival:/) });
    expect(problems('arrivals: { rate: 3/s, runs: 5, duration: 1h }')[0]).toMatchObject({ path: 'arrivals.duration', problem: 'both runs: and duration: are given' });
  });
  it('refuses a warm-up as long as the stream, and a stream larger than a replication holds', () => {
    expect(problems('arrivals: { rate: 1/s, duration: 5m, warmup: 5m }')[0]?.problem).toBe('the warm-up (5m 00s) is as long as the stream (5m 00s): no run would be measured');
    // 100 runs at 1/s take about 100 s: a warm-up of 2m measures none of them.
    expect(problems('arrivals: { rate: 1/s, runs: 100, warmup: 2m }')[0]?.problem).toMatch(/100 runs take about 1m 40s/);
    // 1000/s for 8760h is 3.15e10 runs.
    expect(problems('arrivals: { rate: 1000/s, duration: 8760h }')[0]?.problem).toMatch(/about 31,536,000,000 runs/);
    expect(problems('arrivals: { rate: 1/s, runs: 20000000 }')[0]).toMatchObject({ path: 'arrivals.runs', problem: '20000000 is above the maximum of 10000000 runs in one replication' });
    // Quoted as written (YAML's flow form), not as JSON ({"median":"1h","p95":"2h"}).
    expect(problems('arrivals: { rate: 1/s, duration: { median: 1h, p95: 2h } }')[0]?.problem).toBe('{ median: 1h, p95: 2h } is a distribution, not one length of time');
    expect(problems('arrivals: { rate: 1/s, warmup: [1m, 2m], runs: 5 }')[0]?.problem).toBe('[ 1m, 2m ] is a distribution, not one length of time');
    expect(problems('arrivals: { rate: 1/s, duration: 0s }')[0]?.problem).toMatch(/no time at all/);
    expect(problems('arrivals: { interarrival: 0s, runs: 5 }')[0]?.problem).toMatch(/every run at once/);
  });
  it('reads a daily shape, the rate linear from point to point', () => {
    const s = spec('arrivals:\n  shape:\n    - { at: 06:00, rate: 2/s }\n    - { at: 18h, rate: 0/s }\n  duration: 24h\n');
    expect(s?.shape).toEqual([{ atSeconds: 21600, ratePerSecond: 2 }, { atSeconds: 64800, ratePerSecond: 0 }]);
    // From 2/s at 06:00 down to 0 at 18:00 and back up by 06:00 the next day: two triangles, a mean of 1/s.
    expect(s?.process).toEqual({ kind: 'poisson', ratePerSecond: 1 });
  });
  it('names a bad shape point by its index', () => {
    const [p] = problems('arrivals:\n  runs: 10\n  shape:\n    - { at: 06:00, rate: 2/s }\n    - { at: 05:00, rate: 1/s }\n');
    expect(p).toMatchObject({ path: 'arrivals.shape[1].at', line: 5, problem: expect.stringMatching(/not in order of time/) });
    expect(problems('arrivals: { runs: 10, shape: [{ at: 25:00, rate: 1/s }] }')[0]?.problem).toMatch(/not a time of day/);
    expect(problems('arrivals: { runs: 10, shape: [{ at: 1h, rate: 0/s }] }')[0]?.problem).toMatch(/no run would arrive/);
    expect(problems('arrivals: { runs: 10, shape: [{ at: 1h, ratee: 1/s }] }')[0]).toMatchObject({ path: 'arrivals.shape[0].ratee', fix: expect.stringMatching(/did you mean "rate"/) });
    expect(timeOfDay('6:30')).toEqual({ ok: true, seconds: 23400 });
  });
});

describe('the stream flags over the file', () => {
  it('set a stream on a file without one, and name themselves in problems', () => {
    expect(spec('name: x', { rate: '3/s', runs: '500', warmup: '1m' })).toMatchObject({ process: { kind: 'poisson', ratePerSecond: 3 }, runs: 500, warmupSeconds: 60 });
    expect(problems('name: x', { rate: '3' })[0]).toMatchObject({ source: '--rate', problem: '3 has no unit' });
    // No arrivals: in the file: the flag that made the stream is the place, not the file's first line.
    expect(problems('name: x', { rate: '3/s' })).toEqual([{ source: '--rate', path: '', problem: 'the stream has no end', fix: 'add --stream-runs 10000 or --stream-duration 1h' }]);
    expect(problems('name: x', { runs: '30' })).toEqual([{ source: '--stream-runs', path: '', problem: 'no rate of arrivals', fix: 'add --rate 3/s (Poisson) or --interarrival 500ms' }]);
    expect(problems('name: x', { rate: '3/s', duration: '{median: 1h, p95: 2h}' })[0]).toMatchObject({ source: '--stream-duration', problem: '"{median: 1h, p95: 2h}" is a distribution, not one length of time' });
    expect(problems('name: x', { rate: '3/s', runs: '0' })[0]).toMatchObject({ source: '--stream-runs' });
    expect(read('name: x').arrivals).toBeNull();
  });
  it('replace the alternatives the file gave: --rate over interarrival:, --stream-runs over duration:', () => {
    expect(spec('arrivals: { interarrival: 1s, duration: 1h }', { rate: '2/s', runs: '100' })).toMatchObject({ process: { kind: 'poisson', ratePerSecond: 2 }, runs: 100, durationSeconds: null });
  });
});

describe('arrivals in scenario and workflow files', () => {
  it('load with a scenario and with a workflow', () => {
    const loaded = loadScenario({ scenarioData: { workload: { items: 1 }, arrivals: { rate: '2/s', runs: 10 } } });
    expect(loaded.arrivals?.runs).toBe(10);
    const w = workflow('environments: { pool: { replicas: 2 } }\nsteps: { a: { kind: task, environment: pool, runtime: 1s } }\narrivals: { rate: 2/s, duration: 10m }\n');
    expect(w.arrivals?.durationSeconds).toBe(600);
  });
  it('fail loading with the file and line', () => {
    try {
      workflow('environments: { pool: { replicas: 2 } }\nsteps: { a: { kind: task, environment: pool, runtime: 1s } }\narrivals: { rate: 2, duration: 10m }\n');
      throw new Error('expected an InputError');
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect(error instanceof InputError ? error.problems[0] : undefined).toMatchObject({ source: 'wf.yaml', path: 'arrivals.rate', line: 3 });
    }
  });
  it('the schemas accept what the parser accepts and refuse what it refuses', () => {
    const ajv = new Ajv({ strict: false });
    const scenario = ajv.compile(scenarioSchema());
    const wf = ajv.compile(workflowSchema());
    const cases: Array<[Record<string, unknown>, boolean]> = [
      [{ rate: '3/s', duration: '1h', warmup: '5m' }, true],
      [{ rate: '180/min', runs: 1000 }, true],
      [{ interarrival: { dist: 'exponential', mean: '300ms' }, runs: 10 }, true],
      [{ shape: [{ at: '06:00', rate: '2/s' }, { at: '18h', rate: '0/s' }], duration: '24h' }, true],
      [{ rate: '3', runs: 10 }, false],
      [{ rate: '3/s' }, false],
      [{ rate: '3/s', interarrival: '1s', runs: 1 }, false],
      [{ rate: '3/s', runs: 20_000_000 }, false],
      [{ rate: '3/s', runs: 5, duraton: '1h' }, false],
    ];
    for (const [arrivals, ok] of cases) {
      const cli = read(JSON.stringify({ arrivals })).problems.length === 0;
      expect([scenario({ arrivals }), wf({ steps: { a: { kind: 'task' } }, arrivals }), cli]).toEqual([ok, ok, ok]);
    }
  });
});
