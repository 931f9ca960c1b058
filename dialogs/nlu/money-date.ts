// Bare answers to the penalty questions that are neither yes/no nor a choice: 「罚了多少钱」 (an amount in
// yuan) and 「什么时候公示的」 (a date). A month without a day is read as that month's last day, so a
// waiting period counted from it never ends too early (the rules tell the earliest day to apply).

import chineseDays from 'chinese-days';
import { lexicon } from './lexicon.ts';
import { matchesOf } from './matches.ts';
import { CHINESE_DIGIT, relativeYear, resolveYear, YEAR_SRC } from './years.ts';

const DIGIT = CHINESE_DIGIT;
/**
 * The capital numerals of amounts on official papers (大写数字: 「罚款陆万元整」「壹万伍仟元」), written
 * as the ordinary ones; one character each, so positions in the text stay where they were.
 */
const CAPITAL_NUMERAL: Readonly<Record<string, string>> = {
  壹: '一',
  贰: '二',
  叁: '三',
  肆: '四',
  伍: '五',
  陆: '六',
  柒: '七',
  捌: '八',
  玖: '九',
  拾: '十',
  佰: '百',
  仟: '千',
  萬: '万',
};
const plainNumerals = (s: string) =>
  s.replace(/[壹贰叁肆伍陆柒捌玖拾佰仟萬]/g, (c) => CAPITAL_NUMERAL[c] ?? c);
const UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10_000 };

/** 一万五千 → 15000, 两万 → 20000, 八千 → 8000, 十二 → 12; null when it is not a Chinese numeral. */
export function chineseNumber(text: string): number | null {
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  let lastUnit = 1;
  for (const ch of text) {
    if (ch in DIGIT) digit = DIGIT[ch] as number;
    else if (ch === '万') {
      total = (total + section + (digit ?? 0)) * 10_000;
      section = 0;
      digit = null;
      lastUnit = 10_000;
    } else if (ch in UNIT) {
      const u = UNIT[ch] as number;
      section += (digit ?? (u === 10 ? 1 : 0)) * u;
      digit = null;
      lastUnit = u;
    } else return null;
  }
  // 一万五 = 15000: a trailing digit counts one unit below the last unit
  if (digit !== null) section += lastUnit >= 10 ? digit * (lastUnit / 10) : digit;
  const value = total + section;
  return value > 0 ? value : null;
}

/** 「2万」「20000元」「2.5万块」「两万」「一万五」「八千」 → yuan; undefined when no amount is said. */
export function readAmountYuan(text: string): number | undefined {
  // 「公示的日子是2026年5月12号」: the numbers of a date are no amount (the amount said with it is)
  const s = plainNumerals(text)
    .replace(/[,，\s]/g, '')
    .replace(DATE_PART, (d) => '/'.repeat(d.length));
  // 「5万零500」「5万500」 = 50500 (the remainder in yuan); 「5万5」 = 55000 (one digit counts thousands)
  const mixed = /(\d+)万(零)?(\d{1,4})(?!\d)/.exec(s);
  if (mixed?.[1] && mixed[3] && (mixed[2] || mixed[3].length !== 2)) {
    const rest = Number(mixed[3]);
    return Number(mixed[1]) * 10_000 + (mixed[2] || mixed[3].length > 1 ? rest : rest * 1000);
  }
  const arabic = /(\d+(?:\.\d+)?)(万|w|W|千|k|K)?/.exec(s);
  if (arabic) {
    const n = Number(arabic[1]);
    const unit = arabic[2];
    const factor = unit === '万' || unit === 'w' || unit === 'W' ? 10_000 : unit ? 1000 : 1;
    const value = Math.round(n * factor);
    return Number.isFinite(value) ? value : undefined;
  }
  const cn = /[零〇一二两三四五六七八九十百千万]+/.exec(s);
  return cn ? (chineseNumber(cn[0]) ?? undefined) : undefined;
}

/** a year, month or day number with its unit (「2026年」「5月」「12号」) */
const DATE_PART =
  /(?:\d{2,4}|[〇零一二三四五六七八九]{2,4})年|(?:\d{1,2}|[一二三四五六七八九十]{1,3})[月日号]/g;

const NUMBER = /(\d+万零?\d{1,4}(?!\d)|\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千万]+)(?:万|w|W|千|k|K)?/g;

/**
 * The amount said near a penalty word: the first number starting within `within` characters of the
 * start of `text` (or, `last`, the last one ending there), read whole even past that window (「罚了我们
 * 食品公司20万」), and not one that counts something else (「罚了一次」, 「2026年」; `counters`), nor a digit inside a word (「五金店」).
 */
