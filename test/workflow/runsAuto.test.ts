// simulate --runs auto on a workflow file (the default): replications of the whole run until the
// 95% interval of the mean end-to-end latency is within --precision of the mean, or --max-runs.
import { describe, expect, it } from 'vitest';
import { deriveSeed } from '../../src/core/random.js';
import { relativeHalfWidth } from '../../src/core/sim/stopping.js';
import { simulateRun } from '../../src/core/sim/workflow/composeRun.js';
import { planWorkflow } from '../../src/core/workflow/planWorkflow.js';
import { stepSizing } from '../../src/core/workflow/stepSizing.js';
import { replicateWorkflow } from '../../src/cli/workflowSimulate.js';
import type { SimulationOptions } from '../../src/cli/simulation.js';
import { flyscale } from '../helpers/cli.js';
import { FIXED_PROFILE, workflow } from './helpers.js';

const quiet = (): void => undefined;
const auto = (precision: number, maxRuns: number, seed = 1): SimulationOptions => ({ runs: maxRuns, auto: { precision, minRuns: 10, maxRuns }, seed, workers: null });

/** A workflow and its plan, as simulate has them. */
function planned(text: string) {
  const w = workflow(text).workflow;
  return { w, plan: planWorkflow(w) };
}
const replicate = (text: string, sim: SimulationOptions) => {
  const { w, plan } = planned(text);
  return replicateWorkflow(w, plan, sim, quiet);
};

const fixedChain = [FIXED_PROFILE, 'driver: { start: 7s }', 'environments:', '  pods: { podPerTask: true }', 'steps:', '  a: { kind: task, environment: pods, runtime: 5s }', '  b: { kind: task, environment: pods, after: [a], runtime: 10s }'].join('\n');
// Runtimes drawn from a wide distribution: the interval narrows only with many runs.
const noisy = [FIXED_PROFILE, 'environments:', '  pods: { podPerTask: true }', 'steps:', '  a: { kind: map, environment: pods, items: 20, batchSize: 1, itemRuntime: { median: 10s, p95: 60s } }', '  b: { kind: task, environment: pods, after: [a], runtime: { median: 5s, p95: 40s } }'].join('\n');

describe('replicateWorkflow with --runs auto', () => {
  it('stops at the first batch of 10 when every run takes the same time (no spread, half-width 0)', () => {
    const s = replicate(fixedChain, auto(0.01, 1000));
    expect(s.replications).toHaveLength(10);
    expect(s.reason).toBe('precision');
    expect(s.relativeHalfWidth).toBe(0);
    // Fixed times, every run alike: the driver's 7s, then a task's 15s overhead (2u + 2d + e + t
    // = 2 + 2 + 1 + 10) with its runtime: 7 + (15 + 5) + (15 + 10) = 52s.
    for (const r of s.replications) expect(r.makespanSeconds).toBe(52);
  });

  it('stops when the interval is within the precision, and not before a batch where it was', () => {
    const p = planned(noisy);
    const s = replicateWorkflow(p.w, p.plan, auto(0.05, 1000), quiet);
    const values = s.replications.map((r) => r.makespanSeconds);
    expect(s.reason).toBe('precision');
    expect(relativeHalfWidth(values)).toBeLessThanOrEqual(0.05);
    expect(s.relativeHalfWidth).toBe(relativeHalfWidth(values));
    // The first batch of 10 was not yet settled, so it ran more (the spread is wide).
    expect(relativeHalfWidth(values.slice(0, 10))).toBeGreaterThan(0.05);
    expect(values.length).toBeGreaterThan(10);
    // Replication r is the run of deriveSeed(seed, r), whatever batch it ran in.
    const sizing = stepSizing(p.plan);
    for (const r of [0, values.length - 1]) expect(values[r]).toBe(simulateRun(p.w, sizing, deriveSeed(1, r)).makespanSeconds);
  });

  it('stops at --max-runs when the precision is out of reach, and says so', () => {
    const s = replicate(noisy, auto(0.0001, 25));
    expect(s.replications).toHaveLength(25);
    expect(s.reason).toBe('maxRuns');
    expect(s.relativeHalfWidth).toBeGreaterThan(0.0001);
  });

  it('a fixed count runs exactly that many', () => {
    const s = replicate(noisy, { runs: 7, auto: null, seed: 1, workers: null });
    expect(s.replications).toHaveLength(7);
    expect(s.reason).toBe('fixed');
  });
});

describe('flyscale simulate on a workflow, --runs auto', () => {
  const args = ['simulate', 'examples/workflows/inference-chain.yaml', '--json', '--runs', 'auto', '--precision', '5%', '--max-runs', '200'];
  it('reports how many runs and why it stopped; the same seed gives the same bytes for any worker count', () => {
    const one = flyscale([...args, '--workers', '1']);
    const two = flyscale([...args, '--workers', '3']);
    expect(one.code).toBe(0);
    expect(one.stdout).toBe(two.stdout);
    const r = JSON.parse(one.stdout);
    expect(r.stopping).toMatchObject({ rule: 'auto', reason: 'precision', precision: 0.05, maxRuns: 200 });
    const [lo, hi] = r.makespan.ci95Seconds;
    expect(r.stopping.relativeHalfWidth).toBeCloseTo((hi - lo) / 2 / r.makespan.meanSeconds, 9);
    expect(r.stopping.relativeHalfWidth).toBeLessThanOrEqual(0.05);
    const text = flyscale(args.filter((a) => a !== '--json'));
    expect(text.stdout).toContain(`${r.runs} replications (settled: mean end-to-end latency ±`);
  });
  it('is the default, and --max-runs stops it first', () => {
    const r = JSON.parse(flyscale(['simulate', 'examples/workflows/inference-chain.yaml', '--json', '--precision', '0.01%', '--max-runs', '12']).stdout);
    expect(r.runs).toBe(12);
    expect(r.stopping).toMatchObject({ rule: 'auto', reason: 'maxRuns' });
    const fixed = JSON.parse(flyscale(['simulate', 'examples/workflows/inference-chain.yaml', '--json', '--runs', '4']).stdout);
    expect(fixed.runs).toBe(4);
    expect(fixed.stopping).toMatchObject({ rule: 'fixed', reason: 'fixed', precision: null });
  });
});
