// Working-day deadlines on the Chinese holiday calendar, make-up workdays (调休) included.
// chinese-days only knows 2004–2026 and silently treats later years as Mon–Fri, so every result
// says which years it had to guess, and extra years can be supplied (jurisdiction config).
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
  /** years the count crossed for which no holiday data exists: the date assumes plain Mon–Fri there */
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

export function isWorkingDay(day: Date, extra: ExtraCalendar = {}): boolean {
  const iso = toIso(day);
  const configured = extra[iso.slice(0, 4)];
  if (configured) {
    if (configured.workdays.includes(iso)) return true;
    if (configured.holidays.includes(iso)) return false;
    const wd = day.getUTCDay();
    return wd !== 0 && wd !== 6;
  }
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
