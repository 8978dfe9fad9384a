// simulate on a stream of runs (docs/streams.md): a workflow or a scenario (a one-step workflow)
// with arrivals, R replications of the whole stream in this process, one after another (each
// replication's seeds derive from the base seed and its index alone, so no worker count could
// change the result), progress per replication, then the report.
import { workflowHeaderOf, headerOf } from '../app/header.js';
import { InputError } from '../config/errors.js';
import type { Loaded } from '../config/load.js';
import type { LoadedWorkflow } from '../config/workflow.js';
import type { Finding } from '../core/findings.js';
import { plan } from '../core/plan.js';
import { simulateStream } from '../core/sim/workflow/runEngine.js';
import type { ArrivalsSpec } from '../core/stream/arrivalsSpec.js';
import { meanRatePerSecond } from '../core/stream/arrivals.js';
import { simulateStreamPlan, simulateStreamReplication, streamSetup, type StreamPlan } from '../core/stream/simulateStreamPlan.js';
import type { StepSizing, StreamReplication } from '../core/sim/workflow/runEngine.js';
import type { StreamCheck } from '../core/check/observeStream.js';
import type { Workflow } from '../core/workflow/types.js';
import { planWorkflow, type WorkflowPlan } from '../core/workflow/planWorkflow.js';
import { stepSizing } from '../core/workflow/stepSizing.js';
import { scenarioWorkflow } from '../core/workflow/scenarioWorkflow.js';
import { recommendPool, type PoolRecommendation } from '../core/stream/recommendPool.js';
import type { ReportHeader } from '../report/header.js';
import { streamSimulateReport, type StreamSimulateReport } from '../report/streamSimulateReport.js';
import type { Terminal } from './result.js';
import type { SimulationOptions } from './simulation.js';
import { assertRunSize, commandSizeSettings, SCENARIO_BATCH, STEP_BATCH } from './runSizeCheck.js';
import type { RunSizeSettings } from '../core/workflow/runSize.js';

/** Replications of a whole stream when --runs does not say: each is a long simulation on its own. */
export const DEFAULT_STREAM_REPLICATIONS = 10;

export interface StreamInput {
  workflow: Workflow;
  sizing: (step: string) => StepSizing;
  arrivals: ArrivalsSpec;
  header: ReportHeader;
  findings: Finding[];
  /** How the file sets a step's batch size (N the number), for a stream too large to simulate. */
  batchSetting: RunSizeSettings['batch'];
}

/** `planned`: the workflow's plan when the caller has made it already. */
export function streamOfWorkflow(loaded: LoadedWorkflow, arrivals: ArrivalsSpec, planned: WorkflowPlan = planWorkflow(loaded.workflow)): StreamInput {
  return { workflow: loaded.workflow, sizing: stepSizing(planned), arrivals, header: workflowHeaderOf('simulate', loaded), findings: [...loaded.findings], batchSetting: STEP_BATCH };
}

export function streamOfScenario(loaded: Loaded, arrivals: ArrivalsSpec): StreamInput {
  const planned = plan(loaded.scenario);
  const batch = planned.batch.size;
  return { workflow: scenarioWorkflow(loaded.name, loaded.scenario), sizing: () => ({ batch, sharedSlots: null }), arrivals, header: headerOf('simulate', loaded), findings: [...loaded.findings], batchSetting: SCENARIO_BATCH };
}

/** About a hundred samples over the stream, in whole seconds. */
export function timelineInterval(arrivals: ArrivalsSpec): number {
  const span = arrivals.durationSeconds ?? (arrivals.runs ?? 0) / meanRatePerSecond(arrivals);
  return Math.max(1, Math.round(span / 100));
}

/** R replications of the stream through the shared-queue engine, with a progress bar. */
export function runStream(input: StreamInput, replications: number, seed: number, term: Terminal, label = 'simulating the stream', timelineIntervalSeconds: number | null = null): StreamPlan {
  return simulateStreamPlan({ workflow: input.workflow, sizing: input.sizing, arrivals: input.arrivals, replications, seed, timelineIntervalSeconds }, simulateStream, (done) => term.progress(label, done, replications));
}

export function simulateStreamCommand(input: StreamInput, sim: SimulationOptions, timeline: boolean, term: Terminal): StreamSimulateReport {
  if (sim.auto !== null) throw new InputError([{ source: '--runs', path: '', problem: '--runs auto does not apply to a stream of runs', fix: `give a count of replications of the whole stream, e.g. --runs ${DEFAULT_STREAM_REPLICATIONS}` }]);
  assertRunSize(input.workflow, input.sizing, input.arrivals, sim.runs, commandSizeSettings(input.batchSetting));
  const result = runStream(input, sim.runs, sim.seed, term, 'simulating the stream', timeline ? timelineInterval(input.arrivals) : null);
  return streamSimulateReport(input.header, result, input.arrivals, sim.seed, sim.runs, [...input.findings, ...result.findings]);
}

/** A budget's stream for check: its setup, and replications run on demand so an assertion can stop once its verdict is settled. */
export function streamCheck(input: StreamInput, term: Terminal): StreamCheck {
  const base = { workflow: input.workflow, sizing: input.sizing, arrivals: input.arrivals, replications: 0, seed: 0, timelineIntervalSeconds: null };
  return {
    setup: streamSetup(base),
    warmupSeconds: input.arrivals.warmupSeconds,
    replicate: (seed, from, to, label) => {
      const reps: StreamReplication[] = [];
      for (let r = from; r < to; r++) {
        reps.push(simulateStreamReplication({ ...base, seed }, simulateStream, r));
        term.progress(label, r + 1, to);
      }
      return reps;
    },
  };
}

/** `--p99 2s`: the smallest pool of the most loaded environment, then its cheapest TTL, that keeps p99 under the target. */
export function recommendCommand(input: StreamInput, sim: SimulationOptions, targetSeconds: number, term: Terminal): PoolRecommendation {
  return recommendPool({ workflow: input.workflow, sizing: input.sizing, arrivals: input.arrivals, replications: sim.runs, seed: sim.seed, timelineIntervalSeconds: null }, simulateStream, targetSeconds, (done) => term.progress('searching the pool size and TTL', done, done + 1));
}
