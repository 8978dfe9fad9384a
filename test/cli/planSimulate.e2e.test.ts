// flyscale plan --simulate: the simulated makespan beside the closed form, and the
// simulationDiffers finding exactly when the two are more than 10% apart.
import { afterAll, describe, expect, test } from 'vitest';
import { fixedScenario, flyscale, json, scratch } from './run.js';

const dir = scratch({
  // Closed form exact: 12 slots, 240 actions of 2 s → 20 waves × 2 s = 40 s; simulated 40 s.
  'agree.yaml': fixedScenario({ items: 240, itemRuntime: '2s', replicas: 4, concurrency: 3 }),
  // One warm replica of one slot, autoscaling to 20 with a 10-minute cold start; 20 actions
  // of 10 s. The closed form takes C_eff = 20 × 1 slots → one wave of 10 s, plus one cold
  // start (the pool must grow past its minimum) = 600 + 10 = 610 s. In the simulation the
  // warm replica runs all 20 actions back to back, 20 × 10 = 200 s, long before the 19 new
  // replicas are ready at 600 s. |200 − 610| / 610 ≈ 67% > 10%.
  'apart.yaml': fixedScenario({ items: 20, itemRuntime: '10s', replicas: '[1, 20]', concurrency: 1 }).replace('create: 0s', 'create: 10m'),
});
afterAll(() => dir.cleanup());

type Finding = { code: string; severity: string; message: string };
type PlanJson = { estimate: { makespanSeconds: number }; simulation?: { runs: number; seed: number; makespan: { meanSeconds: number } }; findings: Finding[] };
const plan = (...args: string[]) => flyscale(['plan', ...args], { cwd: dir.dir });

describe('plan --simulate', () => {
  test('when they agree: simulation.makespan.meanSeconds beside the estimate, and no finding', () => {
    const r = plan('agree.yaml', '--simulate', '--runs', '5', '--json');
    expect(r.code).toBe(0);
    const p = json<PlanJson>(r);
    expect(p.estimate.makespanSeconds).toBe(40);
    expect(p.simulation?.makespan.meanSeconds).toBe(40);
    expect(p.simulation).toMatchObject({ runs: 5, seed: 1 });
    expect(p.findings.map((f) => f.code)).not.toContain('simulationDiffers');
  });

  test('when they are far apart: the simulationDiffers finding, a warning with both numbers', () => {
    const r = plan('apart.yaml', '--simulate', '--runs', '5', '--json');
    const p = json<PlanJson>(r);
    expect(p.estimate.makespanSeconds).toBe(610);
    expect(p.simulation?.makespan.meanSeconds).toBe(200);
    const f = p.findings.find((x) => x.code === 'simulationDiffers');
    expect(f?.severity).toBe('warn');
    // 3m 20s simulated, 10m 10s estimated, 410 / 610 ≈ 67%
    expect(f?.message).toContain('3m 20s');
    expect(f?.message).toContain('10m 10s');
    expect(f?.message).toContain('67%');
    // A warning does not fail the plan.
    expect(r.code).toBe(0);
  });

  test('without --simulate there is no simulation block and no comparison', () => {
    const p = json<PlanJson>(plan('apart.yaml', '--json'));
    expect(p).not.toHaveProperty('simulation');
    expect(p.findings.map((f) => f.code)).not.toContain('simulationDiffers');
  });

  test('the table shows the simulated block', () => {
    const r = plan('agree.yaml', '--simulate', '--runs', '3');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Simulated \(3 runs, seed 1\)/);
  });

  test.each([['--runs'], ['--seed'], ['--workers']])('%s without --simulate is bad input, not silently ignored', (flag) => {
    const r = plan('agree.yaml', flag, '2');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${flag}: ${flag} applies only with --simulate`);
  });

  test.each([
    [['--runs', '0']],
    [['--seed', 'x']],
    [['--workers', '0']],
  ])('bad simulation flags %j exit 2', (args) => {
    const r = plan('agree.yaml', '--simulate', ...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bad input');
  });
});
