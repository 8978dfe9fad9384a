// Finite but extreme values: every setting at the edges of its documented bound (bounds.ts,
// the same bounds the JSON Schemas carry) must plan and simulate to finite numbers, in the
// JSON and in the tables. The values are generated from the bounds, so a widened bound is
// tested by the same property.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundOf, MAX_SIGMA } from '../../src/config/bounds.js';
import { FIELDS, type Field } from '../../src/config/fields.js';
import { loadScenario } from '../../src/config/load.js';
import { plan } from '../../src/core/plan.js';
import { simulateMany } from '../../src/core/sim/simulateMany.js';
import { MAX_SIMULATED_ACTIONS_PER_RUN } from '../../src/core/sim/simulationSize.js';
import { summarize } from '../../src/core/sim/summarize.js';
import { markdownOf } from './markdownOf.js';
import { planReport, type PlanReport } from '../../src/report/planReport.js';
import { simulationBlock } from '../../src/report/simulateReport.js';

/** A number in the core unit, written in the field's file syntax. */
function written(field: Field, x: number): unknown {
  switch (field.kind) {
    case 'duration':
    case 'transfer':
      return `${x}s`;
    case 'size':
    case 'optionalSize':
      return `${x}B`;
    case 'rate':
      return `${x}/s`;
    default:
      return x;
  }
}

/** Settings that are one fixed time, never a distribution (buildScenario's rules). */
const SINGLE = new Set(['runtimeFloor', 'scaledownTtl', 'idleTtl', 'parentStart', 'retryBackoff']);

/** The edges of a field's bound (and a point just inside an exclusive minimum). */
function edges(field: Field): fc.Arbitrary<unknown> {
  const bound = boundOf(field);
  if (field.kind === 'boolean') return fc.boolean();
  if (field.kind === 'data') return fc.constantFrom('inline', 'reference');
  if (field.kind === 'pattern') return fc.constantFrom('task', 'trace');
  if (bound === undefined) throw new Error(`no bound for ${field.key}`);
  const low = bound.exclusiveMin ? Number.MIN_VALUE * 2 ** 60 : bound.min;
  const ends = [low, bound.max].map((x) => written(field, x));
  if (field.kind === 'replicas') return fc.constantFrom(1, bound.max, [0, bound.max]);
  if (field.kind === 'duration' && !SINGLE.has(field.key)) {
    // The widest distributions allowed: a year's median with the largest sigma, the widest median/p95.
    return fc.constantFrom(...ends, { dist: 'lognormal', median: `${bound.max}s`, sigma: MAX_SIGMA }, { median: '1ms', p95: '3.7s' }, { dist: 'uniform', min: '0s', max: `${bound.max}s` });
  }
  if (field.kind === 'transfer') return fc.constantFrom(...ends, { latency: `${bound.max}s`, bandwidth: '1B/s' }, { latency: '0s', bandwidth: '1024TiB/s' });
  return fc.constantFrom(...ends);
}

/** Every number in a value tree must be finite (null is a designed "none", not a number). */
function nonFinitePaths(value: unknown, path = '$'): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => nonFinitePaths(v, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => nonFinitePaths(v, `${path}.${k}`));
  return [];
}

// Settings whose edges make the scenario invalid by another rule (targets reversed, the
// recommended ceiling above the hard limit) or the simulation needlessly large are left at defaults.
const SKIP = new Set(['targetActionsMin', 'targetActionsMax', 'recommendedActionsPerRun', 'maxActionsPerRun', 'runtimeFloor', 'itemRuntime']);
const fields = FIELDS.filter((f) => !SKIP.has(f.key));
const scenarioArb = fc.tuple(
  fc.subarray(fields, { minLength: 1, maxLength: 8 }).chain((some) => fc.tuple(...some.map((f) => edges(f).map((v): [Field, unknown] => [f, v])))),
  edges(FIELDS.find((f) => f.key === 'itemRuntime') ?? FIELDS[0]!),
);

describe('settings at the edges of their bounds', () => {
  it('plan and simulate to finite numbers in the JSON and the tables', () => {
    let simulated = 0;
    fc.assert(
      fc.property(scenarioArb, ([pairs, runtime]) => {
        const data: Record<string, Record<string, unknown>> = { workload: { itemRuntime: runtime } };
        for (const [f, v] of pairs) (data[f.section] ??= {})[f.key] = v;
        // A zero item runtime is rejected by a rule of its own; give it the smallest positive one.
        if (data.workload?.itemRuntime === '0s') data.workload.itemRuntime = '1ms';
        const loaded = loadScenario({ scenarioData: data });
        const result = plan(loaded.scenario);
        const header = { schemaVersion: 1, tool: { name: 'flyscale' as const, version: 'test' }, command: 'plan', scenario: { name: 's', profile: 'p', file: null }, inputs: {} };
        const report: PlanReport = planReport(header, result, loaded.scenario.limits, loaded.findings);
        expect(nonFinitePaths(report)).toEqual([]);
        expect(markdownOf(report)).not.toMatch(/NaN|Infinity|undefined/);
        const actions = Math.ceil(loaded.scenario.workload.items / result.batch.size);
        const pool = loaded.scenario.pool;
        const slots = pool.mode === 'reusable' ? pool.maxReplicas * pool.concurrency : 0;
        // Within the simulation's size limit (simulationSize.ts), which refuses larger pools;
        // a pool of 100,000 replicas takes seconds to simulate, too slow for a property.
        if (actions <= 200 && slots <= Math.min(MAX_SIMULATED_ACTIONS_PER_RUN, 10_000)) {
          simulated++;
          const reps = simulateMany(loaded.scenario, result.batch.size, { runs: 2, seed: 1 });
          expect(nonFinitePaths(simulationBlock(reps, summarize(reps), 1, result.estimate.makespanSeconds, undefined))).toEqual([]);
        }
      }),
      { numRuns: 200, seed: 20261201 },
    );
    expect(simulated).toBeGreaterThan(10);
  });
});
