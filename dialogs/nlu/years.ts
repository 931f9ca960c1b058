// Year expressions: 2021年, 21年, 二〇二一年 (normalised earlier), 去年, 前年, 大前年, 今年.

/**
 * 「三年前」「5年前」: a year counted back from this one, by one numeral (「三四年前」「好几年前」 are
 * vaguer, 「十几年前」 too, and two digits read as a calendar year: 「19年前」 is before 2019).
 */
export const YEARS_AGO_SRC =
  '(?<![一二两三四五六七八九十几\\d])(?:[一两三四五六七八九十]|[1-9])年前(?![后年])';

/** Regex source matching one year expression (no capture groups of its own). */
export const YEAR_SRC = `(?:${YEARS_AGO_SRC}|(?<!\\d)(?:19|20)\\d{2}(?!\\d)年?|(?<!\\d)\\d{2}年(?!度报)|大前年|前年|去年|今年)`;

/** 「三年前」: a year counted back from now, told loosely (see yearsAgoStraddles). */
const YEARS_AGO = new RegExp(`^${YEARS_AGO_SRC}$`);

/** Regex source of a calendar year written in digits ("2021年", "2021", "21年"; no capture groups). */
export const CAL_YEAR_SRC = '(?:(?<!\\d)(?:19|20)\\d{2}年?|(?<!\\d)\\d{2}年)';

/** Chinese digits as owners type them and voice input writes them (shared by every date and amount reader). */
export const CHINESE_DIGIT: Readonly<Record<string, number>> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** Years named relative to this one (今年 … 大前年): how many years back. */
export const YEARS_BACK: Readonly<Record<string, number>> = {
  今年: 0,
  本年: 0,
  去年: 1,
  上年: 1,
  前年: 2,
  大前年: 3,
};

/** The words of YEARS_BACK for a year before this one (去年, 上年, 前年, 大前年). */
export const PAST_YEAR_WORDS: readonly string[] = Object.keys(YEARS_BACK).filter(
  (w) => (YEARS_BACK[w] as number) > 0,
);

/** 去年 → last year's number; undefined for anything else (own keys only: 「toString」 is text). */
export function relativeYear(word: string, thisYear: number): number | undefined {
  return Object.hasOwn(YEARS_BACK, word) ? thisYear - (YEARS_BACK[word] as number) : undefined;
}

export function resolveYear(token: string, now: Date): number | undefined {
  const thisYear = now.getFullYear();
  const relative = relativeYear(token, thisYear);
  if (relative !== undefined) return relative;
  if (YEARS_AGO.test(token)) {
    const back = smallNumber(token.slice(0, -2));
    return back === undefined ? undefined : thisYear - back;
  }
  const digits = token.match(/\d+/)?.[0];
  if (!digits) return undefined;
  let year = Number(digits);
  if (digits.length === 2) year += year + 2000 <= thisYear ? 2000 : 1900;
  // The market-supervision list exists since 2014; older or future years are misreadings.
  return year >= 2000 && year <= thisYear ? year : undefined;
}

const SMALL_NUMBERS: Record<string, number> = { ...CHINESE_DIGIT, 俩: 2, 十: 10 };

/** '两' → 2, '3' → 3, '十' → 10; undefined for anything vaguer (几, 好几). */
export function smallNumber(token: string): number | undefined {
  if (/^\d{1,2}$/.test(token)) return Number(token);
  return Object.hasOwn(SMALL_NUMBERS, token) ? SMALL_NUMBERS[token] : undefined;
}

/**
 * 「六年前被列的」 said in late 2026 may be 2020 or, rounded down, 2019: a count of years back is
 * loose by one year, so the year it names and the one before it are both possible. True when the
 * token is such a count and `line` falls between them (the year is then asked, not taken).
 */
export function yearsAgoStraddles(token: string, now: Date, line: number): boolean {
  const year = YEARS_AGO.test(token) ? resolveYear(token, now) : undefined;
  return year !== undefined && year - 1 < line && year >= line;
}
