// The parent's enqueue rate limiter (MODEL §6 step 3): a token bucket holding up to
// `capacity` tokens, full at time 0, refilled at `ratePerSecond`, waiters served first come
// first served. Written as the equivalent virtual-scheduling form (GCRA): with emission
// interval T = 1/rate and tolerance tau = (capacity - 1)·T, a request arriving at `a` is
// granted at max(a, tat - tau) and pushes the theoretical arrival time `tat` to
// max(tat, grant) + T. Requests must be presented in order of arrival, which the event loop
// guarantees, so no waiter list is needed.

export class TokenBucket {
  private readonly interval: number;
  private readonly tolerance: number;
  private tat = 0;

  /** A rate that is not a positive finite number means no limit. */
  constructor(ratePerSecond: number, capacity: number = ratePerSecond) {
    const limited = Number.isFinite(ratePerSecond) && ratePerSecond > 0;
    this.interval = limited ? 1 / ratePerSecond : 0;
    this.tolerance = limited ? Math.max(0, capacity - 1) * this.interval : 0;
  }

  /** False when the rate is unlimited: every request is granted on arrival. */
  get limited(): boolean {
    return this.interval !== 0;
  }

  /** The time a request arriving at `arrivalSeconds` takes its token. */
  grant(arrivalSeconds: number): number {
    if (this.interval === 0) return arrivalSeconds;
    const earliest = this.tat - this.tolerance;
    const at = earliest > arrivalSeconds ? earliest : arrivalSeconds;
    this.tat = (this.tat > at ? this.tat : at) + this.interval;
    return at;
  }
}
