// The DAG of `after`: a topological order, or the first cycle found, by name.

export type OrderResult = { ok: true; order: string[] } | { ok: false; cycle: string[] };

/**
 * Kahn-free depth-first order that keeps the declaration order where dependencies allow it.
 * `after` must name only declared steps (config checks that first).
 */
export function topologicalOrder(names: readonly string[], after: (name: string) => readonly string[]): OrderResult {
  const state = new Map<string, 'visiting' | 'done'>();
  const order: string[] = [];
  const stack: string[] = [];
  const visit = (name: string): string[] | null => {
    const seen = state.get(name);
    if (seen === 'done') return null;
    if (seen === 'visiting') return [...stack.slice(stack.indexOf(name)), name];
    state.set(name, 'visiting');
    stack.push(name);
    for (const dep of after(name)) {
      const cycle = visit(dep);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(name, 'done');
    order.push(name);
    return null;
  };
  for (const name of names) {
    const cycle = visit(name);
    // A cycle found walking dependencies reads backwards; say it in the order steps run.
    if (cycle) return { ok: false, cycle: cycle.reverse() };
  }
  return { ok: true, order };
}
