// Word segmentation (jieba, with the lexicon's domain terms as a user dictionary) and traditional →
// simplified conversion (OpenCC's Taiwan → mainland tables), both loaded once at start.
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import * as OpenCC from 'opencc-js';
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

/** Words of an already normalised text, without spaces and punctuation. */
export function tokenize(s: string): string[] {
  return segmenter().cut(s, false).filter(isWord);
}

let converter: (s: string) => string;
export function toSimplified(s: string): string {
  converter ??= OpenCC.Converter({ from: 'tw', to: 'cn' });
  return converter(s);
}
