// When the routes still possible are one path and a condition they share is already unmet, the answer
// is "not yet" whichever route it is: the fact that tells them apart (a fine's sector) is not asked.
// A condition that differs between them (the waiting period) decides nothing on its own; once every
// route is met (both waits over), the answer is "yes" whichever route it is, again without the sector.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../rules/evaluate.ts';
import type { Facts } from '../../rules/types.ts';

const unpaidFine: Facts = {
  recordType: 'admin_penalty',
  issuedByMarketSupervision: true,
  penaltyKind: 'fine',
  fineAmountYuan: 60_000,
  obligationsFulfilled: false,
};
const today = '2026-12-03';

describe('decided whichever route', () => {
  it('an unpaid fine of unknown sector is not yet repairable, without asking the sector', () => {
    const d = evaluate(unpaidFine, { today });
    expect(d).toMatchObject({ path: 'penalty-publicity-repair', eligible: false, missing: [] });
    expect(d.reasons.map((r) => [r.id, r.met])).toEqual([['obligations-fulfilled', false]]);
    // no waiting period or date of one route is told as the answer
    expect(d.dates).toBeUndefined();
    expect(d.reasons.some((r) => r.id.startsWith('route:') || r.id.startsWith('waited'))).toBe(false);
  });

  it('the same answer as once the sector is known, either way', () => {
    for (const keySector of [true, false]) {
      const known = evaluate({ ...unpaidFine, keySector }, { today });
      expect(known).toMatchObject({ path: 'penalty-publicity-repair', eligible: false });
    }
  });

  it('a paid fine still asks the sector: the waiting period depends on it', () => {
    const d = evaluate(
      { ...unpaidFine, obligationsFulfilled: true, penaltyPublishedDate: '2026-06-01' },
      { today },
    );
    expect(d.eligible).toBeNull();
    expect(d.missing).toContain('keySector');
  });

  // found by the property 'adding a fact never changes a verdict on the same route' (properties.test.ts):
  // 查无下落 told beside it reopened the case and asked the sector, though the sector known it stayed decided
  it('a revocation fact told beside it does not reopen the case, as it does not once the sector is known', () => {
    for (const raised of [{ locatable: false }, { taxFiled: false }, { yearsWithoutAnnualReport: 3 }]) {
      const d = evaluate({ ...unpaidFine, ...raised }, { today });
      expect(d).toMatchObject({ path: 'penalty-publicity-repair', eligible: false, missing: [] });
      expect(d.reasons.map((r) => [r.id, r.met])).toEqual([['obligations-fulfilled', false]]);
      expect(evaluate({ ...unpaidFine, keySector: true, ...raised }, { today }).eligible).toBe(false);
    }
    // all three told, revocation still wins
    const zombie = { locatable: false, yearsWithoutAnnualReport: 3, taxFiled: false };
    expect(evaluate({ ...unpaidFine, ...zombie }, { today }).path).toBe('revocation-risk');
  });

  it('a fine that may still be minor (mitigation not told) is not decided', () => {
    const d = evaluate({ ...unpaidFine, fineAmountYuan: 20_000 }, { today });
    expect(d.eligible).toBeNull();
    expect(d.missing).toContain('fineMitigated');
  });
});

