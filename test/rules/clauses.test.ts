// Each clause of DOMAIN.md §2/§5, one condition flipped at a time from a case that satisfies it.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../rules/evaluate.ts';
import type { Determination, ErrorKind, FactName, Facts } from '../../rules/types.ts';
import { minorErrorBase } from '../fixtures/facts.ts';

const REPAIR_DOCS = ['repair-application', 'credit-commitment'];

function unmetReason(d: Determination, id: string) {
  return d.reasons.find((r) => r.id === id && !r.met);
}

describe('四(三)一 容缺修复: individual or cooperative listed since 2020 for an overdue annual report', () => {
  const base: Facts = {
    entityType: 'individual',
    listed: true,
    listingReason: 'annual_report_overdue',
    listedYear: 2021,
    previousYearReportFiled: true,
  };

  it('is eligible with the two documents, decided within 5 working days of receipt', () => {
    const d = evaluate(base);
    expect(d.path).toBe('tolerant-repair-annual-report');
    expect(d.eligible).toBe(true);
    expect(d.missing).toEqual([]);
    expect(d.documents).toEqual(REPAIR_DOCS);
    expect(d.deadline).toEqual({ workingDays: 5, from: 'receipt', rule: '四(三)一' });
    expect(d.citations).toContain('四(三)一');
    expect(d.steps).toContain('submit-application');
    expect(d.steps).not.toContain('file-previous-year-paper-report');
  });

  it('counts 2020 itself as "2020年至今"', () => {
    expect(evaluate({ ...base, listedYear: 2020 })).toMatchObject({
      path: 'tolerant-repair-annual-report',
      eligible: true,
    });
  });

  it('applies to a cooperative too', () => {
    expect(evaluate({ ...base, entityType: 'cooperative' })).toMatchObject({
      path: 'tolerant-repair-annual-report',
      eligible: true,
    });
  });

  it('an enterprise goes the standard route, which needs every missing year filed', () => {
    const d = evaluate({ ...base, entityType: 'enterprise' });
    expect(d.path).toBe('standard-repair');
    expect(d.eligible).toBeNull();
    expect(d.missing).toEqual(['allOverdueReportsFiled']);
    expect(d.citations).not.toContain('四(三)一');
    expect(evaluate({ ...base, entityType: 'enterprise', allOverdueReportsFiled: true })).toMatchObject({
      path: 'standard-repair',
      eligible: true,
    });
  });

  it('listed before 2020 goes the standard route', () => {
    const d = evaluate({ ...base, listedYear: 2019 });
    expect(d.path).toBe('standard-repair');
    expect(d.missing).toEqual(['allOverdueReportsFiled']);
    const notFiled = evaluate({ ...base, listedYear: 2019, allOverdueReportsFiled: false });
    expect(notFiled).toMatchObject({ path: 'standard-repair', eligible: false, missing: [] });
    expect(notFiled.steps[0]).toBe('file-all-overdue-reports');
    expect(unmetReason(notFiled, 'all-overdue-reports-filed')).toBeDefined();
  });

  it('without the previous year paper report it is not eligible yet, and the next step is to file it', () => {
    const d = evaluate({ ...base, previousYearReportFiled: false });
    expect(d.path).toBe('tolerant-repair-annual-report');
    expect(d.eligible).toBe(false);
    expect(d.missing).toEqual([]);
    expect(unmetReason(d, 'previous-year-report-filed')).toMatchObject({
      fact: 'previousYearReportFiled',
      citation: '四(三)一',
    });
    expect(d.steps[0]).toBe('file-previous-year-paper-report');
  });

  it('with the paper report unknown, asks for it', () => {
    const { previousYearReportFiled: _, ...rest } = base;
    const d = evaluate(rest);
    expect(d).toMatchObject({ path: 'tolerant-repair-annual-report', eligible: null });
    expect(d.missing).toEqual(['previousYearReportFiled']);
  });

  it('another listing reason leaves this route', () => {
    const d = evaluate({ ...base, listingReason: 'unreachable_at_address' });
    expect(d.path).toBe('undetermined');
    expect(d.missing[0]).toBe('addressChangeRegistered');
    expect(evaluate({ ...base, listingReason: 'other' }).path).toBe('not-covered');
  });

  it('not listed at all leaves this route', () => {
    expect(evaluate({ ...base, listed: false }).path).not.toBe('tolerant-repair-annual-report');
  });
});

