// The terminal pieces main.ts wires up: the output width (COLUMNS) and the progress bar.
import { expect, test } from 'vitest';
import { outputWidth } from '../../src/cli/outputWidth.js';
import { progressBar } from '../../src/cli/progressBar.js';

test('COLUMNS wins over the terminal, and a pipe without it is 100 wide', () => {
  expect(outputWidth('80', undefined)).toBe(80);
  expect(outputWidth('80', 200)).toBe(80);
  expect(outputWidth(undefined, 132)).toBe(132);
  expect(outputWidth(undefined, undefined)).toBe(100);
  // Not a width: ignored, never NaN.
  expect(outputWidth('wide', 90)).toBe(90);
  expect(outputWidth('', undefined)).toBe(100);
  expect(outputWidth('0', 90)).toBe(90);
  // Too narrow for any table: the floor.
  expect(outputWidth('12', undefined)).toBe(40);
});

function recorder(width = 80) {
  let clock = 0;
  const out: string[] = [];
  const progress = progressBar({ write: (t) => out.push(t), now: () => clock, width });
  return { out, progress, advance: (ms: number) => (clock += ms) };
}

test('the bar stays quiet for the first second, then draws, and clears itself when done', () => {
  const r = recorder();
  r.progress('simulating', 1, 10);
  r.advance(999);
  r.progress('simulating', 2, 10);
  expect(r.out).toEqual([]);
  r.advance(1);
  r.progress('simulating', 5, 10);
  // 80 columns: "simulating [" + bar + "] 5/10" must fit in 79, so the bar is the full 30;
  // half done is 15 of 30.
  expect(r.out).toEqual([`\r\u001b[2Ksimulating [${'#'.repeat(15)}${'.'.repeat(15)}] 5/10`]);
  r.progress('simulating', 10, 10);
  expect(r.out.at(-1)).toBe('\r\u001b[2K');
});

test('work done within the first second draws nothing at all, not even a clear', () => {
  const r = recorder();
  r.progress('simulating', 10, 10);
  expect(r.out).toEqual([]);
});

test('on a narrow terminal the line never reaches the last column', () => {
  const r = recorder(40);
  r.advance(2000);
  r.progress('point 12/40', 3, 100);
  const line = r.out[0]?.replace('\r\u001b[2K', '') ?? '';
  // 40 columns: 39 for the line; "point 12/40 [" (13) + "] 3/100" (7) leave 19 for the bar.
  expect(line.length).toBeLessThanOrEqual(39);
  expect(line).toBe(`point 12/40 [${'#'.repeat(1)}${'.'.repeat(18)}] 3/100`);
});
