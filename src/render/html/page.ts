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

function figuresOf(report: unknown): Figure[] {
  if (typeof report !== 'object' || report === null || !('command' in report) || typeof report.command !== 'string') return [];
  const command = report.command;
  // A workflow's reports (kind: workflow, workflowCompare, workflowSweep) have no charts yet: the page shows their tables.
  if (!isKind(command) || 'kind' in report) return [];
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
