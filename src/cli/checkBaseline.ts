// --baseline: a previous `flyscale check --json` report, read back by assertion name.
import { readFileSync } from 'node:fs';
import type { BaselineEntry } from '../core/check/evaluate.js';
import { InputError } from '../config/errors.js';

export function readBaseline(path: string): Map<string, BaselineEntry> {
  const fail = (problem: string, fix: string): never => {
    throw new InputError([{ source: path, path: '', problem, fix }]);
  };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const missing = typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT';
    return fail(missing ? 'baseline not found' : 'the baseline is not JSON', 'pass a report written by flyscale check --json or --out');
  }
  const assertions = typeof raw === 'object' && raw !== null && 'assertions' in raw && Array.isArray(raw.assertions) ? raw.assertions : null;
  if (assertions === null) return fail('the baseline has no assertions list', 'pass a report written by flyscale check --json or --out');
  const out = new Map<string, BaselineEntry>();
  for (const a of assertions as unknown[]) {
    if (typeof a !== 'object' || a === null || !('name' in a) || !('value' in a) || typeof a.name !== 'string' || typeof a.value !== 'number') continue;
    const ci = 'ci95' in a && Array.isArray(a.ci95) && a.ci95.length === 2 && a.ci95.every((x: unknown) => typeof x === 'number') ? ([a.ci95[0], a.ci95[1]] as [number, number]) : undefined;
    const metric = 'metric' in a && typeof a.metric === 'string' ? a.metric : null;
    out.set(a.name, { value: a.value, metric, ...(ci ? { ci95: ci } : {}) });
  }
  return out;
}
