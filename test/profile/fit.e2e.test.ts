// flyscale profile fit, end to end: the example log to a profile plan accepts, provenance,
// stdin, --out safety, --json, and every kind of bad row.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flyscale, ROOT, STACK_FRAME, tempDir, writeTemp } from './cli.js';

const EXAMPLE = 'examples/measurements/timings.csv';
const exampleText = readFileSync(join(ROOT, EXAMPLE), 'utf8');
const exampleSha = createHash('sha256').update(readFileSync(join(ROOT, EXAMPLE))).digest('hex');

interface FitJson {
  command: string;
  sources: { file: string; sha256: string; rows: number; badRows: number }[];
  phases: Record<string, { n: number; form: string; transfer: boolean; reason: string; meanSeconds: number; p50Seconds: number; p95Seconds: number; p99Seconds: number; bandwidthBytesPerSecond: number | null; outliers: number; trimmed: number }>;
  notes: { phase: string; code: string }[];
}

describe('profile fit on the example log', () => {
  const dir = tempDir();
  const out = join(dir, 'measured.yaml');
  const fit = flyscale(['profile', 'fit', EXAMPLE, '--out', out]);

  it('writes a profile that plan accepts', () => {
    expect(fit.status).toBe(0);
    const plan = flyscale(['plan', '--profile', out, '--json']);
    expect(plan.stderr).toBe('');
    expect(plan.status).toBe(0);
    expect(JSON.parse(plan.stdout).scenario.profile).toBe('measured');
  });

  it('records the file, its SHA-256, the rows and SOURCE_DATE_EPOCH as the date', () => {
    const yaml = readFileSync(out, 'utf8');
    expect(yaml).toContain(`# Fitted by \`flyscale profile fit\` on 2025-06-01 from 5900 observations in:`);
    expect(yaml).toContain(`${EXAMPLE}  sha256:${exampleSha}  (5,900 rows)`);
  });

  it('prints the per-phase summary on stdout when the YAML goes to a file', () => {
    expect(fit.stdout).toContain('Fitted phases');
    for (const phase of ['upload', 'download', 'enqueue', 'create', 'runtime']) expect(fit.stdout).toMatch(new RegExp(`│ ${phase}\\b`));
    expect(fit.stdout).toMatch(/enqueue: 3 outliers beyond 3 IQR/);
    expect(fit.stderr).toContain(`next: flyscale plan --profile ${out}`);
  });

  it('writes the same bytes on a second run (reproducible with SOURCE_DATE_EPOCH)', () => {
    // Same folder (so the same relative $schema line) and the same name.
    const again = flyscale(['profile', 'fit', EXAMPLE, '--out', join(dir, 'again.yaml'), '--name', 'measured']);
    expect(again.status).toBe(0);
    expect(readFileSync(join(dir, 'again.yaml'), 'utf8')).toBe(readFileSync(out, 'utf8'));
  });

  it('with the YAML on stdout, the summary goes to stderr and $schema is relative to the working folder', () => {
    const stdout = flyscale(['profile', 'fit', EXAMPLE]);
    expect(stdout.status).toBe(0);
    expect(stdout.stderr).toContain('Fitted phases');
    // run from the repository root: the installed package's schema is at node_modules/flyscale/…
    expect(stdout.stdout.split('\n')[0]).toBe('# yaml-language-server: $schema=node_modules/flyscale/schemas/profile.schema.json');
    // --out measured.yaml names the profile "measured", as does the default for stdout
    expect(stdout.stdout.split('\n').slice(1).join('\n')).toBe(readFileSync(out, 'utf8').split('\n').slice(1).join('\n'));
  });

  it('reports every phase in JSON, with the transfer form for upload and download', () => {
    const json = flyscale(['profile', 'fit', EXAMPLE, '--json']);
    expect(json.status).toBe(0);
    const report: FitJson = JSON.parse(json.stdout);
    expect(report.command).toBe('profile fit');
    expect(report.sources).toEqual([{ file: EXAMPLE, format: 'csv', sha256: exampleSha, rows: 5900, badRows: 0 }]);
    expect(Object.keys(report.phases).sort()).toEqual(['create', 'download', 'enqueue', 'runtime', 'upload']);
    expect(report.phases.enqueue?.n).toBe(2000);
    expect(report.phases.enqueue?.outliers).toBe(3);
    expect(report.phases.upload?.transfer).toBe(true);
    expect(report.phases.upload?.bandwidthBytesPerSecond).toBeGreaterThan(75e6);
    expect(report.phases.upload?.bandwidthBytesPerSecond).toBeLessThan(85e6);
    const e = report.phases.enqueue;
    expect(e !== undefined && e.p50Seconds <= e.p95Seconds && e.p95Seconds <= e.p99Seconds).toBe(true);
  });

  it('--trim excludes the three enqueue stalls and says so', () => {
    const report: FitJson = JSON.parse(flyscale(['profile', 'fit', EXAMPLE, '--json', '--trim']).stdout);
    expect(report.phases.enqueue?.n).toBe(1997);
    expect(report.phases.enqueue?.trimmed).toBe(3);
  });

  it('reads standard input for -, with the same fit and hash as the file', () => {
    const piped = flyscale(['profile', 'fit', '-'], { input: exampleText });
    expect(piped.status).toBe(0);
    expect(piped.stdout).toContain(`#   stdin  sha256:${exampleSha}  (5,900 rows)`);
    const fromFile = flyscale(['profile', 'fit', EXAMPLE]).stdout;
    const body = (yaml: string): string => yaml.split('\n').filter((l) => !l.startsWith('#') && !l.startsWith('description')).join('\n');
    expect(body(piped.stdout)).toBe(body(fromFile));
  });
});

