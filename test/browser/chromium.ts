// Headless Chromium for the browser tests: Debian's package at /usr/bin/chromium (or
// FLYSCALE_CHROMIUM), driven by playwright-core, in a fresh profile with nothing that phones home.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** The Chromium to drive, or null when there is none on this machine. */
export function findChromium(env: Readonly<Record<string, string | undefined>> = process.env): string | null {
  const wanted = env.FLYSCALE_CHROMIUM;
  if (wanted) return existsSync(wanted) ? wanted : null;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export interface Browser {
  context: BrowserContext;
  close: () => Promise<void>;
}

/** A browser with a profile folder of its own, removed on close. */
export async function launch(executablePath: string, width = 1280): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'flyscale-chromium-'));
  // Playwright passes the profile as --user-data-dir itself.
  const context = await chromium.launchPersistentContext(profile, { executablePath, headless: true, args: ARGS, viewport: { width, height: 900 } });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
