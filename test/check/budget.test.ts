// Budget files: every bad-input kind of issue 4 reported with the file, line and column of
// the offending key or value (counted by hand from the YAML written here, 1-based).
import { describe, expect, test } from 'vitest';
import { parseBudget, type Budget } from '../../src/config/budget.js';
import { parseSource } from '../../src/config/document.js';
import { InputError, type InputProblem } from '../../src/config/errors.js';

const parse = (text: string): Budget => parseBudget(parseSource('budget.yaml', text));

function problems(text: string): InputProblem[] {
  try {
    parse(text);
  } catch (error) {
    if (error instanceof InputError) return [...error.problems];
    throw error;
  }
  throw new Error('expected bad input');
}

const lines = (...l: string[]): string => `${l.join('\n')}\n`;

describe('parseBudget: a good budget', () => {
  test('reads scenarios (file or inline), assertions with defaults, and each assertion line', () => {
    const b = parse(
      lines(
        'scenarios:', //                                   1
        '  nightly: scenarios/embed.yaml', //              2
        '  inline: { workload: { items: 10 } }', //        3
        'assertions:', //                                  4
        '  - name: fan-out', //                            5
        '    scenario: nightly', //                        6
        '    assert: fanout.actions <= 20000', //          7
        '  - name: p95', //                                8
        '    scenario: inline', //                         9
        '    simulate: { runs: 20 }', //                   10
        '    assert: makespan.p95Seconds <= 30m', //       11
        '    level: warn', //                              12
        '    maxRegression: 5%', //                        13
      ),
    );
    expect(b.file).toBe('budget.yaml');
    expect(b.scenarios).toEqual([
      // Each keeps where the budget names it (line 2 col 12, line 3 col 11), for its problems.
      { name: 'nightly', path: 'scenarios/embed.yaml', data: null, at: { source: 'budget.yaml', path: 'scenarios.nightly', line: 2, column: 12 } },
      { name: 'inline', path: null, data: { workload: { items: 10 } }, at: { source: 'budget.yaml', path: 'scenarios.inline', line: 3, column: 11 } },
    ]);
    expect(b.assertions).toEqual([
      { name: 'fan-out', scenario: 'nightly', assertion: { metric: 'fanout.actions', op: '<=', value: 20000, written: '20000' }, level: 'error', simulate: null, maxRegression: null, line: 5, assertAt: { line: 7, column: 13 } },
      // runs given, seed defaults to 1; 30m = 1800 s; 5% = 0.05
      { name: 'p95', scenario: 'inline', assertion: { metric: 'makespan.p95Seconds', op: '<=', value: 1800, written: '30m' }, level: 'warn', simulate: { runs: 20, seed: 1 }, maxRegression: 0.05, line: 8, assertAt: { line: 11, column: 13 } },
    ]);
  });

  test('with one scenario, an assertion may leave the scenario out', () => {
    const b = parse(lines('scenarios:', '  only: a.yaml', 'assertions:', '  - name: x', '    assert: fanout.actions <= 5'));
    expect(b.assertions[0]?.scenario).toBe('only');
  });
});

