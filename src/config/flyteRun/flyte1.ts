// Flyte 1 runs: `flytectl get execution NAME --details -o json` (node executions, each with its
// task executions, one per retry) and the metrics span tree (/api/v1/metrics/executions/...).
// Either gives per task the setup (created → started: the queue and the pod start, which Flyte 1
// does not split) and the runtime; they become one attempt each, with an INITIALIZING span for
// the setup and a RUNNING one for the runtime.
import type { ActionPhase, Attempt, CacheStatus, ImportedAction, RecordPlace } from '../../core/import/types.js';
import { FLYTE1_AS_ACTION, cacheStatus, flyte1TaskPhase } from './enums.js';
import { isRecord } from '../../core/isRecord.js';
import { arrayField, field, intField, objectField, stringField } from './fields.js';
import { parseDuration, type Clock } from './time.js';

export type Flyte1Result = { ok: true; actions: ImportedAction[] } | { ok: false; path: string; problem: string; fix: string; action: string | null };

export const isFlyte1Details = (v: unknown): boolean => isRecord(v) && (field(v, 'nodeExec') !== undefined || v.node_exec !== undefined);
export const isFlyte1Spans = (v: unknown): boolean => isRecord(v) && isRecord(v.span);

class Bad {
  constructor(readonly path: string, readonly problem: string, readonly fix: string, readonly action: string | null = null) {}
}

function at(clock: Clock, r: Record<string, unknown>, key: string, path: string): number {
  const raw = field(r, key);
  const t = typeof raw === 'string' ? clock.at(raw) : null;
  if (t === null) throw new Bad(`${path}${key}`, raw === undefined ? `has no ${key}: the execution may still be running` : `${JSON.stringify(raw)} is not an RFC 3339 timestamp`, 'export it once the execution has finished');
  return t;
}

function attemptOf(setupStart: number, started: number, runtime: number, phase: ActionPhase, n: number, cache: CacheStatus): Attempt {
  const end = started + runtime;
  return {
    attempt: n,
    phase,
    startSeconds: setupStart,
    endSeconds: end,
    cacheStatus: cache,
    transitions: [
      { phase: 'INITIALIZING', startSeconds: setupStart, endSeconds: started },
      { phase: 'RUNNING', startSeconds: started, endSeconds: end },
      { phase, startSeconds: end, endSeconds: end },
    ],
    setupSeconds: started - setupStart,
    runtimeSeconds: runtime,
  };
}

function action(run: string, name: string, taskName: string | null, taskType: string | null, attempts: Attempt[], cache: CacheStatus, place: RecordPlace, start: number): ImportedAction {
  const last = attempts[attempts.length - 1];
  return { run, name, parent: 'root', group: taskName, taskName, taskType, phase: last?.phase ?? 'SUCCEEDED', startSeconds: start, endSeconds: last?.endSeconds ?? start, cacheStatus: cache, attempts, statusAttempts: attempts.length, reusePolicy: null, place };
}

/** One wrapper of --details: its node, its task executions, and its child nodes' (a subworkflow, a dynamic). */
export function readFlyte1Details(raw: unknown, place: RecordPlace, clock: Clock, path = ''): Flyte1Result {
  try {
    return { ok: true, actions: details(raw, place, clock, path) };
  } catch (e) {
    if (e instanceof Bad) return { ok: false, path: e.path, problem: e.problem, fix: e.fix, action: e.action };
    throw e;
  }
}

