// The year of a listing: the year the story dates it with, or the year after the report named as
// unfiled (企业信息公示暂行条例 第八条: a year's report is due by 30 June of the next).
import { PILOT_SINCE_YEAR } from '../../../rules/routes.ts';
import { alt, factLexicon } from '../fact-lexicon.ts';
import { CAL_YEAR_SRC, PAST_YEAR_WORDS, resolveYear, YEAR_SRC, YEARS_AGO_SRC } from '../years.ts';

/** A clause's own characters (no clause punctuation). */
const IN_CLAUSE = '[^，,。;；!?！？]';
/** Verbs of being put on the list (「被列入」, 「给弄进异常名录」, 「被搞成经营异常」 …), from the lexicon. */
const LISTING_VERB = alt(factLexicon().listingVerbs.words);
/**
 * A calendar year as a listing year ("2021年", "21年"), not a report year ("21年度", "21年的"); or a
 * count of years back (「两年前没报年报被列了」), which dates the events of the story as a calendar year does.
 */
const CAL_YEAR = `(${CAL_YEAR_SRC}|${YEARS_AGO_SRC})(?!${alt(factLexicon().reportYearMarkers.words)}|年|\\d)`;
/** 没报年报 / 年报逾期: the annual report not filed, told as the cause (lexicon: reportUnfiled). */
const REPORT_UNFILED = (() => {
  const u = factLexicon().reportUnfiled;
  // (「没报 nianbao」: a pinyin word keeps the space typed before it, normalize.ts)
  return `(?:${alt(u.negators)}${alt(u.timely)}?(?:${alt(u.verbs)} ?)?${alt(u.nouns)}|${alt(u.nouns)}${alt(u.adverbs)}?${alt(u.after)}{1,2})`;
})();
/** …then put on the list, in the same clause or right after a comma (「，结果给列进了」). */
const THEN_LISTED = (() => {
  const v = factLexicon().listingVerbs;
  return `[^，,。;；]{0,4}?[，,]?${alt(v.thenWords)}?${alt(v.passive)}?${LISTING_VERB}`;
})();

// 「2024年度的那份现在补上了」: a report year (年度) is not a listing year, and 补上了 is a filing;
// 「去年搬到新街上了」: the 上 of a place (街上, 镇上) is no listing verb
export const LISTED_YEAR = new RegExp(
  `(${YEAR_SRC})(?!度)(?:起|开始|以来)?[^，,。;；!?！？报没未交缴填补\\s]{0,8}?(?:(?:因为|由于|因)[^，,。;；]{0,12}?)?(?:被|给|就|已经?|又)?[^，,。;；补]{0,2}?(?<![补街路镇楼巷村])${LISTING_VERB}`,
  'g',
);

/**
 * 「个体 21年异常」「2023被异常」「18年进异常」: in a terse message the year right before 异常 (a word of
 * being put there between, lexicon abnormalSaidOf) is the listing's; 「去年异常的商户」 names a kind.
 */
export const LISTED_YEAR_TERSE = new RegExp(
  `(${YEAR_SRC})\\s?${alt(factLexicon().abnormalSaidOf.yearVerbs)}?(?:经营)?异常(?!名录|的[^\\s，,。;；!?！？])`,
  'g',
);

/**
 * "2022年没报年报被列了": a calendar year dates the events of the story, so it is the listing year.
 * A relative year before 年报 ("去年没报年报") usually names the report ("去年的年报"), whose listing
 * follows a year later (see REPORT_YEAR_LISTED).
 */
/** "…被列了异常，2021年的事": the year of the story told just before. */
export const LISTED_YEAR_EVENT = new RegExp(
  `(?:(${YEAR_SRC})(?:的事|那次|那会儿?|那时候?))|(?:列入|列进去?|列进来|被列|标记|列异常|列上)的?(?:时间|日期|时候|年份)(?:是|为|在)?(${YEAR_SRC})`,
  'g',
);

