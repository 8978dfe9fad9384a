// The shipped files parsed at build time (src/config/prebuilt.ts) must answer exactly as
// parsing them now does: the same data and the same line and column for every key and value,
// and for paths the file does not have (those fall back to parsing).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/config/document.js';
import { prebuiltEntry, prebuiltSource } from '../../src/config/prebuilt.js';

const FILES = ['profiles/default.yaml', 'profiles/flyte-oss.yaml', 'examples/scaling-guide.yaml'];

describe('prebuilt shipped files', () => {
  for (const file of FILES) {
    it(`${file}: same data and positions as parsing it`, () => {
      const text = readFileSync(file, 'utf8');
      const parsed = parseSource(file, text);
      const entry = prebuiltEntry(parsed, text);
      const doc = prebuiltSource(file, text, [entry]);
      expect(doc).toBeDefined();
      expect(doc?.source).toBe(file);
      expect(doc?.data).toEqual(parsed.data);
      const paths = Object.keys(entry.places).map((p) => JSON.parse(p) as (string | number)[]);
      expect(paths.length).toBeGreaterThan(5);
      // Paths not in the file: a missing key, a key under a scalar, an index past a list's end.
      const missing = [['nope'], ['workload', 'nope'], ['workload', 'items', 'deeper'], ['environment', 'replicas', 9], ['name', 0]];
      for (const path of [...paths, ...missing]) {
        for (const key of [false, true]) expect(doc?.locate(path, key), `${JSON.stringify(path)} key=${key}`).toEqual(parsed.locate(path, key));
      }
    });
  }

  it('any other text, or a .json name, is left to the parser', () => {
    const text = readFileSync('profiles/default.yaml', 'utf8');
    const entry = prebuiltEntry(parseSource('profiles/default.yaml', text), text);
    expect(prebuiltSource('mine.yaml', `${text}\n# edited\n`, [entry])).toBeUndefined();
    expect(prebuiltSource('mine.json', text, [entry])).toBeUndefined();
    // The same text under another name is the same document, named as the user named it.
    expect(prebuiltSource('copy.yaml', text, [entry])?.source).toBe('copy.yaml');
  });
});
