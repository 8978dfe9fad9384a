// Every command in one table: its argument, description, options, examples and how to run it.
// program.ts loops over it; a command's module loads only when that command runs, so `plan`
// does not pay for the simulator.
import type { Writable } from 'node:stream';
import { CHECK_FORMATS, REPORT_FORMATS, type Format } from '../render/formats.js';
import type * as O from './options.js';
import type { CommandResult, Terminal } from './result.js';

/** What main.ts hands a command besides the terminal: the process's stderr, for a timed child's output (standard input is the terminal's). */
export interface Streams {
  stderr: Writable;
}

export interface OptionSpec {
  flags: string;
  help: string;
  default?: string;
  required?: boolean;
}

/** Where --format and --json go among a command's options (their order is the help's). */
export const FORMAT_OPTIONS = 'formats';

export interface CommandSpec<A, Opts> {
  /** "plan", or "profile fit" for a sub-command. */
  name: string;
  argument: { spec: string; help: string; default?: string };
  description: string;
  /** Scenario commands take --profile, --format and a flag per scenario field. */
  scenario?: boolean;
  /** The --format choices of a command that is not a scenario command, placed at FORMAT_OPTIONS. */
  formats?: readonly Format[];
  options: readonly (OptionSpec | typeof FORMAT_OPTIONS)[];
  examples: readonly string[];
  run: (arg: A, options: Opts, term: Terminal, streams: Streams) => Promise<CommandResult>;
}

const SIMULATION_FLAGS = (runsHelp: string, seedHelp: string, workersHelp: string, defaults: boolean): OptionSpec[] => [
  { flags: '--runs <count>', help: runsHelp, ...(defaults ? { default: '100' } : {}) },
  { flags: '--seed <integer>', help: seedHelp, ...(defaults ? { default: '1' } : {}) },
  { flags: '--workers <count>', help: workersHelp },
];
/** A stream of runs on simulate (docs/streams.md): set or override the file's arrivals: block. */
const STREAM_FLAGS: OptionSpec[] = [
  { flags: '--rate <rate>', help: 'runs arrive as a Poisson stream at this rate, e.g. 3/s or 180/min (arrivals.rate)' },
  { flags: '--interarrival <duration>', help: "time between arrivals instead of a rate: 500ms (evenly spaced) or '{dist: exponential, mean: 300ms}' (arrivals.interarrival)" },
  { flags: '--stream-runs <count>', help: 'runs in the stream, warm-up included (arrivals.runs)' },
  { flags: '--stream-duration <duration>', help: 'length of the stream, e.g. 1h (arrivals.duration)' },
  { flags: '--warmup <duration>', help: 'runs arriving in this first stretch are left out of the statistics, e.g. 5m (arrivals.warmup, default 0s)' },
  { flags: '--p99 <duration>', help: 'a stream: recommend the fewest replicas of its most loaded environment, then its cheapest scaledownTtl (idleTtl on a fixed pool), that keep the p99 latency under this, e.g. 2s' },
  { flags: '--explain', help: 'with --p99: show every pool size and TTL the search simulated' },
];
const P95: OptionSpec = { flags: '--p95', help: 'size batches by the p95 of the overhead instead of its mean' };
const SCENARIO_ARGUMENT = { spec: '[scenario]', help: "scenario file, or - to read standard input (default: examples/scaling-guide.yaml, the worked example of Flyte's scaling guide)" };
const PLAN_ARGUMENT = { spec: '[scenario]', help: "scenario, workflow (a file with steps:) or stream (a file with arrivals:) file, or - to read a scenario from standard input (default: examples/scaling-guide.yaml, the worked example of Flyte's scaling guide)" };
const SKIP_BAD_RECORDS: OptionSpec = { flags: '--skip-bad-rows', help: 'skip and count bad records instead of stopping at the first' };
const FROM_FORMAT: OptionSpec = { flags: '--from <format>', help: 'details (Flyte 2 ActionDetails), list (flyte -of json-raw get action) or flyte1 (default: from the content)' };
const REPORT_OUT: OptionSpec = { flags: '--out <file>', help: 'write the report here (atomically) instead of to stdout; with --format html, a page to open or attach' };
const OUT_FORCE: OptionSpec = { flags: '--force', help: 'overwrite an existing --out file' };