/**
 * 「去年6月底年报没报 7月就被列进经营异常名录了」: the listing's month told after the year of the story,
 * no other year between (the year of the month is the one named before it)
 */
export const LISTED_MONTH_AFTER_YEAR = new RegExp(
  `(${YEAR_SRC})(?!度)(?:(?!${YEAR_SRC})[^。;；!?！？]){0,14}?[，,\\s](?:\\d{1,2}|[一二三四五六七八九十]{1,2})月(?:份|底|初)?(?:就|又|便)?(?:被|给)?${LISTING_VERB}`,
  'g',
);

/**
 * 「现在还有一条 是2023年因为年报」「是21年 因为冇报年报」: a calendar year opening the cause of a
 * listing told or asked about dates the listing (read last: a year beside a listing verb wins)
 */
export const LISTED_YEAR_BEFORE_CAUSE = new RegExp(
  `${CAL_YEAR}(?:的时候|那年)?[，,\\s]?(?:是)?(?:因为|由于)`,
  'g',
);

/** 「本公司于2022年7月5日因未…被…列入经营异常名录」: the formal date of the listing, its cause between */
export const LISTED_FORMAL_DATE =
  /于((?:19|20)\d{2})年\d{1,2}月(?:\d{1,2}日)?[^。;；]{0,60}?(?:列入|纳入|标记为)/g;

/** the date a pasted decision carries under its last sentence (its year captured) */
export const NOTICE_DATE_SRC = '[。\\s]+((?:19|20)\\d{2})年\\d{1,2}月\\d{1,2}日';

/** 「…现决定将你户标记为经营异常状态。2023年7月3日」: a pasted decision, dated under it */
export const LISTED_NOTICE_DATE = new RegExp(
  `决定将[^。;；]{0,30}?(?:列入|标记为|纳入)[^。;；]{0,20}?${NOTICE_DATE_SRC}`,
  'g',
);

export const LISTED_YEAR_AFTER_REASON = new RegExp(
  `${CAL_YEAR}[^，,。;；!?！？报没未]{0,6}?${REPORT_UNFILED}${THEN_LISTED}`,
  'g',
);

/** A year that dates the story (a report's year, 「2020年度」「20年的」, does not). */
const STORY_YEAR = `(${YEAR_SRC})(?!${alt(factLexicon().reportYearMarkers.words)}|年|\\d)`;
/** One character of the same sentence with no other year and no word of later time in it. */
const SAME_TIME = (() => {
  const later = alt(factLexicon().storyYear.later);
  return `(?:(?!${YEAR_SRC}|${later})[^。;；!?！？])`;
})();

/**
 * 「我2020年疫情那时候店子冇开 冇报年报被列入」: a year with a time frame after it dates what the story
 * tells next, so the unfiled report and its listing a few clauses on are of that year, as
 * LISTED_YEAR_AFTER_REASON reads 「2022年没报年报被列了」 with nothing between.
 */
export const LISTED_YEAR_OF_TIME_FRAME = new RegExp(
  `${STORY_YEAR}${SAME_TIME}{0,8}?${alt(factLexicon().storyYear.frames)}${SAME_TIME}{0,20}?${REPORT_UNFILED}${THEN_LISTED}`,
  'g',
);

/** 「二〇年疫情那阵子店子关哒 冇报年报 那年就被列入」: 那年 takes up the year just named, the listing's. */
export const LISTED_THAT_YEAR = new RegExp(
  `${STORY_YEAR}${SAME_TIME}{0,30}?${alt(factLexicon().storyYear.anaphors)}${THEN_LISTED}`,
  'g',
);

