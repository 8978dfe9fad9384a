// Renderers keyed by format: each takes the report and its Doc view and returns text.
import type { Format } from '../cli/result.js';
import type { Doc, RenderOptions } from './doc.js';
import { toJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderText } from './text.js';

export const RENDERERS: Record<Format, (report: unknown, doc: () => Doc, options: RenderOptions) => string> = {
  table: (_report, doc, options) => renderText(doc(), options),
  json: (report) => toJson(report),
  markdown: (_report, doc) => renderMarkdown(doc()),
};
