// sweep --race: the same best point and Pareto set as the exhaustive sweep, for fewer simulated actions.
import { expect, test } from 'vitest';
import { flyscale } from '../helpers/cli.js';

const args = ['sweep', 'examples/scaling-guide.yaml', '--items', '100000', '--replicas', '5:5,10:10,20:20', '--concurrency', '2,5,10', '--batch-size', '250,500,1000', '--per-replica-hour', '0.5', '--runs', '40', '--json'];
const front = (r: { points: Array<{ pareto: boolean; parameters: Record<string, string> }> }) =>
  r.points.filter((p) => p.pareto).map((p) => JSON.stringify(p.parameters)).sort();

test('a raced sweep picks what the exhaustive one picks, and says what it dropped and when', () => {
  const full = flyscale(args);
  const raced = flyscale([...args, '--race']);
  expect(full.code).toBe(0);
  expect(raced.code).toBe(0);
  const a = JSON.parse(full.stdout);
  const b = JSON.parse(raced.stdout);
  expect(b.points[0].parameters).toEqual(a.points[0].parameters);
  expect(front(b)).toEqual(front(a));
  expect(b.race.simulatedActions).toBeLessThan(a.points.reduce((s: number, p: { actions: number }) => s + 40 * p.actions, 0));
  expect(b.race.exhaustiveActions).toBe(a.points.reduce((s: number, p: { actions: number }) => s + 40 * p.actions, 0));
  const dropped = b.points.filter((p: { race: { dropped: unknown } }) => p.race.dropped !== null);
  expect(dropped.length).toBe(b.race.dropped);
  for (const p of dropped) {
    expect(p.race.runs).toBe(p.race.dropped.afterRuns);
    expect(p.pareto).toBe(false);
  }
  expect(a.race).toBeUndefined();
});
