// The actions of one finished Flyte 2 run from the text of one or more files, checked: every
// record readable, every action finished and with attempts, one run only. A bad record stops
// the import (exit 2: the file, the record and the fix) or, with skipBadRows, is counted.
import { InputError, type InputProblem } from '../errors.js';
import { isTerminal, type ImportedAction, type RecordPlace } from '../../core/import/types.js';
import { isFlyte1Details, isFlyte1Spans, readFlyte1Details, readFlyte1Spans } from './flyte1.js';
import { readFlyte2Action } from './flyte2Action.js';
import { splitRecords } from './records.js';
import { Clock } from './time.js';

export interface RunText {
  file: string;
  text: string;
}

/** Flyte 2 action details, the Flyte 2 action list, or a Flyte 1 execution (details or spans). */
export const RUN_FORMS = ['details', 'list', 'flyte1'] as const;
export type RunForm = (typeof RUN_FORMS)[number];

export interface ImportedRun {
  run: string;
  form: RunForm;
  root: ImportedAction | null;
  children: ImportedAction[];
  /** Per file: records read and bad ones skipped. */
  files: { file: string; records: number; badRecords: number; cleaned: { escapes: number; lineBreaks: number } }[];
  skipped: InputProblem[];
  /** The clock's origin: seconds in the run are counted from this UTC time. */
  originIso: string | null;
}

const FORM_NAMES = { details: 'Flyte 2 action details', list: 'Flyte 2 action list', flyte1: 'Flyte 1 execution' } as const satisfies Record<RunForm, string>;

export const UNFINISHED_FIX = 'wait until the run has finished and export it again, or pass --skip-bad-rows to leave unfinished actions out';

const problemAt = (place: RecordPlace, action: string | null, path: string, problem: string, fix: string): InputProblem => ({
  source: place.file,
  ...(place.line > 0 ? { line: place.line, column: 1 } : {}),
  path: [place.path, path].filter((x) => x !== '').join('.').replace(/\.\[/g, '['),
  problem: action !== null ? `action ${action}: ${problem}` : problem,
  fix,
});

export function readRun(texts: readonly RunText[], options: { skipBadRows: boolean; from?: RunForm | null }): ImportedRun {
  const clock = new Clock();
  const skipped: InputProblem[] = [];
  const files: ImportedRun['files'] = [];
  const actions: ImportedAction[] = [];
  let form: ImportedRun['form'] | null = null;
  let run: string | null = null;
  for (const { file, text } of texts) {
    let bad = 0;
    const reject = (p: InputProblem): void => {
      if (!options.skipBadRows) throw new InputError([p]);
      bad++;
      if (skipped.length < 100) skipped.push(p);
    };
    const accept = (a: ImportedAction, recordForm: RunForm, place: RecordPlace): void => {
      if (options.from != null && recordForm !== options.from) {
        reject(problemAt(place, a.name, '', `is a ${FORM_NAMES[recordForm]} record, not a ${FORM_NAMES[options.from]} one (--from ${options.from})`, 'name the format it is with --from, or leave --from out to detect it'));
        return;
      }
      form ??= recordForm;
      run ??= a.run;
      if (a.run !== run) {
        reject(problemAt(place, a.name, 'id.run.name', `belongs to run "${a.run}", not to "${run}" like the records before it`, 'import one run at a time: put each run\'s actions in a folder of its own'));
        return;
      }
      if (recordForm !== form) {
        reject(problemAt(place, a.name, 'attempts', recordForm === 'list' ? 'has no attempts, unlike the records before it' : 'has attempts, unlike the records before it', 'export every action the same way (ActionDetails for all of them)'));
        return;
      }
      if (!isTerminal(a.phase) || a.endSeconds === null) {
        reject(problemAt(place, a.name, 'status.phase', `is ${a.phase}, not finished: the run is still in progress`, UNFINISHED_FIX));
        return;
      }
      if (form !== 'list' && a.attempts.length === 0 && a.parent !== null) {
        reject(problemAt(place, a.name, 'attempts', 'has no attempts', 'export it with ActionDetails.get(...) (docs/importing.md), or pass --skip-bad-rows to skip it'));
        return;
      }
      actions.push(a);
    };
    const split = splitRecords(file, text, ({ value, place }) => {
      if (isFlyte1Details(value) || isFlyte1Spans(value)) {
        const r = isFlyte1Spans(value) ? readFlyte1Spans(value, place, clock) : readFlyte1Details(value, place, clock);
        if (!r.ok) reject(problemAt(place, r.action, r.path, r.problem, r.fix));
        else for (const a of r.actions) accept(a, 'flyte1', place);
        return;
      }
      const r = readFlyte2Action(value, place, clock);
      if (!r.ok) reject(problemAt(place, r.action, r.path, r.problem, r.fix));
      else accept(r.action, r.form, place);
    });
    if (!split.ok) throw new InputError([{ source: split.error.file, line: split.error.line, column: split.error.column, path: '', problem: split.error.problem, fix: split.error.fix }]);
    files.push({ file, records: split.records - bad, badRecords: bad, cleaned: split.cleaned });
  }
  const children = actions.filter((a) => a.parent !== null);
  if (run === null || form === null || children.length === 0) {
    const source = texts[0]?.file ?? 'input';
    throw new InputError([{ source, path: '', problem: actions.length ? 'the run has no child actions to import (only the root)' : 'no action could be read', fix: 'export every action of the run, the children included (docs/importing.md)' }]);
  }
  return { run, form, root: actions.find((a) => a.parent === null) ?? null, children, files, skipped, originIso: clock.originIso };
}
