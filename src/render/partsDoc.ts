// What `overhead`, `batch` and `fanout` show: a part of the plan's Doc each.
import { formatSeconds, plural } from '../core/units.js';
import type { BatchCommandReport, FanoutCommandReport, OverheadCommandReport } from '../report/partReports.js';
import type { PlanReport } from '../report/planReport.js';
import type { Block, Doc } from './doc.js';
import { batchBlock, fanoutBlock, overheadBlocks } from './planDoc.js';

export function overheadDoc(r: OverheadCommandReport, explain: boolean): Doc {
  return {
    title: `flyscale overhead: ${r.scenario.name}`,
    subtitle: `profile ${r.scenario.profile}, batch of ${plural(r.batchSize, 'item')}`,
    blocks: [...overheadBlocks(r.overhead, true), ...(explain ? [formulaBlock(r.overhead)] : [])],
  };
}

const SYMBOLS: Record<string, string> = { uploadInputs: 'u_in', enqueue: 'e', create: 't', downloadInputs: 'd_in', uploadOutputs: 'u_out', downloadOutputs: 'd_out' };

function formulaBlock(o: PlanReport['overhead']): Block {
  const parts = Object.entries(o.components);
  const lines = [
    `O = ${parts.map(([k]) => SYMBOLS[k] ?? k).join(' + ')}`,
    `  = ${parts.map(([, c]) => formatSeconds(c.meanSeconds)).join(' + ')}`,
    `  = ${formatSeconds(o.perAction.meanSeconds)} mean; p50 ${formatSeconds(o.perAction.p50Seconds)}, p95 ${formatSeconds(o.perAction.p95Seconds)}, p99 ${formatSeconds(o.perAction.p99Seconds)} (${o.method === 'exact' ? 'exact' : 'sampled with a fixed seed'})`,
    "Each transfer is latency + bytes / bandwidth; Flyte's scaling guide writes this as 2u + 2d + e + t (docs/model.md).",
    o.variant === 'warm' ? 'A warm reusable slot pays the dispatch time in place of t; a new replica pays a cold start once.' : '',
  ];
  return { kind: 'text', title: 'Formula', lines: lines.filter((l) => l !== '') };
}

/** batchBlock and fanoutBlock read a plan report; these reports carry the parts they read. */
export function batchDoc(r: BatchCommandReport, plan: PlanReport): Doc {
  return { title: `flyscale batch: ${r.scenario.name}`, blocks: [batchBlock(plan), { kind: 'findings', findings: r.findings }] };
}

export function fanoutDoc(r: FanoutCommandReport, plan: PlanReport): Doc {
  return { title: `flyscale fanout: ${r.scenario.name}`, blocks: [fanoutBlock({ ...plan, fanout: r.fanout }), { kind: 'findings', findings: r.findings }] };
}
