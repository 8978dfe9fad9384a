// Phases a plan uses that no profile, scenario or flag set: flyscale falls back to its built-in
// default, and says so (a fitted profile with no dispatch rows gets a 0s warm dispatch).
import { finding, type Finding } from '../core/findings.js';
import type { Scenario } from '../core/model.js';
import { FIELD_BY_PATH } from './fields.js';
import type { Layer } from './layer.js';

/** The phase settings each kind of action pays (the split directions fall back to these). */
function phasesUsed(s: Scenario): string[] {
  if (s.workload.pattern === 'trace') return ['phases.upload', 'phases.enqueue'];
  const pool = s.pool.mode === 'reusable' ? ['phases.dispatch', 'phases.create'] : ['phases.create'];
  return ['phases.upload', 'phases.download', 'phases.enqueue', ...pool];
}

/** One finding for all of them: `phases.dispatch (0s), phases.create (30s)`. */
export function assumedDefaults(settings: Layer, scenario: Scenario, profile: string): Finding[] {
  const assumed = phasesUsed(scenario)
    .filter((path) => (settings.get(path)?.source ?? 'default') === 'default')
    .map((path) => `${path} (${String(FIELD_BY_PATH.get(path)?.default ?? '')})`);
  return assumed.length ? [finding('defaultAssumed', { settings: assumed.join(', '), count: assumed.length, profile })] : [];
}
