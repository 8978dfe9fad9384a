// Any text fed to the log parser comes back as records, skips or located errors: never an
// exception, never a record with a non-finite or negative number.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLogParser, LOG_FORMATS, MEASURED_PHASES } from '../../src/config/measurements.js';

const piece = fc.oneof(
  fc.constantFrom('phase', 'seconds', 'bytes', 'duration', 'timestamp', 'upload', 'runtime', 'bogus', '"', '""', ',', '\t', '{', '}', ':', '1e400', '-1', '0.5', '120ms', 'NaN', '\uFEFF', '\r'),
  fc.string({ maxLength: 6 }),
  fc.double().map(String),
);
const line = fc.array(piece, { maxLength: 8 }).map((parts) => parts.join(''));
const header = fc.constantFrom('phase,seconds,bytes', 'phase\tseconds', 'phase,duration', '{"phase":"upload","seconds":0.1}', '');

describe('the log parser on arbitrary text', () => {
  it('returns outcomes, never throws, and keeps only finite, non-negative numbers', () => {
    fc.assert(
      fc.property(fc.constantFrom(...LOG_FORMATS), fc.boolean(), header, fc.array(line, { maxLength: 12 }), (format, skip, head, lines) => {
        const parser = createLogParser('fuzz.log', format, { phases: MEASURED_PHASES, skipBadRows: skip });
        [head, ...lines].forEach((text, i) => {
          const outcome = parser.pushLine(text, i + 1);
          if (outcome.kind === 'record') {
            expect(Number.isFinite(outcome.record.seconds) && outcome.record.seconds >= 0).toBe(true);
            if (outcome.record.bytes !== null) expect(Number.isFinite(outcome.record.bytes) && outcome.record.bytes >= 0).toBe(true);
          }
          if (outcome.kind === 'error' || outcome.kind === 'skipped') {
            expect(outcome.error.line).toBeGreaterThanOrEqual(1);
            expect(outcome.error.column).toBeGreaterThanOrEqual(1);
            expect(outcome.error.fix.length).toBeGreaterThan(0);
          }
        });
        const end = parser.finish();
        if (end !== null) expect(end.file).toBe('fuzz.log');
      }),
      { numRuns: 500, seed: 5 },
    );
  });
});
