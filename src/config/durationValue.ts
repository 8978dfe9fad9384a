// The value forms of a duration (MODEL §2) and of a transfer, turned into core distributions.
import { empirical, fixed, lognormalFromMedianP95, DIST_KINDS, Z95, type Dist } from '../core/distribution.js';
import type { Phase } from '../core/model.js';
import { isRecord } from '../core/isRecord.js';
import { parseBandwidth, parseDuration } from '../core/units.js';
import { BANDWIDTH, DURATION, outside, SIGMA } from './bounds.js';
import { unknownKeyFix } from './suggest.js';

export type ValueResult<T> = { ok: true; value: T } | { ok: false; subpath: string; problem: string; fix: string };

const fail = (subpath: string, problem: string, fix: string): { ok: false; subpath: string; problem: string; fix: string } => ({
  ok: false,
  subpath,
  problem,
  fix,
});

/** Re-exported for the config modules that import it from here. */

const FORMS = 'a duration (120ms), samples ([110ms, 95ms]), { median: 100ms, p95: 300ms } or { dist: lognormal, median: 10s, sigma: 0.5 }';

function seconds(raw: unknown, subpath: string): ValueResult<number> {
  const parsed = parseDuration(raw);
  if (!parsed.ok) return fail(subpath, parsed.problem, parsed.fix);
  return outside(DURATION, parsed.value, '', true) ? fail(subpath, `"${String(raw).trim()}" is longer than a year`, 'write a duration of at most 8760h') : parsed;
}

function checkKeys(obj: Record<string, unknown>, allowed: readonly string[], subpath: string): ValueResult<null> {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) return fail(`${subpath}.${key}`.replace(/^\./, ''), `unknown key "${key}"`, unknownKeyFix(key, allowed));
  }
  for (const key of allowed) if (!(key in obj)) return fail(subpath, `missing "${key}"`, `add ${key}: (${allowed.join(', ')} are needed)`);
  return { ok: true, value: null };
}

function positiveNumber(raw: unknown, subpath: string, what: string): ValueResult<number> {
  return typeof raw === 'number' && Number.isFinite(raw) && raw >= 0 ? { ok: true, value: raw } : fail(subpath, `${JSON.stringify(raw)} is not ${what}`, `write a number ≥ 0, e.g. 0.5`);
}

function explicit(obj: Record<string, unknown>): ValueResult<Dist> {
  const kind = obj.dist;
  const withDist = (keys: string[]): ValueResult<null> => checkKeys(obj, ['dist', ...keys], '');
  switch (kind) {
    case 'fixed': {
      const k = withDist(['value']);
      if (!k.ok) return k;
      const v = seconds(obj.value, 'value');
      return v.ok ? { ok: true, value: fixed(v.value) } : v;
    }
    case 'uniform': {
      const k = withDist(['min', 'max']);
      if (!k.ok) return k;
      const min = seconds(obj.min, 'min');
      if (!min.ok) return min;
      const max = seconds(obj.max, 'max');
      if (!max.ok) return max;
      return max.value < min.value ? fail('max', `max (${String(obj.max)}) is below min (${String(obj.min)})`, 'make max ≥ min') : { ok: true, value: { kind: 'uniform', min: min.value, max: max.value } };
    }
    case 'exponential': {
      const k = withDist(['mean']);
      if (!k.ok) return k;
      const m = seconds(obj.mean, 'mean');
      return m.ok ? { ok: true, value: { kind: 'exponential', mean: m.value } } : m;
    }
    case 'lognormal': {
      const k = 'p95' in obj ? withDist(['median', 'p95']) : withDist(['median', 'sigma']);
      if (!k.ok) return k;
      if ('p95' in obj) return medianP95(obj);
      const median = seconds(obj.median, 'median');
      if (!median.ok) return median;
      const sigma = positiveNumber(obj.sigma, 'sigma', 'a sigma');
      if (!sigma.ok) return sigma;
      const wide = outside(SIGMA, sigma.value, String(obj.sigma));
      if (wide) return fail('sigma', `${wide.problem}: a lognormal that wide has a mean over 268,000 times its median`, `${wide.fix}; a measured sigma is usually below 2`);
      if (median.value <= 0) return fail('median', 'median must be above 0', 'write a positive duration');
      return { ok: true, value: { kind: 'lognormal', mu: Math.log(median.value), sigma: sigma.value } };
    }
    case 'empirical': {
      const k = withDist(['samples']);
      if (!k.ok) return k;
      return samples(obj.samples, 'samples');
    }
    default:
      return fail('dist', `unknown distribution ${JSON.stringify(kind)}`, `use one of ${DIST_KINDS.join(', ')}`);
  }
}

