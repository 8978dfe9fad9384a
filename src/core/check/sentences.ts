// The sentences of a check: each part of an assertion's message has a code and its facts;
// the words live here, once, as the findings' do in core/findings.ts.
import { formatMetric, formatQuantity } from './metrics.js';

export interface CheckFacts {
  withinBudget: Record<string, never>;
  overBudget: { metric: string; by: number };
  inconclusive: { metric: string; budget: number; runsToSettle: number | null };
  otherBaselineMetric: { baselineMetric: string };
  regressed: { metric: string; change: number; baseline: number; threshold: number };
  changedWithinNoise: { change: number };
  changed: { change: number };
}
export type CheckSentence = keyof CheckFacts;

/** A signed percentage with one decimal; never "-0.0%". */
const percent = (change: number): string => {
  const c = Math.abs(change) < 0.0005 ? 0 : change;
  return `${c >= 0 ? '+' : ''}${(c * 100).toFixed(1)}%`;
};

const SAY: { [C in CheckSentence]: (f: CheckFacts[C]) => string } = {
  withinBudget: () => 'within budget',
  overBudget: (f) => `over budget by ${formatQuantity(f.metric, f.by)}`,
  inconclusive: (f) => `the budget ${formatMetric(f.metric, f.budget)} lies inside the 95% interval; about ${f.runsToSettle ?? 'many more'} runs would settle it`,
  otherBaselineMetric: (f) => `not compared with the baseline, which measured ${f.baselineMetric} under this name`,
  regressed: (f) => `regressed ${percent(f.change)} against the baseline (${formatMetric(f.metric, f.baseline)}), over the ${(f.threshold * 100).toFixed(0)}% allowed`,
  changedWithinNoise: (f) => `changed ${percent(f.change)} against the baseline, within the simulation's noise`,
  changed: (f) => `${percent(f.change)} against the baseline`,
};

export function say<C extends CheckSentence>(code: C, facts: CheckFacts[C]): string {
  const sentence: (f: CheckFacts[C]) => string = SAY[code];
  return sentence(facts);
}
