// Findings are data: a code, a severity and the numbers behind it. The sentence for each
// code lives here, once, so the JSON and the tables say the same thing.
import { decimal, formatBytes, formatSeconds, plural as count, thousands as n } from './units.js';

export const SEVERITIES = ['error', 'warn', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface FindingFacts {
  fanoutOverLimit: { actions: number; limit: number; batchSize: number };
  fanoutAboveRecommended: { actions: number; recommended: number };
  fanoutAboveTarget: { actions: number; targetMin: number; targetMax: number };
  batchInfeasible: { limit: number; minimum: number; upper: string; cap: number; resolution: string };
  batchCapped: { cap: number; by: string; wanted: number; bounds: string; remedy: string };
  overheadUnreachable: { perItemTransferSeconds: number; itemRuntimeSeconds: number; ratio: number; inputBytes: number; outputBytes: number };
  runtimeUnderFloor: { runtimeSeconds: number; floorSeconds: number; batchSize: number | null };
  overheadRatioLow: { ratio: number; k: number; overheadSeconds: number; runtimeSeconds: number; batchSize: number | null };
  inlinePayloadOver: { direction: string; bytes: number; limit: number; batchSize: number };
  memoryOver: { batchSize: number; batches: number; bytes: number; limit: number; remedy: string };
  concurrencyNeedsAsync: { concurrency: number };
  starvationRisk: Record<string, never>;
  enqueueRateDominates: { rate: number; actions: number; seconds: number };
  chosenBelowRecommended: { chosen: number; recommended: number };
  waveAligned: { batchSize: number; waves: number; alignedFill: number; lastWaveFill: number; makespanSeconds: number; usedSeconds: number; used: number };
  traceSharesParent: Record<string, never>;
  actionsLost: { expected: number; actions: number; failureRate: number; retries: number };
  actionsAtRisk: { probability: number; actions: number; failureRate: number; retries: number };
  simulationDiffers: { estimateSeconds: number; simulatedSeconds: number; difference: number };
  settingsIgnored: { mode: string; keys: string };
  defaultAssumed: { settings: string; count: number; profile: string };
  cpuSharingOff: { set: string; missing: string };
  subParentsAdvised: { limit: 'enqueueRate' | 'childrenInFlight'; perParent: number; parents: number; submitFromSeconds: number; submitToSeconds: number; stepFromSeconds: number; stepToSeconds: number; extraActions: number };
  environmentShared: { environment: string; steps: string; slots: number; capacity: number };
  runActionsOverLimit: { actions: number; limit: number; step: string; stepActions: number };
  streamUnstable: { environment: string; offered: number; rate: string; slotSecondsPerRun: number; slots: number; needed: string };
  streamNearCapacity: { environment: string; offered: number; runsToSettle: number; measuredRuns: number };
  streamPeakOverCapacity: { environment: string; offered: number; peakOffered: number; peakRate: string };
  streamPlanned: { rate: string; offered: number; binding: string };
}
export type FindingCode = keyof FindingFacts;

const CAP_NAME: Readonly<Record<string, string>> = { memory: 'memory', inline: 'the inline payload limit' };

const TABLE: { [C in FindingCode]: { severity: Severity; say: (f: FindingFacts[C]) => string } } = {
  fanoutOverLimit: { severity: 'error', say: (f) => `${n(f.actions)} actions exceed the hard limit of ${n(f.limit)} per run; batch at least ${count(f.batchSize, 'item')} per action` },
  fanoutAboveRecommended: { severity: 'warn', say: (f) => `${n(f.actions)} actions are above the recommended ceiling of ${n(f.recommended)}` },
  fanoutAboveTarget: { severity: 'info', say: (f) => `${n(f.actions)} actions are above the target range of ${n(f.targetMin)}–${n(f.targetMax)}` },
  batchInfeasible: {
    severity: 'error',
    say: (f) => `no batch size meets every hard limit: ${n(f.limit)} actions per run need at least ${count(f.minimum, 'item')} per action, but ${CAP_NAME[f.upper] ?? f.upper} allows at most ${n(f.cap)}; ${f.resolution}`,
  },
  batchCapped: {
    severity: 'info',
    say: (f) => `batch size ${n(f.cap)} is capped by ${CAP_NAME[f.by] ?? f.by}, below the ${n(f.wanted)} the ${f.bounds} ${f.bounds.includes(' and ') ? 'bounds ask' : 'bound asks'} for; to batch ${n(f.wanted)}, ${f.remedy}`,
  },
  overheadUnreachable: { severity: 'warn', say: (f) => `each item adds ${formatSeconds(f.perItemTransferSeconds)} of transfer, so no batch runs ${f.ratio}× its overhead (item runtime ${formatSeconds(f.itemRuntimeSeconds)}); pass data by reference, or move less than ${[f.inputBytes > 0 ? `${formatBytes(f.inputBytes)} in` : '', f.outputBytes > 0 ? `${formatBytes(f.outputBytes)} out` : ''].filter(Boolean).join(' and ')} per item` },
  runtimeUnderFloor: { severity: 'warn', say: (f) => `a batch runs ${formatSeconds(f.runtimeSeconds)}, under the ${formatSeconds(f.floorSeconds)} floor that amortises object-store latency${f.batchSize !== null ? `; batch at least ${count(f.batchSize, 'item')}` : ''}` },
  overheadRatioLow: { severity: 'warn', say: (f) => `a batch runs ${formatSeconds(f.runtimeSeconds)} against ${formatSeconds(f.overheadSeconds)} of overhead (${decimal(f.ratio, 1)}×, want ≥ ${f.k}×)${f.batchSize !== null ? `; batch at least ${count(f.batchSize, 'item')}` : ''}` },
  inlinePayloadOver: { severity: 'error', say: (f) => `${f.direction} of one action are ${formatBytes(f.bytes)} inline, over the ${formatBytes(f.limit)} limit; pass them by reference (File, Dir, DataFrame) or use batches of at most ${count(f.batchSize, 'item')}` },
  memoryOver: {
    severity: 'error',
    say: (f) => `${f.batches > 1 ? `${f.batches} concurrent batches` : 'a batch'} of ${count(f.batchSize, 'item')} need${f.batches > 1 ? '' : 's'} ${formatBytes(f.bytes)}, over the ${formatBytes(f.limit)} a task container has; ${f.remedy}`,
  },
  concurrencyNeedsAsync: { severity: 'info', say: (f) => `concurrency ${f.concurrency} runs several actions in one replica: the task must be async (async def)` },
  starvationRisk: { severity: 'warn', say: () => 'one replica with concurrency 1: if the parent runs in the same pool it holds the only slot and the children starve' },
  enqueueRateDominates: { severity: 'warn', say: (f) => `the enqueue rate (${n(f.rate)}/s) binds: ${n(f.actions)} actions take ${formatSeconds(f.seconds)} to submit; use larger batches or several parents` },
  chosenBelowRecommended: { severity: 'info', say: (f) => `batch size ${n(f.chosen)} is below the recommended ${n(f.recommended)}` },
  waveAligned: {
    severity: 'info',
    say: (f) =>
      `batch size ${n(f.batchSize)} finishes in about ${formatSeconds(f.makespanSeconds)} against ${formatSeconds(f.usedSeconds)} at ${n(f.used)}, whose last wave is ${Math.round(f.lastWaveFill * 100)}% full (${count(f.waves, 'wave')} at ${n(f.batchSize)}, the last ${Math.round(f.alignedFill * 100)}% full)`,
  },
  traceSharesParent: { severity: 'info', say: () => "traces run in the parent's process and share its CPU and memory" },
  actionsLost: {
    severity: 'error',
    say: (f) => `${f.expected >= 10 ? n(Math.round(f.expected)) : f.expected.toFixed(1)} of ${n(f.actions)} actions are expected to fail every attempt (failure rate ${f.failureRate}, ${f.retries} ${f.retries === 1 ? 'retry' : 'retries'}): the run will most likely end with failed actions; ${f.failureRate >= 1 ? 'every attempt fails, so retries cannot help: fix the failures' : 'add retries or fix the failures'}`,
  },
  actionsAtRisk: {
    severity: 'warn',
    say: (f) => `a ${Math.round(f.probability * 100)}% chance that one of ${n(f.actions)} actions fails every attempt (failure rate ${f.failureRate}, ${f.retries} ${f.retries === 1 ? 'retry' : 'retries'})`,
  },
  defaultAssumed: {
    severity: 'info',
    say: (f) =>
      `profile ${f.profile} does not set ${f.settings}: flyscale assumes ${f.count === 1 ? 'this built-in default' : 'these built-in defaults'}; set ${f.count === 1 ? 'it' : 'them'} in the profile, or fit the profile from measurements that have these phases`,
  },
  cpuSharingOff: {
    severity: 'info',
    say: (f) => `${f.set} is set without ${f.missing}: flyscale assumes the actions of a replica do not compete for its CPUs (no slowdown); set ${f.missing} to model CPU sharing`,
  },
  settingsIgnored: { severity: 'warn', say: (f) => `${f.keys} ${f.keys.includes(',') ? 'do' : 'does'} not apply to ${f.mode} and ${f.keys.includes(',') ? 'are' : 'is'} ignored` },
  subParentsAdvised: {
    severity: 'warn',
    say: (f) =>
      `${f.limit === 'enqueueRate' ? `the enqueue rate (${n(f.perParent)}/s per parent) binds` : `the in-flight limit (${n(f.perParent)} children per parent) binds`}; ${count(f.parents, 'sub-parent')} would cut ${f.limit === 'enqueueRate' ? `submission from ${formatSeconds(f.submitFromSeconds)} to ${formatSeconds(f.submitToSeconds)} and ` : ''}the step from ${formatSeconds(f.stepFromSeconds)} to ${formatSeconds(f.stepToSeconds)}, for ${count(f.extraActions, 'more action')} (set parents: ${f.parents})`,
  },
  environmentShared: {
    severity: 'info',
    say: (f) => `${f.steps} run at the same time on environment ${f.environment} and share its ${n(f.capacity)} slots: the estimate gives each its share by slot work (here ${n(f.slots)}); the simulation queues them together`,
  },
  runActionsOverLimit: {
    severity: 'error',
    say: (f) => `the run has ${n(f.actions)} actions, over the hard limit of ${n(f.limit)} per run; ${f.step} alone has ${n(f.stepActions)}: batch more items per action there, or split the run`,
  },
  streamUnstable: {
    severity: 'error',
    say: (f) => `environment ${f.environment} is offered more than it can serve: ρ = ${decimal(f.offered, 2)} at ${f.rate} (each run holds ${formatSeconds(f.slotSecondsPerRun)} of slot time there, against ${n(f.slots)} ${f.slots === 1 ? 'slot' : 'slots'}); the queue grows without bound, so flyscale did not simulate it and reports no percentile (they would only measure how long the stream was); it needs at least ${f.needed}`,
  },
  streamNearCapacity: {
    severity: 'warn',
    say: (f) => `environment ${f.environment} runs close to capacity (ρ = ${decimal(f.offered, 2)}): waits and latency percentiles converge slowly there; about ${n(f.runsToSettle)} measured runs would settle the mean wait within 5% (this simulation measured ${n(f.measuredRuns)}); add --stream-runs or --runs, or a replica`,
  },
  streamPeakOverCapacity: {
    severity: 'warn',
    say: (f) => `at the shape's peak of ${f.peakRate}, environment ${f.environment} is offered ρ = ${decimal(f.peakOffered, 2)} (${decimal(f.offered, 2)} over the day): the queue grows through the peak and drains after it, so the percentiles depend on the day's shape and on the stream's length`,
  },
  streamPlanned: {
    severity: 'info',
    say: (f) => `the file describes a stream of runs at ${f.rate}: plan shows one run; the stream offers ${f.binding === 'none' ? 'no environment a bounded load' : `environment ${f.binding} ρ = ${decimal(f.offered, 2)}`}, and \`flyscale simulate\` reports its latency percentiles, queue wait and cost`,
  },
  simulationDiffers: {
    severity: 'warn',
    say: (f) => `the simulated makespan (${formatSeconds(f.simulatedSeconds)}) differs from the closed-form estimate (${formatSeconds(f.estimateSeconds)}) by ${Math.round(f.difference * 100)}%: variability, cold starts or queueing matter here; trust the simulation`,
  },
};

export interface Finding {
  code: FindingCode;
  severity: Severity;
  message: string;
}

/** A finding with its table severity, or a milder one where the context makes it so. */
export function finding<C extends FindingCode>(code: C, facts: FindingFacts[C], severity?: Severity): Finding {
  const entry: { severity: Severity; say: (f: FindingFacts[C]) => string } = TABLE[code];
  return { code, severity: severity ?? entry.severity, message: entry.say(facts) };
}

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warn: 1, info: 2 };
