// A workflow file (one with `steps:`) given where a scenario file is read: said as such, with the
// commands that take it, instead of `steps:` and `environments:` reported as unknown keys.
import { isRecord } from '../core/isRecord.js';
import type { SourceDoc } from './document.js';
import type { InputProblem } from './errors.js';

/** The commands that read a workflow file, and how each is told what to run instead. */
const TAKES_WORKFLOWS = 'a workflow file is read by plan, simulate and sweep --set';

/** A `--set` example in the file's own names: its first map step's batch size, else its first environment's replicas. */
function sweepExample(data: Record<string, unknown>): string {
  const steps = isRecord(data.steps) ? data.steps : {};
  const map = Object.keys(steps).find((n) => isRecord(steps[n]) && steps[n].kind === 'map');
  if (map !== undefined) return `--set steps.${map}.batchSize=100,200`;
  const env = isRecord(data.environments) ? Object.keys(data.environments)[0] : undefined;
  return `--set environments.${env ?? '<name>'}.replicas=4,8`;
}

/**
 * The problem of a workflow where a scenario is read, or null for a scenario. `command`: the
 * command reading it (undefined: the library); `stdin`: read from standard input; `inline`: a
 * budget's scenario written in the budget itself.
 */
export function workflowNotScenario(doc: SourceDoc, prefix: readonly string[], data: Record<string, unknown>, where: { command: string | undefined; stdin: boolean; inline: boolean }): InputProblem | null {
  if (!('steps' in data)) return null;
  const at = { source: doc.source, path: [...prefix, 'steps'].join('.'), ...(doc.locate([...prefix, 'steps'], true) ?? {}) };
  const { command, stdin, inline } = where;
  if (inline) return { ...at, problem: 'a workflow (it has steps:) written inside the budget; a budget reads a workflow from its own file', fix: `move the workflow to a file and name it under scenarios:, e.g. ${prefix[prefix.length - 1] ?? 'name'}: ${prefix[prefix.length - 1] ?? 'workflow'}.yaml` };
  if (stdin) return { ...at, problem: 'a workflow file (it has steps:) on standard input, which is read as a scenario file', fix: 'give the workflow file by its path, e.g. flyscale plan examples/workflows/nightly-embed.yaml' };
  if (command === 'sweep') {
    return { ...at, problem: 'a workflow file (it has steps:); the setting flags (--batch-size 100,200 ...) sweep a scenario file', fix: `sweep a workflow by the paths of its settings, e.g. flyscale sweep ${doc.source} ${sweepExample(data)}` };
  }
  const who = command === undefined ? 'a scenario file is expected here' : `flyscale ${command} reads a scenario file (one fan-out: workload:, environment:)`;
  return { ...at, problem: `a workflow file (it has steps:); ${who}`, fix: `${TAKES_WORKFLOWS}: flyscale plan ${doc.source} shows each step's overhead, batch size and the run's fan-out` };
}
