// What `check` hands core/check/checkBudget: the budget file read and parsed, and its
// scenarios loaded, planned and simulated the way plan and simulate do it.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Budget } from '../core/check/budget.js';
import type { CheckInputs } from '../core/check/checkBudget.js';
import { plan } from '../core/plan.js';
import { parseBudget } from '../config/budget.js';
import { parseSource } from '../config/document.js';
import { InputError } from '../config/errors.js';
import { loadScenario, type Loaded } from '../config/load.js';
import { planFromLoaded } from './planContext.js';
import type { Terminal } from './result.js';
import { replicate } from './simulation.js';

export function readBudgetFile(path: string, cwd: string): Budget {
  let text: string;
  try {
    text = readFileSync(resolve(cwd, path), 'utf8');
  } catch {
    throw new InputError([{ source: path, path: '', problem: 'budget file not found', fix: 'check the path; see examples/budget.yaml' }]);
  }
  return parseBudget(parseSource(path, text));
}

/** Scenario paths are relative to the budget file. */
export function budgetInputs(budgetPath: string, term: Terminal): CheckInputs<Loaded> {
  const cwd = dirname(resolve(term.cwd, budgetPath));
  return {
    load: (s) => (s.path !== null ? loadScenario({ scenarioPath: s.path, cwd }) : loadScenario({ scenarioData: s.data ?? {}, cwd })),
    priced: (l) => l.scenario.pricing.perReplicaHour !== null,
    plan: (l) => {
      const p = plan(l.scenario);
      return { report: planFromLoaded('check', l, p), batchSize: p.batch.size };
    },
    simulate: (l, batchSize, run, label) => replicate(l.scenario, batchSize, { ...run, workers: null }, term, label),
  };
}
