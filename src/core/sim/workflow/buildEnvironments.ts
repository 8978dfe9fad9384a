// The environments of the run engine, built once: a pool and autoscaler per reusable
// environment (replica ids global: each environment's places start at its offset), processor
// sharing where its replicas' CPUs are short, pods otherwise; one event queue for all of them.
import type { Rng } from '../../random.js';
import type { Workflow } from '../../workflow/types.js';
import { ReplicaFinishes } from '../replicaFinishes.js';
import { EventQueue } from '../eventQueue.js';
import { ProcessorSharing } from '../processorSharing.js';
import { ReplicaPool } from '../replicaPool.js';
import { planOf } from '../simPlan.js';
import { Autoscaler } from '../autoscaler.js';
import { EnvState } from './envState.js';

export interface BuiltEnvironments {
  events: EventQueue;
  envs: EnvState[];
  /** Per global replica id: its environment. */
  replicaEnv: Int32Array;
  /** Per environment: the global id of its replica 0. */
  replicaOffset: Int32Array;
}

export function buildEnvironments(w: Workflow, rng: Rng, timelineInterval: number | null, totalActions: number): BuiltEnvironments {
  const replicaOffset = new Int32Array(w.environments.length);
  let replicas = 0;
  let sharing = false;
  for (const [i, env] of w.environments.entries()) {
    replicaOffset[i] = replicas;
    const p = env.pool;
    if (p.mode !== 'reusable') continue;
    replicas += p.maxReplicas;
    if (p.replicaCpus !== null && p.actionCpu !== null && p.replicaCpus < p.concurrency * p.actionCpu) sharing = true;
  }
  const events = new EventQueue(1024, sharing ? replicas : 0);
  const replicaEnv = new Int32Array(replicas);
  // The pool's settings and its create draws: the run's phases with this environment's pool.
  const model = w.steps.find((s) => s.kind === 'map' || s.kind === 'task')?.scenario;
  const envs = w.environments.map((env, i) => {
    const p = env.pool;
    const offset = replicaOffset[i] ?? 0;
    // An environment no map or task step runs in (the driver's, the sub-parents') starts no pool: its containers are not billed.
    const used = w.steps.some((s) => (s.kind === 'map' || s.kind === 'task') && s.environment === env.name);
    if (!used) return new EnvState(env, null, null, null, null, timelineInterval, false);
    if (p.mode !== 'reusable' || model === undefined) return new EnvState(env, null, null, null, null, timelineInterval);
    replicaEnv.fill(i, offset, offset + p.maxReplicas);
    const pool = new ReplicaPool(p.maxReplicas, p.concurrency);
    const scaler = new Autoscaler(pool, planOf({ ...model, pool: p }, 1), events, rng, offset, i);
    const shared = p.replicaCpus !== null && p.actionCpu !== null && p.replicaCpus < p.concurrency * p.actionCpu;
    const ps = shared && p.replicaCpus !== null && p.actionCpu !== null ? new ProcessorSharing(p.maxReplicas, p.concurrency, p.replicaCpus, p.actionCpu, totalActions) : null;
    const finishes = ps === null ? null : new ReplicaFinishes(events, offset);
    return new EnvState(env, pool, scaler, ps, finishes, timelineInterval);
  });
  return { events, envs, replicaEnv, replicaOffset };
}
