// One Flyte 2 action as JSON: an ActionDetails (with attempts and phase transitions, from
// `ActionDetails.to_json()`) or a lightweight Action of `flyte -of json-raw get action RUN`
// (status only). Either spelling of the field names; enums by name or number.
import type { Attempt, ImportedAction, RecordPlace, Transition } from '../../core/import/types.js';
import { actionPhase, cacheStatus, type EnumResult } from './enums.js';
import { isRecord } from '../../core/isRecord.js';
import { arrayField, field, intField, objectField, stringField } from './fields.js';
import type { Clock } from './time.js';

export type ActionResult = { ok: true; action: ImportedAction; form: 'details' | 'list' } | { ok: false; path: string; problem: string; fix: string; action: string | null };

class Bad {
  constructor(readonly path: string, readonly problem: string, readonly fix: string) {}
}

const EXPORT_FIX = 'export every action with ActionDetails (docs/importing.md), or pass --skip-bad-rows to skip it';

function need<T>(result: EnumResult<T>, path: string): T {
  if (!result.ok) throw new Bad(path, result.problem, result.fix);
  return result.value;
}

function time(clock: Clock, record: Record<string, unknown>, key: string, path: string, required: boolean): number | null {
  const raw = field(record, key);
  if (raw === undefined) {
    if (required) throw new Bad(`${path}${key}`, `has no ${key}`, EXPORT_FIX);
    return null;
  }
  const at = typeof raw === 'string' ? clock.at(raw) : null;
  if (at === null) throw new Bad(`${path}${key}`, `${JSON.stringify(raw)} is not an RFC 3339 timestamp`, 'write it as 2025-06-01T09:00:00.123456789Z');
  return at;
}

function transitions(clock: Clock, list: unknown[], path: string): Transition[] {
  return list.map((raw, i) => {
    const at = `${path}phaseTransitions[${i}].`;
    const t = isRecord(raw) ? raw : {};
    return { phase: need(actionPhase(field(t, 'phase')), `${at}phase`), startSeconds: time(clock, t, 'startTime', at, true) ?? 0, endSeconds: time(clock, t, 'endTime', at, false) };
  });
}

function attempt(clock: Clock, raw: unknown, i: number): Attempt {
  const path = `attempts[${i}].`;
  if (!isRecord(raw)) throw new Bad(`attempts[${i}]`, 'an attempt must be an object', EXPORT_FIX);
  const number = intField(raw, 'attempt');
  return {
    attempt: number === null || number === 0 ? i + 1 : number,
    phase: need(actionPhase(field(raw, 'phase')), `${path}phase`),
    startSeconds: time(clock, raw, 'startTime', path, true) ?? 0,
    endSeconds: time(clock, raw, 'endTime', path, false),
    cacheStatus: need(cacheStatus(field(raw, 'cacheStatus')), `${path}cacheStatus`),
    transitions: transitions(clock, arrayField(raw, 'phaseTransitions'), path),
  };
}

/** The reuse policy anywhere in the task spec (its template's place differs between versions). */
function reusePolicy(value: unknown, depth = 0): ImportedAction['reusePolicy'] {
  if (!isRecord(value) || depth > 6) return null;
  const policy = field(value, 'reusePolicy');
  if (isRecord(policy)) {
    const replicas = objectField(policy, 'replicas');
    const min = intField(policy, 'minReplicas') ?? intField(replicas, 'min') ?? 0;
    const max = intField(policy, 'maxReplicas') ?? intField(replicas, 'max') ?? 0;
    return { minReplicas: min, maxReplicas: Math.max(min, max), concurrency: Math.max(1, intField(policy, 'concurrency') ?? 1) };
  }
  for (const v of Object.values(value)) {
    const found = reusePolicy(v, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

export function readFlyte2Action(raw: unknown, place: RecordPlace, clock: Clock): ActionResult {
  let name: string | null = null;
  try {
    if (!isRecord(raw)) throw new Bad('', 'an action must be a JSON object', EXPORT_FIX);
    const id = objectField(raw, 'id');
    name = stringField(id, 'name');
    const run = stringField(objectField(id, 'run'), 'name');
    if (name === null || run === null) throw new Bad('id', 'has no run name or action name (id.run.name, id.name)', 'this does not look like a Flyte 2 action; name the format with --from');
    const metadata = objectField(raw, 'metadata');
    const task = objectField(metadata, 'task');
    const status = objectField(raw, 'status');
    const hasAttempts = field(raw, 'attempts') !== undefined;
    const attempts = arrayField(raw, 'attempts').map((a, i) => attempt(clock, a, i));
    const counted = intField(status, 'attempts');
    const action: ImportedAction = {
      run,
      name,
      parent: stringField(metadata, 'parent'),
      group: stringField(metadata, 'group'),
      taskName: stringField(objectField(task, 'id'), 'name'),
      taskType: stringField(task, 'taskType'),
      phase: need(actionPhase(field(status, 'phase')), 'status.phase'),
      startSeconds: time(clock, status, 'startTime', 'status.', true) ?? 0,
      endSeconds: time(clock, status, 'endTime', 'status.', false),
      cacheStatus: need(cacheStatus(field(status, 'cacheStatus')), 'status.cacheStatus'),
      attempts,
      statusAttempts: counted ?? attempts.length,
      reusePolicy: reusePolicy(field(raw, 'task')),
      place,
    };
    return { ok: true, action, form: hasAttempts ? 'details' : 'list' };
  } catch (error) {
    if (error instanceof Bad) return { ok: false, path: error.path, problem: error.problem, fix: error.fix, action: name };
    throw error;
  }
}
