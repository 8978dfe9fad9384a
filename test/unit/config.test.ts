import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/config/document.js';
import { InputError, type InputProblem } from '../../src/config/errors.js';
import { FIELDS, SECTIONS, PROFILE_SECTIONS } from '../../src/config/fields.js';
import { profileSchema, scenarioSchema } from '../../src/config/jsonSchema.js';
import { loadScenario, type LoadRequest } from '../../src/config/load.js';
import { fixed } from '../../src/core/distribution.js';
import { tempDir } from '../helpers/files.js';

const tmp = tempDir('config');

/** The problems of a load that must fail with bad input. */
function problems(request: LoadRequest): readonly InputProblem[] {
  try {
    loadScenario(request);
  } catch (error) {
    if (error instanceof InputError) return error.problems;
    throw error;
  }
  throw new Error('expected an InputError');
}
const only = (request: LoadRequest): InputProblem => {
  const list = problems(request);
  expect(list).toHaveLength(1);
  return list[0] as InputProblem;
};
const scenarioFile = (name: string, text: string): LoadRequest => ({ scenarioPath: tmp.write(name, text), cwd: tmp.dir });

describe('precedence: defaults < profile < scenario file < flags', () => {
  tmp.write('measured.yaml', ['name: measured', 'phases:', '  enqueue: 300ms', 'limits:', '  ratio: 5', 'environment:', '  concurrency: 3', ''].join('\n'));
  const path = tmp.write('layers.yaml', ['profile: ./measured.yaml', 'workload:', '  items: 500', 'environment:', '  concurrency: 4', ''].join('\n'));
  const loaded = loadScenario({ scenarioPath: path, cwd: tmp.dir, flags: { items: '700' } });
  const source = (key: string): string | undefined => loaded.settings.get(key)?.source;

  it('each setting records where it came from', () => {
    expect(source('limits.maxActionsPerRun')).toBe('default'); // the custom profile does not set it
    expect(source('phases.enqueue')).toBe('profile ./measured.yaml');
    expect(source('limits.ratio')).toBe('profile ./measured.yaml');
    expect(source('environment.concurrency')).toBe(`scenario ${path}`); // scenario beats profile
    expect(source('workload.items')).toBe('flag --items'); // flag beats scenario
  });

  it('the later layer wins the value', () => {
    expect(loaded.profileName).toBe('measured');
    expect(loaded.scenario.phases.enqueue).toEqual(fixed(0.3));
    expect(loaded.scenario.limits.overheadRatio).toBe(5);
    expect(loaded.scenario.pool.mode === 'reusable' && loaded.scenario.pool.concurrency).toBe(4);
    expect(loaded.scenario.workload.items).toBe(700);
    expect(loaded.scenario.limits.maxActionsPerRun).toBe(50_000);
  });

  it('--profile wins over the scenario\'s profile', () => {
    const l = loadScenario({ scenarioPath: path, cwd: tmp.dir, profile: 'flyte-oss' });
    expect(l.profileName).toBe('flyte-oss');
    expect(l.scenario.pool.mode).toBe('pod');
    expect(l.settings.get('environment.podPerTask')?.source).toBe('profile flyte-oss');
  });

  it('a flag takes every value form as YAML flow syntax', () => {
    const l = loadScenario({ flags: { itemRuntime: '{dist: lognormal, median: 10s, sigma: 0.5}', replicas: '10:40', upload: '{latency: 40ms, bandwidth: 200MB/s}' } });
    expect(l.scenario.workload.itemRuntime).toEqual({ kind: 'lognormal', mu: Math.log(10), sigma: 0.5 });
    expect(l.scenario.pool).toMatchObject({ minReplicas: 10, maxReplicas: 40 });
    expect(l.scenario.phases.uploadInputs).toEqual({ latency: fixed(0.04), bandwidthBytesPerSecond: 200e6 });
  });

  it('phase splits fall back to upload and download', () => {
    const l = loadScenario({ flags: { upload: '70ms', downloadOutputs: '2s' } });
    expect(l.scenario.phases.uploadInputs.latency).toEqual(fixed(0.07));
    expect(l.scenario.phases.uploadOutputs.latency).toEqual(fixed(0.07));
    expect(l.scenario.phases.downloadOutputs.latency).toEqual(fixed(2));
  });
});

