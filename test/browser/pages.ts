// The report pages the browser tests open, each with the JSON report of the same run (same
// seed), so the expected number of marks comes from the data, not from the page.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { flyscale, json, ROOT } from '../cli/run.js';

export const OUTPUT = join(ROOT, 'test-output', 'browser');

export interface Page<R = Record<string, unknown>> {
  kind: string;
  file: string;
  report: R;
}

function both(kind: string, args: readonly string[], jsonArgs: readonly string[] = args): Page {
  mkdirSync(OUTPUT, { recursive: true });
  const file = join(OUTPUT, `${kind}.html`);
  const page = flyscale([...args, '--format', 'html', '--out', file]);
  if (page.code !== 0 && page.code !== 1) throw new Error(`flyscale ${args.join(' ')} --format html failed (exit ${page.code}):\n${page.stderr}`);
  return { kind, file, report: json(flyscale([...jsonArgs, '--json'])) };
}

export const SWEEP_ARGS = ['sweep', '--batch-size', '100,250,500,1000', '--concurrency', '5,10', '--runs', '10', '--per-replica-hour', '0.35'];

export const REPLAY_ARGS = ['replay', 'examples/flyte-runs/pods', '--runs', '60'];

/** Two branches after one step: a critical path and a step with slack (test/browser/fixtures/). */
export const WORKFLOW = 'test/browser/fixtures/branching.yaml';

/** A map on a priced pool: more replicas end sooner and cost more, a front of several points. */
export const WORKFLOW_SWEEP_ARGS = ['sweep', 'test/browser/fixtures/pool-map.yaml', '--set', 'environments.pool.replicas=1,2,4,8', 'steps.work.batchSize=2,8', '--runs', '10'];

/** A stream of runs with its environments over time, and a sweep of its GPU pool (one size it cannot serve). */
export const STREAM_ARGS = ['simulate', 'examples/streams/inference-service.yaml', '--runs', '3', '--timeline'];
export const STREAM_SWEEP_ARGS = ['sweep', 'examples/streams/inference-service.yaml', '--set', 'environments.gpu.replicas=1,2,3,4,6', '--runs', '2'];

/** The kinds of page report.browser.test.ts opens, and those stream.browser.test.ts opens. */
export const MAIN_PAGES = ['plan', 'simulate', 'sweep', 'check', 'replay', 'workflow-plan', 'workflow-simulate', 'workflow-compare', 'workflow-sweep'] as const;
export const STREAM_PAGES = ['stream-simulate', 'stream-sweep'] as const;

/** The pages of the given kinds, each built with the JSON report of the same run. */
export function buildPages(kinds: readonly string[]): Page[] {
  const all: Record<string, () => Page> = {
    // The plan page draws every kind of action: the overhead command reports them all.
    plan: () => both('plan', ['plan'], ['overhead']),
    simulate: () => both('simulate', ['simulate', '--timeline', '--runs', '60']),
    sweep: () => both('sweep', SWEEP_ARGS),
    check: () => both('check', ['check', 'examples/budget.yaml']),
    // The page draws the timeline without --timeline; the JSON asks for it, to count its points.
    replay: () => both('replay', REPLAY_ARGS, [...REPLAY_ARGS, '--timeline']),
    'workflow-plan': () => both('workflow-plan', ['plan', WORKFLOW]),
    'workflow-simulate': () => both('workflow-simulate', ['simulate', WORKFLOW, '--runs', '30']),
    'workflow-compare': () => both('workflow-compare', ['plan', 'examples/workflows/inference-chain.yaml', '--compare', '--runs', '40']),
    'workflow-sweep': () => both('workflow-sweep', WORKFLOW_SWEEP_ARGS),
    'stream-simulate': () => both('stream-simulate', STREAM_ARGS),
    'stream-sweep': () => both('stream-sweep', STREAM_SWEEP_ARGS),
  };
  return kinds.map((kind) => {
    const build = all[kind];
    if (build === undefined) throw new Error(`no page of kind ${kind}`);
    return build();
  });
}
