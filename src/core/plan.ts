// The main job: overhead, batch, fan-out, concurrency and estimate for one scenario, with
// the findings that follow from them. Pure: same scenario in, same plan out.
import { mean } from './distribution.js';
import { bindingFor, effectiveConcurrency, type Concurrency } from './concurrency.js';
import { estimateCost, type CostEstimate } from './cost.js';
import { estimateMakespan, type Estimate } from './estimate.js';
import { actionsFor, checkFanout, fanoutFindings, type Fanout } from './fanout.js';
import { finding, SEVERITY_ORDER, type Finding } from './findings.js';
import type { Scenario } from './model.js';
import { plural } from './units.js';
import { actionOverhead, variantFor, type Overhead, type Variant } from './overhead.js';
import { memoryRemedies, options } from './batchRemedies.js';
import { batchesPerContainer, recommendBatch, type BatchOptions, type BatchRecommendation, type LowerBound } from './recommendBatch.js';
import { waveAlignment, type Waves } from './waves.js';

export interface BatchPlan extends BatchRecommendation {
  /** The batch size the rest of the plan uses: the scenario's, or the recommendation. */
  size: number;
  sizeFrom: 'scenario' | 'recommended';
  actions: number;
  runtimeSeconds: number;
  overheadSeconds: number;
  /** Batch runtime over per-action overhead (the k of docs/model.md, batch size). */
  overheadRatio: number;
  waves: Waves;
}

export interface Plan {
  /** variants: every kind of action, when asked for (each costs a sampling run). */
  overhead: { perAction: Overhead; variants: Record<Variant, Overhead> | null };
  batch: BatchPlan;
  fanout: Fanout;
  concurrency: Concurrency;
  estimate: Estimate;
  /** Billed replica-seconds and, with a price, the cost of the run, in closed form. */
  cost: CostEstimate;
  findings: Finding[];
}

export interface PlanOptions extends BatchOptions {
  /** Also compute the overhead of every kind of action (task, warm, cache hit, trace). */
  variants?: boolean;
}

export function plan(s: Scenario, planOptions: PlanOptions = {}): Plan {
  const w = s.workload;
  const rec = recommendBatch(s, planOptions);
  const fromScenario = w.batchSize !== null;
  // The recommendation is never above a cap; when infeasible it is the largest the caps allow.
  const size = Math.min(w.batchSize ?? rec.recommended, w.items);
  const variant = variantFor(w.pattern, s.pool.mode);
  const perAction = actionOverhead(s.phases, variant, size * w.itemInputBytes, size * w.itemOutputBytes);
  const of = (v: Variant): Overhead => (v === variant ? perAction : actionOverhead(s.phases, v, size * w.itemInputBytes, size * w.itemOutputBytes));
  const variants = planOptions.variants ? ({ task: of('task'), warm: of('warm'), cacheHit: of('cacheHit'), trace: of('trace') } satisfies Record<Variant, Overhead>) : null;
  const runtimeSeconds = size * mean(w.itemRuntime);
  const concurrency = effectiveConcurrency(s);
  const estimate = estimateMakespan(s, size, concurrency);
  const batch: BatchPlan = {
    ...rec,
    size,
    sizeFrom: fromScenario ? 'scenario' : 'recommended',
    actions: actionsFor(w.items, size),
    runtimeSeconds,
    overheadSeconds: perAction.total.meanSeconds,
    overheadRatio: perAction.total.meanSeconds > 0 ? runtimeSeconds / perAction.total.meanSeconds : Number.MAX_VALUE,
    waves: waveAlignment(w.items, size, concurrency.effective, rec, (b) => (b === size ? estimate.makespanSeconds : estimateMakespan(s, b, concurrency).makespanSeconds)),
  };
  const fanout = checkFanout(batch.actions, s.limits);
  const result: Plan = {
    overhead: { perAction, variants },
    batch,
    fanout,
    // The binding limit is the one whose term sets the makespan.
    concurrency: bindingFor(concurrency, estimate.binding),
    estimate,
    cost: estimateCost(s, batch.actions, estimate, concurrency, perAction),
    findings: [],
  };
  result.findings = planFindings(s, result).sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  return result;
}

/** The soft lower bounds as a user knows them. */
const BOUND_WORDS = { overhead: 'overhead ratio', floor: 'runtime floor', fanout: 'fan-out target' } as const satisfies Record<LowerBound, string>;

