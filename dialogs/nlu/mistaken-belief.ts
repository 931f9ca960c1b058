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
 * explains (「…才被列的」), which stay. A belief told on over a pause (「以为晚报算轻微差错 能免列异 结果还是
 * 被列了」) runs to the word that turns, when one comes before the sentence ends: 「能免列异」 is still
 * what was thought.
 */
export function withoutMistakenBeliefs(s: string): string {
  const w = factLexicon().mistakenBelief;
  if (!w.leads.some((l) => s.includes(l))) return s;
  const turn = alt([...w.reveals, ...w.explained]);
  beliefRe ??= new RegExp(
    `(?:我|俺)?(?:们)?(?:一直|还|本来|原先|原来|都|满|原)?(?:还)?(?<!所)${alt(w.leads)}(?:(?:(?!${turn})[^。；;!！?？]){0,30}(?=${turn})|(?:(?!${turn})[^，,。；;!！?？\\s])*)`,
    'g',
  );
  return s.replace(beliefRe, ' ');
}

let leadRe: RegExp | undefined;
/** A belief is told in this text (its lead; the 以为 of 「所以为了」 is none). */
export function believedIn(text: string): boolean {
  leadRe ??= new RegExp(`(?<!所)${alt(factLexicon().mistakenBelief.leads)}`);
  return leadRe.test(text);
}
