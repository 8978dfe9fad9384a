// The report header of a loaded scenario. This joins config (what was loaded, and each
// field's unit) to report (the contract), which may not import each other; the CLI and the
// library entry both build their headers here.
import type { Loaded } from '../config/load.js';
import type { LoadedWorkflow } from '../config/workflow.js';
import { FIELD_BY_PATH, type ValueKind } from '../config/fields.js';
import { toolVersion } from '../config/version.js';
import { reportHeader, type ReportCommand, type ReportHeader } from '../report/header.js';
import { reportInputs, type InputUnit, type ReportInputs } from '../report/inputs.js';
import { arrivalInputs } from '../report/arrivalInputs.js';
import { WORKFLOW_SECTIONS } from '../config/workflowKeys.js';

const UNIT_OF_KIND: Partial<Record<ValueKind, InputUnit>> = { size: 'bytes', optionalSize: 'bytes', rate: 'perSecond' };

const unitOf = (path: string): InputUnit | undefined => {
  const kind = FIELD_BY_PATH.get(path)?.kind;
  return kind === undefined ? undefined : UNIT_OF_KIND[kind];
};

/** A stream's arrivals as one more section of inputs (`inputs.arrivals.rate`); nothing without one. */
const withArrivals = (inputs: ReportInputs, loaded: Pick<Loaded, 'arrivals' | 'arrivalSources'>): ReportInputs => (loaded.arrivals === null ? inputs : { ...inputs, arrivals: arrivalInputs(loaded.arrivals, loaded.arrivalSources) });

export function headerOf(command: ReportCommand, loaded: Loaded): ReportHeader {
  return reportHeader(command, toolVersion(), { name: loaded.name, profile: loaded.profileName, file: loaded.scenarioFile }, withArrivals(reportInputs(loaded.settings, unitOf), loaded));
}

/**
 * The header of a workflow's report: the workflow's name and file, its run-wide inputs. The
 * workload and environment sections are left out: a workflow sets them per step and
 * environment (steps.<name>, environments.<name>), and the run-wide defaults no step uses would mislead.
 */
export function workflowHeaderOf(command: ReportCommand, loaded: LoadedWorkflow): ReportHeader {
  const runWide = Object.fromEntries(Object.entries(reportInputs(loaded.settings, unitOf)).filter(([section]) => WORKFLOW_SECTIONS.some((s) => s === section)));
  return reportHeader(command, toolVersion(), { name: loaded.name, profile: loaded.profileName, file: loaded.file }, withArrivals(runWide, loaded));
}
