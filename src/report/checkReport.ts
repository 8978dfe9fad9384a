// The public JSON contract of `check`: one entry per assertion with its value, interval,
// verdict and outcome; --baseline reads a previous one of these back.
import type { AssertionResult, CheckSummary, InconclusivePolicy } from '../core/check/outcome.js';
import { SCHEMA_VERSION, type Tool } from './header.js';

export type { AssertionResult, Outcome } from '../core/check/outcome.js';

export interface CheckReport {
  schemaVersion: number;
  tool: Tool;
  command: 'check';
  budget: string;
  inconclusive: InconclusivePolicy;
  summary: CheckSummary;
  passed: boolean;
  assertions: AssertionResult[];
}

export function checkReport(tool: Tool, budget: string, inconclusive: InconclusivePolicy, result: { summary: CheckSummary; passed: boolean; assertions: AssertionResult[] }): CheckReport {
  return { schemaVersion: SCHEMA_VERSION, tool, command: 'check', budget, inconclusive, summary: result.summary, passed: result.passed, assertions: result.assertions };
}
