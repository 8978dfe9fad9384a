// GitHub Actions workflow commands: an annotation per assertion that is not a clean pass,
// pointing at its line in the budget file, and a closing notice with the counts.
import type { CheckReport } from '../report/checkReport.js';
import { valueText } from './checkDoc.js';

/** Workflow-command escaping: % \r \n in data; also : and , in properties. */
const data = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const prop = (s: string): string => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function renderGithub(r: CheckReport): string {
  const lines = r.assertions
    .filter((a) => a.outcome !== 'pass' || a.verdict === 'inconclusive')
    .map((a) => {
      const kind = a.outcome === 'fail' ? 'error' : 'warning';
      return `::${kind} file=${prop(r.budget)},line=${a.line},title=${prop(`flyscale: ${a.name}`)}::${data(`${a.metric} = ${valueText(a)}, budget ${a.op} ${a.budgetText}: ${a.message}`)}`;
    });
  const s = r.summary;
  lines.push(`::notice title=flyscale check::${data(`${s.assertions} assertions: ${s.passed} passed, ${s.warned} warned, ${s.failed} failed`)}`);
  return `${lines.join('\n')}\n`;
}
