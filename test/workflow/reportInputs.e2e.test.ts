// The inputs block of workflow and stream reports: the run-wide sections only (no workload or
// environment defaults that no step uses), a stream's arrivals with their sources, and a plain
// scenario's sections as before.
import { describe, expect, it } from 'vitest';
import { flyscale } from '../helpers/cli.js';

type Inputs = Record<string, Record<string, { value: unknown; unit?: string; source: string }>>;
const inputsOf = (args: string[]): Inputs => {
  const r = flyscale(args);
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { inputs: Inputs }).inputs;
};
const RUN_WIDE = ['phases', 'limits', 'failures', 'pricing'];

describe('inputs of a workflow and a stream report', () => {
  it('a workflow plan has the run-wide sections, not workload.items = 1000 (default) nor replicas {2,2} that no step uses', () => {
    const inputs = inputsOf(['plan', 'examples/workflows/nightly-embed.yaml', '--json']);
    expect(Object.keys(inputs)).toEqual(RUN_WIDE);
    expect(inputs.phases?.create?.source).toBe('profile default');
  });
  it('a stream adds its arrivals in core units, each with where it came from', () => {
    const inputs = inputsOf(['simulate', 'examples/streams/inference-service.yaml', '--stream-duration', '5m', '--warmup', '1m', '--runs', '2', '--json']);
    expect(Object.keys(inputs)).toEqual([...RUN_WIDE, 'arrivals']);
    // rate: 4/s in the file; 5m = 300 s and 1m = 60 s from the flags.
    expect(inputs.arrivals).toEqual({
      rate: { value: 4, unit: 'perSecond', source: 'workflow examples/streams/inference-service.yaml' },
      duration: { value: { dist: 'fixed', valueSeconds: 300 }, source: 'flag --stream-duration' },
      warmup: { value: { dist: 'fixed', valueSeconds: 60 }, source: 'flag --warmup' },
    });
  });
  it('a stream by flags on a workflow without arrivals: runs, and a warm-up by default', () => {
    const inputs = inputsOf(['simulate', 'examples/workflows/inference-chain.yaml', '--rate', '1/s', '--stream-runs', '20', '--runs', '2', '--json']);
    expect(Object.keys(inputs)).toEqual([...RUN_WIDE, 'arrivals']);
    expect(inputs.arrivals).toEqual({ rate: { value: 1, unit: 'perSecond', source: 'flag --rate' }, runs: { value: 20, source: 'flag --stream-runs' }, warmup: { value: { dist: 'fixed', valueSeconds: 0 }, source: 'default' } });
  });
  it('a plain scenario keeps its sections and paths', () => {
    const inputs = inputsOf(['plan', '--json']);
    expect(Object.keys(inputs)).toEqual(['phases', 'limits', 'workload', 'environment', 'failures', 'pricing']);
    expect(inputs.workload?.items?.source).toBe('scenario examples/scaling-guide.yaml');
  });
});