describe('one path whichever route', () => {
  // a 9万 fine with the goods taken, paid and put right: general or key sector, it is a publicity repair
  const confiscated: Facts = {
    recordType: 'admin_penalty',
    issuedByMarketSupervision: true,
    penaltyKind: 'confiscation',
    fineAmountYuan: 90_000,
    obligationsFulfilled: true,
    rectified: true,
    repeatSameTypePenalty: false,
  };

  it('published too recently for the shortest wait: not yet, with the earliest day, sector not asked', () => {
    const d = evaluate({ ...confiscated, penaltyPublishedDate: '2026-10-20' }, { today });
    expect(d).toMatchObject({ path: 'penalty-publicity-repair', eligible: false, missing: [] });
    const waits = d.reasons.filter((r) => r.fact === 'penaltyPublishedDate');
    expect(waits).toHaveLength(1);
    // the three-month date of a general penalty, not the one-year date of a key sector
    expect(waits[0]?.values).toEqual({
      date: evaluate({ ...confiscated, keySector: false, penaltyPublishedDate: '2026-10-20' }, { today })
        .dates?.earliestApply,
    });
  });

  it('between the two waits: the path is known, eligibility waits for the sector', () => {
    const d = evaluate({ ...confiscated, penaltyPublishedDate: '2026-05-02' }, { today });
    expect(d).toMatchObject({ path: 'penalty-publicity-repair', eligible: null });
    expect(d.missing).toEqual(['keySector']);
    expect(d.reasons.some((r) => r.id.startsWith('route:'))).toBe(false);
    for (const keySector of [true, false])
      expect(
        evaluate({ ...confiscated, keySector, penaltyPublishedDate: '2026-05-02' }, { today }).eligible,
      ).toBe(!keySector);
  });

  it('published over a year ago: both waits are over, eligible whichever sector, the sector not asked', () => {
    const d = evaluate({ ...confiscated, penaltyPublishedDate: '2025-08-01' }, { today });
    expect(d).toMatchObject({ path: 'penalty-publicity-repair', eligible: true, missing: [] });
    for (const keySector of [true, false])
      expect(
        evaluate({ ...confiscated, keySector, penaltyPublishedDate: '2025-08-01' }, { today }).eligible,
      ).toBe(true);
    // the wait is told as the stricter route has it (a year holds three months too), once, and why the
    // sector does not matter
    const waits = d.reasons.filter((r) => r.fact === 'penaltyPublishedDate');
    expect(waits.map((r) => [r.id, r.met])).toEqual([['waited-one-year', true]]);
    expect(d.reasons.map((r) => r.id)).toContain('wait-over-whichever-class');
    expect(d.reasons.some((r) => r.id.startsWith('route:'))).toBe(false);
    expect(d.dates).toBeUndefined();
    // 查无下落 alone told beside it keeps it decided, as it would with the sector known
    expect(
      evaluate({ ...confiscated, penaltyPublishedDate: '2025-08-01', locatable: false }, { today }),
    ).toMatchObject({ eligible: true, missing: [] });
  });

  it('a paid, rectified fine published in April 2025, the sector never told: eligible in December 2026', () => {
    const fine: Facts = {
      recordType: 'admin_penalty',
      issuedByMarketSupervision: true,
      penaltyKind: 'fine',
      fineMitigated: false,
      fineAmountYuan: 8_000,
      penaltyPublishedDate: '2025-04-18',
      obligationsFulfilled: true,
      rectified: true,
      repeatSameTypePenalty: false,
    };
    expect(evaluate(fine, { today: '2026-12-04' })).toMatchObject({ eligible: true, missing: [] });
    // three months after publication but not a year: the sector decides it, so it is asked
    expect(evaluate(fine, { today: '2025-09-01' })).toMatchObject({ eligible: null, missing: ['keySector'] });
  });

  it('over a year ago with rectification untold: rectification is asked, not the sector', () => {
    const { rectified: _, ...open } = confiscated;
    const d = evaluate({ ...open, penaltyPublishedDate: '2025-08-01' }, { today });
    expect(d).toMatchObject({ path: 'penalty-publicity-repair', eligible: null, missing: ['rectified'] });
    // between the waits the sector still matters beside it
    expect(evaluate({ ...open, penaltyPublishedDate: '2026-05-02' }, { today }).missing).toEqual([
      'keySector',
      'rectified',
    ]);
  });

  it('a fine that may be minor is not given the repair path', () => {
    const d = evaluate(
      { ...confiscated, penaltyKind: 'fine', fineAmountYuan: 30_000, penaltyPublishedDate: '2026-05-02' },
      { today },
    );
    expect(d.path).toBe('undetermined');
  });
  it('listed before 2020 the untold type does not hold the answer back; revocation still wins on its three facts', () => {
    const listed2018: Facts = {
      listed: true,
      listingReason: 'annual_report_overdue',
      listedYear: 2018,
      allOverdueReportsFiled: true,
    };
    // every type takes the standard route with the same condition (DOMAIN.md §5), as an enterprise does
    expect(evaluate(listed2018, { today })).toMatchObject({ path: 'standard-repair', eligible: true });
    expect(evaluate({ ...listed2018, entityType: 'enterprise' }, { today })).toMatchObject({
      path: 'standard-repair',
      eligible: true,
    });
    expect(evaluate({ ...listed2018, allOverdueReportsFiled: false }, { today })).toMatchObject({
      path: 'standard-repair',
      eligible: false,
    });
    expect(
      evaluate({ ...listed2018, yearsWithoutAnnualReport: 2, locatable: false, taxFiled: false }, { today })
        .path,
    ).toBe('revocation-risk');
  });
});
