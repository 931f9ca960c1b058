// Text clean-up shared by fact extraction and intent features.
import { loadKeywords } from '../../knowledge/nlu/load.ts';

/** Longer inputs are cut: nobody describes their situation in more than this, and it bounds the work. */
export const MAX_CHARS = 1000;

let aliasRe: RegExp | undefined;
let aliasMap: Map<string, string> | undefined;

function aliases(): { re: RegExp; map: Map<string, string> } {
  if (!aliasRe || !aliasMap) {
    const entries = Object.entries(loadKeywords().aliases).sort((a, b) => b[0].length - a[0].length);
    aliasMap = new Map(entries);
    aliasRe = new RegExp(entries.map(([k]) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  }
  return { re: aliasRe, map: aliasMap };
}

const CHINESE_DIGITS: Record<string, string> = {
  〇: '0',
  零: '0',
  一: '1',
  二: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
};

/**
 * NFKC (full-width letters/digits/punctuation to ASCII), lower case, no control characters or lone
 * surrogates, pinyin and typo aliases replaced, 二〇二一年 → 2021年. Never throws.
 */
export function normalize(input: unknown): string {
  let s = typeof input === 'string' ? input : input == null ? '' : String(input);
  if (s.length > MAX_CHARS) s = s.slice(0, MAX_CHARS);
  s = s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, ' ');
  s = s.normalize('NFKC').toLowerCase();
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  s = s.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\ufeff]/g, ' ');
  s = s.replace(/[〇零一二三四五六七八九]{4}(?=年)/g, (m) =>
    [...m].map((c) => CHINESE_DIGITS[c] ?? c).join(''),
  );
  const { re, map } = aliases();
  s = s.replace(re, (m) => map.get(m) ?? m);
  return s.replace(/\s+/g, ' ').trim();
}

/** Clause boundaries: punctuation and the contrastive connectives that start a new statement. */
const CLAUSE_SPLIT = /[，,。.!！?？;；、~～\n ]|但是|不过|可是|但/g;

export interface Clause {
  start: number;
  end: number;
  text: string;
}

export function clauses(s: string): Clause[] {
  const out: Clause[] = [];
  let start = 0;
  for (const m of s.matchAll(CLAUSE_SPLIT)) {
    const idx = m.index ?? 0;
    if (idx > start) out.push({ start, end: idx, text: s.slice(start, idx) });
    start = idx + m[0].length;
  }
  if (start < s.length) out.push({ start, end: s.length, text: s.slice(start) });
  return out;
}
