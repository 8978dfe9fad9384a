#!/usr/bin/env node
// Writes examples/flyte-runs/: two finished Flyte 2 runs as `ActionDetails.to_json()` would print
// them, drawn from the stated laws below with fixed seeds, so the import tests can check that
// `flyscale profile import` recovers them. Run: node scripts/make-flyte-runs.mjs
//   pods/actions.jsonl      a map of 400 children, a pod each, camelCase JSON Lines
//   reusable/actions.json   a map of 600 children on a reusable pool, a JSON array in snake_case
// Both runs are scheduled as flyscale's simulator does it (docs/simulator.md): FIFO for a free
// slot, a cold start inside the slot for a pod, a warm dispatch on a ready replica.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRng } from './seededRng.mjs';


/** 2025-06-01T09:00:00Z, whole seconds since 1970. */
const BASE_EPOCH = 1748768400n;

export const PODS = {
  seed: 20250602, run: 'r-pods', children: 400, clusterSlots: 50, parentStartSeconds: 5, enqueueEverySeconds: 0.02,
  taskType: 'python-task',
  queued: { median: 0.3, sigma: 0.5 }, // e plus the executor's pick-up
  initializing: { median: 20, sigma: 0.4 }, // a pod start
  running: { median: 60, sigma: 0.3 }, // d_in + runtime + u_out
  failureRate: 0.08, retries: 2, cacheHitRatio: 0.1,
};

export const REUSABLE = {
  seed: 20250603, run: 'r-reusable', children: 600, parentStartSeconds: 3, enqueueEverySeconds: 0.01,
  taskType: 'actor', minReplicas: 2, maxReplicas: 8, concurrency: 4,
  queued: { median: 0.2, sigma: 0.5 }, // e alone; the wait for a slot is added to it
  dispatch: { median: 0.05, sigma: 0.5 }, // INITIALIZING on a warm replica
  coldStart: { median: 25, sigma: 0.3 }, // a new replica's start
  running: { median: 8, sigma: 0.3 },
  failureRate: 0.03, retries: 1, cacheHitRatio: 0.05,
};

const NS = 1e9;
const toNs = (seconds) => Math.round(seconds * NS);

/** RFC 3339 with the fewest of 0, 3, 6 or 9 fractional digits that write the value exactly. */
export function timestamp(ns) {
  const whole = BigInt(Math.floor(ns / NS));
  const frac = ns - Number(whole) * NS;
  const iso = new Date(Number(BASE_EPOCH + whole) * 1000).toISOString().slice(0, 19);
  if (frac === 0) return `${iso}Z`;
  let digits = String(frac).padStart(9, '0');
  while (digits.endsWith('000')) digits = digits.slice(0, -3);
  return `${iso}.${digits}Z`;
}

/** Postgres keeps microseconds: status times are rounded to them. */
const micro = (ns) => Math.round(ns / 1000) * 1000;

/** A min-heap of numbers (slot free times), enough for FIFO scheduling. */
function heap() {
  const a = [];
  const up = (i) => { while (i > 0) { const p = (i - 1) >> 1; if (a[p] <= a[i]) break; [a[p], a[i]] = [a[i], a[p]]; i = p; } };
  const down = (i) => { for (;;) { const l = 2 * i + 1, r = l + 1; let m = i; if (l < a.length && a[l] < a[m]) m = l; if (r < a.length && a[r] < a[m]) m = r; if (m === i) return; [a[m], a[i]] = [a[i], a[m]]; i = m; } };
  return { push: (x) => { a.push(x); up(a.length - 1); }, pop: () => { const top = a[0]; const last = a.pop(); if (a.length) { a[0] = last; down(0); } return top; }, get size() { return a.length; } };
}

function baseRecord(p, name, taskName, type) {
  return {
    id: { run: { project: 'flyscale', domain: 'development', name: p.run }, name },
    metadata: name === 'a0' ? { task: { id: { project: 'flyscale', domain: 'development', name: 'embed.main', version: 'v1' }, taskType: 'python-task', shortName: 'main' }, actionType: 'ACTION_TYPE_TASK', environmentName: 'embed', funtionName: 'main', source: 'RUN_SOURCE_CLI' }
      : { parent: 'a0', group: 'embed.work_map', task: { id: { project: 'flyscale', domain: 'development', name: taskName, version: 'v1' }, taskType: type, shortName: 'work' }, actionType: 'ACTION_TYPE_TASK', environmentName: 'embed', funtionName: 'work' },
  };
}

function transitions(list) {
  return list.map(([phase, start, end]) => ({ phase: `ACTION_PHASE_${phase}`, startTime: timestamp(start), ...(end === null ? {} : { endTime: timestamp(end) }) }));
}

