// Waves of a fan-out: ceil(A / C). A partial last wave leaves slots idle, so offer the batch
// size that fills the waves when the partial wave costs more than 10% of the makespan.
import { actionsFor } from './fanout.js';

export interface WaveAlignment {
  batchSize: number;
  actions: number;
  waves: number;
  /** Share of the last wave's slots with work at this batch size; 1 when the waves are full. */
  lastWaveFill: number;
  /** The estimated makespan at this batch size. */
  makespanSeconds: number;
  /** 1 − this makespan / the makespan at the batch size in use: the share of time it saves. */
  saving: number;
}

export interface Waves {
  waves: number;
  /** Share of the last wave's slots that have work, (0, 1]. */
  lastWaveFill: number;
  /** A batch size whose waves are full and that finishes clearly sooner, or null. */
  aligned: WaveAlignment | null;
}

/** Offered when the batch size in use takes more than 10% longer than the aligned one. */
export const WAVE_COST = 0.1;

export interface WaveLimits {
  /** The hard upper bound on a batch (memory, inline), null when none applies. */
  cap: number | null;
  /** The hard lower bound (actions per run). */
  minimum: number;
}

const fill = (actions: number, concurrency: number): { waves: number; lastWaveFill: number } => {
  const waves = Math.ceil(actions / concurrency);
  return { waves, lastWaveFill: waves === 0 ? 1 : (actions - (waves - 1) * concurrency) / concurrency };
};

/**
 * The sizes that fill whole waves next to the one in use: the same number of waves with smaller
 * batches, ceil(N / (w·C)), and one wave fewer with larger ones, ceil(N / ((w − 1)·C)); each is
 * estimated with `makespanOf`, and the sooner one is offered when it beats the size in use by
 * more than WAVE_COST (t_used > 1.1 × t_aligned).
 */
export function waveAlignment(items: number, batchSize: number, concurrency: number, limits: WaveLimits, makespanOf: (batchSize: number) => number): Waves {
  const { waves, lastWaveFill } = fill(actionsFor(items, batchSize), concurrency);
  if (lastWaveFill >= 1 || waves === 0 || !(concurrency > 0)) return { waves, lastWaveFill, aligned: null };
  const candidates = [Math.ceil(items / (waves * concurrency))];
  if (waves > 1) candidates.push(Math.ceil(items / ((waves - 1) * concurrency)));
  const used = makespanOf(batchSize);
  let aligned: WaveAlignment | null = null;
  for (const b of candidates) {
    if (b === batchSize || b < Math.max(1, limits.minimum) || b > items || (limits.cap !== null && b > limits.cap)) continue;
    const makespanSeconds = makespanOf(b);
    if (!(used > (1 + WAVE_COST) * makespanSeconds)) continue;
    if (aligned && aligned.makespanSeconds <= makespanSeconds) continue;
    const actions = actionsFor(items, b);
    aligned = { batchSize: b, actions, ...fill(actions, concurrency), makespanSeconds, saving: 1 - makespanSeconds / used };
  }
  return { waves, lastWaveFill, aligned };
}
