// Text clean-up shared by fact extraction and intent features.
import { loadKeywords } from '../../knowledge/nlu/load.ts';
import { alt, factLexicon } from './fact-lexicon.ts';
import { lexicon, type Trie, trieOf } from './lexicon.ts';
import { matchesOf } from './matches.ts';
import { restoreSoundAlikes } from './sound-alikes.ts';
import { toSimplified } from './tokens.ts';
import { CHINESE_DIGIT } from './years.ts';

/** Longer inputs are cut: nobody describes their situation in more than this, and it bounds the work. */
export const MAX_CHARS = 1000;

let aliasRoot: Trie | undefined;
/** Typo/dialect aliases as a trie over UTF-16 units, each word filed under what replaces it. */
function aliases(): Trie {
  if (!aliasRoot) {
    const byReplacement: Record<string, string[]> = {};
    for (const [from, to] of Object.entries(loadKeywords().aliases)) {
      byReplacement[to] ??= [];
      byReplacement[to].push(from);
    }
    [aliasRoot] = trieOf(byReplacement);
  }
  return aliasRoot;
}

/**
 * Every alias replaced, scanning left to right and taking the longest alias at each place (what one
 * alternation of all aliases, longest first, does), in one pass instead of a RegExp of 250
 * alternatives tried at every character.
 */
export function replaceAliases(s: string): string {
  const root = aliases();
  let out = '';
  let copied = 0;
  for (let i = 0; i < s.length; ) {
    let node = root.next.get(s.charCodeAt(i));
    let to: string | undefined;
    let end = i;
    for (let j = i + 1; node; j++) {
      if (node.ends) {
        to = node.ends[0];
        end = j;
      }
      if (j >= s.length) break;
      node = node.next.get(s.charCodeAt(j));
    }
    if (to === undefined) {
      i++;
      continue;
    }
    out += s.slice(copied, i) + to;
    copied = i = end;
  }
  return copied ? out + s.slice(copied) : s;
}

let pinyinMap: Map<string, string> | undefined;
let pinyinMaxLen = 0;

function pinyin(): Map<string, string> {
  if (!pinyinMap) {
    pinyinMap = new Map(Object.entries(loadKeywords().pinyin).filter(([k]) => !k.startsWith('_')));
    pinyinMaxLen = Math.max(...[...pinyinMap.keys()].map((k) => k.length));
  }
  return pinyinMap;
}

/**
 * One latin word as Chinese when it splits entirely into known pinyin/English entries, in as few
 * pieces as possible ("meibao" → 没报, "zhucedizhi" → 注册地址); otherwise undefined, so that an
 * ordinary English word ("ok", "shop…") is never cut into pinyin-looking syllables.
 */
function latinWord(word: string): string | undefined {
  const map = pinyin();
  if (word.length > 60) return undefined;
  // best[i]: fewest pieces covering word[0, i), with the Chinese so far
  const best: ({ n: number; zh: string } | undefined)[] = [{ n: 0, zh: '' }];
  for (let i = 0; i < word.length; i++) {
    const cur = best[i];
    if (!cur) continue;
    for (let len = 1; len <= pinyinMaxLen && i + len <= word.length; len++) {
      const zh = map.get(word.slice(i, i + len));
      if (zh === undefined) continue;
      const prev = best[i + len];
      if (!prev || prev.n > cur.n + 1) best[i + len] = { n: cur.n + 1, zh: cur.zh + zh };
    }
  }
  return best[word.length]?.zh;
}

const CJK = /[\u3400-\u9fff]/;

/**
 * Runs of latin words: each convertible word becomes Chinese, and converted neighbours join up; a
 * converted word also joins the Chinese typed after it (「yanzhong 违法失信名单」 → 严重违法失信名单,
 * 「fakuan 已经交了」 → 罚款已经交了), as a pinyin input method would have written it.
 */
