// Dates as owners type them, read against today: 2023-05-01, 2023年5月1号, 上个月15号, 上周三, 前天,
// 3天前, 去年3月, 2025年度的. Every date a letter states is a past (or signing) date, so a month and day
// without a year that would lie in the future mean last year's.
import { CHINESE_DIGIT, YEARS_BACK } from '../../dialogs/nlu/years.ts';

export type ParsedDate = { iso: string; y: number; m?: number; d?: number };
export type DateResult = ParsedDate | 'format' | 'invalid';

const pad = (n: number) => String(n).padStart(2, '0');

export function toHalfWidth(s: string): string {
  return s.replace(/[\uFF10-\uFF19\uFF0D\uFF0F\uFF0E]/g, (c) =>
    String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
}

function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function utc(iso: string): Date {
  return new Date(`${iso.slice(0, 10)}T00:00:00Z`);
}

function addDays(iso: string, days: number): string {
  const d = utc(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The first day of the month `back` months before today's: [year, month]. */
function monthBack(today: string, back: number): [number, number] {
  const d = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1 - back, 1));
  return [d.getUTCFullYear(), d.getUTCMonth() + 1];
}

function lastDayOfMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

// the digits and relative years are shared with understanding (dialogs/nlu/years.ts)
const DIGIT = CHINESE_DIGIT;

/** 二〇二五 → 2025, 十五 → 15, 二十三 → 23, 三十一 → 31: Chinese numerals as typed by voice input. */
export function chineseNumerals(s: string): string {
  return s
    .replace(/[〇零一二三四五六七八九]{4}(?=年)/g, (w) => Array.from(w, (c) => DIGIT[c]).join(''))
    .replace(/([一二三]?)十([一二三四五六七八九]?)/g, (_, tens: string, ones: string) =>
      String((tens ? (DIGIT[tens] ?? 1) : 1) * 10 + (ones ? (DIGIT[ones] ?? 0) : 0)),
    )
    .replace(/[一二两三四五六七八九](?=[月日号天周个])/g, (c) => String(DIGIT[c]));
}

const RELATIVE_DAYS: Record<string, number> = { 今天: 0, 今日: 0, 昨天: 1, 昨日: 1, 前天: 2, 大前天: 3 };
const RELATIVE_YEARS = YEARS_BACK;
const RELATIVE_MONTHS: Record<string, number> = {
  本月: 0,
  这个月: 0,
  这月: 0,
  上个月: 1,
  上月: 1,
  上上个月: 2,
  上上月: 2,
};
const WEEK: Record<string, number> = { 这: 0, 本: 0, 上: 1, 上上: 2 };
const WEEKDAY = '一二三四五六日';

/** What people add around a date without changing it: 的, 那天, 左右, 份, 前后. */
function bare(raw: string): string {
  return chineseNumerals(toHalfWidth(raw))
    .replace(/[\s\u3000]+/g, '')
    .replace(/^(是|在|于|大概|大约|差不多|应该是)/, '')
    .replace(/(的时候|那天|那一天|那会儿?|左右|前后|的样子|吧|的)+$/, '');
}

/**
 * Parses a date. With `partial`, a year (2021, 2025年度), a month (2021年4月, 上个月, 3月份) is enough.
 * `past`: a month and day that would be later than today mean that day last year.
 */
export function parseDraftDate(
  raw: string,
  options: { partial: boolean; past: boolean; today: string },
): DateResult {
  const { partial, past, today } = options;
  const thisYear = Number(today.slice(0, 4));
  let s = bare(raw);
  const yearWord = /^(今年|本年|去年|上年|前年)/.exec(s);
  if (yearWord)
    s = `${thisYear - (RELATIVE_YEARS[yearWord[1] as string] ?? 0)}年${s.slice(yearWord[0].length)}`;

  const back = Object.hasOwn(RELATIVE_DAYS, s) ? RELATIVE_DAYS[s] : undefined;
  if (typeof back === 'number') return fromIso(addDays(today, -back));
  const daysAgo = /^(\d{1,3})天(?:以)?前$/.exec(s);
  if (daysAgo) return fromIso(addDays(today, -Number(daysAgo[1])));

  // 上周三, 上星期三, 上礼拜天, 这周一: Monday-based weeks, as people in China count them.
  const week = /^(上上|上|这|本)(?:个)?(?:周|星期|礼拜)([一二三四五六日天1-7])$/.exec(s);
  if (week) {
    const dayChar = week[2] === '天' ? '日' : (week[2] as string);
    const target = /\d/.test(dayChar) ? Number(dayChar) - 1 : WEEKDAY.indexOf(dayChar);
    const monday = addDays(today, -((utc(today).getUTCDay() + 6) % 7));
    return fromIso(addDays(monday, target - 7 * (WEEK[week[1] as string] ?? 0)));
  }

  // 上个月15号, 这个月3日, 上个月底, 上个月 (partial)
  const rel = /^(上上个月|上上月|上个月|上月|这个月|这月|本月)(?:(\d{1,2})[日号]?|(底|末|初))?$/.exec(s);
  if (rel) {
    const [y, m] = monthBack(today, RELATIVE_MONTHS[rel[1] as string] ?? 0);
    if (rel[2]) return checked(y, m, Number(rel[2]));
    if (rel[3]) return checked(y, m, rel[3] === '初' ? 1 : lastDayOfMonth(y, m));
    return partial ? { iso: `${y}-${pad(m)}`, y, m } : 'format';
  }

  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s) ?? /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$/.exec(s);
  if (m) return checked(Number(m[1]), Number(m[2]), Number(m[3]));
  // 「5月1日」 without a year: this year, or last year when this year's would still be ahead.
  m = /^(\d{1,2})月(\d{1,2})[日号]?$/.exec(s);
  if (m) {
    const r = checked(thisYear, Number(m[1]), Number(m[2]));
    if (past && typeof r === 'object' && r.iso > today)
      return checked(thisYear - 1, Number(m[1]), Number(m[2]));
    return r;
  }
  // 「15号」 alone: this month's, or last month's when that day is still ahead.
  m = /^(\d{1,2})[日号]$/.exec(s);
  if (m) {
    const [y0, m0] = monthBack(today, 0);
    const r = checked(y0, m0, Number(m[1]));
    if (!past || typeof r !== 'object' || r.iso <= today) return r;
    const [y1, m1] = monthBack(today, 1);
    return checked(y1, m1, Number(m[1]));
  }
  if (!partial) return 'format';
  m = /^(\d{4})[-/.](\d{1,2})$/.exec(s) ?? /^(\d{4})年(\d{1,2})月份?(?:底|末|初)?$/.exec(s);
  if (!m) {
    const monthOnly = /^(\d{1,2})月份?$/.exec(s);
    if (monthOnly) {
      const mo = Number(monthOnly[1]);
      const y = past && `${thisYear}-${pad(mo)}` > today.slice(0, 7) ? thisYear - 1 : thisYear;
      m = ['', String(y), String(mo)] as unknown as RegExpExecArray;
    }
  }
  if (m) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    if (mo < 1 || mo > 12) return 'invalid';
    return { iso: `${y}-${pad(mo)}`, y, m: mo };
  }
  const year = parseYear(s, thisYear);
  if (year !== undefined) return { iso: String(year), y: year };
  return 'format';
}

function fromIso(iso: string): ParsedDate {
  return { iso, y: Number(iso.slice(0, 4)), m: Number(iso.slice(5, 7)), d: Number(iso.slice(8, 10)) };
}

function checked(y: number, m: number, d: number): DateResult {
  return isRealDate(y, m, d) ? { iso: `${y}-${pad(m)}-${pad(d)}`, y, m, d } : 'invalid';
}

/** A year as typed for a report year or a listing year: 2025, 2025年, 2025年度, 2025年度的, 去年. */
export function parseYear(raw: string, thisYear: number): number | undefined {
  const s = bare(raw).replace(/^(\d{4}|今年|本年|去年|上年|前年)(?:年度?|年的|度)?$/, '$1');
  if (/^\d{4}$/.test(s)) return Number(s);
  // own keys only: user text such as 「toString」 must not reach Object.prototype
  const back = Object.hasOwn(RELATIVE_YEARS, s) ? RELATIVE_YEARS[s] : undefined;
  return typeof back === 'number' ? thisYear - back : undefined;
}
