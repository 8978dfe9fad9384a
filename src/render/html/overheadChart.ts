// Where the overhead of one action goes: a stacked bar of its phases for each kind of action
// (a task, a warm reusable slot, a cache hit, a trace), in the order the phases happen.
import * as Plot from '@observablehq/plot';
import { formatSeconds } from '../../core/units.js';
import type { OverheadReport, PlanReport } from '../../report/planReport.js';
import { plotSvg, type Figure } from './figure.js';
import { colorOf, inUnit, timeUnit } from './units.js';

const KIND_NAMES: Record<string, string> = { task: 'task', warm: 'warm reusable slot', cacheHit: 'cache hit', trace: 'trace' };
const kindName = (variant: string): string => KIND_NAMES[variant] ?? variant;
/** uploadInputs → upload inputs. */
export const phaseName = (phase: string): string => phase.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`);

/** The bars: each kind of action and each phase that takes time in it. */
export function overheadSegments(o: PlanReport['overhead']): { kind: string; phase: string; seconds: number }[] {
  const kinds: [string, OverheadReport][] = o.variants ? Object.entries(o.variants) : [[o.variant, o]];
  return kinds.flatMap(([name, v]) => Object.entries(v.components).filter(([, c]) => c.meanSeconds > 0).map(([phase, c]) => ({ kind: kindName(name), phase: phaseName(phase), seconds: c.meanSeconds })));
}

export function overheadFigure(o: PlanReport['overhead']): Figure {
  const segments = overheadSegments(o);
  const phases = [...new Set(segments.map((s) => s.phase))];
  const kinds = [...new Set(segments.map((s) => s.kind))];
  const totals = kinds.map((k) => segments.filter((s) => s.kind === k).reduce((sum, s) => sum + s.seconds, 0));
  const u = timeUnit(Math.max(0, ...totals));
  const colors = phases.map((_, i) => colorOf(i));
  const data = segments.map((s) => ({ ...s, value: inUnit(s.seconds, u) }));
  const svg = plotSvg({
    height: 70 + 44 * kinds.length,
    marginLeft: 140,
    x: { label: `mean overhead per action (${u.label})`, grid: true },
    y: { label: null, domain: kinds },
    color: { domain: phases, range: colors },
    marks: [
      Plot.barX(data, { x: 'value', y: 'kind', fill: 'phase', order: phases, inset: 0.5, className: 'segments', title: (d: (typeof data)[number]) => `${d.kind}, ${d.phase}: ${formatSeconds(d.seconds)}` }),
      Plot.ruleX([0]),
    ],
  });
  return {
    id: 'overhead',
    title: 'Overhead per action, by phase',
    note: 'The time each action spends outside your code: transfers in and out, queueing and start-up. Longer bars mean fewer, larger batches pay off.',
    legend: phases.length > 1 ? phases.map((p, i) => ({ name: p, color: colors[i] ?? colorOf(i), shape: 'swatch' as const })) : [],
    svgs: [svg],
    table: {
      caption: 'Mean seconds per phase',
      head: ['kind of action', 'phase', 'mean', 'share'],
      rows: kinds.flatMap((k, i) => [...segments.filter((s) => s.kind === k).map((s) => [k, s.phase, formatSeconds(s.seconds), `${((s.seconds / (totals[i] ?? 1)) * 100).toFixed(1)}%`]), [k, 'total', formatSeconds(totals[i] ?? 0), '100%']]),
      numeric: [2, 3],
    },
  };
}
