// Regular expressions for unsigned decimals (120, 0.5, .25, 030) within a bound, so a JSON
// Schema can carry the same bounds as the CLI on values with units ("at least 30s"): JSON
// Schema compares numbers, not the number inside "30s", and a pattern per unit can.
// Bounds are taken to 12 decimal places, rounded toward the inside of the range.

const PLACES = 12;

/** The bound as [integer part without leading zeros, fraction without trailing zeros]. */
function digits(bound: number, direction: 'up' | 'down'): [string, string] {
  // toFixed gives the double's decimal expansion rounded to the nearest; step one place inward.
  const nearest = bound.toFixed(PLACES);
  let whole = BigInt(nearest.replace('.', ''));
  if (direction === 'up' && Number(nearest) < bound) whole += 1n;
  if (direction === 'down' && Number(nearest) > bound) whole -= 1n;
  const text = whole.toString().padStart(PLACES + 1, '0');
  return [text.slice(0, -PLACES).replace(/^0+(?=\d)/, ''), text.slice(-PLACES).replace(/0+$/, '')];
}

const above = (d: string): string => (d === '8' ? '9' : `[${Number(d) + 1}-9]`);
const below = (d: string, lowest = 0): string => (Number(d) - 1 === lowest ? String(lowest) : `[${lowest}-${Number(d) - 1}]`);
const rest = (n: number): string => (n > 0 ? `\\d{${n}}` : '');

/** Integers of n's length (no leading zero) that are greater (or less) than n. */
function sameLength(n: string, greater: boolean): string[] {
  const out: string[] = [];
  for (let i = 0; i < n.length; i++) {
    const d = n.charAt(i);
    const lowest = i === 0 ? 1 : 0;
    if (greater ? d === '9' : Number(d) <= lowest) continue;
    out.push(`${n.slice(0, i)}${greater ? above(d) : below(d, lowest)}${rest(n.length - i - 1)}`);
  }
  return out;
}

const OPTIONAL_FRACTION = '(\\.\\d+)?';

/** An unsigned decimal ≥ `bound`. */
export function atLeast(bound: number): string {
  const [int, frac] = digits(bound, 'up');
  // A greater integer part, with any fraction.
  const greater = int === '0' ? ['[1-9]\\d*'] : [`[1-9]\\d{${int.length},}`, ...sameLength(int, true)];
  const alts = greater.map((x) => `0*${x}${OPTIONAL_FRACTION}`);
  // The same integer part, with a fraction ≥ frac.
  const head = int === '0' ? '0*' : `0*${int}`;
  if (frac === '') alts.push(int === '0' ? `(0+${OPTIONAL_FRACTION}|0*\\.\\d+)` : `${head}${OPTIONAL_FRACTION}`);
  else {
    for (let i = 0; i < frac.length; i++) if (frac.charAt(i) !== '9') alts.push(`${head}\\.${frac.slice(0, i)}${above(frac.charAt(i))}\\d*`);
    alts.push(`${head}\\.${frac}\\d*`);
  }
  return `(${alts.join('|')})`;
}

/** An unsigned decimal ≤ `bound`. */
export function atMost(bound: number): string {
  const [int, frac] = digits(bound, 'down');
  const alts: string[] = [];
  if (int !== '0') {
    // A smaller integer part (zero, none as in ".5", fewer digits, or as many and less), any fraction.
    alts.push(`(0+${OPTIONAL_FRACTION}|0*\\.\\d+)`);
    const smaller = [...(int.length > 1 ? [`[1-9]\\d{0,${int.length - 2}}`] : []), ...sameLength(int, false)];
    alts.push(...smaller.map((x) => `0*${x}${OPTIONAL_FRACTION}`));
  }
  // The same integer part, with a fraction ≤ frac: none, a prefix of it, less at some digit, or it and zeros.
  const head = int === '0' ? '0*' : `0*${int}`;
  alts.push(int === '0' ? '0+' : head);
  for (let i = 0; i < frac.length; i++) {
    if (frac.charAt(i) !== '0') alts.push(`${head}\\.${frac.slice(0, i)}${below(frac.charAt(i))}\\d*`);
    if (i > 0) alts.push(`${head}\\.${frac.slice(0, i)}`);
  }
  alts.push(`${head}\\.${frac}0*`.replace(/\\\.0\*$/, '\\.0+'));
  return `(${alts.join('|')})`;
}
