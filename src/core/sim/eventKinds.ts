// The kinds of event in one replication (MODEL §6); each fits in the 4 bits the event
// queue keeps for a kind.

/** An action's inputs are uploaded; it asks the token bucket (only when the rate is limited). */
export const BUCKET = 0;
/** An action is enqueued: a cache hit, or it joins the slot queue. */
export const ENQUEUED = 1;
/** An action on a shared-CPU replica starts its runtime. */
export const RUN_START = 2;
/** The next runtime on a shared-CPU replica ends (id: the replica; aux: version of the finish time). */
export const RUN_END = 3;
/** An attempt leaves its slot: done, or failed. */
export const ATTEMPT_END = 4;
/** A failed attempt's backoff is over; the action queues again. */
export const RETRY = 5;
/** The parent has downloaded an action's outputs. */
export const DONE = 6;
/** A replica finishes its cold start. */
export const REPLICA_READY = 7;
/** A replica's scaledown TTL is over (aux: the idle epoch it was armed in). */
export const SCALEDOWN = 8;
/** The pool's idle TTL is over (aux: the pool's idle epoch). */
export const POOL_IDLE = 9;
