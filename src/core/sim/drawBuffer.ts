// The event loop's draws, taken from blocks drawn ahead. Each overhead phase and the runtime
// has its own block of BLOCK values, refilled from the replication's generator in one tight
// loop when it runs out, so a draw site reads a typed array instead of running a normal
// generator and Math.exp inline: a few bytes of bytecode where a draw was about 500, so the
// optimiser inlines the handlers whole and no result is boxed.
//
// Every value is still a fresh draw from its distribution, independent of everything the
// loop did before it was used (a block is drawn before its values are used, and no decision
// looks at a value before it is taken), so the model is unchanged; what changes is which
// action gets which number of the generator's stream, hence the bytes of seeded outputs.
// A plan drawing one phase only (the yardstick: runtimes alone) takes the same numbers in the
// same order as drawing them one by one.
import type { Rng } from '../random.js';
import { DRAWN_PHASES } from './phaseDraws.js';
import type { SimPlan } from './simPlan.js';

/** Values per block; a power of two. */
const BLOCK = 64;
const SHIFT = 6;
/** The runtime's block comes after the phases'. */
const RUNTIME = DRAWN_PHASES.length;

export class DrawBuffer {
  private readonly values = new Float64Array((RUNTIME + 1) * BLOCK);
  /** Index in `values` of each stream's next value; at the block's end when it is used up. */
  private readonly next = new Int32Array(RUNTIME + 1);
  private readonly perItem = new Float64Array(RUNTIME);
  private readonly last: number;

  constructor(
    private readonly plan: SimPlan,
    private readonly rng: Rng,
  ) {
    for (let i = 0; i <= RUNTIME; i++) this.next[i] = (i + 1) * BLOCK;
    for (let i = 0; i < RUNTIME; i++) this.perItem[i] = plan.perItemSeconds(i);
    // A last batch as large as the others draws from the block like them.
    const last = plan.actions - 1;
    this.last = plan.itemsOf(last) === plan.batchSize ? -1 : last;
  }

  /** A draw of drawn phase `i` (an index into DRAWN_PHASES) for an action of `items` items. */
  phase(i: number, items: number): number {
    const x = this.take(i);
    const perItem = this.perItem[i] ?? 0;
    return perItem === 0 ? x : x + items * perItem;
  }

  /** The runtime of one attempt of `action` (a short last batch is drawn on its own). */
  runtime(action: number): number {
    return action === this.last ? this.plan.runtime(this.rng, action) : this.take(RUNTIME);
  }

  private take(i: number): number {
    let k = this.next[i] ?? 0;
    if (k === (i + 1) << SHIFT) k = this.refill(i);
    this.next[i] = k + 1;
    return this.values[k] ?? 0;
  }

  private refill(i: number): number {
    const from = i << SHIFT;
    if (i === RUNTIME) this.plan.fillRuntime(this.rng, this.values, from, BLOCK);
    else this.plan.fillPhase(this.rng, i, this.values, from, BLOCK);
    return from;
  }
}
