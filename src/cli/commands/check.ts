// flyscale check BUDGET: load the budget and its scenarios, let core/check/checkBudget judge
// every assertion (plans and simulations passed in), write the report, gate CI by the verdict.
import { resolve } from 'node:path';
import { checkBudget, DEFAULT_MAX_REGRESSION } from '../../core/check/checkBudget.js';
import { INCONCLUSIVE_POLICIES } from '../../core/check/outcome.js';
import { parsePercent } from '../../config/percent.js';
import { InputError } from '../../config/errors.js';
import { toolVersion } from '../../config/version.js';
import { checkDoc } from '../../render/checkDoc.js';
import { CHECK_FORMATS } from '../../render/formats.js';
import { toJson } from '../../render/json.js';
import { renderMarkdown } from '../../render/markdown.js';
import { renderCheck } from '../../render/registry.js';
import { checkReport } from '../../report/checkReport.js';
import { toolOf } from '../../report/header.js';
import { writeFileAtomic } from '../atomicWrite.js';
import { budgetInputs, readBudgetFile } from '../budgetInputs.js';
import { readBaseline } from '../checkBaseline.js';
import { verdictIf } from '../exitCode.js';
import { oneOf } from '../flags.js';
import type { CheckOptions } from '../options.js';
import type { CommandResult, Terminal } from '../result.js';
import { formatOf } from '../scenarioOptions.js';
import { appendStepSummary } from '../stepSummary.js';

export async function runCheck(budgetPath: string, options: CheckOptions, term: Terminal): Promise<CommandResult> {
  const format = formatOf(options, CHECK_FORMATS);
  const policy = oneOf(options.inconclusive, INCONCLUSIVE_POLICIES, '--inconclusive', 'warn');
  const maxRegression = options.maxRegression === undefined ? DEFAULT_MAX_REGRESSION : parsePercent(options.maxRegression);
  if (maxRegression === undefined) throw new InputError([{ source: '--max-regression', path: '', problem: `${String(options.maxRegression)} is not a percentage`, fix: 'write e.g. --max-regression 10%' }]);
  const baseline = options.baseline === undefined ? null : readBaseline(resolve(term.cwd, options.baseline));
  const budget = await readBudgetFile(budgetPath, term);
  const result = await checkBudget(budget, { policy, maxRegression, baseline }, budgetInputs(budget, term));
  if (!result.ok) throw new InputError(result.problems.map((p) => ({ source: budget.file, column: 1, ...p })));
  const report = checkReport(toolOf(toolVersion()), budget.file, policy, result);
  // With --format html, --out takes the page (and stdout stays empty), as for the other commands.
  const page = format === 'html' ? await renderCheck(report, format, term) : null;
  if (options.out !== undefined) writeFileAtomic(resolve(term.cwd, options.out), page ?? toJson(report));
  if (page !== null) return { stdout: options.out !== undefined ? '' : page, verdict: verdictIf(report.passed) };
  if (format === 'github' && term.env.GITHUB_STEP_SUMMARY) appendStepSummary(term.env.GITHUB_STEP_SUMMARY, renderMarkdown(checkDoc(report)));
  return { stdout: await renderCheck(report, format, term), verdict: verdictIf(report.passed) };
}
