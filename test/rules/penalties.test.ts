// Published penalties and the serious list under 《市场监督管理信用修复管理办法》（总局令第107号）:
// the classes of 第七条–第九条, the waiting periods counted to the day the rules are applied, the
// conditions of 第十一条 and 第十三条, and the deadlines of 第十四条、第十六条.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addWorkingDays } from '../../rules/deadline.ts';
import { evaluate } from '../../rules/evaluate.ts';
import { addMonths, dayAfterPeriod } from '../../rules/periods.ts';
import { penaltyClass } from '../../rules/routes.ts';
import type { Facts } from '../../rules/types.ts';

const TODAY = '2026-12-02';
const penalty = (f: Facts): Facts => ({ recordType: 'admin_penalty', issuedByMarketSupervision: true, ...f });
const DONE: Facts = { obligationsFulfilled: true, rectified: true, repeatSameTypePenalty: false };
const GENERAL_FINE: Facts = penalty({
  penaltyKind: 'fine',
  fineMitigated: false,
  fineAmountYuan: 80_000,
  keySector: false,
});

describe('the class of a penalty (第七条–第九条)', () => {
  it.each([
    [{ penaltyKind: 'warning' }, 'minor'],
    [{ penaltyKind: 'criticism' }, 'minor'],
    [{ penaltyKind: 'fine', fineMitigated: true, fineAmountYuan: 50_000 }, 'minor'],
    [{ penaltyKind: 'fine', fineMitigated: true, fineAmountYuan: 50_001, keySector: false }, 'general'],
    [{ penaltyKind: 'fine', fineMitigated: false, fineAmountYuan: 1_000, keySector: false }, 'general'],
    [{ penaltyKind: 'fine', fineMitigated: false, fineAmountYuan: 1_000, keySector: true }, 'key-sector'],
    // a minor penalty stays minor in a key sector: 第八条第一项 excludes 第七条
    [{ penaltyKind: 'fine', fineMitigated: true, fineAmountYuan: 20_000, keySector: true }, 'minor'],
    [{ penaltyKind: 'confiscation', keySector: false }, 'general'],
    [{ penaltyKind: 'restriction' }, 'restriction'],
    [{ penaltyKind: 'revocation' }, 'revocation'],
  ] as [Facts, string][])('%o → %s', (facts, cls) => {
    expect(penaltyClass(facts)).toEqual({ cls, unknown: [] });
  });

  it('asks only what can still change the class: the amount first, then 从轻/减轻, then the sector', () => {
    expect(penaltyClass({ penaltyKind: 'fine' }).unknown).toEqual(['fineAmountYuan', 'fineMitigated']);
    expect(penaltyClass({ penaltyKind: 'fine', fineAmountYuan: 60_000 }).unknown).toEqual(['keySector']);
    expect(penaltyClass({ penaltyKind: 'fine', fineAmountYuan: 30_000 }).unknown).toEqual(['fineMitigated']);
    expect(penaltyClass({ penaltyKind: 'fine', fineMitigated: false }).unknown).toEqual(['keySector']);
  });
});

