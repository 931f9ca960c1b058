// Chat answers brought into a letter's register before they reach a template (knowledge/drafts/
// normalize.ts, dates.ts), through the same validation the chat, the CLI and the web console use.
import { describe, expect, it } from 'vitest';
import { parseDraftDate } from '../../knowledge/drafts/dates.ts';
import { extractPhone, formalSentence, normalizeAuthority } from '../../knowledge/drafts/normalize.ts';
import { validateDraftData } from '../../knowledge/drafts/validate.ts';
import { loadJurisdiction } from '../../knowledge/jurisdiction.ts';
import { checkIdNumber, idCheckChar } from '../../rules/identifiers.ts';

const TODAY = '2026-12-02'; // a Wednesday
const BUREAU = loadJurisdiction().bureau;

function field(docType: Parameters<typeof validateDraftData>[0], name: string, value: unknown) {
  const r = validateDraftData(docType, { [name]: value }, { today: TODAY });
  return r.ok ? { value: (r.data as Record<string, unknown>)[name] } : { problem: r.problems[0]?.message };
}

describe('phone numbers', () => {
  it.each([
    ['打我手机就行13907151234', '13907151234'],
    ['手机 139 0715 1234', '13907151234'],
    ['电话是0715-4321234', '0715-4321234'],
    ['（0715）4321234', '0715-4321234'],
    ['+86 139-0715-1234', '13907151234'],
  ])('%s → %s', (typed, phone) => {
    expect(field('repair-application', 'phone', typed)).toEqual({ value: phone });
  });

  it('asks again when there is no number or two different ones', () => {
    expect(field('repair-application', 'phone', '打我手机就行')).toHaveProperty('problem');
    expect(extractPhone('13907151234或者13807156789')).toBeUndefined();
    expect(field('repair-application', 'phone', '13907151234或者13807156789').problem).toContain('只写一个');
  });
});

describe('authority names', () => {
  it.each([
    ['县市场监管局', BUREAU],
    ['市场监管局', BUREAU],
    ['被县市监局列入的', BUREAU],
    ['通城市场监管局', BUREAU],
    ['市市场监管局', '咸宁市市场监督管理局'],
    ['崇阳县市场监管局', '崇阳县市场监督管理局'],
    ['县工商局', '通城县工商行政管理局'],
    ['通城县市场监督管理局隽水市场监管所', '通城县市场监督管理局隽水市场监管所'],
  ])('%s → %s', (typed, full) => {
    expect(normalizeAuthority(typed)).toEqual({ value: full });
    expect(field('repair-application', 'listingAuthority', typed)).toEqual({ value: full });
  });

  it('asks again for what is not an authority', () => {
    expect(normalizeAuthority('张三')).toEqual({ problem: 'notAuthority' });
    expect(field('repair-application', 'listingAuthority', '不知道').problem).toContain('跳过');
  });
});

describe('reasons and plans in the letter’s register', () => {
  it('「这个月底之前去办住所变更登记」 becomes a dated, formal plan', () => {
    expect(field('situation-explanation', 'plannedCorrection', '这个月底之前去办住所变更登记')).toEqual({
      value: '于2026年12月31日前办理住所（经营场所）变更登记',
    });
    expect(field('situation-explanation', 'plannedCorrection', '嗯 那个 下个月克办地址变更')).toEqual({
      value: '于2027年1月31日前办理住所（经营场所）变更登记',
    });
  });

  it('chat words, dialect and fillers leave a reason', () => {
    expect(formalSentence('我们的门面到期了 搬走了', 'reason', TODAY)).toEqual({
      value: '经营场所到期，已搬迁',
    });
    expect(formalSentence('冇得地方了 房东收回去了', 'reason', TODAY)).toEqual({
      value: '没有地方，房东收回去',
    });
  });

  it('an address typed into the reason field is refused, and the question says why', () => {
    const r = field('situation-explanation', 'reasonNotAtAddress', '湖北省咸宁市通城县隽水镇解放东路27号');
    expect(r.problem).toContain('像是一个地址');
    // a reason that mentions the new address is still a reason
    expect(
      field('situation-explanation', 'reasonNotAtAddress', '原门面到期，已搬到隽水镇解放东路27号'),
    ).toHaveProperty('value');
  });

  it('a bare phone number, 「不知道」 or a plan with nothing to do are asked again', () => {
    expect(field('situation-explanation', 'reasonNotAtAddress', '13907151234').problem).toContain('电话号码');
    expect(field('situation-explanation', 'reasonNotAtAddress', '不知道').problem).toBeDefined();
    expect(field('situation-explanation', 'plannedCorrection', '尽快吧').problem).toContain('打算做什么');
  });

  it('「打我手机就行13907151234」 as the contact sentence', () => {
    expect(field('situation-explanation', 'contactMethod', '打我手机就行13907151234')).toEqual({
      value: '联系电话13907151234',
    });
  });

  it('addresses lose their lead-ins; a text with no place in it is asked again', () => {
    expect(field('repair-application', 'address', '我们店在隽水镇银山大道118号那里')).toEqual({
      value: '隽水镇银山大道118号',
    });
    expect(field('repair-application', 'address', '就在那个菜场对面').problem).toContain('不是一个地址');
  });
});

