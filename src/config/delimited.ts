// Split one CSV or TSV record into fields (RFC 4180 quoting: "a, b" is one field, "" is a
// quote inside a quoted field). Reports where each field starts so errors can name a column.

export type SplitResult =
  | { kind: 'fields'; fields: string[]; /** 1-based column where each field starts. */ columns: number[] }
  /** A quoted field is still open at the end of the text: the record continues on the next line. */
  | { kind: 'open'; column: number }
  | { kind: 'bad'; column: number; problem: string };

export function splitRecord(text: string, delimiter: string): SplitResult {
  if (!text.includes('"')) {
    const fields = text.split(delimiter);
    const columns: number[] = [];
    let column = 1;
    for (const field of fields) {
      columns.push(column);
      column += field.length + delimiter.length;
    }
    return { kind: 'fields', fields, columns };
  }
  const fields: string[] = [];
  const columns: number[] = [];
  let i = 0;
  for (;;) {
    columns.push(i + 1);
    if (text[i] === '"') {
      let value = '';
      let j = i + 1;
      for (;;) {
        const close = text.indexOf('"', j);
        if (close < 0) return { kind: 'open', column: i + 1 };
        value += text.slice(j, close);
        if (text[close + 1] === '"') {
          value += '"';
          j = close + 2;
          continue;
        }
        j = close + 1;
        break;
      }
      fields.push(value);
      if (j >= text.length) return { kind: 'fields', fields, columns };
      if (!text.startsWith(delimiter, j)) {
        return { kind: 'bad', column: j + 1, problem: `unexpected ${JSON.stringify(text[j])} after a closing quote` };
      }
      i = j + delimiter.length;
    } else {
      const end = text.indexOf(delimiter, i);
      fields.push(text.slice(i, end < 0 ? text.length : end));
      if (end < 0) return { kind: 'fields', fields, columns };
      i = end + delimiter.length;
    }
  }
}
