// What `check` hands core/check/checkBudget: the budget file read and parsed, and its
// scenarios loaded, planned and simulated the way plan and simulate do it.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { CheckInputs } from '../core/check/checkBudget.js';
import { plan } from '../core/plan.js';
import { simulationTooLarge, type SizeSettings } from '../core/sim/simulationSize.js';
import { parseBudget, type ParsedBudget } from '../config/budget.js';
import { parseSource } from '../config/document.js';
import { InputError } from '../config/errors.js';
import { loadScenario, type Loaded } from '../config/load.js';
import { planFromLoaded } from './planContext.js';
import type { Terminal } from './result.js';
import { STDIN_SOURCE, stdinFor } from './stdin.js';
import { replicate } from './simulation.js';

/** The budget file, or standard input for `-` (its scenario paths are then relative to the working directory). */
export async function readBudgetFile(path: string, term: Terminal): Promise<ParsedBudget> {
  const piped = await stdinFor(path, term);
  if (piped !== undefined) return parseBudget(parseSource(STDIN_SOURCE, piped));
  const cwd = term.cwd;
  let text: string;
  try {
    text = readFileSync(resolve(cwd, path), 'utf8');
  } catch {
    throw new InputError([{ source: path, path: '', problem: 'budget file not found', fix: 'check the path; see examples/budget.yaml' }]);
  }
  return parseBudget(parseSource(path, text));
}

/** How a budget sets the batch size and the runs of a scenario, for a simulation too large to run. */
const sizeSettings = (scenario: string): SizeSettings => ({ batch: `workload.batchSize: N in scenario ${scenario}`, runs: 'simulate: { runs: N }' });

/** Scenario paths are relative to the budget file; an inline scenario is read from the budget file itself, so its problems name the budget's lines. */
export function budgetInputs(budget: ParsedBudget, term: Terminal): CheckInputs<Loaded> {
  const cwd = budget.file === STDIN_SOURCE ? term.cwd : dirname(resolve(term.cwd, budget.file));
  const placeOf = (name: string) => budget.scenarios.find((x) => x.name === name)?.at;
  const poolSlots = (l: Loaded): number => (l.scenario.pool.mode === 'reusable' ? l.scenario.pool.maxReplicas * l.scenario.pool.concurrency : 0);
  return {
    load: (s) => {
      const at = placeOf(s.name);
      return s.path !== null ? loadScenario({ scenarioPath: s.path, ...(at ? { scenarioRef: at } : {}), cwd }) : loadScenario({ scenarioIn: { doc: budget.doc, prefix: ['scenarios', s.name] }, cwd });
    },
    priced: (l) => l.scenario.pricing.perReplicaHour !== null,
    plan: (l) => {
      const p = plan(l.scenario);
      return { report: planFromLoaded('check', l, p), batchSize: p.batch.size };
    },
    tooLarge: (l, name, batchSize, runs) => simulationTooLarge(l.scenario.workload.items, batchSize, runs, sizeSettings(name), poolSlots(l)),
    simulate: (l, batchSize, run, label) => replicate(l.scenario, batchSize, { runs: run.to, seed: run.seed, workers: null, auto: null }, term, label, run.from),
  };
}