/** One run: its records and what was drawn (the truth the tests compare against). */
export function makeRun(p, kind) {
  const rng = createRng(p.seed);
  const ln = ({ median, sigma }) => median * Math.exp(sigma * rng.normal());
  const truth = { attempts: 0, retries: 0, cacheHits: 0, coldStarts: 0, repaired: 0, clamped: 0, queued: [], waiting: [], initializing: [], coldInitializing: [], running: [] };
  const records = [];
  const slots = heap();
  const replicaReady = []; // reusable: ready time of each replica started cold
  if (kind === 'pods') for (let s = 0; s < p.clusterSlots; s++) slots.push(0);
  else {
    for (let s = 0; s < p.minReplicas * p.concurrency; s++) slots.push(0);
    for (let r = p.minReplicas; r < p.maxReplicas; r++) replicaReady.push({ readyNs: toNs(p.parentStartSeconds + ln(p.coldStart)), used: false });
  }
  let makespanNs = 0;
  for (let i = 1; i <= p.children; i++) {
    const created = toNs(p.parentStartSeconds + i * p.enqueueEverySeconds);
    const record = baseRecord(p, `a${i}`, 'embed.work', p.taskType);
    // The resolved task spec; a reusable environment's template carries its reuse policy.
    if (kind === 'reusable') record.task = { taskTemplate: { type: 'actor', custom: { name: 'embed', version: 'v1', type: 'actor' }, reusePolicy: { minReplicas: p.minReplicas, maxReplicas: p.maxReplicas, concurrency: p.concurrency, idleTtl: '60s' } } };
    const attempts = [];
    const hit = rng.next() < p.cacheHitRatio;
    let clock = created + 5_000_000; // the first attempt event comes 5 ms after the row
    let phase = 'SUCCEEDED';
    for (let n = 1; ; n++) {
      truth.attempts++;
      const start = clock;
      const q = toNs(ln(p.queued));
      if (hit) {
        truth.cacheHits++;
        truth.queued.push(q / NS);
        attempts.push({ phase: 'ACTION_PHASE_SUCCEEDED', startTime: timestamp(start), endTime: timestamp(start + q), attempt: n, cacheStatus: 'CACHE_HIT', phaseTransitions: transitions([['QUEUED', start, start + q], ['SUCCEEDED', start + q, start + q]]) });
        clock = start + q;
        break;
      }
      const arrive = start + q;
      let slotAt = slots.pop();
      let init;
      const list = [];
      if (kind === 'pods') {
        const begin = Math.max(arrive, slotAt);
        init = toNs(ln(p.initializing));
        truth.queued.push(q / NS);
        list.push(['QUEUED', start, arrive]);
        if (begin > arrive) {
          truth.waiting.push((begin - arrive) / NS);
          list.push(['WAITING_FOR_RESOURCES', arrive, begin]);
        }
        truth.initializing.push(init / NS);
        list.push(['INITIALIZING', begin, begin + init]);
        clock = begin + init;
      } else {
        // A replica that is still starting takes the head of the queue when a warm slot is later.
        const fresh = replicaReady.find((r) => !r.used && r.readyNs < Math.max(arrive, slotAt));
        let begin;
        if (fresh !== undefined) {
          fresh.used = true;
          slots.push(slotAt);
          for (let s = 1; s < p.concurrency; s++) slots.push(fresh.readyNs);
          begin = Math.min(Math.max(arrive, toNs(p.parentStartSeconds)), fresh.readyNs);
          init = fresh.readyNs - begin;
          truth.coldStarts++;
          truth.coldInitializing.push(init / NS);
        } else {
          begin = Math.max(arrive, slotAt);
          init = toNs(ln(p.dispatch));
          truth.initializing.push(init / NS);
        }
        truth.queued.push((begin - start) / NS);
        list.push(['QUEUED', start, begin], ['INITIALIZING', begin, begin + init]);
        clock = begin + init;
      }
      const run = toNs(ln(p.running));
      const fails = n <= p.retries && rng.next() < p.failureRate;
      const ran = fails ? Math.round(run * rng.next()) : run;
      const end = clock + ran;
      slots.push(end);
      if (!fails) {
        truth.running.push(run / NS);
        list.push(['RUNNING', clock, end], ['SUCCEEDED', end, end]);
        attempts.push({ phase: 'ACTION_PHASE_SUCCEEDED', startTime: timestamp(start), endTime: timestamp(end), attempt: n, ...(hit ? {} : { cacheStatus: 'CACHE_MISS' }), phaseTransitions: transitions(list), logsAvailable: true, cluster: 'c1' });
        clock = end;
        break;
      }
      truth.retries++;
      // One failure in three is an in-place retry: attempt n stays open at RUNNING (docs/importing.md).
      const open = truth.retries % 3 === 0;
      if (open) {
        truth.repaired++;
        list.push(['RUNNING', clock, null]);
        attempts.push({ phase: 'ACTION_PHASE_RUNNING', startTime: timestamp(start), attempt: n, cacheStatus: 'CACHE_MISS', phaseTransitions: transitions(list), cluster: 'c1' });
      } else {
        list.push(['RUNNING', clock, end], ['FAILED', end, end]);
        attempts.push({ phase: 'ACTION_PHASE_FAILED', startTime: timestamp(start), endTime: timestamp(end), attempt: n, cacheStatus: 'CACHE_MISS', errorInfo: { message: 'ValueError: bad item', kind: 'KIND_USER' }, phaseTransitions: transitions(list), cluster: 'c1' });
      }
      clock = end + 1_000_000; // the next attempt 1 ms later
    }
    // The skew of a shared phase-history entry (docs/importing.md): WAITING_FOR_RESOURCES starts at
    // QUEUED's start rounded down to the second, so QUEUED ends before it starts.
    const last = attempts[attempts.length - 1];
    const wait = last.phaseTransitions.findIndex((t) => t.phase === 'ACTION_PHASE_WAITING_FOR_RESOURCES');
    if (kind === 'pods' && wait > 0 && i % 37 === 0) {
      const q0 = last.phaseTransitions[0];
      const skewed = timestamp(Math.floor(parseNs(q0.startTime) / NS) * NS);
      q0.endTime = skewed;
      last.phaseTransitions[wait].startTime = skewed;
      truth.clamped++;
    }
    makespanNs = Math.max(makespanNs, clock);
    const createdUs = micro(created);
    const endUs = micro(clock);
    record.status = { phase: `ACTION_PHASE_${phase}`, startTime: timestamp(createdUs), endTime: timestamp(endUs), attempts: attempts.length, ...(hit ? { cacheStatus: 'CACHE_HIT' } : { cacheStatus: 'CACHE_MISS' }), durationMs: String(Math.round((endUs - createdUs) / 1e6)) };
    record.attempts = attempts;
    records.push(record);
  }
  const root = baseRecord(p, 'a0', 'embed.main', 'python-task');
  const rootEnd = makespanNs + toNs(1.5);
  root.status = { phase: 'ACTION_PHASE_SUCCEEDED', startTime: timestamp(0), endTime: timestamp(micro(rootEnd)), attempts: 1, durationMs: String(Math.round(micro(rootEnd) / 1e6)) };
  root.attempts = [{ phase: 'ACTION_PHASE_SUCCEEDED', startTime: timestamp(1_000_000), endTime: timestamp(rootEnd), attempt: 1, phaseTransitions: transitions([['QUEUED', 1_000_000, 400_000_000], ['INITIALIZING', 400_000_000, toNs(2)], ['RUNNING', toNs(2), rootEnd], ['SUCCEEDED', rootEnd, rootEnd]]) }];
  truth.makespanSeconds = makespanNs / NS;
  return { records: [root, ...records], truth };
}