describe('四(三)二 容缺修复: listed as unreachable at the registered address', () => {
  const base: Facts = { entityType: 'enterprise', listed: true, listingReason: 'unreachable_at_address' };
  const table: [boolean | undefined, boolean | undefined, string, boolean | null][] = [
    [true, true, 'tolerant-repair-address-change', true],
    [true, false, 'tolerant-repair-address-change', true],
    [true, undefined, 'tolerant-repair-address-change', true],
    [false, true, 'standard-repair', true],
    [false, false, 'tolerant-repair-address-change', false],
    // not reachable there: only a change registration helps, so the route is known before the change is
    [undefined, false, 'tolerant-repair-address-change', null],
    [false, undefined, 'undetermined', null],
    [undefined, undefined, 'undetermined', null],
  ];

  it.each(table)(
    'change registered %s, reachable again %s → %s (eligible %s)',
    (change, reachable, path, eligible) => {
      const facts: Facts = { ...base };
      if (change !== undefined) facts.addressChangeRegistered = change;
      if (reachable !== undefined) facts.reachableAtRegisteredAddress = reachable;
      const d = evaluate(facts);
      expect(d.path).toBe(path);
      expect(d.eligible).toBe(eligible);
      if (eligible !== null) expect(d.missing).toEqual([]);
    },
  );

  it('with the change registered: the two documents, 5 working days, clause 四(三)二', () => {
    const d = evaluate({ ...base, addressChangeRegistered: true });
    expect(d.documents).toEqual(REPAIR_DOCS);
    // the county plan's own promise for its 容缺 route
    expect(d.deadline).toEqual({ workingDays: 5, from: 'receipt', rule: '四(三)二' });
    expect(d.citations).toContain('四(三)二');
  });

  it('reachable again without a change: standard route, counted after verification', () => {
    const d = evaluate({ ...base, addressChangeRegistered: false, reachableAtRegisteredAddress: true });
    // 总局令第107号第十四条、第十六条第一款: accepted in 2, decided 2 working days after verification
    expect(d.deadline).toEqual({
      workingDays: 2,
      from: 'verification',
      acceptanceWorkingDays: 2,
      rule: 'samr107-art16',
    });
    expect(d.steps[0]).toBe('declare-reachable-at-registered-address');
    expect(d.citations).not.toContain('四(三)二');
  });

  it('neither: the next step is to register the change', () => {
    const d = evaluate({ ...base, addressChangeRegistered: false, reachableAtRegisteredAddress: false });
    expect(unmetReason(d, 'address-change-registered')).toMatchObject({ citation: '四(三)二' });
    expect(d.steps[0]).toBe('register-address-change');
  });

  it('asks which of the two when neither is known', () => {
    expect(evaluate(base).missing[0]).toBe('addressChangeRegistered');
    expect(evaluate({ ...base, addressChangeRegistered: false }).missing).toEqual([
      'reachableAtRegisteredAddress',
    ]);
  });

  it.each(['individual', 'cooperative', undefined] as const)(
    'applies to any entity type (%s)',
    (entityType) => {
      const d = evaluate({ ...base, entityType, addressChangeRegistered: true });
      expect(d).toMatchObject({ path: 'tolerant-repair-address-change', eligible: true });
    },
  );
});

