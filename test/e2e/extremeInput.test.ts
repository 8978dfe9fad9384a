// Bad and extreme input (issue 8): simulations too large to run, non-finite and extreme
// numbers, problems located where the value came from, did-you-mean across sections, and
// what used to be accepted silently. Exit 2, a message naming the place, the key path, the
// value as written and the fix; nothing on stdout; never a stack trace.
import { describe, expect, it } from 'vitest';
import { flyscale, STACK_LINE } from '../helpers/cli.js';
import { tempDir } from '../helpers/files.js';

const tmp = tempDir('e2e-extreme');
const file = (name: string, text: string): string => tmp.write(name, text);
const budget = (name: string, scenarios: string, assertion = '    assert: fanout.actions <= 20000'): string =>
  file(name, `scenarios:\n${scenarios}\nassertions:\n  - name: a\n    scenario: one\n${assertion}\n`);

interface Case {
  name: string;
  args: () => string[];
  /** Everything stderr must contain (strings) or match (regular expressions). */
  says: () => (string | RegExp)[];
  /** What stderr must not contain: the old, wrong place or value. */
  not?: () => (string | RegExp)[];
}

const CRASHES: Case[] = [
  {
    name: 'simulate 10^10 one-item actions',
    args: () => ['simulate', '--items', '10000000000', '--batch-size', '1', '--runs', '1'],
    // 10^10 items / 10^7 actions at most = a batch of 1,000.
    says: () => ['10,000,000,000 actions in one simulated run', 'at most 10,000,000', '--batch-size 1000'],
  },
  { name: 'plan --simulate 10^10 one-item actions', args: () => ['plan', '--simulate', '--items', '10000000000', '--batch-size', '1', '--runs', '1'], says: () => ['--batch-size 1000'] },
  {
    name: 'simulate 10^6 actions 2,000 times',
    args: () => ['simulate', '--items', '1000000', '--batch-size', '1', '--runs', '2000'],
    // 10^9 in all / 10^6 per run = 1,000 runs; 10^9 / 2,000 runs = 500,000 actions, a batch of 2.
    says: () => ['2,000,000,000 simulated actions', '--runs 1000', '--batch-size 2'],
  },
  {
    name: 'check with such an inline scenario',
    args: () => ['check', budget('sim-big.yaml', '  one: { workload: { items: 10000000000, batchSize: 1 } }', '    simulate: { runs: 2 }\n    assert: makespan.p95Seconds <= 30m')],
    says: () => [/sim-big\.yaml:4:\d+: assertions\.0\.simulate/, 'workload.batchSize: 1000 in scenario one'],
  },
  { name: 'a pool of a billion slots, simulated', args: () => ['simulate', '--replicas', '100000', '--concurrency', '10000', '--runs', '2'], says: () => ['1,000,000,000 slots', 'fewer replicas'] },
];

