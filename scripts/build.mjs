// Build: tsc emits the library and its types to dist/; esbuild bundles the CLI into one
// CommonJS file (dist/bundle/), because resolving hundreds of module files costs more start-up
// time than the work of `plan` itself; bin/flyscale.cjs then runs it with a V8 code cache.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url);
rmSync(new URL('dist', root), { recursive: true, force: true });
execFileSync(process.execPath, [new URL('node_modules/typescript/bin/tsc', root).pathname, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
/** The registry's import('./html/page.js') loads dist/bundle/html.cjs at run time instead of bundling it. */
const htmlChunk = {
  name: 'html-chunk',
  setup(b) {
    b.onResolve({ filter: /^\.\/html\/page\.js$/ }, (args) => (args.importer.endsWith('registry.ts') ? { path: './html.cjs', external: true } : undefined));
  },
};
// chalk asks supports-color for the terminal's colour level when it loads, and that loads
// node:tty and node:net; flyscale always gives chalk its level (main.ts decides colour), so the
// bundle takes chalk's own browser variant of the probe, which loads nothing.
const chalkProbe = {
  name: 'chalk-probe',
  setup(b) {
    b.onResolve({ filter: /^#supports-color$/ }, () => ({ path: new URL('node_modules/chalk/source/vendor/supports-color/browser.js', root).pathname }));
  },
};
// What the bundle carries instead of computing at every start (scripts/carried.mjs).
const { prebuilt, strata, ordersFunction, samples } = await import(new URL('scripts/carried.mjs', root).href);
/** Both bundles: CommonJS for Node 20, where import.meta.url (define below) is the bundle's own URL. */
const COMMONJS_FOR_NODE = {
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  legalComments: 'none',
  banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
};
await build({
  // The worker is its own entry: a thread loads it by path next to the bundle.
  // The HTML page is its own entry too: Observable Plot, d3 and linkedom are most of a
  // megabyte, and `plan` should not parse them to print a table (see htmlChunk below).
  entryPoints: { flyscale: 'src/cli/main.ts', simWorker: 'src/cli/simWorker.ts', html: 'src/render/html/page.ts' },
  plugins: [htmlChunk, chalkProbe],
  // import() of the separate chunk becomes require(): the bundle runs in a vm.Script (bin/flyscale.cjs), where import() is not available.
  supported: { 'dynamic-import': false },
  outdir: 'dist/bundle',
  ...COMMONJS_FOR_NODE,
  // The CLI's bundles find their URL only when asked (simulate's workers, import's profile), and
  // the package root (two folders up, for the built-in files) from __dirname, without URLs.
  banner: { js: `const __bundle={get url(){return require('node:url').pathToFileURL(__filename).href}};const __packageRoot=require('node:path').resolve(__dirname,'..','..');` },
  minifyWhitespace: true,
  minifySyntax: true,
  minifyIdentifiers: true,
  // yaml's ESM build lets esbuild drop what we never call (its CST tools, for one): less to load.
  // commander loads node:child_process up front; a stand-in loads it on first use (see the file).
  alias: { yaml: './node_modules/yaml/browser/index.js', 'node:child_process': './scripts/lazyChildProcess.cjs' },
  // The sources locate package files from import.meta.url; in the bundle that is the bundle's own URL.
  define: {
    'import.meta.url': '__bundle.url',
    __FLYSCALE_PACKAGE_ROOT__: '__packageRoot',
    __FLYSCALE_VERSION__: JSON.stringify(JSON.parse(readFileSync(new URL('package.json', root), 'utf8')).version),
    __FLYSCALE_PREBUILT__: JSON.stringify(prebuilt), __FLYSCALE_STRATA__: JSON.stringify(strata), __FLYSCALE_ORDERS__: '__flyscaleOrders', __FLYSCALE_SAMPLES__: JSON.stringify(samples),
  },
});
// bin/flyscale.cjs reads the bundle as latin1, which is exact only for ASCII: esbuild escapes
// non-ASCII text in strings, but not in a regular expression literal (write \u2264 there).
// The file is stored inside Node's module wrapper, `(function (exports, require, module,
// __filename, __dirname) { ... })`, as bin/flyscale.cjs compiles it: wrapping at run time made
// V8 copy the whole source into one flat string before compiling it, half a megabyte of fresh
// memory on every start. Nothing require()s the bundle itself (the launcher runs it). The
// overhead orders' decoder goes in here, in the CLI bundle alone: the worker and the HTML page
// bundles share its define but not its 32 kB, and make the orders themselves if ever asked.
{
  const file = new URL('dist/bundle/flyscale.cjs', root);
  const text = readFileSync(file, 'utf8');
  const at = text.search(/[^\x00-\x7f]/);
  if (at >= 0) throw new Error(`the CLI bundle is not ASCII at ${JSON.stringify(text.slice(Math.max(0, at - 60), at + 20))}: escape the character in the source`);
  writeFileSync(file, Module.wrap(`${ordersFunction}${text}`));
}
// The library for require(): one CommonJS file at the same depth below the package root as
// dist/<dir>/*.js, so the sources' paths from import.meta.url (package.json, profiles/) hold.
// Dependencies stay require()s of the installed packages. Its types re-export the ESM ones.
await build({
  entryPoints: { index: 'src/index.ts' },
  outdir: 'dist/cjs',
  ...COMMONJS_FOR_NODE,
  packages: 'external',
  define: { 'import.meta.url': '__bundleUrl' },
});
writeFileSync(new URL('dist/cjs/index.d.cts', root), "// Types of require('flyscale'): the same API as the ES module.\nexport * from '../index.js';\n");
// The code cache, written from runs of the main job, so the first real run starts warm too:
// `plan` as a table (as users most often see it; JSON needs little more) and `plan` on a
// workflow file (its YAML parser, loader and renderer), in one process (scripts/warmCache.cjs).
// Their exit codes are the plans' verdicts, not the build's; anything else fails the build.
const warm = spawnSync(process.execPath, [new URL('scripts/warmCache.cjs', root).pathname, JSON.stringify([['plan'], ['plan', 'examples/workflows/nightly-embed.yaml']])], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
if (warm.status !== 0) throw new Error(`the CLI bundle does not run (exit ${warm.status ?? warm.signal}):\n${warm.stderr}`);