describe('relative and partial dates, read against today', () => {
  const past = (s: string, partial = false) => parseDraftDate(s, { partial, past: true, today: TODAY });
  it.each([
    ['上个月15号', '2026-11-15'],
    ['上周三', '2026-11-25'],
    ['上星期天', '2026-11-29'],
    ['这周一', '2026-11-30'],
    ['前天', '2026-11-30'],
    ['3天前', '2026-11-29'],
    ['十一月十五号', '2026-11-15'],
    ['12月5日', '2025-12-05'],
    ['去年3月5号', '2025-03-05'],
  ])('%s → %s', (typed, iso) => {
    expect(past(typed)).toMatchObject({ iso });
  });

  it('partial dates and report years: 2025年度的, 上个月, 二〇二一年', () => {
    expect(past('2025年度的', true)).toMatchObject({ iso: '2025' });
    expect(past('上个月', true)).toMatchObject({ iso: '2026-11' });
    expect(past('二〇二一年四月', true)).toMatchObject({ iso: '2021-04' });
    expect(field('repair-application', 'reportYear', '2025年度的')).toEqual({ value: 2025 });
    expect(field('repair-application', 'reportYear', '去年的')).toEqual({ value: 2025 });
    expect(field('repair-application', 'listedDate', '2025年度的')).toEqual({ value: '2025' });
  });

  it('a future full date and nonsense are still refused', () => {
    expect(field('repair-application', 'reportFiledDate', '2026-12-20').problem).toContain('不能晚于今天');
    expect(field('repair-application', 'reportFiledDate', '下辈子').problem).toContain('格式不对');
    expect(field('minor-error-application', 'reminderDate', '上周三')).toEqual({ value: '2026-11-25' });
  });
});

describe('the agent’s ID number (GB 11643)', () => {
  it('checks the check character and the birth date', () => {
    expect(idCheckChar('11010519491231002')).toBe('X');
    expect(checkIdNumber('11010519491231002X')).toEqual({ ok: true });
    expect(checkIdNumber('11010519491231002x')).toEqual({ ok: true });
    expect(checkIdNumber('110105194912310021')).toMatchObject({ ok: false, problem: 'check' });
    expect(checkIdNumber('110105194913310028')).toMatchObject({ ok: false, problem: 'birthDate' });
    expect(checkIdNumber('1101051949123100')).toMatchObject({ ok: false, problem: 'length' });
  });

  it('a wrong number is reported as wrong, never with the character that would pass', () => {
    const r = field('agent-authorization', 'agentIdNumber', '110105194912310021');
    expect(r.problem).toContain('校验不通过');
    expect(r.problem).toContain('身份证');
    expect(r.problem).not.toContain('X');
    expect(field('agent-authorization', 'agentIdNumber', '110105 19491231 002x')).toEqual({
      value: '11010519491231002X',
    });
  });
});

describe('a wrong credit code is never “fixed” by a suggestion', () => {
  it.each(['91110000600037341X', '91110000600073341L', '440301108548378'])('%s', (code) => {
    const r = field('repair-application', 'creditCode', code);
    expect(r.problem).toContain('营业执照');
    // no character is proposed, so typing "the suggestion" cannot turn a mistyped code valid
    expect(r.problem).not.toMatch(/应为「|校验位应为|改为|正确的是/);
  });
});
