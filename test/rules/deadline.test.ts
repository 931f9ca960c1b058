// Working-day deadlines on the national holiday calendar (DOMAIN.md §1 工作日, §8 working days).
import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  type ExtraCalendar,
  hasCalendar,
  isWorkingDay,
  parseIsoDate,
} from '../../rules/deadline.ts';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('addWorkingDays', () => {
  it('crosses 国庆 2026 and counts the make-up Saturday 10-10', () => {
    expect(addWorkingDays('2026-09-28', 5)).toEqual({ date: '2026-10-10', yearsWithoutCalendar: [] });
    expect(addWorkingDays('2026-09-28', 3)).toEqual({ date: '2026-10-08', yearsWithoutCalendar: [] });
  });

  it('crosses 春节 2026 (holiday 02-15 to 02-23, make-up Saturday 02-14)', () => {
    expect(addWorkingDays('2026-02-13', 1).date).toBe('2026-02-14');
    expect(addWorkingDays('2026-02-13', 2).date).toBe('2026-02-24');
    expect(addWorkingDays('2026-02-13', 5).date).toBe('2026-02-27');
  });

  it('in a plain week five working days are a calendar week', () => {
    expect(addWorkingDays('2026-03-02', 5)).toEqual({ date: '2026-03-09', yearsWithoutCalendar: [] });
    expect(addWorkingDays('2026-03-04', 2).date).toBe('2026-03-06');
    expect(addWorkingDays('2026-03-05', 2).date).toBe('2026-03-09');
  });

  it('starting on a weekend counts from the next working day', () => {
    expect(addWorkingDays('2026-03-07', 1).date).toBe('2026-03-09');
    expect(addWorkingDays('2026-03-08', 5).date).toBe('2026-03-13');
  });

  it('zero working days is the start day itself', () => {
    expect(addWorkingDays('2026-03-07', 0)).toEqual({ date: '2026-03-07', yearsWithoutCalendar: [] });
  });

  it('accepts a Date as the start', () => {
    expect(addWorkingDays(new Date(2026, 8, 28, 15, 30), 5).date).toBe('2026-10-10');
  });

  it('says which years it had no holiday data for', () => {
    expect(addWorkingDays('2027-03-01', 3)).toEqual({ date: '2027-03-04', yearsWithoutCalendar: [2027] });
    expect(addWorkingDays('2026-12-30', 3).yearsWithoutCalendar).toEqual([2027]);
    expect(addWorkingDays('2026-12-28', 2).yearsWithoutCalendar).toEqual([]);
  });

  it('skips the fixed-date statutory holidays of a year without data, and still reports the year', () => {
    // 2026-12-31 is a Thursday; 2027-01-01 (元旦, Friday) is a day off by the 放假办法 whatever the schedule.
    expect(addWorkingDays('2026-12-31', 5)).toEqual({ date: '2027-01-08', yearsWithoutCalendar: [2027] });
    expect(addWorkingDays('2026-12-31', 1).date).toBe('2027-01-04');
    // 劳动节 2027-05-01/02 fall on a weekend; 国庆 2027-10-01 (Fri) skips to Monday 10-04.
    expect(addWorkingDays('2027-09-30', 1)).toEqual({ date: '2027-10-04', yearsWithoutCalendar: [2027] });
    expect(addWorkingDays('2028-05-01', 1).date).toBe('2028-05-03');
  });

  it('uses an extra calendar for a year the package does not know, holidays and make-up days both', () => {
    const extra: ExtraCalendar = { '2027': { holidays: ['2027-03-02'], workdays: ['2027-03-06'] } };
    expect(addWorkingDays('2027-03-01', 3, extra)).toEqual({ date: '2027-03-05', yearsWithoutCalendar: [] });
    expect(addWorkingDays('2027-03-01', 5, extra)).toEqual({ date: '2027-03-08', yearsWithoutCalendar: [] });
    expect(addWorkingDays('2027-03-01', 5).date).toBe('2027-03-08');
    expect(addWorkingDays('2027-03-01', 4).date).toBe('2027-03-05');
    expect(addWorkingDays('2027-03-01', 4, extra).date).toBe('2027-03-06');
  });

  it.each([
    ['2026-02-30', 5, /not a date: 2026-02-30 \(expected YYYY-MM-DD\)/],
    ['tomorrow', 5, /not a date/],
    ['2026/03/01', 5, /not a date/],
    ['2026-03-01', -1, /whole number from 0 to 1000, got -1/],
    ['2026-03-01', 1.5, /whole number/],
    ['2026-03-01', Number.NaN, /whole number/],
    ['2026-03-01', 1001, /whole number/],
  ])('rejects %j + %s with a RangeError that says what is expected', (start, n, message) => {
    expect(() => addWorkingDays(start, n)).toThrow(RangeError);
    expect(() => addWorkingDays(start, n)).toThrow(message);
  });

  it('rejects an invalid Date', () => {
    expect(() => addWorkingDays(new Date('nonsense'), 1)).toThrow(
      /not a date: Invalid Date \(expected YYYY-MM-DD\)/,
    );
    expect(() => addWorkingDays(new Date('nonsense'), 0)).toThrow(RangeError);
  });
});

describe('calendar helpers', () => {
  it('knows 2026 from the package and 2027 only when configured', () => {
    expect(hasCalendar(2026)).toBe(true);
    expect(hasCalendar(2027)).toBe(false);
    expect(hasCalendar(2027, { '2027': { holidays: [], workdays: [] } })).toBe(true);
  });

  it('isWorkingDay knows only the fixed-date holidays of a year without data', () => {
    for (const iso of ['2027-01-01', '2028-05-01', '2028-05-02', '2029-10-01', '2029-10-02', '2029-10-03'])
      expect(isWorkingDay(day(iso)), iso).toBe(false);
    expect(isWorkingDay(day('2027-02-08'))).toBe(true); // 春节 2027 unknown: counted as a working day
    expect(isWorkingDay(day('2027-01-01'), { '2027': { holidays: [], workdays: [] } })).toBe(true);
  });

  it('isWorkingDay follows holidays and make-up days', () => {
    expect(isWorkingDay(day('2026-10-01'))).toBe(false);
    expect(isWorkingDay(day('2026-10-10'))).toBe(true);
    expect(isWorkingDay(day('2026-10-11'))).toBe(false);
    expect(isWorkingDay(day('2026-10-12'))).toBe(true);
  });

  it('parseIsoDate accepts real dates only', () => {
    expect(parseIsoDate('2024-02-29')?.toISOString()).toBe('2024-02-29T00:00:00.000Z');
    expect(parseIsoDate('2026-02-29')).toBeNull();
    expect(parseIsoDate('2026-13-01')).toBeNull();
    expect(parseIsoDate('26-01-01')).toBeNull();
  });
});
