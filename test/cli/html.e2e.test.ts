// --format html end to end: one self-contained page (no scripts, no links, no network), written
// atomically with --out, the same bytes for the same report and seed, and any report kind served.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { afterAll, describe, expect, test } from 'vitest';
import { renderHtml } from '../../src/render/html/page.js';
import { simulateDoc } from '../../src/render/simulateDoc.js';
import type { SimulateReport } from '../../src/report/simulateReport.js';
import { flyscale, json, scratch } from './run.js';

const dir = scratch();
afterAll(() => dir.cleanup());
const run = (args: string[], env: Record<string, string> = {}) => flyscale(args, { cwd: dir.dir, env });

describe('simulate --format html --out', () => {
  const page = (name: string, args: string[] = [], env: Record<string, string> = {}): string => {
    const r = run(['simulate', '--runs', '30', '--timeline', ...args, '--format', 'html', '--out', name], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    return readFileSync(dir.path(name), 'utf8');
  };
  const first = page('a.html');

  test('is one self-contained HTML file: styles inline, no scripts, links or URLs', () => {
    expect(first.startsWith('<!doctype html>')).toBe(true);
    expect(first).toContain('<style>');
    expect(first).toContain('@media print');
    expect(first).not.toMatch(/<script|<link|\bsrc=|\bhref=|https?:\/\/|@import|url\(/i);
    expect(first.match(/<svg/g)?.length).toBe(3); // histogram, pool, queue
    // The terminal's sparklines are left out: the SVG charts draw the same timeline.
    expect(first).not.toMatch(/<h3>Timeline of replication 1 \(/);
  });
  test('the same report and seed give the same bytes, whatever SOURCE_DATE_EPOCH says; no ids to collide', () => {
    expect(page('b.html')).toBe(first);
    expect(page('c.html', [], { SOURCE_DATE_EPOCH: '1748736000' })).toBe(first);
    expect(first).not.toMatch(/\bid="/);
  });
  test('another seed gives another page (the comparison above can fail)', () => {
    expect(page('d.html', ['--seed', '2'])).not.toBe(first);
  });
  test('leaves no temporary file behind', () => {
    expect(readdirSync(dir.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('replay --format html --out', () => {
  const runs = `${process.cwd()}/examples/flyte-runs/pods`;
  const page = (name: string, args: string[] = [], code = 0): string => {
    const r = run(['replay', runs, '--runs', '20', ...args, '--format', 'html', '--out', name]);
    expect(r.code, r.stderr).toBe(code);
    expect(r.stdout).toBe('');
    return readFileSync(dir.path(name), 'utf8');
  };
  const first = page('replay-a.html');

  test('is one self-contained page with the three charts, the timeline drawn without --timeline', () => {
    expect(first.startsWith('<!doctype html>')).toBe(true);
    expect(first).not.toMatch(/<script|<link|\bsrc=|\bhref=|https?:\/\/|@import|url\(/i);
    expect(first.match(/<svg/g)?.length).toBe(3); // makespan, busy slots over time, error per metric
    expect(first.match(/data-chart="[^"]+"/g)).toEqual(['data-chart="replay-makespan"', 'data-chart="replay-timeline"', 'data-chart="replay-error"']);
    // The busy-slots table is under its chart, not repeated in the details; the verdict line is kept.
    expect(first.match(/<caption>Busy slots over time<\/caption>/g)?.length).toBe(1);
    expect(first).toContain('the observed makespan is inside the predicted p5–p95');
  });
  test('the same run and seed give the same bytes; another seed another page', () => {
    expect(page('replay-b.html')).toBe(first);
    expect(page('replay-c.html', ['--seed', '2'])).not.toBe(first);
  });
  test('the JSON keeps its timeline for --timeline; it carries the histogram and the estimate', () => {
    const plain = json<{ timeline: unknown; histogram: { makespan: { count: number }[] }; estimateMakespanSeconds: number }>(run(['replay', runs, '--runs', '20', '--json']));
    expect(plain.timeline).toBeNull();
    expect(plain.histogram.makespan.reduce((n, b) => n + b.count, 0)).toBe(20);
    expect(plain.estimateMakespanSeconds).toBeGreaterThan(0);
  });
  test('outside the tolerance: exit 1, and the page says so', () => {
    const html = page('replay-d.html', ['--tolerance', '0.01%'], 1);
    expect(html).toContain('it is not within 0.0100% of the predicted mean');
    expect(html).toMatch(/error: the observed makespan [^<]* is not within/); // the finding, kept in the details
  });
}, 120_000);

test('rendering the same report twice in one process gives the same page (no counters in ids)', () => {
  const report = json<SimulateReport>(run(['simulate', '--runs', '12', '--timeline', '--json']));
  const a = renderHtml(report, simulateDoc(report, 100));
  const b = renderHtml(report, simulateDoc(report, 100));
  expect(b).toBe(a);
  expect(a).toContain('data-chart="makespan"');
});

test('--out into a folder that does not exist: exit 2, the path and the fix named, no file', () => {
  const r = run(['plan', '--format', 'html', '--out', 'missing/plan.html']);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('missing/plan.html');
  expect(r.stderr).toContain('create the folder');
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(existsSync(dir.path('missing'))).toBe(false);
});

test('plan without --out prints the page; its exit code is still the plan verdict', () => {
  const r = run(['plan', '--format', 'html']);
  const verdict = run(['plan', '--json']).code;
  expect(r.code).toBe(verdict);
  expect(r.stdout).toContain('data-chart="overhead"');
});

test('check --format html --out writes the page in place of the JSON report', () => {
  const budget = `${process.cwd()}/examples/budget.yaml`;
  const r = run(['check', budget, '--format', 'html', '--out', 'check.html']);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout).toBe('');
  const html = readFileSync(dir.path('check.html'), 'utf8');
  expect(html).toContain('data-chart="check"');
}, 120_000); // the example budget simulates two scenarios

test('a report kind without charts of its own still gets a page of its tables', () => {
  const r = run(['batch', '--format', 'html']);
  expect(r.code === 0 || r.code === 1).toBe(true);
  expect(r.stdout).toContain('<table>');
  expect(r.stdout).toContain('recommended batch');
  expect(r.stdout).not.toContain('<figure');
});

test('an unknown format names html among the choices', () => {
  const r = run(['simulate', '--format', 'pdf']);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('table, json, markdown, html');
});

describe('a workflow as an HTML page: plan and simulate --format html --out', () => {
  const nightly = `${process.cwd()}/examples/workflows/nightly-embed.yaml`;
  const page = (name: string, args: string[]): string => {
    const r = run([...args, '--format', 'html', '--out', name]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    return readFileSync(dir.path(name), 'utf8');
  };
  const plan = page('wf-plan-a.html', ['plan', nightly]);
  const sim = page('wf-sim-a.html', ['simulate', nightly, '--runs', '10']);

  test('each is one self-contained page with the Gantt of the steps', () => {
    for (const html of [plan, sim]) {
      expect(html.startsWith('<!doctype html>')).toBe(true);
      expect(html).not.toMatch(/<script|<link|\bsrc=|\bhref=|https?:\/\/|@import|url\(/i);
      expect(html.match(/<svg/g)?.length).toBe(1);
      expect(html.match(/data-chart="[^"]+"/g)).toEqual(['data-chart="workflow-gantt"']);
    }
    // nightly-embed is a chain: every step is on the critical path, and the table says so.
    const report = json<{ criticalPath: string[]; steps: Record<string, unknown> }>(run(['plan', nightly, '--json']));
    expect(report.criticalPath).toEqual(Object.keys(report.steps));
    expect(plan).toContain('<caption>Steps: start, end and slack (closed form)</caption>');
    expect(plan).toContain(`(${report.criticalPath.join(' → ')})`);
    expect(sim).toContain('<caption>Steps: mean start and end, closed-form start and end</caption>');
  });
  test('the same report and seed give the same bytes; another seed another simulate page', () => {
    expect(page('wf-plan-b.html', ['plan', nightly])).toBe(plan);
    expect(page('wf-sim-b.html', ['simulate', nightly, '--runs', '10'])).toBe(sim);
    expect(page('wf-sim-c.html', ['simulate', nightly, '--runs', '10', '--seed', '2'])).not.toBe(sim);
  });
  test('--compare and sweep get one chart each (no Gantt), the same bytes twice, the Why as a list', () => {
    const compare = ['plan', `${process.cwd()}/examples/workflows/inference-chain.yaml`, '--compare', '--runs', '5'];
    const html = page('wf-compare.html', compare);
    expect(html.match(/data-chart="[^"]+"/g)).toEqual(['data-chart="workflow-compare"']);
    expect(html.match(/<svg/g)?.length).toBe(1);
    expect(html).toContain('<h3>Why</h3><ul class="lines"><li>tokenize: ');
    // the chart's table is the terminal's, shown once
    expect(html.match(/<caption>End to end, by pattern<\/caption>/g)?.length).toBe(1);
    expect(page('wf-compare-b.html', compare)).toBe(html);
    const sweep = page('wf-sweep.html', ['sweep', nightly, '--set', 'steps.embed.batchSize=150,300', '--runs', '2']);
    expect(sweep.match(/data-chart="[^"]+"/g)).toEqual(['data-chart="workflow-sweep-pareto"']);
    expect(sweep).not.toMatch(/<script|<link|\bsrc=|\bhref=|https?:\/\/|@import|url\(/i);
  });
}, 120_000);
