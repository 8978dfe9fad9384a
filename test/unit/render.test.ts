import { describe, expect, it } from 'vitest';
import { fixed } from '../../src/core/distribution.js';
import { plan } from '../../src/core/plan.js';
import type { Doc } from '../../src/render/doc.js';
import { toJson } from '../../src/render/json.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { planDoc } from '../../src/render/planDoc.js';
import { renderText } from '../../src/render/text.js';
import { planReport, SCHEMA_VERSION, type PlanReport } from '../../src/report/planReport.js';
import { scenario } from '../helpers/scenario.js';

function reportOf(s = scenario()): PlanReport {
  const header = { schemaVersion: SCHEMA_VERSION, tool: { name: 'flyscale' as const, version: '0.0.0-test' }, command: 'plan', scenario: { name: 'unit', profile: 'builder', file: null }, inputs: {} };
  return planReport(header, plan(s), s.limits);
}

describe('toJson', () => {
  it('never writes NaN or Infinity: they become null', () => {
    const text = toJson({ a: Number.NaN, b: Infinity, c: -Infinity, d: [1, Number.NaN], e: { f: Number.POSITIVE_INFINITY } });
    expect(text).not.toMatch(/NaN|Infinity/);
    expect(JSON.parse(text)).toEqual({ a: null, b: null, c: null, d: [1, null], e: { f: null } });
  });

  it('trims floating-point noise to 12 significant digits and ends with a newline', () => {
    const text = toJson({ x: 0.1 + 0.2, n: 1_000_000, s: 'text' });
    expect(JSON.parse(text)).toEqual({ x: 0.3, n: 1_000_000, s: 'text' });
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('a zero-overhead plan serialises without NaN or Infinity (its ratio is null)', () => {
    const r = reportOf();
    expect(r.batch.overheadRatio).toBeNull();
    const text = toJson(r);
    expect(text).not.toMatch(/NaN|Infinity/);
    expect(JSON.parse(text)).toMatchObject({ schemaVersion: SCHEMA_VERSION, batch: { overheadRatio: null } });
  });
});

describe('renderMarkdown', () => {
  const doc: Doc = {
    title: 'T',
    subtitle: 'sub',
    blocks: [
      { kind: 'table', title: 'Numbers', head: ['name', 'value', 'share'], numeric: [1, 2], rows: [['a|b', '1', '50%'], ['c', '2', '50%']] },
      { kind: 'findings', findings: [{ code: 'starvationRisk', severity: 'warn', message: 'careful' }] },
      { kind: 'findings', findings: [] },
    ],
  };
  const md = renderMarkdown(doc);
  const lines = md.split('\n');

  it('a table: header, alignment row, one line per row, pipes escaped', () => {
    const at = lines.indexOf('### Numbers');
    expect(lines.slice(at + 2, at + 6)).toEqual(['| name | value | share |', '| --- | ---: | ---: |', '| a\\|b | 1 | 50% |', '| c | 2 | 50% |']);
  });

  it('title, subtitle and findings', () => {
    expect(lines[0]).toBe('## T');
    expect(md).toContain('\nsub\n');
    expect(md).toContain('- ⚠️ **warn** `starvationRisk`: careful');
    expect(md).toContain('No findings.');
    expect(md.endsWith('.\n')).toBe(true);
  });

  it('every row of the plan tables has as many cells as its header', () => {
    const text = renderMarkdown(planDoc(reportOf(scenario({ workload: { items: 60_000, itemRuntime: fixed(0.1), batchSize: 1 } }))));
    const cells = (line: string): number => line.replace(/\\\|/g, '').split('|').length - 2;
    let width = -1;
    for (const line of text.split('\n')) {
      if (!line.startsWith('|')) {
        width = -1;
        continue;
      }
      if (width < 0) width = cells(line);
      else expect(cells(line), line).toBe(width);
    }
    expect(text).toContain('`fanoutOverLimit`');
  });
});

describe('renderText', () => {
  const doc = planDoc(reportOf());
  it('no colour codes unless asked', () => {
    expect(renderText(doc, { color: false, width: 100 })).not.toMatch(/\u001b\[/);
    expect(renderText(doc, { color: true, width: 100 })).toMatch(/\u001b\[/);
  });

  it('wraps findings to the width it is given', () => {
    const r = reportOf(scenario({ workload: { items: 60_000, itemRuntime: fixed(0.1), batchSize: 1 } }));
    const text = renderText(planDoc(r), { color: false, width: 60 });
    const findings = text.slice(text.indexOf('Findings'));
    for (const line of findings.split('\n')) expect(line.length, line).toBeLessThanOrEqual(60);
  });
});

describe('tables fit the terminal width they are given', () => {
  it('wraps the wrappable columns at spaces and never cuts a word', () => {
    const doc = {
      title: 't',
      blocks: [
        {
          kind: 'table' as const,
          title: 'wide',
          head: ['name', 'metric', 'value'],
          rows: [['a rather long assertion name that wraps', 'makespan.p95Seconds', '4m 58s (95% CI 4m 58s – 4m 59s)']],
        },
      ],
    };
    // natural width: 42 + 21 + 34 + 4 borders = 101 columns; asked to fit in 60
    const lines = renderText(doc, { color: false, width: 60 }).split('\n');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(60);
    const text = lines.join('\n');
    expect(text).toContain('makespan.p95Seconds'); // the one unbreakable word stays whole
    expect(text).not.toContain('…');
    // and at a width that fits, nothing changes
    const wide = renderText(doc, { color: false, width: 200 }).split('\n');
    expect(wide.some((l) => l.includes('a rather long assertion name that wraps'))).toBe(true);
  });
});