function latinToChinese(s: string): string {
  return s.replace(
    /( ?)([a-z]+(?:[ '-]+[a-z]+)*)( ?)/g,
    (_all, pre: string, run: string, post: string, at: number) => {
      const words = run.split(/[ '-]+/);
      let out = '';
      let prevZh = false;
      for (const w of words) {
        const zh = latinWord(w);
        if (zh !== undefined) {
          out += out && !prevZh ? ` ${zh}` : zh;
          prevZh = true;
        } else {
          out += out ? ` ${w}` : w;
          prevZh = false;
        }
      }
      // the space before stays: it may end the clause before (「被列入了 yanzhong 违法…」); not after a
      // word that needs what follows (「被 list 了」: the passive's 被 and its verb)
      const after = s[at + pre.length + run.length + post.length] ?? '';
      const trail = post && prevZh && CJK.test(after) ? '' : post;
      const lead = pre && /[被给遭把让]$/.test(s.slice(0, at)) && words.every((w) => latinWord(w)) ? '' : pre;
      return `${lead}${out}${trail}`;
    },
  );
}

/**
 * NFKC (full-width letters/digits/punctuation to ASCII), lower case, no control characters or lone
 * surrogates, traditional characters simplified, typo/dialect aliases and whole pinyin or English
 * words replaced, words of the matter written back from same-sound characters, 二〇二一年 → 2021年. Never throws.
 */
export function normalize(input: unknown): string {
  if (typeof input !== 'string') return normalizeText(input);
  const known = recent.get(input);
  if (known !== undefined) return known;
  const s = normalizeText(input);
  if (recent.size >= RECENT) recent.delete(recent.keys().next().value as string);
  recent.set(input, s);
  return s;
}

/**
 * The last few texts normalised, with their results: the readers of one turn (facts, intent,
 * answers, questions) each normalise the same message, about fifteen times a turn.
 */
const recent = new Map<string, string>();
const STORY_FRAME_BEFORE_REPORT =
  /年(?:的时候|那个时候|那时候?|那会[子儿]?|那阵子?)(?=[^。;；!?！？]{0,30}?(?:年报|年度报告))/g;
const RECENT = 4;

function normalizeText(input: unknown): string {
  let s = typeof input === 'string' ? input : input == null ? '' : String(input);
  if (s.length > MAX_CHARS) s = s.slice(0, MAX_CHARS);
  s = s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, ' ');
  s = s.normalize('NFKC').toLowerCase();
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  s = s.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\ufeff]/g, ' ');
  // 二零二二年; 二零二二二零二三 (two years run together in a voice transcript) → 2022、2023
  s = s.replace(/(?:(?:二[〇零]|一九)[〇零一二三四五六七八九]{2})+/g, (m, offset: number, whole: string) => {
    if (m.length < 8 && whole[offset + m.length] !== '年') return m;
    const blocks = m.match(/.{4}/g) ?? [];
    return blocks.map((b) => [...b].map((c) => String(CHINESE_DIGIT[c] ?? c)).join('')).join('、');
  });
  // 「2025 09 10」 (a date whose dots or dashes a voice transcript or a hurried writer left out): a year
  // of four digits, a month and a day that exist, as 2025年9月10日; other runs of numbers stay numbers
  s = s.replace(
    /(?<![\d.:/-]|\d )((?:19|20)\d{2}) (\d{1,2}) (\d{1,2})(?![\d.:/-]| \d)/g,
    (m, y: string, mo: string, d: string) =>
      Number(mo) >= 1 && Number(mo) <= 12 && Number(d) >= 1 && Number(d) <= daysIn(Number(y), Number(mo))
        ? `${y}年${Number(mo)}月${Number(d)}日`
        : m,
  );
  // 两千二十二年, 二千零九年
  s = s.replace(
    /[两二]千零?([一二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九])(?=年)/g,
    (_m, n: string) => {
      const [tens, ones] = n.includes('十') ? n.split('十') : ['', n];
      const value =
        (n.includes('十') ? (tens ? (CHINESE_DIGIT[tens] ?? 1) : 1) * 10 : 0) +
        (ones ? (CHINESE_DIGIT[ones] ?? 0) : 0);
      return String(2000 + value);
    },
  );
  // 一九年, 二一年: a spoken two-digit year (2014–2026 only; 两三年 is a count, never a year)
  s = s.replace(
    /(?<![〇零一二三四五六七八九十百千两几第])(一[四五六七八九]|二[〇零一二三四五六])(?=年)/g,
    (m) => [...m].map((c) => String(CHINESE_DIGIT[c] ?? c)).join(''),
  );
  s = latinToChinese(asRead(s));
  // 「21年的时候年报冇报 就被列了」: the year dates the story (the report missed then, the listing
  // after), not the report's own year (「21年的年报」). Before a report noun its time frame is kept,
  // as 期间 (facts.json storyYear frames), so the listing-year readers take the year as the story's;
  // elsewhere the aliases drop it (年的时候 → 年), so 「是22年的时候列的」 reads as 「是22年列的」.
  s = s.replace(STORY_FRAME_BEFORE_REPORT, '年期间');
  s = restoreSoundAlikes(replaceAliases(s));
  return negatedRelatives(gluedFragments(s.replace(/\s+/g, ' ').trim()));
}

let fragmentRe: RegExp | undefined;
/**
 * 「罚款 5000 去年3月 交了」「变更 没办」「去年 3月」: a piece that is only a date or only a done or
 * not-done verb (grammar.json terseFragments), or only an amount right after the fine's word
 * (facts.json penaltyFollowUps fineNouns), is no statement of its own; the space before it is taken
 * away, so the message reads as typed without it (「罚款5000去年3月交了」) and no reader takes the space
 * for the end of a clause. (「被罚的 是从轻 两千四」 keeps its pieces: the sum is read across them.)
 */
function gluedFragments(s: string): string {
  if (!s.includes(' ')) return s;
  const amount = [
    '\\d+(?:\\.\\d+)?(?:万|千|w|k)?(?:块钱?|元)?',
    '[一二两三四五六七八九十]+[万千][一二三四五六七八九]?(?:块钱?|元)?',
  ].join('|');
  const date =
    '(?:(?:19|20)?\\d{2}年|今年|去年|前年)?(?:\\d{1,2}|[一二三四五六七八九十]{1,2})月(?:份|底|初)?(?:(?:\\d{1,2}|[一二三四五六七八九十]{1,3})[日号])?';
  const piece = '(?= |$)';
  fragmentRe ??= new RegExp(
    [
      `(?<=${alt(factLexicon().penaltyFollowUps.fineNouns)}) (?=(?:${amount})${piece})`,
      // (only after a short piece, as terse typing is: the date under a pasted decision stays apart)
      `(?<=(?:^|[ ，,。；;])[^ ，,。；;]{0,11}[\\u3400-\\u9fff\\d]) (?=(?:${date}|${alt(lexicon().grammar.terseFragments)})${piece})`,
    ].join('|'),
    'g',
  );
  return s.replace(fragmentRe, '');
}

/**
 * The message as every reader takes it, before any reading of its own: in simplified characters
 * (「不對」 is 「不对」 to every word list) and without the fillers and softeners that mean nothing
 * (withoutFillers). normalize starts from it; the turn's readers of the message as written
 * (dialogs/understand-turn.ts) read it too, so no reader sees a word the others do not.
 */
export function asRead(s: string): string {
  return withoutFillers(toSimplified(s));
}

// a pause: a space or punctuation (half- or full-width) between words
const PAUSE = '[\\s，,、。.…~～!！?？;；:：]';
let fillerRes: { opening: RegExp; closing: RegExp; closingAfter: RegExp; thanks: RegExp } | undefined;
/**
 * 「呃 喂 那个 我们是…」「…要不要钱啊啊」「补了冇呢」「…无法联系。 谢谢」: the words a speaker opens
 * with, the particles closing a clause and the thanks closing a message (grammar.json fillers) taken
 * away, so that 「喂 个体哈」 reads as 「个体」 and a tag (「能发一个不啊」) still ends its clause.
 */
export function withoutFillers(s: string): string {
  const f = lexicon().grammar.fillers;
  fillerRes ??= {
    opening: new RegExp(`^(?:(?:${alt(f.openers)})+${PAUSE}+)+`),
    closing: new RegExp(
      `(?<=[\\u3400-\\u9fff])(?<!${alt(f.keepAfter)})(?:${alt(f.softeners)})+(?=${PAUSE}|$)`,
      'g',
    ),
    closingAfter: new RegExp(
      `(?<=${alt(f.closingAfter.words)})(?:${alt(f.closingAfter.particles)})+(?=${PAUSE}|$)`,
      'g',
    ),
    // (the pause before the thanks stays: 「…怎么申请移出？ 谢谢」 still asks)
    thanks: new RegExp(`(?<=${PAUSE})(?:(?:${alt(f.thanks)})+${PAUSE}*)+$`),
  };
  const { opening, closing, closingAfter, thanks } = fillerRes;
  // (a message of nothing else, 「嗯 嗯」「谢谢」, is left as it is: it says yes, or thanks)
  const said = (t: string, rest: string) => (/[\p{L}\p{N}]/u.test(rest) ? rest : t);
  const opened = said(s, s.replace(opening, '')).replace(closing, '').replace(closingAfter, '');
  return said(opened, opened.replace(thanks, '').trimEnd());
}

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

let relativeRe: RegExp | undefined;
/**
 * 「所有没报的年报都补齐了」: a negated verb + 的 before a report noun is a relative clause naming the
 * reports owed (a noun phrase), not a negation of what the sentence says about them. It is rewritten
 * to the lexicon's neutral form (「欠的年报」) so no reader takes its 没 for the main verb's.
 */
function negatedRelatives(s: string): string {
  const r = factLexicon().negatedRelative;
  relativeRe ??= new RegExp(`${alt(r.negators)}${alt(r.verbs)}${alt(r.between)}?的(?=${alt(r.nouns)})`, 'g');
  return s.replace(relativeRe, r.as);
}

/** Clause boundaries: punctuation and the contrastive connectives that start a new statement. */
// a full stop between digits is a decimal point (「罚款2.5万」), not the end of a clause
let clauseSplit: RegExp | undefined;
/**
 * Punctuation, the contrast words, and (without consuming them) the words that open a question after a
 * statement in voice input with no punctuation at all (「…冇处理完这样还能不能暂不列入」: grammar.json
 * clauseLeads).
 */
const CLAUSE_SPLIT = () =>
  (clauseSplit ??= new RegExp(
    `[，,。!！?？;；、~～\\n ]|\\.(?!\\d)|(?<!\\d)\\.|但是|不过|可是|但|(?<=[^\\s，,。])(?=${alt(lexicon().grammar.clauseLeads)})`,
    'g',
  ));

export interface Clause {
  start: number;
  end: number;
  text: string;
}

export function clauses(s: string): Clause[] {
  const out: Clause[] = [];
  let start = 0;
  for (const m of matchesOf(CLAUSE_SPLIT(), s)) {
    const idx = m.index ?? 0;
    if (idx > start) out.push({ start, end: idx, text: s.slice(start, idx) });
    start = idx + m[0].length;
  }
  if (start < s.length) out.push({ start, end: s.length, text: s.slice(start) });
  return out;
}
