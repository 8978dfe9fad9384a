// Replay of runs whose schedule follows flyscale's own simulation semantics (scripts/
// make-flyte-runs.mjs: FIFO for a slot, a pod start inside it, warm dispatch on a ready
// replica): the observed makespan falls inside the predicted p5–p95, and exit 1 when a
// tolerance is tighter than the error.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { flyscale, tempDir, writeTemp } from '../profile/cli.js';

describe('flyscale replay', () => {
  for (const run of ['pods', 'reusable']) {
    it(`${run}: the observed makespan is inside the predicted interval`, () => {
      const r = flyscale(['replay', `examples/flyte-runs/${run}`, '--json', '--runs', '60', '--timeline']);
      expect(r.status).toBe(0);
      const report = JSON.parse(r.stdout);
      const { observed, predicted, error } = report;
      expect(observed.makespanSeconds).toBeGreaterThanOrEqual(predicted.makespanSeconds.p5);
      expect(observed.makespanSeconds).toBeLessThanOrEqual(predicted.makespanSeconds.p95);
      expect(error.insideP5P95).toBe(true);
      // error is observed − predicted mean, relative to the mean.
      expect(error.makespanRelative).toBeCloseTo((observed.makespanSeconds - predicted.makespanSeconds.mean) / predicted.makespanSeconds.mean, 9);
      expect(report.timeline.length).toBeGreaterThan(10);
      expect(Math.max(...report.timeline.map((p: { observedBusySlots: number }) => p.observedBusySlots))).toBe(observed.peakSlots);
    });
  }
  it('exit 1 and a finding when the makespan is outside the tolerance', () => {
    const r = flyscale(['replay', 'examples/flyte-runs/pods', '--json', '--runs', '30', '--tolerance', '0.01%']);
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(Math.abs(report.error.makespanRelative)).toBeGreaterThan(0.0001);
    expect(report.findings.map((f: { code: string }) => f.code)).toContain('makespanOutside');
  });
  it('concurrency capped below every limit the scenario knows is a finding', () => {
    // The reuse policy claims 16 replicas × 4 slots, but the run never had more than 32 busy
    // while actions queued for minutes: a limit the scenario does not know.
    const dir = tempDir();
    const text = readFileSync('examples/flyte-runs/reusable/actions.json', 'utf8').replaceAll('"max_replicas": 8', '"max_replicas": 16');
    const file = writeTemp(dir, 'actions.json', text);
    const r = flyscale(['replay', file, '--json', '--runs', '20']);
    const report = JSON.parse(r.stdout);
    expect(report.scenario.pool.maxReplicas).toBe(16);
    expect(report.observed.peakSlots).toBe(32);
    expect(report.findings.map((f: { code: string }) => f.code)).toContain('concurrencyCapped');
    expect(r.status).toBe(1);
  });
  it('the action list cannot be replayed', () => {
    const dir = tempDir();
    const file = writeTemp(dir, 'list.json', '[{"id": {"run": {"name": "r"}, "name": "a1"}, "metadata": {"parent": "a0"}, "status": {"phase": 5, "startTime": "2025-06-01T09:00:00Z", "endTime": "2025-06-01T09:00:01Z", "attempts": 1}}]');
    const r = flyscale(['replay', file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/list\.json: the action list has no attempts or phase transitions.*export every action with ActionDetails/);
  });
  it('a tolerance that is not a percentage is bad usage', () => {
    const r = flyscale(['replay', 'examples/flyte-runs/pods', '--tolerance', 'lots']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--tolerance: "lots" is not a percentage; write e\.g\. --tolerance 10%/);
  });
});
