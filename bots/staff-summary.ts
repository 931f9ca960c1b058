// The case summary hotline staff see after every turn: known facts, the route, what is still open.
import type { CaseView } from '../dialogs/engine.ts';
import { say } from '../dialogs/texts.ts';
import { summariseFacts } from '../knowledge/explain.ts';
import { pathLabel, questionLabel } from '../knowledge/lookup.ts';

export function summariseCase(view: CaseView): string {
  const d = view.determination;
  const known = summariseFacts(view.facts);
  const eligible =
    d.eligible === true ? say('staffEligibleNow') : d.eligible === false ? say('staffNotEligible') : '';
  return [
    say('staffSummaryTitle'),
    `${say('staffKnown')}${known.length ? known.join('；') : say('staffNone')}`,
    `${say('staffRoute')}${pathLabel(d.path)}${eligible}`,
    `${say('staffUnknown')}${d.missing.length ? d.missing.map(questionLabel).join('；') : say('staffNone')}`,
  ].join('\n');
}
