// Options every scenario-reading command shares: --profile, --format/--json, and one flag per
// field of the registry, named after it in kebab-case.
import type { Command } from 'commander';
import { FIELDS, fieldPath, flagName } from '../config/fields.js';
import { InputError } from '../config/errors.js';
import type { Format } from '../render/formats.js';
import type { FormatOptions } from './options.js';

export function addScenarioOptions(cmd: Command, formats: readonly Format[]): Command {
  cmd.option('--profile <name|path>', 'overhead profile: a built-in name (default, flyte-oss, flyte-v1) or a file');
  addFormatOptions(cmd, formats);
  for (const field of FIELDS) {
    const flag = flagName(field);
    // Both forms, so a flag can undo what a profile or scenario set (--no-pod-per-task).
    if (field.kind === 'boolean') cmd.option(`--${flag}`, `${field.help} (${fieldPath(field)})`).option(`--no-${flag}`, `the opposite of --${flag}`);
    else cmd.option(`--${flag} <value>`, `${field.help} (${fieldPath(field)})`);
  }
  return cmd;
}

export function addFormatOptions(cmd: Command, formats: readonly Format[]): Command {
  return cmd.option('--format <format>', `output format: ${formats.join(', ')}`, 'table').option('--json', 'short for --format json');
}

/** Field overrides from parsed options, keyed by field key, as the raw text typed. */
export function fieldFlags(options: { readonly [key: string]: unknown }): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of FIELDS) {
    const value = options[field.key];
    if (value !== undefined) out[field.key] = String(value);
  }
  return out;
}

/** The format asked for, one of the command's own (render/formats.ts). */
export function formatOf<F extends Format>(options: FormatOptions, formats: readonly F[]): F {
  const wanted = options.json === true ? 'json' : String(options.format ?? 'table');
  const found = formats.find((f) => f === wanted);
  if (found === undefined) {
    throw new InputError([{ source: '--format', path: '', problem: `unknown format "${wanted}"`, fix: `use one of ${formats.join(', ')}` }]);
  }
  return found;
}
