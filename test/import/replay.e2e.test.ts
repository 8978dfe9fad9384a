// Replay of runs whose schedule follows flyscale's own simulation semantics (scripts/
// make-flyte-runs.mjs: FIFO for a slot, a pod start inside it, warm dispatch on a ready
// replica): the observed makespan falls inside the predicted p5–p95, and exit 1 when a
// tolerance is tighter than the error.
import { describe, expect, it } from 'vitest';
import { flyscale } from '../profile/cli.js';

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
  it('a tolerance that is not a percentage is bad usage', () => {
    const r = flyscale(['replay', 'examples/flyte-runs/pods', '--tolerance', 'lots']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--tolerance: "lots" is not a percentage; write e\.g\. --tolerance 10%/);
  });
});
