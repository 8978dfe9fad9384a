// The commander program, built from the command table (commands.ts): one loop, one examples
// formatter, --format choices from the render registry's lists.
import { Command } from 'commander';
import { toolVersion } from '../config/version.js';
import { REPORT_FORMATS } from '../render/formats.js';
import { COMMANDS, examplesText, FORMAT_OPTIONS, GROUPS, type CommandSpec, type Streams } from './commands.js';
import type { CommandResult, Terminal } from './result.js';
import { addFormatOptions, addScenarioOptions } from './scenarioOptions.js';

export type Action = (term: Terminal, streams: Streams) => Promise<CommandResult>;

const HELP_AFTER = `
Examples:
  $ flyscale plan                                   the worked example of Flyte's scaling guide
  $ flyscale plan my.yaml --json | jq .batch        a scenario file, as JSON
  $ flyscale simulate my.yaml --runs 200            the simulated run with confidence intervals
  $ flyscale check budget.yaml --format github      performance budgets in CI
  $ flyscale profile fit timings.csv --out mine.yaml

Exit codes: 0 ok, 1 a check failed, 2 bad usage or input. Docs: README.md, docs/.
`;

/** The table's run functions differ in their argument and option types; commander hands both over untyped. */
type AnyRun = (arg: unknown, options: unknown, term: Terminal, streams: Streams) => Promise<CommandResult>;

/** Where commander writes help, the version and usage errors (main.ts's writers). */
export interface ProgramOutput {
  writeOut: (text: string) => void;
  writeErr: (text: string) => void;
}

export function buildProgram(argv: readonly string[], output: ProgramOutput, run: (action: Action) => void): Command {
  // Registering ~50 field flags costs start-up time: only the command being run gets them
  // (its --help lists them); the top-level help needs names and descriptions alone.
  const invoked = argv.find((a) => !a.startsWith('-'));
  const program = new Command('flyscale')
    .description('Scale Flyte and Union workflows before you run them: overhead, batch size, fan-out limits and makespan.')
    .version(toolVersion())
    .showHelpAfterError('(run with --help for usage and examples)')
    .exitOverride() // before the sub-commands, so they inherit it
    .configureOutput(output) // the same
    .addHelpText('after', HELP_AFTER);
  const groups = new Map<string, Command>();
  const parentOf = (name: string): Command => {
    const [group, sub] = name.split(' ');
    if (sub === undefined || group === undefined || !(group in GROUPS)) return program;
    const found = groups.get(group);
    if (found) return found;
    const g = GROUPS[group as keyof typeof GROUPS];
    const made = program.command(group).description(g.description).addHelpText('after', examplesText(g.examples));
    groups.set(group, made);
    return made;
  };
  // A run of a named command needs only that command (or that group): the others are there for
  // the top-level help, `flyscale help` and the suggestions on a mistyped command name.
  const specs = COMMANDS as readonly CommandSpec<unknown, unknown>[];
  const first = argv[0];
  const only = specs.some((spec) => spec.name.split(' ')[0] === first) ? first : undefined;
  for (const spec of specs) if (only === undefined || spec.name.split(' ')[0] === only) add(parentOf(spec.name), spec, invoked, run);
  return program;
}

function add(parent: Command, spec: CommandSpec<unknown, unknown>, invoked: string | undefined, run: (action: Action) => void): void {
  const name = spec.name.split(' ').pop() ?? spec.name;
  const { argument } = spec;
  const cmd = parent.command(name).argument(argument.spec, argument.help, argument.default).description(spec.description).addHelpText('after', examplesText(spec.examples));
  if (spec.scenario === true && invoked === spec.name) addScenarioOptions(cmd, REPORT_FORMATS);
  for (const option of spec.options) {
    if (option === FORMAT_OPTIONS) addFormatOptions(cmd, spec.formats ?? REPORT_FORMATS);
    else if (option.required === true) cmd.requiredOption(option.flags, option.help, option.default);
    else cmd.option(option.flags, option.help, option.default);
  }
  const go = spec.run as AnyRun;
  cmd.action((arg: unknown, options: unknown) => run((term, streams) => go(arg, options, term, streams)));
}
