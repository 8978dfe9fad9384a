// A workflow run or a stream too large to simulate is bad input on every command that
// simulates it: exit 2 before anything runs, the limit and the setting that fits, no stack trace.
import { describe, expect, it } from 'vitest';
import { flyscale, STACK_LINE } from '../helpers/cli.js';
import { tempDir } from '../helpers/files.js';

const tmp = tempDir('run-size');
// One map of 150,000,000 items in batches of 1: 150,000,000 actions in one run.
const bigRun = tmp.write('big.yaml', ['name: big', 'environments:', '  gpu: { replicas: 4, concurrency: 2 }', 'steps:', '  embed: { kind: map, environment: gpu, items: 150000000, itemRuntime: 1ms, batchSize: 1 }', ''].join('\n'));
// 14 one-action steps, 10,000,000 runs: 140,000,000 actions in one replication of the stream.
const chain = Array.from({ length: 14 }, (_, i) => `  s${i}: { kind: task, environment: cpu, runtime: 10ms${i > 0 ? `, after: [s${i - 1}]` : ''} }`);
const bigStream = tmp.write('bigstream.yaml', ['name: bigstream', 'environments:', '  cpu: { replicas: 8, concurrency: 8 }', 'steps:', ...chain, 'arrivals:', '  rate: 1/s', '  runs: 10000000', ''].join('\n'));
const budget = tmp.write(
  'budget.yaml',
  ['scenarios:', '  big: big.yaml', '  bs: bigstream.yaml', 'assertions:', '  - name: big run', '    scenario: big', '    simulate: { runs: 2, seed: 7 }', '    assert: latency.p99Seconds <= 10m', '  - name: big stream', '    scenario: bs', '    simulate: { runs: 2, seed: 7 }', '    assert: wait.meanSeconds <= 1s', ''].join('\n'),
);

const RUN_LIMIT = '150,000,000 actions in one simulated run is more than flyscale simulates (at most 10,000,000';
// ceil(150,000,000 / 10,000,000) = 15
const RUN_FIX = 'a batch size of at least 15 (steps.embed.batchSize: 15)';
const STREAM_LIMIT = 'a stream of 10,000,000 runs of 14 actions is 140,000,000 actions in one replication';
// floor(10,000,000 / 14) = 714,285
const STREAM_FIX = 'at most 714,285 runs';

function refused(args: string[], ...texts: string[]): void {
  const r = flyscale(args);
  expect(r.stderr).not.toMatch(STACK_LINE);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  for (const t of texts) expect(r.stderr).toContain(t);
}

describe('a simulation too large to run', () => {
  it('simulate refuses a workflow run over the limit', () => refused(['simulate', bigRun], RUN_LIMIT, RUN_FIX));
  it('simulate refuses a stream over the limit', () => refused(['simulate', bigStream], STREAM_LIMIT, STREAM_FIX, '--stream-runs 714285'));
  it('a stream made by flags is counted too', () => refused(['simulate', bigStream, '--stream-runs', '1000000'], 'a stream of 1,000,000 runs of 14 actions is 14,000,000 actions'));
  it('plan --compare refuses it', () => refused(['plan', bigRun, '--compare'], RUN_LIMIT));
  it('sweep --set refuses it before any point runs', () => {
    refused(['sweep', bigRun, '--set', 'environments.gpu.replicas=4,8'], RUN_LIMIT);
    refused(['sweep', bigStream, '--set', 'environments.cpu.replicas=8,9'], STREAM_LIMIT);
  });
  it('check refuses each assertion at its line, with the budget settings', () => {
    refused(['check', budget], 'budget.yaml:5:1: assertions.0.simulate: ' + RUN_LIMIT, '(steps.embed.batchSize: 15 in scenario big)', 'budget.yaml:9:1: assertions.1.simulate: ' + STREAM_LIMIT, '(arrivals.runs: 714285 in scenario bs)');
  });
});