function samples(raw: unknown, subpath: string): ValueResult<Dist> {
  if (!Array.isArray(raw) || raw.length === 0) return fail(subpath, 'expected a non-empty list of durations', 'write [110ms, 95ms, 130ms]');
  const values: number[] = [];
  for (const [i, item] of raw.entries()) {
    const s = seconds(item, `${subpath}[${i}]`.replace(/^\[/, '['));
    if (!s.ok) return s;
    values.push(s.value);
  }
  return { ok: true, value: empirical(values) };
}

function medianP95(obj: Record<string, unknown>): ValueResult<Dist> {
  const median = seconds(obj.median, 'median');
  if (!median.ok) return median;
  const p95 = seconds(obj.p95, 'p95');
  if (!p95.ok) return p95;
  if (median.value <= 0) return fail('median', 'median must be above 0', 'write a positive duration, or a fixed value 0s');
  if (p95.value < median.value) return fail('p95', `p95 (${String(obj.p95)}) is below the median (${String(obj.median)})`, 'make p95 ≥ median');
  // sigma = ln(p95/median) / 1.6449 must stay within the bound on sigma.
  const widest = Math.exp(SIGMA.max * Z95);
  if (p95.value / median.value > widest) return fail('p95', `p95 (${String(obj.p95)}) is more than ${Math.floor(widest)} times the median (${String(obj.median)}): a lognormal sigma above ${SIGMA.max}`, 'check the units of both; a measured p95 is rarely more than 100 times the median');
  return { ok: true, value: p95.value === median.value ? fixed(median.value) : lognormalFromMedianP95(median.value, p95.value) };
}

export function parseDurationValue(raw: unknown): ValueResult<Dist> {
  if (Array.isArray(raw)) return samples(raw, '');
  if (isRecord(raw)) {
    if ('dist' in raw) return explicit(raw);
    const keys = checkKeys(raw, ['median', 'p95'], '');
    return keys.ok ? medianP95(raw) : fail(keys.subpath, keys.problem, `${keys.fix}; a duration is ${FORMS}`);
  }
  const s = seconds(raw, '');
  return s.ok ? { ok: true, value: fixed(s.value) } : s;
}

/** A transfer: a duration value, or { latency: <duration>, bandwidth: 80MB/s }. */
export function parseTransferValue(raw: unknown): ValueResult<Phase> {
  if (isRecord(raw) && ('latency' in raw || 'bandwidth' in raw)) {
    const keys = checkKeys(raw, ['latency', 'bandwidth'], '');
    if (!keys.ok) return keys;
    const latency = parseDurationValue(raw.latency);
    if (!latency.ok) return { ...latency, subpath: `latency${latency.subpath ? '.' : ''}${latency.subpath}` };
    const bw = parseBandwidth(raw.bandwidth);
    if (!bw.ok) return fail('bandwidth', bw.problem, bw.fix);
    if (bw.value <= 0) return fail('bandwidth', 'bandwidth must be above 0', 'write e.g. 80MB/s');
    const out = outside(BANDWIDTH, bw.value, `"${String(raw.bandwidth).trim()}"`, true);
    if (out) return fail('bandwidth', out.problem, `${out.fix}, e.g. 80MB/s`);
    return { ok: true, value: { latency: latency.value, bandwidthBytesPerSecond: bw.value } };
  }
  const latency = parseDurationValue(raw);
  return latency.ok ? { ok: true, value: { latency: latency.value, bandwidthBytesPerSecond: null } } : latency;
}
