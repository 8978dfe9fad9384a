// Where processor sharing keeps each replica's next finish: one keyed event per replica on the
// agenda (replicas offset + 0 … of one environment are keys offset + 0 …). A class, not an
// object of closures made per replication: the optimiser then sees the same call target in
// every replication (new closures were a "wrong call target" deoptimisation each time) and
// inlines it.
import { RUN_END } from './eventKinds.js';
import type { EventQueue } from './eventQueue.js';
import type { FinishAgenda } from './processorSharing.js';

export class ReplicaFinishes implements FinishAgenda {
  constructor(
    private readonly events: EventQueue,
    private readonly offset: number,
  ) {}

  set(replica: number, finishSeconds: number, version: number): void {
    const key = this.offset + replica;
    this.events.pushKeyed(key, finishSeconds, RUN_END, key, version);
  }

  clear(replica: number): void {
    this.events.clearKeyed(this.offset + replica);
  }
}
