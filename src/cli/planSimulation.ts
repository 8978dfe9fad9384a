// plan --simulate: the simulated run beside the closed-form estimate, and a finding when
// they differ by more than 10%.
import { finding, SEVERITY_ORDER } from '../core/findings.js';
import type { Scenario } from '../core/model.js';
import { summarize } from '../core/sim/summarize.js';
import type { Doc } from '../render/doc.js';
import { planDoc } from '../render/planDoc.js';
import { simulationRows } from '../render/simulateDoc.js';
import type { PlanReport } from '../report/planReport.js';
import { simulationBlock } from '../report/simulateReport.js';
import type { SimulationFlags } from './options.js';
import type { Terminal } from './result.js';
import { replicate, simulationOptions } from './simulation.js';

/** Relative gap between simulation and closed form above which the plan says so. */
export const SIMULATION_TOLERANCE = 0.1;

export async function withSimulation(report: PlanReport, scenario: Scenario, options: SimulationFlags, term: Terminal): Promise<{ report: PlanReport; doc: () => Doc }> {
  const sim = simulationOptions(options);
  const reps = await replicate(scenario, report.batch.size, sim, term);
  const simulation = simulationBlock(reps, summarize(reps), sim.seed, report.estimate.makespanSeconds, undefined);
  const estimate = report.estimate.makespanSeconds;
  const difference = estimate > 0 ? Math.abs(simulation.makespan.meanSeconds - estimate) / estimate : 0;
  const findings = [...report.findings];
  if (difference > SIMULATION_TOLERANCE) {
    findings.push(finding('simulationDiffers', { estimateSeconds: estimate, simulatedSeconds: simulation.makespan.meanSeconds, difference }));
    findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  }
  const shown: PlanReport = { ...report, findings, simulation };
  const doc = (): Doc => {
    const d = planDoc(shown);
    d.blocks.splice(d.blocks.length - 1, 0, { kind: 'table', title: `Simulated (${simulation.runs} runs, seed ${simulation.seed})`, rows: simulationRows(simulation) });
    return d;
  };
  return { report: shown, doc };
}
