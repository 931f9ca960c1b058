import { describe, expect, it } from 'vitest';
import { evaluate } from '../../rules/evaluate.ts';
import { ERROR_KIND_CLAUSE } from '../../rules/routes.ts';
import type { ErrorKind, Facts } from '../../rules/types.ts';

const eligibleBase: Facts = {
  entityType: 'enterprise',
  listed: false,
  correctedAfterReminder: true,
  intentional: false,
  adverseImpact: false,
  safetyRelated: false,
  repeatedSameError: false,
  majorImpactOrDispute: false,
  refusedInspection: false,
  missedCorrectionDeadline: false,
  firstSpotCheck: true,
  isBranch: true,
  parentPublishesFinancials: true,
  proofProvided: true,
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
