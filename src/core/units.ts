// Units at the edge: every quantity inside core is in seconds, bytes or per-second.
// Parsers return a result instead of throwing so the config layer can say where it went wrong.

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string; fix: string };

export const DURATION_SECONDS = { ms: 0.001, s: 1, m: 60, h: 3600 } as const;
/** Rates are counts per second, per minute (m or min) or per hour. */
export const RATE_SECONDS = { s: 1, m: 60, min: 60, h: 3600 } as const;
export const SIZE_BYTES = {
  B: 1,
  KB: 1e3,
  MB: 1e6,
  GB: 1e9,
  TB: 1e12,
  KiB: 1024,
  MiB: 1024 ** 2,
  GiB: 1024 ** 3,
  TiB: 1024 ** 4,
} as const;

const NUMBER = String.raw`(\d+(?:\.\d+)?(?:e[+-]?\d+)?|\.\d+)`;
const DURATION_RE = new RegExp(`^${NUMBER}\\s*(ms|s|m|h)$`);
const SIZE_RE = new RegExp(`^${NUMBER}\\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$`);
const RATE_RE = new RegExp(`^${NUMBER}\\s*/\\s*(s|min|m|h)$`);
const BANDWIDTH_RE = new RegExp(`^${NUMBER}\\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)\\s*/\\s*s$`);

function factor(table: Readonly<Record<string, number>>, unit: string | undefined): number {
  // The regular expressions only match units present in the table.
  return (unit !== undefined ? table[unit] : undefined) ?? Number.NaN;
}

function describe(raw: unknown): string {
  return typeof raw === 'string' ? `"${raw}"` : JSON.stringify(raw) ?? String(raw);
}

/** 1e400s reads as Infinity seconds (and 1e306h overflows): no quantity, so a problem. */
function finite(raw: unknown, value: number, example: string): Parsed<number> {
  if (Number.isFinite(value)) return { ok: true, value };
  return { ok: false, problem: `${describe(typeof raw === 'string' ? raw.trim() : raw)} is too large to be a number`, fix: `write a finite value, e.g. ${example}` };
}

export function parseDuration(raw: unknown): Parsed<number> {
  if (typeof raw === 'number') {
    return {
      ok: false,
      problem: `${raw} has no unit`,
      fix: `write ${raw}ms or ${raw}s (units: ms, s, m, h)`,
    };
  }
  const match = typeof raw === 'string' ? DURATION_RE.exec(raw.trim()) : null;
  if (!match) {
    return { ok: false, problem: `${describe(raw)} is not a duration`, fix: 'write a number with a unit: 120ms, 1.5s, 2m, 1h' };
  }
  return finite(raw, Number(match[1]) * factor(DURATION_SECONDS, match[2]), '30m');
}

export function parseSize(raw: unknown): Parsed<number> {
  if (typeof raw === 'number') {
    return { ok: false, problem: `${raw} has no unit`, fix: `write ${raw}B, ${raw}KB or ${raw}MiB (decimal KB/MB/GB, binary KiB/MiB/GiB)` };
  }
  const match = typeof raw === 'string' ? SIZE_RE.exec(raw.trim()) : null;
  if (!match) {
    return { ok: false, problem: `${describe(raw)} is not a size`, fix: 'write a number with a unit: 512B, 4KB, 10MiB, 2GiB' };
  }
  return finite(raw, Number(match[1]) * factor(SIZE_BYTES, match[2]), '10MiB');
}

export function parseRate(raw: unknown): Parsed<number> {
  if (typeof raw === 'number') {
    return { ok: false, problem: `${raw} has no unit`, fix: `write ${raw}/s` };
  }
  const match = typeof raw === 'string' ? RATE_RE.exec(raw.trim()) : null;
  if (!match) return { ok: false, problem: `${describe(raw)} is not a rate`, fix: 'write a count per time: 100/s, 600/min, 20/h' };
  return finite(raw, Number(match[1]) / factor(RATE_SECONDS, match[2]), '100/s');
}

export function parseBandwidth(raw: unknown): Parsed<number> {
  if (typeof raw === 'number') {
    return { ok: false, problem: `${raw} has no unit`, fix: `write ${raw}MB/s` };
  }
  const match = typeof raw === 'string' ? BANDWIDTH_RE.exec(raw.trim()) : null;
  if (!match) return { ok: false, problem: `${describe(raw)} is not a bandwidth`, fix: 'write bytes per second: 80MB/s, 1GiB/s' };
  return finite(raw, Number(match[1]) * factor(SIZE_BYTES, match[2]), '80MB/s');
}

/** Human form of seconds for tables: 850ms, 12.4s, 3m 20s, 2h 05m, 3d 04h, 15.9 years. */
export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return '—';
  const abs = Math.abs(seconds);
  if (abs < 0.9995) return `${round(seconds * 1000, abs < 0.01 ? 2 : 0)}ms`;
  if (abs < 59.95) return `${round(seconds, abs < 9.995 ? 2 : 1)}s`;
  const sign = seconds < 0 ? '-' : '';
  if (abs < 3600 - 0.5) {
    const total = Math.round(abs); // round once, so 539.7s is 9m 00s, never 8m 60s
    return `${sign}${Math.floor(total / 60)}m ${String(total % 60).padStart(2, '0')}s`;
  }
  if (abs < DAY - 30) {
    const minutes = Math.round(abs / 60);
    return `${sign}${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, '0')}m`;
  }
  // Days and hours up to a year; beyond, years with three significant digits.
  if (abs < YEAR - 1800) {
    const hours = Math.round(abs / 3600);
    return `${sign}${Math.floor(hours / 24)}d ${String(hours % 24).padStart(2, '0')}h`;
  }
  const years = abs / YEAR;
  return `${sign}${years < 1000 ? String(Number(years.toPrecision(3))) : thousands(Math.round(years))} years`;
}

const DAY = 86_400;
/** 365.25 days. */
const YEAR = 365.25 * DAY;

export function formatBytes(bytes: number): string {
  const steps = [
    ['TiB', 1024 ** 4],
    ['GiB', 1024 ** 3],
    ['MiB', 1024 ** 2],
    ['KiB', 1024],
  ] as const;
  for (const [unit, size] of steps) if (bytes >= size) return `${round(bytes / size, 1)}${unit}`;
  return `${round(bytes, 0)}B`;
}

export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** 1234567 → "1,234,567"; fractions keep their digits (toLocaleString would load ICU data). */
export function thousands(x: number): string {
  const [whole = '', fraction] = String(x).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** A count with its noun, thousands separated: "1 item", "2,000 items". */
export function plural(x: number, one: string, many = `${one}s`): string {
  return `${thousands(x)} ${x === 1 ? one : many}`;
}

/** x with `digits` decimals and separated thousands: decimal(12345.678, 1) = "12,345.7". */
export function decimal(x: number, digits: number): string {
  const [whole = '', fraction] = x.toFixed(digits).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}
