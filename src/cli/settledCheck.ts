// check: a simulated assertion observed over replications [0, n), n growing in the schedule of
// core/check/settle.ts until its verdict is settled or the assertion's `simulate.runs`. The
// replications of one scenario and seed are shared between assertions (replication r is the same
// whichever asks first), and each verdict depends only on its own prefix of them.
import type { Assertion } from '../core/check/assertion.js';
import type { Observation } from '../core/check/evaluate.js';
import { observeSimulated } from '../core/check/observe.js';
import { nextCheckRuns } from '../core/check/settle.js';
import type { Replication } from '../core/sim/types.js';

export async function observeUntilSettled(
  a: Assertion,
  maxRuns: number,
  shared: Replication[],
  more: (from: number, to: number) => Promise<Replication[]>,
): Promise<Observation | undefined> {
  let done = 0;
  let obs: Observation | undefined;
  for (;;) {
    const next = nextCheckRuns(a, obs, done, maxRuns);
    if (next.done) return obs;
    if (shared.length < next.runs) shared.push(...(await more(shared.length, next.runs)));
    done = next.runs;
    obs = observeSimulated(a.metric, shared.slice(0, done));
    if (obs === undefined) return undefined;
  }
}
