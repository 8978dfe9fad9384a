// plan on a workflow file, as a user runs it: the examples plan, the JSON keeps its stable
// paths, bad files exit 2 with the place, and a plain scenario is read as before.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { flyscale } from '../helpers/cli.js';
import { tempDir } from '../helpers/files.js';

const tmp = tempDir('workflow-cli');

describe('flyscale plan on a workflow file', () => {
  it('plans every example, with the stable paths', () => {
    for (const name of readdirSync('examples/workflows')) {
      const r = flyscale(['plan', `examples/workflows/${name}`, '--json']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const report = JSON.parse(r.stdout);
      expect(report.kind).toBe('workflow');
      for (const step of Object.values(report.steps) as Record<string, unknown>[]) {
        for (const key of ['startSeconds', 'endSeconds', 'actions', 'batch', 'binding', 'slackSeconds']) expect(step).toHaveProperty(key);
      }
      expect(report.criticalPath.length).toBeGreaterThan(0);
      expect(report.actions.total).toBe(report.fanout.actions);
      expect(report.estimate.makespanSeconds).toBe(Math.max(...(Object.values(report.steps) as { endSeconds: number }[]).map((s) => s.endSeconds)));
    }
  });
  it('names the step in its findings', () => {
    const r = flyscale(['plan', 'examples/workflows/nightly-embed.yaml', '--json']);
    const report = JSON.parse(r.stdout);
    expect(report.criticalPath).toEqual(['prepare', 'embed', 'index', 'report']);
    expect(report.actions).toMatchObject({ driver: 1, subParents: 4, traceRecords: 1 });
    expect(report.findings.some((f: { message: string }) => f.message.startsWith('embed: '))).toBe(true);
  });
  it('exits 2 on a cycle, naming it with the file and line', () => {
    const path = tmp.write('cycle.yaml', ['environments:', '  cpu: { podPerTask: true }', 'steps:', '  a: { kind: task, environment: cpu, after: [b] }', '  b: { kind: task, environment: cpu, after: [a] }', ''].join('\n'));
    const r = flyscale(['plan', path]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cycle.yaml:4:');
    expect(r.stderr).toContain('steps.a.after: the steps wait for each other in a cycle: a → b → a');
    expect(r.stdout).toBe('');
  });
  it('prints the workflow schema', () => {
    const r = flyscale(['schema', 'workflow']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).title).toBe('flyscale workflow');
  });
});

describe('flyscale simulate on a workflow file', () => {
  it('keeps the stable paths, and the same seed gives the same bytes for any worker count', () => {
    const args = ['simulate', 'examples/workflows/nightly-embed.yaml', '--runs', '6', '--seed', '3', '--json'];
    const one = flyscale([...args, '--workers', '1']);
    const two = flyscale([...args, '--workers', '2']);
    expect(one.code).toBe(0);
    expect(one.stdout).toBe(two.stdout);
    // The flag is not dropped without a word: it has no effect here, and stderr says so.
    expect(two.stderr).toContain('--workers has no effect on a workflow');
    expect(flyscale(args).stderr).not.toContain('--workers');
    const r = JSON.parse(one.stdout);
    expect(r.kind).toBe('workflow');
    expect(r.runs).toBe(6);
    for (const key of ['meanSeconds', 'ci95Seconds', 'p50Seconds', 'p95Seconds', 'p99Seconds']) expect(r.makespan).toHaveProperty(key);
    for (const name of ['prepare', 'embed', 'index', 'report']) {
      expect(r.steps[name].start.meanSeconds).toBeLessThanOrEqual(r.steps[name].end.meanSeconds);
    }
    expect(r.steps.report.end.meanSeconds).toBeCloseTo(r.makespan.meanSeconds, 9);
    expect(Object.keys(r.environments)).toEqual(['driver', 'gpu', 'cpu']);
    // The closed form's critical path, the same as plan's on the same file.
    const planned = JSON.parse(flyscale(['plan', 'examples/workflows/nightly-embed.yaml', '--json']).stdout);
    expect(r.criticalPath).toEqual(planned.criticalPath);
    expect(r.criticalPath).toEqual(['prepare', 'embed', 'index', 'report']);
  });
  it('draws a step Gantt with --timeline', () => {
    const r = flyscale(['simulate', 'examples/workflows/inference-chain.yaml', '--runs', '3', '--timeline']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Steps of replication 1 \(0 – .*\)\n {2}tokenize █+\n {2}embed {4} +█+/);
  });
});

describe('flyscale plan --compare', () => {
  it('recommends traces or warm reusable containers for the latency-critical chain', () => {
    const r = flyscale(['plan', 'examples/workflows/inference-chain.yaml', '--compare', '--runs', '50', '--json']);
    expect(r.code).toBe(0);
    const c = JSON.parse(r.stdout);
    expect(c.kind).toBe('workflowCompare');
    expect(c.best.choices.every((x: { chosen: string }) => x.chosen === 'trace' || x.chosen === 'warm')).toBe(true);
    expect(c.best.p99Seconds).toBeLessThan(c.patterns.pods.p99Seconds / 5);
  });
  it('refuses --compare on a plain scenario', () => {
    const r = flyscale(['plan', 'examples/scaling-guide.yaml', '--compare']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--compare');
  });
});

describe('flyscale check on a workflow file', () => {
  const budget = (assertions: string[]) =>
    tmp.write('budget.yaml', ['scenarios:', `  nightly: ${process.cwd()}/examples/workflows/nightly-embed.yaml`, 'assertions:', ...assertions, ''].join('\n'));
  it('asserts on the run-wide and per-step plan metrics', () => {
    // The plan says 20,008 actions and embed ends at about 23m 48s (README): one passes, one fails.
    const path = budget(['  - { name: actions, scenario: nightly, assert: actions.total <= 25000 }', '  - { name: embed, scenario: nightly, assert: steps.embed.endSeconds <= 20m }', '  - { name: run, scenario: nightly, assert: estimate.makespanSeconds <= 1h }']);
    const r = flyscale(['check', path, '--format', 'json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.assertions.map((a: { outcome: string }) => a.outcome)).toEqual(['pass', 'fail', 'pass']);
  });
  it('asserts on a simulated metric of a workflow, the value simulate reports for the same runs and seed', () => {
    // A p95 wants 100 runs for its interval; simulate.runs caps it at 20, clear of 1h at once.
    const path = budget(['  - { name: p95, scenario: nightly, simulate: { runs: 20, seed: 1 }, assert: makespan.p95Seconds <= 1h }']);
    const r = flyscale(['check', path, '--format', 'json']);
    expect(r.code).toBe(0);
    const a = JSON.parse(r.stdout).assertions[0];
    expect(a).toMatchObject({ verdict: 'pass', runs: 20, seed: 1 });
    const sim = JSON.parse(flyscale(['simulate', 'examples/workflows/nightly-embed.yaml', '--runs', '20', '--seed', '1', '--json']).stdout);
    expect(a.value).toBe(sim.makespan.p95Seconds);
  });
});

describe('flyscale sweep on a workflow file', () => {
  const file = () =>
    tmp.write('sweep.yaml', ['profile:', '  phases: { upload: 1s, download: 1s, enqueue: 1s, create: 10s, dispatch: 0s }', 'limits: { enqueueRate: 100000/s }', 'environments:', '  pool: { replicas: 5, concurrency: 2 }', 'steps:', '  m: { kind: map, environment: pool, items: 100, itemRuntime: 1s, batchSize: 1 }', ''].join('\n'));
  it('sets step and environment settings by path and ranks the points', () => {
    // 10 warm slots of 3 s: 1 + 1 + 10 waves × 3 + 1 = 33 s; 20 slots: 1 + 1 + 5 × 3 + 1 = 18 s;
    // batches of 2: 50 actions of 4 s: on 10 slots 5 waves, 1 + 1 + 20 + 1 = 23 s; on 20, 3 waves, 15 s.
    const r = flyscale(['sweep', file(), '--set', 'environments.pool.replicas=5,10', 'steps.m.batchSize=1,2', '--runs', '2', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    const at = (replicas: string, batch: string) => report.points.find((p: { parameters: Record<string, string> }) => p.parameters['environments.pool.replicas'] === replicas && p.parameters['steps.m.batchSize'] === batch);
    expect(at('5', '1').latency.meanSeconds).toBe(33);
    expect(at('10', '1').latency.meanSeconds).toBe(18);
    expect(at('5', '2').latency.meanSeconds).toBe(23);
    expect(at('10', '2').latency.meanSeconds).toBe(15);
    expect(report.points.map((p: { rank: number }) => p.rank)).toEqual([4, 3, 2, 1]);
  });
  it('names an undeclared step with did-you-mean, and a bad key as the file would', () => {
    const bad = flyscale(['sweep', file(), '--set', 'steps.n.batchSize=1,2']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('steps has no "n"');
    const key = flyscale(['sweep', file(), '--set', 'steps.m.batchSise=1,2']);
    expect(key.code).toBe(2);
    expect(key.stderr).toContain('did you mean "batchSize"');
  });
});

describe('a workflow report as an HTML page', () => {
  it('shows its tables for plan, simulate and --compare', () => {
    for (const args of [['plan', 'examples/workflows/nightly-embed.yaml'], ['simulate', 'examples/workflows/nightly-embed.yaml', '--runs', '2'], ['plan', 'examples/workflows/inference-chain.yaml', '--compare', '--runs', '5']]) {
      const r = flyscale([...args, '--format', 'html']);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout).toMatch(/^<!doctype html>/i);
      expect(r.stdout).toContain(args[1]?.includes('inference') ? 'tokenize' : 'embed');
    }
  });
});
