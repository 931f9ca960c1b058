// A report counts as filed only once it is published too (四(三)一: 补报…并公示; every missing year's alike):
// what the words after a filing say of its publication (facts.json publicationAfterFiling).
import { factLexicon } from '../fact-lexicon.ts';
import { lexicon } from '../lexicon.ts';
import { clauses } from '../normalize.ts';
import { guessingClause } from './scope.ts';

/** The text from `pos` to the end of the clause after the one holding it. */
export function throughNextClause(s: string, pos: number): string {
  const bounds = /[，,。;；!！?？\s]/g;
  bounds.lastIndex = pos;
  let seen = 0;
  for (let m = bounds.exec(s); m; m = bounds.exec(s)) {
    if (m.index > pos && ++seen === 2) return s.slice(pos, m.index);
  }
  return s.slice(pos);
}

/**
 * 「交是交了，但是还没公示」: `denied` (not filed); 「他说交了，但是我在网上没看到公示」: `unseen` (left open);
 * 「纸质年报已经交到所里 应该也公示了吧」: `guessed` (the filing told, its publication only guessed: asked back).
 */
export function publicationAfterFiling(rest: string): 'denied' | 'unseen' | 'guessed' | undefined {
  const { denied, unseen, published } = factLexicon().publicationAfterFiling;
  if (unseen.some((w) => rest.includes(w)) || publicationSupposed(rest, published)) return 'unseen';
  if (denied.some((w) => rest.includes(w)) || publicationPlanned(rest)) return 'denied';
  const guessed = clauses(rest).some(
    (c) => guessingClause(c.text) && published.some((w) => c.text.includes(w)),
  );
  return guessed ? 'guessed' : undefined;
}

/** 「纸质年报补交了 网上如果也公示了的话…」: the publication only supposed, not told */
function publicationSupposed(rest: string, published: readonly string[]): boolean {
  const g = lexicon().grammar;
  return clauses(rest).some(
    (c) =>
      published.some((w) => c.text.includes(w)) &&
      (c.text.includes('的话') || g.suppositionsAfter.some((w) => c.text.includes(w))),
  );
}

/** 「补报了 准备下个礼拜去公示」: the publication still a plan in its clause (facts.json unrealised intend) */
function publicationPlanned(rest: string): boolean {
  const { intend } = factLexicon().unrealised;
  return clauses(rest).some((c) => {
    const at = c.text.lastIndexOf('公示');
    return at >= 0 && intend.some((w) => c.text.slice(0, at).includes(w));
  });
}
