// From merged settings to the core Scenario: typed reads of each field, derived defaults
// (u_in falls back to upload, ...) and the semantic rules that span several fields.
import { mean, type Dist } from '../core/distribution.js';
import { finding, type Finding } from '../core/findings.js';
import type { Phase, Scenario } from '../core/model.js';
import type { InputProblem } from './errors.js';
import { FIELD_BY_PATH, SINGLE_DURATIONS, type ValueKind } from './fields.js';
import type { Layer } from './layer.js';
import type { KindValue } from './values.js';

export function reader(settings: Layer) {
  return function get<K extends ValueKind>(path: string, kind: K): KindValue[K] {
    const field = FIELD_BY_PATH.get(path);
    if (!field || field.kind !== kind) throw new Error(`internal: field ${path} is not a ${kind}`);
    const setting = settings.get(path);
    if (!setting) throw new Error(`internal: no value for ${path}`);
    // Values in a layer were produced by PARSERS[field.kind], so the kind matches.
    return setting.value as KindValue[K];
  };
}

/** Settings that only one kind of pool reads: given for the other, they are ignored, and said so. */
const POOL_ONLY = {
  reusable: ['environment.replicas', 'environment.concurrency', 'environment.scaledownTtl', 'environment.idleTtl', 'environment.startCold', 'environment.replicaCpus', 'environment.actionCpu'],
  pod: ['environment.clusterSlots'],
} as const;

export function ignoredSettings(settings: Layer, scenario: Scenario): Finding[] {
  const other = scenario.pool.mode === 'pod' ? POOL_ONLY.reusable : POOL_ONLY.pod;
  // Profiles and defaults fill every field; only what the user wrote for this run counts.
  const keys = other.filter((path) => {
    const source = settings.get(path)?.source ?? 'default';
    return source.startsWith('scenario') || source.startsWith('flag');
  });
  if (keys.length === 0) return [];
  return [finding('settingsIgnored', { mode: scenario.pool.mode === 'pod' ? 'a pod per task' : 'a reusable pool', keys: keys.join(', ') })];
}

export function buildScenario(settings: Layer): { scenario: Scenario; problems: InputProblem[] } {
  const get = reader(settings);
  const optionalPhase = (path: string, fallback: Phase): Phase => (settings.has(path) ? get(path, 'transfer') : fallback);
  const upload = get('phases.upload', 'transfer');
  const download = get('phases.download', 'transfer');
  const replicas = get('environment.replicas', 'replicas');
  const scenario: Scenario = {
    phases: {
      uploadInputs: optionalPhase('phases.uploadInputs', upload),
      downloadInputs: optionalPhase('phases.downloadInputs', download),
      uploadOutputs: optionalPhase('phases.uploadOutputs', upload),
      downloadOutputs: optionalPhase('phases.downloadOutputs', download),
      enqueue: get('phases.enqueue', 'duration'),
      create: get('phases.create', 'duration'),
      dispatch: get('phases.dispatch', 'duration'),
    },
    limits: {
      maxActionsPerRun: get('limits.maxActionsPerRun', 'count'),
      recommendedActionsPerRun: get('limits.recommendedActionsPerRun', 'count'),
      targetActionsMin: get('limits.targetActionsMin', 'count'),
      targetActionsMax: get('limits.targetActionsMax', 'count'),
      maxInlineIoBytes: get('limits.maxInlineIo', 'size'),
      maxChildrenInFlight: get('limits.maxChildrenInFlight', 'count'),
      enqueueRatePerSecond: get('limits.enqueueRate', 'rate'),
      runtimeFloorSeconds: fixedSeconds(get('limits.runtimeFloor', 'duration')),
      overheadRatio: get('limits.ratio', 'positive'),
    },
    workload: {
      items: get('workload.items', 'count'),
      itemRuntime: get('workload.itemRuntime', 'duration'),
      itemInputBytes: get('workload.itemInputSize', 'size'),
      itemOutputBytes: get('workload.itemOutputSize', 'size'),
      itemMemoryBytes: get('workload.itemMemory', 'optionalSize'),
      taskMemoryBytes: get('workload.taskMemory', 'optionalSize'),
      data: get('workload.data', 'data'),
      pattern: get('workload.pattern', 'pattern'),
      cacheHitRatio: get('workload.cacheHitRatio', 'fraction'),
      batchSize: get('workload.batchSize', 'batch'),
    },
    pool: get('environment.podPerTask', 'boolean')
      ? { mode: 'pod', clusterSlots: get('environment.clusterSlots', 'optionalCount') }
      : {
          mode: 'reusable',
          minReplicas: replicas.min,
          maxReplicas: replicas.max,
          concurrency: get('environment.concurrency', 'count'),
          scaledownTtlSeconds: fixedSeconds(get('environment.scaledownTtl', 'duration')),
          idleTtlSeconds: fixedSeconds(get('environment.idleTtl', 'duration')),
          startCold: get('environment.startCold', 'boolean'),
          replicaCpus: get('environment.replicaCpus', 'optionalPositive'),
          actionCpu: get('environment.actionCpu', 'optionalPositive'),
        },
    run: {
      mapConcurrency: get('environment.mapConcurrency', 'whole'),
      maxActionConcurrency: get('environment.maxActionConcurrency', 'optionalCount'),
      queueConcurrency: get('environment.queueConcurrency', 'optionalCount'),
      parentStartSeconds: fixedSeconds(get('environment.parentStart', 'duration')),
    },
    failures: {
      failureRate: get('failures.failureRate', 'fraction'),
      retries: get('failures.retries', 'whole'),
      retryBackoffSeconds: fixedSeconds(get('failures.retryBackoff', 'duration')),
    },
    pricing: { perReplicaHour: get('pricing.perReplicaHour', 'optionalPositive') },
  };
  return { scenario, problems: rules(scenario, settings) };
}

