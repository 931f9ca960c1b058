// Brings chat answers into a letter's register before they reach a template: the phone number out of
// 「打我手机就行13907151234」, an authority's full name for 「县市场监管局」, a formal sentence for
// 「这个月底之前去办住所变更登记」, and a refusal (the question is asked again) when the answer is not
// what was asked — an address typed into the reason field. The word lists live in normalize.json.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { loadJurisdiction } from '../jurisdiction.ts';
import { chineseNumerals, parseDraftDate, toHalfWidth } from './dates.ts';

const words = z.array(z.string());
const WordsSchema = z.strictObject({
  about: z.string(),
  fillers: words,
  phoneLeadIns: words,
  addressLeadIns: words,
  pronouns: words,
  register: z.array(z.tuple([z.string().min(1), z.string()])),
  doneVerbs: words,
  reasonWords: words,
  notAnAnswer: words,
  addressMarks: words,
  relativeDeadlines: z.record(
    z.string(),
    z.enum([
      'monthEnd',
      'nextMonthEnd',
      'yearEnd',
      'weekEnd',
      'nextWeekEnd',
      'plus1Month',
      'plus2Months',
      'plus3Months',
      'plus15Days',
      'plus7Days',
      'plus10Days',
    ]),
  ),
  authority: z.strictObject({
    agencies: z.array(z.tuple([z.string().min(1), z.string().min(1)])),
    ownCounty: words,
    ownCity: words,
    ownProvince: words,
    leadIns: words,
    tails: words,
  }),
});
type Words = z.infer<typeof WordsSchema>;

function loadWords(): Words {
  const file = new URL('./normalize.json', import.meta.url);
  const parsed = WordsSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`knowledge/drafts/normalize.json: ${problems.join('; ')}`);
  }
  return parsed.data;
}

const W = loadWords();
const longestFirst = (list: readonly string[]) => [...list].sort((a, b) => b.length - a.length);
const FILLERS = longestFirst(W.fillers);
const PRONOUNS = longestFirst(W.pronouns);
const DEADLINES = longestFirst(Object.keys(W.relativeDeadlines));

/** Why an answer cannot go into the letter as it is; the caller asks again with the matching message. */
export type NotUsable =
  | 'notAnAnswer'
  | 'addressNotReason'
  | 'phoneNotReason'
  | 'noAction'
  | 'notAddress'
  | 'notAuthority';
export type Normalized = { value: string } | { problem: NotUsable };

const PHONE_RUN =
  /(?:\+?86[\s-]?)?(?:1[3-9]\d(?:[\s-]?\d){8}|[（(]?0\d{2,3}[）)]?[\s-]?\d{7,8}(?:(?:-|转)\d{1,6})?)/g;

function compactPhone(raw: string): string {
  const s = raw.replace(/^\+?86[\s-]?/, '').replace(/[（(](0\d{2,3})[）)][\s-]?/, '$1-');
  return /^1/.test(s) ? s.replace(/[\s-]/g, '') : s.replace(/\s+/g, '-');
}

/** Every phone number in a text (mobile 1xxxxxxxxxx or 0715-4321234), as written in a letter. */
export function findPhones(text: string): string[] {
  const t = toHalfWidth(text);
  const found = [...t.matchAll(PHONE_RUN)].map((m) => compactPhone(m[0]));
  return [...new Set(found)];
}

/**
 * The phone number in an answer such as 「打我手机就行13907151234」 or 「电话 139 0715 1234」:
 * undefined when there is none or more than one (the user is asked which).
 */
export function extractPhone(text: string): string | undefined {
  const phones = findPhones(text);
  return phones.length === 1 ? phones[0] : undefined;
}

function stripAll(s: string, list: readonly string[]): string {
  let out = s;
  for (const w of list) if (w) out = out.replaceAll(w, '');
  return out;
}

function stripLead(s: string, list: readonly string[]): string {
  for (const w of longestFirst(list)) if (w && s.startsWith(w)) return s.slice(w.length);
  return s;
}

/** Spaces between Chinese clauses (voice input has no punctuation) become commas; ends trimmed. */
function punctuate(s: string): string {
  return s
    .replace(/[\s\u3000]+(?=[^\s\u3000])/g, (sp, i: number, all: string) => {
      const before = all[i - 1] ?? '';
      return /[\x21-\x7e]/.test(before) ? sp.replace(/[\s\u3000]+/g, ' ') : '，';
    })
    .replace(/[，,、；;]{2,}/g, '，')
    .replace(/^[，,、；;。.!！?？\s]+|[，,、；;。.!！?？~～…\s]+$/g, '')
    .trim();
}

function isNotAnAnswer(s: string): boolean {
  const key = s.replace(/[\s\p{P}\p{S}]/gu, '');
  return key === '' || W.notAnAnswer.includes(key);
}

