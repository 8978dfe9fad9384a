// Build: tsc emits the library and its types to dist/; esbuild bundles the CLI into
// dist/bin/ (one file and lazy chunks), because resolving hundreds of module files costs
// more start-up time than the work of `plan` itself.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
execFileSync(process.execPath, [new URL('../node_modules/typescript/bin/tsc', import.meta.url).pathname, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
await build({
  // The worker is its own entry: a thread loads it by URL next to the bundle.
  entryPoints: { flyscale: 'src/cli/main.ts', simWorker: 'src/cli/simWorker.ts' },
  outdir: 'dist/bin',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'bundle',
  // yaml's ESM build lets esbuild drop what we never call (stringify, CST tools): less to load.
  alias: { yaml: './node_modules/yaml/browser/index.js' },
  chunkNames: '[name]-[hash]',
  logLevel: 'warning',
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  // cli-table3 and its dependencies are CommonJS: give the bundle a require().
  banner: { js: "import { createRequire as __flyscaleRequire } from 'node:module'; const require = __flyscaleRequire(import.meta.url);" },
});