const NON_FINITE: Case[] = [
  { name: 'a duration of 1e400s', args: () => ['plan', file('d400.yaml', 'workload:\n  itemRuntime: 1e400s\n')], says: () => [/d400\.yaml:2:16: workload\.itemRuntime/, '"1e400s"', 'too large'], not: () => ['Infinity'] },
  { name: 'a size of 1e400B', args: () => ['plan', file('s400.yaml', 'workload:\n  itemInputSize: 1e400B\n')], says: () => [/s400\.yaml:2:18: workload\.itemInputSize/, '"1e400B"'] },
  { name: 'a rate of 1e400/s', args: () => ['plan', file('r400.yaml', 'limits:\n  enqueueRate: 1e400/s\n')], says: () => [/r400\.yaml:2:16: limits\.enqueueRate/, '"1e400/s"'] },
  { name: 'a bandwidth of 1e400MB/s', args: () => ['plan', file('b400.yaml', 'phases:\n  upload: { latency: 10ms, bandwidth: 1e400MB/s }\n')], says: () => [/b400\.yaml:2:\d+: phases\.upload\.bandwidth/, '"1e400MB/s"'] },
  { name: 'a duration of .inf', args: () => ['plan', file('dinf.yaml', 'workload:\n  itemRuntime: .inf\n')], says: () => [/dinf\.yaml:2:16/, '".inf"'], not: () => ['Infinity'] },
  { name: 'a ratio of .nan', args: () => ['plan', file('nan.yaml', 'limits:\n  ratio: .nan\n')], says: () => [/nan\.yaml:2:10: limits\.ratio/, '".nan" is not a finite number'], not: () => ['null'] },
  { name: 'items: 1e400', args: () => ['plan', file('i400.yaml', 'workload:\n  items: 1e400\n')], says: () => [/i400\.yaml:2:10/, '"1e400" is not a finite number'], not: () => ['null'] },
  { name: 'a sigma of .inf in a flag', args: () => ['plan', '--item-runtime', '{dist: lognormal, median: 1s, sigma: .inf}'], says: () => ['--item-runtime', 'workload.itemRuntime.sigma', '".inf"'], not: () => ['null'] },
  { name: 'a flag of 1e400s', args: () => ['plan', '--item-runtime', '1e400s'], says: () => ['--item-runtime', '"1e400s"'] },
  { name: 'a budget of 1e400', args: () => ['check', budget('a400.yaml', '  one: { workload: { items: 10 } }', '    assert: fanout.actions <= 1e400')], says: () => [/a400\.yaml:6:\d+: assertions\.0\.assert/, '1e400 is too large'] },
  { name: 'a budget of 1e400s', args: () => ['check', budget('t400.yaml', '  one: { workload: { items: 10 } }', '    simulate: true\n    assert: makespan.p95Seconds <= 1e400s')], says: () => [/t400\.yaml:7:\d+/, '"1e400s" is too large'] },
  { name: 'maxRegression: .inf', args: () => ['check', budget('rinf.yaml', '  one: { workload: { items: 10 } }', '    assert: fanout.actions <= 10\n    maxRegression: .inf')], says: () => [/rinf\.yaml:7:\d+: assertions\.0\.maxRegression/, '".inf" is not a percentage'] },
  { name: 'a JSON Lines log with 1e400 seconds', args: () => ['profile', 'fit', file('l.jsonl', '{"phase":"upload","seconds":1e400}\n')], says: () => [/l\.jsonl:1:29/, 'seconds "1e400" is not a finite number'], not: () => ['null'] },
  { name: 'a CSV log with a 1e400s duration', args: () => ['profile', 'fit', file('l.csv', 'phase,duration\nupload,1e400s\n')], says: () => [/l\.csv:2:8/, '"1e400s"'] },
  { name: 'a CSV log with a year-long row', args: () => ['profile', 'fit', file('year.csv', 'phase,seconds\nupload,1e308\n')], says: () => [/year\.csv:2:8/, 'longer than a year'] },
];

const EXTREME: Case[] = [
  { name: 'a duration of 1e308s', args: () => ['plan', file('d308.yaml', 'workload:\n  itemRuntime: 1e308s\n')], says: () => [/d308\.yaml:2:16/, '"1e308s" is longer than a year', '8760h'] },
  { name: 'sigma: 1000', args: () => ['plan', file('sigma.yaml', 'workload:\n  itemRuntime: { dist: lognormal, median: 1s, sigma: 1000 }\n')], says: () => [/sigma\.yaml:2:\d+: workload\.itemRuntime\.sigma/, 'at most 5'] },
  { name: 'a p95 ten thousand times the median', args: () => ['plan', '--item-runtime', '{median: 1ms, p95: 10s}'], says: () => ['workload.itemRuntime.p95', 'times the median'] },
  { name: 'perReplicaHour: 1e308', args: () => ['plan', file('price.yaml', 'pricing:\n  perReplicaHour: 1e308\n')], says: () => [/price\.yaml:2:19: pricing\.perReplicaHour/, 'at most 1000000000'] },
  { name: 'a bandwidth of 1e-300B/s', args: () => ['plan', file('slow.yaml', 'phases:\n  upload: { latency: 10ms, bandwidth: 1e-300B/s }\n')], says: () => [/slow\.yaml:2:\d+: phases\.upload\.bandwidth/, '"1e-300B/s"', 'at least 1B/s'] },
  { name: 'a quintillion items', args: () => ['plan', '--items', '1000000000000000000'], says: () => ['--items', 'at most 10^15'] },
];