const ADDRESS_END =
  /(\d+|[一二三四五六七八九十百]+)(号|室|栋|幢|楼|单元|组)$|(村|组|路|街|巷|大道|小区|社区)$/;

/** Whether a text reads as an address (住所) rather than a sentence: place words ending in a house number. */
export function looksLikeAddress(text: string): boolean {
  const t = toHalfWidth(text).replace(/[\s，,。]/g, '');
  const marks = W.addressMarks.filter((m) => t.includes(m)).length;
  return marks >= 2 && ADDRESS_END.test(t) && !W.reasonWords.some((w) => t.includes(w));
}

/** An address as typed, without lead-ins (「我们店在」), fillers or final punctuation. */
export function normalizeAddress(text: string): Normalized {
  let s = punctuate(toHalfWidth(text).replace(/：/g, ''));
  s = stripLead(s, W.addressLeadIns);
  s = punctuate(stripAll(s, FILLERS)).replace(/(那里|那儿|这里|这儿)$/, '');
  if (isNotAnAnswer(s)) return { problem: 'notAnAnswer' };
  if (!W.addressMarks.some((m) => s.includes(m))) return { problem: 'notAddress' };
  return { value: s };
}

// ---- authorities ---------------------------------------------------------------------------------

interface Places {
  province?: string;
  city?: string;
  county?: string;
}

function places(): Places {
  const { region, bureau } = loadJurisdiction();
  const province = /^(.+?(?:省|自治区|市))/.exec(region)?.[1];
  const rest = province ? region.slice(province.length) : region;
  const city = /^(.+?(?:市|州|盟|地区))/.exec(rest)?.[1];
  const county =
    /^(.+?(?:县|区|市|旗))市场监督管理局$/.exec(bureau)?.[1] ??
    /(.+?(?:县|区|旗))$/.exec(city ? rest.slice(city.length) : rest)?.[1];
  return { province, city, county };
}

/**
 * The full name of an authority typed in short: 「县市场监管局」 → the configured bureau
 * (通城县市场监督管理局), 「市场监管局」 → the same, 「市局」-style city and province names from the
 * configured region, 「崇阳县市场监管局」 → 崇阳县市场监督管理局, 「工商局」 → …工商行政管理局 (listings
 * before the 2019 reform). A name already in full is kept; a text that names no authority gives a problem.
 */
export function normalizeAuthority(text: string): Normalized {
  let s = toHalfWidth(text).replace(/[\s\u3000，,。.!！]/g, '');
  s = stripAll(s, FILLERS);
  s = stripLead(s, W.authority.leadIns);
  for (const tail of longestFirst(W.authority.tails)) if (s.endsWith(tail)) s = s.slice(0, -tail.length);
  if (isNotAnAnswer(s)) return { problem: 'notAnAnswer' };
  const { bureau } = loadJurisdiction();
  if (s === bureau) return { value: bureau };
  const hit = longestFirst(W.authority.agencies.map(([a]) => a)).find((a) => s.endsWith(a));
  if (!hit) {
    // Already a formal name of some office (…局, …所, …分局, …委员会): kept as typed.
    return /(局|所|委员会|厅|政府|办公室)$/.test(s) && Array.from(s).length >= 4
      ? { value: s }
      : { problem: 'notAuthority' };
  }
  const full = W.authority.agencies.find(([a]) => a === hit)?.[1] ?? hit;
  const prefix = s.slice(0, -hit.length);
  const p = places();
  let place: string | undefined;
  if (W.authority.ownCounty.includes(prefix)) place = p.county;
  else if (W.authority.ownCity.includes(prefix)) place = p.city;
  else if (W.authority.ownProvince.includes(prefix)) place = p.province;
  else if (p.county && prefix === p.county.replace(/[县区旗]$/, '')) place = p.county;
  else if (p.city && prefix === p.city.replace(/[市州]$/, '')) place = p.city;
  else place = prefix;
  if (!place) return { problem: 'notAuthority' };
  return { value: `${place}${full}` };
}

// ---- sentences -----------------------------------------------------------------------------------

