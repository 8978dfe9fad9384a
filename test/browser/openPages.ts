// The report pages opened in one headless Chromium, each with what it logged and requested and
// its layout as measured in the page; and the checks every page must pass (report.browser.test.ts,
// stream.browser.test.ts).
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Page as BrowserPage } from 'playwright-core';
import { launch, type Browser } from './chromium.js';
import { buildPages, OUTPUT, type Page } from './pages.js';

export interface Seen {
  errors: string[];
  requests: string[];
}

/** Measured in the page (a string: the DOM's types are not this project's). */
export const LAYOUT = `({
  viewport: window.innerWidth,
  scrollWidth: document.documentElement.scrollWidth,
  wider: [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5).map((e) => e.tagName.toLowerCase() + '.' + e.getAttribute('class')),
  charts: [...document.querySelectorAll('figure.chart')].map((f) => ({
    id: f.getAttribute('data-chart') ?? '',
    svgs: f.querySelectorAll('.plots svg').length,
    legend: [...f.querySelectorAll('.legend li')].map((li) => li.textContent ?? ''),
    axisLabels: [...f.querySelectorAll('.plots svg g[aria-label$="axis label"] text')].map((t) => ({ text: t.textContent ?? '', heightPx: t.getBoundingClientRect().height })),
  })),
})`;

export interface Layout {
  viewport: number;
  scrollWidth: number;
  wider: string[];
  charts: { id: string; svgs: number; legend: string[]; axisLabels: { text: string; heightPx: number }[] }[];
}

export interface Opened {
  page: BrowserPage;
  seen: Seen;
  layout: Layout;
}

/** The pages open in the browser: each one by its kind, the count of marks a selector finds in a chart, the JSON report of the same run. */
export interface OpenedPages {
  browser: Browser;
  get: (kind: string) => Opened;
  marks: (kind: string, chart: string, selector: string) => Promise<number>;
  report: <R>(kind: string) => R;
}

/** Each page opened and measured, with a full-page screenshot beside it in test-output/browser/. */
export async function openPages(executable: string, pages: readonly Page[]): Promise<OpenedPages> {
  const browser = await launch(executable);
  const opened = new Map<string, Opened>();
  for (const p of pages) {
    const page = await browser.context.newPage();
    const seen: Seen = { errors: [], requests: [] };
    page.on('console', (m) => {
      if (m.type() === 'error') seen.errors.push(m.text());
    });
    page.on('pageerror', (e) => seen.errors.push(e.message));
    page.on('requestfailed', (r) => seen.errors.push(`request failed: ${r.url()}`));
    page.on('request', (r) => seen.requests.push(r.url()));
    await page.goto(`file://${p.file}`, { waitUntil: 'load' });
    const layout = await page.evaluate<Layout>(LAYOUT);
    await page.screenshot({ path: join(OUTPUT, `${p.kind}.png`), fullPage: true });
    opened.set(p.kind, { page, seen, layout });
  }
  const get = (kind: string): Opened => {
    const o = opened.get(kind);
    if (!o) throw new Error(`page ${kind} was not opened`);
    return o;
  };
  return {
    browser,
    get,
    marks: (kind, chart, selector) => get(kind).page.locator(`[data-chart="${chart}"] ${selector}`).count(),
    report: <R>(kind: string): R => {
      const p = pages.find((x) => x.kind === kind);
      if (!p) throw new Error(kind);
      return p.report as R;
    },
  };
}

/** No console errors, no requests beyond the file, nothing wider than a 1280 px window. */
export function expectCleanPage({ seen, layout }: Opened): void {
  expect(seen.errors).toEqual([]);
  expect(seen.requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
  expect(layout.viewport).toBe(1280);
  expect(layout.wider).toEqual([]);
  expect(layout.scrollWidth).toBeLessThanOrEqual(1280);
}

/** Every chart drawn in SVG, with axis labels readable at the page's width. */
export function expectReadableCharts({ layout }: Opened): void {
  expect(layout.charts.length).toBeGreaterThan(0);
  for (const c of layout.charts) {
    expect(c.svgs, c.id).toBeGreaterThan(0);
    expect(c.axisLabels.length, c.id).toBeGreaterThan(0);
    // 12 px text in a 720-unit chart drawn at its full width: at least 10 px tall on screen.
    for (const l of c.axisLabels) {
      expect(l.text.trim().length, c.id).toBeGreaterThan(0);
      expect(l.heightPx, `${c.id}: ${l.text}`).toBeGreaterThanOrEqual(10);
    }
  }
}

/** Inside a describe: the pages of these kinds built and opened before its tests, the browser closed after. */
export function usePages(executable: string | null, kinds: readonly string[]): Omit<OpenedPages, 'browser'> {
  let o: OpenedPages | undefined;
  beforeAll(async () => {
    if (executable === null) throw new Error("CI is set but no Chromium was found at /usr/bin/chromium: .ci/run installs Debian's chromium package; install it or set FLYSCALE_CHROMIUM");
    o = await openPages(executable, buildPages(kinds));
  }, 240_000);
  afterAll(async () => {
    await o?.browser.close();
  });
  const opened = (): OpenedPages => {
    if (o === undefined) throw new Error('the pages were not opened');
    return o;
  };
  return { get: (kind) => opened().get(kind), marks: (kind, chart, selector) => opened().marks(kind, chart, selector), report: <R>(kind: string): R => opened().report<R>(kind) };
}
