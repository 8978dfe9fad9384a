// Bad workflow files: exit 2 with the file, line and column, the key path and the fix.
import { describe, expect, it } from 'vitest';
import { FIXED_PROFILE, problemsOf, workflow } from './helpers.js';

const base = ['environments:', '  gpu: { replicas: [2, 20], concurrency: 8 }', '  cpu: { podPerTask: true, memory: 32GiB }'];
const file = (...steps: string[]): string => [...base, 'steps:', ...steps].join('\n');

describe('workflow files', () => {
  it('read every step field with the scenario parsers', () => {
    const w = workflow(file('  embed: { kind: map, environment: gpu, items: 3000000, itemRuntime: { median: 40ms, p95: 200ms }, batchSize: auto, parents: 4 }')).workflow;
    const s = w.steps[0];
    expect(s?.scenario.workload.items).toBe(3000000);
    expect(s?.scenario.workload.itemRuntime.kind).toBe('lognormal');
    expect(s?.scenario.pool).toMatchObject({ mode: 'reusable', minReplicas: 2, maxReplicas: 20, concurrency: 8 });
    expect(s?.parents).toBe(4);
  });
  it('name an unknown step key with did-you-mean, line and column', () => {
    const [p, ...rest] = problemsOf(file('  embed: { kind: map, environment: gpu, items: 10, itemRuntme: 1s }'));
    expect(rest).toEqual([]);
    // Line 5 (three environment lines, then steps:); "  embed: { kind: map, environment: gpu, items: 10, " is 51 characters.
    expect(p).toMatchObject({ source: 'wf.yaml', path: 'steps.embed.itemRuntme', line: 5, column: 52, problem: 'unknown key "itemRuntme"' });
    expect(p?.fix).toMatch(/did you mean "itemRuntime"/);
  });
  it('say a bad value as the scenario fields do, at the step path', () => {
    const [p] = problemsOf(file('  embed: { kind: map, environment: gpu, items: 10, itemRuntime: 40 }'));
    expect(p?.path).toBe('steps.embed.itemRuntime');
    expect(p?.fix).toMatch(/40s|40ms|unit/);
  });
  it('point a pool key in a step to the environment', () => {
    const [p] = problemsOf(file('  embed: { kind: task, environment: gpu, replicas: 4 }'));
    expect(p?.fix).toMatch(/belongs to an environment/);
  });
  it('refuse an undeclared environment and an undeclared step, with did-you-mean', () => {
    const list = problemsOf(file('  a: { kind: task, environment: gpus }', '  b: { kind: task, environment: cpu, after: [aa] }'));
    expect(list.map((p) => p.path)).toEqual(['steps.a.environment', 'steps.b.after.0']);
    expect(list[0]?.fix).toMatch(/did you mean "gpu"/);
    expect(list[1]?.problem).toBe('step "aa" is not declared');
  });
  it('name a cycle in after', () => {
    const [p] = problemsOf(file('  a: { kind: task, environment: cpu, after: [c] }', '  b: { kind: task, environment: cpu, after: [a] }', '  c: { kind: task, environment: cpu, after: [b] }'));
    expect(p?.problem).toBe('the steps wait for each other in a cycle: a → b → c → a');
    // At a's after, on the line after steps: (line 5).
    expect(p?.line).toBe(5);
  });
  it('refuse an environment that can never run a step for memory', () => {
    const [p] = problemsOf(file('  index: { kind: task, environment: cpu, runtime: 10m, taskMemory: 64GiB }'));
    expect(p).toMatchObject({ path: 'steps.index.taskMemory', line: 5 });
    expect(p?.problem).toMatch(/64 ?GiB per task, but environment cpu has 32 ?GiB/);
  });
  it('refuse a flag that sets one step', () => {
    const [p] = problemsOf(file('  a: { kind: task, environment: cpu }'), { items: '5' });
    expect(p?.path).toBe('workload.items');
    expect(p?.fix).toMatch(/set items on the step/);
  });
  it('give a task step one item in a batch of one, and a trace step the trace pattern', () => {
    const w = workflow([FIXED_PROFILE, ...base, 'steps:', '  a: { kind: task, environment: cpu, runtime: 2m }', '  r: { kind: trace, after: [a], runtime: 300ms }'].join('\n')).workflow;
    expect(w.steps[0]?.scenario.workload).toMatchObject({ items: 1, batchSize: 1, pattern: 'task' });
    expect(w.steps[1]?.scenario.workload).toMatchObject({ items: 1, pattern: 'trace' });
  });
  it('refuse an unknown top-level key and a step without a kind', () => {
    const list = problemsOf(['stepz: {}', ...base, 'steps:', '  a: { environment: cpu }'].join('\n'));
    expect(list.map((p) => p.path)).toEqual(['stepz', 'steps.a.kind']);
    expect(list[0]?.fix).toMatch(/did you mean "steps"/);
  });
});
