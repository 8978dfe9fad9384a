// The head of every report, in one place: schema version, tool, command, scenario and resolved
// inputs. Bump SCHEMA_VERSION on a breaking change to any report.
import type { ReportInput } from './inputs.js';

export const SCHEMA_VERSION = 1;

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
  inputs: Record<string, ReportInput>;
}

export const toolOf = (version: string): Tool => ({ name: 'flyscale', version });

export function reportHeader(command: ReportCommand, version: string, scenario: ReportHeader['scenario'], inputs: Record<string, ReportInput>): ReportHeader {
  return { schemaVersion: SCHEMA_VERSION, tool: toolOf(version), command, scenario, inputs };
}
