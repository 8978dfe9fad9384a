// Actions per run against the published limits (MODEL §3): 50k hard, 40k recommended,
// 10k–20k target.
import { finding, type Finding } from './findings.js';
import type { Limits } from './model.js';

export const FANOUT_STATUSES = ['ok', 'warn', 'over'] as const;
export type FanoutStatus = (typeof FANOUT_STATUSES)[number];

export const FANOUT_BANDS = ['belowTarget', 'inTarget', 'aboveTarget', 'aboveRecommended', 'overLimit'] as const;
export type FanoutBand = (typeof FANOUT_BANDS)[number];

export interface Fanout {
  actions: number;
  status: FanoutStatus;
  band: FanoutBand;
  /** Share of the hard limit used, 0.5 = half. */
  shareOfLimit: number;
}

export const actionsFor = (items: number, batchSize: number): number => Math.ceil(items / batchSize);

export function checkFanout(actions: number, limits: Limits): Fanout {
  const band: FanoutBand =
    actions > limits.maxActionsPerRun
      ? 'overLimit'
      : actions > limits.recommendedActionsPerRun
        ? 'aboveRecommended'
        : actions > limits.targetActionsMax
          ? 'aboveTarget'
          : actions >= limits.targetActionsMin
            ? 'inTarget'
            : 'belowTarget';
  const status: FanoutStatus = band === 'overLimit' ? 'over' : band === 'aboveRecommended' ? 'warn' : 'ok';
  return { actions, status, band, shareOfLimit: actions / limits.maxActionsPerRun };
}

/** The finding a fan-out's band calls for, if any; the fix names the smallest batch under the limit. */
export function fanoutFindings(f: Fanout, limits: Limits, items: number): Finding[] {
  switch (f.band) {
    case 'overLimit':
      return [finding('fanoutOverLimit', { actions: f.actions, limit: limits.maxActionsPerRun, batchSize: Math.ceil(items / limits.maxActionsPerRun) })];
    case 'aboveRecommended':
      return [finding('fanoutAboveRecommended', { actions: f.actions, recommended: limits.recommendedActionsPerRun })];
    case 'aboveTarget':
      return [finding('fanoutAboveTarget', { actions: f.actions, targetMin: limits.targetActionsMin, targetMax: limits.targetActionsMax })];
    default:
      return [];
  }
}
