// The simulator's public surface (MODEL §6).
export { simulateReplication } from './replication.js';
export { simulateMany, type ManyOptions } from './simulateMany.js';
export { summarize, spreadOf } from './summarize.js';
export { batchRuntimeSampler, DRAW_EACH_UP_TO, TAIL_ITEMS } from './batchRuntime.js';
export { slotLimit, inFlightLimit } from './slotLimit.js';
export { MAX_TIMELINE_POINTS } from './timeline.js';
export type { Replication, ReplicationOptions, Summary, Spread, Timeline, TimelinePoint, QueueWait } from './types.js';
