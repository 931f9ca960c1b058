// When the routes still possible are one path and a condition they share is already unmet, the answer
// is "not yet" whichever route it is: the fact that tells them apart (a fine's sector) is not asked.
// A condition that differs between them (the waiting period) decides nothing on its own.
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

  it('a fine that may still be minor (mitigation not told) is not decided', () => {
    const d = evaluate({ ...unpaidFine, fineAmountYuan: 20_000 }, { today });
    expect(d.eligible).toBeNull();
    expect(d.missing).toContain('fineMitigated');
  });
});
