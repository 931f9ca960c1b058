// understand and parseAnswer are total: any string in, a well-formed result out.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INTENTS, parseAnswer, type Understanding, understand } from '../../dialogs/nlu/index.ts';
import { FACT_NAMES } from '../../rules/types.ts';
import { validateFacts } from '../../rules/validate.ts';

function wellFormed(u: Understanding) {
  expect(INTENTS).toContain(u.intent);
  expect(u.confidence).toBeGreaterThanOrEqual(0);
  expect(u.confidence).toBeLessThanOrEqual(1);
  for (const a of u.alternatives) expect(INTENTS).toContain(a.intent);
  expect(validateFacts(u.facts)).toMatchObject({ ok: true });
  for (const h of u.hedged) expect(FACT_NAMES).toContain(h);
}

const HOSTILE = [
  '',
  ' ',
  '\u0000\u0001\u001f\u007f',
  '\uD800',
  '\uDC00被列入异常\uD83D',
  '😀😀😀被列入异常名录😀',
  '被列入经营异常名录'.repeat(1200),
  'a'.repeat(10_000),
  '年'.repeat(10_000),
  '((((((((((((((((',
  '\\u0000 "}{',
  '２０２１年被列入异常', // full-width digits
  '\u202e被列异常\u202c',
];

describe('hostile input', () => {
  it.each(HOSTILE.map((s) => [s.slice(0, 20), s]))('understand(%j…) is well formed', (_label, s) => {
    wellFormed(understand(s));
    for (const fact of FACT_NAMES) expect(() => parseAnswer(fact, s)).not.toThrow();
  });

  it('never throws on arbitrary strings (fast-check)', () => {
    const domainChars = fc.constantFrom(
      ...'被列入异常名录年报个体户合作社公司没补了吗好像不清楚2021去年电话错搬地址'.split(''),
    );
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.string({ unit: domainChars, maxLength: 80 }),
      fc.string({ unit: 'grapheme', maxLength: 100 }),
    );
    fc.assert(
      fc.property(text, fc.constantFrom(...FACT_NAMES), (s, fact) => {
        wellFormed(understand(s, { pending: fact }));
        const a = parseAnswer(fact, s);
        expect(a === undefined || a === 'unknown' || ['boolean', 'number', 'string'].includes(typeof a)).toBe(
          true,
        );
      }),
      { numRuns: 300 },
    );
  });

  it('tolerates values that are not strings at run time', () => {
    wellFormed(understand(undefined as unknown as string));
    wellFormed(understand(42 as unknown as string));
    expect(parseAnswer('listed', null as unknown as string)).toBeUndefined();
  });
});