describe('standard repair for false information, unpublished instant information, unregistered name change', () => {
  it.each(['false_public_info', 'instant_info_not_published', 'name_change_not_registered'] as const)(
    '%s',
    (reason) => {
      const base: Facts = { entityType: 'enterprise', listed: true, listingReason: reason };
      expect(evaluate(base)).toMatchObject({
        path: 'standard-repair',
        eligible: null,
        missing: ['infoCorrected'],
      });
      expect(evaluate({ ...base, infoCorrected: true })).toMatchObject({
        path: 'standard-repair',
        eligible: true,
        documents: REPAIR_DOCS,
        // 总局令第107号第十六条第一款: 2 working days from acceptance (only an unreachable address from verification)
        deadline: { workingDays: 2, from: 'acceptance', acceptanceWorkingDays: 2, rule: 'samr107-art16' },
      });
      const d = evaluate({ ...base, infoCorrected: false });
      expect(d).toMatchObject({ path: 'standard-repair', eligible: false, missing: [] });
      expect(d.steps[0]).toBe('correct-listed-information');
    },
  );

  it('another listing reason is not covered', () => {
    expect(evaluate({ listed: true, listingReason: 'other' })).toMatchObject({
      path: 'not-covered',
      eligible: false,
      missing: [],
      documents: [],
    });
  });
});

const SIX_KINDS: ErrorKind[] = [
  'contact_info',
  'website_or_shop',
  'party_building_info',
  'license_info_late',
  'decimal_or_unit',
  'branch_zero_financials',
];

const EXCLUSIONS: [FactName, string][] = [
  ['safetyRelated', 'not-safety-related'],
  ['repeatedSameError', 'not-repeated-error'],
  ['majorImpactOrDispute', 'no-major-impact-or-dispute'],
  ['refusedInspection', 'cooperated-with-inspection'],
  ['missedCorrectionDeadline', 'met-correction-deadline'],
];

describe('四(四)一–六 轻微差错免列异', () => {
  describe.each(SIX_KINDS)('%s', (kind) => {
    const base = minorErrorBase(kind);

    it('is eligible with the written application; 四(四)七 marking step follows', () => {
      const d = evaluate(base);
      expect(d.path).toBe('minor-error-exemption');
      expect(d.eligible).toBe(true);
      expect(d.missing).toEqual([]);
      expect(d.documents).toEqual(['minor-error-application']);
      expect(d.steps).toContain('submit-minor-error-application');
      expect(d.steps).toContain('spot-check-marking');
      expect(d.citations).toContain('四(四)');
    });

    const flips: [string, Facts, string][] = [
      ['intentional', { intentional: true }, 'not-intentional'],
      ['adverse impact', { adverseImpact: true }, 'no-adverse-impact'],
      ['not corrected after the reminder', { correctedAfterReminder: false }, 'corrected-after-reminder'],
      ['an individual business', { entityType: 'individual' }, 'is-enterprise'],
      ['a cooperative', { entityType: 'cooperative' }, 'is-enterprise'],
    ];
    it.each(flips)('%s → not eligible', (_label, flip, reasonId) => {
      const d = evaluate({ ...base, ...flip });
      expect(d.path).toBe('minor-error-exemption');
      expect(d.eligible).toBe(false);
      expect(d.missing).toEqual([]);
      expect(unmetReason(d, reasonId)).toMatchObject({ citation: '四(四)' });
      expect(d.steps).not.toContain('spot-check-marking');
      expect(d.steps).toContain('expect-listing-procedure');
    });

    it('the same flip decides it at once, even with everything else unknown', () => {
      const d = evaluate({ listed: false, errorKind: kind, intentional: true });
      expect(d).toMatchObject({ path: 'minor-error-exemption', eligible: false, missing: [] });
    });

    it('an unsaid entity type is presumed an enterprise, and the reasons say it is a presumption', () => {
      const { entityType: _, ...unsaid } = base;
      const d = evaluate(unsaid);
      expect(d).toMatchObject({ path: 'minor-error-exemption', eligible: true, missing: [] });
      expect(d.reasons.find((r) => r.id === 'is-enterprise')).toMatchObject({ met: true, presumed: true });
      expect(evaluate(base).reasons.find((r) => r.id === 'is-enterprise')?.presumed).toBeUndefined();
    });

    it('a listed business is not on this route', () => {
      expect(evaluate({ ...base, listed: true }).path).not.toBe('minor-error-exemption');
    });

    it('asks the conditions it does not know yet', () => {
      const { correctedAfterReminder: _, ...rest } = base;
      const d = evaluate(rest);
      expect(d).toMatchObject({
        path: 'minor-error-exemption',
        eligible: null,
        missing: ['correctedAfterReminder'],
      });
    });
  });

  it('四(四)五: not the first spot check → not eligible', () => {
    const d = evaluate({ ...minorErrorBase('decimal_or_unit'), firstSpotCheck: false });
    expect(d.eligible).toBe(false);
    expect(unmetReason(d, 'first-spot-check')).toMatchObject({
      fact: 'firstSpotCheck',
      citation: '四(四)五',
    });
    expect(d.citations).toContain('四(四)五');
  });

  it('四(四)五: first spot check unknown → asked', () => {
    const { firstSpotCheck: _, ...rest } = minorErrorBase('decimal_or_unit');
    expect(evaluate(rest)).toMatchObject({ eligible: null, missing: ['firstSpotCheck'] });
  });

  it.each([
    ['isBranch', 'is-branch'],
    ['parentPublishesFinancials', 'parent-publishes-financials'],
    ['proofProvided', 'proof-provided'],
  ] as const)('四(四)六: %s false → not eligible', (fact, reasonId) => {
    const d = evaluate({ ...minorErrorBase('branch_zero_financials'), [fact]: false });
    expect(d.eligible).toBe(false);
    expect(unmetReason(d, reasonId)).toMatchObject({ fact, citation: '四(四)六' });
    expect(d.citations).toContain('四(四)六');
  });

  it('kind-specific conditions do not touch the other kinds', () => {
    const unrelated: Facts = {
      firstSpotCheck: false,
      isBranch: false,
      parentPublishesFinancials: false,
      proofProvided: false,
    };
    for (const kind of SIX_KINDS.filter((k) => k !== 'decimal_or_unit' && k !== 'branch_zero_financials')) {
      expect(evaluate({ ...minorErrorBase(kind), ...unrelated }).eligible).toBe(true);
    }
    expect(
      evaluate({ ...minorErrorBase('decimal_or_unit'), isBranch: false, proofProvided: false }).eligible,
    ).toBe(true);
    expect(evaluate({ ...minorErrorBase('branch_zero_financials'), firstSpotCheck: false }).eligible).toBe(
      true,
    );
  });

  it('an error of another kind is not covered', () => {
    expect(evaluate({ ...minorErrorBase('contact_info'), errorKind: 'other' })).toMatchObject({
      path: 'not-covered',
      eligible: false,
      missing: [],
    });
  });
});

