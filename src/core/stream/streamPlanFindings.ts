// What `plan` says about a file that describes a stream of runs (docs/streams.md): the offered
// load is a closed form, so an unstable stream is an error already at plan time, with the
// capacity it needs; otherwise a note that plan shows one run and simulate the stream.
import { finding, type Finding } from '../findings.js';
import type { Workflow } from '../workflow/types.js';
import { meanRatePerSecond } from './arrivals.js';
import type { ArrivalsSpec } from './arrivalsSpec.js';
import { formatRate } from './formatRate.js';
import { rateShape } from './rateShape.js';
import { environmentDemand } from './streamDemand.js';
import { stabilityFindings, streamLoad } from './streamStability.js';

export function streamPlanFindings(w: Workflow, batchOf: (step: string) => number, arrivals: ArrivalsSpec): Finding[] {
  const rate = meanRatePerSecond(arrivals);
  const peak = arrivals.shape === null ? rate : rateShape(arrivals.shape, arrivals.periodSeconds).maxRatePerSecond;
  const demand = environmentDemand(w, batchOf);
  const load = streamLoad(demand, rate, peak);
  // Near capacity needs the simulation's run count to say anything; plan leaves it to simulate.
  const stability = stabilityFindings(load, demand, formatRate(rate), arrivals.shape === null ? null : formatRate(peak), 0).filter((f) => f.code !== 'streamNearCapacity');
  return [...stability, finding('streamPlanned', { rate: formatRate(rate), offered: load.offered, binding: load.binding ?? 'none' })];
}
