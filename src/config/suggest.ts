// "Did you mean" for unknown keys and names: the closest candidate by edit distance.

export function editDistance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      row.push(Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = row;
  }
  return prev[y.length] ?? 0;
}

/** The nearest candidate within a distance that still looks like a typo, or undefined. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(word, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

export function unknownKeyFix(key: string, candidates: readonly string[]): string {
  const near = closest(key, candidates);
  return near !== undefined
    ? `did you mean "${near}"? (known keys: ${candidates.join(', ')})`
    : `remove it; known keys: ${candidates.join(', ')}`;
}

/**
 * "Did you mean" across sections: a top-level key that is (nearly) a setting of some section,
 * e.g. `itemz:` for `workload.items`. `paths` are dotted `section.key` paths.
 */
export function closestByLeaf(word: string, paths: readonly string[]): string | undefined {
  const leaf = (path: string): string => path.slice(path.lastIndexOf('.') + 1);
  const exact = paths.find((p) => leaf(p).toLowerCase() === word.toLowerCase());
  if (exact !== undefined) return exact;
  const near = closest(word, paths.map(leaf));
  return near === undefined ? undefined : paths.find((p) => leaf(p) === near);
}
