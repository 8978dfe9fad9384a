// The JSON Schema of a budget file (`flyscale check`), so editors complete it like the others.
import { LEVELS } from '../core/check/budget.js';
import { PLAN_METRICS, SIMULATE_METRICS, STREAM_METRICS, WORKFLOW_PLAN_METRICS } from '../core/check/metrics.js';
import { WORKFLOW_SIMULATE_METRICS } from '../core/check/workflowMetrics.js';

export function budgetSchema(): Record<string, unknown> {
  const metrics = [...PLAN_METRICS, ...SIMULATE_METRICS].join(', ');
  const workflow = [...WORKFLOW_PLAN_METRICS, 'steps.<name>.endSeconds (and the step\'s other plan fields)', ...WORKFLOW_SIMULATE_METRICS.filter((m) => !SIMULATE_METRICS.includes(m)), 'steps.<name>.start.meanSeconds', 'steps.<name>.end.meanSeconds'].join(', ');
  const stream = STREAM_METRICS.join(', ');
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'flyscale budget',
    type: 'object',
    required: ['scenarios', 'assertions'],
    additionalProperties: false,
    properties: {
      scenarios: {
        type: 'object',
        description: 'scenarios by name: a scenario file (relative to this file) or a scenario inline',
        minProperties: 1,
        additionalProperties: { oneOf: [{ type: 'string' }, { type: 'object', description: 'a scenario, as in a scenario file' }] },
      },
      assertions: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          required: ['name', 'assert'],
          additionalProperties: false,
          properties: {
            name: { type: 'string', description: 'unique within the file' },
            scenario: { type: 'string', description: 'a name under scenarios (optional when there is one)' },
            assert: {
              type: 'string',
              pattern: '^\\s*[A-Za-z][\\w.]*\\s*(<=|>=|==|<|>)\\s*\\S',
              description: `<metric> <op> <value>; durations need units (30m). Metrics: ${metrics}. Of a workflow file besides: ${workflow}. Of a stream of runs (a file with arrivals:): ${stream}`,
              examples: ['fanout.actions <= 20000', 'makespan.p95Seconds <= 30m', 'latency.p99Seconds <= 10s'],
            },
            level: { enum: [...LEVELS], default: 'error' },
            simulate: {
              type: 'object',
              additionalProperties: false,
              description: 'simulate for this assertion (needed for makespan.*, latency.*, cost.mean, ...)',
              properties: { runs: { type: 'integer', minimum: 2, default: 100 }, seed: { type: 'integer', minimum: 0, maximum: 4294967295, default: 1 } },
            },
            maxRegression: { oneOf: [{ type: 'string', pattern: '^\\s*\\d+(\\.\\d+)?\\s*%\\s*$' }, { type: 'number', minimum: 0 }], description: 'allowed regression against --baseline, e.g. 10%' },
          },
        },
      },
    },
  };
}
