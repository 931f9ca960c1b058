// A term of the rules asked about: 「两年冇报年报是指连着两个年度 还是前年去年两个自然年」 asks what
// 「两年冇报年报」 means; read as a statement it tells two years without a report, the writer's own.
// The term and the question about it state nothing of the case. The words are grammar.json termMeaning.
import { lexicon } from './lexicon.ts';
import { QUESTION_CLAUSE } from './question-cues.ts';

const CLAUSE_END = /[，,。；;!！?？\s]/;

/** The text with each term asked about (and the question on it) blanked out. */
export function withoutTermsAsked(s: string): string {
  const { cues, alternatives } = lexicon().grammar.termMeaning;
  let out = s;
  for (const cue of cues) {
    const at = out.indexOf(cue);
    if (at < 0) continue;
    let start = at;
    while (start > 0 && !CLAUSE_END.test(out[start - 1] ?? '')) start--;
    const rest = out.slice(at + cue.length);
    const own = rest.split(CLAUSE_END, 1)[0] ?? '';
    let end = at + cue.length + own.length;
    // 「… 还是前年去年两个自然年」: the clause after, opening with an alternative, is the question's other side
    const next = rest.slice(own.length).replace(/^[，,\s]+/, '');
    const other = alternatives.find((a) => next.startsWith(a));
    if (other) end = out.length - next.length + (next.split(CLAUSE_END, 1)[0] ?? '').length;
    if (!QUESTION_CLAUSE.test(out.slice(at, end)) && !other) continue;
    out = `${out.slice(0, start)} ${out.slice(end)}`;
  }
  return out;
}
