// sweep FILE --set on a workflow or a stream, as a user runs it: the flags simulate applies to a
// workflow apply at every point, those that cannot apply are refused by name; a bad --set value
// is the flag's error, quoted as written, before "at least one list"; the tables keep one line
// per point at the width of a pipe; --help shows both forms.
import { describe, expect, it } from 'vitest';
import { flyscale } from '../helpers/cli.js';
import { tempDir } from '../helpers/files.js';

const tmp = tempDir('sweep-set');
// Fixed phases and runtimes, so every replication is alike and the latency is a hand sum.
const workflow = (replicas = 5) => ['profile:', '  phases: { upload: 1s, download: 1s, enqueue: 1s, create: 10s, dispatch: 0s }', 'limits: { enqueueRate: 100000/s }', 'environments:', `  pool: { replicas: ${replicas}, concurrency: 2, idleTtl: 60s }`, 'steps:', '  m: { kind: map, environment: pool, items: 100, itemRuntime: 1s, batchSize: 1 }', ''].join('\n');
const FILE = tmp.write('sweep.yaml', workflow());

interface Point {
  parameters: Record<string, string>;
  feasible: boolean;
  actions: number;
  latency: { meanSeconds: number };
  cost: number | null;
  billedReplicaSeconds: number;
}
const sweepJson = (args: readonly string[]): Point[] => {
  const r = flyscale(['sweep', FILE, ...args, '--runs', '2', '--json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return (JSON.parse(r.stdout) as { points: Point[] }).points;
};
const at = (points: readonly Point[], batch: string): Point | undefined => points.find((p) => p.parameters['steps.m.batchSize'] === batch);

describe('sweep --set applies the flags simulate applies to a workflow', () => {
  it('prices every point with --per-replica-hour, as simulate does', () => {
    const points = sweepJson(['--set', 'environments.pool.replicas=5,10', '--per-replica-hour', '0.5']);
    for (const p of points) {
      // The price per replica-hour times the billed replica-seconds.
      expect(p.cost).not.toBeNull();
      expect(p.cost).toBeCloseTo((p.billedReplicaSeconds * 0.5) / 3600, 12);
    }
    // simulate on the file as written (5 replicas) with the same flag, runs and seed: the same cost.
    const sim = JSON.parse(flyscale(['simulate', FILE, '--per-replica-hour', '0.5', '--runs', '2', '--seed', '1', '--json']).stdout) as { cost: number };
    expect(points.find((p) => p.parameters['environments.pool.replicas'] === '5')?.cost).toBe(sim.cost);
  });
  it('applies a phase flag and the limits to every point', () => {
    // Upload 2 s: the parent's upload (2) and enqueue (1), 10 waves on 10 slots of one item
    // (download 1 + 1 s + upload 2), the parent's download (1): 3 + 40 + 1 = 44 s. Batches of 2:
    // 5 waves of 1 + 2 + 2 = 5 s: 3 + 25 + 1 = 29 s. Without the flag: 33 s and 23 s.
    const points = sweepJson(['--set', 'steps.m.batchSize=1,2', '--upload', '2s', '--max-actions-per-run', '80', '--recommended-actions-per-run', '60']);
    expect(at(points, '1')?.latency.meanSeconds).toBe(44);
    expect(at(points, '2')?.latency.meanSeconds).toBe(29);
    // 100 actions and the parent's: 101 over the hard limit of 80; 51 within it.
    expect(at(points, '1')).toMatchObject({ actions: 101, feasible: false });
    expect(at(points, '2')).toMatchObject({ actions: 51, feasible: true });
  });
  it.each([
    [['--race'], '--race:'],
    [['--batch-size', '100,200'], '--batch-size: "100,200" is a list'],
    [['--replicas', '1..3/1'], 'environments.<environment>.replicas='],
    [['--profile', 'default,flyte-oss'], '--profile: "default,flyte-oss" is a list of profiles'],
  ])('refuses %j, which cannot apply with --set, by name and with exit 2', (flags, said) => {
    const r = flyscale(['sweep', FILE, '--set', 'steps.m.batchSize=1,2', ...flags, '--runs', '2']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(said);
  });
  it('says --workers changes nothing here, rather than drop it silently', () => {
    const r = flyscale(['sweep', FILE, '--set', 'steps.m.batchSize=1,2', '--workers', '2', '--runs', '2']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('--workers has no effect on a sweep by --set');
  });
});

describe('sweep --set on a stream', () => {
  it('replicates the whole stream 5 times at each point when --runs does not say (docs/streams.md)', () => {
    const stream = tmp.write('queue.yaml', ['name: queue', 'profile:', '  phases: { upload: 0s, download: 0s, enqueue: 0s, create: 0s, dispatch: 0s }', 'environments:', '  pool: { replicas: 2, concurrency: 1 }', 'steps:', '  serve: { kind: task, environment: pool, runtime: 100ms }', 'arrivals: { rate: 1/s, runs: 200 }', ''].join('\n'));
    const r = flyscale(['sweep', stream, '--set', 'environments.pool.replicas=1,2', '--json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { runs: number }).runs).toBe(5);
  });
});

describe('a bad --set value is the flag\'s error', () => {
  const bad = (set: string) => {
    const r = flyscale(['sweep', FILE, '--set', set, '--runs', '2']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    // The file has batchSize: 1 and replicas: 5 at those lines: it is not the file's error.
    expect(r.stderr).not.toContain('sweep.yaml:');
    return r.stderr;
  };
  it.each([
    ['steps.m.batchSize=abc,2', '--set steps.m.batchSize: "abc" is not a number'],
    ['environments.pool.replicas=2:x,3', '--set environments.pool.replicas: "2:x" is not a replica count'],
    ['environments.pool.idleTtl=5,10s', '--set environments.pool.idleTtl: 5 has no unit'],
    ['steps.m.itemRuntime={median: 1s},2s', '--set steps.m.itemRuntime: "{median: 1s}": missing "p95"'],
  ])('%s names the flag and the value as written', (set, said) => {
    expect(bad(set)).toContain(said);
  });
  it('quotes .inf as written, never Infinity', () => {
    const said = bad('environments.pool.idleTtl=.inf,10s');
    expect(said).toContain('--set environments.pool.idleTtl: ".inf" is not a duration');
    expect(said).not.toContain('Infinity');
  });
  it.each([
    ['steps.n.batchSize=3', 'steps has no "n"'],
    ['steps.m.batchSze=3', 'a step has no setting "batchSze"; did you mean "batchSize"?'],
    ['steps.m.replicas=3', '"replicas" belongs to an environment'],
    ['environments.pool.replicas=2:x', '"2:x" is not a replica count'],
    ['steps.m.batchSize=100..x/10', '"100..x/10" is not a number'],
  ])('a single value %s says what is wrong with it before asking for a list', (set, said) => {
    const stderr = bad(set);
    expect(stderr).toContain(said);
    expect(stderr).not.toContain('at least one list');
  });
  it('a path set twice is refused, not one of its lists dropped', () => {
    const r = flyscale(['sweep', FILE, '--set', 'steps.m.batchSize=1,2', 'steps.m.batchSize=3,4']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--set steps.m.batchSize: the path is set twice');
  });
  it('a good single value still asks for a list', () => {
    const r = flyscale(['sweep', FILE, '--set', 'steps.m.batchSize=2']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('a workflow is swept by --set, with at least one list');
  });
});

/** Body rows start with a rank; a wrapped row would leave a line whose first cell is blank. */
const rows = (text: string): string[] => text.split('\n').filter((l) => /^│ +\d+ │/.test(l));
const wrapped = (text: string): string[] => text.split('\n').filter((l) => /^│ +│/.test(l));
/** The widest line of the table (the subtitle above it is text, wrapped by the terminal). */
const widest = (text: string): number => Math.max(...text.split('\n').filter((l) => /^[┌│└]/.test(l)).map((l) => [...l].length));

describe('workflow and stream sweep tables in a pipe', () => {
  it('a workflow sweep keeps one line per point in 100 columns, and every column when wide', () => {
    const args = ['sweep', FILE, '--set', 'environments.pool.replicas=5,10', 'steps.m.batchSize=1,2', '--runs', '2'];
    const piped = flyscale(args).stdout;
    expect(widest(piped)).toBeLessThanOrEqual(100);
    expect(rows(piped)).toHaveLength(4);
    expect(wrapped(piped)).toEqual([]);
    const wide = flyscale(args, { env: { COLUMNS: '200' } }).stdout;
    expect(wide).toMatch(/│ rank │ environments\.pool\.replicas │ steps\.m\.batchSize │ mean │ p99 │ cost\/run +│ actions │ feasible │/);
  });
  it('a workflow sweep gives up actions, then p99, then the feasible column, in a narrow terminal', () => {
    const args = ['sweep', FILE, '--set', 'environments.pool.replicas=5,10', 'steps.m.batchSize=1,2', '--runs', '2', '--max-actions-per-run', '80', '--recommended-actions-per-run', '60'];
    const narrow = flyscale(args, { env: { COLUMNS: '75' } }).stdout;
    expect(widest(narrow)).toBeLessThanOrEqual(75);
    expect(narrow).toMatch(/│ rank │ pool\.replicas │ m\.batchSize │ mean │ replica-s\/run │ feasible │/);
    expect(rows(narrow)).toHaveLength(4);
    // Narrower still: no feasible column, and a point of 101 actions (over 80) reads infeasible.
    const narrowest = flyscale(args, { env: { COLUMNS: '68' } }).stdout;
    expect(widest(narrowest)).toBeLessThanOrEqual(68);
    expect(narrowest).toMatch(/│ rank │ pool\.replicas │ m\.batchSize │ mean +│ replica-s\/run │\n/);
    expect(rows(narrowest).filter((l) => l.includes('infeasible'))).toHaveLength(2);
    expect(wrapped(narrowest)).toEqual([]);
  });
  it('the stream sweep of examples/streams/sweep.sh keeps one line per point in 100 columns', () => {
    const r = flyscale(['sweep', 'examples/streams/inference-service.yaml', '--set', 'environments.gpu.replicas=2,3,4,1:6', 'environments.gpu.scaledownTtl=30s,5m', '--runs', '1']);
    expect(r.code).toBe(0);
    expect(widest(r.stdout)).toBeLessThanOrEqual(100);
    expect(rows(r.stdout)).toHaveLength(8);
    expect(wrapped(r.stdout)).toEqual([]);
  });
});

describe('sweep --help', () => {
  it('shows --set on a workflow and on a stream file', () => {
    const help = flyscale(['sweep', '--help']).stdout;
    expect(help).toContain('$ flyscale sweep examples/workflows/nightly-embed.yaml --set steps.embed.batchSize=100,150,300 --runs 10');
    expect(help).toContain('$ flyscale sweep examples/streams/inference-service.yaml --set environments.gpu.replicas=2,3,4,1:6 environments.gpu.scaledownTtl=30s,5m --runs 3');
  });
});
