import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkCreditCode,
  normalizeCreditCode,
  regnoCheckDigit,
  USCC_CHARSET,
  usccCheckChar,
} from '../../rules/identifiers.ts';

describe('checkCreditCode: known codes', () => {
  it.each([
    ['91110000600037341L', 'enterprise'],
    ['91440300085948158H', 'enterprise'],
  ])('accepts the 统一社会信用代码 %s', (code, hint) => {
    expect(checkCreditCode(code)).toEqual({ ok: true, kind: 'uscc', entityHint: hint });
  });

  it('accepts the 15-digit 注册号 440301108548379', () => {
    expect(checkCreditCode('440301108548379')).toEqual({ ok: true, kind: 'regno' });
  });

  it('reads the entity type from positions 1–2 (92 个体工商户, 93 农民专业合作社)', () => {
    const individual = `92421222MA4C1DT5X${usccCheckChar('92421222MA4C1DT5X')}`;
    const coop = `93421222MA4C1DT5X${usccCheckChar('93421222MA4C1DT5X')}`;
    expect(checkCreditCode(individual)).toMatchObject({ ok: true, entityHint: 'individual' });
    expect(checkCreditCode(coop)).toMatchObject({ ok: true, entityHint: 'cooperative' });
    const other = `12421222MA4C1DT5X${usccCheckChar('12421222MA4C1DT5X')}`;
    expect(checkCreditCode(other)).toEqual({ ok: true, kind: 'uscc' });
  });

  it('normalises spaces, full-width characters and lower case before checking', () => {
    expect(normalizeCreditCode(' ９１１１００００６０００３７３４１ｌ\u3000')).toBe('91110000600037341L');
    expect(checkCreditCode(' ９１１１００００６０００３７３４１ｌ\u3000')).toMatchObject({
      ok: true,
      kind: 'uscc',
    });
    expect(checkCreditCode('91440300085948158h')).toMatchObject({ ok: true });
  });
});

describe('checkCreditCode: what is wrong', () => {
  it('empty', () => {
    expect(checkCreditCode('   ')).toMatchObject({ ok: false, problem: 'empty' });
  });

  it('length, with the actual count in the message', () => {
    const r = checkCreditCode('9111000060003734');
    expect(r).toMatchObject({ ok: false, problem: 'length' });
    expect(r.ok === false && r.message).toBe('长度应为18位（统一社会信用代码）或15位（注册号），实际16位');
  });

  it('a letter the standard leaves out, with position and character', () => {
    const r = checkCreditCode('9111000060003734IL');
    expect(r).toMatchObject({ ok: false, problem: 'charset', position: 17, char: 'I' });
    expect(r.ok === false && r.message).toBe('第17位字符「I」不允许（统一社会信用代码不使用 I、O、Z、S、V）');
  });

  it('a non-alphanumeric character', () => {
    expect(checkCreditCode('91110000-00037341L')).toMatchObject({
      ok: false,
      problem: 'charset',
      position: 9,
      char: '-',
    });
  });

  it('a wrong check character, naming the right one', () => {
    const r = checkCreditCode('91110000600037341X');
    expect(r).toMatchObject({ ok: false, problem: 'check', position: 18, char: 'X', expected: 'L' });
    expect(r.ok === false && r.message).toContain('校验位应为「L」，实际为「X」');
  });

  it('a 注册号 with a letter or a wrong check digit', () => {
    expect(checkCreditCode('44030110854837A')).toMatchObject({ ok: false, problem: 'charset', position: 15 });
    expect(checkCreditCode('440301108548378')).toMatchObject({ ok: false, problem: 'check', expected: '9' });
  });
});

const usccChar = fc.constantFrom(...USCC_CHARSET.split(''));
const prefix17 = fc.array(usccChar, { minLength: 17, maxLength: 17 }).map((a) => a.join(''));

describe('checkCreditCode: properties', () => {
  it('any 17-character prefix plus its computed check character is valid', () => {
    fc.assert(
      fc.property(prefix17, (p) => {
        expect(checkCreditCode(p + usccCheckChar(p))).toMatchObject({ ok: true, kind: 'uscc' });
      }),
    );
  });

  it('changing the check character makes the code invalid, and expected names the right one', () => {
    fc.assert(
      fc.property(prefix17, usccChar, (p, other) => {
        const right = usccCheckChar(p);
        fc.pre(other !== right);
        expect(checkCreditCode(p + other)).toMatchObject({
          ok: false,
          problem: 'check',
          expected: right,
          char: other,
        });
      }),
    );
  });

  it('changing any one of the first 17 characters is detected', () => {
    fc.assert(
      fc.property(prefix17, fc.integer({ min: 0, max: 16 }), usccChar, (p, i, c) => {
        fc.pre(p[i] !== c);
        const code = p + usccCheckChar(p);
        const changed = code.slice(0, i) + c + code.slice(i + 1);
        expect(checkCreditCode(changed).ok).toBe(false);
      }),
    );
  });

  it('any 14 digits plus the ISO 7064 MOD 11,10 check digit is a valid 注册号; other digits are not', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{14}$/), fc.integer({ min: 0, max: 9 }), (p, d) => {
        const right = regnoCheckDigit(p);
        expect(checkCreditCode(p + right)).toEqual({ ok: true, kind: 'regno' });
        if (String(d) !== right) {
          expect(checkCreditCode(p + d)).toMatchObject({ ok: false, problem: 'check', expected: right });
        }
      }),
    );
  });

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (s) => {
        const r = checkCreditCode(s);
        expect(typeof r.ok).toBe('boolean');
      }),
    );
  });
});