describe('routes', () => {
  it("another department's penalty is not ours: 信用中国 and the deciding department", () => {
    const d = evaluate({ recordType: 'admin_penalty', issuedByMarketSupervision: false }, { today: TODAY });
    expect(d).toMatchObject({ path: 'not-covered', eligible: false, missing: [], documents: [] });
    expect(d.steps).toEqual(['repair-through-credit-china', 'ask-deciding-department']);
    expect(d.citations).toContain('ndrc-credit-repair');
  });

  it('a penalty story starts with who fined and how', () => {
    expect(evaluate({ recordType: 'admin_penalty' }, { today: TODAY }).missing).toEqual([
      'issuedByMarketSupervision',
      'penaltyKind',
    ]);
  });

  it('a minor penalty runs out by itself after 3 months; a warning is not published at all', () => {
    const d = evaluate(penalty({ penaltyKind: 'criticism', penaltyPublishedDate: '2026-10-10' }), {
      today: TODAY,
    });
    expect(d).toMatchObject({ path: 'penalty-auto-expiry', eligible: false, missing: [], documents: [] });
    expect(d.dates).toEqual({ publicationEnds: '2027-01-11' });
    const w = evaluate(penalty({ penaltyKind: 'warning' }), { today: TODAY });
    expect(w.reasons.map((r) => r.id)).toContain('warning-not-published');
    expect(w.dates).toBeUndefined();
    // nothing published, so no publication to wait out: the step says so instead
    expect(d.steps).toContain('wait-for-publication-to-end');
    expect(w.steps).toEqual(['warning-not-published', 'keep-clean-record']);
  });

  it('a revocation cannot be repaired; publication ends after 3 years', () => {
    const d = evaluate(penalty({ penaltyKind: 'revocation', penaltyPublishedDate: '2025-04-01' }), {
      today: TODAY,
    });
    expect(d).toMatchObject({ path: 'penalty-not-repairable', eligible: false, missing: [], documents: [] });
    expect(d.dates).toEqual({ publicationEnds: '2028-04-02' });
    expect(d.citations).toEqual(['samr107-art8']);
  });

  it('a general penalty: apply after 3 months, with the 第十一条 conditions', () => {
    const facts = { ...GENERAL_FINE, ...DONE, penaltyPublishedDate: '2026-07-01' };
    const d = evaluate(facts, { today: TODAY });
    expect(d).toMatchObject({ path: 'penalty-publicity-repair', eligible: true, missing: [] });
    expect(d.documents).toEqual(['repair-application', 'credit-commitment']);
    expect(d.steps).toContain('gather-penalty-proof');
    expect(d.citations).toEqual(expect.arrayContaining(['samr107-art9', 'samr107-art11', 'samr107-art16']));
    expect(d.deadline).toEqual({
      workingDays: 7,
      from: 'acceptance',
      acceptanceWorkingDays: 2,
      extensionWorkingDays: 10,
      rule: 'samr107-art16',
    });
  });

  it('waiting is the only obstacle: not eligible, with the earliest day to apply', () => {
    const facts = { ...GENERAL_FINE, ...DONE, penaltyPublishedDate: '2026-10-15' };
    const d = evaluate(facts, { today: TODAY });
    expect(d).toMatchObject({ path: 'penalty-publicity-repair', eligible: false, missing: [] });
    expect(d.dates).toEqual({ earliestApply: '2027-01-16' });
    expect(d.reasons).toContainEqual(
      expect.objectContaining({ id: 'waited-three-months', met: false, values: { date: '2027-01-16' } }),
    );
    // on that day it is open
    expect(evaluate(facts, { today: '2027-01-16' }).eligible).toBe(true);
    expect(evaluate(facts, { today: '2027-01-15' }).eligible).toBe(false);
  });

  it('the food example: 1 year after publication', () => {
    const facts = penalty({
      penaltyKind: 'fine',
      fineAmountYuan: 20_000,
      fineMitigated: false,
      keySector: true,
      penaltyPublishedDate: '2026-03-31',
      ...DONE,
    });
    const d = evaluate(facts, { today: TODAY });
    expect(d).toMatchObject({ path: 'penalty-publicity-repair', eligible: false });
    expect(d.dates?.earliestApply).toBe('2027-04-01');
    expect(d.citations).toContain('samr107-art8');
  });

  it('a restriction needs 1 year and the restriction ended', () => {
    const base = penalty({ penaltyKind: 'restriction', penaltyPublishedDate: '2025-06-01', ...DONE });
    expect(evaluate({ ...base, restrictionEnded: false }, { today: TODAY }).eligible).toBe(false);
    expect(evaluate({ ...base, restrictionEnded: true }, { today: TODAY }).eligible).toBe(true);
    expect(evaluate(base, { today: TODAY })).toMatchObject({ eligible: null, missing: ['restrictionEnded'] });
  });

  it.each([
    ['obligationsFulfilled', false],
    ['rectified', false],
    ['repeatSameTypePenalty', true],
  ] as const)('%s = %s rules the repair out at once', (fact, value) => {
    const d = evaluate(
      { ...GENERAL_FINE, penaltyPublishedDate: '2026-01-10', [fact]: value },
      { today: TODAY },
    );
    expect(d).toMatchObject({ path: 'penalty-publicity-repair', eligible: false, missing: [] });
    expect(d.reasons).toContainEqual(
      expect.objectContaining({ fact, met: false, citation: 'samr107-art11' }),
    );
  });

  describe('only the decision date told: it bounds the publication (公示规定 第九条、第十条: within 20 working days)', () => {
    const decided = (day: string): Facts => ({ ...GENERAL_FINE, ...DONE, penaltyDecisionDate: day });

    it('3 months past the latest day of publication: the wait is over, and the answer says how it counted', () => {
      // decided 2026-04-16, published by 2026-05-18 (20 working days, 劳动节 off), open from 2026-08-19
      const d = evaluate(decided('2026-04-16'), { today: TODAY });
      expect(d).toMatchObject({ path: 'penalty-publicity-repair', eligible: true, missing: [] });
      expect(d.reasons).toContainEqual(
        expect.objectContaining({
          id: 'wait-counted-from-decision',
          values: { decided: '2026-04-16', publishedBy: '2026-05-18' },
        }),
      );
      expect(evaluate(decided('2026-04-16'), { today: '2026-08-19' }).eligible).toBe(true);
      expect(evaluate(decided('2026-04-16'), { today: '2026-08-18' }).eligible).toBeNull();
    });

    it('not 3 months since the decision: not yet, whenever it was published', () => {
      const d = evaluate(decided('2026-10-25'), { today: TODAY });
      expect(d).toMatchObject({ eligible: false, missing: [] });
      expect(d.reasons).toContainEqual(expect.objectContaining({ id: 'waited-three-months', met: false }));
    });

    it('in between, the publication date decides: it is asked', () => {
      expect(evaluate(decided('2026-08-20'), { today: TODAY })).toMatchObject({
        eligible: null,
        missing: ['penaltyPublishedDate'],
      });
    });

    it('a publication date told counts, not the decision', () => {
      const f = { ...decided('2026-04-16'), penaltyPublishedDate: '2026-10-01' };
      expect(evaluate(f, { today: TODAY }).eligible).toBe(false);
    });

    it('the sector untold and the decision too recent for either wait: not yet, saying how it counted', () => {
      const { keySector: _, ...f } = decided('2026-10-25');
      const d = evaluate(f, { today: TODAY });
      expect(d).toMatchObject({ eligible: false, missing: [] });
      expect(d.reasons.map((r) => r.id)).toContain('wait-counted-from-decision');
    });

    it('a year without a holiday calendar bounds nothing from above', () => {
      const d = evaluate(decided('2027-03-01'), { today: '2027-06-10' });
      expect(d).toMatchObject({ eligible: null, missing: ['penaltyPublishedDate'] });
      expect(d.reasons.map((r) => r.id)).toContain('wait-counted-from-decision-no-calendar');
    });
  });

  it('published before 107 took effect: the answer says so', () => {
    const d = evaluate({ ...GENERAL_FINE, ...DONE, penaltyPublishedDate: '2025-10-01' }, { today: TODAY });
    expect(d.reasons.map((r) => r.id)).toEqual(
      expect.arrayContaining(['published-before-107', 'publication-should-have-ended']),
    );
  });

  it('the serious list: 1 year, then the 第十三条 conditions; removed at 3 years', () => {
    const base: Facts = { recordType: 'serious_list', seriousListedDate: '2025-09-01' };
    const ok = {
      ...base,
      obligationsFulfilled: true,
      rectified: true,
      laterHeavierPenalty: false,
      statutoryMeasureRunning: false,
    };
    const d = evaluate(ok, { today: TODAY });
    expect(d).toMatchObject({ path: 'serious-list-early-removal', eligible: true, missing: [] });
    expect(d.dates).toEqual({ publicationEnds: '2028-09-02' });
    expect(evaluate({ ...ok, statutoryMeasureRunning: true }, { today: TODAY }).eligible).toBe(false);
    expect(evaluate({ ...ok, laterHeavierPenalty: true }, { today: TODAY }).eligible).toBe(false);
    const early = evaluate({ ...ok, seriousListedDate: '2026-05-20' }, { today: TODAY });
    expect(early).toMatchObject({ eligible: false, dates: { earliestApply: '2027-05-21' } });
    expect(evaluate(base, { today: TODAY }).missing).toEqual([
      'obligationsFulfilled',
      'rectified',
      'laterHeavierPenalty',
      'statutoryMeasureRunning',
    ]);
  });
});

