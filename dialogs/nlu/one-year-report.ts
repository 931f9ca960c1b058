// Named rule oneYearReportIsNotAll (issue 11, behaviour 4): 「最近一年的年报补了」「去年的补了」
// 「2023年的补了」 speak of one year's report. Every overdue year must be filed before the standard
// route can be applied for, so such a statement never sets allOverdueReportsFiled, whether it was
// read as a statement or as the answer to the question about it; the fact is asked back instead.
import type { Facts } from '../../rules/types.ts';
import { alt, factLexicon } from './fact-lexicon.ts';
import { hasAny, lexicon } from './lexicon.ts';
import { matchesOf } from './matches.ts';
import { resolveYear, smallNumber } from './years.ts';

/** A calendar year named in the text ("2023年", "23年", 「2024 那份」). */
const CALENDAR_YEAR = /\d{2,4}\s*(?:年|(?:的)?那(?:一)?份)/;
/** 「两个年度的都没报」: an "all" that says every year is missing, not filed */
const ALL_MISSING = /(?:都|全部|全都)(?:没|冇|未|不)/g;

/**
 * 「19 20年的年报都补哒」: the 都 of years named one by one is both of them, not every year owed;
 * 「欠的22年23年两年年报都补了」 names the years owed, which are all of them (the capture keeps it).
 */
const NAMED_YEARS_ALL =
  /(欠的|缺的|漏的|没报的)?(?<!\d)(?:(?:(?:19|20)?\d{2}年?度?|大前年|前年|去年)[、，,和跟与及\s]*)+(?:(?:19|20)?\d{2}年?度?|大前年|前年|去年)的?(?:年报|年度报告)?也?(?:都|全部|全都)/g;

/** The text speaks of one year's report and nothing in it says "all of them" (are filed). */
export function speaksOfOneYear(s: string): boolean {
  const w = factLexicon().oneYearReport;
  const rest = s.replace(ALL_MISSING, '').replace(NAMED_YEARS_ALL, (m, owed) => (owed ? m : ''));
  return (hasAny(s, w.oneYear) || CALENDAR_YEAR.test(s)) && !hasAny(rest, w.allYears) && !onlyOneYearOwed(s);
}

/** 「就只有22年度那一年的年报冇报」「只有那一份没交」: one report owed and no other */
const ONLY_ONE_OWED =
  /(?:只有|就只有|就|只)[^，,。;；]{0,10}?那?一(?:年|个年度|份)的?(?:年报|年度报告)?(?:没有?|未)(?:报|交|公示)/;

/** The text says that one year's report is the only one owed (facts.json onlyMissedYear). */
export function onlyOneYearOwed(s: string): boolean {
  return hasAny(s, factLexicon().onlyMissedYear.missed) || ONLY_ONE_OWED.test(s);
}

/**
 * 「那一年的年报上礼拜补报公示了」 after a message saying that year's was the only report owed: that
 * report is every overdue one, as when both are told in one message (derivations.ts onlyMissedYearFiled).
 */
export function filesTheOnlyYearOwed(s: string, before: string | undefined): boolean {
  return (
    before !== undefined && onlyOneYearOwed(before) && hasAny(s, factLexicon().onlyMissedYear.thatReport)
  );
}

/** 「补了两年」「交了一份」「补报了三个年度的」: a count of reports filed */
const FILED_COUNT =
  /(?:补报|补交|补|报|交)了(?:其中的?)?([一二两三四五六七八九十几\d]{1,2})(?:年|个年度|份)(?![多半来])/;
/** 「欠的三年」「漏了两个年度」: the count of reports owed */
const OWED_COUNT =
  /(?:欠|缺|漏|没报|未报)(?:了|的|下的|掉的)?那?([一二两三四五六七八九十\d]{1,2})(?:年|个年度|份)/;

/**
 * 「欠的年报补了两年」: a count of reports filed is every one owed only when the text owes as many
 * (「欠的三年补了三年」); otherwise how many were owed is not told, and "all filed" is not either.
 */
export function speaksOfSomeYears(s: string): boolean {
  return filedOfOwed(s) !== 'all';
}

/**
 * How a count of reports filed stands against the count owed: 'fewer' (「欠的三年补了两年」),
 * 'all' (as many, or no count told), 'unknown' (no count owed, or a count not read).
 */
function filedOfOwed(s: string): 'fewer' | 'all' | 'unknown' {
  const filed = FILED_COUNT.exec(s);
  if (!filed?.[1]) return 'all';
  const owed = OWED_COUNT.exec(s)?.[1];
  const n = smallNumber(filed[1]);
  const o = owed === undefined ? undefined : smallNumber(owed);
  if (n === undefined || o === undefined) return 'unknown';
  return n < o ? 'fewer' : n === o ? 'all' : 'unknown';
}

