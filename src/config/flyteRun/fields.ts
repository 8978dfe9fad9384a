// Both spellings of a field: the SDK and flytectl print lowerCamelCase, the REST API the proto's
// snake_case. A missing key is the field's default (protobuf JSON omits defaults); null (REST
// with defaults emitted, an unset message) is treated as missing too.
import { isRecord } from '../../core/isRecord.js';


const SNAKE = new Map<string, string>();
const snakeOf = (camel: string): string => {
  let s = SNAKE.get(camel);
  if (s === undefined) {
    s = camel.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    SNAKE.set(camel, s);
  }
  return s;
};

/** The value under `camel` or its snake_case spelling; undefined when absent or null. */
export function field(record: Record<string, unknown>, camel: string): unknown {
  const v = record[camel];
  if (v !== undefined && v !== null) return v;
  const s = record[snakeOf(camel)];
  return s === null ? undefined : s;
}

export function objectField(record: Record<string, unknown>, camel: string): Record<string, unknown> {
  const v = field(record, camel);
  return isRecord(v) ? v : {};
}

export function arrayField(record: Record<string, unknown>, camel: string): unknown[] {
  const v = field(record, camel);
  return Array.isArray(v) ? v : [];
}

export function stringField(record: Record<string, unknown>, camel: string): string | null {
  const v = field(record, camel);
  return typeof v === 'string' && v !== '' ? v : null;
}

/** A 32-bit integer (a JSON number) or a 64-bit one (a JSON string such as "78429"); the default 0 when absent. */
export function intField(record: Record<string, unknown>, camel: string): number | null {
  const v = field(record, camel);
  if (v === undefined) return 0;
  if (typeof v === 'number') return Number.isSafeInteger(v) ? v : null;
  if (typeof v === 'string' && /^-?\d+$/.test(v)) {
    const n = Number(v);
    return Number.isSafeInteger(n) ? n : null;
  }
  return null;
}
