// What `check` hands core/check/checkBudget: the budget file read and parsed, and its
// scenarios loaded, planned and simulated the way plan and simulate do it.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { CheckInputs } from '../core/check/checkBudget.js';
import { scenarioMetric, type SimulatedMetric } from '../core/check/observe.js';
import { workflowMetric } from '../core/check/workflowMetrics.js';
import type { Replication } from '../core/sim/types.js';
import type { RunReplication } from '../core/sim/workflow/composeRun.js';
import { plan } from '../core/plan.js';
import { simulationTooLarge, type SizeSettings } from '../core/sim/simulationSize.js';
import { parseBudget, type ParsedBudget } from '../config/budget.js';
import { parseSource } from '../config/document.js';
import { InputError } from '../config/errors.js';
import { loadScenario, type Loaded } from '../config/load.js';
import { planFromLoaded } from './planContext.js';
import { workflowHeaderOf } from '../app/header.js';
import { loadWorkflowFile, type LoadedWorkflow } from '../config/workflow.js';
import { planWorkflow, type WorkflowPlan } from '../core/workflow/planWorkflow.js';
import { workflowPlanReport } from '../report/workflowPlanReport.js';
import type { Terminal } from './result.js';
import { STDIN_SOURCE, stdinFor } from './stdin.js';
import { replicate } from './simulation.js';
import { workflowReplications } from './workflowSimulate.js';
import { streamCheck, streamOfScenario, streamOfWorkflow, type StreamInput } from './streamSimulate.js';
import { budgetSizeSettings, runSizeProblem, STEP_BATCH } from './runSizeCheck.js';
import { stepSizing } from '../core/workflow/stepSizing.js';
import { closest } from '../config/suggest.js';

/** The budget file, or standard input for `-` (its scenario paths are then relative to the working directory). */
export async function readBudgetFile(path: string, term: Terminal): Promise<ParsedBudget> {
  const piped = await stdinFor(path, term);
  if (piped !== undefined) return parseBudget(parseSource(STDIN_SOURCE, piped));
  const cwd = term.cwd;
  let text: string;
  try {
    text = readFileSync(resolve(cwd, path), 'utf8');
  } catch {
    throw new InputError([{ source: path, path: '', problem: 'budget file not found', fix: 'check the path; see examples/budget.yaml' }]);
  }
  return parseBudget(parseSource(path, text));
}

/** How a budget sets the batch size and the runs of a scenario, for a simulation too large to run. */
const sizeSettings = (scenario: string): SizeSettings => ({ batch: (n) => `workload.batchSize: ${n} in scenario ${scenario}`, runs: (n) => `simulate: { runs: ${n} }` });

/** A budget's scenario: a scenario file, or a workflow file with its closed-form plan. */
type Target = { workflow: null; loaded: Loaded } | { workflow: LoadedWorkflow; plan: WorkflowPlan; loaded: null };

/** One replication of a budget's scenario, tagged with its kind: of a single fan-out, or of a whole workflow run. */
type Rep = { kind: 'fanout'; rep: Replication } | { kind: 'run'; rep: RunReplication };

/** The replications of one scenario are all of one kind (its target's), so a metric never meets the other kind. */
const otherKind = (kind: Rep['kind']): never => {
  throw new Error(`internal: a metric of the other kind read off a ${kind === 'run' ? 'workflow run' : 'fan-out'} replication`);
};
const ofRuns = (m: SimulatedMetric<RunReplication>): SimulatedMetric<Rep> => ({ statistic: m.statistic, pick: (r) => (r.kind === 'run' ? m.pick(r.rep) : otherKind(r.kind)) });
const ofFanouts = (m: SimulatedMetric<Replication>): SimulatedMetric<Rep> => ({ statistic: m.statistic, pick: (r) => (r.kind === 'fanout' ? m.pick(r.rep) : otherKind(r.kind)) });

/** A step metric (steps.<name>.*) of a step the workflow does not have, with did-you-mean. */
function missingStep(w: LoadedWorkflow, scenario: string, metric: string): { problem: string; fix: string } | null {
  const step = /^steps\.([^.]+)\./.exec(metric)?.[1];
  const names = w.workflow.steps.map((s) => s.name);
  if (step === undefined || names.includes(step)) return null;
  const near = closest(step, names);
  return { problem: `workflow ${scenario} has no step "${step}"`, fix: `${near !== undefined ? `did you mean "${near}"? ` : ''}its steps are ${names.join(', ')}` };
}

