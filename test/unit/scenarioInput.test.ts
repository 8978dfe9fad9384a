// ScenarioInput (the library's typed scenario) names exactly the settings of the field table:
// each list below must have every key of its interface (the `satisfies` fails to compile on
// a missing or an extra one), and must equal the table's keys for that section.
import { expect, test } from 'vitest';
import { FIELDS, type Section } from '../../src/config/fields.js';
import type { ScenarioInput } from '../../src/config/scenarioInput.js';

type Keys<S extends Section> = Record<keyof NonNullable<ScenarioInput[S]>, true>;

const declared: { [S in Section]: Keys<S> } = {
  phases: { upload: true, download: true, uploadInputs: true, downloadInputs: true, uploadOutputs: true, downloadOutputs: true, enqueue: true, create: true, dispatch: true } satisfies Keys<'phases'>,
  limits: { maxActionsPerRun: true, recommendedActionsPerRun: true, targetActionsMin: true, targetActionsMax: true, maxInlineIo: true, maxChildrenInFlight: true, enqueueRate: true, runtimeFloor: true, ratio: true } satisfies Keys<'limits'>,
  workload: { items: true, itemRuntime: true, itemInputSize: true, itemOutputSize: true, itemMemory: true, taskMemory: true, data: true, pattern: true, cacheHitRatio: true, batchSize: true } satisfies Keys<'workload'>,
  environment: { podPerTask: true, clusterSlots: true, replicas: true, concurrency: true, scaledownTtl: true, idleTtl: true, startCold: true, replicaCpus: true, actionCpu: true, mapConcurrency: true, maxActionConcurrency: true, queueConcurrency: true, parentStart: true } satisfies Keys<'environment'>,
  failures: { failureRate: true, retries: true, retryBackoff: true } satisfies Keys<'failures'>,
  pricing: { perReplicaHour: true } satisfies Keys<'pricing'>,
};

test('every section of ScenarioInput lists the same keys as the field table', () => {
  for (const [section, keys] of Object.entries(declared)) {
    expect(Object.keys(keys).sort(), section).toEqual(FIELDS.filter((f) => f.section === section).map((f) => f.key).sort());
  }
});