function planFindings(s: Scenario, p: Plan): Finding[] {
  const { workload: w, limits: l } = s;
  const out: Finding[] = [];
  const { batch: b, fanout: f } = p;
  out.push(...fanoutFindings(f, l, w.items));
  for (const c of b.conflicts) {
    // An error when flyscale must choose the size; with the scenario's own size the checks on
    // that size (memory, inline, fan-out) decide, and the conflict is a warning.
    const facts = { limit: l.maxActionsPerRun, minimum: b.minimum, upper: c.upper, cap: b.bounds[c.upper] ?? 0, resolution: c.resolution };
    out.push(finding('batchInfeasible', facts, b.sizeFrom === 'scenario' ? 'warn' : undefined));
  }
  // A soft target above a cap yields to it: say so, and what would let the target fit.
  if (b.yielded.length && b.cap !== null && b.sizeFrom === 'recommended') {
    const fits = b.binding === 'memory' ? memoryRemedies(s, b.lowerBound, batchesPerContainer(s)) : ['pass data by reference (File, Dir, DataFrame)'];
    out.push(finding('batchCapped', { cap: b.cap, by: b.binding, wanted: b.lowerBound, bounds: b.yielded.map((x) => BOUND_WORDS[x]).join(' and '), remedy: options(fits) }));
  }
  if (b.overheadUnreachable) {
    // The transfer per item scales with its bytes: k·B·f < r needs f < r / (k·B).
    const share = b.perItemTransferSeconds > 0 ? mean(w.itemRuntime) / (l.overheadRatio * b.perItemTransferSeconds) : 1;
    const facts = { perItemTransferSeconds: b.perItemTransferSeconds, itemRuntimeSeconds: mean(w.itemRuntime), ratio: l.overheadRatio, inputBytes: w.itemInputBytes * share, outputBytes: w.itemOutputBytes * share };
    out.push(finding('overheadUnreachable', facts));
  }
  // The batch size that would meet a soft bound, offered only when the caps allow it.
  const within = (x: number | null): number | null => (x !== null && x > b.size && x <= w.items && (b.cap === null || x <= b.cap) ? x : null);
  if (b.runtimeSeconds < l.runtimeFloorSeconds) out.push(finding('runtimeUnderFloor', { runtimeSeconds: b.runtimeSeconds, floorSeconds: l.runtimeFloorSeconds, batchSize: within(b.bounds.floor) }));
  if (b.overheadRatio < l.overheadRatio) out.push(finding('overheadRatioLow', { ratio: b.overheadRatio, k: l.overheadRatio, overheadSeconds: b.overheadSeconds, runtimeSeconds: b.runtimeSeconds, batchSize: within(b.bounds.overhead) }));
  const memoryCap = b.bounds.memory;
  if (memoryCap !== null && b.size > memoryCap && w.itemMemoryBytes !== null && w.taskMemoryBytes !== null) {
    const sharing = batchesPerContainer(s);
    const remedy = options([`use batches of at most ${plural(memoryCap, 'item')}`, ...memoryRemedies(s, b.size, sharing)]);
    out.push(finding('memoryOver', { batchSize: b.size, batches: sharing, bytes: sharing * b.size * w.itemMemoryBytes, limit: w.taskMemoryBytes, remedy }));
  }
  if (w.data === 'inline') {
    for (const [direction, bytes] of [['inputs', b.size * w.itemInputBytes], ['outputs', b.size * w.itemOutputBytes]] as const) {
      if (bytes > l.maxInlineIoBytes) out.push(finding('inlinePayloadOver', { direction, bytes, limit: l.maxInlineIoBytes, batchSize: b.bounds.inline ?? 1 }));
    }
  }
  if (s.pool.mode === 'reusable' && w.pattern === 'task') {
    // Processor sharing needs both numbers; with one of them it is off, and that is said.
    if ((s.pool.replicaCpus === null) !== (s.pool.actionCpu === null)) {
      out.push(finding('cpuSharingOff', s.pool.replicaCpus !== null ? { set: 'replicaCpus', missing: 'actionCpu' } : { set: 'actionCpu', missing: 'replicaCpus' }));
    }
    if (s.pool.concurrency > 1) out.push(finding('concurrencyNeedsAsync', { concurrency: s.pool.concurrency }));
    if (s.pool.maxReplicas === 1 && s.pool.concurrency === 1) out.push(finding('starvationRisk', {}));
  }
  // Worth a warning only when submitting takes a real share (over 10%) of the run.
  const submitSeconds = b.actions / l.enqueueRatePerSecond;
  if (p.estimate.binding === 'enqueueRate' && submitSeconds > 0.1 * p.estimate.makespanSeconds) {
    out.push(finding('enqueueRateDominates', { rate: l.enqueueRatePerSecond, actions: b.actions, seconds: submitSeconds }));
  }
  // Failed actions: an error when at least one is expected, a warning from a 1% chance of one.
  const e = p.estimate;
  const slotActions = e.expectedLostActions > 0 ? Math.ceil(b.actions * (1 - w.cacheHitRatio)) : 0;
  const { failureRate, retries } = s.failures;
  if (e.expectedLostActions >= 1) out.push(finding('actionsLost', { expected: e.expectedLostActions, actions: slotActions, failureRate, retries }));
  else if (e.expectedLostActions > 0) {
    const probability = 1 - e.successProbability ** slotActions;
    if (probability >= 0.01) out.push(finding('actionsAtRisk', { probability, actions: slotActions, failureRate, retries }));
  }
  if (b.sizeFrom === 'scenario' && b.size < b.recommended) out.push(finding('chosenBelowRecommended', { chosen: b.size, recommended: b.recommended }));
  const aligned = b.waves.aligned;
  if (aligned) {
    out.push(finding('waveAligned', { batchSize: aligned.batchSize, waves: aligned.waves, alignedFill: aligned.lastWaveFill, lastWaveFill: b.waves.lastWaveFill, makespanSeconds: aligned.makespanSeconds, usedSeconds: p.estimate.makespanSeconds, used: b.size }));
  }
  if (w.pattern === 'trace') out.push(finding('traceSharesParent', {}));
  return out;
}