/** The stream of a budget's scenario (its `arrivals:`), or null; made once per target (its size check and its check both ask). */
const streams = new WeakMap<Target, StreamInput | null>();
function streamInput(t: Target): StreamInput | null {
  let input = streams.get(t);
  if (input === undefined) {
    input = t.loaded !== null ? (t.loaded.arrivals === null ? null : streamOfScenario(t.loaded, t.loaded.arrivals)) : t.workflow.arrivals === null ? null : streamOfWorkflow(t.workflow, t.workflow.arrivals, t.plan);
    streams.set(t, input);
  }
  return input;
}

/** Scenario paths are relative to the budget file; an inline scenario is read from the budget file itself, so its problems name the budget's lines. */
export function budgetInputs(budget: ParsedBudget, term: Terminal): CheckInputs<Target, Rep> {
  const cwd = budget.file === STDIN_SOURCE ? term.cwd : dirname(resolve(term.cwd, budget.file));
  const placeOf = (name: string) => budget.scenarios.find((x) => x.name === name)?.at;
  const poolSlots = (l: Loaded): number => (l.scenario.pool.mode === 'reusable' ? l.scenario.pool.maxReplicas * l.scenario.pool.concurrency : 0);
  return {
    load: (s) => {
      const at = placeOf(s.name);
      // A missing file is left to loadScenario, which names the budget's line.
      const workflow = s.path !== null && existsSync(resolve(cwd, s.path)) ? loadWorkflowFile(s.path, undefined, {}, cwd) : null;
      if (workflow !== null) return { workflow, plan: planWorkflow(workflow.workflow), loaded: null };
      return { workflow: null, loaded: s.path !== null ? loadScenario({ scenarioPath: s.path, ...(at ? { scenarioRef: at } : {}), cwd }) : loadScenario({ scenarioIn: { doc: budget.doc, prefix: ['scenarios', s.name] }, cwd }) };
    },
    // A workflow's cost is summed over its priced environments, as simulate reports it.
    priced: (t) => (t.loaded !== null ? t.loaded.scenario.pricing.perReplicaHour !== null : t.workflow.workflow.environments.some((e) => e.pricing.perReplicaHour !== null)),
    plan: (t) => {
      if (t.loaded === null) {
        const w = t.workflow.workflow;
        const result = t.plan;
        const after = Object.fromEntries(w.steps.map((x) => [x.name, x.after]));
        return { report: workflowPlanReport(workflowHeaderOf('check', t.workflow), result, after, w.limits, t.workflow.findings), batchSize: 1 };
      }
      const p = plan(t.loaded.scenario);
      return { report: planFromLoaded('check', t.loaded, p), batchSize: p.batch.size };
    },
    // A workflow run and a stream have the limits simulate sets them (docs/simulator.md).
    tooLarge: (t, name, batchSize, runs, stream) => {
      // latency.* of a file without arrivals is its one run's, simulated as a workflow run.
      const input = stream ? streamInput(t) : null;
      if (input !== null) return runSizeProblem(input.workflow, input.sizing, input.arrivals, runs, budgetSizeSettings(name, input.batchSetting));
      if (t.loaded === null) return runSizeProblem(t.workflow.workflow, stepSizing(t.plan), null, runs, budgetSizeSettings(name, STEP_BATCH));
      return simulationTooLarge(t.loaded.scenario.workload.items, batchSize, runs, sizeSettings(name), poolSlots(t.loaded));
    },
    missingPart: (t, name, metric) => (t.loaded === null ? missingStep(t.workflow, name, metric) : null),
    stream: (t) => {
      const input = streamInput(t);
      return input === null ? null : streamCheck(input, term);
    },
    simulate: async (t, batchSize, run, label) => {
      if (t.loaded === null) return workflowReplications(t.workflow.workflow, t.plan, run.seed, { ...run, of: run.to }, term.progress, label).map((rep): Rep => ({ kind: 'run', rep }));
      return (await replicate(t.loaded.scenario, batchSize, { runs: run.to, seed: run.seed, workers: null, auto: null }, term, label, run.from)).map((rep): Rep => ({ kind: 'fanout', rep }));
    },
    simulated: (t, metric) => {
      const m = t.loaded === null ? workflowMetric(metric) : undefined;
      if (m !== undefined) return ofRuns(m);
      const f = t.loaded !== null ? scenarioMetric(metric) : undefined;
      return f === undefined ? undefined : ofFanouts(f);
    },
  };
}
