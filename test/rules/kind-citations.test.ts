import { describe, expect, it } from 'vitest';
import { evaluate } from '../../rules/evaluate.ts';
import { ERROR_KIND_CLAUSE } from '../../rules/routes.ts';
import type { ErrorKind, Facts } from '../../rules/types.ts';
import { minorErrorBase } from '../fixtures/facts.ts';

// every kind-specific condition met too, so any error kind can be swapped in
const eligibleBase: Facts = {
  ...minorErrorBase('branch_zero_financials'),
  firstSpotCheck: true,
};

describe('minor-error citations name the case of 四(四) the error falls under', () => {
  for (const [kind, clause] of Object.entries(ERROR_KIND_CLAUSE)) {
    if (!clause) continue;
    it(`${kind} cites ${clause}, and 四(四)七 once eligible`, () => {
      const d = evaluate({ ...eligibleBase, errorKind: kind as ErrorKind });
      expect(d.eligible).toBe(true);
      expect(d.citations).toContain(clause);
      expect(d.citations).toContain('四(四)七');
      const refused = evaluate({ ...eligibleBase, errorKind: kind as ErrorKind, refusedInspection: true });
      expect(refused.citations).toContain(clause);
      expect(refused.citations).not.toContain('四(四)七');
    });
  }
});

describe('a ruled-out exemption has nothing to submit', () => {
  it('minor-error exemption not eligible: no documents; eligible: the written application', () => {
    expect(evaluate({ ...eligibleBase, errorKind: 'contact_info' }).documents).toEqual([
      'minor-error-application',
    ]);
    expect(
      evaluate({ ...eligibleBase, errorKind: 'contact_info', entityType: 'individual' }).documents,
    ).toEqual([]);
  });
  it('punishment buffer not eligible: no explanation to write', () => {
    const base: Facts = {
      listed: false,
      operatingAtRegisteredAddress: false,
      reachableByOtherMeans: true,
      otherViolations: false,
    };
    expect(evaluate(base).documents).toEqual(['situation-explanation']);
    expect(evaluate({ ...base, reachableByOtherMeans: false }).documents).toEqual([]);
  });
  it('a repair route keeps its documents while a step is still to be taken', () => {
    const d = evaluate({
      entityType: 'individual',
      listed: true,
      listingReason: 'annual_report_overdue',
      listedYear: 2021,
      previousYearReportFiled: false,
    });
    expect(d.eligible).toBe(false);
    expect(d.documents).toEqual(['repair-application', 'credit-commitment']);
  });
});