const command = <A, Opts>(spec: CommandSpec<A, Opts>): CommandSpec<A, Opts> => spec;

export const COMMANDS = [
  command<string | undefined, O.PlanOptions>({
    name: 'plan',
    argument: PLAN_ARGUMENT,
    description: 'the scaling plan: overhead, batch size, fan-out, concurrency, estimate and findings',
    scenario: true,
    options: [P95, { flags: '--simulate', help: 'also simulate the run and compare with the closed form' }, { flags: '--compare', help: 'a workflow file: each task, trace or local step as a task on pods, on a warm pool, a trace and local work; end-to-end p50/p99 and cost (--runs, default 200)' }, ...SIMULATION_FLAGS('replications with --simulate (default 100)', 'base seed with --simulate (default 1)', 'worker threads with --simulate', false), REPORT_OUT],
    examples: ['flyscale plan', 'flyscale plan examples/workflows/nightly-embed.yaml', 'flyscale plan examples/workflows/inference-chain.yaml --compare', 'flyscale plan --simulate --runs 200', 'flyscale plan examples/scaling-guide.yaml --batch-size 1', 'flyscale plan my.yaml --profile flyte-oss --json', 'flyscale init - | flyscale plan - --json', "flyscale plan --items 2000000 --item-runtime '{median: 80ms, p95: 300ms}' --replicas 10:40", 'flyscale plan --format html --out plan.html'],
    run: async (scenario, options, term) => (await import('./commands/plan.js')).runPlan(scenario, options, term),
  }),
  command<string | undefined, O.OverheadOptions>({
    name: 'overhead',
    argument: SCENARIO_ARGUMENT,
    description: 'per-action overhead of a task, a warm reusable slot, a cache hit and a trace',
    scenario: true,
    options: [{ flags: '--explain', help: 'print the formula with the numbers in it' }],
    examples: ['flyscale overhead', 'flyscale overhead --explain', "flyscale overhead --upload '{latency: 40ms, bandwidth: 200MB/s}' --enqueue '[150ms, 180ms, 420ms]'"],
    run: async (scenario, options, term) => (await import('./commands/overhead.js')).runOverhead(scenario, options, term),
  }),
  command<string | undefined, O.BatchOptions>({
    name: 'batch',
    argument: SCENARIO_ARGUMENT,
    description: 'the recommended batch size, every bound and which one binds',
    scenario: true,
    options: [P95],
    examples: ['flyscale batch', 'flyscale batch --item-runtime 20ms --item-memory 50MiB --task-memory 4GiB', 'flyscale batch --ratio 20 --p95'],
    run: async (scenario, options, term) => (await import('./commands/batch.js')).runBatch(scenario, options, term),
  }),
  command<string | undefined, O.FanoutOptions>({
    name: 'fanout',
    argument: SCENARIO_ARGUMENT,
    description: 'actions per run against the 50k / 40k / 10k-20k limits; exit 1 when over',
    scenario: true,
    options: [{ flags: '--actions <count>', help: 'check this many actions instead of items / batch size' }],
    examples: ['flyscale fanout --batch-size 10', 'flyscale fanout --actions 45000', 'flyscale fanout my.yaml --json'],
    run: async (scenario, options, term) => (await import('./commands/fanout.js')).runFanout(scenario, options, term),
  }),
  command<string | undefined, O.SimulateOptions>({
    name: 'simulate',
    argument: PLAN_ARGUMENT,
    description: 'simulate runs on the pool: makespan with confidence intervals, utilisation, cold starts, cost',
    scenario: true,
    options: [
      { flags: '--runs <count>', help: 'replications: a count, or auto (default): until the mean makespan is settled' },
      { flags: '--precision <fraction>', help: 'with --runs auto: half-width of the 95% interval of the mean makespan, e.g. 1% (default) or 0.005' },
      { flags: '--max-runs <count>', help: 'with --runs auto: stop here if not settled (default 1000)' },
      { flags: '--seed <integer>', help: 'base seed; replication r uses a seed derived from it', default: '1' },
      { flags: '--workers <count>', help: "worker threads for a scenario's replications (the report is identical for any count; default: by amount of work); a workflow or a stream runs in this process" },
      { flags: '--timeline', help: 'a time series of busy slots, ready replicas and queue length (a stream: replicas over time per environment)' },
      ...STREAM_FLAGS,
      REPORT_OUT,
    ],
    examples: ['flyscale simulate', 'flyscale simulate --precision 0.5% --max-runs 2000', 'flyscale simulate examples/workflows/nightly-embed.yaml --precision 2%', 'flyscale simulate examples/streams/inference-service.yaml', 'flyscale simulate examples/streams/inference-service.yaml --rate 5/s --stream-duration 30m --warmup 2m', "flyscale simulate my.yaml --rate 180/min --stream-runs 20000 --runs 10 --json | jq .latency.p99Seconds", 'flyscale simulate examples/streams/inference-service.yaml --rate 12/s --p99 8s --explain', 'flyscale simulate --runs 500 --seed 7 --workers 2', 'flyscale simulate my.yaml --timeline', 'flyscale simulate --replicas 2:50 --start-cold --json | jq .makespan', 'flyscale simulate --timeline --format html --out report.html'],
    run: async (scenario, options, term) => (await import('./commands/simulate.js')).runSimulate(scenario, options, term),
  }),
  command<string | undefined, O.SweepOptions>({
    name: 'sweep',
    argument: PLAN_ARGUMENT,
    description: 'simulate every combination of listed settings and rank them; any setting flag takes a list (a,b,c) or a range (START..END/STEP)',
    scenario: true,
    options: [
      { flags: '--objective <objective>', help: 'makespan or cost', default: 'makespan' },
      { flags: '--set <path=values...>', help: 'a workflow or stream file: a step or environment setting by path and its list or range, e.g. steps.embed.batchSize=100,250,500; the other setting flags then take one value, and --race does not apply' },
      // No commander default for --runs: a stream's points default to fewer replications (each is the whole stream).
      { flags: '--runs <count>', help: 'replications per point (default 100; a stream of runs: replications of the whole stream, default 5)' },
      { flags: '--seed <integer>', help: 'base seed, the same at every point (common random numbers)', default: '1' },
      { flags: '--workers <count>', help: 'worker threads of a scenario sweep (a sweep by --set runs in this process)' },
      { flags: '--race', help: 'race the points: a few replications each, drop those dominated on time and cost with 95% confidence, the full --runs for the rest' },
      { flags: '--force', help: 'run a grid of more than 1000 points' },
      REPORT_OUT,
    ],
    examples: ['flyscale sweep --batch-size 100,250,500,1000 --replicas 5:20,10:40 --concurrency 5,10', 'flyscale sweep examples/workflows/nightly-embed.yaml --set steps.embed.batchSize=100,150,300 --runs 10', 'flyscale sweep examples/streams/inference-service.yaml --set environments.gpu.replicas=2,3,4,1:6 environments.gpu.scaledownTtl=30s,5m --runs 3', 'flyscale sweep --profile default,flyte-oss --batch-size 500,1000,2000', 'flyscale sweep --batch-size 100..1000/100 --objective cost --per-replica-hour 0.35', 'flyscale sweep my.yaml --replicas 2,4,8,16 --runs 50 --json', 'flyscale sweep --replicas 1..10/1 --concurrency 1..10/1 --batch-size 100,200,500 --race', 'flyscale sweep --batch-size 100,250,500,1000 --concurrency 5,10 --format html --out sweep.html'],
    run: async (scenario, options, term) => (await import('./commands/sweep.js')).runSweep(scenario, options, term),
  }),
  command<string, O.CheckOptions>({
    name: 'check',
    argument: { spec: '<budget>', help: 'budget file: scenarios and assertions; - reads standard input' },
    description: 'check performance budgets: exit 1 when an error-level assertion fails',
    formats: CHECK_FORMATS,
    options: [
      FORMAT_OPTIONS,
      { flags: '--inconclusive <policy>', help: 'what an inconclusive simulated verdict does: fail, warn or pass', default: 'warn' },
      { flags: '--baseline <report.json>', help: 'a previous check report to compare against' },
      { flags: '--max-regression <percent>', help: 'relative regression allowed against the baseline (default 10%)' },
      { flags: '--out <file>', help: 'also write the JSON report here (atomically, even when the check fails); with --format html, the page instead' },
    ],
    examples: ['flyscale check examples/budget.yaml', 'flyscale check budget.yaml --format junit > flyscale.xml', 'flyscale check budget.yaml --format github --out report.json', 'flyscale check budget.yaml --baseline main-report.json --max-regression 10%', 'flyscale check budget.yaml --format html --out budget.html'],
    run: async (budget, options, term) => (await import('./commands/check.js')).runCheck(budget, options, term),
  }),
  command<string, O.InitOptions>({
    name: 'init',
    argument: { spec: '[file]', help: 'where to write; - prints it to standard output', default: 'scenario.yaml' },
    description: 'write a starter scenario file',
    options: [{ flags: '--force', help: 'overwrite an existing file' }],
    examples: ['flyscale init', 'flyscale init pipelines/embed.yaml --force', 'flyscale init - | flyscale plan -'],
    run: async (file, options, term) => (await import('./commands/init.js')).runInit(file, options, term),
  }),
  command<string[], O.ProfileFitOptions>({
    name: 'profile fit',
    argument: { spec: '<files...>', help: 'measurement logs: CSV, TSV or JSON Lines; - reads standard input' },
    description: 'fit a profile YAML from measurement logs, with n, the form chosen and why, and provenance',
    options: [
      { flags: '--out <file>', help: 'write the profile here (atomically) instead of to stdout' },
      OUT_FORCE,
      { flags: '--name <name>', help: 'the profile name (default: the --out file name)' },
      { flags: '--trim', help: 'exclude outliers beyond 3 IQR from the fit' },
      { flags: '--skip-bad-rows', help: 'skip and count bad rows instead of stopping at the first' },
      { flags: '--format <format>', help: 'log format: csv, tsv or jsonl (default: by extension, else by the first line)' },
      { flags: '--phase-column <name>', help: 'column holding the phase (default: phase)' },
      { flags: '--seconds-column <name>', help: 'column holding seconds (default: seconds)' },
      { flags: '--duration-column <name>', help: 'column holding durations with units, e.g. 120ms (default: duration)' },
      { flags: '--bytes-column <name>', help: 'column holding bytes moved (default: bytes)' },
      { flags: '--timestamp-column <name>', help: 'column holding the timestamp (default: timestamp)' },
      { flags: '--json', help: 'print a JSON report of the fit instead of the summary' },
    ],
    examples: ['flyscale profile fit examples/measurements/timings.csv --out my-profile.yaml', 'flyscale profile fit a.csv b.jsonl --trim --skip-bad-rows > my-profile.yaml', 'cat log.tsv | flyscale profile fit - --phase-column step --seconds-column elapsed --json'],
    run: async (files, options, term) => (await import('./commands/profileFit.js')).runProfileFit(files, options, term),
  }),
  command<string, O.ProfileShowOptions>({
    name: 'profile show',
    argument: { spec: '<profile>', help: 'a built-in profile (default, flyte-oss, flyte-v1) or a profile file' },
    description: 'each phase of a profile: mean, p50, p95, p99 and a histogram; --compare shows deltas',
    options: [{ flags: '--compare <profile>', help: 'a second profile to show beside it, with deltas' }, FORMAT_OPTIONS],
    examples: ['flyscale profile show default', 'flyscale profile show my-profile.yaml --compare default', 'flyscale profile show flyte-oss --json'],
    run: async (ref, options, term) => (await import('./commands/profileShow.js')).runProfileShow(ref, options, term),
  }),
  command<string[], O.ProfileImportOptions>({
    name: 'profile import',
    argument: { spec: '<runs...>', help: 'what Flyte recorded about one finished run: files or folders of JSON / JSON Lines' },
    description: 'a profile and a scenario from a finished Flyte run: per-phase samples, pod or pool, cold starts, provenance',
    options: [
      { flags: '--out <file>', help: 'write the profile here (atomically); the scenario goes beside it as <name>.scenario.yaml' },
      { flags: '--scenario <file>', help: 'write the scenario here instead' },
      { flags: '--force', help: 'overwrite existing files' },
      { flags: '--name <name>', help: 'the profile name (default: the --out file name)' },
      { flags: '--trim', help: 'exclude outliers beyond 3 IQR from the fits' },
      SKIP_BAD_RECORDS,
      FROM_FORMAT,
      { flags: '--json', help: 'print a JSON report of the import instead of the summary' },
    ],
    examples: ['flyscale profile import examples/flyte-runs/pods --out pods.yaml', 'flyscale profile import actions.jsonl --out run.yaml --scenario run-scenario.yaml --json'],
    run: async (runs, options, term) => (await import('./commands/profileImport.js')).runProfileImport(runs, options, term),
  }),
  command<string[], O.ReplayOptions>({
    name: 'replay',
    argument: { spec: '<runs...>', help: 'what Flyte recorded about one finished run (as profile import reads it)' },
    description: 'simulate an imported Flyte run from its own profile and scenario and compare with what happened; exit 1 when the makespan is outside the tolerance',
    formats: REPORT_FORMATS,
    options: [
      ...SIMULATION_FLAGS('replications', 'base seed', 'worker threads', true),
      { flags: '--tolerance <percent>', help: 'allowed |observed − predicted mean| / mean (default: inside the predicted p5–p95)' },
      { flags: '--timeline', help: 'busy slots over time, observed and predicted side by side' },
      SKIP_BAD_RECORDS,
      FROM_FORMAT,
      FORMAT_OPTIONS,
      REPORT_OUT,
    ],
    examples: ['flyscale replay examples/flyte-runs/pods', 'flyscale replay run/ --tolerance 15% --json | jq .error', 'flyscale replay actions.jsonl --timeline', 'flyscale replay examples/flyte-runs/reusable --format html --out replay.html'],
    run: async (runs, options, term) => (await import('./commands/replay.js')).runReplay(runs, options, term),
  }),
  command<string[], O.MeasureOptions>({
    name: 'measure',
    argument: { spec: '<command...>', help: 'the command to time and its arguments, after --' },
    description: 'time a command N times and write its runtimes in the log format profile fit reads',
    options: [
      { flags: '--runs <n>', help: 'timed runs', required: true },
      { flags: '--warmup <k>', help: 'untimed runs first', default: '0' },
      { flags: '--out <file>', help: 'write the samples here (atomically) instead of to stdout' },
      OUT_FORCE,
      { flags: '--phase <name>', help: 'the phase to write in each row', default: 'runtime' },
      { flags: '--quiet', help: "discard the command's output instead of passing it to stderr" },
      { flags: '--allow-failure', help: 'keep timing when the command exits non-zero (else exit 1)' },
    ],
    examples: ['flyscale measure --runs 20 --warmup 2 --out runtime.csv -- python item.py', 'flyscale profile fit runtime.csv   # then use the runtime fit as --item-runtime'],
    run: async (argv, options, term, streams) => (await import('./commands/measure.js')).runMeasure(argv, options, term, streams.stderr),
  }),
  command<string | undefined, Record<string, never>>({
    name: 'schema',
    argument: { spec: '[kind]', help: 'profile, scenario, workflow or budget (default: all four)' },
    description: 'print the JSON Schema of profile, scenario, workflow and budget files',
    options: [],
    examples: ['flyscale schema scenario > scenario.schema.json', 'flyscale schema workflow > workflow.schema.json', 'flyscale schema profile', 'flyscale schema budget'],
    run: async (kind) => (await import('./commands/schema.js')).runSchema(kind),
  }),
];

/** Groups of sub-commands ("profile fit", "profile show"): their own help and examples. */
export const GROUPS = {
  profile: { description: 'fit a profile from measured timings or import one from a finished Flyte run, or show one', examples: ['flyscale profile fit timings.csv --out my-profile.yaml', 'flyscale profile import actions.jsonl --out my-run.yaml', 'flyscale profile show default --compare my-profile.yaml'] },
} as const;

export const examplesText = (examples: readonly string[]): string => `\nExamples:\n${examples.map((e) => `  $ ${e}`).join('\n')}\n`;
