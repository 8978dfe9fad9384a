// A budget as config hands it to the check: scenarios by name and parsed assertions, each
// with its line in the budget file for CI annotations.
import type { Assertion } from './assertion.js';

export const LEVELS = ['error', 'warn'] as const;
export type Level = (typeof LEVELS)[number];

export interface BudgetScenario {
  name: string;
  /** A path relative to the budget file, or the scenario inline. */
  path: string | null;
  data: Record<string, unknown> | null;
}

export interface BudgetAssertion {
  name: string;
  scenario: string;
  assertion: Assertion;
  level: Level;
  simulate: { runs: number; seed: number } | null;
  /** Relative regression allowed against a baseline (0.1 = 10%); null: the --max-regression flag. */
  maxRegression: number | null;
  line: number;
  /** Where its `assert:` value is written, for problems with the metric; the assertion's line when not known. */
  assertAt?: { line: number; column: number };
}

export interface Budget {
  file: string;
  scenarios: BudgetScenario[];
  assertions: BudgetAssertion[];
}
