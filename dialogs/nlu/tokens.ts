// Word segmentation (jieba, with the lexicon's domain terms as a user dictionary) and traditional →
// simplified conversion (OpenCC's Taiwan → mainland tables), both loaded once at start.
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import * as OpenCC from 'opencc-js';
import { loadKeywords } from '../../knowledge/nlu/load.ts';
import { lexicon } from './lexicon.ts';

let jieba: Jieba | undefined;
function segmenter(): Jieba {
  if (!jieba) {
    jieba = Jieba.withDict(dict);
    // a high frequency keeps each domain term one token ("经营异常名录", "容缺修复")
    const user = lexicon()
      .dictionary.terms.map((t) => `${t} 100000 n`)
      .join('\n');
    jieba.loadDict(Buffer.from(user, 'utf8'));
  }
  return jieba;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** Whether a token is a word rather than punctuation or space (a CJK first character answers at once). */
function isWord(t: string): boolean {
  const c = t.charCodeAt(0);
  return (c >= 0x4e00 && c <= 0x9fff) || LETTER_OR_DIGIT.test(t);
}

/** The dictionary's segmentation of a text, every character kept (spaces and punctuation too). */
export function segments(s: string): string[] {
  return segmenter().cut(s, false);
}

/** Words of an already normalised text, without spaces and punctuation. */
export function tokenize(s: string): string[] {
  return segmenter().cut(s, false).filter(isWord);
}

type Pair = readonly [string, string];
const pairsOf = (d: OpenCC.DictLike): Pair[] =>
  typeof d === 'string' ? d.split('|').map((entry) => entry.split(' ') as unknown as Pair) : [...d];

interface Simplifier {
  convert: (s: string) => string;
  /** characters whose presence can make the conversion change the text (BMP: a bit per unit) */
  triggers: Set<number>;
  bmp: Uint8Array;
}

/**
 * OpenCC's Taiwan → mainland tables without the entries of `simplifiedAsWritten` (「么」 alone is
 * read as 幺 there, which breaks the dialect's 么样, 搞么事). Most messages are already simplified and
 * the converter costs tens of µs, so the characters that can change anything are collected once: a
 * character that converts to something else, and for each table phrase that does not convert to
 * itself, the character where it differs. A text with none of them is returned as it is.
 */
function simplifier(): Simplifier {
  const keep = new Set(loadKeywords().simplifiedAsWritten);
  const tables = [...(OpenCC.Locale.from.tw ?? []), ...(OpenCC.Locale.to.cn ?? [])];
  if (!tables.length) throw new Error('opencc-js has no Taiwan → mainland tables; reinstall opencc-js');
  const groups = tables.map((group) =>
    group.map((d: OpenCC.DictLike) => pairsOf(d).filter(([from]) => !keep.has(from))),
  );
  const convert = OpenCC.ConverterFactory(...groups);
  const triggers = new Set<number>();
  const entries = groups.flat(2);
  for (const [from, to] of entries) if (from.length === 1 && to !== from) triggers.add(from.charCodeAt(0));
  for (const [from] of entries) {
    const chars = [...from];
    // a phrase holding a changing character is covered by it
    if (chars.length === 1 || chars.some((c) => triggers.has(c.codePointAt(0) as number))) continue;
    const to = [...convert(from)];
    let i = 0;
    while (i < chars.length - 1 && chars[i] === to[i]) i++;
    if (chars[i] !== to[i] || chars.length !== to.length)
      triggers.add((chars[i] as string).codePointAt(0) as number);
  }
  const bmp = new Uint8Array(0x10000);
  for (const c of triggers) if (c <= 0xffff) bmp[c] = 1;
  return { convert, triggers, bmp };
}

let simplified: Simplifier | undefined;
export function toSimplified(s: string): string {
  simplified ??= simplifier();
  const { convert, triggers, bmp } = simplified;
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    if (u < 0xd800 || u > 0xdbff) {
      if (bmp[u]) return convert(s);
      continue;
    }
    const c = s.codePointAt(i) as number;
    if (triggers.has(c)) return convert(s);
    if (c > 0xffff) i++;
  }
  return s;
}
