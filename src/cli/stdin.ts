// `-` in place of a scenario or budget file reads standard input, as `profile fit -` does.
// Problems in it are reported at `<stdin>:line:col`.
import type { Readable } from 'node:stream';
import { InputError } from '../config/errors.js';
import type { Terminal } from './result.js';

export const STDIN_SOURCE = '<stdin>';

/** The whole of a stream as UTF-8 text. */
export async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

/** Standard input's text when `path` is `-`; undefined for a real path. */
export async function stdinFor(path: string | undefined, term: Terminal): Promise<string | undefined> {
  return path === '-' ? readAll(stdinOf(term)) : undefined;
}

/** The one way a command reaches standard input: the terminal's stream, or a plain refusal. */
export function stdinOf(term: Terminal): Readable {
  if (term.stdin === undefined) throw new InputError([{ source: '-', path: '', problem: 'standard input is not available here', fix: 'give a file path instead of -' }]);
  return term.stdin();
}
