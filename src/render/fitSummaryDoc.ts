// The per-phase summary of `flyscale profile fit` as Doc blocks: n, the form and its quality,
// the measured percentiles and outliers, then each phase's reason and the warnings.
import { sig } from '../core/fit/format.js';
import { formatSeconds, plural } from '../core/units.js';
import type { FitPhaseReport, ProfileFitReport } from '../report/profileFitReport.js';
import type { Block, Doc } from './doc.js';
import { bandwidthText } from './yamlValues.js';
import { int } from './planDoc.js';

const s = formatSeconds;

/** The goodness-of-fit figure that decided the form. */
function quality(p: FitPhaseReport): string {
  const parts: string[] = [];
  if (p.transfer && p.rSquared !== null) parts.push(`R² ${sig(p.rSquared)}`);
  if (p.form === 'lognormal' && p.lognormal !== null) parts.push(`KS ${sig(p.lognormal.ksDistance, 2)} ≤ ${sig(p.lognormal.ksCritical, 2)}`);
  if (p.form === 'empirical' && p.lognormal !== null) parts.push(`KS ${sig(p.lognormal.ksDistance, 2)} > ${sig(p.lognormal.ksCritical, 2)}`);
  return parts.length ? parts.join(', ') : '—';
}

const formText = (p: FitPhaseReport): string =>
  p.transfer && p.bandwidthBytesPerSecond !== null ? `${p.form} + bytes / ${bandwidthText(p.bandwidthBytesPerSecond)}` : p.form;

const DESTINATION = { profile: '', 'workload.itemRuntime': ' (→ itemRuntime)', none: ' (not in the profile)' } as const;

export function fitSummaryDoc(r: ProfileFitReport): Doc {
  const entries = Object.entries(r.phases);
  const table: Block = {
    kind: 'table',
    title: 'Fitted phases',
    head: ['phase', 'n', 'form', 'fit', 'mean', 'p50', 'p95', 'outliers'],
    numeric: [1, 4, 5, 6, 7],
    rows: entries.map(([phase, p]) => [
      `${phase}${DESTINATION[p.destination]}`,
      int(p.n),
      formText(p),
      quality(p),
      s(p.meanSeconds),
      s(p.p50Seconds),
      s(p.p95Seconds),
      p.trimmed > 0 ? `${p.outliers} trimmed` : String(p.outliers),
    ]),
  };
  const reasons: Block = { kind: 'text', title: 'Why each form', lines: entries.map(([phase, p]) => `${phase}: ${p.reason}`) };
  const blocks: Block[] = [table, reasons];
  const warnings = r.notes.map((n) => `${n.severity === 'warn' ? 'warning' : 'info   '} ${n.phase}: ${n.message}`);
  for (const [phase, p] of entries) {
    if (p.samplesForP95 !== null && p.form !== 'fixed' && !r.notes.some((n) => n.phase === phase && n.code === 'p95Imprecise')) {
      warnings.push(`info    ${phase}: the p95 is within ±10% with about ${plural(p.samplesForP95, 'sample')}; this phase has ${int(p.n)}`);
    }
  }
  if (r.unmeasured.length) warnings.push(`info    not measured, so flyscale's built-in defaults apply (not the default profile's values; see docs/reference.md): ${r.unmeasured.join(', ')}`);
  blocks.push({ kind: 'text', title: 'Adequacy and notes', lines: warnings });
  const bad = r.sources.reduce((sum, x) => sum + x.badRows, 0);
  const rows = r.sources.reduce((sum, x) => sum + x.rows, 0);
  const sources = r.sources.map((x) => `${x.file} (${x.format}): ${plural(x.rows, 'row')}${x.badRows ? `, ${plural(x.badRows, 'bad row')} skipped` : ''}, sha256 ${x.sha256.slice(0, 12)}…`);
  return {
    title: `flyscale profile fit: ${r.profile.name}`,
    subtitle: `${int(rows)} observations${bad ? ` (${int(bad)} bad rows skipped)` : ''} from ${r.sources.length} file${r.sources.length === 1 ? '' : 's'}, ${r.profile.date}${r.profile.out ? `; wrote ${r.profile.out}` : ''}`,
    blocks: [...blocks, { kind: 'text', title: 'Sources', lines: sources }],
  };
}
