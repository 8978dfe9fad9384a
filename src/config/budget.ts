// Budget files for `flyscale check`: scenarios by name (a file or inline) and assertions on
// report metrics, validated with the file's line numbers kept for CI annotations.
import { parseAssertion } from '../core/check/assertion.js';
import { LEVELS, type Budget, type BudgetAssertion, type BudgetScenario } from '../core/check/budget.js';
import { isStreamMetric, isWorkflowPlanMetric, PLAN_METRICS, SIMULATE_METRICS, STREAM_METRICS } from '../core/check/metrics.js';
import { isWorkflowSimulateMetric, WORKFLOW_SIMULATE_METRICS } from '../core/check/workflowMetrics.js';
import type { SourceDoc } from './document.js';
import { isRecord } from '../core/isRecord.js';
import { InputError, type InputProblem } from './errors.js';
import { parsePercent } from './percent.js';
import { closest, unknownKeyFix } from './suggest.js';

export { LEVELS, type Budget, type BudgetAssertion, type BudgetScenario, type Level } from '../core/check/budget.js';

/** Where a budget names a scenario, for problems with the file it names. */
export type ScenarioPlace = Pick<InputProblem, 'source' | 'path' | 'line' | 'column'>;

/** A budget as read from its file: the file itself, so an inline scenario's problems name its lines, and where each scenario is named. */
export interface ParsedBudget extends Budget {
  doc: SourceDoc;
  scenarios: (BudgetScenario & { at: ScenarioPlace })[];
}

const TOP_KEYS = ['scenarios', 'assertions'];
const ASSERTION_KEYS = ['name', 'scenario', 'assert', 'level', 'simulate', 'maxRegression'];
export const DEFAULT_CHECK_RUNS = 100;
export const DEFAULT_CHECK_SEED = 1;

export function parseBudget(doc: SourceDoc): ParsedBudget {
  const problems: InputProblem[] = [];
  const at = (path: (string | number)[], problem: string, fix: string, key = false): void => {
    problems.push({ source: doc.source, path: path.join('.'), problem, fix, ...(doc.locate(path, key) ?? {}) });
  };
  for (const key of Object.keys(doc.data)) if (!TOP_KEYS.includes(key)) at([key], `unknown key "${key}"`, unknownKeyFix(key, TOP_KEYS), true);
  const scenarios: ParsedBudget['scenarios'] = [];
  const rawScenarios = doc.data.scenarios;
  if (!isRecord(rawScenarios) || Object.keys(rawScenarios).length === 0) at(['scenarios'], 'expected a mapping of scenario names to files or inline scenarios', 'write scenarios: { nightly: scenarios/nightly.yaml } (see examples/budget.yaml)');
  else {
    for (const [name, value] of Object.entries(rawScenarios)) {
      const place = { source: doc.source, path: `scenarios.${name}`, ...(doc.locate(['scenarios', name]) ?? {}) };
      if (typeof value === 'string') scenarios.push({ name, path: value, data: null, at: place });
      else if (isRecord(value)) scenarios.push({ name, path: null, data: value, at: place });
      else at(['scenarios', name], 'expected a scenario file path or an inline scenario', 'write a path such as scenarios/nightly.yaml');
    }
  }
  const names = scenarios.map((s) => s.name);
  const assertions: BudgetAssertion[] = [];
  const rawAssertions = doc.data.assertions;
  if (!Array.isArray(rawAssertions) || rawAssertions.length === 0) at(['assertions'], 'expected a list of assertions', 'write assertions: [{ name: ..., scenario: ..., assert: fanout.actions <= 20000 }] (see examples/budget.yaml)');
  else {
    const seen = new Map<string, number>();
    rawAssertions.forEach((raw: unknown, i) => {
      const line = doc.locate(['assertions', i])?.line ?? 1;
      const name = isRecord(raw) && typeof raw.name === 'string' ? raw.name : undefined;
      const first = name !== undefined ? seen.get(name) : undefined;
      if (name !== undefined && first !== undefined) at(['assertions', i, 'name'], `duplicate assertion name "${name}" (first at line ${first})`, 'give each assertion its own name');
      if (name !== undefined && first === undefined) seen.set(name, line);
      const parsed = parseOne(raw, i, names, at);
      const assertAt = doc.locate(['assertions', i, 'assert']);
      if (parsed) assertions.push({ ...parsed, line, ...(assertAt ? { assertAt } : {}) });
    });
  }
  if (problems.length) throw new InputError(problems);
  return { file: doc.source, doc, scenarios, assertions };
}

type At = (path: (string | number)[], problem: string, fix: string, key?: boolean) => void;

