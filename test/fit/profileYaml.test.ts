import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createLogParser, MEASURED_PHASES, PROFILE_PHASES, TRANSFER_PHASES } from '../../src/config/measurements.js';
import { fitSet } from '../../src/core/fit/fitSet.js';
import { MeasurementSet } from '../../src/core/fit/samples.js';
import { parseBandwidth, parseDuration } from '../../src/core/units.js';
import { PROFILE_SCHEMA_LINE, renderProfileYaml, type ProfileYamlOptions } from '../../src/render/profileYaml.js';
import { bandwidthText, durationText, empiricalLines } from '../../src/render/yamlValues.js';
import { lognormalSample } from './helpers.js';

const OPTIONS: ProfileYamlOptions = {
  name: 'fitted',
  sources: [{ file: 'examples/measurements/timings.csv', sha256: 'e3b0c44298fc1c149afbf4c8996fb924', rows: 5900, badRows: 2 }],
  date: '2025-06-02',
  profilePhases: PROFILE_PHASES,
};

const seconds = (value: unknown): number => {
  const parsed = parseDuration(value);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.value;
};

/** Narrow a parsed YAML node to a plain object, failing the test otherwise. */
function obj(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`not a mapping: ${JSON.stringify(value)}`);
  return Object.fromEntries(Object.entries(value));
}

describe('profile values in file syntax', () => {
  it('writes durations and bandwidths with units and four significant figures', () => {
    expect(durationText(0.0602)).toBe('60.2ms');
    expect(durationText(25.1349)).toBe('25.13s');
    expect(durationText(0)).toBe('0s');
    expect(bandwidthText(79899573.6)).toBe('79.9MB/s');
    expect(bandwidthText(1.5e9)).toBe('1.5GB/s');
  });

  it('wraps a long sample list under its key', () => {
    const lines = empiricalLines(Array.from({ length: 40 }, (_, i) => 0.1 + i / 1000), 4);
    expect(lines[0]).toBe('    dist: empirical');
    expect(lines[1]?.startsWith('    samples: [100ms, 101ms,')).toBe(true);
    expect(lines.slice(2).every((l) => l.startsWith('      ') && l.length <= 96)).toBe(true);
    expect(lines.at(-1)?.endsWith('139ms]')).toBe(true);
  });
});

describe('renderProfileYaml on the example log', () => {
  const set = new MeasurementSet();
  const parser = createLogParser('timings.csv', 'csv', { phases: MEASURED_PHASES });
  readFileSync(new URL('../../examples/measurements/timings.csv', import.meta.url), 'utf8')
    .split('\n')
    .forEach((line, i) => {
      const outcome = parser.pushLine(line, i + 1);
      if (outcome.kind === 'record') set.push(outcome.record.phase, outcome.record.seconds, outcome.record.bytes);
    });
  const text = renderProfileYaml(fitSet(set, { trim: true, transferPhases: TRANSFER_PHASES }), OPTIONS);
  const doc = obj(parse(text));
  const phases = obj(doc['phases']);

  it('starts with the schema line and gives provenance', () => {
    expect(text.split('\n')[0]).toBe(PROFILE_SCHEMA_LINE);
    expect(text).toContain('on 2025-06-02');
    expect(text).toContain('examples/measurements/timings.csv  sha256:e3b0c44298fc1c149afbf4c8996fb924  (5,900 rows, 2 bad rows skipped)');
  });

  it('re-parses to name, description and the profile phases in registry order, runtime excluded', () => {
    expect(doc['name']).toBe('fitted');
    expect(doc['description']).toBe('Fitted from examples/measurements/timings.csv on 2025-06-02');
    expect(Object.keys(phases)).toEqual(['upload', 'download', 'enqueue', 'create']);
  });

  it('writes transfers as { latency, bandwidth } and durations as explicit lognormals', () => {
    const upload = obj(phases['upload']);
    const latency = obj(upload['latency']);
    expect(latency['dist']).toBe('lognormal');
    expect(seconds(latency['median'])).toBeCloseTo(0.06, 2);
    expect(typeof latency['sigma']).toBe('number');
    const bandwidth = parseBandwidth(upload['bandwidth']);
    expect(bandwidth.ok && Math.abs(bandwidth.value / 80e6 - 1) < 0.01).toBe(true);
    const create = obj(phases['create']);
    expect(Object.keys(create)).toEqual(['dist', 'median', 'sigma']);
    expect(seconds(create['median'])).toBeGreaterThan(20);
  });

  it('comments each phase with n, the reason and outliers, and suggests the runtime for the scenario', () => {
    expect(text).toContain('  # enqueue: n = 1,997 of 2,000 rows;');
    expect(text).toContain('  # 3 outliers beyond 3 IQR on the log scale, excluded (--trim)');
    expect(text).toMatch(/# transfer: seconds = latency \+ bytes \/ [\d.]+ MB\/s by least squares \(R² 0\.99\d ≥ 0\.5\); latency lognormal: KS distance/);
    expect(text).toMatch(/\n#     itemRuntime: \{ dist: lognormal, median: 1\.\d+s, sigma: 0\.\d+ \}\n/);
  });
});

describe('renderProfileYaml forms', () => {
  const set = new MeasurementSet();
  for (const s of [0.05, 0.05, 0.05, 0.05, 0.05, 0.05]) set.push('dispatch', s);
  const bimodal = [...lognormalSample(300, 1, 0.1, 1), ...lognormalSample(300, 10, 0.1, 2)];
  bimodal.forEach((s) => set.push('create', s));
  bimodal.forEach((s, i) => set.push('uploadOutputs', s / 100 + (i % 50) * 1e6 / 50e6, (i % 50) * 1e6));
  set.push('myStep', 1);
  set.push('myStep', 2);
  const text = renderProfileYaml(fitSet(set, { transferPhases: TRANSFER_PHASES }), OPTIONS);
  const phases = obj(obj(parse(text))['phases']);

  it('writes fixed, empirical and a transfer with an empirical latency, all valid YAML', () => {
    expect(Object.keys(phases)).toEqual(['uploadOutputs', 'create', 'dispatch']);
    expect(phases['dispatch']).toBe('50ms');
    const create = obj(phases['create']);
    expect(create['dist']).toBe('empirical');
    const samples = create['samples'];
    expect(Array.isArray(samples) ? samples.map(seconds) : []).toHaveLength(200);
    const upload = obj(phases['uploadOutputs']);
    expect(obj(upload['latency'])['dist']).toBe('empirical');
    // Latency noise (bimodal, 10 ms / 100 ms) is not quite balanced across byte sizes: within 1%.
    const bandwidth = parseBandwidth(upload['bandwidth']);
    expect(bandwidth.ok && Math.abs(bandwidth.value / 50e6 - 1) < 0.01).toBe(true);
  });

  it('puts a phase the profile does not define in comments only', () => {
    expect(text).toContain('# Phase "myStep" is not a profile phase');
    expect(text).toContain('#   myStep: { dist: lognormal');
    expect(text).toContain('# warning: only 2 samples (fewer than 6)');
  });
});
