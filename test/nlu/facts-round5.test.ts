// Round 5 of issue 4: new wordings for the facts with the lowest recall over probe-a..d (proof,
// repeated error, refusal, deadline, dispute, every report filed, back at the address, corrected
// after a reminder) and the probe-d misses, each read through a general pattern rather than a line.
import { describe, expect, it } from 'vitest';
import { understand } from '../../dialogs/nlu/index.ts';
import type { FactName } from '../../rules/types.ts';

const now = new Date('2026-11-26T12:00:00Z');
const facts = (text: string) => understand(text, { now }).facts as Record<string, unknown>;

const CASES: [string, FactName, unknown][] = [
  ['证明材料我们已经交上去了', 'proofProvided', true],
  ['总公司出具的证明还在走流程，没拿到', 'proofProvided', false],
  ['能开出总部的证明', 'proofProvided', true],
  ['证明文件暂时没有', 'proofProvided', false],
  ['这种错误我们去年也出过一次', 'repeatedSameError', true],
  ['同样的问题这是第二回了', 'repeatedSameError', true],
  ['之前从来没犯过这种错', 'repeatedSameError', false],
  ['头一回出这种差错', 'repeatedSameError', false],
  ['这个错误已经重复出现三次了', 'repeatedSameError', true],
  ['抽查时老板把检查人员拒之门外', 'refusedInspection', true],
  ['检查的时候我们拒不提供账本', 'refusedInspection', true],
  ['抽查全程配合，资料都给了', 'refusedInspection', false],
  ['抽查那天我们不肯开门', 'refusedInspection', true],
  ['过了整改期还没改好', 'missedCorrectionDeadline', true],
  ['限期改正的时间过了我们才改', 'missedCorrectionDeadline', true],
  ['规定期限内已经改过来了', 'missedCorrectionDeadline', false],
  ['在要求的时间内整改完毕', 'missedCorrectionDeadline', false],
  ['因为电话填错，客户闹到12315投诉了，产生了纠纷', 'majorImpactOrDispute', true],
  ['没有引发任何纠纷', 'majorImpactOrDispute', false],
  ['这事上了新闻，社会影响挺大', 'majorImpactOrDispute', true],
  ['没闹出什么纠纷', 'majorImpactOrDispute', false],
  ['有限公司，年报逾期被列异常，欠的几年年报都补上了', 'allOverdueReportsFiled', true],
  ['公司年报逾期被列入异常，之前漏报的年度已经全部补报', 'allOverdueReportsFiled', true],
  ['公司因为年报被列了异常，还有一年的没补', 'allOverdueReportsFiled', false],
  ['有限公司没年报被列入异常，2021、2022两年的年报都补报了', 'allOverdueReportsFiled', true],
  ['地址联系不上被列了异常，现在人已经回到注册地址办公了', 'reachableAtRegisteredAddress', true],
  ['因住所失联被列入，现在登记住所那边恢复有人值班了', 'reachableAtRegisteredAddress', true],
  ['被列入异常因为地址找不到人，现在原地址可以正常联系', 'reachableAtRegisteredAddress', true],
  ['年报电话错了，经指导已经整改到位', 'correctedAfterReminder', true],
  ['工作人员打电话提醒后，我们第二天就更正了', 'correctedAfterReminder', true],
  ['收到提醒短信以后马上去系统里改了', 'correctedAfterReminder', true],
  ['提醒我们了，但是还没顾上改', 'correctedAfterReminder', false],
  ['邮编错了，提醒之后改好啦', 'correctedAfterReminder', true],
  ['合作社年报拖了没交，被列异常了，去年纸质的年报还没补', 'previousYearReportFiled', false],
  ['分公司财务填0，母公司证明材料已提交', 'proofProvided', true],
  ['年报邮箱写错了，并非有意', 'intentional', false],
  ['年报传真号写错，我们做五金零售的，不涉及安全', 'safetyRelated', false],
  ['俩年没报年报了', 'yearsWithoutAnnualReport', 2],
  ['年报两年没弄，税倒是都有交', 'taxFiled', true],
  ['三年没年报，税务那边也没申报', 'taxFiled', false],
  ['两年没报年报，人也找得到', 'locatable', true],
  ['许可证换了以后晚了一个月才公示', 'errorKind', 'license_info_late'],
  ['股东出资的信息没按时公示，被列入异常名录，还没补公示', 'infoCorrected', false],
  ['公示信息不实被列异常了', 'listingReason', 'false_public_info'],
  ['因为其他原因被列入异常，跟年报没关系', 'listingReason', 'other'],
  ['合作社已经依法办理了住所变更登记，之前因住所联系不上被列入异常', 'addressChangeRegistered', true],
  ['我们换了办公地点，原来的住所不用了', 'operatingAtRegisteredAddress', false],
  ['可以通过邮箱或者电话联系我们，只是搬了', 'reachableByOtherMeans', true],
  ['搬走了，电话也停了，联系不上', 'reachableByOtherMeans', false],
  ['地址联系不上被挂异常，原注册地址那边也找不到我们', 'reachableAtRegisteredAddress', false],
];

describe('round 5 wordings', () => {
  it.each(CASES)('%s → %s = %s', (text, name, value) => {
    expect(facts(text)[name]).toBe(value);
  });
});

describe('short answers to the bot', () => {
  it.each(['没有呢', '是的', '不是啊', '嗯对'])(
    'takes the bare answer %s as conversation, not out of scope',
    (text) => {
      expect(understand(text, { now }).intent).toBe('smalltalk');
    },
  );
  it('files a fact-bearing answer under its topic', () => {
    expect(understand('没有其他违法', { now }).intent).toBe('address_change');
    expect(understand('税都有报', { now }).intent).toBe('revocation_risk');
  });
});

describe('what these wordings must not become', () => {
  it('keeps a bare 改 after "还没顾上" uncorrected', () => {
    expect(facts('年报电话错了，提醒我们了，但是还没顾上改').correctedAfterReminder).toBe(false);
  });
  it('gives no error kind to a listing told with its cause', () => {
    const f = facts('我们有限公司因为行政许可信息没及时公示被列进异常名录');
    expect(f.listingReason).toBe('instant_info_not_published');
    expect(f.errorKind).toBeUndefined();
  });
  it('reads "能找到我们" at the registered address after a listing as reachable there, not locatable', () => {
    const f = facts('因为注册地址找不到人被列异常了，现在搬回来了，去注册地址能找到我们');
    expect(f.reachableAtRegisteredAddress).toBe(true);
    expect(f.locatable).toBeUndefined();
  });
  it('leaves a business only looked up untyped and unlisted', () => {
    expect(facts('在哪能查到公司是不是异常状态')).toEqual({});
  });
  it('does not take "没闹出什么纠纷" as a dispute', () => {
    expect(facts('电话公示错了，没闹出什么纠纷').majorImpactOrDispute).toBe(false);
  });
  it('asks, without stating, in "会列入异常吗" unless the user has moved', () => {
    expect(facts('党建信息错了会列异常吗').listed).toBeUndefined();
    expect(facts('合作社已经不在登记住所办公了，电话能联系上，会列异常吗').listed).toBe(false);
  });
});
