// A step told done only as a guess, or any fact told only as one, is not told (behaviour 5: no fact
// without a statement, a hedged statement is asked back). 「欠的那几年年报他应该全都补上了吧」「提醒之后第二天应该就改了吧」
// 「名称变更登记前天应该已经办完了吧」: a clause that guesses (应该 or a hedge, a tentative 吧 at its
// end) says the writer believes the step done, not that it is. Many readers find the step's words —
// the pattern rules, the word rules, the spoken rules, the derivations — and not each of them reads the
// guess around them; so whatever they found is checked here, once, against the message with its
// guesses taken out: a step done that only a guess told is hedged, asked back. A step the message also
// tells plainly elsewhere (「应该办好了吧 新执照都领了」) stands.
import type { FactName, Facts } from '../../rules/types.ts';
import { dialog } from '../texts.ts';
import { type Clause, clauses } from './normalize.ts';
import { doubtClause, guessingClause, tentativeClause } from './rules/scope.ts';
import { stressesFiling } from './rules/spoken.ts';

/**
 * The clauses of the message that guess, with the stress right after one (「…应该补上了吧 一年都不差」:
 * 一年都不差 has no verb of its own, it stresses the guess before it, and is no more sure).
 */
function guessedSpans(s: string): Clause[] {
  const cls = clauses(s);
  const out: Clause[] = [];
  cls.forEach((c, i) => {
    const next = cls[i + 1];
    // 「这是头一次抽查吧 我记不太清」「不是故意的吧 应该」: a tentative clause, the doubt told next
    if (guessingClause(c.text) || (next && tentativeClause(c.text) && doubtClause(next.text))) out.push(c);
    else if (i > 0 && out.at(-1) === cls[i - 1] && (stressesFiling(c.text) || doubtClause(c.text)))
      out.push(c);
  });
  return out;
}

const PRESUPPOSED: readonly FactName[] = ['listed', 'recordType'];

/** The steps a business takes after it was listed or penalised (dialog.json progressFacts). */
export const isStep = (fact: FactName): boolean =>
  fact !== 'listed' && ((dialog.progressFacts ?? []) as string[]).includes(fact);

/** The message with its guesses taken out, or undefined when it guesses nothing. */
export function withoutGuesses(s: string): string | undefined {
  const spans = guessedSpans(s);
  if (!spans.length) return undefined;
  let plain = s;
  for (const c of [...spans].reverse()) plain = `${plain.slice(0, c.start)}${plain.slice(c.end)}`;
  return plain;
}

/**
 * hedgeGuessedFacts: each step told done (true), and each other fact (a condition: 「不是故意的吧 应该」
 * 「这是头一次抽查吧 我记不太清」), that the message, read again without its guesses (`read`, the same
 * reading in the same frame), no longer tells the same is taken out of `facts` and hedged; what only
 * the guess implied (「提醒后当天应该就改了吧」: the period met) goes with it.
 */
export function hedgeGuessedFacts(
  s: string,
  told: { facts: Facts; hedged: FactName[]; implied: Facts },
  read: (text: string) => { facts: Facts; implied: Facts },
): void {
  const { facts, hedged, implied } = told;
  // (the listing and the record a guess is about stay: 「应该是21年被列的吧」 guesses the year of a listing
  // it takes for granted, as hedgedAt reads it)
  const steps = (Object.keys(facts) as FactName[]).filter(
    (f) => (facts[f] === true || !isStep(f)) && !PRESUPPOSED.includes(f),
  );
  if (!steps.length) return;
  const plain = withoutGuesses(s);
  if (plain === undefined) return;
  const said = read(plain);
  const guessed = steps.filter((f) => said.facts[f] !== facts[f]);
  for (const f of guessed) {
    delete facts[f];
    if (!hedged.includes(f)) hedged.push(f);
  }
  if (guessed.length)
    for (const f of Object.keys(implied) as FactName[]) if (said.implied[f] === undefined) delete implied[f];
}
