// JUnit XML, one testcase per assertion, in the shape the common CI servers' parsers read:
// a failing outcome is a <failure>, anything else passes with its message in <system-out>.
import type { CheckReport } from '../report/checkReport.js';
import { valueText } from './checkDoc.js';

const escape = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

export function renderJunit(r: CheckReport): string {
  const failures = r.summary.failed;
  const cases = r.assertions.map((a) => {
    const attrs = `classname="${escape(`flyscale.${a.scenario}`)}" name="${escape(a.name)}" file="${escape(r.budget)}" line="${a.line}" time="0"`;
    const detail = escape(`${a.metric} = ${valueText(a)}; budget ${a.op} ${a.budgetText}; ${a.message}`);
    if (a.outcome === 'fail') return `    <testcase ${attrs}>\n      <failure message="${escape(a.message)}" type="${a.verdict}">${detail}</failure>\n    </testcase>`;
    return `    <testcase ${attrs}>\n      <system-out>${detail}</system-out>\n    </testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="flyscale check" tests="${r.assertions.length}" failures="${failures}" errors="0">`,
    `  <testsuite name="${escape(r.budget)}" tests="${r.assertions.length}" failures="${failures}" errors="0" skipped="0">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