/** Nanoseconds since BASE_EPOCH of a timestamp this script wrote. */
function parseNs(text) {
  const m = /^(.{19})(?:\.(\d+))?Z$/.exec(text);
  const whole = BigInt(Date.parse(`${m[1]}Z`) / 1000) - BASE_EPOCH;
  return Number(whole) * NS + Number((m[2] ?? '').padEnd(9, '0'));
}

const snake = (key) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
export function toSnake(value) {
  if (Array.isArray(value)) return value.map(toSnake);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [snake(k), toSnake(v)]));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'examples', 'flyte-runs');
  const pods = makeRun(PODS, 'pods');
  mkdirSync(join(root, 'pods'), { recursive: true });
  writeFileSync(join(root, 'pods', 'actions.jsonl'), `${pods.records.map((r) => JSON.stringify(r)).join('\n')}\n`);
  const reusable = makeRun(REUSABLE, 'reusable');
  mkdirSync(join(root, 'reusable'), { recursive: true });
  writeFileSync(join(root, 'reusable', 'actions.json'), `${JSON.stringify(toSnake(reusable.records), null, 2)}\n`);
  for (const [name, run] of [['pods', pods], ['reusable', reusable]]) {
    const t = run.truth;
    process.stdout.write(`${name}: ${run.records.length} records, ${t.attempts} attempts, ${t.retries} retries, ${t.cacheHits} cache hits, ${t.coldStarts} cold starts, ${t.repaired} open attempts, ${t.clamped} skewed, makespan ${t.makespanSeconds.toFixed(1)} s\n`);
  }
}
