// JSON reports: stable key order as built, no NaN or Infinity (they become null), and
// floating-point noise trimmed to 12 significant digits so reports diff cleanly.

export function toJson(report: unknown): string {
  return `${JSON.stringify(
    report,
    (_key, value: unknown) => {
      if (typeof value !== 'number') return value;
      if (!Number.isFinite(value)) return null;
      return Number.isInteger(value) ? value : Number(value.toPrecision(12));
    },
    2,
  )}\n`;
}
