// flyscale replay: import a finished Flyte run, simulate it from the profile and scenario the
// import gives, and show predicted against observed. Exit 1 when the makespan is outside
// the tolerance.
import { toolVersion } from '../../config/version.js';
import { REPORT_FORMATS } from '../../render/formats.js';
import { replayDoc } from '../../render/replayDoc.js';
import { toolOf } from '../../report/header.js';
import { replayReport } from '../../report/replayReport.js';
import { verdictIf } from '../exitCode.js';
import type { ReplayOptions } from '../options.js';
import { output } from '../output.js';
import { replayRun } from '../replayRun.js';
import type { CommandResult, Terminal } from '../result.js';
import { formatOf } from '../scenarioOptions.js';
import { simulationOptions } from '../simulation.js';

export async function runReplay(files: readonly string[], options: ReplayOptions, term: Terminal): Promise<CommandResult> {
  const sim = simulationOptions(options);
  const format = formatOf(options, REPORT_FORMATS);
  const { texts, run, mapping, comparison, estimateMakespanSeconds, makespansSeconds } = await replayRun(files, options, sim, term, format === 'html');
  const report = replayReport({ tool: toolOf(toolVersion()), run: run.run, sources: texts.map((t) => ({ file: t.file, sha256: t.sha256 })), seed: sim.seed, mapping, comparison, estimateMakespanSeconds, makespansSeconds });
  return { stdout: await output(format, report, () => replayDoc(report), term, options.out), verdict: verdictIf(comparison.error.withinTolerance) };
}
