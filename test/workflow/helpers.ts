// Workflow files from text, with a profile of fixed phases so hand calculations are exact.
import { parseSource } from '../../src/config/document.js';
import { InputError, type InputProblem } from '../../src/config/errors.js';
import { loadWorkflowDoc, type LoadedWorkflow } from '../../src/config/workflow.js';

/** u = d = e = 1s, t = 10s, warm dispatch 0s: a pod task pays 15s of overhead, a warm slot 5s. */
export const FIXED_PROFILE = ['profile:', '  phases: { upload: 1s, download: 1s, enqueue: 1s, create: 10s, dispatch: 0s }'].join('\n');

export function workflow(text: string, flags: Record<string, string> = {}): LoadedWorkflow {
  return loadWorkflowDoc(parseSource('wf.yaml', text), '/tmp/wf.yaml', undefined, flags, '/tmp');
}

export function problemsOf(text: string, flags: Record<string, string> = {}): readonly InputProblem[] {
  try {
    workflow(text, flags);
  } catch (error) {
    if (error instanceof InputError) return error.problems;
    throw error;
  }
  throw new Error('expected an InputError');
}
