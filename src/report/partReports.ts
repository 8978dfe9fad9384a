// The public JSON contracts of `overhead`, `batch` and `fanout`: the plan report's header and
// the part of the plan each command shows, with the findings that belong to that part.
import { checkFanout, fanoutFindings } from '../core/fanout.js';
import type { Finding, FindingCode } from '../core/findings.js';
import type { Limits } from '../core/model.js';
import type { PlanReport } from './planReport.js';

const BATCH_CODES: ReadonlySet<FindingCode> = new Set(['batchInfeasible', 'batchCapped', 'memoryOver', 'overheadUnreachable', 'runtimeUnderFloor', 'overheadRatioLow', 'inlinePayloadOver', 'chosenBelowRecommended', 'waveAligned'] satisfies FindingCode[]);
const FANOUT_CODES: ReadonlySet<FindingCode> = new Set(['fanoutOverLimit', 'fanoutAboveRecommended', 'fanoutAboveTarget'] satisfies FindingCode[]);

export type PlanHeader = Omit<PlanReport, 'overhead' | 'batch' | 'fanout' | 'concurrency' | 'estimate' | 'findings' | 'simulation'>;

export interface OverheadCommandReport extends PlanHeader {
  batchSize: number;
  overhead: PlanReport['overhead'];
}

export interface BatchCommandReport extends PlanHeader {
  overhead: { perAction: PlanReport['overhead']['perAction'] };
  batch: PlanReport['batch'];
  findings: Finding[];
}

export interface FanoutCommandReport extends PlanHeader {
  fanout: PlanReport['fanout'];
  findings: Finding[];
}

function headerOf(r: PlanReport): PlanHeader {
  const { overhead: _o, batch: _b, fanout: _f, concurrency: _c, estimate: _e, findings: _x, simulation: _s, ...rest } = r;
  return rest;
}

export function overheadCommandReport(r: PlanReport): OverheadCommandReport {
  return { ...headerOf(r), batchSize: r.batch.size, overhead: r.overhead };
}

export function batchCommandReport(r: PlanReport): BatchCommandReport {
  return { ...headerOf(r), overhead: { perAction: r.overhead.perAction }, batch: r.batch, findings: r.findings.filter((f) => BATCH_CODES.has(f.code)) };
}

/** The plan's fan-out, or, with `actions`, that many actions checked against the same limits. */
export function fanoutCommandReport(r: PlanReport, limits: Limits, items: number, actions?: number): FanoutCommandReport {
  if (actions === undefined) return { ...headerOf(r), fanout: r.fanout, findings: r.findings.filter((f) => FANOUT_CODES.has(f.code)) };
  const checked = checkFanout(actions, limits);
  return { ...headerOf(r), fanout: { ...checked, limits: r.fanout.limits }, findings: fanoutFindings(checked, limits, items) };
}
