// The files flyscale ships (the built-in profiles, the worked example) parsed at build time:
// the bundle carries each one's text, its data as JSON and the line and column of every key
// and value (scripts/build.mjs fills __FLYSCALE_PREBUILT__ by running parseSource over them).
// Parsing YAML is a good part of `plan`'s start-up, so a file whose text is exactly one of
// these takes the stored result; any other text (a user's file, an edited copy) is parsed.
// A position the table does not hold (never one that exists in the file) parses the text then,
// so every answer is the one parseSource gives.
import { parseSource, type SourceDoc } from './document.js';

/** One parsed file: its text, its data as JSON, and [line, column, key line, key column] by JSON path. */
export interface PrebuiltDoc {
  text: string;
  json: string;
  places: Record<string, readonly number[]>;
}

declare const __FLYSCALE_PREBUILT__: readonly PrebuiltDoc[] | undefined;

const PREBUILT: readonly PrebuiltDoc[] = typeof __FLYSCALE_PREBUILT__ === 'undefined' ? [] : __FLYSCALE_PREBUILT__;

/** `source`'s document from the build's table when `text` is one of the shipped files; else undefined. */
export function prebuiltSource(source: string, text: string, table: readonly PrebuiltDoc[] = PREBUILT): SourceDoc | undefined {
  if (/\.json$/i.test(source)) return undefined; // a .json file is checked as JSON first
  const found = table.find((p) => p.text === text);
  if (found === undefined) return undefined;
  const parsed: unknown = JSON.parse(found.json);
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
  const data: Record<string, unknown> = Object.fromEntries(Object.entries(parsed));
  let full: SourceDoc | undefined;
  return {
    source,
    data,
    locate(path, key = false) {
      const place = found.places[JSON.stringify(path)];
      if (place === undefined) return (full ??= parseSource(source, text)).locate(path, key);
      const line = place[key ? 2 : 0] ?? 0;
      const column = place[key ? 3 : 1] ?? 0;
      return line > 0 ? { line, column } : undefined;
    },
  };
}

/** The build's table entry for a parsed file: every path of its data with both positions (0: none). */
export function prebuiltEntry(doc: SourceDoc, text: string): PrebuiltDoc {
  const places: Record<string, number[]> = {};
  const visit = (node: unknown, path: (string | number)[]): void => {
    const at = doc.locate(path);
    const keyAt = doc.locate(path, true);
    places[JSON.stringify(path)] = [at?.line ?? 0, at?.column ?? 0, keyAt?.line ?? 0, keyAt?.column ?? 0];
    if (Array.isArray(node)) node.forEach((child, i) => visit(child, [...path, i]));
    else if (node !== null && typeof node === 'object') for (const [k, child] of Object.entries(node)) visit(child, [...path, k]);
  };
  visit(doc.data, []);
  return { text, json: JSON.stringify(doc.data), places };
}