function parseOne(raw: unknown, i: number, scenarios: string[], at: At): Omit<BudgetAssertion, 'line'> | null {
  const path = ['assertions', i];
  if (!isRecord(raw)) {
    at(path, 'expected an assertion with name, scenario and assert', 'write { name: ..., scenario: ..., assert: fanout.actions <= 20000 }');
    return null;
  }
  let ok = true;
  const bad: At = (p, problem, fix, key) => {
    ok = false;
    at(p, problem, fix, key);
  };
  for (const key of Object.keys(raw)) if (!ASSERTION_KEYS.includes(key)) bad([...path, key], `unknown key "${key}"`, unknownKeyFix(key, ASSERTION_KEYS), true);
  const name = typeof raw.name === 'string' && raw.name.trim() !== '' ? raw.name : `assertion ${i + 1}`;
  if (typeof raw.name !== 'string' || raw.name.trim() === '') bad([...path], 'missing name', 'add name: a short description of the budget');
  const scenario = typeof raw.scenario === 'string' ? raw.scenario : scenarios.length === 1 ? (scenarios[0] ?? '') : '';
  if (!scenarios.includes(scenario)) {
    const near = closest(String(raw.scenario ?? ''), scenarios);
    bad([...path, 'scenario'], raw.scenario === undefined ? 'missing scenario' : `no scenario named "${String(raw.scenario)}"`, `${near ? `did you mean "${near}"? ` : ''}scenarios in this file: ${scenarios.join(', ') || 'none'}`);
  }
  const level = raw.level === undefined ? 'error' : LEVELS.find((l) => l === raw.level);
  if (level === undefined) bad([...path, 'level'], `"${String(raw.level)}" is not a level`, 'write error or warn');
  let simulate: BudgetAssertion['simulate'] = null;
  if (raw.simulate !== undefined) {
    const s = raw.simulate === true ? {} : raw.simulate;
    const runs = isRecord(s) ? (s.runs ?? DEFAULT_CHECK_RUNS) : undefined;
    const seed = isRecord(s) ? (s.seed ?? DEFAULT_CHECK_SEED) : undefined;
    if (!isRecord(s) || Object.keys(s).some((k) => k !== 'runs' && k !== 'seed')) bad([...path, 'simulate'], 'expected { runs, seed }', 'write simulate: { runs: 200, seed: 7 }');
    else if (typeof runs !== 'number' || !Number.isInteger(runs) || runs < 2) bad([...path, 'simulate', 'runs'], `${String(runs)} is not a run count of 2 or more`, 'write runs: 200');
    else if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > 4_294_967_295) bad([...path, 'simulate', 'seed'], `${String(seed)} is not a whole-number seed`, 'write seed: 7');
    else simulate = { runs, seed };
  }
  let maxRegression: number | null = null;
  if (raw.maxRegression !== undefined) {
    const p = parsePercent(raw.maxRegression);
    if (p === undefined) bad([...path, 'maxRegression'], `${JSON.stringify(raw.maxRegression)} is not a percentage`, 'write maxRegression: 10%');
    else maxRegression = p;
  }
  if (typeof raw.assert !== 'string') {
    bad([...path, 'assert'], 'missing assert', 'write assert: fanout.actions <= 20000');
    return null;
  }
  const parsed = parseAssertion(raw.assert);
  // The metric is checked before the value: its name decides the value's unit, so a
  // misspelt name would otherwise be reported as a bad value.
  if (!parsed.ok && parsed.metric === undefined) {
    bad([...path, 'assert'], parsed.problem, parsed.fix);
    return null;
  }
  const metric = parsed.ok ? parsed.value.metric : (parsed.metric ?? '');
  // A simulate: that is present but bad was reported above; do not also ask for one.
  const asksSimulation = raw.simulate !== undefined;
  // Which scenario is a workflow is known only once it is loaded: a workflow's metric on a
  // scenario file (or the other way round) is "has no value" from the check.
  // A stream's metrics (docs/streams.md) likewise need a scenario with arrivals.
  const simulated = (m: string): boolean => SIMULATE_METRICS.includes(m) || isWorkflowSimulateMetric(m) || isStreamMetric(m);
  const known = asksSimulation ? [...SIMULATE_METRICS, ...STREAM_METRICS, ...PLAN_METRICS] : PLAN_METRICS;
  if (!known.includes(metric) && !isWorkflowPlanMetric(metric) && !(asksSimulation && isWorkflowSimulateMetric(metric))) {
    if (!asksSimulation && simulated(metric)) bad([...path, 'assert'], `${metric} is a simulated metric`, 'add simulate: { runs: 200, seed: 7 } to this assertion');
    else {
      // Suggest from every metric; a simulated one also needs `simulate:`, and the hint says so.
      const all = [...PLAN_METRICS, ...SIMULATE_METRICS, ...WORKFLOW_SIMULATE_METRICS, ...STREAM_METRICS.filter((m) => !WORKFLOW_SIMULATE_METRICS.includes(m))];
      const near = closest(metric, all) ?? nearestByLeaf(metric, all);
      const needsSimulate = near !== undefined && !asksSimulation && simulated(near) ? ' (with simulate: { runs: 200, seed: 7 })' : '';
      bad([...path, 'assert'], `unknown metric "${metric}"`, near ? `did you mean "${near}"${needsSimulate}?` : `metrics: ${known.join(', ')}`);
    }
    return null;
  }
  if (!parsed.ok) {
    bad([...path, 'assert'], parsed.problem, parsed.fix);
    return null;
  }
  return ok && level !== undefined ? { name, scenario, assertion: parsed.value, level, simulate, maxRegression } : null;
}

function nearestByLeaf(metric: string, known: readonly string[]): string | undefined {
  const leaf = metric.split('.').pop() ?? metric;
  return known.find((k) => k.endsWith(`.${leaf}`));
}
