// The sweep as a ranked table and a chart of makespan against batch size.
import { formatSeconds } from '../core/units.js';
import type { SweepReport } from '../report/sweepReport.js';
import { scatter } from './chart.js';
import type { Block, Doc } from './doc.js';
import { int } from './planDoc.js';

export function sweepDoc(r: SweepReport): Doc {
  const keys = r.axes.filter((a) => a.values.length > 1).map((a) => a.key);
  const head = [...keys, 'actions', 'makespan mean', '95% CI', r.points.some((p) => p.cost !== null) ? 'cost' : 'replica-hours', 'util.', ''];
  const rows = r.points.map((p) => {
    const params = keys.map((k) => p.parameters[k] ?? '');
    if (!p.feasible || !p.makespan) return [...params, int(p.actions), 'infeasible', p.infeasibleBecause.join(', '), '', '', ''];
    const hours = (p.replicaSeconds?.billed.mean ?? 0) / 3600;
    // Four significant figures, so close points on the Pareto front can be told apart.
    const cost = p.cost !== null ? p.cost.mean.toPrecision(4) : hours.toPrecision(4);
    const ci = p.makespan.ci95Seconds === null ? 'n/a (1 run)' : `${formatSeconds(p.makespan.ci95Seconds[0])} – ${formatSeconds(p.makespan.ci95Seconds[1])}`;
    return [...params, int(p.actions), formatSeconds(p.makespan.meanSeconds), ci, cost, `${Math.round((p.utilization?.mean ?? 0) * 100)}%`, p.pareto ? '★ pareto' : ''];
  });
  const blocks: Block[] = [{ kind: 'table', title: `Points by ${r.objective} (★: no other point is both faster and cheaper)`, head, rows, numeric: [keys.length, keys.length + 1, keys.length + 3] }];
  const chartable = r.points.filter((p) => p.makespan !== null);
  if (r.axes.some((a) => a.key === 'batchSize' && a.values.length > 1) && chartable.length > 1) {
    const lines = scatter(chartable.map((p) => ({ x: p.batchSize, y: p.makespan?.meanSeconds ?? 0, mark: p.pareto ? '★' : '●' })), 60, 10);
    const xs = chartable.map((p) => p.batchSize);
    const ys = chartable.map((p) => p.makespan?.meanSeconds ?? 0);
    blocks.push({
      kind: 'text',
      title: 'Makespan against batch size',
      lines: [`makespan ${formatSeconds(Math.min(...ys))} – ${formatSeconds(Math.max(...ys))} (up)`, ...lines, ` batch size ${int(Math.min(...xs))} – ${int(Math.max(...xs))} (right)`],
    });
  }
  return { title: `flyscale sweep: ${r.scenario.name}`, subtitle: `${r.points.length} points, ${raced(r)}, seed ${r.seed} (common random numbers)`, blocks };
}

/** With --race: how many points ran to the end and what the race saved; the JSON says which were dropped and when. */
function raced(r: SweepReport): string {
  if (!r.race) return `${r.runs} replications each`;
  const share = r.race.exhaustiveActions > 0 ? Math.round((100 * r.race.simulatedActions) / r.race.exhaustiveActions) : 0;
  return `raced: ${r.race.survivors} ran all ${r.runs} replications, ${r.race.dropped} dropped as dominated after ${r.race.firstRuns} or more (${share}% of the simulated actions of a full sweep)`;
}
