// The scenario the closed-form tests share: fixed phases and 1,000 items of 1 s in batches of 10,
// so every expected number is a hand sum (the working is in each test).
import { fixed } from '../../src/core/distribution.js';
import { effectiveConcurrency } from '../../src/core/concurrency.js';
import { estimateMakespan } from '../../src/core/estimate.js';
import type { Scenario } from '../../src/core/model.js';
import { phase, scenario, type ScenarioOverrides } from './scenario.js';

// Every example below uses these fixed phases (seconds) and 1,000 items of 1 s in batches of 10:
//   u_in = 1, e = 2, d_in = 3, u_out = 4, d_out = 5, t (create) = 30, warm dispatch = 0
//   A = ceil(1000 / 10) = 100 actions, batch runtime b·r = 10 s
//   warm slot time S = dispatch + d_in + b·r + u_out = 0 + 3 + 10 + 4 = 17 s
export const PHASES: ScenarioOverrides['phases'] = {
  uploadInputs: phase(1),
  enqueue: fixed(2),
  downloadInputs: phase(3),
  uploadOutputs: phase(4),
  downloadOutputs: phase(5),
  create: fixed(30),
  dispatch: fixed(0),
};
export const build = (o: ScenarioOverrides): Scenario =>
  scenario({ ...o, phases: { ...PHASES, ...o.phases }, workload: { items: 1000, itemRuntime: fixed(1), ...o.workload } });
export const estimate = (s: Scenario, batch = 10) => estimateMakespan(s, batch, effectiveConcurrency(s));
