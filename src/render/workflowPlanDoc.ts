// The workflow plan as blocks: the steps in time, the critical path, actions for the whole run
// and the findings, each about one step or the run.
import { formatSeconds as s, thousands as int } from '../core/units.js';
import type { WorkflowPlanReport } from '../report/workflowPlanReport.js';
import type { Block, Doc } from './doc.js';

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

export function workflowStepsBlock(r: WorkflowPlanReport): Block {
  const rows = Object.entries(r.steps).map(([name, x]) => [
    `${x.critical ? '* ' : '  '}${name}`,
    x.kind,
    x.environment ?? '(parent)',
    s(x.startSeconds),
    s(x.endSeconds),
    x.critical ? '—' : s(x.slackSeconds),
    x.subParents > 0 ? `${int(x.actions)} +${int(x.subParents)}` : int(x.actions),
    x.kind === 'map' ? int(x.batch) : '—',
    x.binding,
  ]);
  return { kind: 'table', title: 'Steps (* on the critical path; actions +sub-parents)', head: ['step', 'kind', 'env', 'start', 'end', 'slack', 'actions', 'batch', 'binding'], numeric: [3, 4, 5, 6, 7], rows };
}

export function workflowActionsBlock(r: WorkflowPlanReport): Block {
  const a = r.actions;
  const f = r.fanout;
  const status = f.status === 'ok' ? 'good' : f.status === 'warn' ? 'warn' : 'bad';
  return {
    kind: 'table',
    title: 'Actions per run',
    tones: [undefined, undefined, undefined, undefined, status, undefined],
    rows: [
      ['driver', int(a.driver)],
      ['sub-parents', int(a.subParents)],
      ['map and task actions', int(a.steps)],
      ['trace records', int(a.traceRecords)],
      ['total', `${int(a.total)} (${pct(f.shareOfLimit)} of the limit, ${f.status})`],
      ['limits', `hard ${int(f.limits.hard)}, recommended ${int(f.limits.recommended)}, target ${int(f.limits.targetMin)}–${int(f.limits.targetMax)}`],
    ],
  };
}

export function workflowPlanDoc(r: WorkflowPlanReport): Doc {
  return {
    title: `flyscale plan: ${r.scenario.name} (workflow)`,
    subtitle: `profile ${r.scenario.profile}${r.scenario.file ? `, workflow ${r.scenario.file}` : ''}`,
    blocks: [
      workflowStepsBlock(r),
      { kind: 'text', title: 'Critical path', lines: [`${r.criticalPath.join(' → ')}: end to end ${s(r.estimate.makespanSeconds)} (${r.estimate.exact ? 'exact' : 'estimate'})`] },
      workflowActionsBlock(r),
      { kind: 'findings', findings: r.findings },
    ],
  };
}
