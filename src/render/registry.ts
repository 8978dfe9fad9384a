// Renderers keyed by format: each takes the report and its Doc view and returns text. The
// tables say which report renders to which format, so a new one cannot be forgotten.
// The table renderer (cli-table3, chalk) loads only when a table is asked for.
import type { CheckReport } from '../report/checkReport.js';
import { checkDoc } from './checkDoc.js';
import type { Doc, RenderOptions } from './doc.js';
import type { Format, ReportFormat } from './formats.js';
import { renderGithub } from './github.js';
import { toJson } from './json.js';
import { renderJunit } from './junit.js';
import { renderMarkdown } from './markdown.js';

export type Renderer<R = unknown> = (report: R, doc: () => Doc, options: RenderOptions) => Promise<string>;

export const RENDERERS = {
  table: async (_report, doc, options) => (await import('./text.js')).renderText(doc(), options),
  json: async (report) => toJson(report),
  markdown: async (_report, doc) => renderMarkdown(doc()),
  // A separate chunk in the CLI bundle (scripts/build.mjs): Plot and its DOM load only for a page.
  html: async (report, doc) => (await import('./html/page.js')).renderHtml(report, doc()),
} satisfies Record<ReportFormat, Renderer>;

const CHECK_RENDERERS = {
  ...RENDERERS,
  junit: async (report) => renderJunit(report),
  github: async (report) => renderGithub(report),
} satisfies Record<Format, Renderer<CheckReport>>;

export function renderCheck(report: CheckReport, format: Format, options: RenderOptions): Promise<string> {
  return CHECK_RENDERERS[format](report, () => checkDoc(report), options);
}