const LOCATIONS: Case[] = [
  { name: 'malformed JSON on line 3', args: () => ['plan', file('bad.json', '{\n  "workload": {\n    "items": x\n  }\n}\n')], says: () => [/bad\.json:3:14: malformed JSON: unexpected "x"/], not: () => [':1:1'] },
  { name: 'an inline scenario in a budget', args: () => ['check', budget('inline.yaml', '  one: { workload: { itemRuntime: 5 } }')], says: () => [/inline\.yaml:2:\d+: scenarios\.one\.workload\.itemRuntime: 5 has no unit/], not: () => ['scenario:1:'] },
  { name: 'a missing scenario file named in a budget', args: () => ['check', budget('missing.yaml', '  one: gone.yaml')], says: () => [/missing\.yaml:2:8: scenarios\.one: scenario file "gone\.yaml" not found/] },
  { name: 'a missing profile file named in a scenario', args: () => ['plan', file('noprofile.yaml', 'workload:\n  items: 10\nprofile: ./gone.yaml\n')], says: () => [/noprofile\.yaml:3:10: profile: profile file "\.\/gone\.yaml" not found/] },
  { name: 'a missing --compare profile', args: () => ['profile', 'show', 'default', '--compare', `${tmp.dir}/gone.yaml`], says: () => [/^ {2}--compare: profile file/m], not: () => ['--profile'] },
  { name: 'a conflict caused by a flag', args: () => ['plan', '--max-actions-per-run', '10'], says: () => ['--max-actions-per-run: limits.maxActionsPerRun', 'above the hard limit (10)'], not: () => [/default\.yaml:\d+:\d+: limits/] },
];

const SUGGEST_AND_REJECT: Case[] = [
  { name: 'itemz at the top level', args: () => ['plan', file('itemz.yaml', 'itemz: 5\n')], says: () => [/itemz\.yaml:1:1: itemz/, 'did you mean "workload.items"'] },
  { name: 'items at the top level', args: () => ['plan', file('items.yaml', 'items: 5\n')], says: () => ['did you mean "workload.items"', 'under "workload:"'] },
  { name: 'a typo of a section still suggests the section', args: () => ['plan', file('workloads.yaml', 'workloads:\n  items: 5\n')], says: () => ['did you mean "workload"?'] },
  { name: 'a second YAML document', args: () => ['plan', file('two-docs.yaml', 'workload:\n  items: 5\n---\nworkload:\n  items: 7\n')], says: () => [/two-docs\.yaml:3:1/, 'second YAML document'] },
  { name: 'name: [a, b]', args: () => ['plan', file('list-name.yaml', 'name: [a, b]\n')], says: () => [/list-name\.yaml:1:7: name/, 'not text'] },
];

describe.each([
  ['crashes', CRASHES],
  ['non-finite numbers', NON_FINITE],
  ['finite but extreme numbers', EXTREME],
  ['locations', LOCATIONS],
  ['did you mean and silent acceptance', SUGGEST_AND_REJECT],
])('%s exit 2 with a located, fixable message', (_group, cases) => {
  it.each(cases)('$name', ({ args, says, not }) => {
    const run = flyscale(args());
    expect(run.stderr).not.toMatch(STACK_LINE);
    expect(run.stderr).not.toContain('internal error');
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    for (const expected of says()) {
      if (typeof expected === 'string') expect(run.stderr).toContain(expected);
      else expect(run.stderr).toMatch(expected);
    }
    for (const wrong of not?.() ?? []) {
      if (typeof wrong === 'string') expect(run.stderr).not.toContain(wrong);
      else expect(run.stderr).not.toMatch(wrong);
    }
  });
});

describe('below the limits, a trailing empty document and big-but-sane values still work', () => {
  it('a scenario ending in --- plans', () => {
    expect(flyscale(['plan', file('trailing.yaml', 'workload:\n  items: 5\n---\n')]).code).toBe(0);
  });
  it('ten billion items plan in closed form, and simulate with a batch size that fits', () => {
    // 10^10 items in batches of 10^6: 10,000 actions, well within 10^7.
    const run = flyscale(['simulate', '--items', '10000000000', '--batch-size', '1000000', '--item-runtime', '1ms', '--runs', '2', '--json']);
    // Exit 1 at most: a finding about the plan (a 1,000 s batch), never bad input.
    expect(run.code).toBeLessThan(2);
    const report = JSON.parse(run.stdout);
    // The point is a finite mean and interval where a RangeError used to be, not their value.
    expect(report.actions).toBe(10_000);
    for (const x of [report.makespan.meanSeconds, ...report.makespan.ci95Seconds]) expect(Number.isFinite(x)).toBe(true);
  });
});
