// The only place that touches the terminal and the exit code. Commands are loaded lazily,
// so `plan` does not pay for the simulator, and return { stdout, stderr, exitCode }.
import { Command, CommanderError } from 'commander';
import { InputError, formatProblem } from '../config/errors.js';
import type { CommandResult, Terminal } from './result.js';
import { addFormatOptions, addScenarioOptions } from './scenarioOptions.js';
import { toolVersion } from './version.js';

type Action = (term: Terminal) => Promise<CommandResult>;

const EXAMPLES = {
  plan: ['flyscale plan', 'flyscale plan --simulate --runs 200', 'flyscale plan examples/seed-example.yaml --batch-size 1', 'flyscale plan my.yaml --profile flyte-oss --json', "flyscale plan --items 2000000 --item-runtime '{median: 80ms, p95: 300ms}' --replicas 10:40", 'flyscale plan --format html --out plan.html'],
  overhead: ['flyscale overhead', 'flyscale overhead --explain', "flyscale overhead --upload '{latency: 40ms, bandwidth: 200MB/s}' --enqueue '[150ms, 180ms, 420ms]'"],
  batch: ['flyscale batch', 'flyscale batch --item-runtime 20ms --item-memory 50MiB --task-memory 4GiB', 'flyscale batch --ratio 20 --p95'],
  fanout: ['flyscale fanout --batch-size 10', 'flyscale fanout --actions 45000', 'flyscale fanout my.yaml --json'],
  simulate: ['flyscale simulate', 'flyscale simulate --runs 500 --seed 7 --workers 2', 'flyscale simulate my.yaml --timeline', 'flyscale simulate --replicas 2:50 --start-cold --json | jq .makespan', 'flyscale simulate --timeline --format html --out report.html'],
  sweep: ['flyscale sweep --batch-size 100,250,500,1000 --replicas 5:20,10:40 --concurrency 5,10', 'flyscale sweep --profile default,flyte-oss --batch-size 500,1000,2000', 'flyscale sweep --batch-size 100..1000/100 --objective cost --per-replica-hour 0.35', 'flyscale sweep my.yaml --replicas 2,4,8,16 --runs 50 --json', 'flyscale sweep --batch-size 100,250,500,1000 --concurrency 5,10 --format html --out sweep.html'],
  check: ['flyscale check examples/budget.yaml', 'flyscale check budget.yaml --format junit > flyscale.xml', 'flyscale check budget.yaml --format github --out report.json', 'flyscale check budget.yaml --baseline main-report.json --max-regression 10%', 'flyscale check budget.yaml --format html --out budget.html'],
  init: ['flyscale init', 'flyscale init pipelines/embed.yaml --force'],
  schema: ['flyscale schema scenario > scenario.schema.json', 'flyscale schema profile', 'flyscale schema budget'],
} as const;

const examples = (name: keyof typeof EXAMPLES): string => `\nExamples:\n${EXAMPLES[name].map((e) => `  $ ${e}`).join('\n')}\n`;

