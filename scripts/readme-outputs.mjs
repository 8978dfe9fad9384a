// Refreshes the command outputs shown in README.md from the built CLI (after a build);
// test/e2e/readme.test.ts fails when they drift. Each block is the ```text fence after its marker.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

export const README_OUTPUTS = [
  { marker: 'concurrency 10:\n', args: ['plan'] },
  { marker: '`overhead --explain` on the example:', args: ['overhead', '--explain'], tail: 6 },
  { marker: '$ npx flyscale simulate --runs 200 --seed 7 --timeline\n', args: ['simulate', '--runs', '200', '--seed', '7', '--timeline'], inline: true },
  { marker: '$ npx flyscale check examples/budget.yaml\n', args: ['check', 'examples/budget.yaml'], inline: true },
  { marker: '$ npx flyscale plan examples/workflows/nightly-embed.yaml\n', args: ['plan', 'examples/workflows/nightly-embed.yaml'], inline: true },
  { marker: '$ npx flyscale plan examples/workflows/inference-chain.yaml --compare\n', args: ['plan', 'examples/workflows/inference-chain.yaml', '--compare'], inline: true },
  { marker: '$ npx flyscale simulate examples/streams/inference-service.yaml\n', args: ['simulate', 'examples/streams/inference-service.yaml'], inline: true },
];

const root = new URL('..', import.meta.url);

export function run(args, tail) {
  const env = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR; // present at all (even empty) it forces colour
  delete env.COLUMNS; // the README shows the 100-column output of a pipe
  const out = execFileSync(process.execPath, [new URL('bin/flyscale.cjs', root).pathname, ...args], { cwd: root, env, encoding: 'utf8' });
  return tail ? `${out.trimEnd().split('\n').slice(-tail).join('\n')}\n` : out;
}

/** [start, end) of the text a block shows: after the marker (inline) or after the next ```text fence. */
export function blockRange(readme, { marker, inline }) {
  const at = readme.indexOf(marker);
  if (at < 0) throw new Error(`README marker not found: ${marker}`);
  const start = inline ? at + marker.length : readme.indexOf('```text\n', at) + '```text\n'.length;
  return [start, readme.indexOf('```', start)];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const path = new URL('README.md', root);
  let readme = readFileSync(path, 'utf8');
  for (const block of README_OUTPUTS) {
    const [start, end] = blockRange(readme, block);
    readme = readme.slice(0, start) + run(block.args, block.tail) + readme.slice(end);
  }
  writeFileSync(path, readme);
}
