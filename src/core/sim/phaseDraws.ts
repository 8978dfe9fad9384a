// The overhead phases of one plan as data: each phase's distribution as a kind code and its
// parameters in typed arrays, drawn by one method. Every draw site in the event loop then
// calls the same function whatever the scenario, so the optimiser inlines it, where a closure
// per phase and per distribution made the sites megamorphic (a real call per draw, and its
// result boxed). Same formulas as distribution.sample and phaseSampler, in the same order,
// hence the same numbers from the same generator.
import type { Dist } from '../distribution.js';
import type { Phase, Phases } from '../model.js';
import type { Rng } from '../random.js';

export const DRAWN_PHASES = ['uploadInputs', 'downloadInputs', 'uploadOutputs', 'downloadOutputs', 'enqueue', 'create', 'dispatch'] as const;
export type DrawnPhase = (typeof DRAWN_PHASES)[number];

/** Indices into DRAWN_PHASES. */
export const UPLOAD_INPUTS = 0;
export const DOWNLOAD_INPUTS = 1;
export const UPLOAD_OUTPUTS = 2;
export const DOWNLOAD_OUTPUTS = 3;
export const ENQUEUE = 4;
export const CREATE = 5;
export const DISPATCH = 6;

const KIND = { fixed: 0, uniform: 1, exponential: 2, lognormal: 3, empirical: 4 } as const satisfies Record<Dist['kind'], number>;

export class PhaseDraws {
  private readonly kind = new Int32Array(DRAWN_PHASES.length);
  private readonly a = new Float64Array(DRAWN_PHASES.length);
  private readonly b = new Float64Array(DRAWN_PHASES.length);
  /** Seconds each item adds to a transfer (bytes / bandwidth); 0: no size term. */
  private readonly perItem = new Float64Array(DRAWN_PHASES.length);
  private readonly samples: Array<readonly number[]> = DRAWN_PHASES.map(() => []);

  constructor(phases: Phases, itemInputBytes: number, itemOutputBytes: number) {
    const transfer = (i: number, p: Phase, bytesPerItem: number): void => {
      this.set(i, p.latency);
      const bandwidth = p.bandwidthBytesPerSecond;
      this.perItem[i] = bandwidth === null || bytesPerItem === 0 ? 0 : bytesPerItem / bandwidth;
    };
    transfer(UPLOAD_INPUTS, phases.uploadInputs, itemInputBytes);
    transfer(DOWNLOAD_INPUTS, phases.downloadInputs, itemInputBytes);
    transfer(UPLOAD_OUTPUTS, phases.uploadOutputs, itemOutputBytes);
    transfer(DOWNLOAD_OUTPUTS, phases.downloadOutputs, itemOutputBytes);
    this.set(ENQUEUE, phases.enqueue);
    this.set(CREATE, phases.create);
    this.set(DISPATCH, phases.dispatch);
  }

  /**
   * A draw of phase `i` (an index into DRAWN_PHASES) for an action of `items` items. Kept
   * small so the optimiser inlines it at every site (then its result is never boxed): the
   * common kinds here, the others in `rare`.
   */
  draw(rng: Rng, i: number, items: number): number {
    const kind = this.kind[i];
    const x =
      kind === KIND.lognormal ? Math.exp((this.a[i] ?? 0) + (this.b[i] ?? 0) * rng.normal()) : kind === KIND.fixed ? (this.a[i] ?? 0) : this.rare(rng, i);
    const perItem = this.perItem[i] ?? 0;
    return perItem === 0 ? x : x + items * perItem;
  }

  /** Seconds each item adds to a draw of phase `i` (0: no size term). */
  perItemSeconds(i: number): number {
    return this.perItem[i] ?? 0;
  }

  /**
   * `count` draws of phase `i`'s latency (no size term) into `out` from `from`: the same
   * formulas as draw, one after another from the generator (drawBuffer.ts keeps blocks of them).
   */
  fill(rng: Rng, i: number, out: Float64Array, from: number, count: number): void {
    const kind = this.kind[i];
    const a = this.a[i] ?? 0;
    const b = this.b[i] ?? 0;
    const end = from + count;
    if (kind === KIND.lognormal) {
      rng.fillNormal(out, from, end);
      for (let k = from; k < end; k++) out[k] = Math.exp(a + b * (out[k] ?? 0));
    }
    else if (kind === KIND.fixed) out.fill(a, from, end);
    else for (let k = from; k < end; k++) out[k] = this.rare(rng, i);
  }

  private rare(rng: Rng, i: number): number {
    const a = this.a[i] ?? 0;
    switch (this.kind[i]) {
      case KIND.uniform:
        return a + rng.next() * ((this.b[i] ?? 0) - a);
      case KIND.exponential:
        return -a * Math.log(1 - rng.next());
      default: {
        const samples = this.samples[i] ?? [];
        return samples[Math.floor(rng.next() * samples.length)] ?? 0;
      }
    }
  }

  private set(i: number, d: Dist): void {
    this.kind[i] = KIND[d.kind];
    switch (d.kind) {
      case 'fixed':
        this.a[i] = d.value;
        break;
      case 'uniform':
        this.a[i] = d.min;
        this.b[i] = d.max;
        break;
      case 'exponential':
        this.a[i] = d.mean;
        break;
      case 'lognormal':
        this.a[i] = d.mu;
        this.b[i] = d.sigma;
        break;
      case 'empirical':
        this.samples[i] = d.samples;
        break;
    }
  }
}
