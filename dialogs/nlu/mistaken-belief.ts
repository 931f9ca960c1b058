// What the writer wrongly believed is no statement of the case: 「我一直以为是搬了门面才被列的 结果我女儿
// 一查 不是的」 tells that the listing's cause is NOT the move. Read as a statement, the belief sets the
// address cause, and the cause found afterwards (「是冇报年报」) then looks like a contradiction to be
// asked back, or the address route is decided on what the writer has just taken back. The words are
// facts.json mistakenBelief.
import { alt, factLexicon } from './fact-lexicon.ts';

let beliefRe: RegExp | undefined;

/**
 * The text with each belief taken out: a lead (以为 …) and what follows it up to the end of its
 * clause, or up to a word that turns to what was found (结果, 其实, 查了 …) or to what the belief
 * explains (「…才被列的」), which stay.
 */
export function withoutMistakenBeliefs(s: string): string {
  const w = factLexicon().mistakenBelief;
  if (!w.leads.some((l) => s.includes(l))) return s;
  beliefRe ??= new RegExp(
    `(?:我|俺)?(?:们)?(?:一直|还|本来|原先|原来|都|满|原)?(?:还)?${alt(w.leads)}(?:(?!${alt([...w.reveals, ...w.explained])})[^，,。；;!！?？\\s])*`,
    'g',
  );
  return s.replace(beliefRe, ' ');
}