function buildProgram(argv: readonly string[], run: (action: Action) => void): Command {
  // Registering ~50 field flags costs start-up time: only the command being run gets them
  // (its --help lists them); the top-level help needs names and descriptions alone.
  const invoked = argv.find((a) => !a.startsWith('-'));
  const program = new Command('flyscale')
    .description('Scale Flyte and Union workflows before you run them: overhead, batch size, fan-out limits and makespan.')
    .version(toolVersion())
    .showHelpAfterError('(run with --help for usage and examples)')
    .exitOverride() // before the sub-commands, so they inherit it
    .addHelpText(
      'after',
      `
Examples:
  $ flyscale plan                                   the seed's worked example on the default profile
  $ flyscale plan my.yaml --json | jq .batch        a scenario file, as JSON
  $ flyscale simulate my.yaml --runs 200            the simulated run with confidence intervals
  $ flyscale check budget.yaml --format github      performance budgets in CI
  $ flyscale profile fit timings.csv --out mine.yaml

Exit codes: 0 ok, 1 a check failed, 2 bad usage or input. Docs: README.md, docs/.
`,
    );

  const scenarioCommand = (name: keyof typeof EXAMPLES, description: string): Command => {
    const cmd = program.command(name).argument('[scenario]', 'scenario file (default: the seed example)').description(description).addHelpText('after', examples(name));
    return invoked === name ? addScenarioOptions(cmd) : cmd;
  };

  scenarioCommand('plan', 'the scaling plan: overhead, batch size, fan-out, concurrency, estimate and findings')
    .option('--p95', 'size batches by the p95 of the overhead instead of its mean')
    .option('--simulate', 'also simulate the run and compare with the closed form')
    .option('--runs <count>', 'replications with --simulate (default 100)')
    .option('--seed <integer>', 'base seed with --simulate (default 1)')
    .option('--workers <count>', 'worker threads with --simulate')
    .option('--out <file>', 'write the report here (atomically) instead of to stdout; with --format html, a page to open or attach')
    .action((scenario: string | undefined, options: Record<string, unknown>) => run(async (t) => (await import('./commands/plan.js')).runPlan(scenario, options, t)));
  scenarioCommand('overhead', 'per-action overhead of a task, a warm reusable slot, a cache hit and a trace')
    .option('--explain', 'print the formula with the numbers in it')
    .action((scenario: string | undefined, options: Record<string, unknown>) => run(async (t) => (await import('./commands/parts.js')).runOverhead(scenario, options, t)));
  scenarioCommand('batch', 'the recommended batch size, every bound and which one binds')
    .option('--p95', 'size batches by the p95 of the overhead instead of its mean')
    .action((scenario: string | undefined, options: Record<string, unknown>) => run(async (t) => (await import('./commands/parts.js')).runBatch(scenario, options, t)));
  scenarioCommand('fanout', 'actions per run against the 50k / 40k / 10k-20k limits; exit 1 when over')
    .option('--actions <count>', 'check this many actions instead of items / batch size')
    .action((scenario: string | undefined, options: Record<string, unknown>) => run(async (t) => (await import('./commands/parts.js')).runFanout(scenario, options, t)));
  scenarioCommand('simulate', 'simulate runs on the pool: makespan with confidence intervals, utilisation, cold starts, cost')
    .option('--runs <count>', 'replications', '100')
    .option('--seed <integer>', 'base seed; replication r uses a seed derived from it', '1')
    .option('--workers <count>', 'worker threads (the report is identical for any count; default: by amount of work)')
    .option('--timeline', 'a time series of busy slots, ready replicas and queue length')
    .option('--out <file>', 'write the report here (atomically) instead of to stdout; with --format html, a page to open or attach')
    .action((scenario: string | undefined, options: Record<string, unknown>) => run(async (t) => (await import('./commands/simulate.js')).runSimulate(scenario, options, t)));
  scenarioCommand('sweep', 'simulate every combination of listed settings and rank them; any setting flag takes a list (a,b,c) or a range (START..END/STEP)')
    .option('--objective <objective>', 'makespan or cost', 'makespan')
    .option('--runs <count>', 'replications per point', '100')
    .option('--seed <integer>', 'base seed, the same at every point (common random numbers)', '1')
    .option('--workers <count>', 'worker threads')
    .option('--force', `run a grid of more than 1000 points`)
    .option('--out <file>', 'write the report here (atomically) instead of to stdout; with --format html, a page to open or attach')
    .action((scenario: string | undefined, options: Record<string, unknown>) => run(async (t) => (await import('./commands/sweep.js')).runSweep(scenario, options, t)));
  addFormatOptions(program.command('check').argument('<budget>', 'budget file: scenarios and assertions'), ['table', 'json', 'markdown', 'junit', 'github', 'html'])
    .description('check performance budgets: exit 1 when an error-level assertion fails')
    .option('--inconclusive <policy>', 'what an inconclusive simulated verdict does: fail, warn or pass', 'warn')
    .option('--baseline <report.json>', 'a previous check report to compare against')
    .option('--max-regression <percent>', 'relative regression allowed against the baseline (default 10%)')
    .option('--out <file>', 'also write the JSON report here (atomically, even when the check fails); with --format html, the page instead')
    .addHelpText('after', examples('check'))
    .action((budget: string, options: Record<string, unknown>) => run(async (t) => (await import('./commands/check.js')).runCheck(budget, options, t)));
  program
    .command('init')
    .argument('[file]', 'where to write', 'scenario.yaml')
    .description('write a starter scenario file')
    .option('--force', 'overwrite an existing file')
    .addHelpText('after', examples('init'))
    .action((file: string, options: Record<string, unknown>) => run(async (t) => (await import('./commands/init.js')).runInit(file, options, t)));
  // issue 5: measured profiles (profile fit, profile show) and measure.
  const MEASURED_EXAMPLES = {
    profile: ['flyscale profile fit timings.csv --out my-profile.yaml', 'flyscale profile show default --compare my-profile.yaml'],
    profileFit: ['flyscale profile fit examples/measurements/timings.csv --out my-profile.yaml', 'flyscale profile fit a.csv b.jsonl --trim --skip-bad-rows > my-profile.yaml', 'cat log.tsv | flyscale profile fit - --phase-column step --seconds-column elapsed --json'],
    profileShow: ['flyscale profile show default', 'flyscale profile show my-profile.yaml --compare default', 'flyscale profile show flyte-oss --json'],
    measure: ['flyscale measure --runs 20 --warmup 2 --out runtime.csv -- python item.py', 'flyscale profile fit runtime.csv   # then use the runtime fit as --item-runtime'],
  } as const;
  const measuredExamples = (name: keyof typeof MEASURED_EXAMPLES): string => `\nExamples:\n${MEASURED_EXAMPLES[name].map((e) => `  $ ${e}`).join('\n')}\n`;
  const profile = program.command('profile').description('fit a profile from measured timings, or show one').addHelpText('after', measuredExamples('profile'));
  profile
    .command('fit')
    .argument('<files...>', 'measurement logs: CSV, TSV or JSON Lines; - reads standard input')
    .description('fit a profile YAML from measurement logs, with n, the form chosen and why, and provenance')
    .option('--out <file>', 'write the profile here (atomically) instead of to stdout')
    .option('--force', 'overwrite an existing --out file')
    .option('--name <name>', 'the profile name (default: the --out file name)')
    .option('--trim', 'exclude outliers beyond 3 IQR from the fit')
    .option('--skip-bad-rows', 'skip and count bad rows instead of stopping at the first')
    .option('--format <format>', 'log format: csv, tsv or jsonl (default: by extension, else by the first line)')
    .option('--phase-column <name>', 'column holding the phase (default: phase)')
    .option('--seconds-column <name>', 'column holding seconds (default: seconds)')
    .option('--duration-column <name>', 'column holding durations with units, e.g. 120ms (default: duration)')
    .option('--bytes-column <name>', 'column holding bytes moved (default: bytes)')
    .option('--timestamp-column <name>', 'column holding the timestamp (default: timestamp)')
    .option('--json', 'print a JSON report of the fit instead of the summary')
    .addHelpText('after', measuredExamples('profileFit'))
    .action((files: string[], options: Record<string, unknown>) => run(async (t) => (await import('./commands/profileFit.js')).runProfileFit(files, options, t, () => process.stdin)));
  addFormatOptions(
    profile
      .command('show')
      .argument('<profile>', 'a built-in profile (default, flyte-oss) or a profile file')
      .description('each phase of a profile: mean, p50, p95, p99 and a histogram; --compare shows deltas')
      .option('--compare <profile>', 'a second profile to show beside it, with deltas'),
  )
    .addHelpText('after', measuredExamples('profileShow'))
    .action((ref: string, options: Record<string, unknown>) => run(async (t) => (await import('./commands/profileShow.js')).runProfileShow(ref, options, t)));
  program
    .command('measure')
    .argument('<command...>', 'the command to time and its arguments, after --')
    .description("time a command N times and write its runtimes in the log format profile fit reads")
    .requiredOption('--runs <n>', 'timed runs')
    .option('--warmup <k>', 'untimed runs first', '0')
    .option('--out <file>', 'write the samples here (atomically) instead of to stdout')
    .option('--force', 'overwrite an existing --out file')
    .option('--phase <name>', 'the phase to write in each row', 'runtime')
    .option('--quiet', "discard the command's output instead of passing it to stderr")
    .option('--allow-failure', 'keep timing when the command exits non-zero (else exit 1)')
    .addHelpText('after', measuredExamples('measure'))
    .action((command: string[], options: Record<string, unknown>) => run(async (t) => (await import('./commands/measure.js')).runMeasure(command, options, t, process.stderr)));
  program
    .command('schema')
    .argument('[kind]', 'profile, scenario or budget (default: all three)')
    .description('print the JSON Schema of profile, scenario and budget files')
    .addHelpText('after', examples('schema'))
    .action((kind: string | undefined) => run(async () => (await import('./commands/schema.js')).runSchema(kind)));
  return program;
}

