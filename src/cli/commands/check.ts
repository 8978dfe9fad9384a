// flyscale check BUDGET: run each scenario (closed form, or simulated when an assertion asks),
// evaluate the assertions, compare with a baseline, and gate CI through the exit code.
import { appendFileSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { unitOf } from '../../core/check/assertion.js';
import { compareBaseline, evaluate, type Observation } from '../../core/check/evaluate.js';
import { observeSimulated } from '../../core/check/observe.js';
import { parseBudget, parsePercent, type BudgetAssertion, type BudgetScenario } from '../../config/budget.js';
import { parseSource } from '../../config/document.js';
import { InputError } from '../../config/errors.js';
import { loadScenario, type Loaded } from '../../config/load.js';
import { plan, type Plan } from '../../core/plan.js';
import type { Replication } from '../../core/sim/types.js';
import { checkDoc, formatMetric } from '../../render/checkDoc.js';
import { renderGithub } from '../../render/github.js';
import { toJson } from '../../render/json.js';
import { renderJunit } from '../../render/junit.js';
import { renderMarkdown } from '../../render/markdown.js';
import { RENDERERS } from '../../render/registry.js';
import { outcomeOf, summarizeResults, INCONCLUSIVE_POLICIES, type AssertionResult, type CheckReport, type InconclusivePolicy } from '../../report/checkReport.js';
import { readPath } from '../../report/metrics.js';
import { SCHEMA_VERSION } from '../../report/planReport.js';
import { writeFileAtomic, writeProblem } from '../atomicWrite.js';
import { readBaseline, type BaselineEntry } from '../checkBaseline.js';
import { planFromLoaded } from '../planContext.js';
import type { CommandResult, Terminal } from '../result.js';
import { formatOf } from '../scenarioOptions.js';
import { replicate } from '../simulation.js';
import { toolVersion } from '../version.js';

export const CHECK_FORMATS = ['table', 'json', 'markdown', 'junit', 'github', 'html'] as const;
const DEFAULT_MAX_REGRESSION = 0.1;

function readBudget(path: string, term: Terminal) {
  let text: string;
  try {
    text = readFileSync(resolve(term.cwd, path), 'utf8');
  } catch {
    throw new InputError([{ source: path, path: '', problem: 'budget file not found', fix: 'check the path; see examples/budget.yaml' }]);
  }
  return parseBudget(parseSource(path, text));
}

function option<T extends string>(raw: unknown, allowed: readonly T[], flag: string, fallback: T): T {
  const found = allowed.find((a) => a === (raw ?? fallback));
  if (found === undefined) throw new InputError([{ source: flag, path: '', problem: `"${String(raw)}" is not allowed`, fix: `use one of ${allowed.join(', ')}` }]);
  return found;
}

export async function runCheck(budgetPath: string, options: Record<string, unknown>, term: Terminal): Promise<CommandResult> {
  const format = formatOf(options, CHECK_FORMATS);
  const policy: InconclusivePolicy = option(options.inconclusive, INCONCLUSIVE_POLICIES, '--inconclusive', 'warn');
  const maxRegression = options.maxRegression === undefined ? DEFAULT_MAX_REGRESSION : parsePercent(options.maxRegression);
  if (maxRegression === undefined) throw new InputError([{ source: '--max-regression', path: '', problem: `${String(options.maxRegression)} is not a percentage`, fix: 'write e.g. --max-regression 10%' }]);
  const baseline = typeof options.baseline === 'string' ? readBaseline(resolve(term.cwd, options.baseline)) : null;
  const budget = readBudget(budgetPath, term);
  const baseDir = dirname(resolve(term.cwd, budgetPath));

  const loaded = new Map<string, Loaded>();
  const plans = new Map<string, { plan: Plan; report: unknown }>();
  const scenarioOf = (s: BudgetScenario): Loaded => {
    const hit = loaded.get(s.name);
    if (hit) return hit;
    const l = s.path !== null ? loadScenario({ scenarioPath: s.path, cwd: baseDir }) : loadScenario({ scenarioData: s.data ?? {}, cwd: baseDir });
    loaded.set(s.name, l);
    return l;
  };
  // Every scenario is loaded, and every cost assertion checked for a price, before anything
  // runs, so bad input fails fast with exit 2.
  for (const s of budget.scenarios) if (budget.assertions.some((a) => a.scenario === s.name)) scenarioOf(s);
  budget.assertions.forEach((a, i) => {
    const s = budget.scenarios.find((x) => x.name === a.scenario);
    if (s && a.assertion.metric.startsWith('cost.') && scenarioOf(s).scenario.pricing.perReplicaHour === null) {
      throw new InputError([{ source: budget.file, line: a.line, column: 1, path: `assertions.${i}.assert`, problem: `${a.assertion.metric} needs a price, and scenario ${s.name} has none`, fix: 'set pricing.perReplicaHour in the scenario, or assert on replicaSeconds.billed.mean' }]);
    }
  });
  const sims = new Map<string, Replication[]>();

  const results: AssertionResult[] = [];
  for (const a of budget.assertions) {
    const s = budget.scenarios.find((x) => x.name === a.scenario);
    if (!s) continue;
    const l = scenarioOf(s);
    let planned = plans.get(s.name);
    if (!planned) {
      const fresh = plan(l.scenario);
      planned = { plan: fresh, report: planFromLoaded('check', l, fresh) };
      plans.set(s.name, planned);
    }
    const p = planned.plan;
    const closed = readPath(planned.report, a.assertion.metric);
    let obs: Observation | undefined = closed !== undefined ? { value: closed } : undefined;
    if (a.simulate && obs === undefined) {
      const key = `${s.name}/${a.simulate.runs}/${a.simulate.seed}`;
      const reps = sims.get(key) ?? (await replicate(l.scenario, p.batch.size, { ...a.simulate, workers: null }, term, `simulating ${s.name}`));
      sims.set(key, reps);
      obs = observeSimulated(a.assertion.metric, reps);
    }
    if (obs === undefined) {
      throw new InputError([{ source: budget.file, line: a.line, column: 1, path: `assertions.${budget.assertions.indexOf(a)}.assert`, problem: `${a.assertion.metric} has no value for scenario ${s.name}`, fix: a.assertion.metric.startsWith('cost') ? 'set pricing.perReplicaHour in the scenario' : 'assert on another metric' }]);
    }
    results.push(resultOf(a, obs, baseline?.get(a.name), maxRegression, policy));
  }
  const summary = summarizeResults(results);
  const report: CheckReport = { schemaVersion: SCHEMA_VERSION, tool: { name: 'flyscale', version: toolVersion() }, command: 'check', budget: budget.file, inconclusive: policy, summary, passed: summary.failed === 0, assertions: results };
  // With --format html, --out takes the page (and stdout stays empty), as for the other commands.
  const page = format === 'html' ? await RENDERERS.html(report, () => checkDoc(report), term) : null;
  if (typeof options.out === 'string') writeFileAtomic(resolve(term.cwd, options.out), page ?? toJson(report));
  if (page !== null) return { stdout: typeof options.out === 'string' ? '' : page, exitCode: report.passed ? 0 : 1 };
  const summaryFile = term.env.GITHUB_STEP_SUMMARY;
  if (format === 'github' && summaryFile) {
    try {
      appendFileSync(summaryFile, renderMarkdown(checkDoc(report)));
    } catch (error) {
      throw writeProblem(summaryFile, error);
    }
  }
  const stdout = format === 'json' ? toJson(report) : format === 'junit' ? renderJunit(report) : format === 'github' ? renderGithub(report) : format === 'markdown' ? renderMarkdown(checkDoc(report)) : (await import('../../render/text.js')).renderText(checkDoc(report), term);
  return { stdout, exitCode: report.passed ? 0 : 1 };
}

function resultOf(a: BudgetAssertion, obs: Observation, baseEntry: BaselineEntry | undefined, defaultThreshold: number, policy: InconclusivePolicy): AssertionResult {
  const e = evaluate(a.assertion, obs);
  const threshold = a.maxRegression ?? defaultThreshold;
  // A baseline entry of the same name that measured another metric is not comparable.
  const otherMetric = baseEntry !== undefined && baseEntry.metric !== null && baseEntry.metric !== a.assertion.metric ? baseEntry.metric : null;
  const base = otherMetric === null ? baseEntry : undefined;
  const reg = base ? compareBaseline(a.assertion, obs, base, threshold) : null;
  const outcome = outcomeOf(e.verdict, a.level, policy, reg?.regressed === true);
  const f = (x: number): string => formatMetric(a.assertion.metric, x);
  const parts = [e.verdict === 'inconclusive' ? `the budget ${f(a.assertion.value)} lies inside the 95% interval; about ${e.runsToSettle ?? 'many more'} runs would settle it` : e.verdict === 'pass' ? 'within budget' : `over budget by ${f(Math.abs(obs.value - a.assertion.value))}`];
  if (otherMetric !== null) parts.push(`not compared with the baseline, which measured ${otherMetric} under this name`);
  if (reg) {
    const change = Math.abs(reg.change) < 0.0005 ? 0 : reg.change; // never "-0.0%"
    const pct = `${change >= 0 ? '+' : ''}${(change * 100).toFixed(1)}%`;
    parts.push(reg.regressed ? `regressed ${pct} against the baseline (${f(reg.baseline)}), over the ${(threshold * 100).toFixed(0)}% allowed` : reg.withinNoise ? `changed ${pct} against the baseline, within the simulation's noise` : `${pct} against the baseline`);
  }
  return {
    name: a.name,
    scenario: a.scenario,
    metric: a.assertion.metric,
    op: a.assertion.op,
    unit: unitOf(a.assertion.metric),
    budget: a.assertion.value,
    budgetText: a.assertion.written,
    value: obs.value,
    ci95: obs.ci95 ? [obs.ci95[0], obs.ci95[1]] : null,
    runs: obs.runs ?? null,
    seed: obs.runs !== undefined ? (a.simulate?.seed ?? null) : null,
    verdict: e.verdict,
    level: a.level,
    outcome,
    runsToSettle: e.runsToSettle,
    baseline: reg ? { value: reg.baseline, change: reg.change, threshold, regressed: reg.regressed, withinNoise: reg.withinNoise } : null,
    message: parts.join('; '),
    line: a.line,
  };
}
