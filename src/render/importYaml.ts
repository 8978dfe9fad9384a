// The two files `flyscale profile import` writes from a Flyte run: the profile (the fitted
// phases, with the same comments as `profile fit`, plus where each came from in Flyte's
// record) and the scenario of the observed workload. Pure: hashes and dates come in.
import type { PhaseFit } from '../core/fit/fitPhase.js';
import type { RunMapping } from '../core/import/mapping.js';
import { renderProfileYaml, type ProfileSource } from './profileYaml.js';
import { durationText, empiricalLines, inlineDist } from './yamlValues.js';

export interface ImportYamlOptions {
  name: string;
  run: string;
  sources: readonly ProfileSource[];
  date: string;
  profilePhases: readonly string[];
  schemaPath: string;
  /** The profile as the scenario names it (a path relative to the scenario). */
  profileRef: string;
  scenarioSchemaPath: string;
  /** Lines to append after the phases (a Flyte 1 run: flyte-v1's limits and defaults). */
  appendLines?: readonly string[];
}

const num = (x: number): string => String(Number(x.toPrecision(4)));

export function importedProfileYaml(fits: readonly PhaseFit[], mapping: RunMapping, options: ImportYamlOptions): string {
  const inProfile = fits.filter((f) => options.profilePhases.includes(f.phase));
  const text = renderProfileYaml(inProfile, { name: options.name, description: `Imported from Flyte run ${options.run} on ${options.date}`, sources: options.sources, date: options.date, profilePhases: options.profilePhases, schemaPath: options.schemaPath });
  const lines = text.replace('Fitted by `flyscale profile fit`', 'Imported by `flyscale profile import`').replace('observations in:', 'records in:').trimEnd().split('\n');
  const at = lines.findIndex((l) => l.startsWith('# Each phase says'));
  const mappingLines = [`# Flyte run ${options.run}: ${mapping.main.actions} actions in group ${mapping.main.name}; ${mapping.pool.mode === 'pod' ? 'a pod per task' : 'a reusable pool'}: ${mapping.pool.reason}.`, '# Where each value came from (docs/importing.md):', ...mapping.provenance.map((p) => `#   ${p}`)];
  lines.splice(at < 0 ? 1 : at, 0, ...mappingLines);
  const phases = lines.findIndex((l) => l === 'phases: {}');
  if (phases >= 0) lines[phases] = 'phases:';
  lines.push('  # Inside RUNNING, which Flyte does not split: the item runtime of the scenario holds them.', '  downloadInputs: 0s', '  uploadOutputs: 0s', ...(options.appendLines ?? []));
  return `${lines.join('\n')}\n`;
}

function runtimeLines(fit: PhaseFit | undefined): string[] {
  if (fit === undefined) return ['  itemRuntime: 1s # no attempt succeeded: nothing measured'];
  const one = inlineDist(fit.latency.dist);
  const head = `  # RUNNING of ${fit.n} succeeded attempts: ${fit.reason}`;
  if (one !== null) return [head, `  itemRuntime: ${one}`];
  return [head, '  itemRuntime:', ...empiricalLines(fit.latency.dist.kind === 'empirical' ? fit.latency.dist.samples : [], 4)];
}

export function importedScenarioYaml(fits: readonly PhaseFit[], mapping: RunMapping, options: ImportYamlOptions): string {
  const w = mapping.workload;
  const groups = mapping.groups.map((g) => `${g.name} (${g.actions})`).join(', ');
  const out = [
    `# yaml-language-server: $schema=${options.scenarioSchemaPath}`,
    `# The workload of Flyte run ${options.run}, as observed, imported by \`flyscale profile import\` on ${options.date} from:`,
    ...options.sources.map((s) => `#   ${s.file}  sha256:${s.sha256}  (${s.rows} records${s.badRows ? `, ${s.badRows} bad records skipped` : ''})`),
    `# Groups of child actions found: ${groups}; this scenario is ${mapping.main.name}.`,
    `# Observed: makespan ${durationText(mapping.makespanSeconds)}, peak ${mapping.occupancy.peak} slots busy, ${mapping.pool.coldStarts} cold starts. Check it with: flyscale replay`,
    `name: ${JSON.stringify(options.run)}`,
    `profile: ${JSON.stringify(options.profileRef)}`,
    'workload:',
    `  items: ${w.items} # one item per child action`,
    '  batchSize: 1',
    ...runtimeLines(fits.find((f) => f.phase === 'runtime')),
    `  cacheHitRatio: ${num(w.cacheHitRatio)} # ${mapping.main.cacheHits} of ${w.items} actions were cache hits`,
    'environment:',
  ];
  if (w.pool.mode === 'pod') {
    out.push('  podPerTask: true');
    if (w.pool.clusterSlots !== null) out.push(`  clusterSlots: ${w.pool.clusterSlots} # the peak of pods at once; ${mapping.main.samples.waitingForResources.length} attempts waited for resources`);
  } else {
    out.push('  podPerTask: false', `  replicas: [${w.pool.minReplicas}, ${w.pool.maxReplicas}]${w.pool.fromPolicy ? ' # the reuse policy' : ' # inferred, see the profile'}`, `  concurrency: ${w.pool.concurrency}`);
  }
  out.push(
    `  parentStart: ${durationText(w.parentStartSeconds)} # from the run's start to the first child`,
    'failures:',
    `  failureRate: ${num(w.failureRate)} # ${mapping.main.failedAttempts} of ${mapping.main.executedAttempts} executed attempts failed`,
    `  retries: ${w.retries} # the most attempts of one action, less one`,
    `  retryBackoff: ${durationText(w.retryBackoffSeconds)} # median gap before a retry`,
  );
  return `${out.join('\n')}\n`;
}
