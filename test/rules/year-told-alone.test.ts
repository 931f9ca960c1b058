// A date told by its year alone (「前年被列进去的」「去年罚的」) is held as YYYY. The waiting periods of
// 总局令第107号 are decided from it only where every day of that year gives the same answer; in between
// the day is asked, and no earliest date is named from a day nobody told.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../rules/evaluate.ts';
import { periodOver, periodState } from '../../rules/periods.ts';
import type { Facts } from '../../rules/types.ts';
import { validateFacts } from '../../rules/validate.ts';

const TODAY = '2026-12-05';
const DONE: Facts = { obligationsFulfilled: true, rectified: true };
const serious = (seriousListedDate: string): Facts => ({
  recordType: 'serious_list',
  seriousListedDate,
  ...DONE,
  laterHeavierPenalty: false,
  statutoryMeasureRunning: false,
});
const fine = (f: Facts): Facts => ({
  recordType: 'admin_penalty',
  issuedByMarketSupervision: true,
  penaltyKind: 'fine',
  fineMitigated: false,
  fineAmountYuan: 80_000,
  keySector: false,
  ...DONE,
  repeatSameTypePenalty: false,
  ...f,
});
const verdict = (f: Facts) => {
  const d = evaluate(f, { today: TODAY });
  return { eligible: d.eligible, missing: d.missing };
};

describe('a date told by its year alone', () => {
  it('decides the serious list only where the whole year is over a year ago (第十三条)', () => {
    expect(verdict(serious('2024'))).toEqual({ eligible: true, missing: [] });
    expect(verdict(serious('2025'))).toEqual({ eligible: null, missing: ['seriousListedDate'] });
    expect(verdict(serious('2026'))).toEqual({ eligible: false, missing: [] });
  });

  it('names no day it was not told: no earliest date and no end of publication from a year alone', () => {
    const d = evaluate(serious('2024'), { today: TODAY });
    expect(d.dates?.publicationEnds).toBeUndefined();
    expect(evaluate(serious('2026'), { today: TODAY }).dates?.earliestApply).toBeUndefined();
  });

  it('bounds a penalty by the year of its decision or its publication (第九条)', () => {
    expect(verdict(fine({ penaltyDecisionDate: '2025' })).eligible).toBe(true);
    expect(verdict(fine({ penaltyPublishedDate: '2025' })).eligible).toBe(true);
    // a key-sector year: published as late as January, a year may not have passed
    expect(verdict(fine({ keySector: true, penaltyDecisionDate: '2025' }))).toEqual({
      eligible: null,
      missing: ['penaltyPublishedDate'],
    });
    expect(verdict(fine({ penaltyDecisionDate: '2026' })).missing).toEqual(['penaltyPublishedDate']);
  });

  it('agrees with every day of the year wherever it decides', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2015, max: 2026 }),
        fc.constantFrom(3, 12, 36),
        fc.integer({ min: 0, max: 364 }),
        (year, months, offset) => {
          const state = periodState(String(year), months, TODAY);
          const day = new Date(Date.UTC(year, 0, 1 + offset)).toISOString().slice(0, 10);
          if (state !== undefined && day.startsWith(String(year)))
            expect(periodOver(day, months, TODAY)).toBe(state);
        },
      ),
    );
  });

  it('is a valid value of a date fact, and a year to come is not', () => {
    const now = new Date('2026-12-05T08:00:00Z');
    expect(validateFacts({ seriousListedDate: '2024' }, now).ok).toBe(true);
    expect(validateFacts({ seriousListedDate: '2027' }, now).ok).toBe(false);
    expect(validateFacts({ penaltyPublishedDate: '24' }, now).ok).toBe(false);
  });
});