describe('parseBudget: bad input names the line and column', () => {
  test('an unknown top-level key, with the nearest known key suggested, at the key', () => {
    const p = problems(
      lines(
        'scenarios:', //                        1
        '  a: a.yaml', //                       2
        'assertions:', //                       3
        '  - name: x', //                       4
        '    assert: fanout.actions <= 5', //   5
        'scenarioz: 3', //                      6: column 1
      ),
    );
    expect(p).toEqual([expect.objectContaining({ source: 'budget.yaml', path: 'scenarioz', line: 6, column: 1, problem: 'unknown key "scenarioz"' })]);
    expect(p[0]?.fix).toMatch(/did you mean "scenarios"/);
  });

  test('an unknown key in an assertion, at the key', () => {
    const p = problems(lines('scenarios:', '  a: a.yaml', 'assertions:', '  - name: x', '    levl: warn', '    assert: fanout.actions <= 5'));
    // line 5, "    levl": the key starts at column 5
    expect(p).toEqual([expect.objectContaining({ path: 'assertions.0.levl', line: 5, column: 5 })]);
    expect(p[0]?.fix).toMatch(/did you mean "level"/);
  });

  // In every case below the assert value starts at column 13: "    assert: " is 12 characters.
  const withAssert = (assert: string, extra: string[] = []): string => lines('scenarios:', '  a: a.yaml', 'assertions:', '  - name: x', '    scenario: a', ...extra, `    assert: ${assert}`);

  test('an unknown metric, with the nearest valid one suggested', () => {
    const p = problems(withAssert('fanout.acions <= 5'));
    expect(p).toEqual([expect.objectContaining({ path: 'assertions.0.assert', line: 6, column: 13, problem: 'unknown metric "fanout.acions"', fix: 'did you mean "fanout.actions"?' })]);
  });

  test('an unknown metric whose misspelling drops the unit is still an unknown metric, not a bad value', () => {
    // makespan.p95Second (no s) names no unit, so its value "30m" would read as a bad plain
    // number; the name is the mistake and should be the message.
    const p = problems(withAssert('makespan.p95Second <= 30m', ['    simulate: { runs: 10 }']));
    expect(p).toEqual([expect.objectContaining({ path: 'assertions.0.assert', line: 7, column: 13, problem: 'unknown metric "makespan.p95Second"', fix: 'did you mean "makespan.p95Seconds"?' })]);
  });

  test('a bad operator', () => {
    const p = problems(withAssert('fanout.actions => 5'));
    expect(p).toEqual([expect.objectContaining({ path: 'assertions.0.assert', line: 6, column: 13, problem: '"=>" is not an operator' })]);
  });

  test('a value without a unit on a duration metric', () => {
    const p = problems(withAssert('estimate.makespanSeconds <= 30'));
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ path: 'assertions.0.assert', line: 6, column: 13 });
    expect(p[0]?.problem).toMatch(/30 has no unit/);
    expect(p[0]?.fix).toMatch(/30s/);
  });

  test('a simulated metric without simulate:', () => {
    const p = problems(withAssert('makespan.p95Seconds <= 30m'));
    expect(p).toEqual([expect.objectContaining({ line: 6, column: 13, problem: 'makespan.p95Seconds is a simulated metric' })]);
    expect(p[0]?.fix).toMatch(/simulate:/);
  });

  test('duplicate assertion names: the second is reported at its name, citing the first line', () => {
    const p = problems(
      lines(
        'scenarios:', //                          1
        '  a: a.yaml', //                         2
        'assertions:', //                         3
        '  - name: x', //                         4  first "x"
        '    assert: fanout.actions <= 5', //     5
        '  - name: y', //                         6
        '    assert: fanout.actions <= 6', //     7
        '  - name: x', //                         8  "x" again: value at column 11
        '    assert: fanout.actions <= 7', //     9
      ),
    );
    expect(p).toEqual([expect.objectContaining({ path: 'assertions.2.name', line: 8, column: 11, problem: 'duplicate assertion name "x" (first at line 4)' })]);
  });

  test('a scenario that does not exist, with the nearest one suggested', () => {
    const p = problems(lines('scenarios:', '  nightly: a.yaml', '  weekly: b.yaml', 'assertions:', '  - name: x', '    scenario: nighty', '    assert: fanout.actions <= 5'));
    // line 6, "    scenario: " is 14 characters → the value at column 15
    expect(p).toEqual([expect.objectContaining({ path: 'assertions.0.scenario', line: 6, column: 15, problem: 'no scenario named "nighty"' })]);
    expect(p[0]?.fix).toMatch(/did you mean "nightly"\?.*nightly, weekly/);
  });

  test('a missing scenario when the file has several', () => {
    const p = problems(lines('scenarios:', '  a: a.yaml', '  b: b.yaml', 'assertions:', '  - name: x', '    assert: fanout.actions <= 5'));
    expect(p.map((x) => x.problem)).toEqual(['missing scenario']);
  });

  test('bad simulate options, level and maxRegression are each reported', () => {
    const p = problems(
      lines(
        'scenarios:',
        '  a: a.yaml',
        'assertions:',
        '  - name: r',
        '    simulate: { runs: 1 }', //   5: fewer than 2 runs give no interval
        '    assert: makespan.meanSeconds <= 1m',
        '  - name: l',
        '    level: fatal', //            8
        '    maxRegression: lots', //     9
        '    assert: fanout.actions <= 5',
      ),
    );
    expect(p.map((x) => [x.path, x.line])).toEqual([
      ['assertions.0.simulate.runs', 5],
      ['assertions.1.level', 8],
      ['assertions.1.maxRegression', 9],
    ]);
  });

  test('a file without scenarios, assertions or a proper assertion says what to write, on one line', () => {
    const p = [
      ...problems(lines('scenarios: {}', 'assertions: []')),
      ...problems(lines('scenarios:', '  a: a.yaml', 'assertions:', '  - just a string')),
    ];
    expect(p.map((x) => x.path)).toEqual(['scenarios', 'assertions', 'assertions.0']);
    // A literal backslash-n would print as "\n" in the terminal.
    for (const x of p) expect(x.fix).not.toMatch(/\\|\n/);
  });

  test('several problems are all reported at once', () => {
    const p = problems(lines('scenarios:', '  a: a.yaml', 'assertions:', '  - name: x', '    assert: fanout.acions <= 5', '  - name: y', '    assert: fanout.actions => 5'));
    expect(p.map((x) => x.line)).toEqual([5, 7]);
  });
});
