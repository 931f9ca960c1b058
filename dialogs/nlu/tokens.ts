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

let last: { s: string; tokens: string[] } | undefined;
/** Words of an already normalised text, without spaces and punctuation (the last text is remembered: features and the reply both ask). */
export function tokenize(s: string): string[] {
  if (last?.s === s) return [...last.tokens];
  const tokens = segmenter()
    .cut(s, false)
    .filter((t) => /[\p{L}\p{N}]/u.test(t));
  last = { s, tokens };
  return [...tokens];
}

let converter: (s: string) => string;
export function toSimplified(s: string): string {
  converter ??= OpenCC.Converter({ from: 'tw', to: 'cn' });
  return converter(s);
}
