// The package as npm packs it, installed into a fresh project the way a CI job installs the
// tarball: what it ships (never the machine's code cache), the CLI from node_modules,
// `import` and `require` of the library, and its types (a misspelt scenario key must not
// compile). The dependencies are linked from this checkout, so no network is needed.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const work = mkdtempSync(join(tmpdir(), 'flyscale-pack-'));
const project = join(work, 'project');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let files: string[] = [];

beforeAll(() => {
  // --ignore-scripts: packing must not rebuild dist/ under the other tests' feet.
  const packed: { filename: string; files: { path: string }[] }[] = JSON.parse(execFileSync(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8' }));
  const first = packed[0];
  if (!first) throw new Error('npm pack printed no package');
  files = first.files.map((f) => f.path);
  mkdirSync(join(project, 'node_modules'), { recursive: true });
  execFileSync('tar', ['xzf', join(work, first.filename), '-C', join(project, 'node_modules')]);
  execFileSync('mv', [join(project, 'node_modules', 'package'), join(project, 'node_modules', 'flyscale')]);
  for (const name of readdirSync(join(ROOT, 'node_modules'))) {
    if (name !== '.bin' && name !== 'flyscale' && !name.startsWith('.')) symlinkSync(join(ROOT, 'node_modules', name), join(project, 'node_modules', name));
  }
  writeFileSync(join(project, 'package.json'), '{ "name": "consumer", "private": true }\n');
}, 60_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

const node = (args: readonly string[]) => spawnSync(process.execPath, args, { cwd: project, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', COLUMNS: '' }, timeout: 30_000 });

describe('what npm pack ships', () => {
  test('the CLI, both library entries and their types, and no code cache', () => {
    for (const f of ['bin/flyscale.cjs', 'dist/bundle/flyscale.cjs', 'dist/bundle/simWorker.cjs', 'dist/index.js', 'dist/index.d.ts', 'dist/cjs/index.cjs', 'dist/cjs/index.d.cts', 'profiles/default.yaml', 'examples/scaling-guide.yaml', 'schemas/scenario.schema.json']) expect(files).toContain(f);
    // The cache is V8's compiled code for this machine's Node; an install writes its own.
    expect(files.filter((f) => f.endsWith('.cache'))).toEqual([]);
  });
});

describe('installed from the tarball', () => {
  test('npx-style: the bin plans the built-in example', () => {
    const r = node([join(project, 'node_modules', 'flyscale', 'bin', 'flyscale.cjs'), 'plan', '--json']);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toMatchObject({ command: 'plan', scenario: { name: 'scaling-guide' } });
  });

  test('require and import give the same plan', () => {
    const script = (load: string) => `${load}; const r = plan({ scenario: { workload: { items: 200000, itemRuntime: '50ms' } } }); process.stdout.write(JSON.stringify(r));`;
    const viaRequire = node(['-e', script("const { plan } = require('flyscale')")]);
    const viaImport = node(['--input-type=module', '-e', script("import { plan } from 'flyscale'")]);
    expect(viaRequire.stderr).toBe('');
    expect(viaImport.stderr).toBe('');
    const a = JSON.parse(viaRequire.stdout);
    expect(a).toEqual(JSON.parse(viaImport.stdout));
    // The version and the built-in profile come from the package's own files in both builds.
    expect(a.tool.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(a.scenario.profile).toBe('default');
  });

  test('require of a bad scenario throws InputError with its problems, as import does', () => {
    const r = node(['-e', "const { plan, InputError } = require('flyscale'); try { plan({ scenario: { workload: { items: -1 } } }); } catch (e) { console.log(e instanceof InputError, e.problems[0].path); }"]);
    expect(r.stdout.trim()).toBe('true workload.items');
  });

  test('types: a typed scenario compiles from ESM and CommonJS, a misspelt key does not', () => {
    const good = "import { plan, type ScenarioInput } from 'flyscale';\nconst s: ScenarioInput = { workload: { items: 10, itemRuntime: '1s', itemInputSize: '2KB' }, environment: { replicas: [2, 8] } };\nexport const n: number = plan({ scenario: s }).fanout.actions;\n";
    // Each line must be an error; an unused @ts-expect-error is itself an error, so tsc
    // passes only if every one of them fails to compile.
    const bad = [
      '// @ts-expect-error workload.itemz is not a key',
      "plan({ scenario: { workload: { itemz: 5 } } });",
      '// @ts-expect-error items belongs under workload',
      'plan({ scenario: { items: 5 } });',
      '// @ts-expect-error a duration needs a unit',
      "plan({ scenario: { workload: { itemRuntime: '100' } } });",
      '',
    ].join('\n');
    writeFileSync(join(project, 'esm.mts'), good + bad);
    writeFileSync(join(project, 'cjs.cts'), good + bad);
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, noEmit: true, types: ['node'], skipLibCheck: false }, files: ['esm.mts', 'cjs.cts'] }));
    const tsc = node([join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json']);
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  }, 60_000);
});

describe('the CI recipes install what npm pack makes', () => {
  // `npm install flyscale` fails while the package is not published: every recipe installs the
  // tarball of this version by the name npm pack gives it.
  const version: string = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
  // The workflow steps (`- run: npm install ...`), in the example workflow and in the README's.
  const installs = (text: string): string[] => [...text.matchAll(/- run: (npm install [^\n]*)/g)].map((m) => m[1] ?? '');
  for (const file of ['examples/flyscale-check.yml', 'README.md']) {
    test(file, () => {
      const found = installs(readFileSync(join(ROOT, file), 'utf8'));
      expect(found.length).toBeGreaterThan(0);
      for (const command of found) {
        expect(command).toMatch(new RegExp(`\\./tools/flyscale-${version.replace(/\./g, '\\.')}\\.tgz$`));
      }
    });
  }
  test('npm pack names the tarball as the recipes do', () => {
    expect(readdirSync(work).filter((f) => f.endsWith('.tgz'))).toEqual([`flyscale-${version}.tgz`]);
  });
});
