// Multi-series scatter: each series its own mark, a legend naming them, overlaps shown.
import { expect, test } from 'vitest';
import { scatterSeries } from '../../src/render/chart.js';

test('two series on a 5 × 3 grid, with their legend', () => {
  // x from 0 to 4 over 5 columns: column = x; y from 0 to 2 over 3 rows: row = 2 - y.
  const lines = scatterSeries(
    [
      { name: 'replicas 2', points: [{ x: 0, y: 2 }, { x: 4, y: 0 }] },
      { name: 'replicas 4', points: [{ x: 2, y: 1 }, { x: 4, y: 0 }] },
    ],
    5,
    3,
  );
  expect(lines).toEqual([
    '│●    ',
    '│  ○  ',
    // (4, 0) is in both series: the cell says so instead of hiding one of them.
    '│    *',
    '└─────',
    // 6 columns (plot and axis): the entries do not fit side by side, one a line.
    '● replicas 2',
    '○ replicas 4',
    '* more than one series',
  ]);
});

test('short legend entries share a line when the plot is wide enough', () => {
  const lines = scatterSeries(
    [
      { name: 'a', points: [{ x: 0, y: 0 }] },
      { name: 'b', points: [{ x: 1, y: 1 }] },
    ],
    20,
    2,
  );
  expect(lines.slice(3)).toEqual(['● a   ○ b']);
});
