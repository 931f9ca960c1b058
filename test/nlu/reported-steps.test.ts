// A bare cause after a result, Chinese-numeral years, licence applications. The fact tables that were
// here are now lines of test/nlu/corpus/<fact>.jsonl.
import { describe, expect, it } from 'vitest';
import { understand } from '../../dialogs/nlu/index.ts';
import { normalize } from '../../dialogs/nlu/normalize.ts';

const now = new Date('2026-11-26T12:00:00Z');
const _facts = (text: string) => understand(text, { now }).facts as Record<string, unknown>;

describe('a missing step reported done, with no question pending', () => {
  it('a bare cause is a repair statement, not a revocation question', () => {
    expect(understand('因为没报年报', { now }).intent).toBe('repair');
  });
});

describe('numerals and licence applications', () => {
  it('reads Chinese-numeral years', () => {
    expect(normalize('两千二十二年')).toBe('2022年');
    expect(normalize('二零二二二零二三')).toBe('2022、2023');
    // four digits that are not a year stay as they are
    expect(normalize('二零二二')).toBe('二零二二');
  });
  it('applying for a business licence is out of scope', () => {
    expect(understand('个体户营业执照怎么办理', { now }).intent).toBe('out_of_scope');
  });
});