function terminal(): Terminal {
  const env = process.env;
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0';
  const color = forced || (process.stdout.isTTY === true && env.NO_COLOR === undefined && env.TERM !== 'dumb');
  const interactive = process.stderr.isTTY === true;
  return { color, width: process.stdout.columns ?? 100, cwd: process.cwd(), env, interactive, progress: interactive ? progressBar() : () => {} };
}

/** A progress bar on stderr for work that runs longer than a second; cleared when done. */
function progressBar(): Terminal['progress'] {
  const started = Date.now();
  let drawn = false;
  return (label, done, total) => {
    if (Date.now() - started < 1000 && !drawn) return;
    const width = 30;
    const filled = total > 0 ? Math.round((done / total) * width) : width;
    process.stderr.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
    drawn = true;
    if (done >= total) {
      process.stderr.write('\r\u001b[2K');
      drawn = false;
    }
  };
}

function report(error: unknown): number {
  if (error instanceof InputError) {
    process.stderr.write(`flyscale: bad input\n${error.problems.map((p) => `  ${formatProblem(p)}`).join('\n')}\n`);
    return 2;
  }
  if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
  process.stderr.write(`flyscale: internal error (a bug; please report it)\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return 70;
}

export async function main(argv: readonly string[]): Promise<void> {
  // A reader that goes away early (`flyscale schema | head`) is not a failure of ours: stop
  // writing and keep the command's exit code, instead of dying on an unhandled EPIPE.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  let pending: Promise<void> | undefined;
  const program = buildProgram(argv, (action) => {
    pending = action(terminal()).then((result) => {
      if (result.stderr) process.stderr.write(result.stderr);
      process.stdout.write(result.stdout);
      process.exitCode = result.exitCode;
    });
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    await pending;
  } catch (error) {
    process.exitCode = report(error);
  }
}