export function amountNear(
  text: string,
  counters: readonly string[],
  opts: { within: number; last?: boolean },
): number | undefined {
  const found: number[] = [];
  text = plainNumerals(text);
  for (const m of matchesOf(NUMBER, text)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (opts.last ? end < text.length - opts.within : start > opts.within) continue;
    if (counters.some((c) => text.startsWith(c, end))) continue;
    // 「26/9/30公示的」: a part of a date, no amount
    if (/^[/.-]\d/.test(text.slice(end)) || /\d[/-]$/.test(text.slice(0, start))) continue;
    // a lone Chinese digit is part of a word (五金店, 一直) unless money follows it (「五千块」 has its unit)
    if (/^[零〇一二两三四五六七八九]+$/.test(m[0]) && !/^[元块]/.test(text.slice(end))) continue;
    const yuan = readAmountYuan(m[0]);
    if (yuan !== undefined) found.push(yuan);
  }
  return opts.last ? found.at(-1) : found[0];
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

const DATE_SRC =
  /(?:(\d{4}|(?<!\d)\d{2}(?=年|[/.]\d{1,2}[/.]\d{1,2}))[年\-./]|(今年|去年|前年))?(\d{1,2}|[一二三四五六七八九十]{1,2})[月\-./](?:(\d{1,2}|[一二三四五六七八九十]{1,3})[日号]?)?/
    .source;

/**
 * datesOfOtherEvents: the text without the dates said for another event. A date belongs to the event
 * named right after it: in 「去年11月是立案 处罚决定公示是今年4月」 the November is the case's opening,
 * so a reader looking for the publication date must not take it (a publication read too early tells
 * a business its waiting period is over when it is not).
 */
export function withoutDatesOf(text: string, events: readonly string[]): string {
  if (!events.length) return text;
  const owned = new RegExp(
    `(?:${DATE_SRC.replace(/\((?!\?)/g, '(?:')}|${RELATIVE_MONTH.source.replace(/\((?!\?)/g, '(?:')})(?:份|底|初|中旬|上旬|下旬)?(?:的时候|时)?(?:是|就|被)?(?=${events.join('|')})`,
    'g',
  );
  return text.replace(owned, (d) => ' '.repeat(d.length));
}

/** 正月, 冬月, 腊月: months named only in the lunar calendar (正月 = 1 … 腊月 = 12) */
const LUNAR_MONTHS: Readonly<Record<string, number>> = { 正月: 1, 冬月: 11, 腊月: 12 };
const LUNAR_DATE =
  /(?:(\d{4})年|(今年|去年|前年))?(正月|冬月|腊月)(?:初?(\d{1,2}|[一二三四五六七八九十]{1,3})日?)?/;

/**
 * 「今年正月十五」「去年腊月」: a lunar date, converted with chinese-days (a month alone: its 29th, a day
 * every lunar month has); the year is the lunar year named.
 */
function lunarDate(s: string, thisYear: number, cnMonth: (m: string) => number | null): string | undefined {
  const m = LUNAR_DATE.exec(s);
  if (!m) return undefined;
  const year = m[1] ? Number(m[1]) : (relativeYear(m[2] ?? '今年', thisYear) ?? thisYear);
  const month = LUNAR_MONTHS[m[3] ?? ''] as number;
  const day = m[4] ? cnMonth(m[4]) : 29;
  if (!day || day < 1 || day > 30) return undefined;
  try {
    return chineseDays.getSolarDateFromLunar(`${year}-${pad(month)}-${pad(day)}`).date;
  } catch {
    return undefined;
  }
}

/** 「上个月10号」「这个月3号」「上上个月」: a month counted back from this one (a month alone: its last day) */
const RELATIVE_MONTH = /(上上个?月|上个?月|这个?月|本月)(?:(\d{1,2}|[一二三四五六七八九十]{1,3})[日号])?/;
const MONTHS_BACK: Record<string, number> = { 上上个月: 2, 上上月: 2, 上个月: 1, 上月: 1 };

function relativeMonthDate(
  rel: RegExpExecArray,
  now: Date,
  cnMonth: (m: string) => number | null,
): string | undefined {
  const back = MONTHS_BACK[rel[1] ?? ''] ?? 0;
  const total = now.getFullYear() * 12 + now.getMonth() - back;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const day = rel[2] ? cnMonth(rel[2]) : lastDay(year, month);
  if (!day || day < 1 || day > lastDay(year, month)) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

let seasonRe: RegExp | undefined;
/**
 * 「今年开春」「去年国庆前后」 → 「今年3月」「去年10月」: a season or festival as the last month it may mean
 * (knowledge/lexicon/grammar.json seasonMonths), so a period counted from it never ends too early. Only
 * after a year or before a word of time: 「国庆路」「春天超市」 are names, no date.
 */
function seasonsAsMonths(s: string): string {
  const { months, tails } = lexicon().grammar.seasonMonths;
  const words = Object.keys(months).sort((a, b) => b.length - a.length);
  seasonRe ??= new RegExp(
    `((?:\\d{4}|今|去|前|大前)年)(${words.join('|')})|(${words.join('|')})(?=${tails.join('|')})`,
    'g',
  );
  return s.replace(seasonRe, (_m, year: string | undefined, afterYear?: string, alone?: string) => {
    const word = afterYear ?? alone ?? '';
    return `${year ?? ''}${months[word] ?? word}`;
  });
}

/**
 * 「反正就是今年春上」: a date told only by a season or festival, no month or day of the calendar — a
 * rougher telling that does not replace a month told beside it (answer.ts lastDate).
 */
export function toldBySeasonOnly(text: string): boolean {
  const s = text.replace(/\s/g, '');
  return seasonsAsMonths(s) !== s && !hasCalendarDate(s);
}

const hasCalendarDate = (s: string) =>
  new RegExp(DATE_SRC).test(s) || LUNAR_DATE.test(s) || RELATIVE_MONTH.test(s);

/**
 * 「2026-03-15」「2026年3月15日」「25年7月18号」「26/9/30」「2026.3.15」「今年3月」「去年三月」「3月15号」 → YYYY-MM-DD (a month alone: its
 * last day); undefined when no date is said. `now` is the day the user speaks (China time is the caller's).
 */
export function readDate(text: string, now: Date): string | undefined {
  const plain = text.replace(/\s/g, '').replace(/号/g, '日').replace(/元月/g, '1月');
  // 「2025年清明前 3月28号」: a season beside a date of the calendar only places it roughly
  const s = hasCalendarDate(plain) ? plain : seasonsAsMonths(plain);
  const thisYear = now.getFullYear();
  const cnMonth = (m: string) => (/^\d+$/.test(m) ? Number(m) : chineseNumber(m));
  const lunar = lunarDate(s, thisYear, cnMonth);
  if (lunar) return lunar;
  const m = new RegExp(DATE_SRC).exec(s);
  const rel = RELATIVE_MONTH.exec(s);
  // a calendar date told beside it is the one meant (「上个月开工了 公示是去年6月」)
  if (rel && !m) return relativeMonthDate(rel, now, cnMonth);
  if (!m) return undefined;
  // 「25年7月18号」: a two-digit year with its 年 is this century's
  // 「2025年清明前 3月28号」: a year told a few words before a month without one is its year (the text
  // is normalised: 二〇二五年 is 2025年 by now)
  const yearBefore = m[1] || m[2] ? undefined : /((?:19|20)\d{2})年[^\d年月]{0,6}$/.exec(s.slice(0, m.index));
  const year = m[1]
    ? Number(m[1]) + (m[1].length === 2 ? 2000 : 0)
    : yearBefore?.[1]
      ? Number(yearBefore[1])
      : (relativeYear(m[2] ?? '今年', thisYear) ?? thisYear);
  const month = cnMonth(m[3] ?? '');
  if (!month || month < 1 || month > 12) return undefined;
  const day = m[4] ? cnMonth(m[4]) : lastDay(year, month);
  if (!day || day < 1 || day > lastDay(year, month)) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * 「前年被列进去的」「24年罚的」「是2024年的事」: a year told with no month or day — YYYY, which the rules
 * count from both ends of (rules/periods.ts periodState). Undefined where a month or season is told
 * (readDate reads it; 冬天 straddles two years), where the year is a report's (2024年度), or where two
 * years are named.
 */
let yearsRe: RegExp | undefined;
export function readYearOnly(text: string, now: Date): string | undefined {
  const s = text.replace(/\s/g, '');
  // (「去年冬天」 may run into the next year: no year stands for it, grammar.json seasonMonths)
  if (readDate(s, now) !== undefined || /冬/.test(s)) return undefined;
  yearsRe ??= new RegExp(YEAR_SRC, 'g');
  const years = [...s.matchAll(yearsRe)].filter(
    (m) => !/^度|^的?年报/.test(s.slice((m.index ?? 0) + m[0].length)),
  );
  if (years.length !== 1 || /年前$/.test(years[0]?.[0] ?? '')) return undefined;
  const year = resolveYear(years[0]?.[0] ?? '', now);
  return year !== undefined && year <= now.getFullYear() ? String(year) : undefined;
}
