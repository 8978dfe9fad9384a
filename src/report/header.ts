// The head of every report: schema version, tool, command, scenario and resolved inputs.
import type { Loaded } from '../config/load.js';
import { reportInputs } from './inputs.js';
import { SCHEMA_VERSION, type ReportHeader } from './planReport.js';

export function reportHeader(command: string, loaded: Loaded, version: string): ReportHeader {
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'flyscale', version },
    command,
    scenario: { name: loaded.name, profile: loaded.profileName, file: loaded.scenarioFile },
    inputs: reportInputs(loaded.settings),
  };
}
