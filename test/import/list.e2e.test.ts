// The action list, `flyte -of json-raw get action RUN`, as a terminal capture leaves it: Python's
// json.dumps on one line, wrapped at 80 columns at spaces (trailing space kept), in ANSI colour.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { makeRun, PODS } from '../../scripts/make-flyte-runs.mjs';
import { flyscale, tempDir, writeTemp } from '../profile/cli.js';

// A group name with spaces: a wrap can fall inside the string, where only removing it helps.
const { records, truth } = makeRun(PODS, 'pods');
type Rec = { id: unknown; metadata: { parent?: string; group?: string }; status: unknown };
const list = (records as Rec[]).map((r) => ({ id: r.id, metadata: { ...(r.metadata.parent ? { parent: r.metadata.parent } : {}), ...(r.metadata.group ? { group: 'embed map of work items' } : {}) }, status: r.status }));

/** json.dumps separators, then rich's soft wrap at `width` columns, at spaces. */
function capture(value: unknown, width = 80): string {
  const text = JSON.stringify(value).replace(/,(?=["{[\d])/g, ', ').replace(/":(?=["{[\d])/g, '": ');
  const lines: string[] = [];
  let rest = text;
  while (rest.length > width) {
    const cut = rest.lastIndexOf(' ', width);
    const at = cut > 0 ? cut + 1 : width;
    lines.push(rest.slice(0, at));
    rest = rest.slice(at);
  }
  lines.push(rest);
  return `\u001b[32m${lines.join('\n')}\u001b[0m\n`;
}

describe('the action list', () => {
  it('a terminal capture is cleaned and gives counts and the makespan', () => {
    const dir = tempDir();
    const file = writeTemp(dir, 'list.json', capture(list));
    const r = flyscale(['profile', 'import', file, '--json']);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.form).toBe('list');
    expect(report.sources[0].cleaned.escapes).toBe(2);
    expect(report.sources[0].cleaned.lineBreaks).toBeGreaterThan(100);
    expect(report.counts.actions).toBe(PODS.children);
    expect(report.counts.attempts).toBe(truth.attempts);
    expect(report.counts.cacheHits).toBe(truth.cacheHits);
    // Status times are rounded to 1 µs.
    expect(Math.abs(report.observed.makespanSeconds - truth.makespanSeconds)).toBeLessThan(1e-5);
    expect(report.provenance[0]).toMatch(/no attempts or phase transitions/);
  });
  it('a capture that does not parse even when cleaned says how to capture it', () => {
    const dir = tempDir();
    const file = writeTemp(dir, 'list.json', capture(list).replace('}, {', '}, , {'));
    const r = flyscale(['profile', 'import', file, '--out', join(dir, 'p.yaml')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/list\.json:\d+:\d+: .*COLUMNS=100000 TERM=dumb flyte -of json-raw get action RUN/);
  });
});
