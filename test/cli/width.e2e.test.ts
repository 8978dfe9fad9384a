// The output width: COLUMNS is followed, and a sweep of three settings stays one line per
// point at 80 columns (columns dropped or merged, not cells wrapped), with a legend for its
// several series.
import { afterAll, expect, test } from 'vitest';
import { fixedScenario, flyscale, scratch } from './run.js';

// Every phase 0 s, fixed runtimes: 24 items of 1 s; 2 × 2 × 2 = 8 points, all feasible.
const dir = scratch({ 'grid.yaml': fixedScenario({ items: 24, itemRuntime: '1s', replicas: 2, concurrency: 2, extra: '  idleTtl: 60s' }) });
afterAll(() => dir.cleanup());

const grid = ['sweep', 'grid.yaml', '--batch-size', '1,8', '--replicas', '1,3', '--concurrency', '1,2', '--runs', '3', '--per-replica-hour', '0.35'];
const widest = (text: string): number => Math.max(...text.split('\n').map((l) => [...l].length));
/** The table's body rows: lines between the border lines that start with a batch size. */
const tableRows = (text: string): string[] => text.split('\n').filter((l) => /^│ (1|8) +│/.test(l));
const wrappedRows = (text: string): string[] => text.split('\n').filter((l) => /^│ +│/.test(l));

for (const columns of ['80', '100']) {
  test(`COLUMNS=${columns}: the sweep fits, one line per point`, () => {
    const r = flyscale(grid, { cwd: dir.dir, env: { COLUMNS: columns } });
    expect(r.code).toBe(0);
    expect(widest(r.stdout)).toBeLessThanOrEqual(Number(columns));
    expect(tableRows(r.stdout)).toHaveLength(8);
    expect(wrappedRows(r.stdout)).toEqual([]);
  });
}

test('a wide COLUMNS keeps every column, a narrow one gives up utilisation first, then actions', () => {
  const wide = flyscale(grid, { cwd: dir.dir, env: { COLUMNS: '200' } }).stdout;
  expect(wide).toMatch(/│ batchSize │ replicas │ concurrency │ actions │ makespan mean │ 95% CI +│ cost +│ util\. │ +│/);
  const narrow = flyscale(grid, { cwd: dir.dir, env: { COLUMNS: '60' } }).stdout;
  // At 60 only the header may wrap ("makespan (95% CI)" over two lines); each point is one line.
  expect(narrow).toMatch(/│ batchSize │ replicas │ concurrency │ makespan +│ cost +│ +│/);
  expect(narrow).not.toMatch(/util\.|actions/);
  expect(tableRows(narrow)).toHaveLength(8);
  expect(narrow).toMatch(/│ 4s ± 0ms +│/); // fixed runtimes: every replication alike, no spread
});

test('the chart of several series names each one in a legend, with the mark it is drawn with', () => {
  const r = flyscale(grid, { cwd: dir.dir, env: { COLUMNS: '80' } });
  // The series are the other settings' combinations, in the order of the grid.
  const legend = r.stdout.split('\n').filter((l) => /^ {2}\S \S/.test(l) && /replicas \d, concurrency \d/.test(l)).join('   ');
  for (const series of ['replicas 1, concurrency 1', 'replicas 1, concurrency 2', 'replicas 3, concurrency 1', 'replicas 3, concurrency 2']) expect(legend).toContain(series);
  const marks = [...legend.matchAll(/(\S) replicas/g)].map((m) => m[1]);
  expect(new Set(marks).size).toBe(4);
  const plot = r.stdout.split('\n').filter((l) => l.startsWith('  │')).join('');
  for (const mark of marks) expect(plot.includes(mark ?? '?') || plot.includes('*')).toBe(true);
});
