// Flag values every command reads the same way: whole numbers, one of a closed list, and
// --out files that are never overwritten without --force.
import { existsSync } from 'node:fs';
import { InputError } from '../config/errors.js';

export interface WholeNumberRule {
  min: number;
  max?: number;
  /** An example for the fix, e.g. "100" in "write e.g. --runs 100". */
  example: string;
}

/** Digits only (an optional minus, space around): `1e3`, `0x10`, `2.0` and `NaN` are not whole numbers as a person writes them. */
export function wholeNumberText(raw: string): number | undefined {
  const text = raw.trim();
  const value = /^-?\d+$/.test(text) ? Number(text) : Number.NaN;
  return Number.isSafeInteger(value) ? value : undefined;
}

/** A whole-number flag within the rule's range, else bad input that names the flag. */
export function wholeNumber(raw: unknown, flag: string, rule: WholeNumberRule): number {
  const max = rule.max ?? Number.MAX_SAFE_INTEGER;
  const value = wholeNumberText(String(raw));
  if (value === undefined || value < rule.min || value > max) {
    const range = max < Number.MAX_SAFE_INTEGER ? `from ${rule.min} to ${max}` : `≥ ${rule.min}`;
    throw new InputError([{ source: flag, path: '', problem: `${JSON.stringify(raw)} is not a whole number ${range}`, fix: `write e.g. ${flag} ${rule.example}` }]);
  }
  return value;
}

/** The value of a flag that takes one of a closed list, or the fallback when it was not given. */
export function oneOf<T extends string>(raw: string | undefined, allowed: readonly T[], flag: string, fallback: T): T {
  const found = allowed.find((a) => a === (raw ?? fallback));
  if (found === undefined) throw new InputError([{ source: flag, path: '', problem: `"${String(raw)}" is not allowed`, fix: `use one of ${allowed.join(', ')}` }]);
  return found;
}

/** Refuse before any work is done: a long run should not end in a refusal. */
export function refuseOverwrite(target: string, shown: string, force: boolean | undefined): void {
  if (force !== true && existsSync(target)) {
    throw new InputError([{ source: shown, path: '', problem: 'the file exists', fix: 'pass --force to overwrite it, or name another file' }]);
  }
}
