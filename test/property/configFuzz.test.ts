// Bad input gets a clear error, never a crash: random scenario documents, built from the
// registry's keys with values of every shape (right and wrong units, wrong types, nested
// junk), either load and plan to JSON without NaN/Infinity, or throw InputError whose every
// problem names a source, a key path and a fix.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/config/errors.js';
import { FIELDS, SECTIONS, type ValueKind } from '../../src/config/fields.js';
import { loadScenario } from '../../src/config/load.js';
import { plan } from '../../src/core/plan.js';
import { toJson } from '../../src/render/json.js';
import { planReport } from '../../src/report/planReport.js';

const units = ['ms', 's', 'm', 'h', 'B', 'KB', 'MiB', 'GiB', '/s', 'MB/s', ''];
const scalar = fc.oneof(
  fc.integer({ min: -5, max: 5_000_000 }),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('auto', 'inline', 'reference', 'task', 'trace', '5:20', '20:5', 'none', ''),
  fc.tuple(fc.double({ min: 0, max: 1e4, noNaN: true }), fc.constantFrom(...units)).map(([n, u]) => `${n}${u}`),
);
const value = fc.oneof(
  scalar,
  fc.array(scalar, { maxLength: 4 }),
  fc.dictionary(fc.constantFrom('median', 'p95', 'dist', 'sigma', 'latency', 'bandwidth', 'min', 'max', 'mean', 'value', 'samples', 'bogus'), scalar, { maxKeys: 3 }),
);
/** Values a user might really write for each kind: mostly valid, so documents also load. */
const ms = fc.integer({ min: 1, max: 600_000 }).map((n) => `${n}ms`);
const plausible: Record<ValueKind, fc.Arbitrary<unknown>> = {
  duration: fc.oneof(ms, fc.tuple(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 0, max: 5000 })).map(([m, extra]) => ({ median: `${m}ms`, p95: `${m + extra}ms` })), fc.array(ms, { minLength: 1, maxLength: 5 })),
  transfer: fc.oneof(ms, fc.tuple(ms, fc.integer({ min: 1, max: 1000 })).map(([l, bw]) => ({ latency: l, bandwidth: `${bw}MB/s` }))),
  size: fc.integer({ min: 0, max: 100_000 }).map((n) => `${n}KB`),
  rate: fc.integer({ min: 1, max: 1000 }).map((n) => `${n}/s`),
  count: fc.integer({ min: 1, max: 2_000_000 }),
  whole: fc.integer({ min: 0, max: 2000 }),
  fraction: fc.double({ min: 0, max: 1, noNaN: true }),
  positive: fc.double({ min: 0.1, max: 100, noNaN: true }),
  boolean: fc.boolean(),
  replicas: fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 1, max: 40 })).map(([a, b]) => [Math.min(a, b), Math.max(a, b)]),
  batch: fc.oneof(fc.constant('auto'), fc.integer({ min: 1, max: 5000 })),
  data: fc.constantFrom('inline', 'reference'),
  pattern: fc.constantFrom('task', 'trace'),
  optionalCount: fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 5000 })),
  optionalSize: fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 8192 }).map((n) => `${n}MiB`)),
  optionalPositive: fc.oneof(fc.constant(null), fc.double({ min: 0.1, max: 64, noNaN: true })),
};
// TTLs have a floor of 30 s: give them values around it.
const ttl = fc.integer({ min: 10, max: 3600 }).map((n) => `${n}s`);
const fieldValue = (key: string, kind: ValueKind): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 9, arbitrary: key.endsWith('Ttl') ? ttl : plausible[kind] }, { weight: 1, arbitrary: value });
const sectionArb = (section: string) => {
  const fields = FIELDS.filter((f) => f.section === section);
  const chosen = fc
    .subarray(fields, { maxLength: Math.min(5, fields.length) })
    .chain((some) => fc.tuple(...some.map((f) => fieldValue(f.key, f.kind).map((v): [string, unknown] => [f.key, v]))));
  // Now and then an unknown key too, which must be rejected.
  const junk = fc.oneof({ weight: 19, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: value });
  return fc.tuple(chosen, junk).map(([pairs, junk]) => Object.fromEntries(junk === undefined ? pairs : [...pairs, ['notAKey', junk]]));
};
const documentArb = fc.record(
  Object.fromEntries([...SECTIONS].map((s) => [s, fc.option(sectionArb(s), { freq: 3, nil: undefined })])),
  { requiredKeys: [] },
);

describe('random scenario documents', () => {
  it('load and plan cleanly, or fail with located, fixable problems', () => {
    let planned = 0;
    let rejected = 0;
    fc.assert(
      fc.property(documentArb, (doc) => {
        const data = JSON.parse(JSON.stringify(doc, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v)));
        let loaded;
        try {
          loaded = loadScenario({ scenarioData: data });
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
          for (const p of error instanceof InputError ? error.problems : []) {
            expect(p.source.length).toBeGreaterThan(0);
            expect(p.problem.length).toBeGreaterThan(0);
            expect(p.fix.length).toBeGreaterThan(0);
          }
          rejected++;
          return;
        }
        planned++;
        const header = { schemaVersion: 1, tool: { name: 'flyscale' as const, version: 'test' }, command: 'plan', scenario: { name: 's', profile: 'p', file: null }, inputs: {} };
        const text = toJson(planReport(header, plan(loaded.scenario), loaded.scenario.limits, loaded.findings));
        expect(text).not.toMatch(/NaN|Infinity/);
        // every number the report carries is a real number
        JSON.parse(text, (_k, v: unknown) => {
          if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
          return v;
        });
      }),
      { numRuns: 300, seed: 20261126 },
    );
    // Both branches are exercised, so the property says something about each.
    expect(planned).toBeGreaterThan(10);
    expect(rejected).toBeGreaterThan(10);
  });
});

describe('random flag values', () => {
  it('are parsed as YAML flow text and either apply or fail naming the flag', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom('100', '100ms', '{median: 1s, p95: 2s}', '[1s, 2s', '5:20', '1e999', '.nan', '-1', 'true', '{latency: 1s, bandwidth: 0MB/s}', '[]', '{}', 'null', '~'),
    );
    fc.assert(
      fc.property(fc.constantFrom(...FIELDS), text, (field, raw) => {
        try {
          const loaded = loadScenario({ flags: { [field.key]: raw } });
          const source = loaded.settings.get(`${field.section}.${field.key}`)?.source ?? '';
          expect(source.startsWith('flag --')).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
          const problems = error instanceof InputError ? error.problems : [];
          expect(problems.some((p) => p.source.startsWith('--') || p.path.endsWith(field.key) || p.path.startsWith(`${field.section}.`))).toBe(true);
        }
      }),
      { numRuns: 400, seed: 7 },
    );
  });
});
