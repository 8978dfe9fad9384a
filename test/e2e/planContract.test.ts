// The plan's contract as a user meets it on the command line (issue 8): one batch size, soft
// targets that yield, remedies that apply, the cost, nested inputs, words for users and the
// defaults flyscale assumes.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { flyscale } from '../helpers/cli.js';
import { tempDir } from '../helpers/files.js';

const tmp = tempDir('contract');
type Json = Record<string, unknown>;
const json = (args: string[]): { code: number | null; report: Json } => {
  const r = flyscale([...args, '--json']);
  return { code: r.code, report: JSON.parse(r.stdout) as Json };
};
const batchOf = (r: Json): Json => r.batch as Json;
const codes = (r: Json): string[] => (r.findings as { code: string }[]).map((f) => f.code);

describe('plan: one batch size', () => {
  it('a memory-capped recommendation is the size the estimate and the fan-out use', () => {
    // 100,000 items of 10 ms, 50 MiB each, 4 GiB per task, one action per replica:
    // memory allows floor(4096 / 50) = 81 while the runtime floor asks for ceil(1 / 0.01) = 100
    const { code, report } = json(['plan', '--items', '100000', '--item-runtime', '10ms', '--item-memory', '50MiB', '--task-memory', '4GiB', '--concurrency', '1', '--batch-size', 'auto']);
    expect(code).toBe(0);
    expect(batchOf(report)).toMatchObject({ recommended: 81, binding: 'memory', size: 81, cap: 81, feasible: true });
    // ceil(100,000 / 81) = 1,235 actions
    expect((report.fanout as Json).actions).toBe(1235);
    expect(batchOf(report).actions).toBe(1235);
  });

  it('5% over the fan-out target with batchSize auto exits 0, as pinning the size does', () => {
    // 1,050,000 items: the target asks for 53 per action, memory allows floor(4000 / 80) = 50 → 21,000 actions
    const args = ['plan', '--items', '1050000', '--item-runtime', '2s', '--item-memory', '80MiB', '--task-memory', '4000MiB', '--concurrency', '1'];
    const auto = json([...args, '--batch-size', 'auto']);
    expect(auto.code).toBe(0);
    expect((auto.report.fanout as Json).actions).toBe(21_000);
    expect(codes(auto.report)).not.toContain('batchInfeasible');
    expect(json([...args, '--batch-size', '50']).code).toBe(0);
  });

  it('over the 50,000-action limit against a cap is infeasible and exits 1', () => {
    // 10,000,000 items need ceil(10^7 / 50,000) = 200 per action; memory allows 81
    const { code, report } = json(['plan', '--items', '10000000', '--item-runtime', '10ms', '--item-memory', '50MiB', '--task-memory', '4GiB', '--concurrency', '1', '--batch-size', 'auto']);
    expect(code).toBe(1);
    expect(batchOf(report)).toMatchObject({ feasible: false, minimum: 200, recommended: 81, size: 81 });
    expect(codes(report)).toContain('batchInfeasible');
  });
});

describe('plan: cost, inputs and words', () => {
  it('with a price, plan prints and reports the closed-form cost', () => {
    // pods of 10 items × 1 s with a 30 s create: S = 40 s, 100 actions of the 1,000 default items:
    // 4,000 pod-seconds (no transfer bytes; upload/download latencies add to S only in the slot:
    // d_in 30 ms + u_out 50 ms → S = 30 + 0.03 + 10 + 0.05 = 40.08 s; 100 × 40.08 = 4,008 s)
    // at 0.9 per hour: 0.9 × 4,008 / 3,600 = 1.002
    const base = ['plan', '--profile', 'flyte-oss', '--items', '1000', '--item-runtime', '1s', '--batch-size', '10', '--pod-per-task', '--per-replica-hour', '0.9'];
    const overrides = ['--create', '30s', '--upload', '50ms', '--download', '30ms', '--enqueue', '0s', '--item-input-size', '0B', '--item-output-size', '0B'];
    const { report } = json([...base, ...overrides]);
    const e = report.estimate as Json;
    expect(e.billedReplicaSeconds as number).toBeCloseTo(4008, 6);
    expect(e.cost as number).toBeCloseTo(1.002, 9);
    const text = flyscale([...base, ...overrides]).stdout;
    expect(text).toMatch(/cost\s+│ 1\.00 for 1\.1 replica-hours/);
  });

  it('inputs are nested: inputs.<section>.<key>.source, as docs/reference.md says', () => {
    const { report } = json(['plan', '--replicas', '3']);
    const inputs = report.inputs as Record<string, Record<string, { value: unknown; source: string }>>;
    expect(inputs.environment?.replicas).toEqual({ value: { min: 3, max: 3 }, source: 'flag --replicas' });
    expect(Object.keys(inputs)).toEqual(['phases', 'limits', 'workload', 'environment', 'failures', 'pricing']);
  });

  it('help speaks of Flyte\'s scaling guide, never of "the seed" or MODEL §', () => {
    for (const args of [['--help'], ['plan', '--help'], ['overhead']]) {
      const out = flyscale(args).stdout;
      expect(out, args.join(' ')).not.toMatch(/\bthe seed\b|seed's|MODEL/);
    }
    expect(flyscale(['--help']).stdout).toContain("Flyte's scaling guide");
  });
});

describe('plan: defaults it assumes are said', () => {
  it('a profile without dispatch (fitted with no dispatch rows) gets an info finding', () => {
    const profile = tmp.write('nodispatch.yaml', ['name: measured', 'phases:', '  upload: 60ms', '  download: 30ms', '  enqueue: 170ms', '  create: 25s', ''].join('\n'));
    const { code, report } = json(['plan', '--profile', profile]);
    expect(code).toBe(0);
    const f = (report.findings as { code: string; severity: string; message: string }[]).find((x) => x.code === 'defaultAssumed');
    expect(f?.severity).toBe('info');
    // the built-in dispatch default is 0s (docs/reference.md)
    expect(f?.message).toContain('does not set phases.dispatch (0s): flyscale assumes this built-in default');
  });

  it('profile fit from logs without dispatch rows says so in the profile, and plan with it too', () => {
    const log = tmp.write('nodispatch.csv', ['phase,seconds', ...Array.from({ length: 40 }, (_, i) => `enqueue,${(0.1 + i / 1000).toFixed(3)}`), ...Array.from({ length: 40 }, (_, i) => `create,${20 + i / 10}`), ''].join('\n'));
    const out = `${tmp.dir}/fitted.yaml`;
    expect(flyscale(['profile', 'fit', log, '--out', out]).code).toBe(0);
    const yaml = readFileSync(out, 'utf8');
    expect(yaml).toContain('# Not measured: upload, download, dispatch.');
    const { report } = json(['plan', '--profile', out]);
    const f = (report.findings as { code: string; message: string }[]).find((x) => x.code === 'defaultAssumed');
    // 50ms, 30ms and 0s are the built-in defaults of upload, download and dispatch (docs/reference.md)
    expect(f?.message).toContain('does not set phases.upload (50ms), phases.download (30ms), phases.dispatch (0s)');
  });

  it('--replica-cpus without --action-cpu says that CPU sharing is off', () => {
    const { report } = json(['plan', '--replica-cpus', '4']);
    expect(codes(report)).toContain('cpuSharingOff');
    expect(codes(json(['plan', '--replica-cpus', '4', '--action-cpu', '1']).report)).not.toContain('cpuSharingOff');
  });
});
