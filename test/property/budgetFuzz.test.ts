// Random budget files: parseBudget returns a budget or throws InputError with a line for
// every problem it can place; never another exception.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBudget } from '../../src/config/budget.js';
import { parseSource } from '../../src/config/document.js';
import { InputError } from '../../src/config/errors.js';
import { PLAN_METRICS, SIMULATE_METRICS } from '../../src/core/check/metrics.js';

const metric = fc.oneof(fc.constantFrom(...PLAN_METRICS, ...SIMULATE_METRICS), fc.string({ maxLength: 12 }));
const op = fc.constantFrom('<', '<=', '>', '>=', '==', '=>', '=', '');
const amount = fc.oneof(fc.constantFrom('30m', '20000', '1.5', '0x10', '', '10MB', 'abc', '-3s'), fc.integer().map(String));
const assertion = fc.record(
  {
    name: fc.oneof(fc.constantFrom('a', 'b', 'a'), fc.string({ maxLength: 5 })),
    scenario: fc.constantFrom('s', 't', 'missing'),
    assert: fc.tuple(metric, op, amount).map(([m, o, v]) => `${m} ${o} ${v}`),
    level: fc.constantFrom('error', 'warn', 'fatal'),
    simulate: fc.oneof(fc.constant({ runs: 20, seed: 3 }), fc.constant({ runs: 1 }), fc.constant(true), fc.constant('yes')),
    maxRegression: fc.constantFrom('10%', 0.2, 'ten', -1),
  },
  { requiredKeys: ['assert'] },
);
const budgetText = fc
  .record({ scenarios: fc.constantFrom({ s: 's.yaml' }, { s: 's.yaml', t: { workload: { items: 10 } } }, {}, 'x'), assertions: fc.array(assertion, { maxLength: 4 }) }, { requiredKeys: [] })
  .map((doc) => JSON.stringify(doc));

// Well-formed budgets too, so both outcomes are exercised.
const validText = fc
  .array(fc.constantFrom(...PLAN_METRICS), { minLength: 1, maxLength: 3 })
  .map((metrics) => JSON.stringify({ scenarios: { s: 's.yaml' }, assertions: metrics.map((m, i) => ({ name: `a${i}`, scenario: 's', assert: `${m} <= ${/Seconds$/.test(m) ? '30m' : '20000'}` })) }));

describe('random budget files', () => {
  it('parse or fail with located problems', () => {
    let parsed = 0;
    fc.assert(
      fc.property(fc.oneof({ weight: 3, arbitrary: budgetText }, { weight: 1, arbitrary: validText }), (text) => {
        try {
          parseBudget(parseSource('budget.json', text));
          parsed++;
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
          for (const p of error instanceof InputError ? error.problems : []) {
            expect(p.source).toBe('budget.json');
            expect(p.fix.length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 400, seed: 11 },
    );
    expect(parsed).toBeGreaterThan(0);
  });
});
