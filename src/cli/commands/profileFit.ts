// flyscale profile fit: measurement logs in, a commented profile YAML out, with a summary of
// each phase's fit. YAML on stdout puts the summary on stderr; --out puts it on stdout.
import { existsSync } from 'node:fs';
import { basename, dirname, extname, relative, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { formatProblem, InputError } from '../../config/errors.js';
import { LOG_COLUMNS, LOG_FORMATS, MEASURED_PHASES, PROFILE_PHASES, RUNTIME_PHASE, TRANSFER_PHASES, type ColumnMapping, type LogFormat } from '../../config/measurements.js';
import { fitSet } from '../../core/fit/fitSet.js';
import { fitSummaryDoc } from '../../render/fitSummaryDoc.js';
import { toJson } from '../../render/json.js';
import { renderProfileYaml } from '../../render/profileYaml.js';
import { profileFitReport } from '../../report/profileFitReport.js';
import { writeFileAtomic } from '../atomicWrite.js';
import { locatedProblem, readLogs } from '../readLogs.js';
import type { CommandResult, Terminal } from '../result.js';
import { toolVersion } from '../version.js';
import { sourceDate } from '../sourceDate.js';

/** Skipped rows listed on stderr; the rest are counted. */
const SHOWN_BAD_ROWS = 10;

function logFormat(options: Record<string, unknown>): LogFormat | null {
  if (options.format === undefined) return null;
  const found = LOG_FORMATS.find((f) => f === options.format);
  if (found === undefined) {
    throw new InputError([{ source: '--format', path: '', problem: `unknown log format "${String(options.format)}"`, fix: `use one of ${LOG_FORMATS.join(', ')}, or leave it out to detect it` }]);
  }
  return found;
}

function columns(options: Record<string, unknown>): Partial<ColumnMapping> {
  const out: Partial<ColumnMapping> = {};
  for (const column of LOG_COLUMNS) {
    const value = options[`${column}Column`];
    if (typeof value === 'string') out[column] = value;
  }
  return out;
}

export async function runProfileFit(files: readonly string[], options: Record<string, unknown>, term: Terminal, stdin: () => Readable): Promise<CommandResult> {
  const out = typeof options.out === 'string' ? options.out : null;
  const target = out === null ? null : resolve(term.cwd, out);
  // Refuse before reading: a long fit should not end in a refusal.
  if (target !== null && existsSync(target) && options.force !== true) {
    throw new InputError([{ source: out ?? '--out', path: '', problem: 'the file exists', fix: 'pass --force to overwrite it, or name another file' }]);
  }
  if (files.filter((f) => f === '-').length > 1) {
    throw new InputError([{ source: '-', path: '', problem: 'standard input is named more than once', fix: 'pass - once' }]);
  }
  const date = sourceDate(term.env);
  const { set, sources } = await readLogs(
    files,
    { format: logFormat(options), columns: columns(options), skipBadRows: options.skipBadRows === true, phases: MEASURED_PHASES },
    term.cwd,
    stdin,
  );
  const fits = fitSet(set, { trim: options.trim === true, transferPhases: TRANSFER_PHASES });
  const name = typeof options.name === 'string' ? options.name : out !== null ? basename(out, extname(out)) : 'measured';
  // The schema line points at the installed package, relative to where the profile goes.
  const schemaPath = relative(target === null ? term.cwd : dirname(target), resolve(term.cwd, 'node_modules/flyscale/schemas/profile.schema.json')).split(sep).join('/');
  const yaml = renderProfileYaml(fits, { name, sources, date, profilePhases: PROFILE_PHASES, runtimePhase: RUNTIME_PHASE, schemaPath });
  if (target !== null) writeFileAtomic(target, yaml);

  const report = profileFitReport({
    tool: { name: 'flyscale', version: toolVersion() },
    profile: { name, date, out },
    sources,
    fits,
    profilePhases: PROFILE_PHASES,
    runtimePhase: RUNTIME_PHASE,
  });
  const skipped = sources.flatMap((x) => x.skipped);
  const badRows = sources.reduce((sum, x) => sum + x.badRows, 0);
  const notes: string[] = [];
  if (badRows > 0) {
    notes.push(`flyscale: skipped ${badRows} bad row${badRows === 1 ? '' : 's'} (--skip-bad-rows):`);
    notes.push(...skipped.slice(0, SHOWN_BAD_ROWS).map((e) => `  ${formatProblem(locatedProblem(e))}`));
    if (badRows > SHOWN_BAD_ROWS) notes.push(`  … and ${badRows - SHOWN_BAD_ROWS} more`);
  }
  if (options.json === true) {
    if (out === null) notes.push('flyscale: --json without --out: the profile YAML was not written; pass --out FILE');
    return { stdout: toJson(report), stderr: lines(notes), exitCode: 0 };
  }
  const { renderText } = await import('../../render/text.js');
  if (out !== null) {
    notes.push(`next: flyscale plan --profile ${out}`);
    return { stdout: renderText(fitSummaryDoc(report), term), stderr: lines(notes), exitCode: 0 };
  }
  // The YAML owns stdout; the summary is for the person at the terminal.
  const color = term.interactive && term.env.NO_COLOR === undefined && term.env.TERM !== 'dumb';
  const summary = renderText(fitSummaryDoc(report), { color, width: term.width });
  return { stdout: yaml, stderr: `${lines(notes)}${summary}`, exitCode: 0 };
}

const lines = (xs: readonly string[]): string => (xs.length ? `${xs.join('\n')}\n` : '');
