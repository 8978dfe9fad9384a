// Constants the CLI bundle carries so that `plan` does not compute them at every start, each
// made here by the library's own code (tsc's output in dist/, built just before) and checked
// to come back exactly from the text it is carried as (JSON writes every double so that it
// reads back the same):
// - the shipped files, parsed (src/config/prebuilt.ts): `plan` on them parses no YAML;
// - the overhead sample's strata and random orders (src/core/overheadDesign.ts);
// - the overhead samples of the built-in profiles (src/core/overheadSample.ts).
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';

const root = new URL('..', import.meta.url);
const dist = (file) => import(new URL(`dist/${file}`, root).href);

const { parseSource } = await dist('config/document.js');
const { prebuiltEntry } = await dist('config/prebuilt.js');
export const prebuilt = ['profiles/default.yaml', 'profiles/flyte-oss.yaml', 'examples/scaling-guide.yaml'].map((file) => {
  const text = readFileSync(new URL(file, root), 'utf8');
  const entry = prebuiltEntry(parseSource(file, text), text);
  if (!isDeepStrictEqual(JSON.parse(entry.json), parseSource(file, text).data)) throw new Error(`${file} does not survive JSON: it cannot be prebuilt`);
  return entry;
});

const { lowerStrata, firstOrders, ORDERS_BUILT, OVERHEAD_SAMPLES } = await dist('core/overheadDesign.js');
export const strata = lowerStrata(OVERHEAD_SAMPLES);
if (!isDeepStrictEqual(JSON.parse(JSON.stringify(strata)), strata) || strata.some((x) => !Number.isFinite(x))) throw new Error('the overhead strata do not survive JSON');

// The orders as base64 of their 16-bit indices, decoded natively on first use by a function
// the bundle's banner declares; the bytes are little-endian, swapped on a big-endian machine.
const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const orderBytes = Buffer.concat(firstOrders(ORDERS_BUILT).map((o) => Buffer.from(new Uint16Array(o).buffer)));
if (!littleEndian) orderBytes.swap16();
export const ordersFunction =
  `function __flyscaleOrders(){const b=Buffer.from(${JSON.stringify(orderBytes.toString('base64'))},'base64');` +
  `if(new Uint8Array(new Uint16Array([1]).buffer)[0]!==1)b.swap16();return new Uint16Array(b.buffer.slice(b.byteOffset,b.byteOffset+b.length))}`;
{
  const decoded = new Function(`${ordersFunction}; return __flyscaleOrders();`)();
  const made = firstOrders(ORDERS_BUILT); // the same arrays, made once
  if (decoded.length !== ORDERS_BUILT * OVERHEAD_SAMPLES || made.some((o, k) => o.some((x, i) => decoded[k * OVERHEAD_SAMPLES + i] !== x))) throw new Error('the overhead orders do not survive base64');
}

// Every variant of an action's overhead on each built-in profile: the samples they make are
// the ones `plan` on those profiles asks for, whatever the workload's sizes.
const { loadProfile } = await dist('config/load.js');
const { actionOverhead } = await dist('core/overhead.js');
const { rememberedSamples } = await dist('core/overheadSample.js');
for (const profile of ['default', 'flyte-oss']) {
  const { phases } = loadProfile(profile, new URL('.', root).pathname);
  for (const variant of ['task', 'warm', 'cacheHit', 'trace']) actionOverhead(phases, variant, 0, 0);
}
export const samples = rememberedSamples();
if (!isDeepStrictEqual(JSON.parse(JSON.stringify(samples)), samples) || samples.some(([, p]) => !Object.values(p).every(Number.isFinite))) throw new Error('the overhead samples do not survive JSON');
