// The summary of `flyscale profile import` for a person: what was read, pod or pool and why,
// the recorded phases of the fitted group, the counts, and where each value came from.
import { formatSeconds } from '../core/units.js';
import type { Doc } from './doc.js';
import type { ImportReport } from '../report/importReport.js';

const PHASE_NAMES: Record<string, string> = { queued: 'QUEUED', waitingForResources: 'WAITING_FOR_RESOURCES', initializing: 'INITIALIZING', running: 'RUNNING (succeeded)', total: 'total per action' };

export function importDoc(r: ImportReport): Doc {
  const c = r.counts;
  const rows = Object.entries(r.samples).map(([k, s]) => (s === null ? [PHASE_NAMES[k] ?? k, '0', '–', '–', '–'] : [PHASE_NAMES[k] ?? k, String(s.n), formatSeconds(s.meanSeconds), formatSeconds(s.p50Seconds), formatSeconds(s.p95Seconds)]));
  const fits = Object.entries(r.phases).map(([k, f]) => [k, String(f.n), f.form, f.destination, f.reason]);
  return {
    title: `Flyte run ${r.run}: ${r.group}, ${c.actions} actions`,
    subtitle: `${r.pool.mode === 'pod' ? 'a pod per task' : 'a reusable pool'}: ${r.pool.reason}`,
    blocks: [
      { kind: 'table', title: 'Recorded phases', head: ['phase', 'n', 'mean', 'p50', 'p95'], rows, numeric: [1, 2, 3, 4] },
      {
        kind: 'table',
        title: 'Counts',
        head: ['what', 'count'],
        rows: [
          ['attempts', String(c.attempts)],
          ['retries', String(c.retries)],
          ['failed attempts', String(c.failedAttempts)],
          ['cache hits', String(c.cacheHits)],
          ['cold starts', String(r.pool.coldStarts)],
          ['negative durations clamped to 0', String(c.clampedDurations)],
          ['open attempts ended at the next start', String(c.repairedEnds)],
        ],
        numeric: [1],
      },
      { kind: 'table', title: 'Fits', head: ['phase', 'n', 'form', 'goes to', 'why'], rows: fits, numeric: [1] },
      { kind: 'text', title: 'Where each value came from', lines: [`groups found: ${r.groups.map((g) => `${g.name} (${g.actions})`).join(', ')}`, ...r.provenance] },
    ],
  };
}
