// Working-day deadlines on the Chinese holiday calendar, make-up workdays (调休) included.
// chinese-days only knows 2004–2026 and silently treats later years as Mon–Fri; for such a year only
// the fixed-date holidays are certain, so every result says which years it had to guess, and extra
// years can be supplied (jurisdiction config).
import chineseDays from 'chinese-days';

export interface CalendarYear {
  /** weekdays that are days off */
  holidays: string[];
  /** weekend days that are working days (调休) */
  workdays: string[];
}
export type ExtraCalendar = Record<string, CalendarYear>;

export interface WorkingDayResult {
  /** YYYY-MM-DD */
  date: string;
  /**
   * years the count crossed for which no holiday data exists: the date assumes Mon–Fri there, less the
   * fixed-date holidays (元旦, 劳动节, 国庆节); lunar holidays and make-up days are unknown
   */
  yearsWithoutCalendar: number[];
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses YYYY-MM-DD strictly (a real calendar date), or returns null. */
export function parseIsoDate(text: string): Date | null {
  const m = ISO.exec(text.trim());
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text.trim() ? d : null;
}

const toIso = (d: Date) => d.toISOString().slice(0, 10);

const bundledYears = new Map<number, boolean>();
/** Whether chinese-days has data for a year: every real year has weekday holidays (春节 at least). */
function bundledHasYear(year: number): boolean {
  let known = bundledYears.get(year);
  if (known === undefined) {
    known = chineseDays.getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0;
    bundledYears.set(year, known);
  }
  return known;
}

export function hasCalendar(year: number, extra: ExtraCalendar = {}): boolean {
  return Boolean(extra[String(year)]) || bundledHasYear(year);
}

/**
 * Holidays on fixed solar dates per 《全国年节及纪念日放假办法》 (2024 revision, in force 2025): 元旦 1月1日,
 * 劳动节 5月1日–2日, 国庆节 10月1日–3日. Known for any year before the State Council publishes the year's
 * schedule; the lunar holidays (春节, 端午, 中秋), 清明 and the 调休 make-up days are not.
 */
const FIXED_HOLIDAYS = ['01-01', '05-01', '05-02', '10-01', '10-02', '10-03'];

export function isWorkingDay(day: Date, extra: ExtraCalendar = {}): boolean {
  const iso = toIso(day);
  const year = Number(iso.slice(0, 4));
  const configured = extra[String(year)];
  const weekday = () => day.getUTCDay() !== 0 && day.getUTCDay() !== 6;
  if (configured) {
    if (configured.workdays.includes(iso)) return true;
    if (configured.holidays.includes(iso)) return false;
    return weekday();
  }
  if (!bundledHasYear(year)) return weekday() && !FIXED_HOLIDAYS.includes(iso.slice(5));
  return chineseDays.isWorkday(iso);
}

/**
 * The date `n` working days after `start` (the start day itself is day 0, as for "within 5
 * working days of receipt").
 */
export function addWorkingDays(start: string | Date, n: number, extra: ExtraCalendar = {}): WorkingDayResult {
  const from =
    typeof start === 'string'
      ? parseIsoDate(start)
      : new Date(Date.UTC(start.getFullYear(), start.getMonth(), start.getDate()));
  if (!from || Number.isNaN(from.getTime()))
    throw new RangeError(`not a date: ${String(start)} (expected YYYY-MM-DD)`);
  if (!Number.isInteger(n) || n < 0 || n > 1000)
    throw new RangeError(`working days must be a whole number from 0 to 1000, got ${n}`);
  const day = new Date(from);
  const guessed = new Set<number>();
  const note = (d: Date) => {
    const y = d.getUTCFullYear();
    if (!hasCalendar(y, extra)) guessed.add(y);
  };
  note(day);
  let left = n;
  while (left > 0) {
    day.setUTCDate(day.getUTCDate() + 1);
    note(day);
    if (isWorkingDay(day, extra)) left--;
  }
  return { date: toIso(day), yearsWithoutCalendar: [...guessed].sort() };
}
