// The plan report as blocks for tables and Markdown; the sub-commands show parts of it.
import { decimal, formatSeconds, plural, thousands } from '../core/units.js';
import type { OverheadReport, PlanReport } from '../report/planReport.js';
import type { Block, Doc } from './doc.js';

/** 1234567 → "1,234,567" (toLocaleString would load ICU data: tens of ms at start-up). */
export const int = thousands;
const items = (x: number): string => plural(x, 'item');
/** A ratio with one decimal and separated thousands: 2,031.6. */
const ratio = (x: number): string => decimal(x, 1);
/** A cost with cents, thousands separated: 1,234.50. */
const money = (x: number): string => decimal(x, 2);
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const s = formatSeconds;

const phaseLabel = (phase: string, variant: string): string => (phase === 'create' && variant === 'warm' ? 't      warm dispatch' : (PHASE_LABEL[phase] ?? phase));
const PHASE_LABEL: Record<string, string> = {
  uploadInputs: 'u_in   parent uploads inputs',
  enqueue: 'e      enqueue',
  create: 't      container start',
  downloadInputs: 'd_in   child downloads inputs',
  uploadOutputs: 'u_out  child uploads outputs',
  downloadOutputs: 'd_out  parent downloads outputs',
};
const SHORT_VARIANT: Record<string, string> = { task: 'pod task', warm: 'warm slot', cacheHit: 'cache hit', trace: 'trace' };
const VARIANT_LABEL: Record<string, string> = {
  task: 'task, pod per action',
  warm: 'task, warm reusable slot',
  cacheHit: 'cache hit',
  trace: 'trace',
};

export function overheadBlocks(o: PlanReport['overhead'], all: boolean): Block[] {
  const phases: Block = {
    kind: 'table',
    title: `Per-action overhead: ${VARIANT_LABEL[o.variant] ?? o.variant} (${o.method})`,
    head: ['phase', 'mean', 'share'],
    numeric: [1, 2],
    rows: [
      ...Object.entries(o.components).map(([phase, c]) => [phaseLabel(phase, o.variant), s(c.meanSeconds), pct(c.share)]),
      ['total', s(o.perAction.meanSeconds), '100%'],
    ],
  };
  if (!all || !o.variants) return [phases];
  const variants = Object.entries(o.variants);
  const row = (name: string, v: OverheadReport): string[] => [VARIANT_LABEL[name] ?? name, s(v.perAction.meanSeconds), s(v.perAction.p50Seconds), s(v.perAction.p95Seconds), s(v.perAction.p99Seconds)];
  // Each phase's mean and share for every kind of action; "—" where that kind does not pay it.
  const cell = (v: OverheadReport, phase: string): string => {
    const c = v.components[phase];
    return c ? `${s(c.meanSeconds)} (${pct(c.share)})` : '—';
  };
  const matrix: Block = {
    kind: 'table',
    title: 'Phases by kind of action: mean (share)',
    head: ['phase', ...variants.map(([k]) => SHORT_VARIANT[k] ?? k)],
    numeric: variants.map((_, i) => i + 1),
    rows: Object.keys(PHASE_LABEL).map((phase) => [(PHASE_LABEL[phase] ?? phase).split(' ')[0] ?? phase, ...variants.map(([, v]) => cell(v, phase))]),
  };
  return [
    phases,
    matrix,
    { kind: 'table', title: 'Overhead by kind of action', head: ['action', 'mean', 'p50', 'p95', 'p99'], numeric: [1, 2, 3, 4], rows: variants.map(([k, v]) => row(k, v)) },
  ];
}

