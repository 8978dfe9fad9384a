// Bad runs through the CLI: exit 2 naming the file, the record and the fix; or, with
// --skip-bad-rows, a counted skip. Never a stack trace, never a half-written file.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flyscale, STACK_FRAME, tempDir, writeTemp } from '../profile/cli.js';
import { EXAMPLE } from './helpers.js';

const lines = readFileSync(EXAMPLE('pods/actions.jsonl'), 'utf8').trimEnd().split('\n');
const edit = (i: number, change: (r: Record<string, unknown>) => void): string[] => {
  const copy = [...lines];
  const r = JSON.parse(copy[i] ?? '{}');
  change(r);
  copy[i] = JSON.stringify(r);
  return copy;
};

function run(name: string, text: string, extra: string[] = []): { status: number | null; stdout: string; stderr: string; dir: string } {
  const dir = tempDir();
  const file = writeTemp(dir, name, text);
  return { ...flyscale(['profile', 'import', file, '--out', join(dir, 'p.yaml'), ...extra]), dir };
}

const CASES: [string, string[], RegExp][] = [
  ['truncated', [...lines.slice(0, 10), (lines[10] ?? '').slice(0, 200)], /:11:\d+: the last line ends early \(the file looks truncated\).*export the run again/],
  ['no attempts', edit(3, (r) => { r.attempts = []; }), /:4:1: attempts: action a3: has no attempts; export it with ActionDetails/],
  ['in progress', edit(5, (r) => { (r.status as Record<string, unknown>).phase = 'ACTION_PHASE_RUNNING'; delete (r.status as Record<string, unknown>).endTime; }), /:6:1: status\.phase: action a5: is RUNNING, not finished: the run is still in progress; wait until the run has finished/],
  ['mixed runs', edit(7, (r) => { ((r.id as Record<string, Record<string, unknown>>).run as Record<string, unknown>).name = 'r-other'; }), /:8:1: id\.run\.name: action a7: belongs to run "r-other", not to "r-pods".*import one run at a time/],
  ['unknown phase name', edit(9, (r) => { (r.status as Record<string, unknown>).phase = 'ACTION_PHASE_NAPPING'; }), /:10:1: status\.phase: action a9: unknown action phase "ACTION_PHASE_NAPPING"; use a name \(ACTION_PHASE_QUEUED/],
  ['unknown phase number', edit(9, (r) => { (r.status as Record<string, unknown>).phase = 42; }), /:10:1: status\.phase: action a9: unknown action phase number 42/],
];

describe('bad runs', () => {
  for (const [what, text, message] of CASES) {
    it(`${what}: exit 2 with the file, the record and the fix; nothing written`, () => {
      const r = run('actions.jsonl', `${text.join('\n')}\n`);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/actions\.jsonl/);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(STACK_FRAME);
      expect(existsSync(join(r.dir, 'p.yaml'))).toBe(false);
    });
  }
  for (const [what, text] of CASES.slice(1)) {
    it(`${what}: --skip-bad-rows skips and counts it`, () => {
      const r = run('actions.jsonl', `${text.join('\n')}\n`, ['--skip-bad-rows', '--json']);
      expect(r.status).toBe(0);
      const report = JSON.parse(r.stdout);
      expect(report.sources[0].badRecords).toBe(1);
      expect(report.sources[0].records).toBe(lines.length - 1);
      expect(r.stderr).toMatch(/skipped 1 bad record/);
    });
  }
  it('a folder of files, one record each, is one run', () => {
    const dir = tempDir();
    lines.slice(0, 50).forEach((l, i) => writeTemp(dir, `a${String(i).padStart(3, '0')}.json`, `${JSON.stringify(JSON.parse(l), null, 2)}\n`));
    const r = flyscale(['profile', 'import', dir, '--json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).counts.actions).toBe(49);
  });
});

describe('--from', () => {
  it('a record of another format is bad input naming both; an unknown format is bad usage', () => {
    const r = flyscale(['profile', 'import', EXAMPLE('pods/actions.jsonl'), '--from', 'flyte1', '--json']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/actions\.jsonl:1:1: action a0: is a Flyte 2 action details record, not a Flyte 1 execution one \(--from flyte1\); name the format it is with --from/);
    const u = flyscale(['profile', 'import', EXAMPLE('pods/actions.jsonl'), '--from', 'csv', '--json']);
    expect(u.status).toBe(2);
    expect(u.stderr).toMatch(/--from: unknown format "csv"; use one of details, list, flyte1/);
    expect(flyscale(['profile', 'import', EXAMPLE('pods/actions.jsonl'), '--from', 'details', '--json']).status).toBe(0);
  });
});
