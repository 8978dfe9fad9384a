// The import rules between layers (docs/architecture.md), read from the sources: a new
// import that crosses a line the wrong way fails here, with the file and the import named.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, test } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');
const LAYERS = ['core', 'config', 'report', 'render', 'app', 'cli', 'entry'] as const;
type Layer = (typeof LAYERS)[number];

/** What each layer may import from the project (its own layer always). */
const MAY_IMPORT = {
  core: [],
  config: ['core'],
  report: ['core'],
  render: ['core', 'report'],
  app: ['core', 'config', 'report'],
  cli: ['core', 'config', 'report', 'render', 'app'],
  entry: ['core', 'config', 'report', 'render', 'app'],
} as const satisfies Record<Layer, readonly Layer[]>;

/** Packages and built-ins a layer may not touch: the core is pure, renderers never read the terminal. */
const FORBIDDEN_PACKAGES: Record<Layer, RegExp | null> = {
  core: /^(node:|chalk$|cli-table3$|commander$|yaml$)/,
  config: /^(chalk$|cli-table3$|commander$)/,
  report: /^(node:|chalk$|cli-table3$|commander$|yaml$)/,
  render: /^(node:|commander$)/,
  app: /^(chalk$|cli-table3$|commander$)/,
  cli: null,
  entry: /^(commander$)/,
};

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

const layerOf = (file: string): Layer => {
  const top = relative(SRC, file).split('/')[0] ?? '';
  return top.endsWith('.ts') ? 'entry' : LAYERS.find((l) => l === top) ?? 'entry';
};

/** Every module specifier: static imports and exports, and dynamic import(). */
function specifiers(text: string): string[] {
  const found = [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+'([^']+)'/gm), ...text.matchAll(/import\(\s*'([^']+)'\s*\)/g), ...text.matchAll(/^\s*import\s+'([^']+)'/gm)];
  return found.map((m) => m[1] ?? '');
}

const SOURCES = files(SRC).map((file) => ({ file, layer: layerOf(file), imports: specifiers(readFileSync(file, 'utf8')) }));
const resolveIn = (file: string, spec: string): string => resolve(dirname(file), spec).replace(/\.js$/, '.ts');

describe('import rules between layers', () => {
  test('the reader finds imports (or this test proves nothing)', () => {
    const main = SOURCES.find((s) => s.file.endsWith('cli/main.ts'));
    expect(main?.imports).toContain('./program.js');
    expect(SOURCES.find((s) => s.file.endsWith('cli/commands.ts'))?.imports).toContain('./commands/plan.js');
  });

  test('sub-folders are read and belong to their top folder\'s layer', () => {
    // The folders the import, replay and HTML work added: a reader that skipped them would pass them unchecked.
    const expected = { 'config/flyteRun': 'config', 'core/import': 'core', 'core/replay': 'core', 'render/html': 'render', 'core/sim': 'core', 'core/check': 'core' } as const;
    for (const [folder, layer] of Object.entries(expected)) {
      const inFolder = SOURCES.filter((s) => relative(SRC, s.file).startsWith(`${folder}/`));
      expect(inFolder.length, folder).toBeGreaterThan(0);
      expect(new Set(inFolder.map((s) => s.layer)), folder).toEqual(new Set([layer]));
    }
  });

  test('each layer imports only the layers below it', () => {
    const wrong = SOURCES.flatMap(({ file, layer, imports }) =>
      imports
        .filter((spec) => spec.startsWith('.'))
        .map((spec) => ({ spec, target: layerOf(resolveIn(file, spec)) }))
        .filter(({ target }) => target !== layer && !(MAY_IMPORT[layer] as readonly Layer[]).includes(target))
        .map(({ spec, target }) => `${relative(SRC, file)} (${layer}) imports ${spec} (${target})`),
    );
    expect(wrong).toEqual([]);
  });

  test('no layer uses a package it should not', () => {
    const wrong = SOURCES.flatMap(({ file, layer, imports }) => {
      const forbidden = FORBIDDEN_PACKAGES[layer];
      return forbidden === null ? [] : imports.filter((spec) => !spec.startsWith('.') && forbidden.test(spec)).map((spec) => `${relative(SRC, file)} (${layer}) imports ${spec}`);
    });
    expect(wrong).toEqual([]);
  });

  test('the library entry does not import the CLI', () => {
    const entry = SOURCES.filter((s) => s.layer === 'entry');
    expect(entry.length).toBeGreaterThan(0);
    expect(entry.flatMap((s) => s.imports.filter((spec) => spec.includes('cli/')))).toEqual([]);
  });

  test('no import cycles among the report modules', () => {
    const report = SOURCES.filter((s) => s.layer === 'report');
    const edges = new Map(report.map((s) => [s.file, s.imports.filter((spec) => spec.startsWith('.')).map((spec) => resolveIn(s.file, spec)).filter((t) => layerOf(t) === 'report')]));
    const cycles: string[] = [];
    const visit = (file: string, path: string[]): void => {
      if (path.includes(file)) {
        cycles.push([...path.slice(path.indexOf(file)), file].map((f) => relative(SRC, f)).join(' → '));
        return;
      }
      for (const next of edges.get(file) ?? []) visit(next, [...path, file]);
    };
    for (const file of edges.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });
});
