// npm run screenshots: the simulate page of the built-in example, as the README shows it, in
// headless Chromium at 1280 px: docs/simulate-report.png. Run `npm run build` first (the npm
// script does). Needs Debian's chromium (or FLYSCALE_CHROMIUM).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('..', import.meta.url));
const executablePath = process.env.FLYSCALE_CHROMIUM ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
if (!executablePath || !existsSync(executablePath)) {
  console.error('screenshots: no Chromium found at /usr/bin/chromium; install it (apt-get install chromium) or set FLYSCALE_CHROMIUM');
  process.exit(2);
}
const work = mkdtempSync(join(tmpdir(), 'flyscale-shots-'));
try {
  const page = join(work, 'report.html');
  execFileSync(process.execPath, [join(root, 'bin', 'flyscale.cjs'), 'simulate', '--timeline', '--format', 'html', '--out', page], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  const context = await chromium.launchPersistentContext(join(work, 'profile'), {
    executablePath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--hide-scrollbars'],
    viewport: { width: 1280, height: 1500 },
  });
  const tab = await context.newPage();
  await tab.goto(`file://${page}`);
  const out = join(root, 'docs', 'simulate-report.png');
  // The top of the page: the title, the makespan histogram and the pool over time.
  await tab.screenshot({ path: out, clip: { x: 0, y: 0, width: 1280, height: 1500 } });
  await context.close();
  console.log(`wrote ${out}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