describe('calendar periods (民法典第二百零一条、第二百零二条 by analogy)', () => {
  it('ends on the corresponding day, or the month end where there is none', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(dayAfterPeriod('2025-11-30', 3)).toBe('2026-03-01');
    expect(dayAfterPeriod('2026-09-02', 3)).toBe('2026-12-03');
  });
});

describe('the county (inJurisdiction) and agents', () => {
  const listed: Facts = {
    listed: true,
    listingReason: 'annual_report_overdue',
    entityType: 'individual',
    listedYear: 2021,
  };

  it('registered elsewhere: no 容缺; the national route, at the home bureau', () => {
    const d = evaluate({ ...listed, previousYearReportFiled: true, inJurisdiction: false });
    expect(d).toMatchObject({ path: 'standard-repair', eligible: null, missing: ['allOverdueReportsFiled'] });
    const e = evaluate({ ...listed, allOverdueReportsFiled: true, inJurisdiction: false });
    expect(e).toMatchObject({ path: 'standard-repair', eligible: true });
    expect(e.steps).toContain('submit-at-registration-bureau');
    expect(e.steps).not.toContain('submit-application');
    expect(e.citations).not.toContain('四(三)一');
  });

  it('inJurisdiction absent or true keeps the pilot route', () => {
    for (const inJurisdiction of [undefined, true])
      expect(evaluate({ ...listed, previousYearReportFiled: true, inJurisdiction }).path).toBe(
        'tolerant-repair-annual-report',
      );
  });

  it('not listed elsewhere: the county exemptions are not covered', () => {
    expect(evaluate({ listed: false, errorKind: 'contact_info', inJurisdiction: false })).toMatchObject({
      path: 'not-covered',
      eligible: false,
      missing: [],
    });
    expect(
      evaluate({ listed: false, operatingAtRegisteredAddress: false, inJurisdiction: false }),
    ).toMatchObject({
      path: 'not-covered',
      eligible: false,
    });
  });

  it('revocation risk still applies elsewhere', () => {
    expect(
      evaluate({ inJurisdiction: false, locatable: false, yearsWithoutAnnualReport: 2, taxFiled: false })
        .path,
    ).toBe('revocation-risk');
  });

  it('an agent adds the 授权委托书 and the ID step on every route with papers, and nowhere else', () => {
    const d = evaluate({ ...listed, previousYearReportFiled: true, applicantIsAgent: true });
    expect(d.documents).toEqual(['repair-application', 'credit-commitment', 'agent-authorization']);
    expect(d.steps.indexOf('agent-brings-id')).toBe(d.steps.indexOf('submit-application') - 1);
    const none = evaluate(penalty({ penaltyKind: 'warning', applicantIsAgent: true }), { today: TODAY });
    expect(none.documents).toEqual([]);
    expect(none.steps).not.toContain('agent-brings-id');
  });
});