describe('五(二)三 exclusions from 轻微差错免列异', () => {
  describe.each(EXCLUSIONS)('%s', (fact, reasonId) => {
    it.each(SIX_KINDS)('alone makes %s not eligible, named with 五(二)三', (kind) => {
      const d = evaluate({ ...minorErrorBase(kind), [fact]: true });
      expect(d.path).toBe('minor-error-exemption');
      expect(d.eligible).toBe(false);
      expect(d.missing).toEqual([]);
      expect(d.citations).toContain('五(二)三');
      const unmet = d.reasons.filter((r) => !r.met);
      expect(unmet).toEqual([{ id: reasonId, fact, met: false, citation: '五(二)三' }]);
      expect(d.steps).not.toContain('spot-check-marking');
    });

    it('decides the case at once, whatever else is unknown', () => {
      const d = evaluate({ listed: false, errorKind: 'contact_info', [fact]: true });
      expect(d).toMatchObject({ path: 'minor-error-exemption', eligible: false, missing: [] });
      expect(unmetReason(d, reasonId)).toMatchObject({ citation: '五(二)三' });
    });

    it('is asked while unknown', () => {
      const { [fact]: _, ...rest } = minorErrorBase('contact_info');
      expect(evaluate(rest)).toMatchObject({ eligible: null, missing: [fact] });
    });
  });
});

