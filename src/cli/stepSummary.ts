// $GITHUB_STEP_SUMMARY: a job's Markdown summary, which several steps append to. Ours starts
// on a line of its own after a blank line, so it never runs into what an earlier step wrote.
import { appendFileSync, readFileSync } from 'node:fs';
import { writeProblem } from './atomicWrite.js';

/** What must come before an appended block, given the file's text so far. */
export function separatorAfter(existing: string): string {
  if (existing === '' || existing.endsWith('\n\n')) return '';
  return existing.endsWith('\n') ? '\n' : '\n\n';
}

export function appendStepSummary(file: string, markdown: string): void {
  let existing = '';
  try {
    existing = readFileSync(file, 'utf8');
  } catch {
    // A file that does not exist yet is created by the append.
  }
  try {
    appendFileSync(file, `${separatorAfter(existing)}${markdown}`);
  } catch (error) {
    throw writeProblem(file, error);
  }
}
