// The JSON Schema of an `arrivals` block, from the same key table and bounds as its parser.
import { durationPattern, numberBound, ratePattern } from './boundSchema.js';
import { ARRIVAL_RATE, boundWords, DURATION, STREAM_RUNS } from './bounds.js';
import { ARRIVAL_KEY_SPECS, type ArrivalKey } from './arrivalsKeys.js';

type Schema = Record<string, unknown>;

const describe = (key: ArrivalKey, schema: Schema, range = ''): Schema => ({ ...schema, description: ARRIVAL_KEY_SPECS[key].help + (range ? `; ${range}` : '') });

/** `durationRef`: where the file's schema keeps the duration value forms. */
export function arrivalsSchema(durationRef: Schema): Schema {
  const rate: Schema = { type: 'string', pattern: ratePattern(ARRIVAL_RATE), examples: ['3/s', '180/min'] };
  const single: Schema = { type: 'string', pattern: durationPattern(DURATION), examples: ['5m', '1h'] };
  const clock: Schema = { type: 'string', pattern: '^\\s*([01]?\\d|2[0-3]):[0-5]\\d(:[0-5]\\d)?\\s*$', examples: ['06:00', '22:30'] };
  const point: Schema = { type: 'object', properties: { at: { oneOf: [clock, single], description: 'time of day (06:00) or time after midnight (6h)' }, rate: { type: 'string', description: 'the rate from this time on (0/s for a quiet stretch)', examples: ['2/s', '0/s'] } }, required: ['at', 'rate'], additionalProperties: false };
  const properties: Record<ArrivalKey, Schema> = {
    rate: describe('rate', rate, boundWords(ARRIVAL_RATE)),
    interarrival: describe('interarrival', durationRef),
    runs: describe('runs', { type: 'integer', ...numberBound(STREAM_RUNS) }, boundWords(STREAM_RUNS)),
    duration: describe('duration', single),
    warmup: describe('warmup', single),
    shape: describe('shape', { type: 'array', items: point, minItems: 1 }),
  };
  return {
    type: 'object',
    description: 'a stream of runs arriving over time (docs/streams.md): a rate, interarrival times or a daily shape; runs or a duration; a warm-up left out of the statistics',
    properties,
    // One way the runs arrive, and one end of the stream.
    allOf: [
      { oneOf: [{ required: ['rate'] }, { required: ['interarrival'] }, { required: ['shape'] }] },
      { oneOf: [{ required: ['runs'] }, { required: ['duration'] }] },
    ],
    additionalProperties: false,
  };
}
