// Where a malformed JSON text goes wrong: Node's JSON.parse names a position for some errors
// and none for others ("Unexpected token 'x', ... is not valid JSON"), so a small scanner
// finds the offset of the first token that breaks the grammar.

const WHITESPACE = /[ \t\n\r]/;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;

class Stop {
  constructor(readonly offset: number) {}
}

/** The 0-based offset of the first error in `text`, or undefined when it is valid JSON. */
export function jsonErrorOffset(text: string): number | undefined {
  let i = 0;
  const skip = (): void => {
    while (i < text.length && WHITESPACE.test(text.charAt(i))) i++;
  };
  const sticky = (re: RegExp): boolean => {
    re.lastIndex = i;
    const m = re.exec(text);
    if (!m) return false;
    i += m[0].length;
    return true;
  };
  const expect = (char: string): void => {
    skip();
    if (text.charAt(i) !== char) throw new Stop(i);
    i++;
  };
  const value = (): void => {
    skip();
    const c = text.charAt(i);
    if (c === '{') return container('}', true);
    if (c === '[') return container(']', false);
    if (c === '"') {
      if (!sticky(STRING)) throw new Stop(i);
      return;
    }
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    if (!sticky(NUMBER)) throw new Stop(i);
  };
  const container = (close: string, keyed: boolean): void => {
    i++;
    skip();
    if (text.charAt(i) === close) {
      i++;
      return;
    }
    for (;;) {
      if (keyed) {
        skip();
        if (!sticky(STRING)) throw new Stop(i);
        expect(':');
      }
      value();
      skip();
      if (text.charAt(i) === ',') {
        i++;
        continue;
      }
      expect(close);
      return;
    }
  };
  try {
    value();
    skip();
    return i < text.length ? i : undefined;
  } catch (error) {
    if (error instanceof Stop) return error.offset;
    throw error;
  }
}
