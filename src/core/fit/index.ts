// Fitting measured timings into profile values (issue 5).
export { erf, erfc, normalCdf, normalPdf } from './normal.js';
export { summarize, quantilePoints, type Summary } from './summary.js';
export { ksDistance, ksCritical, KS_COEFFICIENT_5PCT } from './ks.js';
export { fitLognormal, type LognormalFit, type LognormalResult } from './lognormal.js';
export { leastSquares, type LineFit } from './leastSquares.js';
export { farOutFences, countOutside, isOutside, FENCE_IQRS, type Fences, type OutlierScale } from './outliers.js';
export { samplesForP95Lognormal, samplesForP95Empirical, MIN_SAMPLES, P95_RELATIVE_HALF_WIDTH } from './adequacy.js';
export { chooseDuration, DEFAULT_CHOOSE_OPTIONS, FIT_FORMS, type ChooseOptions, type DurationFit, type FitForm } from './choose.js';
export { describeNote, NOTE_SEVERITY, type FitNote, type FitNoteCode, type Severity } from './notes.js';
export { PhaseSamples, MeasurementSet } from './samples.js';
export { fitTransfer, type TransferFit, type TransferOutcome } from './transfer.js';
export { fitPhase, toPhase, DEFAULT_FIT_OPTIONS, type FitOptions, type PhaseFit } from './fitPhase.js';
export { fitSet, type FitSetOptions } from './fitSet.js';
