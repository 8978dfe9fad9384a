import { describe, expect, it } from 'vitest';
import { MeasurementSet, PhaseSamples } from '../../src/core/fit/samples.js';

describe('PhaseSamples', () => {
  it('grows past its initial capacity and back-fills NaN bytes for earlier rows', () => {
    const samples = new PhaseSamples();
    for (let i = 0; i < 3000; i++) samples.push(i / 1000, i >= 1500 ? i : null);
    expect(samples.size).toBe(3000);
    expect(samples.bytesCount).toBe(1500);
    expect(samples.seconds()[2999]).toBe(2.999);
    const bytes = samples.bytes();
    expect(bytes).not.toBeNull();
    expect(bytes?.length).toBe(3000);
    expect(bytes?.[0]).toBeNaN();
    expect(bytes?.[1499]).toBeNaN();
    expect(bytes?.[2999]).toBe(2999);
  });

  it('has no bytes array when no row has bytes', () => {
    const samples = new PhaseSamples();
    samples.push(1, null);
    expect(samples.bytes()).toBeNull();
  });
});

describe('MeasurementSet', () => {
  it('keeps phases in order of first appearance and counts rows', () => {
    const set = new MeasurementSet();
    set.push('enqueue', 0.1);
    set.push('upload', 0.2, 1000);
    set.push('enqueue', 0.3);
    expect(set.phases).toEqual(['enqueue', 'upload']);
    expect(set.get('enqueue')?.size).toBe(2);
    expect(set.rows).toBe(3);
  });
});
