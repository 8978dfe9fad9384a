#!/usr/bin/env node
// sweep --race against the exhaustive sweep on a grid of 1,000 points (replicas × concurrency ×
// batch size on a priced fixed reusable pool, 16 CPUs per replica so the CPUs never saturate): the same best point and Pareto
// set, and the simulated actions each took. Run after a build: `npx tsc -p tsconfig.build.json`.
import { simulateMany } from '../dist/core/sim/simulateMany.js';
import { race } from '../dist/core/sweep/race.js';
import { paretoSet } from '../dist/core/sweep/pareto.js';
import { fixed, lognormalFromMedianP95 } from '../dist/core/distribution.js';

const RUNS = 100;
const transfer = (s) => ({ latency: fixed(s), bandwidthBytesPerSecond: null });
function scenario(replicas, concurrency, batchSize) {
  return {
    phases: { uploadInputs: transfer(0.1), downloadInputs: transfer(0.1), uploadOutputs: transfer(0.1), downloadOutputs: transfer(0.1), enqueue: lognormalFromMedianP95(0.2, 0.8), create: lognormalFromMedianP95(20, 40), dispatch: fixed(1) },
    limits: { maxActionsPerRun: 50_000, recommendedActionsPerRun: 40_000, targetActionsMin: 10_000, targetActionsMax: 20_000, maxInlineIoBytes: 10_485_760, maxChildrenInFlight: 1000, enqueueRatePerSecond: 100, runtimeFloorSeconds: 1, overheadRatio: 10 },
    workload: { items: 600, itemRuntime: lognormalFromMedianP95(2, 6), itemInputBytes: 0, itemOutputBytes: 0, itemMemoryBytes: null, taskMemoryBytes: null, data: 'reference', pattern: 'task', cacheHitRatio: 0, batchSize },
    pool: { mode: 'reusable', minReplicas: replicas, maxReplicas: replicas, concurrency, scaledownTtlSeconds: 30, idleTtlSeconds: 60, startCold: false, replicaCpus: 16, actionCpu: 1 },
    run: { mapConcurrency: 0, maxActionConcurrency: null, queueConcurrency: null, parentStartSeconds: 0 },
    failures: { failureRate: 0, retries: 0, retryBackoffSeconds: 0 },
    pricing: { perReplicaHour: 1 },
  };
}
const points = [];
for (let replicas = 1; replicas <= 10; replicas++) for (let concurrency = 1; concurrency <= 10; concurrency++) for (const b of [5, 10, 15, 20, 25, 30, 40, 50, 60, 75]) points.push({ replicas, concurrency, b, s: scenario(replicas, concurrency, b) });
const actionsOf = (p) => Math.ceil(p.s.workload.items / p.b);
const sample = (p, from, to) => simulateMany(p.s, p.b, { runs: to, seed: 1, from, to }).map((r) => ({ timeSeconds: r.makespanSeconds, cost: r.cost ?? 0 }));
const meanOf = (xs) => xs.reduce((a, x) => a + x, 0) / xs.length;
const best = (idx, stats) => idx.reduce((a, i) => (stats[i].time < stats[a].time || (stats[i].time === stats[a].time && stats[i].cost < stats[a].cost) ? i : a), idx[0]);

let t0 = performance.now();
const full = points.map((p) => {
  const xs = sample(p, 0, RUNS);
  return { time: meanOf(xs.map((x) => x.timeSeconds)), cost: meanOf(xs.map((x) => x.cost)) };
});
const exhaustiveActions = points.reduce((s, p) => s + RUNS * actionsOf(p), 0);
const exhaustiveSeconds = (performance.now() - t0) / 1000;
const all = points.map((_, i) => i);
const frontAll = [...paretoSet(full)].sort((a, b) => a - b);

t0 = performance.now();
const seen = new Map();
const out = await race(points.length, (i, from, to) => {
  const xs = sample(points[i], from, to);
  seen.set(i, [...(seen.get(i) ?? []), ...xs]);
  return xs;
}, { runs: RUNS, firstRuns: 5, mode: 'pareto', objective: 'time' });
const raceSeconds = (performance.now() - t0) / 1000;
const raceActions = out.runs.reduce((s, n, i) => s + n * actionsOf(points[i]), 0);
const stats = points.map((_, i) => {
  const xs = seen.get(i) ?? [];
  return { time: meanOf(xs.map((x) => x.timeSeconds)), cost: meanOf(xs.map((x) => x.cost)) };
});
const frontRace = [...paretoSet(out.survivors.map((i) => stats[i]))].map((k) => out.survivors[k]).sort((a, b) => a - b);
const label = (i) => `replicas ${points[i].replicas}, concurrency ${points[i].concurrency}, batch ${points[i].b}`;
console.log(`race       points=${points.length} runs=${RUNS} first round 5, then 1.5x; survivors ${out.survivors.length}, dropped ${out.dropped.length}`);
const rounds = new Map();
for (const d of out.dropped) rounds.set(d.afterRuns, (rounds.get(d.afterRuns) ?? 0) + 1);
console.log(`race       dropped after ${[...rounds].map(([n, k]) => `${n} runs: ${k}`).join(', ')}`);
console.log(`exhaustive best: ${label(best(all, full))}; Pareto set ${frontAll.length} points; ${exhaustiveActions.toLocaleString('en-US')} simulated actions, ${exhaustiveSeconds.toFixed(1)}s`);
console.log(`race       best: ${label(best(out.survivors, stats))}; Pareto set ${frontRace.length} points; ${raceActions.toLocaleString('en-US')} simulated actions, ${raceSeconds.toFixed(1)}s`);
console.log(`race       same best: ${best(all, full) === best(out.survivors, stats)}, same Pareto set: ${JSON.stringify(frontAll) === JSON.stringify(frontRace)}, actions ${(raceActions / exhaustiveActions).toFixed(3)} of exhaustive (target <= 0.2)`);
if (process.env.RACE_DEBUG) {
  console.log('exhaustive front', frontAll.map(label), 'race front', frontRace.map(label));
  for (const i of frontAll) if (!out.survivors.includes(i)) console.log('dropped front point', label(i), out.dropped.find((d) => d.point === i), full[i], 'by', full[out.dropped.find((d) => d.point === i).by]);
}
if (process.env.RACE_DEBUG) console.log('survivors', out.survivors.map((i) => `${label(i)} t=${stats[i].time.toFixed(2)} c=${stats[i].cost.toFixed(4)}`).join('\n'));
