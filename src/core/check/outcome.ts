// What a verdict means for the gate: the outcome of each assertion after its level and the
// --inconclusive policy, and the counts of a whole check.
import type { MetricUnit, Operator } from './assertion.js';
import type { Level } from './budget.js';
import type { Verdict } from './evaluate.js';

export const OUTCOMES = ['pass', 'warn', 'fail'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const INCONCLUSIVE_POLICIES = ['fail', 'warn', 'pass'] as const;
export type InconclusivePolicy = (typeof INCONCLUSIVE_POLICIES)[number];

export interface AssertionResult {
  name: string;
  scenario: string;
  metric: string;
  op: Operator;
  /** The unit of budget, value and ci95, read from the metric's name. */
  unit: MetricUnit;
  /** The budget in the metric's unit (seconds, bytes or a plain number). */
  budget: number;
  budgetText: string;
  value: number;
  ci95: [number, number] | null;
  runs: number | null;
  seed: number | null;
  verdict: Verdict;
  level: Level;
  /** What the verdict means for the exit code, after the level and --inconclusive. */
  outcome: Outcome;
  runsToSettle: number | null;
  baseline: { value: number; change: number; threshold: number; regressed: boolean; withinNoise: boolean } | null;
  message: string;
  /** Line of the assertion in the budget file, for CI annotations. */
  line: number;
}

export interface CheckSummary {
  assertions: number;
  passed: number;
  warned: number;
  failed: number;
  /** Inconclusive verdicts, whatever outcome the policy gave them. */
  inconclusive: number;
  regressions: number;
}

/** A failed assertion fails the check at level error and warns at level warn; an inconclusive one follows the policy. */
export function outcomeOf(verdict: Verdict, level: Level, policy: InconclusivePolicy, regressed: boolean): Outcome {
  const failing = verdict === 'fail' || regressed || (verdict === 'inconclusive' && policy === 'fail');
  if (failing) return level === 'error' ? 'fail' : 'warn';
  return verdict === 'inconclusive' && policy === 'warn' ? 'warn' : 'pass';
}

export function summarizeResults(results: readonly AssertionResult[]): CheckSummary {
  return {
    assertions: results.length,
    passed: results.filter((r) => r.outcome === 'pass').length,
    warned: results.filter((r) => r.outcome === 'warn').length,
    failed: results.filter((r) => r.outcome === 'fail').length,
    inconclusive: results.filter((r) => r.verdict === 'inconclusive').length,
    regressions: results.filter((r) => r.baseline?.regressed === true).length,
  };
}

/** Inconclusive verdicts among the assertions of one outcome: where the summary line puts them. */
export function inconclusiveAmong(results: readonly AssertionResult[], outcome: Outcome): number {
  return results.filter((r) => r.outcome === outcome && r.verdict === 'inconclusive').length;
}
