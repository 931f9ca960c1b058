// Token arrays for the intent classifier: natural learns nothing from a raw Chinese string, so
// the text becomes jieba words plus keyword-group (K:), fact (F:) and signal (S:) tokens.
import { loadKeywords } from '../../knowledge/nlu/load.ts';
import type { Facts } from '../../rules/types.ts';
import { listMarker, withoutNonQuestions } from './lexicon.ts';
import { tokenize } from './tokens.ts';

const STRONG_WEIGHT = 2;

interface Vocabulary {
  /** keyword groups (K:name, in groupNames order) and last the domain words, found in one pass over a text */
  keywordsIn: (s: string) => Uint8Array;
  /** particles carry no topic; as tokens they only add noise */
  particles: Set<string>;
  question: RegExp;
}

let vocabulary: Vocabulary | undefined;
let groups: string[] | undefined;
const groupNames = () => {
  groups ??= Object.keys(loadKeywords().groups);
  return groups;
};
function vocab(): Vocabulary {
  if (!vocabulary) {
    const kw = loadKeywords();
    vocabulary = {
      keywordsIn: listMarker([...groupNames().map((name) => kw.groups[name] ?? []), kw.domainWords]),
      particles: new Set(kw.particles),
      question: new RegExp(kw.questionWords.join('|')),
    };
  }
  return vocabulary;
}

/** Memo of the token names built from a fixed vocabulary, so a message allocates none of them. */
const charTokens = new Map<string, string>();
const strongTokens = new Map<string, string[]>();
const charToken = (c: string): string => {
  let t = charTokens.get(c);
  if (t === undefined) {
    t = `c:${c}`;
    charTokens.set(c, t);
  }
  return t;
};

/** Words seen so far with their tokens; cleared when it grows past what a vocabulary holds. */
const wordCache = new Map<string, readonly string[]>();
const WORD_CACHE_MAX = 50_000;

/** A word and, for a longer word, its characters other than particles. */
export function wordTokens(w: string): readonly string[] {
  let tokens = wordCache.get(w);
  if (tokens) return tokens;
  const { particles } = vocab();
  const out = [w];
  // the characters of a word too: a dialect or mistyped word jieba does not know still shares them
  if (w.length > 1) for (const c of w) if (!particles.has(c)) out.push(charToken(c));
  tokens = out;
  if (wordCache.size >= WORD_CACHE_MAX) wordCache.clear();
  wordCache.set(w, tokens);
  return tokens;
}

/** The numbered names under which a keyword, fact or signal token counts STRONG_WEIGHT times. */
function strongNames(token: string): string[] {
  let names = strongTokens.get(token);
  if (!names) {
    names = Array.from({ length: STRONG_WEIGHT }, (_, k) => `${token}#${k}`);
    strongTokens.set(token, names);
  }
  return names;
}

/** strongNames of `${prefix}${name}${suffix}`, found without building that string for every message. */
const strongByName = new Map<string, Map<string, string[]>>();
function strongOf(prefix: string, name: string, suffix = ''): string[] {
  const kind = prefix + suffix;
  let names = strongByName.get(kind);
  if (!names) {
    names = new Map();
    strongByName.set(kind, names);
  }
  let out = names.get(name);
  if (!out) {
    out = strongNames(`${prefix}${name}${suffix}`);
    names.set(name, out);
  }
  return out;
}

/**
 * Calls `emit` with every feature token of a text, in a fixed order; a token may come more than
 * once (the caller keeps one of each). `features` collects them; the classifier scores them as they
 * come (model.ts), without building the array.
 */
export function emitFeatures(
  s: string,
  facts: Facts,
  signals: readonly string[],
  words: readonly string[],
  emit: (token: string) => void,
  /** takes a word whose tokens are wordTokens(word) at once (the classifier looks the word up once); default: emit each */
  emitWord?: (word: string) => void,
): void {
  const { keywordsIn, question } = vocab();
  let chars = 0;
  for (const w of words) {
    // a number is one token and one character whatever its digits
    const c0 = w.charCodeAt(0);
    if (c0 >= 48 && c0 <= 57) {
      emit('#');
      chars += 1;
      continue;
    }
    chars += w.length;
    if (emitWord) emitWord(w);
    else for (const t of wordTokens(w)) emit(t);
  }
  // Natural's Bayes sees presence only, so a keyword or fact is given weight by repeating it under
  // numbered names; otherwise the dozens of character tokens of a long sentence drown it.
  const found = keywordsIn(s);
  const names = groupNames();
  let social = false;
  for (let g = 0; g < names.length; g++) {
    if (!found[g]) continue;
    const name = names[g] as string;
    for (const n of strongOf('K:', name)) emit(n);
    if (name === 'greet' || name === 'human' || name === 'botself') social = true;
  }
  if (!social && !found[names.length]) for (const n of strongNames('K:nodomain')) emit(n);
  for (const name in facts) {
    const value = (facts as Record<string, unknown>)[name];
    for (const n of strongOf('F:', name)) emit(n);
    if (typeof value === 'boolean') for (const n of strongOf('F:', name, value ? '=true' : '=false')) emit(n);
  }
  for (const sig of signals) for (const n of strongNames(sig)) emit(n);
  // length in characters, not words: a two-character reply is tiny however jieba cuts it
  emit(chars <= 2 ? 'L:tiny' : chars <= 6 ? 'L:short' : chars <= 20 ? 'L:mid' : 'L:long');
  // (「没造成什么影响」 asks nothing: lexicon.ts withoutNonQuestions)
  if (question.test(s) && question.test(withoutNonQuestions(s))) emit('Q:question');
}

export function features(s: string, facts: Facts, signals: string[] = [], words = tokenize(s)): string[] {
  const out = new Set<string>();
  emitFeatures(s, facts, signals, words, (t) => out.add(t));
  return [...out];
}
