// flyscale plan: overhead, batch size, fan-out, concurrency, estimate and findings; with
// --simulate, the simulated makespan beside the closed form (loaded only then).
import { InputError } from '../../config/errors.js';
import { REPORT_FORMATS } from '../../render/formats.js';
import { planDoc } from '../../render/planDoc.js';
import { workflowPlanDoc } from '../../render/workflowPlanDoc.js';
import { workflowCompareDoc } from '../../render/workflowCompareDoc.js';
import { verdictOf } from '../exitCode.js';
import type { PlanOptions } from '../options.js';
import { planFromOptions } from '../planContext.js';
import { output } from '../output.js';
import type { CommandResult, Terminal } from '../result.js';
import { formatOf } from '../scenarioOptions.js';
import { workflowFromOptions } from '../workflowPlan.js';

export async function runPlan(scenarioPath: string | undefined, options: PlanOptions, term: Terminal): Promise<CommandResult> {
  const format = formatOf(options, REPORT_FORMATS);
  // Never silently ignored: the simulation flags mean nothing without --simulate.
  const stray = (['runs', 'seed', 'workers'] as const).find((k) => options[k] !== undefined);
  if (options.simulate !== true && options.compare !== true && stray !== undefined) {
    throw new InputError([{ source: `--${stray}`, path: '', problem: `--${stray} applies only with --simulate or --compare`, fix: `add --simulate, or leave out --${stray}` }]);
  }
  const workflow = workflowFromOptions('plan', scenarioPath, options, term);
  if (workflow !== null) {
    const refused = (['simulate', 'p95'] as const).find((k) => options[k] === true);
    if (refused !== undefined) throw new InputError([{ source: `--${refused}`, path: '', problem: `--${refused} does not apply to a workflow file yet`, fix: `leave out --${refused}` }]);
    if (options.compare === true) {
      const { compareWorkflow } = await import('../workflowCompare.js');
      const c = compareWorkflow(workflow, options);
      return { stdout: await output(format, c, () => workflowCompareDoc(c), term, options.out), verdict: verdictOf(c.findings) };
    }
    const r = workflow.report;
    return { stdout: await output(format, r, () => workflowPlanDoc(r), term, options.out), verdict: verdictOf(r.findings) };
  }
  if (options.compare === true) throw new InputError([{ source: '--compare', path: '', problem: '--compare compares the patterns of the steps of a workflow file', fix: 'give a workflow file (one with steps:), e.g. examples/workflows/inference-chain.yaml' }]);
  const { loaded, report } = await planFromOptions('plan', scenarioPath, options, term);
  if (options.simulate === true) {
    const { withSimulation } = await import('../planSimulation.js');
    const shown = await withSimulation(report, loaded.scenario, options, term);
    return { stdout: await output(format, shown.report, shown.doc, term, options.out), verdict: verdictOf(shown.report.findings) };
  }
  return { stdout: await output(format, report, () => planDoc(report), term, options.out), verdict: verdictOf(report.findings) };
}
