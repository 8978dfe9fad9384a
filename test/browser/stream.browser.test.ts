// The HTML pages of a stream of runs in headless Chromium: the latency statistics with their
// intervals, each environment over time, and a stream sweep's p99 against cost, each checked
// against the JSON report of the same run (same seed). Skipped without Chromium, except under CI.
import { describe, expect, test } from 'vitest';
import type { StreamSimulateReport } from '../../src/report/streamSimulateReport.js';
import type { StreamSweepReport } from '../../src/report/streamSweepReport.js';
import { findChromium } from './chromium.js';
import { expectCleanPage, expectReadableCharts, usePages } from './openPages.js';
import { STREAM_PAGES } from './pages.js';

const executable = findChromium();
const inCi = process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false';

describe.skipIf(executable === null && !inCi)('stream pages in Chromium', () => {
  const { get, marks, report } = usePages(executable, STREAM_PAGES);

  test.each(STREAM_PAGES)('%s: no console errors, no requests beyond the file, nothing wider than 1280 px', (kind) => expectCleanPage(get(kind)));

  test.each(STREAM_PAGES)('%s: every chart is drawn in SVG, with readable axis labels', (kind) => expectReadableCharts(get(kind)));

  test('stream simulate: a dot and an interval per latency statistic, in the order of their values; a chart per environment over time', async () => {
    const r = report<StreamSimulateReport>('stream-simulate');
    const l = r.latency;
    if (l === null) throw new Error('the example stream is stable: it has a latency');
    expect(await marks('stream-simulate', 'stream-latency', 'g.statistics circle')).toBe(5);
    // 3 replications: every statistic has an interval.
    expect(await marks('stream-simulate', 'stream-latency', 'g.interval line')).toBe(5);
    const cx = await get('stream-simulate').page.locator('[data-chart="stream-latency"] g.statistics circle').evaluateAll((cs) => cs.map((c) => Number(c.getAttribute('cx'))));
    const values = [l.meanSeconds, l.p50Seconds, l.p95Seconds, l.p99Seconds, l.p999Seconds];
    // One linear axis from 0: positions keep the values' order and their ratios (4 significant digits drawn).
    const x0 = cx[1] ?? 0;
    expect(cx.map((x) => Math.sign(x - x0))).toEqual(values.map((v) => Math.sign(v - l.p50Seconds)));
    const environments = Object.keys(r.timeline ?? {});
    expect(environments.length).toBeGreaterThan(1);
    for (const env of environments) expect(await marks('stream-simulate', `stream-timeline-${env}`, 'g.series path'), env).toBe(3);
    const chart = get('stream-simulate').layout.charts.find((c) => c.id === 'stream-latency');
    expect(chart?.axisLabels.some((x) => /per-run latency \((ms|s|min|h)\)/.test(x.text))).toBe(true);
  });

  test('stream sweep: a point per size the stream can serve, the Pareto set (worked from the JSON) marked and drawn through', async () => {
    const r = report<StreamSweepReport>('stream-sweep');
    const served = r.points.filter((p) => p.latency !== null);
    // 1 replica is offered more than it can serve: not drawn.
    expect(served.length).toBe(r.points.length - 1);
    expect(await marks('stream-sweep', 'stream-sweep-pareto', 'g.points circle')).toBe(served.length);
    const p99 = (p: (typeof served)[number]) => p.latency?.p99Seconds ?? 0;
    const cost = (p: (typeof served)[number]) => p.cost?.perHour ?? 0;
    const front = served.filter((p) => !served.some((q) => q !== p && p99(q) <= p99(p) && cost(q) <= cost(p) && (p99(q) < p99(p) || cost(q) < cost(p))));
    expect(front.length).toBeGreaterThan(0);
    const fill = await get('stream-sweep').page.locator('[data-chart="stream-sweep-pareto"] g.points circle').evaluateAll((cs) => cs.map((x) => x.getAttribute('fill') ?? ''));
    expect(fill.filter((c) => c === '#e15759').length).toBe(front.length);
    expect(await marks('stream-sweep', 'stream-sweep-pareto', 'g.front path')).toBe(1);
    const chart = get('stream-sweep').layout.charts.find((c) => c.id === 'stream-sweep-pareto');
    expect(chart?.axisLabels.some((x) => x.text.includes('cost per hour (price units)'))).toBe(true);
  });
});
