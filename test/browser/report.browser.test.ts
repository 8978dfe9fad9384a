// The HTML reports in a real browser (headless Chromium): no console errors or requests, every
// chart an SVG with the number of marks the report's data implies, readable axis labels, a
// legend naming each series, nothing wider than a 1280 px window; a screenshot of each kind.
// Without Chromium these tests are skipped, with a message; under CI they must run.
import { describe, expect, test } from 'vitest';
import type { OverheadReport } from '../../src/report/planReport.js';
import type { SimulateReport } from '../../src/report/simulateReport.js';
import type { SweepReport } from '../../src/report/sweepReport.js';
import type { CheckReport } from '../../src/report/checkReport.js';
import type { ReplayReport } from '../../src/report/replayReport.js';
import type { WorkflowPlanReport } from '../../src/report/workflowPlanReport.js';
import type { WorkflowSimulateReport } from '../../src/report/workflowSimulateReport.js';
import type { WorkflowCompareReport } from '../../src/report/workflowCompareReport.js';
import type { WorkflowSweepReport } from '../../src/report/workflowSweepReport.js';
import { findChromium } from './chromium.js';
import { expectCleanPage, expectReadableCharts, usePages } from './openPages.js';
import { MAIN_PAGES } from './pages.js';

const executable = findChromium();
const inCi = process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false';
const skip = executable === null && !inCi;
if (skip) console.warn(`SKIPPED: browser tests of the HTML reports: no Chromium at ${process.env.FLYSCALE_CHROMIUM || '/usr/bin/chromium'} (apt-get install chromium, or set FLYSCALE_CHROMIUM). Under CI they run and fail without it.`);

test.runIf(inCi)('under CI, a Chromium is there to run the browser tests', () => {
  expect(executable, 'CI is set: install Debian\'s chromium (.ci/run does) or set FLYSCALE_CHROMIUM').not.toBeNull();
});

