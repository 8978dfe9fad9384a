// The plan's Markdown view, as `plan --format markdown` prints it: the table text a user reads.
import { planDoc } from '../../src/render/planDoc.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import type { PlanReport } from '../../src/report/planReport.js';

export const markdownOf = (report: PlanReport): string => renderMarkdown(planDoc(JSON.parse(JSON.stringify(report))));
