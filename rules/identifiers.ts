// Identifier checks of DOMAIN.md §8: the 18-character 统一社会信用代码 (GB 32100-2015) and the
// old 15-digit 工商注册号 (ISO 7064 MOD 11,10). Only charset and check character are verified:
// the registry itself is the authority on whether a code was ever issued.
//
// The `message` strings are short diagnostic codes in Chinese (rules/ stays free of prose), so every
// caller — CLI, chat, draft validation — reports the same reason.

export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export type CreditCodeKind = 'uscc' | 'regno';
export type EntityHint = 'enterprise' | 'individual' | 'cooperative';

export type CreditCodeCheck =
  | { ok: true; kind: CreditCodeKind; entityHint?: EntityHint }
  | {
      ok: false;
      problem: 'empty' | 'length' | 'charset' | 'check';
      /** 1-based position of the offending character */
      position?: number;
      char?: string;
      /** the check character the other characters call for */
      expected?: string;
      message: string;
    };

/** Trims, maps full-width ASCII (Ａ１２…) and the ideographic space to half-width, upper-cases. */
export function normalizeCreditCode(code: string): string {
  return code
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .trim()
    .toUpperCase();
}

/** The check character for the first 17 characters of a 统一社会信用代码 (which must be in the charset). */
export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_CHARSET.indexOf(first17[i] ?? '');
    if (value < 0) throw new RangeError(`not a 统一社会信用代码 character at position ${i + 1}`);
    sum += value * (USCC_WEIGHTS[i] ?? 0);
  }
  return USCC_CHARSET[(31 - (sum % 31)) % 31] as string;
}

/** The check digit for the first 14 digits of a 15-digit 注册号 (ISO 7064 MOD 11,10). */
export function regnoCheckDigit(first14: string): string {
  let p = 10;
  for (const ch of first14) {
    let s = (p + Number(ch)) % 10;
    if (s === 0) s = 10;
    p = (2 * s) % 11;
  }
  // The check digit c makes (p + c) mod 10 = 1.
  return String((11 - p) % 10);
}

const ENTITY_BY_PREFIX: Record<string, EntityHint> = {
  '91': 'enterprise',
  '92': 'individual',
  '93': 'cooperative',
};

/**
 * The kind of business a 统一社会信用代码's first two characters register (GB 32100-2015: 9 the
 * market-supervision registry, then 1 enterprise, 2 个体工商户, 3 农民专业合作社), as a user tells them
 * (「代码是93开头的」); other prefixes name no kind this bot tells apart.
 */
export function entityOfCodePrefix(prefix: string): EntityHint | undefined {
  return ENTITY_BY_PREFIX[prefix];
}

/** Describes a character for a message, so an invisible or look-alike one is still recognisable. */
function shown(ch: string): string {
  return /^[\x21-\x7e]$/.test(ch)
    ? ch
    : `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

export function checkCreditCode(input: string): CreditCodeCheck {
  const code = normalizeCreditCode(typeof input === 'string' ? input : '');
  if (code === '') return { ok: false, problem: 'empty', message: '未填写统一社会信用代码或注册号' };
  const chars = Array.from(code);
  if (chars.length !== 18 && chars.length !== 15) {
    return {
      ok: false,
      problem: 'length',
      message: `长度应为18位（统一社会信用代码）或15位（注册号），实际${chars.length}位`,
    };
  }
  if (chars.length === 15) return checkRegno(code, chars);

  for (let i = 0; i < 18; i++) {
    const ch = chars[i] as string;
    if (!USCC_CHARSET.includes(ch)) {
      const why = 'IOZSV'.includes(ch)
        ? '（统一社会信用代码不使用 I、O、Z、S、V）'
        : '（只能是数字0-9或大写字母，不含 I、O、Z、S、V）';
      return {
        ok: false,
        problem: 'charset',
        position: i + 1,
        char: ch,
        message: `第${i + 1}位字符「${shown(ch)}」不允许${why}`,
      };
    }
  }
  const expected = usccCheckChar(code.slice(0, 17));
  const actual = chars[17] as string;
  if (expected !== actual) {
    return {
      ok: false,
      problem: 'check',
      position: 18,
      char: actual,
      expected,
      message: `校验位应为「${expected}」，实际为「${actual}」，请核对营业执照上的代码`,
    };
  }
  const entityHint = ENTITY_BY_PREFIX[code.slice(0, 2)];
  return entityHint ? { ok: true, kind: 'uscc', entityHint } : { ok: true, kind: 'uscc' };
}

function checkRegno(code: string, chars: string[]): CreditCodeCheck {
  for (let i = 0; i < 15; i++) {
    const ch = chars[i] as string;
    if (!/^[0-9]$/.test(ch)) {
      return {
        ok: false,
        problem: 'charset',
        position: i + 1,
        char: ch,
        message: `第${i + 1}位字符「${shown(ch)}」不允许（15位注册号只能由数字组成）`,
      };
    }
  }
  const expected = regnoCheckDigit(code.slice(0, 14));
  const actual = chars[14] as string;
  if (expected !== actual) {
    return {
      ok: false,
      problem: 'check',
      position: 15,
      char: actual,
      expected,
      message: `校验位应为「${expected}」，实际为「${actual}」，请核对营业执照上的注册号`,
    };
  }
  return { ok: true, kind: 'regno' };
}

// 公民身份号码 (GB 11643-1999): 17 digits (6 address, 8 birth date, 3 sequence) and a check character
// from ISO 7064 MOD 11-2, 'X' standing for 10. Checked for the agent named in a 授权委托书.
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CHECK = '10X98765432';

export type IdNumberCheck =
  | { ok: true }
  | { ok: false; problem: 'empty' | 'length' | 'charset' | 'birthDate' | 'check'; message: string };

/** The check character for the first 17 digits of a 公民身份号码. */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (ID_WEIGHTS[i] ?? 0);
  return ID_CHECK[sum % 11] as string;
}

/**
 * Checks an 18-character 公民身份号码: digits, a real birth date, the check character. Like the credit
 * code, a wrong number is reported as wrong without naming the "right" check character: a mistyped
 * digit elsewhere would otherwise be "fixed" into another valid-looking number.
 */
export function checkIdNumber(input: string, today = new Date().toISOString().slice(0, 10)): IdNumberCheck {
  const id = normalizeCreditCode(typeof input === 'string' ? input : '').replace(/\s+/g, '');
  if (id === '') return { ok: false, problem: 'empty', message: '未填写身份证号码' };
  if (Array.from(id).length !== 18) {
    return {
      ok: false,
      problem: 'length',
      message: `身份证号码应为18位，实际${Array.from(id).length}位`,
    };
  }
  if (!/^\d{17}[\dX]$/.test(id)) {
    return { ok: false, problem: 'charset', message: '身份证号码前17位应为数字，最后一位为数字或X' };
  }
  const [y, m, d] = [id.slice(6, 10), id.slice(10, 12), id.slice(12, 14)].map(Number) as [
    number,
    number,
    number,
  ];
  const birth = new Date(Date.UTC(y, m - 1, d));
  const real = birth.getUTCFullYear() === y && birth.getUTCMonth() === m - 1 && birth.getUTCDate() === d;
  if (!real || y < 1900 || `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}` > today) {
    return { ok: false, problem: 'birthDate', message: '身份证号码中的出生日期（第7–14位）不是有效日期' };
  }
  if (idCheckChar(id.slice(0, 17)) !== id[17]) {
    return { ok: false, problem: 'check', message: '身份证号码校验不通过' };
  }
  return { ok: true };
}
