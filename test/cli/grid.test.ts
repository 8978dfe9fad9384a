// The sweep grid: lists, ranges and their combinations; the Pareto set of time against cost.
import { describe, expect, test } from 'vitest';
import { combinations, expandRange, gridSize, splitList } from '../../src/core/sweep/grid.js';
import { paretoSet } from '../../src/core/sweep/pareto.js';

describe('splitList', () => {
  test('splits at top-level commas and trims', () => {
    expect(splitList('100, 250,500 ,1000')).toEqual(['100', '250', '500', '1000']);
    expect(splitList('5:20,10:40')).toEqual(['5:20', '10:40']);
  });

  test('keeps commas inside [...] and {...}, nested too', () => {
    expect(splitList('[1s, 2s],3s')).toEqual(['[1s, 2s]', '3s']);
    expect(splitList('{median: 80ms, p95: 300ms},1s')).toEqual(['{median: 80ms, p95: 300ms}', '1s']);
    expect(splitList('[[1, 2], [3]],{a: [4, 5]},6')).toEqual(['[[1, 2], [3]]', '{a: [4, 5]}', '6']);
  });

  test('drops empty items', () => {
    expect(splitList('a,,b,')).toEqual(['a', 'b']);
    expect(splitList('')).toEqual([]);
    expect(splitList(' , ')).toEqual([]);
  });
});

describe('expandRange', () => {
  test('100..1000/100 is the ten values 100, 200, …, 1000', () => {
    // (1000 − 100) / 100 + 1 = 10
    expect(expandRange('100..1000/100')).toEqual(['100', '200', '300', '400', '500', '600', '700', '800', '900', '1000']);
  });

  test('a unit after the step is carried to every value', () => {
    expect(expandRange('1..4/1s')).toEqual(['1s', '2s', '3s', '4s']);
    expect(expandRange('100..300/100ms')).toEqual(['100ms', '200ms', '300ms']);
  });

  test('decimal steps give clean values and keep the end despite floating point', () => {
    // (0.3 − 0.1) / 0.1 is 1.9999999999999998 in binary floating point: still 3 values,
    // and 0.1 + 2 × 0.1 prints as 0.3, not 0.30000000000000004.
    expect(expandRange('0.1..0.3/0.1')).toEqual(['0.1', '0.2', '0.3']);
  });

  test('a step that does not land on the end stops before it', () => {
    // 1, 4, 7, 10 (13 > 11)
    expect(expandRange('1..11/3')).toEqual(['1', '4', '7', '10']);
  });

  test('a range without a step is a problem, not a guess', () => {
    const r = expandRange('1..4');
    expect(r).toHaveProperty('problem');
    expect(JSON.stringify(r)).toMatch(/no step/);
  });

  test('an empty range (end before start, or a zero step) is a problem', () => {
    expect(JSON.stringify(expandRange('5..1/1'))).toMatch(/empty/);
    expect(JSON.stringify(expandRange('1..5/0'))).toMatch(/empty/);
  });

  test('a single-value range is allowed', () => {
    expect(expandRange('7..7/1')).toEqual(['7']);
  });

  test('text that is not a range is null, so it is taken as a single value', () => {
    expect(expandRange('100')).toBeNull();
    expect(expandRange('5:20')).toBeNull();
    expect(expandRange('[1s, 2s]')).toBeNull();
  });
});

describe('combinations', () => {
  const axes = [
    { key: 'batchSize', values: ['100', '200'] },
    { key: 'replicas', values: ['5', '10', '20'] },
  ];

  test('every combination, the first axis varying slowest: 2 × 3 = 6', () => {
    expect(gridSize(axes)).toBe(6);
    expect(combinations(axes)).toEqual([
      { batchSize: '100', replicas: '5' },
      { batchSize: '100', replicas: '10' },
      { batchSize: '100', replicas: '20' },
      { batchSize: '200', replicas: '5' },
      { batchSize: '200', replicas: '10' },
      { batchSize: '200', replicas: '20' },
    ]);
  });

  test('the size multiplies: 2 × 3 × 4 = 24, and matches the points listed', () => {
    const three = [...axes, { key: 'concurrency', values: ['1', '2', '4', '8'] }];
    expect(gridSize(three)).toBe(24);
    const points = combinations(three);
    expect(points).toHaveLength(24);
    expect(new Set(points.map((p) => JSON.stringify(p))).size).toBe(24);
  });

  test('no axes: one empty point', () => {
    expect(combinations([])).toEqual([{}]);
    expect(gridSize([])).toBe(1);
  });
});

describe('paretoSet', () => {
  test('keeps exactly the points no other point beats on both time and cost', () => {
    const points = [
      { time: 10, cost: 5 }, // 0: front
      { time: 8, cost: 6 }, // 1: front (fastest)
      { time: 12, cost: 4 }, // 2: front (cheapest)
      { time: 11, cost: 6 }, // 3: dominated by 0 (10 ≤ 11, 5 ≤ 6)
      { time: 8, cost: 7 }, // 4: dominated by 1 (same time, dearer)
      { time: 10, cost: 5 }, // 5: a twin of 0: neither beats the other, both stay
      { time: 13, cost: 4 }, // 6: dominated by 2 (same cost, slower)
    ];
    expect([...paretoSet(points)].sort()).toEqual([0, 1, 2, 5]);
  });

  test('a single point is its own front; an empty set has none', () => {
    expect([...paretoSet([{ time: 1, cost: 1 }])]).toEqual([0]);
    expect(paretoSet([]).size).toBe(0);
  });

  test('a chain where each point beats the next leaves only the first', () => {
    expect([...paretoSet([{ time: 1, cost: 1 }, { time: 2, cost: 2 }, { time: 3, cost: 3 }])]).toEqual([0]);
  });
});