/** Settings that are a single time (TTLs, floors) take the mean of whatever form was given. */
function fixedSeconds(d: Dist): number {
  return d.kind === 'fixed' ? d.value : Number.NaN;
}

function rules(s: Scenario, settings: Layer): InputProblem[] {
  const problems: InputProblem[] = [];
  const at = (path: string, problem: string, fix: string): void => {
    const where = settings.get(path)?.at;
    problems.push({ source: where?.file ?? settings.get(path)?.source ?? 'default', path, problem, fix, ...(where?.line !== undefined ? { line: where.line, column: where.column ?? 1 } : {}) });
  };
  for (const path of SINGLE_DURATIONS) {
    const d = settings.get(path)?.value;
    if (d && typeof d === 'object' && 'kind' in d && d.kind !== 'fixed') at(path, 'expected one fixed duration, not a distribution', 'write a single value such as 30s');
  }
  if (s.pool.mode === 'reusable') {
    if (s.pool.maxReplicas < 1) at('environment.replicas', 'a pool needs at least one replica', 'write replicas: [0, 1] or more');
  }
  if (!(mean(s.workload.itemRuntime) > 0)) at('workload.itemRuntime', 'an item runtime of 0 leaves nothing to schedule', 'write the time one item takes, e.g. 100ms');
  // A conflict between two settings is blamed on the one given last (a flag over a scenario
  // over a profile), which is the one the user just changed; the message names the other's place.
  const conflict = (paths: readonly [string, string], problem: string, fix: string): void => {
    const [blamed, other] = rank(paths[1], settings) > rank(paths[0], settings) ? [paths[1], paths[0]] : paths;
    at(blamed, `${problem} (${other} is set ${placeOf(other, settings)})`, fix);
  };
  const l = s.limits;
  if (l.targetActionsMin > l.targetActionsMax) conflict(['limits.targetActionsMin', 'limits.targetActionsMax'], `the target range ${l.targetActionsMin}–${l.targetActionsMax} is reversed`, 'make targetActionsMin ≤ targetActionsMax');
  if (l.recommendedActionsPerRun > l.maxActionsPerRun) {
    conflict(['limits.recommendedActionsPerRun', 'limits.maxActionsPerRun'], `the recommended ceiling (${l.recommendedActionsPerRun}) is above the hard limit (${l.maxActionsPerRun})`, 'make recommendedActionsPerRun ≤ maxActionsPerRun (set both, e.g. --max-actions-per-run 100 --recommended-actions-per-run 80)');
  }
  return problems;
}

/** How late a setting's layer comes: flags win over a scenario, a scenario over a profile. */
function rank(path: string, settings: Layer): number {
  const source = settings.get(path)?.source ?? 'default';
  return source.startsWith('flag') ? 3 : source.startsWith('scenario') ? 2 : source.startsWith('profile') ? 1 : 0;
}

function placeOf(path: string, settings: Layer): string {
  const setting = settings.get(path);
  const where = setting?.at;
  if (where === undefined) return `by ${setting?.source ?? 'default'}`;
  return where.line !== undefined ? `at ${where.file}:${where.line}` : `by ${where.file}`;
}
