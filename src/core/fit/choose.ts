// Choose the form of one duration: fixed, lognormal, or the empirical samples themselves.
import { empirical, fixed, type Dist } from '../distribution.js';
import { samplesForP95Empirical, samplesForP95Lognormal } from './adequacy.js';
import { sig } from './format.js';
import { KS_COEFFICIENT_5PCT } from './ks.js';
import { fitLognormal, type LognormalResult } from './lognormal.js';
import { quantilePoints, summarize } from './summary.js';

export const FIT_FORMS = ['fixed', 'lognormal', 'empirical'] as const;
export type FitForm = (typeof FIT_FORMS)[number];

export interface ChooseOptions {
  /** Fixed when the sample SD is at most this share of the mean (default 0.01: 1%). */
  fixedMaxCv: number;
  /** KS critical value coefficient c in c/√n (default 1.36: 5%). */
  ksCoefficient: number;
  /** An empirical form keeps at most this many points, each the mean of a slice (default 200). */
  maxEmpiricalPoints: number;
}

export const DEFAULT_CHOOSE_OPTIONS: ChooseOptions = {
  fixedMaxCv: 0.01,
  ksCoefficient: KS_COEFFICIENT_5PCT,
  maxEmpiricalPoints: 200,
};

export interface DurationFit {
  form: FitForm;
  dist: Dist;
  /** Why this form, in a sentence fragment: "lognormal: KS distance 0.021 ≤ 0.035 (5%, n = 1500)". */
  reason: string;
  lognormal: LognormalResult;
  /** Samples that would put the p95 within ±10% (95% confidence); null when it cannot be said. */
  samplesForP95: number | null;
}

/**
 * Order of preference: fixed when there is (next to) no spread, since a distribution would
 * only add noise; lognormal when the KS test does not reject it, since two parameters
 * extrapolate the tail more sensibly than the samples; otherwise the samples themselves,
 * thinned to evenly spaced quantiles so a million rows make a profile of readable size.
 * `sorted` must be ascending and non-empty.
 */
export function chooseDuration(sorted: ArrayLike<number>, options: ChooseOptions = DEFAULT_CHOOSE_OPTIONS): DurationFit {
  const n = sorted.length;
  const summary = summarize(sorted);
  const lognormal = fitLognormal(sorted, options.ksCoefficient);
  const cv = summary.meanSeconds !== 0 ? summary.sdSeconds / Math.abs(summary.meanSeconds) : summary.sdSeconds === 0 ? 0 : Infinity;
  if (n === 1 || cv <= options.fixedMaxCv) {
    const reason =
      n === 1
        ? 'fixed: a single value'
        : `fixed: the values vary by ${sig(cv * 100, 2)}% of their mean (at most ${sig(options.fixedMaxCv * 100)}%)`;
    return { form: 'fixed', dist: fixed(summary.meanSeconds), reason, lognormal, samplesForP95: 1 };
  }
  const testOf = (d: number, c: number): string => `KS distance ${sig(d, 2)} ${d <= c ? '≤' : '>'} ${sig(c, 2)} (5%, n = ${n})`;
  if (lognormal.ok && lognormal.fit.passes) {
    const { mu, sigma, ksDistance, ksCritical } = lognormal.fit;
    return {
      form: 'lognormal',
      dist: { kind: 'lognormal', mu, sigma },
      reason: `lognormal: ${testOf(ksDistance, ksCritical)}`,
      lognormal,
      samplesForP95: samplesForP95Lognormal(sigma),
    };
  }
  const why = lognormal.ok ? `a lognormal does not fit, ${testOf(lognormal.fit.ksDistance, lognormal.fit.ksCritical)}` : lognormal.problem;
  const points = quantilePoints(sorted, options.maxEmpiricalPoints);
  const thinned = points.length < n ? `; kept as ${points.length} slice means of ${n} values` : '';
  return {
    form: 'empirical',
    dist: empirical(points),
    reason: `empirical: ${why}${thinned}`,
    lognormal,
    samplesForP95: samplesForP95Empirical(sorted),
  };
}
