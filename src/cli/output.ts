// A command's rendered output goes to stdout, or with --out to a file, written atomically
// (never half a page). The HTML page is meant for --out: a file to open or attach.
import { resolve } from 'node:path';
import type { Doc } from '../render/doc.js';
import type { ReportFormat } from '../render/formats.js';
import { RENDERERS } from '../render/registry.js';
import { writeFileAtomic } from './atomicWrite.js';
import type { Terminal } from './result.js';

/** The text for stdout: the rendered report, or nothing when --out took it. */
export async function output(format: ReportFormat, report: unknown, doc: () => Doc, term: Terminal, out: string | undefined): Promise<string> {
  const text = await RENDERERS[format](report, doc, term);
  if (out === undefined) return text;
  writeFileAtomic(resolve(term.cwd, out), text);
  return '';
}
