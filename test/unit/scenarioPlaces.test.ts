// Where a problem is placed when the scenario is not a file of its own: data from the library
// names no line (a position in flyscale's own serialisation would mean nothing), and a
// scenario inside a budget file names that file's line and the full key path.
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/config/document.js';
import { InputError, type InputProblem } from '../../src/config/errors.js';
import { loadScenario, type LoadRequest } from '../../src/config/load.js';

function problems(request: LoadRequest): InputProblem[] {
  try {
    loadScenario(request);
  } catch (error) {
    if (error instanceof InputError) return [...error.problems];
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('places of problems in scenarios that are not files', () => {
  it('library data: the key path, no line or column', () => {
    const [p] = problems({ scenarioData: { workload: { items: 10, itemRuntime: 5 } } });
    expect(p).toMatchObject({ source: 'scenario', path: 'workload.itemRuntime' });
    expect(p?.line).toBeUndefined();
  });

  it('inside a budget file: its line and column, and the path from the top', () => {
    const doc = parseSource('budget.yaml', 'scenarios:\n  nightly:\n    workload: { itemRuntime: 5 }\nassertions: []\n');
    const [p] = problems({ scenarioIn: { doc, prefix: ['scenarios', 'nightly'] } });
    // "    workload: { itemRuntime: 5 }": 4 spaces, "workload:" (9), a space, "{", a space, "itemRuntime:" (12), a space: the 5 is at column 30.
    expect(p).toMatchObject({ source: 'budget.yaml', path: 'scenarios.nightly.workload.itemRuntime', line: 3, column: 30 });
  });

  it('a profile path inside a budget scenario that is missing names the profile line', () => {
    const doc = parseSource('budget.yaml', 'scenarios:\n  nightly:\n    profile: nope.yaml\nassertions: []\n');
    const [p] = problems({ scenarioIn: { doc, prefix: ['scenarios', 'nightly'] }, cwd: '/nonexistent-dir' });
    expect(p).toMatchObject({ source: 'budget.yaml', path: 'scenarios.nightly.profile', line: 3, column: 14 });
    expect(p?.problem).toBe('profile file "nope.yaml" not found');
  });
});
