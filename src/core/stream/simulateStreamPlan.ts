// simulate on a stream of runs (docs/streams.md): the offered load first (an unstable stream
// is not simulated: its queue grows without bound), then R independent replications of the
// whole stream, each with its own arrival times, summarised with 95% CIs over replications,
// and the analytic wait beside the simulated one when a queueing formula applies. Pure: the
// engine comes in as a function; replication r uses seed deriveSeed(seed, r), its arrivals
// deriveSeed(that, 0) and the engine deriveSeed(that, 1), so the result never depends on the
// order or the process the replications ran in.
import type { Finding } from '../findings.js';
import { createRng, deriveSeed } from '../random.js';
import type { RunStream, StepSizing, StreamReplication } from '../sim/workflow/runEngine.js';
import type { Workflow } from '../workflow/types.js';
import { arrivalTimes, meanRatePerSecond } from './arrivals.js';
import type { ArrivalsSpec } from './arrivalsSpec.js';
import { rateShape } from './rateShape.js';
import { streamAnalytic, type StreamAnalytic } from './streamAnalytic.js';
import { environmentDemand } from './streamDemand.js';
import { isStable, stabilityFindings, streamLoad, type StreamLoad } from './streamStability.js';
import { summarizeStream, type StreamStatistics } from './summarizeStream.js';
import { formatRate } from './formatRate.js';

export type StreamSimulator = (w: Workflow, sizing: (step: string) => StepSizing, stream: RunStream, seed: number) => StreamReplication;

export interface StreamPlanInput {
  workflow: Workflow;
  sizing: (step: string) => StepSizing;
  arrivals: ArrivalsSpec;
  replications: number;
  seed: number;
  /** Sample the environments every this many seconds in replication 1; null: no timeline. */
  timelineIntervalSeconds: number | null;
}

export interface StreamPlan {
  ratePerSecond: number;
  /** The shape's peak rate; equal to ratePerSecond without a shape. */
  peakRatePerSecond: number;
  load: StreamLoad;
  analytic: StreamAnalytic;
  /** null when the stream is unstable and was not simulated. */
  statistics: StreamStatistics | null;
  /** Replication 1's environments over time, with an interval. */
  timeline: StreamReplication['timeline'];
  findings: Finding[];
}

/** The seed of replication r's arrivals and of its engine. */
export const replicationSeeds = (seed: number, r: number): { arrivals: number; engine: number } => {
  const base = deriveSeed(seed, r);
  return { arrivals: deriveSeed(base, 0), engine: deriveSeed(base, 1) };
};

/** One replication of the whole stream. */
export function simulateStreamReplication(input: StreamPlanInput, simulate: StreamSimulator, r: number): StreamReplication {
  const seeds = replicationSeeds(input.seed, r);
  const arrivalSeconds = arrivalTimes(input.arrivals, createRng(seeds.arrivals));
  const stream: RunStream = { arrivalSeconds, statsFromSeconds: input.arrivals.warmupSeconds, timelineIntervalSeconds: r === 0 ? input.timelineIntervalSeconds : null };
  return simulate(input.workflow, input.sizing, stream, seeds.engine);
}

/** A stream before any replication: its rates, offered load and analytic forms, and whether it is stable enough to simulate. */
export interface StreamSetup {
  ratePerSecond: number;
  peakRatePerSecond: number;
  load: StreamLoad;
  analytic: StreamAnalytic;
  stable: boolean;
  /** The stability findings, given the runs measured (0 before any replication). */
  findings: (measuredRuns: number) => Finding[];
}

export function streamSetup(input: StreamPlanInput): StreamSetup {
  const { workflow, arrivals } = input;
  const ratePerSecond = meanRatePerSecond(arrivals);
  const peakRatePerSecond = arrivals.shape === null ? ratePerSecond : rateShape(arrivals.shape, arrivals.periodSeconds).maxRatePerSecond;
  const batchOf = (step: string): number => input.sizing(step).batch;
  const demand = environmentDemand(workflow, batchOf);
  const load = streamLoad(demand, ratePerSecond, peakRatePerSecond);
  const analytic = streamAnalytic(workflow, batchOf, demand, arrivals, ratePerSecond);
  const peak = arrivals.shape === null ? null : formatRate(peakRatePerSecond);
  return { ratePerSecond, peakRatePerSecond, load, analytic, stable: isStable(load), findings: (measured) => stabilityFindings(load, demand, formatRate(ratePerSecond), peak, measured) };
}

/** The stream's plan from its replications [0, n); none for an unstable stream. */
export function streamPlanOf(setup: StreamSetup, reps: readonly StreamReplication[], warmupSeconds: number): StreamPlan {
  const { ratePerSecond, peakRatePerSecond, load, analytic } = setup;
  if (!setup.stable || reps.length === 0) return { ratePerSecond, peakRatePerSecond, load, analytic, statistics: null, timeline: null, findings: setup.findings(0) };
  const statistics = summarizeStream(reps, warmupSeconds);
  const measured = Math.round(statistics.measuredRuns.mean * statistics.replications);
  return { ratePerSecond, peakRatePerSecond, load, analytic, statistics, timeline: reps[0]?.timeline ?? null, findings: setup.findings(measured) };
}

export function simulateStreamPlan(input: StreamPlanInput, simulate: StreamSimulator, onReplication: (done: number) => void = () => {}): StreamPlan {
  const setup = streamSetup(input);
  const reps: StreamReplication[] = [];
  for (let r = 0; setup.stable && r < input.replications; r++) {
    reps.push(simulateStreamReplication(input, simulate, r));
    onReplication(r + 1);
  }
  return streamPlanOf(setup, reps, input.arrivals.warmupSeconds);
}
