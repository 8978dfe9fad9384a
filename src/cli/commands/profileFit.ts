// flyscale profile fit: measurement logs in, a commented profile YAML out, with a summary of
// each phase's fit. YAML on stdout puts the summary on stderr; --out puts it on stdout.
import { basename, dirname, extname, relative, resolve, sep } from 'node:path';
import { InputError } from '../../config/errors.js';
import { MEASURED_PHASES, PROFILE_PHASES, RUNTIME_PHASE, TRANSFER_PHASES } from '../../config/measurements.js';
import { toolVersion } from '../../config/version.js';
import { fitSet } from '../../core/fit/fitSet.js';
import { fitSummaryDoc } from '../../render/fitSummaryDoc.js';
import { renderProfileYaml } from '../../render/profileYaml.js';
import { RENDERERS } from '../../render/registry.js';
import { toolOf } from '../../report/header.js';
import { profileFitReport } from '../../report/profileFitReport.js';
import { writeFileAtomic } from '../atomicWrite.js';
import { columns, logFormat, skippedRowNotes } from '../fitInputs.js';
import { refuseOverwrite } from '../flags.js';
import type { ProfileFitOptions } from '../options.js';
import { readLogs } from '../readLogs.js';
import type { CommandResult, Terminal } from '../result.js';
import { sourceDate } from '../sourceDate.js';
import { stdinOf } from '../stdin.js';

export async function runProfileFit(files: readonly string[], options: ProfileFitOptions, term: Terminal): Promise<CommandResult> {
  const out = options.out ?? null;
  const target = out === null ? null : resolve(term.cwd, out);
  if (out !== null && target !== null) refuseOverwrite(target, out, options.force); // before reading: a long fit should not end in a refusal
  if (files.filter((f) => f === '-').length > 1) throw new InputError([{ source: '-', path: '', problem: 'standard input is named more than once', fix: 'pass - once' }]);
  const date = sourceDate(term.env);
  const { set, sources } = await readLogs(files, { format: logFormat(options), columns: columns(options), skipBadRows: options.skipBadRows === true, phases: MEASURED_PHASES }, term.cwd, () => stdinOf(term));
  const fits = fitSet(set, { trim: options.trim === true, transferPhases: TRANSFER_PHASES });
  const name = options.name ?? (out !== null ? basename(out, extname(out)) : 'measured');
  // The schema line points at the installed package, relative to where the profile goes.
  const schemaPath = relative(target === null ? term.cwd : dirname(target), resolve(term.cwd, 'node_modules/flyscale/schemas/profile.schema.json')).split(sep).join('/');
  const yaml = renderProfileYaml(fits, { name, sources, date, profilePhases: PROFILE_PHASES, runtimePhase: RUNTIME_PHASE, schemaPath });
  if (target !== null) writeFileAtomic(target, yaml);
  const report = profileFitReport({ tool: toolOf(toolVersion()), profile: { name, date, out }, sources, fits, profilePhases: PROFILE_PHASES, runtimePhase: RUNTIME_PHASE });
  const notes = skippedRowNotes(sources);
  const summary = (color: boolean): Promise<string> => RENDERERS.table(report, () => fitSummaryDoc(report), { color, width: term.width });
  if (options.json === true) return { stdout: await RENDERERS.json(report), stderr: lines([...notes, ...(out === null ? ['flyscale: --json without --out: the profile YAML was not written; pass --out FILE'] : [])]), verdict: 'pass' };
  if (out !== null) return { stdout: await summary(term.color), stderr: lines([...notes, `next: flyscale plan --profile ${out}`]), verdict: 'pass' };
  // The YAML owns stdout; the summary is for the person at the terminal, in stderr's colour.
  return { stdout: yaml, stderr: `${lines(notes)}${await summary(term.stderrColor)}`, verdict: 'pass' };
}

const lines = (xs: readonly string[]): string => (xs.length ? `${xs.join('\n')}\n` : '');
