// Writes the CLI bundle's V8 code cache (bin/flyscale.cjs reads it) from several runs in one
// process: the functions each run compiled are all in it. The build runs `plan` (the table, as
// users most often see it) and `plan` on a workflow file, so a workflow's YAML parser and
// closed form start compiled too. Each run's exit code must be a verdict (0 or 1); anything
// else means the bundle is broken, and this exits 2 with the run that failed.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

const filename = path.join(__dirname, '..', 'dist', 'bundle', 'flyscale.cjs');
// The same source string as bin/flyscale.cjs compiles (V8 checks the cache against it): the
// bundle as the build wrote it, inside Node's module wrapper.
const script = new vm.Script(fs.readFileSync(filename, 'latin1'), { filename });
const bundle = new Module(filename, module);
bundle.filename = filename;
bundle.paths = Module._nodeModulePaths(path.dirname(filename));
script.runInThisContext().call(bundle.exports, bundle.exports, Module.createRequire(filename), bundle, filename, path.dirname(filename));

(async () => {
  for (const argv of JSON.parse(process.argv[2] ?? '[]')) {
    process.exitCode = 0;
    await bundle.exports.main(argv);
    if (process.exitCode !== 0 && process.exitCode !== 1) {
      process.stderr.write(`the CLI bundle does not run: flyscale ${argv.join(' ')} exited ${process.exitCode}\n`);
      process.exit(2);
    }
  }
  const file = `${filename}.${process.version}-${process.arch}.cache`;
  fs.writeFileSync(`${file}.tmp`, script.createCachedData(), { mode: 0o600 });
  fs.renameSync(`${file}.tmp`, file);
  process.exitCode = 0;
})();
