// Waiting periods of 《市场监督管理信用修复管理办法》（总局令第107号） counted on the calendar: a period of
// months or years starts the day after publication and ends on the corresponding day of the last month
// (《民法典》第二百零一条、第二百零二条; no corresponding day → the month's last day), so the earliest day
// to apply is the day after that. The day the rules are applied comes from the caller (check --date, a
// scenario's date, today in a conversation), never from the clock inside the rules.

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(iso: string): [number, number, number] {
  const m = ISO.exec(iso);
  if (!m) throw new RangeError(`not a date: ${iso} (expected YYYY-MM-DD)`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The corresponding day `months` later; the month's last day when it has no such day (31 Jan + 1 → 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return iso(new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, lastDay))));
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date);
  return iso(new Date(Date.UTC(y, m - 1, d + days)));
}

/** The last day of a period of `months` that starts the day after `from`. */
export function periodEnd(from: string, months: number): string {
  return addMonths(from, months);
}

/** The first day after a period of `months` from `from` has run out: the earliest day to apply. */
export function dayAfterPeriod(from: string, months: number): string {
  return addDays(periodEnd(from, months), 1);
}

/** Whether a period of `months` from `from` has run out on `today` (all YYYY-MM-DD). */
export function periodOver(from: string, months: number, today: string): boolean {
  return today >= dayAfterPeriod(from, months);
}

/**
 * A date told by its year alone (「前年被列入的」「24年罚的」) is held as YYYY. Its period is over once it
 * is over counted from the year's last day, and not over while it is not over from its first day; in
 * between it rests on the day, which is asked.
 */
const YEAR_ONLY = /^\d{4}$/;
export const isYearOnly = (date: string): boolean => YEAR_ONLY.test(date);
/** The first day a date may mean: the date itself, or 1 January of a year told alone. */
export const firstDayOf = (date: string): string => (isYearOnly(date) ? `${date}-01-01` : date);
/** The last day a date may mean: the date itself, or 31 December of a year told alone. */
export const lastDayOf = (date: string): string => (isYearOnly(date) ? `${date}-12-31` : date);

/** Whether a period from a date, or from a year told alone, is over on `today`; undefined if that rests on the day. */
export function periodState(from: string, months: number, today: string): boolean | undefined {
  if (periodOver(lastDayOf(from), months, today)) return true;
  if (!periodOver(firstDayOf(from), months, today)) return false;
  return undefined;
}

/** Today's date where the bot's users are (China, UTC+8), as YYYY-MM-DD. */
export function chinaToday(now: Date = new Date()): string {
  return iso(new Date(now.getTime() + 8 * 3600_000));
}
