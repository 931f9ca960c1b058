// Year expressions: 2021年, 21年, 二〇二一年 (normalised earlier), 去年, 前年, 大前年, 今年.

/** Regex source matching one year expression (no capture groups of its own). */
export const YEAR_SRC =
  '(?:(?<!\\d)(?:19|20)\\d{2}(?!\\d)年?|(?<!\\d)\\d{2}年(?!度报)|大前年|前年|去年|今年)';

export function resolveYear(token: string, now: Date): number | undefined {
  const thisYear = now.getFullYear();
  const rel: Record<string, number> = { 今年: 0, 去年: 1, 前年: 2, 大前年: 3 };
  const back = rel[token];
  if (back !== undefined) return thisYear - back;
  const digits = token.match(/\d+/)?.[0];
  if (!digits) return undefined;
  let year = Number(digits);
  if (digits.length === 2) year += year + 2000 <= thisYear ? 2000 : 1900;
  // The market-supervision list exists since 2014; older or future years are misreadings.
  return year >= 2000 && year <= thisYear ? year : undefined;
}

const SMALL_NUMBERS: Record<string, number> = {
  零: 0,
  一: 1,
  两: 2,
  俩: 2,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
};

/** '两' → 2, '3' → 3, '十' → 10; undefined for anything vaguer (几, 好几). */
export function smallNumber(token: string): number | undefined {
  if (/^\d{1,2}$/.test(token)) return Number(token);
  return SMALL_NUMBERS[token];
}
