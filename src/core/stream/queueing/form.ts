// Which queueing formula a stream scenario fits (docs/model.md, streams of runs: the analytic
// cross-checks). Plain numbers in, so the caller maps its workflow onto them: one step of one
// action per run on a fixed pool of c slots is a c-slot queue; then Poisson arrivals with
// exponential slot times are M/M/c (Erlang C, exact), other slot times or renewal arrivals are
// M/D/c, M/G/c or G/G/c (Allen–Cunneen, approximate). Anything else has no analytic form.
import { isFixed, mean, variance, type Dist } from '../../distribution.js';
import { allenCunneenMeanWaitSeconds, allenCunneenWaitProbability } from './allenCunneen.js';
import { mmcMeanWaitSeconds, mmcWaitProbability, mmcWaitQuantileSeconds, type MMc } from './erlangC.js';

export const ANALYTIC_FORMS = ['M/M/c', 'M/D/c', 'M/G/c', 'G/G/c'] as const;
export type AnalyticForm = (typeof ANALYTIC_FORMS)[number];

/** How the slot-time (or gap) distribution is drawn: the core's distribution kinds, reduced. */
export const VARIABILITY_KINDS = ['exponential', 'fixed', 'general'] as const;
export type VariabilityKind = (typeof VARIABILITY_KINDS)[number];

export interface StreamScenarioShape {
  stepsPerRun: number;
  actionsPerRun: number;
  /** Slots of the one pool; null when the pool autoscales (no fixed c). */
  fixedSlots: number | null;
  /** Arrivals: 'poisson' (stationary), 'renewal' (a gap distribution) or 'shaped' (a rate profile). */
  arrivals: 'poisson' | 'renewal' | 'shaped';
  arrivalRatePerSecond: number;
  /** Coefficient of variation of the gaps; 1 for Poisson. */
  arrivalCv: number;
  slotTimeKind: VariabilityKind;
  slotMeanSeconds: number;
  /** Coefficient of variation of the slot time: 1 exponential, 0 fixed. */
  slotCv: number;
}

export const NO_FORM_REASONS = ['several-steps', 'several-actions', 'autoscaling-pool', 'shaped-arrivals', 'unstable'] as const;
export type NoFormReason = (typeof NO_FORM_REASONS)[number];

export const NO_FORM_TEXT = {
  'several-steps': 'a run has more than one step, so runs are not single jobs of one queue',
  'several-actions': 'a run has more than one action, so runs are not single jobs of one queue',
  'autoscaling-pool': 'the pool autoscales, so the number of slots is not fixed',
  'shaped-arrivals': 'the arrival rate follows a shape, so the queue never reaches one steady state',
  unstable: 'the offered load is at or above capacity, so the wait grows without bound',
} as const satisfies Record<NoFormReason, string>;

export type FormVerdict = { form: AnalyticForm; exact: boolean; slots: number } | { form: null; reason: NoFormReason };

export function analyticForm(s: StreamScenarioShape): FormVerdict {
  if (s.stepsPerRun !== 1) return { form: null, reason: 'several-steps' };
  if (s.actionsPerRun !== 1) return { form: null, reason: 'several-actions' };
  if (s.fixedSlots === null) return { form: null, reason: 'autoscaling-pool' };
  if (s.arrivals === 'shaped') return { form: null, reason: 'shaped-arrivals' };
  if (!(s.arrivalRatePerSecond * s.slotMeanSeconds < s.fixedSlots)) return { form: null, reason: 'unstable' };
  const slots = s.fixedSlots;
  if (s.arrivals === 'renewal') return { form: 'G/G/c', exact: false, slots };
  const form = ({ exponential: 'M/M/c', fixed: 'M/D/c', general: 'M/G/c' } as const satisfies Record<VariabilityKind, AnalyticForm>)[s.slotTimeKind];
  // With one slot and Poisson arrivals Allen–Cunneen is Pollaczek–Khinchine: exact for M/G/1.
  return { form, exact: form === 'M/M/c' || slots === 1, slots };
}

/** The variability of a core distribution, as analyticForm takes it. */
export function variabilityOf(d: Dist): { kind: VariabilityKind; meanSeconds: number; cv: number } {
  const meanSeconds = mean(d);
  if (d.kind === 'exponential') return { kind: 'exponential', meanSeconds, cv: 1 };
  if (isFixed(d)) return { kind: 'fixed', meanSeconds, cv: 0 };
  return { kind: 'general', meanSeconds, cv: meanSeconds > 0 ? Math.sqrt(variance(d)) / meanSeconds : 0 };
}

/** The analytic wait beside a simulated one: `analytic.wait.*` of the JSON. */
export interface AnalyticWait {
  form: AnalyticForm;
  /** false: Allen–Cunneen's approximation, to be labelled as such. */
  exact: boolean;
  probability: number;
  meanSeconds: number;
  /** p50, p95, p99 of the wait; M/M/c only (null for the approximations). */
  quantileSeconds: { p50: number; p95: number; p99: number } | null;
}

/** Erlang C (exact) or Allen–Cunneen (approximate) wait of a scenario; null without a form. */
export function analyticWait(s: StreamScenarioShape): AnalyticWait | null {
  const verdict = analyticForm(s);
  if (verdict.form === null) return null;
  const { form, exact, slots } = verdict;
  if (form === 'M/M/c') {
    const q: MMc = { arrivalRatePerSecond: s.arrivalRatePerSecond, serviceRatePerSecond: 1 / s.slotMeanSeconds, slots };
    const meanSeconds = mmcMeanWaitSeconds(q);
    const p50 = mmcWaitQuantileSeconds(q, 0.5);
    const p95 = mmcWaitQuantileSeconds(q, 0.95);
    const p99 = mmcWaitQuantileSeconds(q, 0.99);
    if (meanSeconds === null || p50 === null || p95 === null || p99 === null) return null;
    return { form, exact, probability: mmcWaitProbability(q), meanSeconds, quantileSeconds: { p50, p95, p99 } };
  }
  const g = { arrivalRatePerSecond: s.arrivalRatePerSecond, slotMeanSeconds: s.slotMeanSeconds, slots, arrivalCv: s.arrivals === 'poisson' ? 1 : s.arrivalCv, slotCv: s.slotCv };
  const meanSeconds = allenCunneenMeanWaitSeconds(g);
  if (meanSeconds === null) return null;
  return { form, exact, probability: allenCunneenWaitProbability(g), meanSeconds, quantileSeconds: null };
}
