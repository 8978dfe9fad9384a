import { describe, expect, it } from 'vitest';
import { decimal, formatBytes, formatSeconds, parseBandwidth, plural, thousands, parseDuration, parseRate, parseSize, type Parsed } from '../../src/core/units.js';

const value = (r: Parsed<number>): number => {
  if (!r.ok) throw new Error(`expected a value, got: ${r.problem}`);
  return r.value;
};

describe('parseDuration', () => {
  it.each([
    ['120ms', 0.12],
    ['1.5s', 1.5],
    ['2m', 120], // 2 × 60
    ['1h', 3600], // 60 × 60
    ['0.25h', 900], // a quarter of 3600
    ['.5s', 0.5],
    ['10 ms', 0.01],
    ['  3s  ', 3],
    ['1e3ms', 1], // 1000 × 0.001
    ['0s', 0],
  ])('%s is %f seconds', (raw, seconds) => {
    expect(value(parseDuration(raw))).toBeCloseTo(seconds, 12);
  });

  it('a bare number is an error whose fix shows the units', () => {
    const r = parseDuration(100);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem).toContain('no unit');
    expect(r.fix).toContain('100ms');
    expect(r.fix).toContain('100s');
  });

  it.each(['100', 'abc', '', '10 parsecs', '-5s', '1.2.3s', '5S', 'ms', '5 sec', 'NaNs', 'Infinitys', '1.s'])('rejects %j', (raw) => {
    const r = parseDuration(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.fix).toMatch(/ms/);
  });

  it.each([null, undefined, true, {}, []])('rejects the non-string %j', (raw) => {
    expect(parseDuration(raw).ok).toBe(false);
  });
});

describe('parseSize', () => {
  it.each([
    ['512B', 512],
    ['1KB', 1000],
    ['1KiB', 1024],
    ['1MB', 1e6],
    ['1MiB', 1024 * 1024],
    ['10MiB', 10_485_760], // MODEL §3's inline limit
    ['1GB', 1e9],
    ['2GiB', 2 * 1024 ** 3],
    ['1.5KB', 1500],
  ])('%s is %d bytes', (raw, bytes) => {
    expect(value(parseSize(raw))).toBe(bytes);
  });

  it('decimal and binary prefixes differ', () => {
    expect(value(parseSize('1MiB')) - value(parseSize('1MB'))).toBe(48_576);
  });

  it('a bare number is an error whose fix shows the units', () => {
    const r = parseSize(4096);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.fix).toMatch(/4096B.*KiB|KiB.*4096B/);
  });

  it.each(['4096', '1kb', '1 mib', '1KBs', 'lots', '-1KB', '1Kib'])('rejects %j', (raw) => {
    expect(parseSize(raw).ok).toBe(false);
  });
});

describe('parseRate and parseBandwidth', () => {
  it.each([
    ['100/s', 100],
    ['600/m', 10], // 600 / 60
    ['3600/h', 1],
    ['2.5 / s', 2.5],
  ])('rate %s is %f per second', (raw, perSecond) => {
    expect(value(parseRate(raw))).toBeCloseTo(perSecond, 12);
  });

  it.each([
    ['80MB/s', 80e6],
    ['1GiB/s', 1024 ** 3],
    ['100 KB / s', 1e5],
  ])('bandwidth %s is %d bytes per second', (raw, bytesPerSecond) => {
    expect(value(parseBandwidth(raw))).toBe(bytesPerSecond);
  });

  it.each([[100], ['100'], ['100/x'], ['fast'], ['100/ms']])('rate rejects %j', (raw) => {
    expect(parseRate(raw).ok).toBe(false);
  });

  it.each([[80], ['80MB'], ['80MB/m'], ['80/s'], ['80Mb/s']])('bandwidth rejects %j', (raw) => {
    expect(parseBandwidth(raw).ok).toBe(false);
  });

  it('bare numbers say how to write them', () => {
    const rate = parseRate(100);
    const bw = parseBandwidth(80);
    expect(rate.ok || rate.fix).toBe('write 100/s');
    expect(bw.ok || bw.fix).toBe('write 80MB/s');
  });
});

describe('formatting for tables', () => {
  it.each([
    [0.85, '850ms'],
    [0.0042, '4.2ms'],
    [12.4, '12.4s'],
    [1.234, '1.23s'],
    [200, '3m 20s'],
    [7500, '2h 05m'], // 2 h and 300 s
    [86_369, '23h 59m'], // 1,439.48 min rounds to 1,439 = 23h 59m
    [86_370, '1d 00h'], // 1,439.5 min would round to "24h 00m": days take over there
    [3 * 86_400 + 4 * 3600, '3d 04h'],
    [139_178.25 * 3600, '15.9 years'], // the 139178h 15m: 501,041,700 s / 31,557,600 s = 15.877 years
    [2e12, '63,376 years'], // 2·10^12 / 31,557,600 = 63,376.4
    [364 * 86_400, '364d 00h'],
    [Number.NaN, '—'],
  ])('formatSeconds(%f) = %s', (seconds, text) => {
    expect(formatSeconds(seconds)).toBe(text);
  });

  it.each([
    [512, '512B'],
    [1536, '1.5KiB'],
    [10_485_760, '10MiB'],
    [3 * 1024 ** 3, '3GiB'],
    [500_000 * 1024 ** 2, '488.3GiB'], // the 500000 MiB: 500,000 / 1,024 = 488.28 GiB
    [3 * 1024 ** 4, '3TiB'],
  ])('formatBytes(%d) = %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

describe('counts and decimals for people', () => {
  it('one item, many items, thousands separated', () => {
    expect(plural(1, 'item')).toBe('1 item');
    expect(plural(0, 'item')).toBe('0 items');
    expect(plural(2000, 'item')).toBe('2,000 items');
    expect(plural(3, 'retry', 'retries')).toBe('3 retries');
  });

  it('thousands and fixed decimals', () => {
    expect(thousands(1_234_567)).toBe('1,234,567');
    expect(thousands(999)).toBe('999');
    expect(decimal(3625.24, 1)).toBe('3,625.2');
    expect(decimal(1_234_567.891, 2)).toBe('1,234,567.89');
    expect(decimal(1762.4, 0)).toBe('1,762');
  });
});
