#!/usr/bin/env node
// Runs the CLI bundle through a V8 code cache (Node 22 has module.enableCompileCache for this;
// Node 20 does not). V8 checks a cache against the source and its own version and flags; a
// rejected or missing cache is rebuilt after the run. The cache lives beside the bundle, or,
// where that is read-only, in a folder of this user's own under the temp folder.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

const filename = path.join(__dirname, '..', 'dist', 'bundle', 'flyscale.cjs');
const tag = `${process.version}-${process.arch}`;
const beside = `${filename}.${tag}.cache`;

/** A private folder for the fallback: created 0700, used only if it is ours and not open to others. */
function privateDir() {
  const os = require('node:os');
  const uid = typeof process.getuid === 'function' ? process.getuid() : 'user';
  const dir = path.join(os.tmpdir(), `flyscale-${uid}`);
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = fs.lstatSync(dir);
    if (!st.isDirectory() || (typeof process.getuid === 'function' && st.uid !== process.getuid()) || (st.mode & 0o077) !== 0) return null;
    return dir;
  } catch {
    return null;
  }
}

/** Where the cache may live, beside the bundle first; the fallback folder is looked up only when that one fails. */
let caches = [beside];
const allCaches = () => {
  if (caches.length === 1) {
    const dir = privateDir();
    const stat = fs.statSync(filename);
    if (dir) caches = [beside, path.join(dir, `bundle-${tag}-${stat.size}-${Math.round(stat.mtimeMs)}.cache`)];
  }
  return caches;
};
/**
 * The whole of `file` in the shared buffer (a view; the next read overwrites it), or null when
 * it cannot be read. Fresh memory costs start-up time, a page fault for every 4 kB touched (tens
 * of microseconds each on some virtual machines), so the bundle's text and then its code cache
 * share one buffer: the cache is read over the text once the text is a string.
 */
let buffer = null;
function readWhole(file) {
  let fd;
  try {
    fd = fs.openSync(file, 'r');
    const size = fs.fstatSync(fd).size;
    if (buffer === null || buffer.length < size) buffer = Buffer.allocUnsafeSlow(Math.max(size, roomFor(beside)));
    let at = 0;
    for (let n = -1; at < size && n !== 0; at += n) n = fs.readSync(fd, buffer, at, size - at, at);
    return buffer.subarray(0, at);
  } catch {
    return null;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
/** The cache is somewhat larger than the bundle: the first buffer is made big enough for both. */
function roomFor(file) {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}
// The build checks that the bundle is ASCII, so reading it as latin1 gives the same string
// without decoding UTF-8, and V8 keeps it one byte per character. The build stores it inside
// Node's module wrapper already (scripts/build.mjs): no second copy of the text to compile.
const wrapped = (readWhole(filename) ?? fs.readFileSync(filename)).toString('latin1');

/** The script compiled with the cache in `file`, or null when there is none or V8 rejects it. */
function withCache(file) {
  const cachedData = readWhole(file);
  if (cachedData === null) return null; // not there
  const candidate = new vm.Script(wrapped, { filename, cachedData });
  return candidate.cachedDataRejected ? null : candidate;
}

let script = withCache(beside);
if (script === null) for (const file of allCaches().slice(1)) script ??= withCache(file);
const usedCache = script !== null;
script ??= new vm.Script(wrapped, { filename });

const bundle = new Module(filename, module);
bundle.filename = filename;
bundle.paths = Module._nodeModulePaths(path.dirname(filename));
script.runInThisContext().call(bundle.exports, bundle.exports, Module.createRequire(filename), bundle, filename, path.dirname(filename));

bundle.exports.main(process.argv.slice(2)).then((flushed) => {
  if (usedCache) {
    // All output written: exit now, with the exit code main set, and skip tearing down a heap
    // (and waiting for the compiler threads) that nothing will use again.
    if (flushed) process.exit();
    return;
  }
  const data = script.createCachedData();
  // Loaded only here: node:crypto (and the stream modules it pulls in) costs start-up time.
  const { randomBytes } = require('node:crypto');
  for (const file of allCaches()) {
    const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      fs.writeFileSync(tmp, data, { flag: 'wx', mode: 0o600 });
      fs.renameSync(tmp, file);
      return;
    } catch {
      try {
        fs.rmSync(tmp, { force: true });
      } catch {
        // nothing to clean
      }
      // not writable here (a read-only install): try the next place
    }
  }
});