/** Any calendar year, captured; a relative one names the report only with 的/度 (「去年的年报」, not 「去年年报没报」, which may date the event). */
const CAL_YEAR_ANY = `(${CAL_YEAR_SRC})`;
/** A year before this one in words (去年, 上年, 前年, 大前年: years.ts YEARS_BACK). */
const RELATIVE_YEAR = alt(PAST_YEAR_WORDS);
let reportYearRe: RegExp | undefined;
/** a report year and a joiner right before another one (「2022年度和」, 「21、」) */
// (「22年23年的年报」: two years side by side need no joiner)
const COORDINATED_YEAR_BEFORE = new RegExp(`(?:${CAL_YEAR_SRC})度?的?(?:和|与|及|跟|、|还有|\\s)?$`);
/**
 * reportYearListed: 「21年年报冇报 被列入异常」「2021年度的年报没报被列了」 name the REPORT's year; that
 * report was due by 30 June of the next year (企业信息公示暂行条例 第八条), so the listing for it
 * is in the year after. Returns the listing year.
 */
export function reportYearListed(s: string, now: Date): { year: number; pos: number } | undefined {
  const r = factLexicon().reportYearListing;
  reportYearRe ??= new RegExp(
    `(?:${CAL_YEAR_ANY}(?:度)?的?|(${RELATIVE_YEAR})(?:度的?|的))${alt(r.reportNouns)}${IN_CLAUSE}{0,3}?${alt(r.unfiled)}${THEN_LISTED}`,
  );
  const m = reportYearRe.exec(s);
  const year = m ? resolveYear(m[1] ?? m[2] ?? '', now) : undefined;
  if (!m || year === undefined || year + 1 > now.getFullYear()) return undefined;
  // 「2022年度和2023年度的年报都没报」: several reports missed; which one brought the listing, and
  // when, is not said
  if (COORDINATED_YEAR_BEFORE.test(s.slice(0, m.index))) return undefined;
  return { year: year + 1, pos: m.index };
}

/** Whether a year and the year after fall on the same side of the pilot's line (2020): either reading of it gives the same route. */
const sameSideOfPilot = (year: number) => !(year < PILOT_SINCE_YEAR && year + 1 >= PILOT_SINCE_YEAR);

let relativeYearRe: RegExp | undefined;
/**
 * relativeYearListed: 「前年冇报年报 被搞成经营异常了」 dates the listing with a year in words, which may
 * name the year of the event (listed that year) or the report (listed the next). The listing year only
 * decides which side of the pilot's line (2020) the case falls on: when both readings fall on the same
 * side, the earlier one is taken; otherwise (前年 = 2019) the year is asked.
 */
export function relativeYearListed(s: string, now: Date): { year: number; pos: number } | undefined {
  relativeYearRe ??= new RegExp(
    `(${RELATIVE_YEAR})(?![的度])${IN_CLAUSE}{0,2}?${REPORT_UNFILED}${THEN_LISTED}`,
  );
  const m = relativeYearRe.exec(s);
  const year = m ? resolveYear(m[1] ?? '', now) : undefined;
  if (!m || year === undefined || !sameSideOfPilot(year)) return undefined;
  return { year, pos: m.index };
}

let unfiledYearRe: RegExp | undefined;
/**
 * yearOfUnfiledReport: 「说是二二年那会儿年报冇报」 — a listing on record, and a year told with the report
 * not filed: the listing's year is that year or the next, read as relativeYearListed reads it (the
 * earlier year, where both fall on the same side of the pilot's line).
 */
export function yearOfUnfiledReport(s: string, now: Date): { year: number; pos: number } | undefined {
  unfiledYearRe ??= new RegExp(
    `(${YEAR_SRC})(?![的度\\d])(?:那会儿?|那年|那时候?|那阵子?|的时候)?${IN_CLAUSE}{0,2}?${REPORT_UNFILED}`,
  );
  const m = unfiledYearRe.exec(s);
  const year = m ? resolveYear(m[1] ?? '', now) : undefined;
  if (!m || year === undefined || year >= now.getFullYear() || !sameSideOfPilot(year)) return undefined;
  return { year, pos: m.index };
}
