// --format html: one self-contained page per report. Which charts a report gets is looked up
// by its command; a new kind of report adds one file of charts and one line to PAGES. Any
// other report still gets a page: its tables, as the terminal shows them.
// This module, with Observable Plot and linkedom, loads only when a page is asked for.
import type { CheckReport } from '../../report/checkReport.js';
import type { PlanReport } from '../../report/planReport.js';
import type { ReplayReport } from '../../report/replayReport.js';
import type { SimulateReport } from '../../report/simulateReport.js';
import type { SweepReport } from '../../report/sweepReport.js';
import type { Doc } from '../doc.js';
import type { Figure } from './figure.js';
import { overheadFigure } from './overheadChart.js';
import { pageHtml } from './shell.js';
import { makespanFigure, timelineFigures } from './simulateCharts.js';
import { checkFigures } from './checkCharts.js';
import { sweepFigures } from './sweepCharts.js';
import { replayFigures } from './replayCharts.js';
import type { WorkflowPlanReport } from '../../report/workflowPlanReport.js';
import type { WorkflowSimulateReport } from '../../report/workflowSimulateReport.js';
import { workflowPlanGantt, workflowSimulateGantt } from './workflowCharts.js';
import type { WorkflowCompareReport } from '../../report/workflowCompareReport.js';
import type { WorkflowSweepReport } from '../../report/workflowSweepReport.js';
import { workflowCompareFigure } from './workflowCompareCharts.js';
import { workflowSweepFigure } from './workflowSweepCharts.js';
import type { StreamSimulateReport } from '../../report/streamSimulateReport.js';
import type { StreamSweepReport } from '../../report/streamSweepReport.js';
import { streamLatencyFigure, streamSweepFigure, streamTimelineFigures } from './streamCharts.js';

interface Reports {
  plan: PlanReport;
  overhead: Pick<PlanReport, 'overhead'>;
  simulate: SimulateReport;
  sweep: SweepReport;
  check: CheckReport;
  replay: ReplayReport;
}
type PageKind = keyof Reports;

/** The charts of each kind of report, in the order they appear. */
const PAGES: { [K in PageKind]: (report: Reports[K]) => Figure[] } = {
  plan: (r) => [overheadFigure(r.overhead), ...(r.simulation ? [makespanFigure(r.simulation), ...timelineFigures(r.simulation)] : [])],
  overhead: (r) => [overheadFigure(r.overhead)],
  simulate: (r) => [makespanFigure(r), ...timelineFigures(r)],
  sweep: sweepFigures,
  check: checkFigures,
  replay: replayFigures,
};

const isKind = (command: string): command is PageKind => Object.hasOwn(PAGES, command);

/** A workflow's reports, by their kind and the command that made them (plan and simulate share the kind workflow). */
interface WorkflowReports {
  'workflow plan': WorkflowPlanReport;
  'workflow simulate': WorkflowSimulateReport;
  'workflowCompare plan': WorkflowCompareReport;
  'workflowSweep sweep': WorkflowSweepReport;
  'stream simulate': StreamSimulateReport;
  'streamSweep sweep': StreamSweepReport;
}
type WorkflowPageKind = keyof WorkflowReports;

/** The steps in time for plan and simulate, the patterns compared for plan --compare, the points of a sweep; a stream's latency, environments over time and sweep. */
const WORKFLOW_PAGES: { [K in WorkflowPageKind]: (report: WorkflowReports[K]) => Figure[] } = {
  'workflow plan': (r) => [workflowPlanGantt(r)],
  'workflow simulate': (r) => [workflowSimulateGantt(r)],
  'workflowCompare plan': (r) => [workflowCompareFigure(r)],
  'workflowSweep sweep': (r) => (r.points.length > 0 ? [workflowSweepFigure(r)] : []),
  'stream simulate': (r) => [...streamLatencyFigure(r), ...streamTimelineFigures(r)],
  'streamSweep sweep': streamSweepFigure,
};

const isWorkflowKind = (key: string): key is WorkflowPageKind => Object.hasOwn(WORKFLOW_PAGES, key);

function figuresOf(report: unknown): Figure[] {
  if (typeof report !== 'object' || report === null || !('command' in report) || typeof report.command !== 'string') return [];
  const command = report.command;
  if ('kind' in report) {
    // The kind and the command name the report's type among a workflow's (see src/report/workflow*Report.ts).
    const key = `${String(report.kind)} ${command}`;
    if (!isWorkflowKind(key)) return [];
    const build = WORKFLOW_PAGES[key] as (r: unknown) => Figure[];
    return build(report);
  }
  if (!isKind(command)) return [];
  // The command names the report's type: each command builds exactly one (see src/report/).
  const build = PAGES[command] as (r: unknown) => Figure[];
  return build(report);
}

function metaOf(report: unknown): string {
  if (typeof report !== 'object' || report === null || !('tool' in report)) return 'flyscale';
  const tool = report.tool;
  const version = typeof tool === 'object' && tool !== null && 'version' in tool && typeof tool.version === 'string' ? tool.version : '';
  return `flyscale ${version}`.trim();
}

/** The page: same report, same bytes (no dates, no random ids). */
export function renderHtml(report: unknown, doc: Doc): string {
  return pageHtml({ doc, figures: figuresOf(report), meta: metaOf(report) });
}
