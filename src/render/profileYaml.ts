// The text of a profile YAML from fitted phases: values in the profile file syntax, each with
// comments giving n, the chosen form and why, its quality, outliers and adequacy; provenance
// at the top. Pure: file hashes and the date come in as strings.
import type { PhaseFit } from '../core/fit/fitPhase.js';
import { describeNote, NOTE_SEVERITY } from '../core/fit/notes.js';
import { formatSeconds, plural, thousands } from '../core/units.js';
import { bandwidthText, empiricalLines, inlineDist } from './yamlValues.js';

export interface ProfileSource {
  /** As the user named it. */
  file: string;
  /** Hex SHA-256 of the file's bytes. */
  sha256: string;
  /** Observations read, and bad rows skipped. */
  rows: number;
  badRows: number;
}

export interface ProfileYamlOptions {
  name: string;
  description?: string;
  sources: readonly ProfileSource[];
  /** ISO date of the fit, e.g. 2025-06-01. */
  date: string;
  /** Phase keys a profile file accepts, in the order to write them (config PROFILE_PHASES). */
  profilePhases: readonly string[];
  /** The phase holding item runtimes (default `runtime`): suggested for workload.itemRuntime. */
  runtimePhase?: string;
  /** Where the profile JSON Schema is, relative to the written file (default: the repository layout). */
  schemaPath?: string;
}

export const PROFILE_SCHEMA_LINE = '# yaml-language-server: $schema=../schemas/profile.schema.json';

const SAFE_SCALAR = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const scalar = (text: string): string => (SAFE_SCALAR.test(text) ? text : JSON.stringify(text));

/** `key: value` lines at `indent`, the value inline where it fits on one line. */
function valueLines(key: string, fit: PhaseFit, indent: number): string[] {
  const pad = ' '.repeat(indent);
  const latency = fit.latency.dist;
  const one = inlineDist(latency);
  const samples = latency.kind === 'empirical' ? latency.samples : [];
  const bandwidth = fit.bandwidthBytesPerSecond;
  if (bandwidth === null) return one !== null ? [`${pad}${key}: ${one}`] : [`${pad}${key}:`, ...empiricalLines(samples, indent + 2)];
  if (one !== null) return [`${pad}${key}: { latency: ${one}, bandwidth: ${bandwidthText(bandwidth)} }`];
  return [`${pad}${key}:`, `${pad}  latency:`, ...empiricalLines(samples, indent + 4), `${pad}  bandwidth: ${bandwidthText(bandwidth)}`];
}

function commentLines(fit: PhaseFit, indent: number): string[] {
  const pad = `${' '.repeat(indent)}# `;
  const s = fit.summary;
  const rows = fit.trimmed > 0 ? ` of ${plural(fit.rows, 'row')}` : '';
  const stats = [
    `mean ${formatSeconds(s.meanSeconds)}`,
    `p50 ${formatSeconds(s.p50Seconds)}`,
    `p95 ${formatSeconds(s.p95Seconds)}`,
    `p99 ${formatSeconds(s.p99Seconds)}`,
  ].join(', ');
  const lines = [`${pad}${fit.phase}: n = ${thousands(fit.n)}${rows}; measured ${stats}`, `${pad}${fit.reason}`];
  const needed = fit.latency.samplesForP95;
  if (needed !== null && !fit.notes.some((note) => note.code === 'p95Imprecise')) {
    lines.push(`${pad}p95 within ±10% needs about ${plural(needed, 'sample')}; this phase has ${thousands(fit.n)}`);
  }
  for (const note of fit.notes) lines.push(`${pad}${NOTE_SEVERITY[note.code] === 'warn' ? 'warning: ' : ''}${describeNote(note)}`);
  return lines;
}

export function renderProfileYaml(fits: readonly PhaseFit[], options: ProfileYamlOptions): string {
  const runtimePhase = options.runtimePhase ?? 'runtime';
  const order = (fit: PhaseFit): number => options.profilePhases.indexOf(fit.phase);
  const inProfile = fits.filter((fit) => order(fit) >= 0).sort((a, b) => order(a) - order(b));
  const runtime = fits.filter((fit) => fit.phase === runtimePhase);
  const others = fits.filter((fit) => order(fit) < 0 && fit.phase !== runtimePhase);
  const rows = options.sources.reduce((sum, source) => sum + source.rows, 0);
  const files = options.sources.map((source) => source.file).join(', ');

  const out = [options.schemaPath !== undefined ? `# yaml-language-server: $schema=${options.schemaPath}` : PROFILE_SCHEMA_LINE, `# Fitted by \`flyscale profile fit\` on ${options.date} from ${rows} observations in:`];
  for (const source of options.sources) {
    const skipped = source.badRows > 0 ? `, ${plural(source.badRows, 'bad row')} skipped` : '';
    out.push(`#   ${source.file}  sha256:${source.sha256}  (${plural(source.rows, 'row')}${skipped})`);
  }
  out.push(
    '# Each phase says how many samples it has, the form chosen and why, and how good the fit is.',
    `name: ${scalar(options.name)}`,
    `description: ${JSON.stringify(options.description ?? `Fitted from ${files} on ${options.date}`)}`,
  );
  // Split directions fall back to upload and download, so only the base phases count as missing.
  const unmeasured = options.profilePhases.filter((p) => !/(Inputs|Outputs)$/.test(p) && !fits.some((fit) => fit.phase === p));
  if (unmeasured.length) out.push(`# Not measured: ${unmeasured.join(', ')}. A plan with this profile assumes flyscale's built-in default and says so (defaultAssumed).`);
  out.push(inProfile.length === 0 ? 'phases: {}' : 'phases:');
  for (const fit of inProfile) out.push(...commentLines(fit, 2), ...valueLines(fit.phase, fit, 2));

  for (const fit of runtime) {
    out.push('', `# Item runtime is measured here but belongs to the scenario, not the profile. In your scenario:`);
    const snippet = ['workload:', ...valueLines('itemRuntime', { ...fit, bandwidthBytesPerSecond: null }, 2)];
    out.push(...commentLines(fit, 0), ...snippet.map((l) => `#   ${l}`));
  }
  for (const fit of others) {
    out.push('', `# Phase "${fit.phase}" is not a profile phase (${options.profilePhases.join(', ')}); its fit, for reference:`);
    out.push(...commentLines(fit, 0), ...valueLines(fit.phase, fit, 0).map((l) => `#   ${l}`));
  }
  return `${out.join('\n')}\n`;
}
