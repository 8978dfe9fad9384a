// Fit every phase of a measurement set.
import { DEFAULT_FIT_OPTIONS, fitPhase, type FitOptions, type PhaseFit } from './fitPhase.js';
import type { MeasurementSet } from './samples.js';

export interface FitSetOptions extends Partial<Omit<FitOptions, 'allowTransfer'>> {
  /** Phases that may take the transfer form (the profile's upload and download kinds). */
  transferPhases?: readonly string[];
}

/** One fit per phase, in the order the phases first appear in the logs. */
export function fitSet(set: MeasurementSet, options: FitSetOptions = {}): PhaseFit[] {
  const { transferPhases = [], ...rest } = options;
  const fits: PhaseFit[] = [];
  for (const phase of set.phases) {
    const samples = set.get(phase);
    if (samples === undefined || samples.size === 0) continue;
    fits.push(fitPhase(phase, samples, { ...DEFAULT_FIT_OPTIONS, ...rest, allowTransfer: transferPhases.includes(phase) }));
  }
  return fits;
}
