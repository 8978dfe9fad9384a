// The run engine's own kinds of event, after the single fan-out's (eventKinds.ts, 0-9); all
// fit in the 4 bits the event queue keeps for a kind.

/** A run arrives (id: the run); the next run's arrival is scheduled then. */
export const RUN_ARRIVE = 10;
/** The run's driver has started (id: the run): its steps without `after` start. */
export const DRIVER_READY = 11;
/** A sub-parent has started (id: the source): it submits its children. */
export const SOURCE_START = 12;
/** A sub-parent has ended after its last child (id: the source). */
export const SOURCE_END = 13;
/** A trace or local step's drawn duration is over (id: the step of the run). */
export const STEP_END = 14;
