// flyscale profile show, end to end: values of the built-in profile worked from its YAML by
// formula, and --compare deltas checked by arithmetic on two separate runs.
import { describe, expect, it } from 'vitest';
import { flyscale, STACK_FRAME, tempDir, writeTemp } from './cli.js';

type Stats = { meanSeconds: number; p50Seconds: number; p95Seconds: number; p99Seconds: number; bandwidthBytesPerSecond: number | null; distribution: string };
interface ShowJson {
  schemaVersion: number;
  tool: { name: string };
  command: string;
  phases: Record<string, Stats>;
  compare?: { phases: Record<string, Stats>; deltas: Record<string, Record<string, { absolute: number; percent: number | null } | null>> };
}

/** Φ⁻¹(0.95) and Φ⁻¹(0.99) to 16 digits (tables), independent of the code's approximation. */
const Z_95 = 1.6448536269514722;
const Z_99 = 2.3263478740408408;
/** profiles/*.yaml write lognormals as {median, p95}: sigma = ln(p95/median) / 1.6449 (MODEL §2). */
const lognormal = (median: number, p95: number) => {
  const mu = Math.log(median);
  const sigma = Math.log(p95 / median) / 1.6449;
  return { mean: Math.exp(mu + (sigma * sigma) / 2), p50: median, p95: Math.exp(mu + sigma * Z_95), p99: Math.exp(mu + sigma * Z_99) };
};

const show = (args: readonly string[]): ShowJson => {
  const r = flyscale(['profile', 'show', ...args, '--json']);
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout);
};

describe('profile show default --json', () => {
  const report = show(['default']);

  it('has the header and all seven core phases', () => {
    expect(report).toMatchObject({ schemaVersion: 2, tool: { name: 'flyscale' }, command: 'profile show' });
    expect(Object.keys(report.phases)).toEqual(['uploadInputs', 'enqueue', 'create', 'dispatch', 'downloadInputs', 'uploadOutputs', 'downloadOutputs']);
  });

  it('enqueue {median: 168ms, p95: 1.35s}: p50 0.168 s, and p95 1.35 s up to the 1.6449 rounding of z', () => {
    const e = report.phases.enqueue;
    const want = lognormal(0.168, 1.35);
    expect(e?.p50Seconds).toBe(0.168);
    // 7 places: the normal quantile in core is Acklam's approximation (relative error ~1e-9).
    expect(e?.meanSeconds).toBeCloseTo(want.mean, 9);
    expect(e?.p95Seconds).toBeCloseTo(want.p95, 7);
    expect(e?.p99Seconds).toBeCloseTo(want.p99, 7);
    // z = 1.6449 in the profile against Φ⁻¹(0.95) = 1.64485: 0.006% below the written 1.35 s.
    expect(Math.abs((e?.p95Seconds ?? 0) / 1.35 - 1)).toBeLessThan(1e-4);
  });

  it('transfers: the latency percentiles (0 bytes) and the bandwidth; splits fall back to upload and download', () => {
    const up = lognormal(0.06, 0.25);
    for (const phase of ['uploadInputs', 'uploadOutputs']) {
      expect(report.phases[phase]?.p50Seconds).toBe(0.06);
      expect(report.phases[phase]?.p99Seconds).toBeCloseTo(up.p99, 7);
      expect(report.phases[phase]?.bandwidthBytesPerSecond).toBe(80e6);
    }
    for (const phase of ['downloadInputs', 'downloadOutputs']) expect(report.phases[phase]?.bandwidthBytesPerSecond).toBe(100e6);
  });

  it('dispatch 50ms is fixed: every statistic 0.05', () => {
    expect(report.phases.dispatch).toEqual({ meanSeconds: 0.05, p50Seconds: 0.05, p95Seconds: 0.05, p99Seconds: 0.05, distribution: 'fixed', bandwidthBytesPerSecond: null });
  });
});

describe('profile show --compare', () => {
  const a = show(['default']);
  const b = show(['flyte-oss']);
  const both = show(['default', '--compare', 'flyte-oss']);

  it('carries both profiles and deltas = other − profile, percent of the profile', () => {
    expect(both.phases).toEqual(a.phases);
    expect(both.compare?.phases).toEqual(b.phases);
    for (const [phase, stats] of Object.entries(a.phases)) {
      for (const stat of ['meanSeconds', 'p50Seconds', 'p95Seconds', 'p99Seconds'] as const) {
        const x = stats[stat];
        const y = b.phases[phase]?.[stat] ?? Number.NaN;
        const d = both.compare?.deltas[phase]?.[stat];
        expect(d?.absolute).toBeCloseTo(y - x, 9);
        if (x === 0) expect(d?.percent).toBeNull();
        else expect(d?.percent).toBeCloseTo(((y - x) / x) * 100, 6);
      }
    }
  });

  it('create: median 30s → 30s is 0, and dispatch 50ms → 0s is −100%', () => {
    expect(both.compare?.deltas.create?.p50Seconds).toEqual({ absolute: 0, percent: 0 });
    expect(both.compare?.deltas.dispatch?.meanSeconds).toEqual({ absolute: -0.05, percent: -100 });
  });

  it('shows a table with Δ columns and a histogram line per phase and profile', () => {
    const r = flyscale(['profile', 'show', 'default', '--compare', 'flyte-oss']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/│ Δ\s+│ Δ%/);
    expect(r.stdout).toMatch(/-100%/);
    expect(r.stdout.match(/\(p1–p99, (log|linear) axis\)|\(one value\)/g)?.length).toBe(14);
  });
});

describe('profile show errors and formats', () => {
  it('an unknown name exits 2 with a suggestion', () => {
    const r = flyscale(['profile', 'show', 'defualt']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('did you mean "default"');
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });

  it('a bad profile file exits 2 naming file, line, column and key path', () => {
    const file = writeTemp(tempDir(), 'bad.yaml', 'name: bad\nphases:\n  enqueue: 200\n');
    const r = flyscale(['profile', 'show', file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${file}:3:12: phases.enqueue: 200 has no unit`);
  });

  it('--format markdown draws the same table as Markdown', () => {
    const r = flyscale(['profile', 'show', 'flyte-oss', '--format', 'markdown']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('## flyscale profile show: flyte-oss');
    expect(r.stdout).toContain('| t      create | lognormal (median 30s, σ 0.668) |');
  });
});