export function batchBlock(r: PlanReport): Block {
  const b = r.batch;
  const bound = (name: string): string => (b.bounds[name] === null || b.bounds[name] === undefined ? 'n/a' : int(b.bounds[name] ?? 0));
  const capped = b.yielded.length > 0;
  const rows: string[][] = [
    ['recommended batch', `${items(b.recommended)} (bound by ${b.binding})${b.feasible ? '' : ', infeasible'}`],
    ['  overhead: k × overhead ≤ runtime', bound('overhead')],
    ['  runtime floor', bound('floor')],
    ['  fan-out target', bound('fanout')],
    ...(capped ? [['  lower bound (yields to the cap)', `${items(b.lowerBound)} (${b.lowerBinding})`]] : []),
    ['  actions limit (hard lower)', bound('actionsLimit')],
    ['  memory (hard upper)', bound('memory')],
    ['  inline payload (hard upper)', bound('inline')],
    ['batch used', `${items(b.size)} (${b.sizeFrom === 'scenario' ? 'from the scenario' : 'recommended'})`],
    ['actions', int(b.actions)],
    ['batch runtime', s(b.runtimeSeconds)],
    ['overhead per action', s(b.overheadSeconds)],
    ['runtime / overhead', b.overheadRatio === null ? 'no overhead' : `${ratio(b.overheadRatio)}×`],
    ['waves', `${int(b.waves)} (last ${pct(b.lastWaveFill)} full)`],
  ];
  const a = b.waveAligned;
  if (a) rows.push(['wave-aligned batch', `${items(a.batchSize)} → ${int(a.actions)} actions in ${plural(a.waves, 'wave')}, about ${s(a.makespanSeconds)} (${pct(a.saving)} sooner)`]);
  for (const c of b.conflicts) rows.push(['conflict', `actions limit above the ${c.upper} bound: ${c.resolution}`]);
  return { kind: 'table', title: 'Batch size', rows };
}

export function fanoutBlock(r: PlanReport): Block {
  const f = r.fanout;
  const status = f.status === 'ok' ? 'good' : f.status === 'warn' ? 'warn' : 'bad';
  return {
    kind: 'table',
    title: 'Fan-out',
    tones: [undefined, status, undefined],
    rows: [
      ['actions per run', `${int(f.actions)} (${pct(f.shareOfLimit)} of the limit)`],
      ['status', `${f.status} (${f.band})`],
      ['limits', `hard ${int(f.limits.hard)}, recommended ${int(f.limits.recommended)}, target ${int(f.limits.targetMin)}–${int(f.limits.targetMax)}`],
    ],
  };
}

export function estimateBlock(r: PlanReport): Block {
  const e = r.estimate;
  const c = r.concurrency;
  const limits = Object.entries(c.limits).map(([k, v]) => `${k} ${int(v)}`).join(', ');
  return {
    kind: 'table',
    title: 'Concurrency and estimate',
    rows: [
      ['effective concurrency', `${int(c.effective)} (bound by ${c.binding})`],
      ['limits', limits],
      ['slot time per action', s(e.slotSeconds)],
      ['waves', int(e.waves)],
      ...(e.coldStartSeconds > 0 ? [['cold start', s(e.coldStartSeconds)]] : []),
      ...(e.expectedAttempts > 1 ? [['attempts per action', `${e.expectedAttempts.toFixed(2)} (succeeds with p ${e.successProbability.toFixed(4)})`]] : []),
      ...(e.runtimeStretch > 1 ? [['CPU sharing stretch', `${e.runtimeStretch.toFixed(2)}× the runtime`]] : []),
      ['makespan', `${s(e.makespanSeconds)} (bound by ${e.binding}${e.exact ? ', exact' : ', estimate'})`],
      ['throughput', `${ratio(e.throughputItemsPerSecond)} items/s`],
      ...(e.cost !== null ? [['cost', `${money(e.cost)} for ${ratio(e.billedReplicaSeconds / 3600)} replica-hours (${e.costExact ? 'exact' : 'estimate'})`]] : []),
    ],
  };
}

export function planDoc(r: PlanReport): Doc {
  return {
    title: `flyscale plan: ${r.scenario.name}`,
    subtitle: `profile ${r.scenario.profile}${r.scenario.file ? `, scenario ${r.scenario.file}` : ''}`,
    blocks: [...overheadBlocks(r.overhead, false), batchBlock(r), fanoutBlock(r), estimateBlock(r), { kind: 'findings', findings: r.findings }],
  };
}
