// Waves of a fan-out: ceil(A / C). A partial last wave leaves slots idle, so offer the batch
// size that fills the waves when it is close to the chosen one (MODEL §4).
import { actionsFor } from './fanout.js';

export interface WaveAlignment {
  batchSize: number;
  actions: number;
  waves: number;
  /** Share of the last wave's slots with work at this batch size; 1 when the waves are full. */
  lastWaveFill: number;
}

export interface Waves {
  waves: number;
  /** Share of the last wave's slots that have work, (0, 1]. */
  lastWaveFill: number;
  /** A nearby batch size whose waves are full, or null when none is close or needed. */
  aligned: WaveAlignment | null;
}

/** How far (relative) from the chosen batch an aligned size may be and still be offered. */
const CLOSE = 0.25;

export function waveAlignment(items: number, batchSize: number, concurrency: number, cap: number | null): Waves {
  const actions = actionsFor(items, batchSize);
  const waves = Math.ceil(actions / concurrency);
  const lastWaveFill = (actions - (waves - 1) * concurrency) / concurrency;
  if (lastWaveFill >= 1 || waves === 0) return { waves, lastWaveFill, aligned: null };
  // Same number of waves with smaller batches, or one wave fewer with larger ones; the smaller
  // proxy makespan (waves × batch) wins, among sizes within CLOSE of the chosen one.
  const candidates = [Math.ceil(items / (waves * concurrency))];
  if (waves > 1) candidates.push(Math.ceil(items / ((waves - 1) * concurrency)));
  let aligned: WaveAlignment | null = null;
  for (const b of candidates) {
    if (b === batchSize || Math.abs(b - batchSize) / batchSize > CLOSE || (cap !== null && b > cap)) continue;
    const a = actionsFor(items, b);
    const optionWaves = Math.ceil(a / concurrency);
    const option = { batchSize: b, actions: a, waves: optionWaves, lastWaveFill: (a - (optionWaves - 1) * concurrency) / concurrency };
    if (option.waves * b >= waves * batchSize) continue;
    if (!aligned || option.waves * b < aligned.waves * aligned.batchSize) aligned = option;
  }
  return { waves, lastWaveFill, aligned };
}