describe('never eligible while a condition is unmet or unknown (new routes)', () => {
  const bool = fc.option(fc.boolean(), { nil: undefined });
  const date = fc.option(
    fc.constantFrom('2024-11-30', '2025-08-31', '2025-12-02', '2026-09-02', '2026-11-30'),
    {
      nil: undefined,
    },
  );
  const facts = fc.record(
    {
      recordType: fc.constantFrom('admin_penalty', 'serious_list'),
      issuedByMarketSupervision: bool,
      penaltyKind: fc.option(
        fc.constantFrom('warning', 'criticism', 'fine', 'confiscation', 'restriction', 'revocation'),
        { nil: undefined },
      ),
      fineMitigated: bool,
      fineAmountYuan: fc.option(fc.constantFrom(0, 5_000, 50_000, 50_001, 200_000), { nil: undefined }),
      keySector: bool,
      penaltyPublishedDate: date,
      penaltyDecisionDate: date,
      seriousListedDate: date,
      restrictionEnded: bool,
      obligationsFulfilled: bool,
      rectified: bool,
      repeatSameTypePenalty: bool,
      laterHeavierPenalty: bool,
      statutoryMeasureRunning: bool,
    },
    { requiredKeys: ['recordType'] },
  ) as fc.Arbitrary<Facts>;
  const today = fc.constantFrom('2026-03-02', '2026-12-02', '2027-12-03');

  it('eligible: true only when every condition of the route is known and holds', () => {
    fc.assert(
      fc.property(facts, today, (f, day) => {
        const d = evaluate(f, { today: day });
        if (d.eligible !== true) return;
        expect(d.missing).toEqual([]);
        expect(f.obligationsFulfilled).toBe(true);
        expect(f.rectified).toBe(true);
        if (d.path === 'serious-list-early-removal') {
          expect(f.laterHeavierPenalty).toBe(false);
          expect(f.statutoryMeasureRunning).toBe(false);
          expect(f.seriousListedDate && dayAfterPeriod(f.seriousListedDate, 12) <= day).toBeTruthy();
          return;
        }
        expect(d.path).toBe('penalty-publicity-repair');
        expect(f.issuedByMarketSupervision).toBe(true);
        expect(f.repeatSameTypePenalty).toBe(false);
        // the class may be left open (the sector untold) only where every class it may be is met
        const c = penaltyClass(f);
        const classes = c.cls ? [c.cls] : (c.possible ?? []);
        expect(classes.length).toBeGreaterThan(0);
        for (const cls of classes) {
          const months = cls === 'general' ? 3 : 12;
          expect(['general', 'key-sector', 'restriction']).toContain(cls);
          // from publication, or where only the decision is dated, from the latest day it was published
          const from =
            f.penaltyPublishedDate ??
            (f.penaltyDecisionDate && addWorkingDays(f.penaltyDecisionDate, 20).date);
          expect(from && dayAfterPeriod(from, months) <= day).toBeTruthy();
          if (cls === 'restriction') expect(f.restrictionEnded).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('an untold sector decides nothing: the result is the one both sectors give when they agree', () => {
    // answers to the other questions still open (all yes/no once the path is known)
    const later = fc.record({
      obligationsFulfilled: fc.boolean(),
      rectified: fc.boolean(),
      repeatSameTypePenalty: fc.boolean(),
      restrictionEnded: fc.boolean(),
    });
    fc.assert(
      fc.property(facts, today, later, (f, day, answers) => {
        if (f.keySector !== undefined) return;
        const d = evaluate(f, { today: day });
        const bySector = (more: Facts) =>
          [true, false].map((keySector) => evaluate({ ...f, ...more, keySector }, { today: day }).eligible);
        if (d.eligible !== null) expect(bySector({})).toEqual([d.eligible, d.eligible]);
        // left out of a penalty's open questions, the sector cannot change the outcome whatever the
        // other answers are
        if (
          d.eligible === null &&
          d.path === 'penalty-publicity-repair' &&
          !d.missing.includes('keySector')
        ) {
          const more = Object.fromEntries(
            d.missing.filter((m) => m in answers).map((m) => [m, answers[m as keyof typeof answers]]),
          ) as Facts;
          const [key, general] = bySector(more);
          expect(key).toBe(general);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('a decided penalty or serious-list result asks nothing more; an open one asks something', () => {
    fc.assert(
      fc.property(facts, today, (f, day) => {
        const d = evaluate(f, { today: day });
        if (d.eligible === null) expect(d.missing.length).toBeGreaterThan(0);
        else expect(d.missing).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });
});
