// The head of every report, in one place: schema version, tool, command, scenario and resolved
// inputs. Bump SCHEMA_VERSION on a breaking change to any report.
import type { ReportInputs } from './inputs.js';

/** 2: batch.recommended is the size to use (never above a cap), with lowerBound, cap and minimum beside it; inputs nested by section. */
export const SCHEMA_VERSION = 2;

/** The commands that print a report with a scenario header. */
export const REPORT_COMMANDS = ['plan', 'overhead', 'batch', 'fanout', 'simulate', 'sweep', 'check'] as const;
export type ReportCommand = (typeof REPORT_COMMANDS)[number];

export interface Tool {
  name: 'flyscale';
  version: string;
}

export interface ReportHeader {
  schemaVersion: number;
  tool: Tool;
  /** One of REPORT_COMMANDS; typed as a string so scripts and tests may build headers freely. */
  command: string;
  scenario: { name: string; profile: string; file: string | null };
  /** `inputs.<section>.<key>`: the resolved value and where it came from. */
  inputs: ReportInputs;
}

export const toolOf = (version: string): Tool => ({ name: 'flyscale', version });

export function reportHeader(command: ReportCommand, version: string, scenario: ReportHeader['scenario'], inputs: ReportInputs): ReportHeader {
  return { schemaVersion: SCHEMA_VERSION, tool: toolOf(version), command, scenario, inputs };
}
