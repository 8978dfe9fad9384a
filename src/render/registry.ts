// Renderers keyed by format: each takes the report and its Doc view and returns text.
// The table renderer (cli-table3, chalk) loads only when a table is asked for.
import type { Format } from '../cli/result.js';
import type { Doc, RenderOptions } from './doc.js';
import { toJson } from './json.js';
import { renderMarkdown } from './markdown.js';

export type Renderer = (report: unknown, doc: () => Doc, options: RenderOptions) => Promise<string>;

export const RENDERERS: Record<Format, Renderer> = {
  table: async (_report, doc, options) => (await import('./text.js')).renderText(doc(), options),
  json: async (report) => toJson(report),
  markdown: async (_report, doc) => renderMarkdown(doc()),
  // A separate chunk in the CLI bundle (scripts/build.mjs): Plot and its DOM load only for a page.
  html: async (report, doc) => (await import('./html/page.js')).renderHtml(report, doc()),
};
