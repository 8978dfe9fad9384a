// A Flyte 1 execution: flytectl's --details (snake_case wrappers around camelCase protos) and
// the metrics span tree (snake_case REST) both give each task's setup and runtime, per attempt.
import { describe, expect, it } from 'vitest';
import { importTexts } from './helpers.js';

// The execution, by hand: prep (setup 12.5 s, runtime 30.25 s), train (attempt 0 fails after
// setup 20 s and 100 s; attempt 1: setup 18 s, runtime 120.000000001 s), prep again (setup 7 s,
// runtime 29.75 s). Times in seconds after 09:00:00.
const T = (s: number): string => {
  const whole = Math.floor(s);
  const ns = Math.round((s - whole) * 1e9);
  const hh = String(9 + Math.floor(whole / 3600)).padStart(2, '0');
  const mm = String(Math.floor((whole % 3600) / 60)).padStart(2, '0');
  const ss = String(whole % 60).padStart(2, '0');
  return `2025-06-01T${hh}:${mm}:${ss}${ns ? `.${String(ns).padStart(9, '0')}` : ''}Z`;
};
const TASKS = [
  { node: 'n0', task: 'wf.prep', attempts: [{ created: 1, setup: 12.5, runtime: 30.25, phase: 'SUCCEEDED' }] },
  { node: 'n1', task: 'wf.train', attempts: [{ created: 45, setup: 20, runtime: 100, phase: 'FAILED' }, { created: 166, setup: 18, runtime: 120.000000001, phase: 'SUCCEEDED' }] },
  { node: 'n2', task: 'wf.prep', attempts: [{ created: 305, setup: 7, runtime: 29.75, phase: 'SUCCEEDED' }] },
];

const details = [
  { node_exec: { id: { nodeId: 'start-node', executionId: { project: 'p', domain: 'd', name: 'f1exec' } }, closure: { phase: 'SUCCEEDED', createdAt: T(0), updatedAt: T(0) } } },
  ...TASKS.map((t) => ({
    node_exec: { id: { nodeId: t.node, executionId: { project: 'p', domain: 'd', name: 'f1exec' } }, closure: { phase: 'SUCCEEDED', createdAt: T(t.attempts[0]?.created ?? 0) } },
    task_execs: t.attempts.map((a, i) => ({
      id: { taskId: { resourceType: 'TASK', name: t.task, version: 'v1' }, nodeExecutionId: { nodeId: t.node }, ...(i ? { retryAttempt: i } : {}) },
      closure: { phase: a.phase, createdAt: T(a.created), startedAt: T(a.created + a.setup), duration: `${a.runtime}s`, updatedAt: T(a.created + a.setup + a.runtime + 0.5), taskType: 'python-task' },
    })),
  })),
];

const spans = {
  span: {
    start_time: T(0),
    end_time: T(500),
    workflow_id: { project: 'p', domain: 'd', name: 'f1exec', org: '' },
    spans: [
      { start_time: T(0), end_time: T(1), operation_id: 'WORKFLOW_SETUP', spans: [] },
      ...TASKS.map((t) => ({
        start_time: T(t.attempts[0]?.created ?? 0),
        end_time: T(400),
        node_id: { node_id: t.node, execution_id: { name: 'f1exec' } },
        spans: [
          { start_time: T(0), end_time: T(1), operation_id: 'NODE_SETUP', spans: [] },
          ...t.attempts.map((a, i) => ({
            start_time: T(a.created),
            end_time: T(a.created + a.setup + a.runtime),
            task_id: { task_id: { name: t.task }, retry_attempt: i },
            spans: [
              { start_time: T(a.created), end_time: T(a.created + a.setup), operation_id: 'TASK_SETUP', spans: [] },
              { start_time: T(a.created + a.setup), end_time: T(a.created + a.setup + a.runtime), operation_id: 'TASK_RUNTIME', spans: [] },
            ],
          })),
        ],
      })),
    ],
  },
};

for (const [what, text] of [['details', JSON.stringify(details, null, '\t')], ['spans', JSON.stringify(spans)]] as const) {
  describe(`Flyte 1 ${what}`, () => {
    const { run, mapping } = importTexts([{ file: `${what}.json`, text }]);
    it('one action per task node, grouped by task', () => {
      expect(run.run).toBe('f1exec');
      expect(run.form).toBe('flyte1');
      expect(mapping.groups.map((g) => [g.name, g.actions, g.attempts])).toEqual([['wf.prep', 2, 2], ['wf.train', 1, 2]]);
    });
    it('setup and runtime per task, per attempt, exactly', () => {
      const byTask = (name: string) => run.children.filter((a) => a.taskName === name).flatMap((a) => a.attempts.map((x) => [x.setupSeconds, x.runtimeSeconds]));
      const close = (got: (number | undefined)[][], want: number[][]): void => got.forEach((g, i) => g.forEach((x, j) => expect(Math.abs((x ?? Number.NaN) - (want[i]?.[j] ?? 0))).toBeLessThan(1e-9)));
      close(byTask('wf.prep'), [[12.5, 30.25], [7, 29.75]]);
      close(byTask('wf.train'), [[20, 100], [18, 120.000000001]]);
      const prep = mapping.groups[0];
      expect(prep?.samples.initializing).toEqual([12.5, 7]);
      expect(prep?.samples.running).toEqual([30.25, 29.75]);
      const train = mapping.groups[1];
      expect(train?.failedAttempts).toBe(1);
      expect(train?.samples.running.length).toBe(1);
    });
  });
}
