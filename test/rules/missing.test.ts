// `missing` drives the interview (DESIGN.md "One turn, as data"): the first entry is the next question.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../rules/evaluate.ts';
import type { FactName, Facts } from '../../rules/types.ts';

describe('the order of questions', () => {
  it('an empty case asks whether the business is listed', () => {
    const d = evaluate({});
    expect(d.path).toBe('undetermined');
    expect(d.eligible).toBeNull();
    expect(d.missing[0]).toBe('listed');
  });

  it('a listed business is asked why', () => {
    expect(evaluate({ listed: true }).missing[0]).toBe('listingReason');
  });

  it('an overdue annual report asks the entity type, then the year of listing', () => {
    expect(evaluate({ listed: true, listingReason: 'annual_report_overdue' }).missing[0]).toBe('entityType');
    expect(
      evaluate({ entityType: 'individual', listed: true, listingReason: 'annual_report_overdue' }).missing[0],
    ).toBe('listedYear');
    expect(
      evaluate({ entityType: 'cooperative', listed: true, listingReason: 'annual_report_overdue' })
        .missing[0],
    ).toBe('listedYear');
  });

  it('an enterprise is never asked the year for an overdue report', () => {
    const d = evaluate({ entityType: 'enterprise', listed: true, listingReason: 'annual_report_overdue' });
    expect(d.missing).toEqual(['allOverdueReportsFiled']);
  });

  it('a business not listed is asked about its error before its address', () => {
    const d = evaluate({ listed: false });
    expect(d.missing).toEqual(['errorKind', 'operatingAtRegisteredAddress']);
  });

  it('the minor-error branch lists every unknown condition, kind-specific ones included', () => {
    const d = evaluate({ listed: false, errorKind: 'branch_zero_financials' });
    expect(d.path).toBe('minor-error-exemption');
    expect(d.eligible).toBeNull();
    // entityType is presumed (enterprise) when unsaid on this route, so it is not asked
    const expected: FactName[] = [
      'correctedAfterReminder',
      'intentional',
      'adverseImpact',
      'isBranch',
      'parentPublishesFinancials',
      'proofProvided',
      'safetyRelated',
      'repeatedSameError',
      'majorImpactOrDispute',
      'refusedInspection',
      'missedCorrectionDeadline',
    ];
    expect([...d.missing].sort()).toEqual([...expected].sort());
    expect(d.missing).not.toContain('firstSpotCheck');
  });

  it('the decimal-point kind asks about the first spot check but not about branches', () => {
    const d = evaluate({ listed: false, errorKind: 'decimal_or_unit', entityType: 'enterprise' });
    expect(d.missing).toContain('firstSpotCheck');
    expect(d.missing).not.toContain('isBranch');
    expect(d.missing).not.toContain('entityType');
  });

  it('answered facts drop out of the questions', () => {
    const d = evaluate({
      listed: false,
      errorKind: 'contact_info',
      entityType: 'enterprise',
      intentional: false,
    });
    expect(d.missing).not.toContain('entityType');
    expect(d.missing).not.toContain('intentional');
    expect(d.missing[0]).toBe('correctedAfterReminder');
  });
});

describe('decided results ask nothing more', () => {
  const decided: [string, Facts][] = [
    [
      'tolerant repair, eligible',
      {
        entityType: 'individual',
        listed: true,
        listingReason: 'annual_report_overdue',
        listedYear: 2022,
        previousYearReportFiled: true,
      },
    ],
    ['standard repair, not yet', { listed: true, listingReason: 'false_public_info', infoCorrected: false }],
    [
      'address change done',
      { listed: true, listingReason: 'unreachable_at_address', addressChangeRegistered: true },
    ],
    ['minor error, intentional', { listed: false, errorKind: 'website_or_shop', intentional: true }],
    ['minor error, other kind', { listed: false, errorKind: 'other' }],
    [
      'punishment buffer, violations',
      { listed: false, operatingAtRegisteredAddress: false, otherViolations: true },
    ],
    ['revocation risk', { locatable: false, yearsWithoutAnnualReport: 3, taxFiled: false }],
    ['listed for another reason', { listed: true, listingReason: 'other' }],
  ];
  it.each(decided)('%s', (_label, facts) => {
    const d = evaluate(facts);
    expect(d.path).not.toBe('undetermined');
    expect(d.missing).toEqual([]);
  });
});
