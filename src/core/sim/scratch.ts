// Per-action arrays of one replication, kept for the next replication in the same thread.
// A replication of a million actions writes 16 MB of them (held seconds and queue waits),
// and a fresh array costs a page fault on the first write to each 4 kB page: on a virtual
// machine that was about 50 ns per action, a twentieth of the whole replication. The arrays
// are read only by reportOf, before simulateReplication returns, so the next replication may
// take them; every value read is written in that replication first.

const kept: Float64Array[] = [];

/**
 * Array `which` (0 or 1) with room for `n` values, zeroed: the one kept from the previous
 * replication when it is large enough. The arrays live as long as the module (a few MB per
 * thread that has simulated a large fan-out).
 */
export function scratchArray(which: number, n: number): Float64Array {
  const had = kept[which];
  if (had !== undefined && had.length >= n) {
    const view = had.subarray(0, n);
    view.fill(0);
    return view;
  }
  const made = new Float64Array(n);
  kept[which] = made;
  return made;
}