describe.skipIf(skip)('HTML reports in Chromium', () => {
  const { get, marks, report } = usePages(executable, MAIN_PAGES);

  test.each(MAIN_PAGES)('%s: no console errors, no requests beyond the file, nothing wider than 1280 px', (kind) => expectCleanPage(get(kind)));

  test.each(MAIN_PAGES)('%s: every chart is drawn in SVG, with readable axis labels', (kind) => expectReadableCharts(get(kind)));

  test('plan: one bar segment per phase that takes time, for each kind of action; the legend names the phases', async () => {
    const o = report<{ overhead: { variants: Record<string, OverheadReport> } }>('plan').overhead;
    const kinds = Object.values(o.variants);
    // Each kind draws its phases with a mean above zero (a cache hit creates nothing, say).
    const expected = kinds.reduce((n, v) => n + Object.values(v.components).filter((c) => c.meanSeconds > 0).length, 0);
    expect(await marks('plan', 'overhead', 'g.segments rect')).toBe(expected);
    const phases = new Set(kinds.flatMap((v) => Object.entries(v.components).filter(([, c]) => c.meanSeconds > 0).map(([p]) => p.replace(/[A-Z]/g, (ch) => ` ${ch.toLowerCase()}`))));
    const chart = get('plan').layout.charts.find((c) => c.id === 'overhead');
    expect(new Set(chart?.legend)).toEqual(phases);
    expect(chart?.axisLabels.some((l) => /mean overhead per action \((ms|s|min|h)\)/.test(l.text))).toBe(true);
  });

  test('simulate: one bar per histogram bin, the statistics marked, the timeline series drawn', async () => {
    const r = report<SimulateReport>('simulate');
    expect(r.histogram.makespan.reduce((n, b) => n + b.count, 0)).toBe(r.runs);
    expect(await marks('simulate', 'makespan', 'g.bins rect')).toBe(r.histogram.makespan.length);
    expect(await marks('simulate', 'makespan', 'g.percentiles line')).toBe(3); // p5, p50, p95
    expect(await marks('simulate', 'makespan', 'g.mean line')).toBe(1);
    expect(await marks('simulate', 'makespan', 'g.estimate line')).toBe(1);
    expect(await marks('simulate', 'makespan', 'g.ci rect')).toBe(r.makespan.ci95Seconds ? 1 : 0);
    const makespan = get('simulate').layout.charts.find((c) => c.id === 'makespan');
    expect(makespan?.legend).toEqual(['replications per bin', 'mean', '95% CI of the mean', 'p5 / p50 / p95', 'closed-form estimate']);
    expect(makespan?.axisLabels.map((l) => l.text).join(' ')).toMatch(/makespan \((ms|s|min|h)\).*|replications/);
    // Busy slots and ready replicas: one line each; the queue: one line.
    expect(await marks('simulate', 'timeline-pool', 'g.series path')).toBe(2);
    expect(await marks('simulate', 'timeline-queue', 'g.series path')).toBe(1);
    expect(get('simulate').layout.charts.find((c) => c.id === 'timeline-pool')?.legend).toEqual(['busy slots', 'ready replicas']);
    expect(r.timeline?.points.length).toBeGreaterThan(0);
  });

  test('sweep: a point per simulated grid point, a line per series, the Pareto front drawn', async () => {
    const r = report<SweepReport>('sweep');
    const simulated = r.points.filter((p) => p.makespan !== null);
    // The series: each value of the other axis that varies (--concurrency 5,10).
    const concurrency = r.axes.find((a) => a.key === 'concurrency');
    expect(concurrency?.values).toEqual(['5', '10']);
    expect(await marks('sweep', 'sweep-makespan', 'g.points circle')).toBe(simulated.length);
    expect(await marks('sweep', 'sweep-makespan', 'g.series path')).toBe(2);
    const legend = get('sweep').layout.charts.find((c) => c.id === 'sweep-makespan')?.legend ?? [];
    expect([...legend].sort()).toEqual(['concurrency 10', 'concurrency 5']);
    expect(await marks('sweep', 'sweep-pareto', 'g.points circle')).toBe(simulated.length);
    expect(simulated.some((p) => p.pareto)).toBe(true);
    expect(await marks('sweep', 'sweep-pareto', 'g.front path')).toBe(1);
    expect(get('sweep').layout.charts.find((c) => c.id === 'sweep-pareto')?.legend).toEqual(['Pareto front', 'other points']);
  });

  test('check: one chart per assertion, its value, its interval when simulated, its budget', async () => {
    const r = report<CheckReport>('check');
    const chart = get('check').layout.charts.find((c) => c.id === 'check');
    expect(chart?.svgs).toBe(r.assertions.length);
    expect(await marks('check', 'check', 'g.value circle')).toBe(r.assertions.length);
    expect(await marks('check', 'check', 'g.budget line')).toBe(r.assertions.length);
    expect(await marks('check', 'check', 'g.interval line')).toBe(r.assertions.filter((a) => a.ci95 !== null).length);
    expect(r.assertions.some((a) => a.ci95 !== null)).toBe(true);
    for (const a of r.assertions) expect(chart?.axisLabels.some((l) => l.text.includes(a.metric))).toBe(true);
  });

  test('replay: the simulated makespans per bin with the observed one, busy slots observed and predicted, a bar per metric', async () => {
    const r = report<ReplayReport>('replay');
    expect(r.histogram.makespan.reduce((n, b) => n + b.count, 0)).toBe(r.predicted.runs);
    expect(await marks('replay', 'replay-makespan', 'g.bins rect')).toBe(r.histogram.makespan.length);
    expect(await marks('replay', 'replay-makespan', 'g.percentiles line')).toBe(3); // p5, p50, p95
    expect(await marks('replay', 'replay-makespan', 'g.observed line')).toBe(1);
    expect(await marks('replay', 'replay-makespan', 'g.mean line')).toBe(1);
    expect(await marks('replay', 'replay-makespan', 'g.estimate line')).toBe(1);
    expect(await marks('replay', 'replay-makespan', 'g.ci rect')).toBe(r.predicted.runs > 1 ? 1 : 0);
    const charts = get('replay').layout.charts;
    expect(charts.map((c) => c.id)).toEqual(['replay-makespan', 'replay-timeline', 'replay-error']);
    expect(charts[0]?.legend).toEqual(['simulated runs per bin', 'observed makespan', 'predicted mean', '95% interval of the mean', 'p5 / p50 / p95', 'closed-form estimate']);
    expect(charts[0]?.axisLabels.map((l) => l.text).join(' ')).toMatch(/makespan \((ms|s|min|h)\)/);
    // The observed rule sits where the observed makespan is: its x lies between the p5 and p95 rules exactly when the report says it is inside.
    const xOf = async (cls: string, i = 0): Promise<number> => Number(await get('replay').page.locator(`[data-chart="replay-makespan"] g.${cls} line`).nth(i).getAttribute('x1'));
    const [p5, observed, p95] = [await xOf('percentiles', 0), await xOf('observed'), await xOf('percentiles', 2)];
    expect(observed >= p5 && observed <= p95).toBe(r.error.insideP5P95);
    // Observed and predicted busy slots: one line each, over the report's timeline (the JSON asked --timeline; the page implies it).
    expect(r.timeline?.length).toBeGreaterThan(10);
    expect(await marks('replay', 'replay-timeline', 'g.series path')).toBe(2);
    expect(charts[1]?.legend).toEqual(['observed', 'predicted (simulated run 1)']);
    expect(charts[1]?.axisLabels.some((l) => /time since the run started \((ms|s|min|h)\)/.test(l.text))).toBe(true);
    // A bar per metric the model predicts above zero: makespan, throughput, peak busy slots, cold starts.
    const predicted = [r.predicted.makespanSeconds.mean, r.predicted.throughputItemsPerSecond, r.predicted.peakSlots, r.predicted.coldStarts];
    expect(await marks('replay', 'replay-error', 'g.errors rect')).toBe(predicted.filter((x) => x > 0).length);
    expect(charts[2]?.legend).toEqual(['observed above predicted', 'observed below predicted']);
    expect(charts[2]?.axisLabels.some((l) => l.text.includes('error: observed against predicted (%)'))).toBe(true);
  });

  /** The fill of each step's bar, in the order of the y axis. */
  const fills = (kind: string): Promise<string[]> => get(kind).page.locator('[data-chart="workflow-gantt"] g.steps rect').evaluateAll((rects) => rects.map((r) => r.getAttribute('fill') ?? ''));
  const CRITICAL = '#e15759';

  test('workflow plan: a bar per step, the critical path in its own colour, steps on the y axis, time on the x axis', async () => {
    const r = report<WorkflowPlanReport>('workflow-plan');
    const steps = Object.keys(r.steps);
    // The fixture: load → train (10 s) → publish on the critical path; stats (1 s) beside train has slack.
    expect(r.criticalPath).toEqual(['load', 'train', 'publish']);
    expect(steps.length).toBe(4);
    const f = await fills('workflow-plan');
    expect(f.length).toBe(steps.length);
    expect(f.filter((c) => c === CRITICAL).length).toBe(r.criticalPath.length);
    expect(f.filter((c) => c !== CRITICAL).length).toBe(steps.length - r.criticalPath.length);
    const chart = get('workflow-plan').layout.charts.find((c) => c.id === 'workflow-gantt');
    expect(chart?.legend).toEqual(['critical path', 'other steps']);
    expect(chart?.axisLabels.some((l) => /time since the run started \((ms|s|min|h)\)/.test(l.text))).toBe(true);
    const ticks = await get('workflow-plan').page.locator('[data-chart="workflow-gantt"] g[aria-label="y-axis tick label"] text').allTextContents();
    expect(ticks).toEqual(steps);
    // Bars run from start to end: the one with slack (stats) ends left of train's end, on the same scale.
    const box = (i: number) => get('workflow-plan').page.locator('[data-chart="workflow-gantt"] g.steps rect').nth(i).boundingBox();
    const [train, stats] = [await box(steps.indexOf('train')), await box(steps.indexOf('stats'))];
    const trainSteps = r.steps.train, statsSteps = r.steps.stats;
    if (!train || !stats || !trainSteps || !statsSteps) throw new Error('no bars');
    // Widths are in proportion to the durations (bars are inset top and bottom only: x is exact).
    expect(Math.abs(stats.width / train.width - statsSteps.durationSeconds / trainSteps.durationSeconds)).toBeLessThan(0.01);
    expect(statsSteps.slackSeconds).toBeGreaterThan(0);
  });

  test('workflow simulate: a bar per step at its mean start and end, the 95% interval of each end, the critical path marked', async () => {
    const r = report<WorkflowSimulateReport>('workflow-simulate');
    const plan = report<WorkflowPlanReport>('workflow-plan');
    const steps = Object.keys(r.steps);
    const f = await fills('workflow-simulate');
    expect(f.length).toBe(steps.length);
    // The simulate report names no critical path; the page reads it off the closed form, which must match plan's.
    expect(f.filter((c) => c === CRITICAL).length).toBe(plan.criticalPath.length);
    expect(steps.filter((_, i) => f[i] === CRITICAL)).toEqual(plan.criticalPath);
    expect(await marks('workflow-simulate', 'workflow-gantt', 'g.end-ci line')).toBe(r.runs > 1 ? steps.length : 0);
    const chart = get('workflow-simulate').layout.charts.find((c) => c.id === 'workflow-gantt');
    expect(chart?.legend).toEqual(['critical path', 'other steps', '95% interval of the mean end']);
    expect(chart?.axisLabels.some((l) => /time since the run started \((ms|s|min|h)\)/.test(l.text))).toBe(true);
  });

  test('workflow compare: a p99 bar and a p50 tick per choice, the best per step in its own colour, bars to scale', async () => {
    const r = report<WorkflowCompareReport>('workflow-compare');
    const choices = [...Object.values(r.patterns), r.best];
    expect(choices.length).toBe(5);
    const bars = get('workflow-compare').page.locator('[data-chart="workflow-compare"] g.p99 rect');
    expect(await bars.count()).toBe(choices.length);
    expect(await marks('workflow-compare', 'workflow-compare', 'g.p50 line')).toBe(choices.length);
    const fill = await bars.evaluateAll((rects) => rects.map((x) => x.getAttribute('fill') ?? ''));
    // Only the last bar, the best per step, is green.
    expect(fill.map((c) => c === '#59a14f')).toEqual([false, false, false, false, true]);
    const ticks = await get('workflow-compare').page.locator('[data-chart="workflow-compare"] g[aria-label="y-axis tick label"] text').allTextContents();
    expect(ticks).toEqual(['task on pods', 'task on a warm reusable pool', 'trace', 'local work', 'best per step']);
    // Bar widths in proportion to the p99s (one linear axis from zero; 4 significant digits drawn).
    const widths = await bars.evaluateAll((rects) => rects.map((x) => Number(x.getAttribute('width'))));
    const pods = widths[0] ?? 0;
    choices.forEach((c, i) => expect(Math.abs((widths[i] ?? 0) / pods - c.p99Seconds / (r.patterns.pods.p99Seconds || 1)), String(i)).toBeLessThan(0.01));
    const chart = get('workflow-compare').layout.charts.find((c) => c.id === 'workflow-compare');
    expect(chart?.legend).toEqual(['one pattern on every compared step', 'best per step', 'p50']);
    expect(chart?.axisLabels.some((l) => /end-to-end latency \((ms|s|min|h)\)/.test(l.text))).toBe(true);
  });

  test('workflow sweep: a point per grid point, the Pareto front (worked from the JSON) marked and drawn through', async () => {
    const r = report<WorkflowSweepReport>('workflow-sweep');
    expect(r.points.length).toBe(8);
    expect(await marks('workflow-sweep', 'workflow-sweep-pareto', 'g.points circle')).toBe(r.points.length);
    // The front by its definition: no other point is at most as slow and as dear, and better on one.
    const cost = (p: (typeof r.points)[number]) => p.cost ?? 0;
    const front = r.points.filter((p) => !r.points.some((q) => q !== p && q.latency.meanSeconds <= p.latency.meanSeconds && cost(q) <= cost(p) && (q.latency.meanSeconds < p.latency.meanSeconds || cost(q) < cost(p))));
    expect(front.length).toBeGreaterThan(1);
    const fill = await get('workflow-sweep').page.locator('[data-chart="workflow-sweep-pareto"] g.points circle').evaluateAll((cs) => cs.map((x) => x.getAttribute('fill') ?? ''));
    expect(fill.filter((c) => c === '#e15759').length).toBe(front.length);
    expect(await marks('workflow-sweep', 'workflow-sweep-pareto', 'g.front path')).toBe(1);
    const chart = get('workflow-sweep').layout.charts.find((c) => c.id === 'workflow-sweep-pareto');
    expect(chart?.legend).toEqual(['Pareto front', 'other points']);
    expect(chart?.axisLabels.some((l) => l.text.includes('cost per run (price units)'))).toBe(true);
  });

});
