// flyscale overhead | batch | fanout: one part of the plan each, with its own exit rule.
import { checkFanout, fanoutFindings } from '../../core/fanout.js';
import type { Finding } from '../../core/findings.js';
import { formatSeconds } from '../../core/units.js';
import { InputError } from '../../config/errors.js';
import { batchBlock, fanoutBlock, int, overheadBlocks } from '../../render/planDoc.js';
import { RENDERERS } from '../../render/registry.js';
import type { PlanReport } from '../../report/planReport.js';
import { exitCodeFor } from '../exitCode.js';
import { planFromOptions } from '../planContext.js';
import { stdinFor } from '../stdin.js';
import type { CommandResult, Terminal } from '../result.js';
import { formatOf } from '../scenarioOptions.js';

const BATCH_CODES = new Set(['batchInfeasible', 'memoryOver', 'overheadUnreachable', 'runtimeUnderFloor', 'overheadRatioLow', 'inlinePayloadOver', 'chosenBelowRecommended', 'waveAligned']);
const FANOUT_CODES = new Set(['fanoutOverLimit', 'fanoutAboveRecommended', 'fanoutAboveTarget']);

function headerOf(r: PlanReport): Omit<PlanReport, 'overhead' | 'batch' | 'fanout' | 'concurrency' | 'estimate' | 'findings'> {
  const { overhead: _o, batch: _b, fanout: _f, concurrency: _c, estimate: _e, findings: _x, ...rest } = r;
  return rest;
}

export async function runOverhead(scenarioPath: string | undefined, options: Record<string, unknown>, term: Terminal): Promise<CommandResult> {
  const format = formatOf(options);
  const { report } = planFromOptions('overhead', scenarioPath, options, term, await stdinFor(scenarioPath, term));
  const json = { ...headerOf(report), batchSize: report.batch.size, overhead: report.overhead };
  const doc = () => ({
    title: `flyscale overhead: ${report.scenario.name}`,
    subtitle: `profile ${report.scenario.profile}, batch of ${int(report.batch.size)} items`,
    blocks: [...overheadBlocks(report.overhead, true), ...(options.explain === true ? [explain(report)] : [])],
  });
  return { stdout: await RENDERERS[format](json, doc, term), exitCode: 0 };
}

function explain(r: PlanReport) {
  const o = r.overhead;
  const symbols: Record<string, string> = { uploadInputs: 'u_in', enqueue: 'e', create: 't', downloadInputs: 'd_in', uploadOutputs: 'u_out', downloadOutputs: 'd_out' };
  const parts = Object.entries(o.components);
  const lines = [
    `O = ${parts.map(([k]) => symbols[k] ?? k).join(' + ')}`,
    `  = ${parts.map(([, c]) => formatSeconds(c.meanSeconds)).join(' + ')}`,
    `  = ${formatSeconds(o.perAction.meanSeconds)} mean; p50 ${formatSeconds(o.perAction.p50Seconds)}, p95 ${formatSeconds(o.perAction.p95Seconds)}, p99 ${formatSeconds(o.perAction.p99Seconds)} (${o.method === 'exact' ? 'exact' : 'sampled with a fixed seed'})`,
    'Each transfer is latency + bytes / bandwidth; the seed writes this as 2u + 2d + e + t.',
    o.variant === 'warm' ? 'A warm reusable slot pays the dispatch time in place of t; a new replica pays a cold start once.' : '',
  ];
  return { kind: 'text' as const, title: 'Formula', lines: lines.filter((l) => l !== '') };
}

export async function runBatch(scenarioPath: string | undefined, options: Record<string, unknown>, term: Terminal): Promise<CommandResult> {
  const format = formatOf(options);
  const { report } = planFromOptions('batch', scenarioPath, options, term, await stdinFor(scenarioPath, term));
  const findings = report.findings.filter((f) => BATCH_CODES.has(f.code));
  const json = { ...headerOf(report), overhead: { perAction: report.overhead.perAction }, batch: report.batch, findings };
  const doc = () => ({ title: `flyscale batch: ${report.scenario.name}`, blocks: [batchBlock(report), { kind: 'findings' as const, findings }] });
  return { stdout: await RENDERERS[format](json, doc, term), exitCode: exitCodeFor(findings) };
}

export async function runFanout(scenarioPath: string | undefined, options: Record<string, unknown>, term: Terminal): Promise<CommandResult> {
  const format = formatOf(options);
  const { report, loaded } = planFromOptions('fanout', scenarioPath, options, term, await stdinFor(scenarioPath, term));
  let fanout = report.fanout;
  let findings: Finding[] = report.findings.filter((f) => FANOUT_CODES.has(f.code));
  if (options.actions !== undefined) {
    const actions = Number(options.actions);
    if (!Number.isInteger(actions) || actions < 1) {
      throw new InputError([{ source: '--actions', path: '', problem: `${String(options.actions)} is not a whole number of actions`, fix: 'write a count ≥ 1, e.g. --actions 20000' }]);
    }
    const l = loaded.scenario.limits;
    const checked = checkFanout(actions, l);
    fanout = { ...checked, limits: fanout.limits };
    findings = fanoutFindings(checked, l, loaded.scenario.workload.items);
  }
  const shown = { ...report, fanout };
  const json = { ...headerOf(report), fanout, findings };
  const doc = () => ({ title: `flyscale fanout: ${report.scenario.name}`, blocks: [fanoutBlock(shown), { kind: 'findings' as const, findings }] });
  return { stdout: await RENDERERS[format](json, doc, term), exitCode: fanout.status === 'over' ? 1 : 0 };
}