describe('inline and named profiles', () => {
  it('a profile inline in the scenario', () => {
    const req = scenarioFile('inline.yaml', ['profile:', '  name: mine', '  phases:', '    enqueue: 1s', 'workload:', '  items: 10', ''].join('\n'));
    const l = loadScenario(req);
    expect(l.profileName).toBe('mine');
    expect(l.scenario.phases.enqueue).toEqual(fixed(1));
    expect(l.settings.get('phases.enqueue')?.source).toBe(`scenario ${req.scenarioPath} (inline profile)`);
  });

  it('an unknown profile name suggests the nearest', () => {
    expect(only({ profile: 'flyte-os' }).fix).toContain('did you mean "flyte-oss"');
    const p = only(scenarioFile('typo.yaml', 'profile: defualt\n'));
    expect(p.problem).toContain('unknown profile "defualt"');
    expect(p.fix).toContain('did you mean "default"');
  });
});

describe('unknown keys anywhere: file, line, column, key path and a suggestion', () => {
  it('at the top level', () => {
    const req = scenarioFile('top.yaml', 'name: x\nworklod:\n  items: 5\n');
    expect(only(req)).toMatchObject({ source: req.scenarioPath, line: 2, column: 1, path: 'worklod', fix: expect.stringContaining('did you mean "workload"') });
  });

  it('inside a section', () => {
    const req = scenarioFile('section.yaml', 'workload:\n  items: 10\n  itemRuntme: 1s\n');
    expect(only(req)).toMatchObject({ line: 3, column: 3, path: 'workload.itemRuntme', problem: 'unknown key "itemRuntme"', fix: expect.stringContaining('did you mean "itemRuntime"') });
  });

  it('inside a duration value', () => {
    const req = scenarioFile('value.yaml', 'phases:\n  enqueue: { median: 100ms, p59: 300ms }\n');
    // line 2, column of the value of p59: "  enqueue: { median: 100ms, p59: " is 33 characters
    expect(only(req)).toMatchObject({ line: 2, column: 34, path: 'phases.enqueue.p59', fix: expect.stringContaining('did you mean "p95"') });
  });

  it('inside an inline profile', () => {
    const req = scenarioFile('inline-typo.yaml', 'profile:\n  phases:\n    enqeue: 1s\n');
    expect(only(req)).toMatchObject({ line: 3, column: 5, path: 'profile.phases.enqeue', fix: expect.stringContaining('did you mean "enqueue"') });
  });

  it('a key in the wrong section says where it belongs', () => {
    const req = scenarioFile('misplaced.yaml', 'workload:\n  concurrency: 4\n');
    expect(only(req)).toMatchObject({ path: 'workload.concurrency', fix: '"concurrency" belongs under environment:' });
  });

  it('a profile file cannot set the workload', () => {
    const p = only({ profile: tmp.write('bad-profile.yaml', 'workload:\n  items: 5\n'), cwd: tmp.dir });
    expect(p.path).toBe('workload');
    expect(p.fix).toContain('move it to a scenario file');
  });

  it('every problem is collected, not just the first', () => {
    expect(problems(scenarioFile('two.yaml', 'workload:\n  itemz: 1\nphases:\n  enqeue: 1s\n'))).toHaveLength(2);
  });

  it('a value without a unit names its line and the fix', () => {
    const req = scenarioFile('unitless.yaml', 'workload:\n  itemRuntime: 100\n');
    expect(only(req)).toMatchObject({ line: 2, column: 16, path: 'workload.itemRuntime', problem: '100 has no unit', fix: expect.stringContaining('100ms') });
  });
});

