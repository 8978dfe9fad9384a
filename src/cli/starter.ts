// The starter scenario `flyscale init` writes: every section a newcomer edits, with a unit on
// each duration and size and a comment on what each key means.
export const STARTER = `# yaml-language-server: $schema=./node_modules/flyscale/schemas/scenario.schema.json
# A flyscale scenario: what you run and where. Every duration and size needs a unit.
# Run it with: flyscale plan scenario.yaml
name: my-pipeline
profile: default # or flyte-oss, or a path to your measured profile
workload:
  items: 100000 # items to process
  itemRuntime: 200ms # one item; or samples [180ms, 210ms], or { median: 200ms, p95: 450ms }
  itemInputSize: 2KB
  itemOutputSize: 1KB
  itemMemory: 4MiB
  taskMemory: 2GiB
  data: inline # inline or reference (File, Dir, DataFrame)
  batchSize: auto # or a number of items per action
environment:
  replicas: [2, 10] # ReusePolicy.replicas: N or [min, max]
  concurrency: 4 # slots per replica; above 1 needs async tasks
  scaledownTtl: 5m
  idleTtl: 30m
`;
