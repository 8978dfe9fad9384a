// flyscale check as a pure planner: the scenarios, plans and simulations come in as
// functions (the CLI loads files and runs workers), each is asked for once, and out come
// the verdicts with their messages, or the problems that stop the check before it runs.
import { unitOf } from './assertion.js';
import type { Budget, BudgetAssertion, BudgetScenario } from './budget.js';
import { compareBaseline, evaluate, type BaselineEntry, type Observation } from './evaluate.js';
import { isStreamMetric, readPath } from './metrics.js';
import { outcomeOf, summarizeResults, type AssertionResult, type CheckSummary, type InconclusivePolicy } from './outcome.js';
import { say } from './sentences.js';
import type { SimulatedMetric } from './observe.js';
import { observerOf, observeUntilSettled } from './settle.js';
import type { StreamReplication } from '../sim/workflow/runEngine.js';
import { streamObserver, type StreamCheck } from './observeStream.js';
import { isWorkflowSimulateMetric } from './workflowMetrics.js';

/** S: a loaded scenario (or workflow); R: one replication of its simulation. */
export interface CheckInputs<S, R> {
  /** Load and validate a budget's scenario; asked once per name. May throw on bad input. */
  load: (scenario: BudgetScenario) => S;
  /** Whether the scenario has a price, so cost metrics have a value. */
  priced: (scenario: S) => boolean;
  /** The closed-form plan: its report (read by metric path) and the batch size it uses. */
  plan: (scenario: S) => { report: unknown; batchSize: number };
  /** Why simulating the scenario this way (`runs` replications of its whole stream when `stream`) is more than flyscale runs, or null; asked before any simulation starts. */
  tooLarge: (scenario: S, name: string, batchSize: number, runs: number, stream: boolean) => { problem: string; fix: string } | null;
  /** Replications [from, to) with the given base seed. */
  simulate: (scenario: S, batchSize: number, run: { seed: number; from: number; to: number }, label: string) => Promise<readonly R[]>;
  /** How a simulated metric reads off the scenario's replications; undefined when it has no such metric. */
  simulated: (scenario: S, metric: string) => SimulatedMetric<R> | undefined;
  /** Why the metric names a part the scenario lacks (a workflow's step), or null; asked before any simulation starts. */
  missingPart?: (scenario: S, name: string, metric: string) => { problem: string; fix: string } | null;
  /** The scenario's stream of runs (its `arrivals:`), replicated on demand; null when the scenario has none. */
  stream?: (scenario: S) => StreamCheck | null;
}

/** The regression allowed against a baseline when neither the assertion nor --max-regression says (10%). */
export const DEFAULT_MAX_REGRESSION = 0.1;

export interface CheckOptions {
  policy: InconclusivePolicy;
  /** Relative regression allowed against the baseline where an assertion does not say (0.1 = 10%). */
  maxRegression: number;
  baseline: ReadonlyMap<string, BaselineEntry> | null;
}

/** A problem in the budget file, at an assertion's line and key path. */
export interface CheckProblem {
  line: number;
  column?: number;
  path: string;
  problem: string;
  fix: string;
}

export type CheckResult = { ok: true; assertions: AssertionResult[]; summary: CheckSummary; passed: boolean } | { ok: false; problems: CheckProblem[] };

