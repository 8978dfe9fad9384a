// plan --compare as blocks: the run under each pattern, the best choice per step and why.
import { decimal, formatSeconds as s, thousands as int } from '../core/units.js';
import type { PatternOutcome } from '../core/workflow/patterns.js';
import type { WorkflowCompareReport } from '../report/workflowCompareReport.js';
import type { Doc } from './doc.js';

/** Each pattern in words, as the table and the HTML chart name it. */
export const PATTERN_LABELS: Record<string, string> = { pods: 'task on pods', warm: 'task on a warm reusable pool', trace: 'trace', local: 'local work' };

const row = (label: string, o: PatternOutcome): string[] => [label, s(o.p50Seconds), s(o.p99Seconds), o.cost === null ? `${int(Math.round(o.billedReplicaSeconds))} replica-s` : decimal(o.cost, 4)];

export function workflowCompareDoc(r: WorkflowCompareReport): Doc {
  const steps = r.compared.join(', ');
  return {
    title: `flyscale plan --compare: ${r.scenario.name} (workflow)`,
    subtitle: `profile ${r.scenario.profile}; ${int(r.runs)} replications, seed ${r.seed}; steps compared: ${steps || 'none (only maps)'}`,
    blocks: [
      {
        kind: 'table',
        title: 'End to end, by pattern',
        head: ['every compared step as', 'p50', 'p99', 'cost per run'],
        numeric: [1, 2, 3],
        rows: [...Object.entries(r.patterns).map(([p, o]) => row(PATTERN_LABELS[p] ?? p, o)), row('best per step', r.best)],
      },
      { kind: 'table', title: 'Best per step (p99 of the step alone)', head: ['step', 'pods', 'warm', 'trace', 'local', 'choice'], numeric: [1, 2, 3, 4], rows: r.best.choices.map((c) => [c.step, s(c.p99Seconds.pods), s(c.p99Seconds.warm), s(c.p99Seconds.trace), s(c.p99Seconds.local), c.chosen]) },
      { kind: 'text', title: 'Why', lines: r.best.choices.map((c) => `${c.step}: ${c.reason}`), list: true },
      { kind: 'findings', findings: r.findings },
    ],
  };
}