const cnDate = (d: Date) => `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;

function deadlineDate(kind: Words['relativeDeadlines'][string], today: string): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const at = (yy: number, mm: number, dd: number) => new Date(Date.UTC(yy, mm - 1, dd));
  const weekday = (at(y, m, d).getUTCDay() + 6) % 7; // Monday = 0
  switch (kind) {
    case 'monthEnd':
      return cnDate(at(y, m + 1, 0));
    case 'nextMonthEnd':
      return cnDate(at(y, m + 2, 0));
    case 'yearEnd':
      return `${y}年12月31日`;
    case 'weekEnd':
      return cnDate(at(y, m, d + 6 - weekday));
    case 'nextWeekEnd':
      return cnDate(at(y, m, d + 13 - weekday));
    case 'plus1Month':
      return cnDate(at(y, m + 1, d));
    case 'plus2Months':
      return cnDate(at(y, m + 2, d));
    case 'plus3Months':
      return cnDate(at(y, m + 3, d));
    case 'plus15Days':
      return cnDate(at(y, m, d + 15));
    case 'plus7Days':
      return cnDate(at(y, m, d + 7));
    case 'plus10Days':
      return cnDate(at(y, m, d + 10));
  }
}

/** 「这个月底之前」 → 「2026年12月31日前」: relative deadlines as dates, always "by" (前). */
function absoluteDeadlines(s: string, today: string): string {
  let out = s;
  for (const word of DEADLINES) {
    const kind = W.relativeDeadlines[word];
    if (!kind || !out.includes(word)) continue;
    const re = new RegExp(`(?:在|于)?${word}(?:之前|以前|前|之内|以内|内)?`, 'g');
    out = out.replace(re, `于${deadlineDate(kind, today)}前`);
  }
  return out;
}

/** Dates said relative to today inside a sentence: 「上个月15号交清了罚款」 → 「于2026年11月15日交清了罚款」. */
const RELATIVE_DATE_IN_TEXT =
  /(?:上上个月|上个月|上月|这个月|本月)\d{1,2}[日号]|(?:上上|上|这|本)(?:个)?(?:周|星期|礼拜)[一二三四五六日天]|大前天|前天|昨天|今天|(?:今年|去年|前年)\d{1,2}月\d{1,2}[日号]?|(?<![\d年])\d{1,2}月\d{1,2}[日号]/g;

function absoluteDates(s: string, today: string): string {
  return s.replace(RELATIVE_DATE_IN_TEXT, (word, at: number, all: string) => {
    const parsed = parseDraftDate(word, { partial: false, past: true, today });
    if (typeof parsed !== 'object') return word;
    const date = `${parsed.y}年${parsed.m}月${parsed.d}日`;
    const before = all.slice(0, at);
    return before === '' || /[，,；;。]$/.test(before) ? `于${date}` : date;
  });
}

function applyRegister(s: string): string {
  let out = s;
  for (const [from, to] of W.register) out = out.replaceAll(from, to);
  return out
    .replace(/已经/g, '已')
    .replace(/了(?=[，,。；;]|$)/g, '')
    .replace(/(?<=[^已])了(?=[\p{Script=Han}])/gu, '');
}

export type SentenceKind = 'reason' | 'plan' | 'contact' | 'description';

/**
 * A chat answer as a clause of the letter: fillers and pronouns dropped, dialect and chat words in the
 * register of a letter, relative deadlines as dates, no final full stop (the template adds it).
 * Refused when it is not an answer to the question: an address or a bare phone number as a reason,
 * a plan that names nothing to do, 「不知道」.
 */
export function formalSentence(text: string, kind: SentenceKind, today: string): Normalized {
  const raw = chineseNumerals(toHalfWidth(text));
  if (isNotAnAnswer(raw)) return { problem: 'notAnAnswer' };
  const phones = findPhones(raw);
  let rest = raw;
  for (const p of phones) rest = rest.replace(p, '');
  for (const m of raw.matchAll(PHONE_RUN)) rest = rest.replace(m[0], '');
  const restBare = stripAll(stripAll(rest, FILLERS), longestFirst(W.phoneLeadIns)).replace(
    /[\s\p{P}\p{S}]/gu,
    '',
  );
  if (kind === 'contact') {
    // 「打我手机就行13907151234」 → 联系电话13907151234
    if (phones.length && (restBare === '' || /^(打|拨打|联系|找|打给|打到)?$/.test(restBare)))
      return { value: `联系电话${phones.join('、')}` };
  } else if (phones.length && restBare.length < 2) {
    return { problem: 'phoneNotReason' };
  }
  if (kind !== 'contact' && kind !== 'description' && looksLikeAddress(raw))
    return { problem: 'addressNotReason' };

  let s = punctuate(raw);
  s = absoluteDeadlines(s, today);
  s = absoluteDates(s, today);
  s = stripAll(s, FILLERS);
  for (const p of PRONOUNS) s = s.replaceAll(`${p}的`, '').replaceAll(p, '');
  s = punctuate(applyRegister(s))
    .replace(/^(于\d{4}年\d{1,2}月\d{1,2}日前)，?/, '$1')
    .replace(/^(拟)?(于\d{4}年\d{1,2}月\d{1,2}日前)/, '$1$2');
  if (isNotAnAnswer(s)) return { problem: 'notAnAnswer' };
  if (kind === 'plan' && !W.doneVerbs.some((v) => s.includes(v))) return { problem: 'noAction' };
  return { value: s };
}