export async function checkBudget<S, R>(budget: Budget, options: CheckOptions, inputs: CheckInputs<S, R>): Promise<CheckResult> {
  const loaded = new Map<string, S>();
  const plans = new Map<string, { report: unknown; batchSize: number }>();
  const simulations = new Map<string, R[]>();
  const streams = new Map<string, StreamCheck | null>();
  const streamReps = new Map<string, StreamReplication[]>();
  const streamOf = (name: string, s: S): StreamCheck | null => {
    const hit = streams.has(name) ? (streams.get(name) ?? null) : (inputs.stream?.(s) ?? null);
    streams.set(name, hit);
    return hit;
  };
  const scenarioOf = (name: string): S | undefined => {
    const s = budget.scenarios.find((x) => x.name === name);
    if (s === undefined) return undefined;
    const hit = loaded.get(name) ?? inputs.load(s);
    loaded.set(name, hit);
    return hit;
  };
  const planOf = (name: string, s: S): { report: unknown; batchSize: number } => {
    const hit = plans.get(name) ?? inputs.plan(s);
    plans.set(name, hit);
    return hit;
  };
  // Every scenario is loaded, and every cost assertion checked for a price, before anything
  // runs, so bad input fails fast.
  for (const a of budget.assertions) scenarioOf(a.scenario);
  const unpriced = budget.assertions.flatMap((a, i): CheckProblem[] => {
    const s = scenarioOf(a.scenario);
    if (s === undefined || !a.assertion.metric.startsWith('cost.') || inputs.priced(s)) return [];
    return [{ line: a.line, path: `assertions.${i}.assert`, problem: `${a.assertion.metric} needs a price, and scenario ${a.scenario} has none`, fix: 'set pricing.perReplicaHour in the scenario (in a workflow file, there or perReplicaHour on an environment), or assert on replicaSeconds.billed.mean' }];
  });
  if (unpriced.length > 0) return { ok: false, problems: unpriced };
  // A step the workflow does not have, at the assert: line, before anything runs.
  const missing = budget.assertions.flatMap((a, i): CheckProblem[] => {
    const s = scenarioOf(a.scenario);
    const found = s === undefined ? null : (inputs.missingPart?.(s, a.scenario, a.assertion.metric) ?? null);
    return found ? [{ ...assertPlace(a), path: `assertions.${i}.assert`, ...found }] : [];
  });
  if (missing.length > 0) return { ok: false, problems: missing };
  // A simulation too large to run is bad input too, found before any other one runs.
  const tooLarge = budget.assertions.flatMap((a, i): CheckProblem[] => {
    const s = scenarioOf(a.scenario);
    if (s === undefined || a.simulate === null) return [];
    const found = inputs.tooLarge(s, a.scenario, planOf(a.scenario, s).batchSize, a.simulate.runs, isStreamMetric(a.assertion.metric));
    return found ? [{ line: a.line, path: `assertions.${i}.simulate`, ...found }] : [];
  });
  if (tooLarge.length > 0) return { ok: false, problems: tooLarge };

  const assertions: AssertionResult[] = [];
  for (const [i, a] of budget.assertions.entries()) {
    const s = scenarioOf(a.scenario);
    if (s === undefined) continue;
    const planned = planOf(a.scenario, s);
    const closed = readPath(planned.report, a.assertion.metric);
    let obs: Observation | undefined = closed !== undefined ? { value: closed } : undefined;
    // A stream's metric on a scenario with arrivals: replications of the whole stream until the
    // verdict is settled or simulate.runs (latency.* of a workflow without arrivals is its one run's).
    if (a.simulate && obs === undefined && isStreamMetric(a.assertion.metric)) {
      const stream = streamOf(a.scenario, s);
      // latency.* of a file without arrivals is left to the run's own metrics (and their message).
      const problem = stream !== null || !isWorkflowSimulateMetric(a.assertion.metric) ? streamProblem(a.assertion.metric, a.scenario, stream) : null;
      if (problem !== null) return { ok: false, problems: [{ ...assertPlace(a), path: `assertions.${i}.assert`, ...problem }] };
      const seed = a.simulate.seed;
      const key = `${a.scenario}/${seed}`;
      const shared = streamReps.get(key) ?? [];
      streamReps.set(key, shared);
      // The offered load is computed, not simulated: it has a value even for an unstable stream.
      if (stream !== null) obs = a.assertion.metric === 'load.offered' ? { value: stream.setup.load.offered } : await observeUntilSettled(a.assertion, streamObserver(a.assertion.metric, stream), a.simulate.runs, shared, async (from, to) => stream.replicate(seed, from, to, `simulating ${a.scenario}`));
    }
    const simulated = a.simulate && obs === undefined ? inputs.simulated(s, a.assertion.metric) : undefined;
    if (a.simulate && simulated) {
      // Until the verdict is settled, or simulate.runs replications (docs/check.md).
      const key = `${a.scenario}/${a.simulate.seed}`;
      const shared = simulations.get(key) ?? [];
      simulations.set(key, shared);
      const seed = a.simulate.seed;
      obs = await observeUntilSettled(a.assertion, observerOf(simulated), a.simulate.runs, shared, (from, to) => inputs.simulate(s, planned.batchSize, { seed, from, to }, `simulating ${a.scenario}`));
    }
    if (obs === undefined) {
      const m = a.assertion.metric;
      const workflowOnly = m.startsWith('latency.') || m.startsWith('steps.') || m === 'makespan.p99Seconds';
      const fix = m.startsWith('cost') ? 'set pricing.perReplicaHour in the scenario' : workflowOnly ? `${m} is a metric of a workflow file (one with steps:) or of a stream of runs (arrivals:); a scenario's simulated latency is makespan.meanSeconds, p5, p50 or p95Seconds` : 'assert on another metric';
      return { ok: false, problems: [{ ...assertPlace(a), path: `assertions.${i}.assert`, problem: `${a.assertion.metric} has no value for scenario ${a.scenario}`, fix }] };
    }
    assertions.push(judge(a, obs, options.baseline?.get(a.name), options));
  }
  const summary = summarizeResults(assertions);
  return { ok: true, assertions, summary, passed: summary.failed === 0 };
}