describe('semantic rules', () => {
  it('a TTL under 30 s is rejected; 30 s is accepted', () => {
    expect(only(scenarioFile('ttl.yaml', 'environment:\n  scaledownTtl: 10s\n'))).toMatchObject({ path: 'environment.scaledownTtl', problem: expect.stringContaining('30s') });
    expect(only({ flags: { idleTtl: '29s' } }).path).toBe('environment.idleTtl');
    expect(() => loadScenario({ flags: { idleTtl: '30s', scaledownTtl: '30s' } })).not.toThrow();
  });

  it('replicas with max below min are rejected, in every form', () => {
    for (const replicas of ['[20, 5]', '20:5', '{min: 20, max: 5}']) {
      expect(only({ flags: { replicas } })).toMatchObject({ path: 'environment.replicas', problem: expect.stringContaining('below') });
    }
  });

  it.each([
    ['4', { minReplicas: 4, maxReplicas: 4 }],
    ['[5, 20]', { minReplicas: 5, maxReplicas: 20 }],
    ['5:20', { minReplicas: 5, maxReplicas: 20 }],
    ['{min: 0, max: 3}', { minReplicas: 0, maxReplicas: 3 }],
  ])('replicas %s', (replicas, pool) => {
    expect(loadScenario({ flags: { replicas } }).scenario.pool).toMatchObject(pool);
  });

  it.each([
    ['items', '-5', 'workload.items'],
    ['items', '2.5', 'workload.items'],
    ['batchSize', '0', 'workload.batchSize'],
    ['cacheHitRatio', '1.5', 'workload.cacheHitRatio'],
    ['itemRuntime', '100', 'workload.itemRuntime'],
    ['itemInputSize', '1024', 'workload.itemInputSize'],
    ['enqueueRate', '100', 'limits.enqueueRate'],
    ['data', 'remote', 'workload.data'],
    ['podPerTask', 'maybe', 'environment.podPerTask'],
  ])('flag %s = %s is rejected at %s', (key, raw, path) => {
    expect(only({ flags: { [key]: raw } })).toMatchObject({ source: expect.stringMatching(/^--/), path });
  });

  it('a fixed-only setting rejects a distribution', () => {
    expect(only({ flags: { parentStart: '{median: 1s, p95: 2s}' } })).toMatchObject({ path: 'environment.parentStart', problem: expect.stringContaining('fixed') });
  });

  it('a reversed target range', () => {
    expect(only({ flags: { targetActionsMin: '30000', targetActionsMax: '20000' } }).path).toBe('limits.targetActionsMin');
  });
});

describe('JSON Schemas', () => {
  it('the scenario schema lists every field of the registry, the profile schema its sections', () => {
    const scenario = JSON.parse(JSON.stringify(scenarioSchema())) as { properties: Record<string, { properties?: Record<string, unknown>; additionalProperties?: boolean }> };
    const profile = JSON.parse(JSON.stringify(profileSchema())) as typeof scenario;
    for (const field of FIELDS) {
      expect(scenario.properties[field.section]?.properties, `${field.section}.${field.key}`).toHaveProperty(field.key);
      if (PROFILE_SECTIONS.includes(field.section)) expect(profile.properties[field.section]?.properties).toHaveProperty(field.key);
    }
    for (const section of SECTIONS) expect(scenario.properties[section]?.additionalProperties).toBe(false);
    expect(profile.properties).not.toHaveProperty('workload');
    expect(scenario.properties).toHaveProperty('profile');
  });
});

describe('JSON files are strict JSON', () => {
  it('a trailing comma in a .json file is malformed, at its line and column', () => {
    // {"a": 1,} — the comma is accepted by YAML but not by JSON; the parser stops at the "}"
    // after it: line 2, column 1 of '{"a": 1,\n}'.
    let caught: unknown;
    try {
      parseSource('s.json', '{"a": 1,\n}');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InputError);
    const p = caught instanceof InputError ? caught.problems[0] : undefined;
    expect(p).toMatchObject({ source: 's.json', line: 2, column: 1 });
    expect(p?.problem).toMatch(/^malformed JSON/);
    // the same text in a .yaml file is fine
    expect(parseSource('s.yaml', '{"a": 1,\n}').data).toEqual({ a: 1 });
  });
});
