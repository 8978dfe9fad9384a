// simulate on a stream from the built binary: the stable JSON paths, the same bytes for any
// worker count, bad stream flags and files as exit 2, an unstable stream as exit 1 with no
// percentile.
import { describe, expect, it } from 'vitest';
import { flyscale } from '../helpers/cli.js';
import { tempDir } from '../helpers/files.js';

const files = tempDir('stream');
const EXAMPLE = 'examples/streams/inference-service.yaml';
const SHORT = ['--stream-duration', '10m', '--warmup', '1m', '--runs', '2'];
const SERVICE = files.write('service.yaml', ['name: service', 'profile:', '  phases: { upload: 0s, download: 0s, enqueue: 0s, create: 0s, dispatch: 0s }', 'workload: { items: 1, itemRuntime: { dist: exponential, mean: 1s } }', 'environment: { replicas: 4, concurrency: 1, idleTtl: 2m }', 'arrivals:', '  rate: 2/s', '  runs: 3000', '  warmup: 2m', ''].join('\n'));

const at = (x: unknown, path: string): unknown => path.split('.').reduce<unknown>((node, key) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined), x);

describe('simulate on a stream', () => {
  it('reports the stable paths as finite numbers', () => {
    const r = flyscale(['simulate', EXAMPLE, ...SHORT, '--json']);
    expect(r.code).toBe(0);
    const report: unknown = JSON.parse(r.stdout);
    expect(at(report, 'kind')).toBe('stream');
    for (const path of ['arrivals.ratePerSecond', 'arrivals.runs', 'latency.meanSeconds', 'latency.p50Seconds', 'latency.p95Seconds', 'latency.p99Seconds', 'latency.p999Seconds', 'wait.meanSeconds', 'wait.probability', 'load.offered', 'cost.perRun', 'cost.perHour', 'coldStarts.perHour']) {
      const v = at(report, path);
      expect(typeof v === 'number' && Number.isFinite(v), path).toBe(true);
    }
    expect(at(report, 'arrivals.ratePerSecond')).toBe(4);
    // 4/s for 10 minutes.
    expect(at(report, 'arrivals.runs')).toBe(2400);
    const ci = at(report, 'latency.ci95Seconds.p99Seconds');
    expect(Array.isArray(ci) && ci.length === 2).toBe(true);
    // Three steps: no queueing formula, and the report says why.
    expect(at(report, 'analytic.form')).toBeNull();
  });
  it('gives the same bytes twice and for any worker count', () => {
    const one = flyscale(['simulate', SERVICE, '--runs', '3', '--workers', '1', '--json']);
    const two = flyscale(['simulate', SERVICE, '--runs', '3', '--workers', '2', '--json']);
    expect(one.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(flyscale(['simulate', SERVICE, '--runs', '3', '--json']).stdout).toBe(one.stdout);
    const report: unknown = JSON.parse(one.stdout);
    // One action per run on 4 fixed slots, exponential runtimes, Poisson arrivals: M/M/c, exact.
    expect(at(report, 'analytic.form')).toBe('M/M/c');
    expect(at(report, 'analytic.method')).toBe('Erlang C');
    expect(typeof at(report, 'analytic.wait.meanSeconds')).toBe('number');
  });
  it('refuses a rate without a unit, naming the flag', () => {
    const r = flyscale(['simulate', SERVICE, '--rate', '3']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--rate: 3 has no unit; write 3\/s/);
  });
  it('a stream made by flags on a file without arrivals: its missing end names the flag, not a line of the file', () => {
    const r = flyscale(['simulate', 'examples/workflows/nightly-embed.yaml', '--rate', '3/s']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('flyscale: bad input\n  --rate: the stream has no end; add --stream-runs 10000 or --stream-duration 1h\n');
  });
  it('refuses a bad arrivals block with its file and line', () => {
    const bad = files.write('bad.yaml', ['workload: { items: 1 }', 'arrivals:', '  rate: 3/s', '  runz: 100', ''].join('\n'));
    const r = flyscale(['simulate', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.yaml:4:3: arrivals\.runz: unknown key "runz"; did you mean "runs"\?/);
    // runz: is the missing end: said once, not also as "the stream has no end".
    expect(r.stderr).not.toContain('no end');
  });
  it('an unstable stream exits 1 with the capacity needed and no percentile', () => {
    const r = flyscale(['simulate', SERVICE, '--rate', '5/s', '--json']);
    expect(r.code).toBe(1);
    const report: unknown = JSON.parse(r.stdout);
    expect(at(report, 'latency')).toBeNull();
    expect(at(report, 'wait')).toBeNull();
    expect(at(report, 'load.offered')).toBe(1.25);
    expect(JSON.stringify(at(report, 'findings'))).toMatch(/needs at least 6 replicas of concurrency 1 at 5\/s/);
  });
  it('shows replicas over time with --timeline', () => {
    const r = flyscale(['simulate', EXAMPLE, ...SHORT, '--timeline']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Replication 1 over time/);
    expect(r.stdout).toMatch(/gpu replicas/);
  });
  it('--p99 recommends the fewest replicas and shows the search with --explain', () => {
    const r = flyscale(['simulate', SERVICE, '--runs', '2', '--p99', '6s', '--explain', '--json']);
    expect(r.code).toBe(0);
    const rec = at(JSON.parse(r.stdout), 'recommendation');
    expect(at(rec, 'environment')).toBe('pool');
    expect(typeof at(rec, 'replicas')).toBe('number');
    const text = flyscale(['simulate', SERVICE, '--runs', '2', '--p99', '6s', '--explain']);
    expect(text.stdout).toMatch(/Recommendation \(p99 under 6s\)/);
    expect(text.stdout).toMatch(/The search on pool/);
    // Then the TTL: the file's value first, halving down to Flyte's minimum of 30 s, the one chosen named in the sentence.
    const ttl = at(rec, 'ttl');
    const tries = at(ttl, 'tries');
    expect(Array.isArray(tries) && tries.length).toBeGreaterThan(1);
    const seconds = Array.isArray(tries) ? tries.map((t) => at(t, 'seconds')) : [];
    expect(seconds[0]).toBe(at(ttl, 'fileSeconds'));
    expect(seconds[seconds.length - 1]).toBe(30);
    expect(seconds).toContain(at(ttl, 'seconds'));
    expect(text.stdout).toMatch(new RegExp(`, ${String(at(ttl, 'setting'))} [^:]+: p99 [^ ]+ under 6s, `));
    expect(text.stdout).toMatch(/Then (scaledownTtl|idleTtl) at \d+ replicas/);
  });
  it('--p99 needs a stream and a duration', () => {
    const plain = files.write('plain.yaml', 'workload: { items: 10 }\n');
    expect(flyscale(['simulate', plain, '--p99', '2s']).stderr).toMatch(/--p99 sizes a pool for a stream of runs/);
    const bad = flyscale(['simulate', SERVICE, '--p99', '2']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--p99: 2 has no unit/);
  });
});
