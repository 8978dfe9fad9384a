// The report header of a loaded scenario. This joins config (what was loaded, and each
// field's unit) to report (the contract), which may not import each other; the CLI and the
// library entry both build their headers here.
import type { Loaded } from '../config/load.js';
import type { LoadedWorkflow } from '../config/workflow.js';
import { FIELD_BY_PATH, type ValueKind } from '../config/fields.js';
import { toolVersion } from '../config/version.js';
import { reportHeader, type ReportCommand, type ReportHeader } from '../report/header.js';
import { reportInputs, type InputUnit } from '../report/inputs.js';

const UNIT_OF_KIND: Partial<Record<ValueKind, InputUnit>> = { size: 'bytes', optionalSize: 'bytes', rate: 'perSecond' };

const unitOf = (path: string): InputUnit | undefined => {
  const kind = FIELD_BY_PATH.get(path)?.kind;
  return kind === undefined ? undefined : UNIT_OF_KIND[kind];
};

export function headerOf(command: ReportCommand, loaded: Loaded): ReportHeader {
  return reportHeader(command, toolVersion(), { name: loaded.name, profile: loaded.profileName, file: loaded.scenarioFile }, reportInputs(loaded.settings, unitOf));
}

/** The header of a workflow's report: the workflow's name and file, its run-wide inputs. */
export function workflowHeaderOf(command: ReportCommand, loaded: LoadedWorkflow): ReportHeader {
  return reportHeader(command, toolVersion(), { name: loaded.name, profile: loaded.profileName, file: loaded.file }, reportInputs(loaded.settings, unitOf));
}
