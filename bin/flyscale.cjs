#!/usr/bin/env node
// Runs the CLI bundle through a V8 code cache kept beside it (Node 22 has
// module.enableCompileCache for this; Node 20 does not). V8 checks the cache against the
// source and its own version and flags; a rejected or missing cache is rebuilt after the run.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');
const os = require('node:os');

const filename = path.join(__dirname, '..', 'dist', 'bundle', 'flyscale.cjs');
const caches = [`${filename}.cache`, path.join(os.tmpdir(), `flyscale-${process.version}-${fs.statSync(filename).mtimeMs}.cache`)];
let cachedData;
for (const file of caches) {
  try {
    cachedData = fs.readFileSync(file);
    break;
  } catch {
    // not there: try the next place, or run without a cache
  }
}
const script = new vm.Script(Module.wrap(fs.readFileSync(filename, 'utf8')), { filename, cachedData });
const bundle = new Module(filename, module);
bundle.filename = filename;
bundle.paths = Module._nodeModulePaths(path.dirname(filename));
script.runInThisContext().call(bundle.exports, bundle.exports, Module.createRequire(filename), bundle, filename, path.dirname(filename));

bundle.exports.main(process.argv.slice(2)).then(() => {
  if (cachedData !== undefined && !script.cachedDataRejected) return;
  const data = script.createCachedData();
  for (const file of caches) {
    try {
      const tmp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, data);
      fs.renameSync(tmp, file);
      return;
    } catch {
      // not writable (a read-only install): try the next place
    }
  }
});
