// The smallest pool that keeps a stream's p99 latency under a target (`simulate --p99 2s`,
// docs/streams.md, "Sizing"): on the environment the stream loads most, the replicas (the
// maximum of an autoscaling pool, the count of a fixed one) from the fewest that are stable
// upward, doubling until the simulated p99 meets the target, then a binary search between the
// last miss and the first hit. Every step simulates the whole stream with the same seeds, so the
// p99 falls (nearly) monotonically with the replicas; the steps are kept for --explain. Then, at
// that size, the cheapest TTL that still meets the target (recommendTtl.ts).
import type { Workflow } from '../workflow/types.js';
import { meanRatePerSecond } from './arrivals.js';
import { simulateStreamPlan, type StreamPlanInput, type StreamSimulator } from './simulateStreamPlan.js';
import { environmentDemand } from './streamDemand.js';
import { streamLoad } from './streamStability.js';
import { recommendTtl, type TtlRecommendation } from './recommendTtl.js';

export interface PoolTry {
  replicas: number;
  /** null: the stream is unstable at this size. */
  p99Seconds: number | null;
  ci95Seconds: [number, number] | null;
  meets: boolean;
}

export interface PoolRecommendation {
  targetSeconds: number;
  environment: string | null;
  concurrency: number;
  /** The smallest replicas found that meet the target; null when none up to the search's end does. */
  replicas: number | null;
  /** Why there is no recommendation, when there is none. */
  reason: string | null;
  tries: PoolTry[];
  /** With replicas found: the cheapest TTL at that size that still meets the target, and every TTL tried (recommendTtl.ts). */
  ttl: TtlRecommendation | null;
}

/** Doubling stops here: past 64 times the stable minimum, more replicas are not the answer. */
const MAX_DOUBLINGS = 6;
/** The pool bound of bounds.ts: more replicas than this are no cluster. */
const MAX_REPLICAS = 100_000;

/** The workflow with environment `name` at `replicas` (a fixed pool stays fixed; an autoscaling one gets that maximum). */
export function withReplicas(w: Workflow, name: string, replicas: number): Workflow {
  const resize = <P extends Workflow['environments'][number]['pool']>(pool: P): P => (pool.mode === 'reusable' ? { ...pool, minReplicas: pool.minReplicas === pool.maxReplicas ? replicas : Math.min(pool.minReplicas, replicas), maxReplicas: replicas } : pool);
  return {
    ...w,
    environments: w.environments.map((e) => (e.name === name ? { ...e, pool: resize(e.pool) } : e)),
    steps: w.steps.map((s) => (s.environment === name ? { ...s, scenario: { ...s.scenario, pool: resize(s.scenario.pool) } } : s)),
  };
}

export function recommendPool(input: StreamPlanInput, simulate: StreamSimulator, targetSeconds: number, onTry: (done: number) => void = () => {}): PoolRecommendation {
  const w = input.workflow;
  const batchOf = (step: string): number => input.sizing(step).batch;
  const demand = environmentDemand(w, batchOf);
  const rate = meanRatePerSecond(input.arrivals);
  const load = streamLoad(demand, rate, rate);
  const name = load.binding;
  const env = w.environments.find((e) => e.name === name);
  const none = (reason: string, concurrency = 1): PoolRecommendation => ({ targetSeconds, environment: name, concurrency, replicas: null, reason, tries: [], ttl: null });
  if (name === null || env === undefined) return none('no environment has a bounded number of slots: there is no pool to size');
  if (env.pool.mode !== 'reusable') return none(`environment ${name} runs a pod per action: size its clusterSlots instead`);
  const concurrency = env.pool.concurrency;
  const tries: PoolTry[] = [];
  const attempt = (replicas: number): PoolTry => {
    const found = tries.find((t) => t.replicas === replicas);
    if (found) return found;
    const plan = simulateStreamPlan({ ...input, workflow: withReplicas(w, name, replicas), timelineIntervalSeconds: null }, simulate);
    const p99 = plan.statistics?.latency.p99;
    const t: PoolTry = { replicas, p99Seconds: p99?.mean ?? null, ci95Seconds: p99 && plan.statistics && plan.statistics.replications > 1 ? [p99.ci95[0], p99.ci95[1]] : null, meets: p99 !== undefined && p99.mean <= targetSeconds };
    tries.push(t);
    onTry(tries.length);
    return t;
  };
  const stable = load.environments.find((e) => e.name === name)?.replicasNeeded ?? 1;
  // Fewer than the stable minimum is unstable (the offered load is at least the slots): never a hit, so never tried.
  let miss = Math.max(0, Math.min(stable, MAX_REPLICAS) - 1);
  let ttlDone = 0;
  let hit: number | null = null;
  let n = Math.min(stable, MAX_REPLICAS);
  for (let doubling = 0; doubling <= MAX_DOUBLINGS; doubling++) {
    const t = attempt(n);
    if (t.meets) {
      hit = n;
      break;
    }
    const before = tries[tries.length - 2];
    // Twice the replicas did not move the p99 by 2%: the latency is the runs' own work and overhead, not the queue.
    if (before?.p99Seconds != null && t.p99Seconds !== null && t.p99Seconds > 0.98 * before.p99Seconds) break;
    miss = n;
    if (n >= MAX_REPLICAS) break;
    n = Math.min(MAX_REPLICAS, 2 * n);
  }
  if (hit === null) {
    const last = tries[tries.length - 1];
    const floor = last?.p99Seconds ?? null;
    return { targetSeconds, environment: name, concurrency, replicas: null, reason: floor === null ? 'no pool searched was stable' : `no pool up to ${last?.replicas ?? 0} replicas keeps p99 under the target: at ${last?.replicas ?? 0} it is ${floor.toFixed(3)} s, most of it the runs' own steps and overheads, which more replicas do not shorten`, tries, ttl: null };
  }
  // Binary search in (miss, hit]: the smallest count that meets the target.
  let lo = miss;
  let hi = hit;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (attempt(mid).meets) hi = mid;
    else lo = mid;
  }
  const sized = { ...input, workflow: withReplicas(w, name, hi) };
  const ttl = recommendTtl(sized, simulate, name, targetSeconds, () => onTry(tries.length + (ttlDone += 1)));
  return { targetSeconds, environment: name, concurrency, replicas: hi, reason: null, tries, ttl };
}
