// A command's rendered output goes to stdout, or with --out to a file, written atomically
// (never half a page). The HTML page is meant for --out: a file to open or attach.
import { resolve } from 'node:path';
import type { Doc } from '../render/doc.js';
import { RENDERERS } from '../render/registry.js';
import { writeFileAtomic } from './atomicWrite.js';
import type { Format, Terminal } from './result.js';

/** The text for stdout: the rendered report, or nothing when --out took it. */
export async function output(format: Format, report: unknown, doc: () => Doc, term: Terminal, options: Record<string, unknown>): Promise<string> {
  const text = await RENDERERS[format](report, doc, term);
  if (typeof options.out !== 'string') return text;
  writeFileAtomic(resolve(term.cwd, options.out), text);
  return '';
}
