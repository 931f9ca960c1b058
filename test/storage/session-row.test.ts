// A session's database row keeps the undo stack (返回) as differences: it must read back exactly
// (values, unknown facts, and each entry's key order, which a 返回 message lists changes in).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSession, newSession, type Session, setFact, snapshot } from '../../dialogs/session.ts';
import { sessionFromRow, sessionRow } from '../../dialogs/storage/session-row.ts';
import type { FactName, Facts } from '../../rules/types.ts';

const NAMES = ['entityType', 'listed', 'listedYear', 'taxFiled', 'locatable', 'fineAmountYuan'] as const;
const value = fc.oneof(
  fc.boolean(),
  fc.integer({ min: 0, max: 3000 }),
  fc.constantFrom('individual', 'enterprise'),
);
const facts = fc.dictionary(fc.constantFrom(...NAMES), value) as fc.Arbitrary<Facts>;
const unknown = fc.subarray([...NAMES]) as fc.Arbitrary<FactName[]>;

/** the session as JSON keeps it: what any store gives back, with the order of every key */
const asStored = (s: Session) => JSON.stringify({ ...s, history: undefined });
/** the session with each undo entry's key order, which toEqual alone does not compare */
const exact = (s: Session | undefined) =>
  s && { ...s, history: [], undo: s.undo.map((u) => [Object.keys(u.facts), u]) };

describe('session rows', () => {
  it('read back exactly what was written, whatever the facts did between snapshots', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ facts, unknown }), { maxLength: 30 }),
        facts,
        unknown,
        (undo, now, unk) => {
          const s: Session = { ...newSession(1), facts: now, unknown: unk, undo };
          const back = sessionFromRow(sessionRow(s));
          expect(exact(back)).toEqual(exact(s));
          expect(back?.undo).toEqual(JSON.parse(asStored(s)).undo);
        },
      ),
    );
  });

  it('keep a long call well under a database page: the undo stack is not stored as whole copies', () => {
    const s = newSession(1);
    const names: [FactName, Facts[FactName]][] = [
      ['entityType', 'enterprise'],
      ['listed', true],
      ['listingReason', 'annual_report_overdue'],
      ['listedYear', 2021],
      ['yearsWithoutAnnualReport', 2],
      ['taxFiled', false],
      ['operatingAtRegisteredAddress', true],
      ['locatable', true],
      ['previousYearReportFiled', true],
      ['allOverdueReportsFiled', true],
      ['reachableAtRegisteredAddress', true],
      ['infoCorrected', true],
      ['errorKind', 'contact_info'],
      ['correctedAfterReminder', true],
      ['repeatedSameError', false],
      ['safetyRelated', false],
    ];
    for (let i = 0; i < 30; i++) {
      const [name, v] = names[i % names.length] as [FactName, Facts[FactName]];
      snapshot(s);
      setFact(s, name, (i >= names.length && typeof v === 'boolean' ? !v : v) as never);
    }
    expect(asStored(s).length).toBeGreaterThan(8000);
    expect(sessionRow(s).length).toBeLessThan(2000);
    expect(sessionFromRow(sessionRow(s))?.undo).toEqual(s.undo);
    // a release from before the differences still reads the row as a session (without its undo)
    expect(isSession({ ...JSON.parse(sessionRow(s)), history: [] })).toBe(true);
  });

  it('read rows written before, with the undo stack whole, as they are', () => {
    const s = newSession(1);
    snapshot(s);
    setFact(s, 'listed', true);
    const old = JSON.stringify({ ...s, history: undefined });
    expect(sessionFromRow(old)).toEqual({ ...s, history: undefined });
    expect(sessionFromRow('{not json')).toBeUndefined();
  });
});
