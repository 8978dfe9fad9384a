#!/usr/bin/env node
// Cost of one batch-runtime draw (src/core/sim/batchRuntime.ts) against item-by-item summation,
// lognormal items with sigma 1.5, and the mean of the max of 100 batch sums each gives.
// Run after a build: `npx tsc -p tsconfig.build.json && node bench/batchSum.mjs`.
import { batchRuntimeSampler } from '../dist/core/sim/batchRuntime.js';
import { durationSampler } from '../dist/core/sim/phaseSampler.js';
import { createRng } from '../dist/core/random.js';

const item = { kind: 'lognormal', mu: 0, sigma: 1.5 };
const one = durationSampler(item);

function measure(draw, draws) {
  const rng = createRng(1);
  let sink = 0;
  for (let i = 0; i < Math.min(draws, 2000); i++) sink += draw(rng); // warm-up
  const t0 = performance.now();
  let maxSum = 0;
  let top = 0;
  for (let i = 0; i < draws; i++) {
    const x = draw(rng);
    if (x > top) top = x;
    if (i % 100 === 99) {
      maxSum += top;
      top = 0;
    }
  }
  const ns = ((performance.now() - t0) * 1e6) / draws;
  return { ns, meanMax: maxSum / Math.floor(draws / 100), sink };
}

for (const b of [33, 100, 1000, 10000]) {
  const exact = (rng) => {
    let t = 0;
    for (let i = 0; i < b; i++) t += one(rng);
    return t;
  };
  const draws = Math.max(2000, Math.round(4e6 / b));
  const e = measure(exact, Math.min(draws, 200_000));
  const s = measure(batchRuntimeSampler(item, b), 200_000);
  console.log(
    `batch sum  b=${String(b).padStart(5)}  split ${s.ns.toFixed(0).padStart(5)} ns/draw  item by item ${e.ns.toFixed(0).padStart(8)} ns/draw  ` +
      `(${(e.ns / s.ns).toFixed(0)}x)  mean max of 100: split ${s.meanMax.toFixed(0)}, item by item ${e.meanMax.toFixed(0)}`,
  );
}
