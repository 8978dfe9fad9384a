// The JSON report of `flyscale replay`: observed, predicted and error blocks, the findings.
import type { ReplayComparison } from '../core/replay/compare.js';
import type { RunMapping } from '../core/import/mapping.js';
import { histogramBins, type HistogramBin } from './histogram.js';
import { SCHEMA_VERSION, type ReportHeader } from './planReport.js';

export interface ReplayReport extends Omit<ReportHeader, 'scenario' | 'inputs'>, ReplayComparison {
  run: string;
  sources: { file: string; sha256: string }[];
  seed: number;
  pool: { mode: 'pod' | 'reusable'; reason: string };
  /** The scenario simulated, as `profile import` would write it. */
  scenario: RunMapping['workload'];
  /** Closed-form makespan (docs/model.md) of the replayed scenario, beside the simulated one. */
  estimateMakespanSeconds: number;
  /** Simulated runs per makespan bin: the spread behind the predicted percentiles. */
  histogram: { makespan: HistogramBin[] };
}

export function replayReport(input: { tool: ReportHeader['tool']; run: string; sources: ReplayReport['sources']; seed: number; mapping: RunMapping; comparison: ReplayComparison; estimateMakespanSeconds: number; makespansSeconds: readonly number[] }): ReplayReport {
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: input.tool,
    command: 'replay',
    run: input.run,
    sources: input.sources,
    seed: input.seed,
    pool: { mode: input.mapping.pool.mode, reason: input.mapping.pool.reason },
    scenario: input.mapping.workload,
    ...input.comparison,
    estimateMakespanSeconds: input.estimateMakespanSeconds,
    histogram: { makespan: histogramBins(input.makespansSeconds) },
  };
}
