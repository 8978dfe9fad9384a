// A YAML or JSON file parsed with positions, so every problem can name its line and column.
import { isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, parseDocument, visit, type Document, type Node } from 'yaml';
import { InputError } from './errors.js';
import { jsonErrorOffset } from './jsonPosition.js';

export interface SourceDoc {
  /** File name as the user gave it (or `--flag`), used in messages. */
  source: string;
  data: Record<string, unknown>;
  /** Line and column of the value at `path` (or its key, with `key: true`). */
  locate(path: readonly (string | number)[], key?: boolean): { line: number; column: number } | undefined;
}

/** Aliases allowed before a document counts as an alias bomb. */
const MAX_ALIASES = 100;

export function parseSource(source: string, text: string): SourceDoc {
  const fail = (problem: string, fix: string, line?: number, column?: number): never => {
    throw new InputError([{ source, path: '', problem, fix, ...(line !== undefined ? { line, column: column ?? 1 } : {}) }]);
  };
  if (text.trim() === '') fail('the file is empty', 'write a scenario or profile; `flyscale init` writes a starter file');
  // A .json file must be JSON: YAML would also take trailing commas and comments.
  if (/\.json$/i.test(source)) {
    try {
      JSON.parse(text);
    } catch {
      const offset = jsonErrorOffset(text) ?? 0;
      const before = text.slice(0, offset).split('\n');
      const token = text.charAt(offset);
      const what = token === '' ? 'the file ends too early' : `unexpected ${JSON.stringify(token)}`;
      fail(`malformed JSON: ${what}`, 'fix the syntax at that position (a missing comma, quote or bracket?)', before.length, (before[before.length - 1]?.length ?? 0) + 1);
    }
  }
  const lines = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false, strict: true, logLevel: 'silent' });
  const doc: Document.Parsed | undefined = Array.isArray(docs) ? docs[0] : undefined;
  if (doc === undefined) return fail('the file is empty', 'write a scenario or profile; `flyscale init` writes a starter file');
  const first = doc.errors[0];
  if (first) {
    const pos = lines.linePos(first.pos[0]);
    const message = first.message.split('\n')[0] ?? first.message;
    fail(`malformed ${source.endsWith('.json') ? 'JSON' : 'YAML'}: ${message}`, 'fix the syntax at that position', pos.line, pos.col);
  }
  // A second document would be ignored: the settings in it would silently not apply.
  const second = Array.isArray(docs) ? docs.slice(1).find((d) => d.contents !== null && !(isScalar(d.contents) && d.contents.value === null)) : undefined;
  if (second !== undefined) {
    const pos = lines.linePos(second.range[0]);
    fail('a second YAML document (after ---) would be ignored', 'keep one scenario per file: remove the --- line and merge the settings, or split them into two files', pos.line, pos.col);
  }
  // 1e400 and .inf read as Infinity, .nan as NaN: keep the text as written, so the value's
  // parser rejects it and its message quotes what the user typed.
  keepNonFiniteAsWritten(doc);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    fail(`the document cannot be expanded (${message})`, `use fewer YAML aliases (at most ${MAX_ALIASES} expansions)`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    fail(`expected a mapping of keys at the top level, got ${Array.isArray(data) ? 'a list' : JSON.stringify(data)}`, 'start the file with keys such as `workload:` or `phases:`', 1, 1);
  }
  const record: Record<string, unknown> = Object.fromEntries(Object.entries(data ?? {}));
  return {
    source,
    data: record,
    locate(path, key = false) {
      let node: unknown = doc.contents;
      let keyNode: Node | undefined;
      for (const step of path) {
        keyNode = undefined;
        if (isMap(node)) {
          const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === step);
          if (!pair) break;
          keyNode = isScalar(pair.key) ? pair.key : undefined;
          node = pair.value;
        } else if (isSeq(node) && typeof step === 'number') {
          node = node.items[step];
        } else break;
      }
      const target = key && keyNode ? keyNode : node;
      const range = target && typeof target === 'object' && 'range' in target ? target.range : undefined;
      if (!Array.isArray(range) || typeof range[0] !== 'number') return undefined;
      const pos = lines.linePos(range[0]);
      return { line: pos.line, column: pos.col };
    },
  };
}

/** 1e400, .inf and .nan become the text as written, for the value parsers to reject by name. */
function keepNonFiniteAsWritten(doc: Document.Parsed): void {
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'number' && !Number.isFinite(node.value)) node.value = node.source ?? String(node.value);
    },
  });
}

/**
 * A flag's value read as YAML flow syntax (`[5, 20]`, `{median: 1s, p95: 3s}`), with the same
 * care for non-finite numbers as a file; text that is not YAML stays the text as typed.
 */
export function parseFlagValue(text: string): unknown {
  const doc = parseDocument(text, { logLevel: 'silent' });
  if (doc.errors.length) return text;
  keepNonFiniteAsWritten(doc);
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch {
    return text;
  }
}
