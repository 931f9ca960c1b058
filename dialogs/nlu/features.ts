// Token arrays for the intent classifier: natural learns nothing from a raw Chinese string, so
// the text becomes jieba words plus keyword-group (K:), fact (F:) and signal (S:) tokens.
import { loadKeywords } from '../../knowledge/nlu/load.ts';
import type { Facts } from '../../rules/types.ts';
import { wordClasses } from './lexicon.ts';
import { tokenize } from './tokens.ts';

const STRONG_WEIGHT = 2;

const DOMAIN = '@domain';

interface Vocabulary {
  /** keyword groups (K:name) and the domain words (DOMAIN) found in one pass over a text */
  keywordsIn: (s: string) => Set<string>;
  /** particles carry no topic; as tokens they only add noise */
  particles: Set<string>;
  question: RegExp;
}

let vocabulary: Vocabulary | undefined;
function vocab(): Vocabulary {
  if (!vocabulary) {
    const kw = loadKeywords();
    vocabulary = {
      keywordsIn: wordClasses({ ...kw.groups, [DOMAIN]: kw.domainWords }),
      particles: new Set(kw.particles),
      question: new RegExp(kw.questionWords.join('|')),
    };
  }
  return vocabulary;
}

export function features(s: string, facts: Facts, signals: string[] = [], words = tokenize(s)): string[] {
  const { keywordsIn, particles, question } = vocab();
  const out = new Set<string>();
  let chars = 0;
  for (const w of words) {
    // a number is one token and one character whatever its digits
    if (/^\d/.test(w)) {
      out.add('#');
      chars += 1;
      continue;
    }
    chars += w.length;
    out.add(w);
    // the characters of a word too: a dialect or mistyped word jieba does not know still shares them
    if (w.length > 1) for (const c of w) if (!particles.has(c)) out.add(`c:${c}`);
  }
  // Natural's Bayes sees presence only, so a keyword or fact is given weight by repeating it under
  // numbered names; otherwise the dozens of character tokens of a long sentence drown it.
  const strong = (token: string) => {
    for (let k = 0; k < STRONG_WEIGHT; k++) out.add(`${token}#${k}`);
  };
  const found = keywordsIn(s);
  let social = false;
  for (const name of Object.keys(loadKeywords().groups)) {
    if (!found.has(name)) continue;
    strong(`K:${name}`);
    if (name === 'greet' || name === 'human') social = true;
  }
  if (!social && !found.has(DOMAIN)) strong('K:nodomain');
  for (const [name, value] of Object.entries(facts)) {
    strong(`F:${name}`);
    if (typeof value === 'boolean') strong(`F:${name}=${value}`);
  }
  for (const sig of signals) strong(sig);
  // length in characters, not words: a two-character reply is tiny however jieba cuts it
  out.add(chars <= 2 ? 'L:tiny' : chars <= 6 ? 'L:short' : chars <= 20 ? 'L:mid' : 'L:long');
  if (question.test(s)) out.add('Q:question');
  return [...out];
}
