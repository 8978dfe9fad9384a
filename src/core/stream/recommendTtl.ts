// The TTL half of `simulate --p99` (docs/streams.md, "Sizing"): with the replicas found, the
// cheapest TTL of the chosen environment that still keeps the p99 under the target. The TTL that
// releases replicas is searched: scaledownTtl on an autoscaling pool (minReplicas < maxReplicas);
// on a fixed pool, which never scales down, idleTtl (the whole pool goes only when nothing is
// busy, which in a stream happens between bursts). Candidates run from the file's value down by
// halving to Flyte's minimum of 30 s (ReusePolicy refuses less), which is tried last; each
// simulates the whole stream with the same seeds as the replica search, and the cheapest that
// meets the target wins (within 0.1%, the shorter).
import type { Workflow } from '../workflow/types.js';
import type { StreamPlanInput, StreamSimulator } from './simulateStreamPlan.js';
import { simulateStreamPlan } from './simulateStreamPlan.js';

export const TTL_SETTINGS = ['scaledownTtl', 'idleTtl'] as const;
export type TtlSetting = (typeof TTL_SETTINGS)[number];

export interface TtlTry {
  seconds: number;
  /** null: the stream is unstable at this setting. */
  p99Seconds: number | null;
  ci95Seconds: [number, number] | null;
  meets: boolean;
  /** The environment's cost per hour; null without a price. */
  costPerHour: number | null;
  /** Replicas billed on average over the measured window. */
  replicasBilled: number | null;
}

export interface TtlRecommendation {
  setting: TtlSetting;
  /** The value the file sets. */
  fileSeconds: number;
  /** The cheapest setting tried that meets the target. */
  seconds: number;
  tries: TtlTry[];
}

/** Halvings past the file's value are not tried beyond this many. */
const MAX_CANDIDATES = 10;
/** Flyte's ReusePolicy refuses a scaledown_ttl or idle_ttl under 30 seconds. */
export const FLYTE_MIN_TTL_SECONDS = 30;
const FIELD = { scaledownTtl: 'scaledownTtlSeconds', idleTtl: 'idleTtlSeconds' } as const satisfies Record<TtlSetting, string>;

/** The file's value, its halvings while they stay above Flyte's minimum, then the minimum; at most MAX_CANDIDATES. */
export function ttlCandidates(fileSeconds: number): number[] {
  const out = [fileSeconds];
  for (let t = fileSeconds / 2; t > FLYTE_MIN_TTL_SECONDS && out.length < MAX_CANDIDATES - 1; t /= 2) out.push(t);
  if (fileSeconds > FLYTE_MIN_TTL_SECONDS) out.push(FLYTE_MIN_TTL_SECONDS);
  return out;
}

/** The workflow with environment `name`'s `setting` at `seconds`. */
export function withTtl(w: Workflow, name: string, setting: TtlSetting, seconds: number): Workflow {
  const field = FIELD[setting];
  const set = <P extends Workflow['environments'][number]['pool']>(pool: P): P => (pool.mode === 'reusable' ? { ...pool, [field]: seconds } : pool);
  return {
    ...w,
    environments: w.environments.map((e) => (e.name === name ? { ...e, pool: set(e.pool) } : e)),
    steps: w.steps.map((s) => (s.environment === name ? { ...s, scenario: { ...s.scenario, pool: set(s.scenario.pool) } } : s)),
  };
}

/** Costs within this share of the cheapest count as a tie, which goes to the shorter TTL. */
const TIE = 0.001;
const price = (t: TtlTry): number => t.costPerHour ?? t.replicasBilled ?? 0;

/** The shortest of the tries that meet the target and cost no more than the cheapest of them (within TIE). */
export function cheapestMeeting(tries: readonly TtlTry[]): TtlTry | undefined {
  const meeting = tries.filter((t) => t.meets);
  const least = Math.min(...meeting.map(price));
  return meeting.filter((t) => price(t) <= least * (1 + TIE)).sort((a, b) => a.seconds - b.seconds)[0];
}

export function recommendTtl(input: StreamPlanInput, simulate: StreamSimulator, name: string, targetSeconds: number, onTry: () => void = () => {}): TtlRecommendation | null {
  const env = input.workflow.environments.find((e) => e.name === name);
  if (env === undefined || env.pool.mode !== 'reusable') return null;
  const setting: TtlSetting = env.pool.minReplicas < env.pool.maxReplicas ? 'scaledownTtl' : 'idleTtl';
  const fileSeconds = env.pool[FIELD[setting]];
  const tries = ttlCandidates(fileSeconds).map((seconds): TtlTry => {
    const plan = simulateStreamPlan({ ...input, workflow: withTtl(input.workflow, name, setting, seconds), timelineIntervalSeconds: null }, simulate);
    const st = plan.statistics;
    const p99 = st?.latency.p99;
    const e = st?.environments[name];
    onTry();
    return {
      seconds,
      p99Seconds: p99?.mean ?? null,
      ci95Seconds: p99 && st && st.replications > 1 ? [p99.ci95[0], p99.ci95[1]] : null,
      meets: p99 !== undefined && p99.mean <= targetSeconds,
      costPerHour: e?.costPerHour?.mean ?? null,
      replicasBilled: e?.replicasBilled.mean ?? null,
    };
  });
  const best = cheapestMeeting(tries);
  // The file's value met the target in the replica search; should the TTL search disagree, keep it.
  return { setting, fileSeconds, seconds: best?.seconds ?? fileSeconds, tries };
}
