// 50,000 Flyte 2 action records (a full-size run, JSON Lines) through the real CLI path:
// `flyscale profile import` reads, checks, maps, fits and writes both files. Target: under 3 s
// end to end. Baselines in the same run: a bare `node -e 0` and JSON.parse of the same bytes.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeRun, PODS } from '../scripts/make-flyte-runs.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const ACTIONS = Number(process.argv[2] ?? 50_000);
const dir = mkdtempSync(join(tmpdir(), 'flyscale-bench-'));
const file = join(dir, 'actions.jsonl');
const { records } = makeRun({ ...PODS, children: ACTIONS, clusterSlots: 2000, enqueueEverySeconds: 0.01 }, 'pods');
writeFileSync(file, `${records.map((r) => JSON.stringify(r)).join('\n')}\n`);
const time = (f) => {
  const t0 = process.hrtime.bigint();
  f();
  return Number(process.hrtime.bigint() - t0) / 1e9;
};
try {
  const node = time(() => execFileSync(process.execPath, ['-e', '0']));
  const text = readFileSync(file, 'utf8');
  const parse = time(() => text.split('\n').forEach((l) => l && JSON.parse(l)));
  const seconds = time(() => execFileSync(process.execPath, ['bin/flyscale.cjs', 'profile', 'import', file, '--out', join(dir, 'p.yaml')], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] }));
  const mb = (statSync(file).size / 1e6).toFixed(1);
  console.log(`flyscale profile import, ${ACTIONS + 1} action records (${mb} MB): ${seconds.toFixed(2)} s end to end (target < 3 s)`);
  console.log(`  baselines in this run: node -e 0 ${node.toFixed(3)} s (ratio ${(seconds / node).toFixed(1)}), JSON.parse of the same lines ${parse.toFixed(3)} s (ratio ${(seconds / parse).toFixed(1)})`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
