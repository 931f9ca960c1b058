// A guess said again at once, sure, is no guess: 「别的违规记录 应该冇得吧 我查了一下 确实冇得」 ends
// sure that there are none, and 「卖书的应该不涉及安全吧 这个我确定不涉及」 that safety is not concerned.
// Read clause by clause, the first is hedged and the second names nothing (它 is the topic before), so
// the fact stays open and the user is asked what they have just told. The words are facts.json
// settledGuess; hedges stay hedges everywhere else (behaviour 5: a hedged answer is asked back).
import { alt, factLexicon } from './fact-lexicon.ts';
import { lexicon, withoutSureWords } from './lexicon.ts';
import { clauses } from './normalize.ts';

let compiled: { guess: RegExp; unknown: RegExp; tentative: RegExp } | undefined;
function patterns() {
  if (compiled) return compiled;
  const w = factLexicon().settledGuess;
  const g = lexicon().grammar;
  // longest first, so 应该是 goes before 应该
  const guesses = [...w.guesses].sort((a, b) => b.length - a.length);
  compiled = {
    guess: new RegExp(alt(guesses), 'g'),
    // (answers.json unknown holds patterns, not words)
    unknown: new RegExp(`(?:${lexicon().answers.unknown.join('|')})`),
    tentative: new RegExp(`${alt(g.tentativeEndings.words)}$`),
  };
  return compiled;
}

const NEGATOR = /不|没|冇|无|未/;

/** A clause that guesses (a guessing word, or a tentative 吧 at its end) without saying it does not know. */
function guesses(clause: string): boolean {
  const p = patterns();
  const t = withoutSureWords(clause);
  p.guess.lastIndex = 0;
  return (p.guess.test(t) || p.tentative.test(t)) && !p.unknown.test(t);
}

/** 「我查了一下」「刚问了下」: a clause that only tells the writer checked */
export function checkOnly(clause: string): boolean {
  const checks = factLexicon().settledGuess.checks;
  return checks.some((c) => clause.includes(c) && clause.length <= c.length + 3);
}

/**
 * The text with the guessing words taken out of each guess that the next clause (after a clause that
 * only tells a check) says again sure: a sure word, no guess, not "don't know", and the same yes or
 * no (a negator in both or in neither). Anything else is left as written.
 */
export function withSettledGuesses(s: string): string {
  const w = factLexicon().settledGuess;
  if (!w.sure.some((x) => s.includes(x))) return s;
  const cls = clauses(s);
  const p = patterns();
  let out = s;
  for (let i = cls.length - 1; i >= 0; i--) {
    const c = cls[i];
    if (!c || !guesses(c.text)) continue;
    let j = i + 1;
    while (j < cls.length && checkOnly(cls[j]?.text ?? '')) j++;
    const sure = cls[j]?.text;
    if (!sure || !w.sure.some((x) => sure.includes(x)) || guesses(sure) || p.unknown.test(sure)) continue;
    if (NEGATOR.test(withoutSure(c.text)) !== NEGATOR.test(withoutSure(sure))) continue;
    const told = c.text.replace(p.guess, '').replace(p.tentative, '');
    out = `${out.slice(0, c.start)}${told}${out.slice(c.end)}`;
  }
  return out;
}

/** the clause without its sure words (绝对 holds no negator, but 不确定 would) */
const withoutSure = (clause: string) =>
  clause.replace(new RegExp(alt(factLexicon().settledGuess.sure), 'g'), '');