/**
 * Withholds allOverdueReportsFiled = true read from a one-year statement or a count of years filed
 * (from `facts` and from the answer to the pending question alike). Returns whether it withheld it.
 */
export function withholdOneYearFiling(s: string, ...readings: Facts[]): boolean {
  const said = readings.some((f) => f.allOverdueReportsFiled === true);
  if (!said) return false;
  // (fewer filed than owed: some are still owed, a "no" rather than a question)
  if (filedOfOwed(s) === 'fewer') {
    for (const f of readings) if (f.allOverdueReportsFiled === true) f.allOverdueReportsFiled = false;
    return false;
  }
  if (!(speaksOfOneYear(s) || speaksOfSomeYears(s))) return false;
  for (const f of readings) if (f.allOverdueReportsFiled === true) delete f.allOverdueReportsFiled;
  return true;
}

/** A report named by its year: 「2023年度的」「23年度那份」「2023年的年报」「2024那份」. */
const REPORT_BY_YEAR =
  /(?<!\d)((?:19|20)?\d{2})\s*(?:年度|年的(?:年报|年度报告|那份|纸质)|年?(?:的)?那(?:一)?份)/g;

/** The years of the reports the text names, and the previous reporting year (四(三)一: 上一年度). */
function reportYears(s: string, now: Date): { years: (number | undefined)[]; previous: number } {
  const years = matchesOf(REPORT_BY_YEAR, s).map((m) => resolveYear(`${m[1]}年`, now));
  return { years, previous: now.getFullYear() - 1 };
}

/**
 * 「当时落下的那份二〇二三年度的早就补上了」 to "is the previous year's paper report filed?": a report
 * named by a year other than the previous one (四(三)一: 上一年度) says nothing about that report.
 * True when the text names report years and none of them is the previous year.
 */
export function namesOnlyOtherReportYears(s: string, now: Date): boolean {
  const { years, previous } = reportYears(s, now);
  // 「23年度那份补了 去年那份还冇搞」: the previous year's report named in words beside the other year's
  return years.length > 0 && !years.includes(previous) && !PREVIOUS_BY_WORDS.test(s);
}

/** The previous year's report named in words (去年那份, 上一年度的年报), not by its number */
const PREVIOUS_BY_WORDS = /(?:去年|上一?个?年度?)(?:的|那份|那一份)(?:纸质的?)?(?:年报|年度报告)?/;

const FILED_ONE_WAS = /(?:补|交|报)(?:了|过)?的(?:那一?份|那个)?(?:其实|实际上)?是/;

/**
 * 「去年补的那份是2024年度的，2025年度那份到现在还没交」: the text tells which report was filed before
 * (another year's) and the previous year's state with it: a correction of an earlier "filed".
 */
export function setsReportYearsApart(s: string, now: Date): boolean {
  // only where the text takes up a filing told before (「补的那份是」「交的是」), not a first account
  // of which years are filed (「2023年度的补了 2024年度和2025年度的还没补」)
  if (!FILED_ONE_WAS.test(s)) return false;
  const { years, previous } = reportYears(s, now);
  return years.includes(previous) && years.some((y) => y !== previous);
}

let unknownYearRe: RegExp | undefined;

/**
 * reportOfUnknownYear: 「今年补了一份年报 是哪一年度的我也没注意」 tells a report filed (or missing)
 * whose year the writer does not know. The pilot asks about the previous year's report (四(三)一
 * 上一年度), and nothing then says that this is the one: a "filed" read from it (as a statement or as
 * the answer to that question) would grant the route on a report of any year. True when the text says
 * a report's year is unknown, about no listing, and names the previous year neither in words nor by
 * its number.
 */
export function reportYearUnknown(s: string, now: Date): boolean {
  const w = factLexicon().reportOfUnknownYear;
  // the question of the year and the not knowing, either order, in one sentence
  unknownYearRe ??= new RegExp(
    `${alt(w.which)}[^。！？!?；;]{0,12}?${alt(w.unknown)}|${alt(w.unknown)}[^。！？!?；;]{0,6}?${alt(w.which)}`,
    'g',
  );
  // (「哪一年被列的不记得」: the listing's year is the one not known)
  const said = matchesOf(unknownYearRe, s).filter((m) => !hasAny(m[0], lexicon().grammar.listingWords));
  if (said.length === 0) return false;
  return !PREVIOUS_BY_WORDS.test(s) && !reportYears(s, now).years.includes(now.getFullYear() - 1);
}
