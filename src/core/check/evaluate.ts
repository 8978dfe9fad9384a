// Verdicts for budget assertions: pass | fail | inconclusive (a simulated metric whose 95%
// interval straddles the budget), and regressions against a baseline that respect noise.
import { holds, type Assertion } from './assertion.js';

export const VERDICTS = ['pass', 'fail', 'inconclusive'] as const;
export type Verdict = (typeof VERDICTS)[number];

export interface Observation {
  value: number;
  /** 95% confidence interval of a simulated metric; absent for closed-form metrics. */
  ci95?: readonly [number, number];
  /** Replications behind the interval. */
  runs?: number;
}

/** A previous check's value under an assertion's name (--baseline). */
export interface BaselineEntry extends Observation {
  /** The metric the baseline measured under this name; compared only when it is the same. */
  metric: string | null;
}

export interface Evaluation {
  verdict: Verdict;
  /** For inconclusive: about how many runs would put the interval clear of the budget. */
  runsToSettle: number | null;
}

export function evaluate(a: Assertion, obs: Observation): Evaluation {
  const ci = obs.ci95;
  if (ci && ci[0] < a.value && a.value < ci[1] && a.op !== '==') {
    // The half-width shrinks as 1/sqrt(runs): it must fall below the distance to the budget.
    const half = halfWidth(obs.value, ci);
    const distance = Math.abs(obs.value - a.value);
    const runs = obs.runs ?? 0;
    const runsToSettle = distance > 0 && runs > 0 ? Math.ceil(runs * (half / distance) ** 2) : null;
    return { verdict: 'inconclusive', runsToSettle };
  }
  return { verdict: holds(obs.value, a.op, a.value) ? 'pass' : 'fail', runsToSettle: null };
}

export interface Regression {
  baseline: number;
  /** (current − baseline) / |baseline|, signed. */
  change: number;
  /** Worse by more than the threshold and more than the noise of both measurements. */
  regressed: boolean;
  /** Worse beyond the threshold, but within the noise: not flagged. */
  withinNoise: boolean;
}

/** "Worse" follows the budget's direction: up for < and <=, down for > and >=, any change for ==. */
export function compareBaseline(a: Assertion, current: Observation, baseline: Observation, threshold: number): Regression {
  const diff = current.value - baseline.value;
  const change = baseline.value !== 0 ? diff / Math.abs(baseline.value) : diff === 0 ? 0 : Math.sign(diff);
  const worse = a.op === '<' || a.op === '<=' ? change : a.op === '>' || a.op === '>=' ? -change : Math.abs(change);
  const beyond = worse > threshold;
  const noise = 1.96 * Math.hypot(standardError(current), standardError(baseline));
  const withinNoise = beyond && Math.abs(diff) <= noise;
  return { baseline: baseline.value, change, regressed: beyond && !withinNoise, withinNoise };
}

/**
 * The half-width of a 95% interval about its value: the wider side, so an interval cut at 0
 * (summarize.ts) keeps the half-width it had, and an order-statistic interval is not narrowed.
 */
function halfWidth(value: number, ci: readonly [number, number]): number {
  return Math.max(ci[1] - value, value - ci[0]);
}

/** Standard error from a 95% interval (half-width / 1.96); zero for closed-form values. */
function standardError(o: Observation): number {
  return o.ci95 ? halfWidth(o.value, o.ci95) / 1.96 : 0;
}
