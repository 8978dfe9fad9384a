// A workflow file (one with steps:) where a scenario file is read: said as such at its steps:
// line, with the commands that take it, instead of steps: and environments: as unknown keys.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { flyscale } from '../helpers/cli.js';
import { tempDir } from '../helpers/files.js';

const tmp = tempDir('not-scenario');
const WF = 'examples/workflows/nightly-embed.yaml'; // steps: on line 9; embed is its map step
const STREAM = 'examples/streams/inference-service.yaml'; // tasks only, environments cpu and gpu

function refused(args: string[], input?: string) {
  const r = flyscale(args, input === undefined ? {} : { input });
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).not.toContain('unknown key');
  return r.stderr;
}

describe('a workflow file given where a scenario is read', () => {
  it('overhead, batch and fanout say it is a workflow file and which commands take it', () => {
    for (const command of ['overhead', 'batch', 'fanout']) {
      const err = refused([command, WF]);
      expect(err).toContain(`${WF}:9:1: steps: a workflow file (it has steps:); flyscale ${command} reads a scenario file (one fan-out: workload:, environment:)`);
      expect(err).toContain(`a workflow file is read by plan, simulate and sweep --set: flyscale plan ${WF} shows`);
    }
  });
  it('sweep with setting lists points at --set in the file\'s own names', () => {
    expect(refused(['sweep', WF, '--batch-size', '100,200'])).toContain(`e.g. flyscale sweep ${WF} --set steps.embed.batchSize=100,200`);
    // No map step: the first environment's replicas.
    expect(refused(['sweep', STREAM, '--replicas', '2,4'])).toContain(`e.g. flyscale sweep ${STREAM} --set environments.cpu.replicas=4,8`);
  });
  it('on standard input it asks for the path, since standard input is read as a scenario', () => {
    expect(refused(['plan', '-'], readFileSync(WF, 'utf8'))).toContain('<stdin>:9:1: steps: a workflow file (it has steps:) on standard input');
  });
  it('a workflow written inside a budget is asked to move to its own file', () => {
    const budget = tmp.write('inline.yaml', ['scenarios:', '  wf:', '    environments:', '      cpu: { replicas: 2 }', '    steps:', '      a: { kind: task, environment: cpu, runtime: 1s }', 'assertions:', '  - name: x', '    scenario: wf', '    assert: estimate.makespanSeconds <= 1h', ''].join('\n'));
    expect(refused(['check', budget])).toContain('inline.yaml:5:5: scenarios.wf.steps: a workflow (it has steps:) written inside the budget; a budget reads a workflow from its own file; move the workflow to a file and name it under scenarios:, e.g. wf: wf.yaml');
  });
});
