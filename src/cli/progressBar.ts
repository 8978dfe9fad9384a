// A progress bar for work that runs longer than a second, redrawn in place and cleared when
// done. Pure apart from what it is given: main.ts passes stderr's write, a clock and the width.
import type { Terminal } from './result.js';

export interface ProgressOptions {
  write: (text: string) => void;
  /** Milliseconds; Date.now in the CLI. */
  now: () => number;
  /** Columns of the terminal it draws on. */
  width: number;
  /** Nothing is drawn before this much time has passed, so quick work stays quiet. */
  delayMs?: number;
}

const CLEAR_LINE = '\r\u001b[2K';

export function progressBar(options: ProgressOptions): Terminal['progress'] {
  const { write, now, width } = options;
  const started = now();
  const delayMs = options.delayMs ?? 1000;
  let drawn = false;
  let last = '';
  return (label, done, total) => {
    if (!drawn && now() - started < delayMs) return;
    if (done >= total) {
      if (drawn) write(CLEAR_LINE);
      drawn = false;
      last = '';
      return;
    }
    const counts = `${done}/${total}`;
    // label, space, [bar], space, counts: the bar takes what is left, 10 to 30 columns,
    // and the line stays one column short of the edge so the terminal never wraps it.
    const bar = Math.max(10, Math.min(30, width - 1 - label.length - counts.length - 4));
    const filled = total > 0 ? Math.min(bar, Math.round((done / total) * bar)) : bar;
    const line = `${label} [${'#'.repeat(filled)}${'.'.repeat(bar - filled)}] ${counts}`.slice(0, Math.max(1, width - 1));
    if (line === last) return;
    write(`${CLEAR_LINE}${line}`);
    drawn = true;
    last = line;
  };
}