describe('profile fit --out', () => {
  it('refuses to overwrite an existing file without --force, and overwrites with it', () => {
    const dir = tempDir();
    const out = writeTemp(dir, 'p.yaml', 'keep me\n');
    const refused = flyscale(['profile', 'fit', EXAMPLE, '--out', out]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('the file exists; pass --force');
    expect(readFileSync(out, 'utf8')).toBe('keep me\n');
    const forced = flyscale(['profile', 'fit', EXAMPLE, '--out', out, '--force']);
    expect(forced.status).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('name: p');
  });
});

describe('profile fit on bad rows', () => {
  const dir = tempDir();
  const cases = [
    { name: 'missing value', text: 'phase,seconds\nenqueue,0.1\nenqueue,\n', where: 'missing.csv:3:9', problem: 'no seconds or duration value' },
    { name: 'negative value', text: 'phase,seconds\nenqueue,-0.2\n', where: 'negative.csv:2:9', problem: 'cannot be negative' },
    { name: 'unknown phase', text: 'phase,seconds\nenqueue,0.1\nenqueu,0.2\n', where: 'unknown.csv:3:1', problem: 'did you mean "enqueue"' },
    { name: 'bytes not a number', text: 'phase,seconds,bytes\nupload,0.1,12MB\n', where: 'bytes.csv:2:12', problem: 'bytes "12MB" is not a number' },
    { name: 'empty file', text: '', where: 'empty.csv:1:1', problem: 'the file is empty' },
  ];
  const file = (c: { where: string }): string => c.where.split(':')[0] ?? '';
  for (const c of cases) writeFileSync(join(dir, file(c)), c.text);

  for (const c of cases) {
    it(`${c.name}: exit 2 naming file:line:column, the problem and a fix, no stack trace`, () => {
      const r = flyscale(['profile', 'fit', file(c)], { cwd: dir });
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`${c.where}: `);
      expect(r.stderr).toContain(c.problem);
      expect(r.stderr).toMatch(/; \S/); // "problem; fix"
      expect(r.stderr).not.toMatch(STACK_FRAME);
    });
  }

  it('--skip-bad-rows skips and counts them, on stderr, in the YAML and in the JSON', () => {
    const log = writeTemp(dir, 'mixed.csv', 'phase,seconds,bytes\nenqueue,0.1,\nenqueue,-1,\nenqueu,0.2,\nenqueue,0.3,\nupload,0.1,x\nenqueue,0.2,\n');
    const r = flyscale(['profile', 'fit', log, '--skip-bad-rows']);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('skipped 3 bad rows');
    expect(r.stderr).toContain('mixed.csv:3:9');
    expect(r.stdout).toContain('(3 rows, 3 bad rows skipped)');
    const report: FitJson = JSON.parse(flyscale(['profile', 'fit', log, '--skip-bad-rows', '--json']).stdout);
    expect(report.sources[0]).toMatchObject({ rows: 3, badRows: 3 });
    expect(report.phases.enqueue?.n).toBe(3);
  });

  it('names a missing file and exits 2', () => {
    const r = flyscale(['profile', 'fit', 'no-such-log.csv'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('no-such-log.csv: measurement log not found');
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });
});
