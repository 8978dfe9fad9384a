// The command outputs shown in README.md are what the CLI prints today (everything is seeded,
// so they match to the byte). `npm run build && node scripts/readme-outputs.mjs` refreshes them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { blockRange, README_OUTPUTS, run } from '../../scripts/readme-outputs.mjs';

interface Block {
  marker: string;
  args: string[];
  tail?: number;
  inline?: boolean;
}

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('README shows real output', () => {
  for (const block of README_OUTPUTS as Block[]) {
    it(`flyscale ${block.args.join(' ')}`, () => {
      const [start, end] = blockRange(readme, block) as [number, number];
      expect(readme.slice(start, end)).toBe(run(block.args, block.tail));
    });
  }
});