describe('四(五) 信用惩戒缓冲', () => {
  const base: Facts = {
    entityType: 'enterprise',
    listed: false,
    operatingAtRegisteredAddress: false,
    reachableByOtherMeans: true,
    otherViolations: false,
  };

  it('reachable by other means and no other violation: eligible, with a situation explanation', () => {
    const d = evaluate(base);
    expect(d).toMatchObject({ path: 'punishment-buffer', eligible: true, missing: [] });
    expect(d.documents).toEqual(['situation-explanation']);
    expect(d.citations).toContain('四(五)');
    expect(d.steps).toContain('explain-situation');
  });

  it('not reachable by other means → not eligible', () => {
    const d = evaluate({ ...base, reachableByOtherMeans: false });
    expect(d).toMatchObject({ path: 'punishment-buffer', eligible: false, missing: [] });
    expect(unmetReason(d, 'reachable-by-other-means')).toMatchObject({ citation: '四(五)' });
    expect(d.steps).not.toContain('explain-situation');
  });

  it('other violations → not eligible', () => {
    const d = evaluate({ ...base, otherViolations: true });
    expect(d).toMatchObject({ path: 'punishment-buffer', eligible: false, missing: [] });
    expect(unmetReason(d, 'no-other-violations')).toMatchObject({ citation: '四(五)' });
  });

  it('unknown conditions are asked', () => {
    const d = evaluate({ listed: false, operatingAtRegisteredAddress: false });
    expect(d).toMatchObject({ path: 'punishment-buffer', eligible: null });
    expect(d.missing).toEqual(['reachableByOtherMeans', 'otherViolations']);
  });

  it('operating at the registered address, or already listed, is not this route', () => {
    expect(evaluate({ ...base, operatingAtRegisteredAddress: true }).path).not.toBe('punishment-buffer');
    expect(evaluate({ ...base, listed: true }).path).not.toBe('punishment-buffer');
  });
});

describe('五(二)二 僵尸企业: revocation risk', () => {
  const zombie: Facts = { locatable: false, yearsWithoutAnnualReport: 2, taxFiled: false };

  it('is a warning, not an application', () => {
    const d = evaluate(zombie);
    expect(d).toMatchObject({
      path: 'revocation-risk',
      eligible: null,
      missing: [],
      documents: [],
      deadline: null,
    });
    expect(d.citations).toEqual(['五(二)二']);
    expect(d.steps[0]).toBe('revocation-act-now');
  });

  const otherwiseEligible: [string, Facts][] = [
    [
      'tolerant repair',
      {
        entityType: 'individual',
        listed: true,
        listingReason: 'annual_report_overdue',
        listedYear: 2021,
        previousYearReportFiled: true,
      },
    ],
    [
      'address change',
      { listed: true, listingReason: 'unreachable_at_address', addressChangeRegistered: true },
    ],
    ['minor error', minorErrorBase('contact_info')],
    [
      'punishment buffer',
      {
        listed: false,
        operatingAtRegisteredAddress: false,
        reachableByOtherMeans: true,
        otherViolations: false,
      },
    ],
    ['listed for another reason', { listed: true, listingReason: 'other' }],
  ];

  it.each(otherwiseEligible)('wins over an otherwise decided case (%s)', (_label, facts) => {
    expect(evaluate(facts).path).not.toBe('revocation-risk');
    expect(evaluate({ ...facts, ...zombie })).toMatchObject({ path: 'revocation-risk', missing: [] });
    expect(evaluate({ ...facts, ...zombie, yearsWithoutAnnualReport: 7 }).path).toBe('revocation-risk');
  });

  it.each([
    ['locatable', { locatable: true }],
    ['only one year without a report', { yearsWithoutAnnualReport: 1 }],
    ['tax filed', { taxFiled: true }],
  ] as const)('any one condition negated (%s) → no revocation risk', (_label, negation) => {
    const [, tolerant] = otherwiseEligible[0] as [string, Facts];
    expect(evaluate({ ...tolerant, ...zombie, ...negation })).toMatchObject({
      path: 'tolerant-repair-annual-report',
      eligible: true,
    });
    expect(evaluate({ ...zombie, ...negation }).path).not.toBe('revocation-risk');
  });

  it('once raised, the remaining revocation facts are asked first', () => {
    expect(evaluate({ locatable: false, yearsWithoutAnnualReport: 3 }).missing[0]).toBe('taxFiled');
    expect(evaluate({ taxFiled: false }).missing.slice(0, 2)).toEqual([
      'locatable',
      'yearsWithoutAnnualReport',
    ]);
  });
});
