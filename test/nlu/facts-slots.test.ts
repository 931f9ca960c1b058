// Round 3 of issue 4: wordings the patterns used to miss (QA reports and probe-b), read as slots —
// a trigger naming a task plus the verbs around it for done / not done / under way — and the
// negated and hedged forms that must not turn into the opposite fact.
import { describe, expect, it } from 'vitest';
import { understand } from '../../dialogs/nlu/index.ts';

const now = new Date('2026-11-26T12:00:00Z');
const u = (text: string) => understand(text, { now });
const facts = (text: string) => u(text).facts;

describe('facts reported missing by QA', () => {
  it('reads every overdue report filed', () => {
    expect(facts('我们公司去年没报年报进了异常名录，现在已经全部补报了')).toEqual({
      entityType: 'enterprise',
      listed: true,
      listingReason: 'annual_report_overdue',
      allOverdueReportsFiled: true,
    });
  });

  it('reads the cooperative story with a two-digit year and 被列的', () => {
    expect(facts('合作社年报忘报了，20年被列的，去年的纸质年报已经交了')).toEqual({
      entityType: 'cooperative',
      listed: true,
      listingReason: 'annual_report_overdue',
      listedYear: 2020,
      previousYearReportFiled: true,
    });
  });

  it('takes an unregistered move behind a listing as the unreachable reason', () => {
    expect(facts('地址变了没去改，被拉进异常名录了')).toMatchObject({
      listed: true,
      listingReason: 'unreachable_at_address',
      addressChangeRegistered: false,
    });
  });

  it('does not call a business that registered its move "not at the registered address"', () => {
    const f = facts('公司迁址了，营业执照地址已经换好了');
    expect(f.addressChangeRegistered).toBe(true);
    expect(f.operatingAtRegisteredAddress).toBeUndefined();
  });

  it('reads an unregistered name change that is still not registered', () => {
    expect(facts('公司改名了没去登记，还没办')).toMatchObject({ infoCorrected: false });
    expect(facts('名称变更没登记被列异常，上周已经把变更登记办完了')).toMatchObject({
      listingReason: 'name_change_not_registered',
      infoCorrected: true,
    });
  });

  it('reads short answers and stories about a corrected error', () => {
    expect(facts('已经改好了')).toEqual({ correctedAfterReminder: true });
    expect(facts('年报电话填错了，已经改了')).toMatchObject({
      errorKind: 'contact_info',
      correctedAfterReminder: true,
    });
    expect(facts('还没改呢')).toEqual({ correctedAfterReminder: false });
  });

  it('reads spot checks, web shops and phones', () => {
    expect(facts('以前被抽查过')).toEqual({ firstSpotCheck: false });
    expect(facts('第一次被抽到，小数点点错了')).toMatchObject({ firstSpotCheck: true });
    const shop = u('网店网址变了公示的还是旧的');
    expect(shop.intent).toBe('minor_error');
    expect(shop.facts).toEqual({ errorKind: 'website_or_shop' });
    expect(facts('电话也打不通')).toEqual({ reachableByOtherMeans: false });
  });
});

describe('done / not done slots', () => {
  it.each([
    ['已经去办了住所变更登记', true],
    ['迁移登记已经搞定了', true],
    ['执照上的地址已经改成新地址了', true],
    ['新址的变更登记上个月批下来了', true],
    ['地址变更正在办，还没下来', false],
    ['新地址变更登记还在走流程', false],
    ['因为住所联系不上被列了异常 执照上的地址还是老的', false],
    ['店面换了地方，还没去市场监管局变更', false],
  ])('%s → addressChangeRegistered %s', (text, value) => {
    expect(facts(text).addressChangeRegistered).toBe(value);
  });

  it('reads a licence address left as it was, away from any listing, as working elsewhere', () => {
    // no change registration is spoken of: the business works away from the registered address
    expect(facts('铺面挪到街对面去了 执照上的地址还是原来那个')).toEqual({
      operatingAtRegisteredAddress: false,
    });
    expect(facts('我们换了个门面 营业执照地址一直没动 暂时还没被列')).toMatchObject({
      operatingAtRegisteredAddress: false,
      listed: false,
    });
    expect(facts('我们换了个门面 营业执照地址一直没动')).not.toHaveProperty('addressChangeRegistered');
    // a change registration named keeps its reading
    expect(facts('厂子搬了 地址变更还没去办')).toMatchObject({ addressChangeRegistered: false });
  });

  it('leaves a question about the change, and a hedged one, unset', () => {
    expect(facts('住所变更办好了吗')).not.toHaveProperty('addressChangeRegistered');
    expect(u('地址变更好像已经办好了').hedged).toContain('addressChangeRegistered');
  });
});

describe('negated exclusions stay negative', () => {
  it.each([
    ['不涉及安全生产', 'safetyRelated', false],
    ['我们是食品加工厂', 'safetyRelated', true],
    ['没有拒绝检查', 'refusedInspection', false],
    ['没有配合抽查', 'refusedInspection', true],
    ['第一次出现这个错误', 'repeatedSameError', false],
    ['同样的问题去年也出现过', 'repeatedSameError', true],
    ['没有在责令改正期限内改正', 'missedCorrectionDeadline', true],
    ['过了期限才改', 'missedCorrectionDeadline', true],
    ['公示出错已经造成比较大的社会影响了', 'majorImpactOrDispute', true],
    ['没有造成较大的社会影响', 'majorImpactOrDispute', undefined],
    ['我们还有其他违规', 'otherViolations', true],
    ['没有别的违法违规', 'otherViolations', false],
    ['税一直正常在报', 'taxFiled', true],
    ['没报过税', 'taxFiled', false],
    ['两三年没报年报', 'yearsWithoutAnnualReport', undefined],
  ])('%s → %s %s', (text, fact, value) => {
    expect((facts(text) as Record<string, unknown>)[fact]).toBe(value);
  });
});

describe('intents reported by QA', () => {
  it.each([
    ['守信承诺书必须要吗', ['documents']],
    ['轻微差错免列异对个体户适用吗', ['minor_error', 'policy_info']],
    ['你叫什么名字', ['smalltalk']],
    ['👍', ['smalltalk']],
    ['营业执照经营范围怎么变更', ['out_of_scope']],
  ])('%s → %s', (text, intents) => {
    expect(intents).toContain(u(text).intent);
  });

  it('does not read the 么办 dialect alias into 怎么办', () => {
    expect(understand('营业执照丢了怎么办').intent).toBe('out_of_scope');
  });
});
