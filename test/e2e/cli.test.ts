import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FIELDS } from '../../src/config/fields.js';
import { OVERHEAD_PHASES } from '../../src/core/overhead.js';
import { flyscale, ROOT, STACK_LINE } from '../helpers/cli.js';
import { tempDir } from '../helpers/files.js';

const tmp = tempDir('e2e-cli');
type Json = Record<string, unknown>;

/** The value at a dotted path, or undefined. */
function at(obj: unknown, path: string): unknown {
  let node: unknown = obj;
  for (const step of path.split('.')) node = typeof node === 'object' && node !== null ? (node as Json)[step] : undefined;
  return node;
}

describe('flyscale init', () => {
  const target = join(tmp.dir, 'scenario.yaml');

  it('writes a starter file that plans cleanly', () => {
    const run = flyscale(['init'], { cwd: tmp.dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('wrote scenario.yaml');
    const text = readFileSync(target, 'utf8');
    expect(text.startsWith('# yaml-language-server: $schema=')).toBe(true);
    const plan = flyscale(['plan', 'scenario.yaml', '--json'], { cwd: tmp.dir });
    expect(plan.code).toBe(0);
    expect(JSON.parse(plan.stdout)).toMatchObject({ scenario: { file: 'scenario.yaml' }, inputs: { workload: { items: { source: 'scenario scenario.yaml' } } } });
  });

  it('refuses to overwrite without --force', () => {
    writeFileSync(target, '# mine\n');
    const run = flyscale(['init'], { cwd: tmp.dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('--force');
    expect(run.stderr).not.toMatch(STACK_LINE);
    expect(readFileSync(target, 'utf8')).toBe('# mine\n');
  });

  it('overwrites with --force', () => {
    writeFileSync(target, '# mine\n');
    const run = flyscale(['init', '--force'], { cwd: tmp.dir });
    expect(run.code).toBe(0);
    expect(readFileSync(target, 'utf8')).toContain('workload:');
  });

  it('writes to a named file', () => {
    expect(flyscale(['init', 'other.yaml'], { cwd: tmp.dir }).code).toBe(0);
    expect(existsSync(join(tmp.dir, 'other.yaml'))).toBe(true);
  });
});

describe('plan --json: the report contract (MODEL §7)', () => {
  const run = flyscale(['plan', '--json']);
  const report = JSON.parse(run.stdout) as Json;

  it('stdout holds only JSON; exit 0', () => {
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout.trimStart().startsWith('{')).toBe(true);
  });

  it('has schemaVersion, tool and the stable paths', () => {
    expect(report.schemaVersion).toBe(2);
    expect(report.tool).toMatchObject({ name: 'flyscale', version: expect.any(String) });
    const numbers = [
      'overhead.perAction.meanSeconds',
      'overhead.perAction.p50Seconds',
      'overhead.perAction.p95Seconds',
      'overhead.perAction.p99Seconds',
      'batch.recommended',
      'batch.runtimeSeconds',
      'fanout.actions',
      'concurrency.effective',
      'estimate.makespanSeconds',
      'estimate.throughputItemsPerSecond',
      ...OVERHEAD_PHASES.map((p) => `overhead.components.${p}.meanSeconds`),
    ];
    for (const path of numbers) expect(typeof at(report, path), path).toBe('number');
    expect(['overhead', 'floor', 'fanout', 'items']).toContain(at(report, 'batch.binding'));
    expect(['ok', 'warn', 'over']).toContain(at(report, 'fanout.status'));
    expect(typeof at(report, 'concurrency.binding')).toBe('string');
    const findings = report.findings as Json[];
    expect(Array.isArray(findings)).toBe(true);
    for (const f of findings) {
      expect(typeof f.code).toBe('string');
      expect(['error', 'warn', 'info']).toContain(f.severity);
      expect(typeof f.message).toBe('string');
    }
  });

  it('is consistent with itself', () => {
    // inputs are nested by section, then key: inputs.workload.items (jq: .inputs.workload.items)
    expect(((report.inputs as Json).workload as Json).items).toMatchObject({ value: 1_000_000 });
    expect(Object.keys(report.inputs as object).every((k) => !k.includes('.'))).toBe(true);
    // actions = ceil(N / b); throughput = N / makespan; percentiles ordered
    expect(at(report, 'fanout.actions')).toBe(Math.ceil(1_000_000 / (at(report, 'batch.size') as number)));
    expect(at(report, 'estimate.throughputItemsPerSecond') as number).toBeCloseTo(1_000_000 / (at(report, 'estimate.makespanSeconds') as number), 3);
    const p = report.overhead as { perAction: { p50Seconds: number; p95Seconds: number; p99Seconds: number } };
    expect(p.perAction.p50Seconds).toBeLessThanOrEqual(p.perAction.p95Seconds);
    expect(p.perAction.p95Seconds).toBeLessThanOrEqual(p.perAction.p99Seconds);
  });

  it('records where every input came from', () => {
    const inputs = report.inputs as Record<string, Record<string, { source: string }>>;
    for (const [section, keys] of Object.entries(inputs)) for (const [key, input] of Object.entries(keys)) expect(input.source, `${section}.${key}`).toMatch(/^(default|profile .+|scenario .+|flag --.+)$/);
    expect(inputs.limits?.maxActionsPerRun?.source).toBe('profile default');
    expect(inputs.workload?.items?.source).toBe('scenario examples/scaling-guide.yaml');
    expect(inputs.failures?.retries?.source).toBe('default');
    const flagged = JSON.parse(flyscale(['plan', '--json', '--items', '2000000']).stdout) as { inputs: Record<string, Record<string, { source: string; value: unknown }>> };
    expect(flagged.inputs.workload?.items).toEqual({ value: 2_000_000, source: 'flag --items' });
  });

  it('the same run gives byte-identical JSON', () => {
    expect(flyscale(['plan', '--json']).stdout).toBe(run.stdout);
  });
});

describe('help and schema', () => {
  it.each(['plan', 'overhead', 'batch', 'fanout', 'init', 'schema'])('%s --help exits 0 with examples', (command) => {
    const run = flyscale([command, '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Examples:');
    expect(run.stdout).toContain(`$ flyscale ${command}`);
  });

  it('plan --help lists a flag for every field', () => {
    const help = flyscale(['plan', '--help']).stdout;
    for (const f of FIELDS) expect(help).toContain(`--${f.key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`);
  });

  it('--version prints the package version', () => {
    const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    expect(flyscale(['--version']).stdout.trim()).toBe(version);
  });

  it('schema prints valid JSON whose scenario schema lists every field', () => {
    const run = flyscale(['schema']);
    expect(run.code).toBe(0);
    const schemas = JSON.parse(run.stdout) as { profile: Json; scenario: { properties: Record<string, { properties: Json }> } };
    for (const f of FIELDS) expect(schemas.scenario.properties[f.section]?.properties, `${f.section}.${f.key}`).toHaveProperty(f.key);
    expect(JSON.parse(flyscale(['schema', 'profile']).stdout)).toMatchObject({ title: 'flyscale profile' });
  });

  it('markdown output is Markdown', () => {
    const run = flyscale(['plan', '--format', 'markdown']);
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith('## flyscale plan: scaling-guide\n')).toBe(true);
  });
});

describe('the library export', () => {
  const index = join(ROOT, 'src/index.ts');
  it.skipIf(!existsSync(index))('import { plan } from the package entry', async () => {
    const lib = (await import(pathToFileURL(index).href)) as Json;
    expect(typeof lib.plan).toBe('function');
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { exports: Record<string, Record<'import' | 'require', { default: string; types: string }>> };
    for (const condition of ['import', 'require'] as const) {
      for (const file of ['default', 'types'] as const) expect(existsSync(join(ROOT, pkg.exports['.']?.[condition][file] ?? 'missing')), `${condition}.${file}`).toBe(true);
    }
  });

  it('plan() returns exactly what `flyscale plan --json` prints, for a scenario given as data', async () => {
    const { plan } = (await import(pathToFileURL(index).href)) as { plan: (input: unknown) => unknown };
    const scenario = { workload: { items: 200_000, itemRuntime: '50ms', batchSize: 'auto' }, environment: { replicas: [2, 8], concurrency: 4 } };
    const file = join(mkdtempSync(join(tmpdir(), 'flyscale-lib-')), 'lib.json');
    writeFileSync(file, JSON.stringify(scenario));
    const cli = flyscale(['plan', file, '--json']);
    const fromCli = JSON.parse(cli.stdout) as Json;
    const fromLib = plan({ scenario }) as Json;
    // the only difference is where the scenario came from
    expect({ ...fromLib, scenario: null, inputs: null }).toEqual({ ...fromCli, scenario: null, inputs: null });
    expect(Object.keys(fromLib.inputs as object)).toEqual(Object.keys(fromCli.inputs as object));
  });
});
