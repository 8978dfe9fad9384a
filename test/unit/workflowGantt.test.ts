// The simulate page's critical path, read off the closed-form start and end of each step.
import { expect, test } from 'vitest';
import { closedFormCriticalPath } from '../../src/render/html/workflowCharts.js';

const step = (startSeconds: number, endSeconds: number) => ({
  start: { meanSeconds: startSeconds, ci95Seconds: [startSeconds, startSeconds] as [number, number] },
  end: { meanSeconds: endSeconds, ci95Seconds: [endSeconds, endSeconds] as [number, number] },
  estimate: { startSeconds, endSeconds },
});

test('a diamond: the slow branch is the path, the fast one is not', () => {
  // load 0–2 s; train 2–12 s and stats 2–3 s after it; publish after both starts at max(12, 3) = 12 s.
  const steps = { load: step(0, 2), train: step(2, 12), stats: step(2, 3), publish: step(12, 13) };
  expect(closedFormCriticalPath(steps)).toEqual(['load', 'train', 'publish']);
});

test('the step that ends last closes the path, even when it is not the last listed', () => {
  // a 0–5 s, b 0–1 s, c 1–2 s after b: a ends last and starts at 0, so the path is a alone.
  expect(closedFormCriticalPath({ b: step(0, 1), c: step(1, 2), a: step(0, 5) })).toEqual(['a']);
});

test('a step of no duration on the path (a trace) does not loop', () => {
  // x 0–4 s, t 4–4 s (zero time), y 4–9 s after t: the walk back from y finds t, then x.
  expect(closedFormCriticalPath({ x: step(0, 4), t: step(4, 4), y: step(4, 9) })).toEqual(['x', 't', 'y']);
});

test('no steps: no path', () => {
  expect(closedFormCriticalPath({})).toEqual([]);
});
