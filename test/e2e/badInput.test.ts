// Bad input through the built binary: exit 2, a message that says where and how to fix it,
// nothing on stdout, never a stack trace.
import { describe, expect, it } from 'vitest';
import { flyscale, STACK_LINE } from '../helpers/cli.js';
import { tempDir } from '../helpers/files.js';

const tmp = tempDir('e2e-bad');
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// The "billion laughs": nine levels of nine aliases, 9^9 strings if expanded.
const ALIAS_BOMB = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].map((k, i) => {
    const prev = 'abcdefghi'[i] ?? 'a';
    return `${k}: &${k} [${Array.from({ length: 9 }, () => `*${prev}`).join(',')}]`;
  }),
  '',
].join('\n');

interface Case {
  name: string;
  args: () => string[];
  /** Everything stderr must contain (strings) or match (regular expressions). */
  says: () => (string | RegExp)[];
}

const file = (name: string, text: string): string => tmp.write(name, text);

const CASES: Case[] = [
  { name: 'a YAML tag in a flag value', args: () => ['plan', '--items', '!foo 3'], says: () => ['--items', 'not a number'] },
  { name: 'a billion retries', args: () => ['plan', '--retries', '1000000000'], says: () => ['failures.retries', 'at most 100'] },
  { name: 'an enqueue rate of zero', args: () => ['plan', '--enqueue-rate', '0/s'], says: () => ['--enqueue-rate', 'limits.enqueueRate', 'above 0'] },
  { name: 'an item runtime of zero', args: () => ['plan', '--item-runtime', '0s'], says: () => ['workload.itemRuntime', 'runtime of 0'] },
  { name: 'a file that cannot be written', args: () => ['init', `${file('plain-file', 'x')}/scenario.yaml`], says: () => ['cannot write the file', 'plain-file'] },
  { name: 'a bad simulate seed', args: () => ['simulate', '--seed', '-1'], says: () => ['--seed', 'whole number'] },
  { name: 'a duration without a unit', args: () => ['plan', '--item-runtime', '100'], says: () => ['--item-runtime', 'workload.itemRuntime', '100 has no unit', '100ms'] },
  { name: 'negative items', args: () => ['plan', '--items', '-5'], says: () => ['--items', 'workload.items', '-5 is below 1', 'whole number'] },
  { name: 'negative items, in JSON mode', args: () => ['plan', '--json', '--items', '-5'], says: () => ['workload.items'] },
  {
    name: 'an unknown key in a scenario file',
    args: () => ['plan', file('unknown-key.yaml', 'workload:\n  items: 10\n  itemRuntme: 1s\n')],
    says: () => [new RegExp(`${escape(tmp.dir)}/unknown-key\\.yaml:3:3`), 'workload.itemRuntme', 'did you mean "itemRuntime"'],
  },
  {
    name: 'a unitless value in a scenario file',
    args: () => ['plan', file('unitless.yaml', 'workload:\n  itemRuntime: 100\n')],
    says: () => [/unitless\.yaml:2:16/, 'workload.itemRuntime', '100ms'],
  },
  {
    name: 'malformed YAML',
    args: () => ['plan', file('malformed.yaml', 'workload:\n  items: [1,\n')],
    says: () => [/malformed\.yaml:\d+:\d+/, 'malformed YAML', 'fix the syntax'],
  },
  {
    name: 'malformed JSON',
    args: () => ['plan', file('malformed.json', '{"workload": {"items": 10}\n')],
    says: () => [/malformed\.json:\d+:\d+/, 'malformed JSON'],
  },
  { name: 'an empty file', args: () => ['plan', file('empty.yaml', '')], says: () => ['empty.yaml', 'the file is empty', 'flyscale init'] },
  { name: 'a file that is only a list', args: () => ['plan', file('list.yaml', '- 1\n- 2\n')], says: () => [/list\.yaml:1:1/, 'mapping'] },
  { name: 'a YAML alias bomb', args: () => ['plan', file('bomb.yaml', ALIAS_BOMB)], says: () => ['bomb.yaml', 'alias'] },
  { name: 'a batch size of 0', args: () => ['plan', '--batch-size', '0'], says: () => ['--batch-size', 'workload.batchSize', '0 is below 1', 'auto'] },
  { name: 'a non-existent scenario file', args: () => ['plan', `${tmp.dir}/nope.yaml`], says: () => ['nope.yaml', 'not found'] },
  { name: 'an unknown option', args: () => ['plan', '--bogus'], says: () => ["unknown option '--bogus'", '--help'] },
  { name: 'an unknown format', args: () => ['plan', '--format', 'xml'], says: () => ['"xml"', 'table, json, markdown'] },
  { name: 'an unknown profile', args: () => ['plan', '--profile', 'flyte-os'], says: () => ['unknown profile "flyte-os"', 'did you mean "flyte-oss"'] },
  { name: 'replicas max below min', args: () => ['plan', '--replicas', '20:5'], says: () => ['environment.replicas', 'below'] },
  { name: 'a TTL under 30 s', args: () => ['plan', '--idle-ttl', '10s'], says: () => ['environment.idleTtl', '30s'] },
  { name: 'fanout --actions that is not a count', args: () => ['fanout', '--actions', 'many'], says: () => ['--actions', 'whole number'] },
  { name: 'an unknown schema', args: () => ['schema', 'bogus'], says: () => ['"bogus"', 'profile, scenario, workflow or budget'] },
];

describe('bad input exits 2 with a useful message and no stack trace', () => {
  it.each(CASES)('$name', ({ args, says }) => {
    const run = flyscale(args());
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).not.toMatch(STACK_LINE);
    expect(run.stderr).not.toContain('internal error');
    for (const expected of says()) {
      if (typeof expected === 'string') expect(run.stderr).toContain(expected);
      else expect(run.stderr).toMatch(expected);
    }
  });
});

describe('YAML warnings stay inside our messages', () => {
  it('an unresolved tag gives our error only, not a YAMLWarning from the parser', () => {
    const r = flyscale(['plan', file('tag.yaml', 'workload:\n  items: !foo 3\n')]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain('YAMLWarning');
    expect(r.stderr).toMatch(/tag\.yaml:2:15: workload\.items/);
  });
});
