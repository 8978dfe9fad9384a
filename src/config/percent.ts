// Percentages as a person writes them (`10%`, `2.5 %`) read as a share (0.1, 0.025): one
// reader for budget files' maxRegression, check's --max-regression, replay's --tolerance and
// simulate's --precision.

const PERCENT = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/;

/** `10%` -> 0.1; undefined for anything else (no sign, no exponent, the % required). */
export function percentShare(text: string): number | undefined {
  const m = PERCENT.exec(text);
  return m ? Number(m[1]) / 100 : undefined;
}

/** A budget's maxRegression: a YAML number (already a share) or a `%` string; finite and ≥ 0. */
export function parsePercent(raw: unknown): number | undefined {
  // A finite share only: .inf or 1e400% would allow any regression and print as null.
  if (typeof raw === 'number') return Number.isFinite(raw) && raw >= 0 ? raw : undefined;
  const share = typeof raw === 'string' ? percentShare(raw) : undefined;
  return share !== undefined && Number.isFinite(share) ? share : undefined;
}