/** Where a problem with an assertion's metric is: its assert: value, else the assertion. */
const assertPlace = (a: BudgetAssertion): { line: number; column?: number } => a.assertAt ?? { line: a.line };

/** Why a stream metric has no value: no arrivals, or a stream whose queue grows without bound. */
function streamProblem(metric: string, scenario: string, stream: StreamCheck | null): { problem: string; fix: string } | null {
  if (stream === null) return { problem: `${metric} is a metric of a stream of runs, and scenario ${scenario} has no arrivals`, fix: 'add arrivals: { rate: 3/s, duration: 1h } to the scenario (docs/streams.md)' };
  if (!stream.setup.stable && metric !== 'load.offered') {
    const unstable = stream.setup.findings(0).find((f) => f.code === 'streamUnstable');
    return { problem: `scenario ${scenario} is offered more than it can serve (ρ = ${stream.setup.load.offered.toFixed(2)}), so ${metric} grows without bound`, fix: unstable ? unstable.message.slice(unstable.message.indexOf('it needs at least')) : 'give the pool more replicas' };
  }
  return null;
}

function judge(a: BudgetAssertion, obs: Observation, baseEntry: BaselineEntry | undefined, options: CheckOptions): AssertionResult {
  const metric = a.assertion.metric;
  const e = evaluate(a.assertion, obs);
  const threshold = a.maxRegression ?? options.maxRegression;
  // A baseline entry of the same name that measured another metric is not comparable.
  const otherMetric = baseEntry !== undefined && baseEntry.metric !== null && baseEntry.metric !== metric ? baseEntry.metric : null;
  const base = otherMetric === null ? baseEntry : undefined;
  const reg = base ? compareBaseline(a.assertion, obs, base, threshold) : null;
  const parts = [
    e.verdict === 'inconclusive' ? say('inconclusive', { metric, budget: a.assertion.value, runsToSettle: e.runsToSettle }) : e.verdict === 'pass' ? say('withinBudget', {}) : say('overBudget', { metric, by: Math.abs(obs.value - a.assertion.value) }),
  ];
  if (otherMetric !== null) parts.push(say('otherBaselineMetric', { baselineMetric: otherMetric }));
  if (reg) parts.push(reg.regressed ? say('regressed', { metric, change: reg.change, baseline: reg.baseline, threshold }) : reg.withinNoise ? say('changedWithinNoise', { change: reg.change }) : say('changed', { change: reg.change }));
  return {
    name: a.name,
    scenario: a.scenario,
    metric,
    op: a.assertion.op,
    unit: unitOf(metric),
    budget: a.assertion.value,
    budgetText: a.assertion.written,
    value: obs.value,
    ci95: obs.ci95 ? [obs.ci95[0], obs.ci95[1]] : null,
    runs: obs.runs ?? null,
    seed: obs.runs !== undefined ? (a.simulate?.seed ?? null) : null,
    verdict: e.verdict,
    level: a.level,
    outcome: outcomeOf(e.verdict, a.level, options.policy, reg?.regressed === true),
    runsToSettle: e.runsToSettle,
    baseline: reg ? { value: reg.baseline, change: reg.change, threshold, regressed: reg.regressed, withinNoise: reg.withinNoise } : null,
    message: parts.join('; '),
    line: a.line,
  };
}
