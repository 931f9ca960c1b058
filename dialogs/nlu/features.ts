// Token arrays for the intent classifier: natural learns nothing from a raw Chinese string, so
// the text becomes jieba words plus keyword-group (K:), fact (F:) and signal (S:) tokens.
import { loadKeywords } from '../../knowledge/nlu/load.ts';
import type { Facts } from '../../rules/types.ts';
import { wordClasses } from './lexicon.ts';
import { tokenize } from './tokens.ts';

// particles carry no topic; as tokens they only add noise
const STOP = new Set([
  '的',
  '了',
  '吗',
  '呢',
  '啊',
  '吧',
  '呀',
  '嘛',
  '哦',
  '哈',
  '哒',
  '是',
  '我',
  '你',
  '们',
  '这',
  '那',
  '个',
  '一',
  '就',
  '也',
  '都',
  '还',
  '在',
  '有',
  '我们',
  '那个',
  '就是',
]);

const STRONG_WEIGHT = 2;

/** Keyword groups (K:name) and the domain words ("@domain") found in one pass over a text. */
let keywordsIn: ((s: string) => Set<string>) | undefined;
const DOMAIN = '@domain';

export function features(s: string, facts: Facts, signals: string[] = [], words = tokenize(s)): string[] {
  if (!keywordsIn) {
    const kw = loadKeywords();
    keywordsIn = wordClasses({ ...kw.groups, [DOMAIN]: kw.domainWords });
  }
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
    if (w.length > 1) for (const c of w) if (!STOP.has(c)) out.add(`c:${c}`);
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
  if (/[?？吗么]$|怎么|如何|什么|哪|多少|几/.test(s)) out.add('Q:question');
  return [...out];
}