function details(raw: unknown, place: RecordPlace, clock: Clock, path: string): ImportedAction[] {
  if (!isRecord(raw)) throw new Bad(path, 'a node must be an object', 'pass the output of flytectl get execution NAME --details -o json as written');
  const node = objectField(raw, 'nodeExec');
  const id = objectField(node, 'id');
  const nodeId = stringField(id, 'nodeId') ?? '?';
  const run = stringField(objectField(id, 'executionId'), 'name') ?? 'flyte1';
  const out: ImportedAction[] = [];
  arrayField(raw, 'childNodes').forEach((c, i) => out.push(...details(c, place, clock, `${path}child_nodes[${i}].`)));
  const tasks = arrayField(raw, 'taskExecs');
  if (tasks.length === 0 || nodeId === 'start-node' || nodeId === 'end-node') return out;
  const closure = objectField(node, 'closure');
  const cache = cacheStatus(field(objectField(closure, 'taskNodeMetadata'), 'cacheStatus'));
  if (!cache.ok) throw new Bad(`${path}node_exec.closure.taskNodeMetadata.cacheStatus`, cache.problem, cache.fix, nodeId);
  let taskName: string | null = null;
  let taskType: string | null = null;
  const attempts = tasks.map((t, i): [number, Attempt] => {
    const p = `${path}task_execs[${i}].`;
    const task = isRecord(t) ? t : {};
    const tid = objectField(task, 'id');
    taskName ??= stringField(objectField(tid, 'taskId'), 'name');
    const c = objectField(task, 'closure');
    taskType ??= stringField(c, 'taskType');
    const phase = flyte1TaskPhase(field(c, 'phase'));
    if (!phase.ok) throw new Bad(`${p}closure.phase`, phase.problem, phase.fix, nodeId);
    const mapped = FLYTE1_AS_ACTION[phase.value];
    if (!['SUCCEEDED', 'FAILED', 'ABORTED'].includes(mapped)) throw new Bad(`${p}closure.phase`, `is ${phase.value}, not finished: the execution is still in progress`, 'wait until the execution has finished and export it again, or pass --skip-bad-rows', nodeId);
    const created = at(clock, c, 'createdAt', `${p}closure.`);
    const started = field(c, 'startedAt') === undefined ? created : at(clock, c, 'startedAt', `${p}closure.`);
    const rawDuration = field(c, 'duration');
    const runtime = typeof rawDuration === 'string' ? parseDuration(rawDuration) : 0;
    if (runtime === null) throw new Bad(`${p}closure.duration`, `${JSON.stringify(rawDuration)} is not a duration`, 'write it as 12.5s', nodeId);
    const retry = intField(tid, 'retryAttempt') ?? i;
    return [retry, attemptOf(created, started, Math.max(0, runtime), mapped, retry + 1, cache.value)];
  });
  attempts.sort((a, b) => a[0] - b[0]);
  const list = attempts.map(([, a]) => a);
  const nodeCreated = field(closure, 'createdAt') !== undefined ? at(clock, closure, 'createdAt', `${path}node_exec.closure.`) : (list[0]?.startSeconds ?? 0);
  out.push(action(run, nodeId, taskName, taskType, list, cache.value, place, nodeCreated));
  return out;
}

/** The span tree: one action per node span with task spans; TASK_SETUP and TASK_RUNTIME give the attempt. */
export function readFlyte1Spans(raw: unknown, place: RecordPlace, clock: Clock): Flyte1Result {
  try {
    const root = isRecord(raw) ? objectField(raw, 'span') : {};
    const wf = objectField(root, 'workflowId');
    const run = stringField(wf, 'name') ?? 'flyte1';
    const start = at(clock, root, 'startTime', 'span.');
    const end = at(clock, root, 'endTime', 'span.');
    const actions: ImportedAction[] = [{ run, name: 'root', parent: null, group: null, taskName: null, taskType: null, phase: 'SUCCEEDED', startSeconds: start, endSeconds: end, cacheStatus: 'CACHE_DISABLED', attempts: [], statusAttempts: 1, reusePolicy: null, place }];
    const walk = (span: Record<string, unknown>, path: string): void => {
      const node = field(span, 'nodeId');
      const children = arrayField(span, 'spans').filter(isRecord);
      if (isRecord(node)) {
        const nodeId = stringField(node, 'nodeId') ?? '?';
        const attempts: Attempt[] = [];
        let taskName: string | null = null;
        children.forEach((c, i) => {
          const task = field(c, 'taskId');
          if (!isRecord(task)) return;
          taskName ??= stringField(objectField(task, 'taskId'), 'name');
          const ops = arrayField(c, 'spans').filter(isRecord);
          const op = (name: string): Record<string, unknown> | undefined => ops.find((o) => field(o, 'operationId') === name);
          const setup = op('TASK_SETUP');
          const runtime = op('TASK_RUNTIME');
          const p = `${path}spans[${i}].`;
          if (setup === undefined || runtime === undefined) throw new Bad(`${p}spans`, 'a task span without TASK_SETUP and TASK_RUNTIME', 'ask for a deeper tree: ?depth=10', nodeId);
          const s0 = at(clock, setup, 'startTime', `${p}TASK_SETUP.`);
          const r0 = at(clock, runtime, 'startTime', `${p}TASK_RUNTIME.`);
          const r1 = at(clock, runtime, 'endTime', `${p}TASK_RUNTIME.`);
          attempts.push(attemptOf(s0, r0, Math.max(0, r1 - r0), 'SUCCEEDED', (intField(task, 'retryAttempt') ?? attempts.length) + 1, 'CACHE_DISABLED'));
        });
        // Earlier attempts of a retried node failed: only the last can have succeeded.
        attempts.sort((a, b) => a.attempt - b.attempt).forEach((a, i) => {
          if (i < attempts.length - 1) a.phase = 'FAILED';
        });
        if (attempts.length) actions.push(action(run, nodeId, taskName, null, attempts, 'CACHE_DISABLED', place, at(clock, span, 'startTime', path)));
      }
      children.forEach((c, i) => walk(c, `${path}spans[${i}].`));
    };
    walk(root, 'span.');
    return { ok: true, actions };
  } catch (e) {
    if (e instanceof Bad) return { ok: false, path: e.path, problem: e.problem, fix: e.fix, action: e.action };
    throw e;
  }
}
