// Every command in `flyscale --help` (the command table) has a row in README's command list and
// a line in its block of examples, so a new command cannot land undocumented.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands.js';

const README = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8');
const section = README.slice(README.indexOf('\n## Commands'), README.indexOf('\n## ', README.indexOf('\n## Commands') + 1));
const examples = /One example of each[^\n]*\n\n```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? '';

describe('README lists every command', () => {
  it('finds the section and the examples (or this test proves nothing)', () => {
    expect(section).toContain('| command | what it tells you |');
    expect(examples.split('\n').filter((l) => l.startsWith('flyscale ')).length).toBeGreaterThan(5);
  });
  it.each(COMMANDS.map((c) => c.name))('%s has a row and an example', (name) => {
    expect(section).toContain(`| \`flyscale ${name}`);
    expect(examples.split('\n').some((l) => l === `flyscale ${name}` || l.startsWith(`flyscale ${name} `))).toBe(true);
  });
});
