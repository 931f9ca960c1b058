// Round 4 of issue 4: the mechanisms behind the probe-c misses — a negation scope (a negator right
// before a positive statement, or after its object), synonym classes for listing verbs, report and
// correction verbs and the kinds of instant information, report filing read as a done / not-done
// slot, a cleft hedge that doubts the year but not the listing, and suppositions that state nothing.
import { describe, expect, it } from 'vitest';
import { understand } from '../../dialogs/nlu/index.ts';

const now = new Date('2026-11-26T12:00:00Z');
const facts = (text: string) => understand(text, { now }).facts;

describe('negation scope', () => {
  it('reads a denied repetition as not repeated, and a denied "first time" as repeated', () => {
    expect(facts('年报邮箱填错了，不存在重复错误')).toMatchObject({ repeatedSameError: false });
    const f = facts('党建信息写错了，也不是第一次出现这个错');
    expect(f).toMatchObject({ repeatedSameError: true });
    // the error is not the first, which says nothing about the spot check
    expect(f.firstSpotCheck).toBeUndefined();
  });

  it('reads a parent that did not publish, and a proof that cannot be produced', () => {
    expect(facts('分支机构财务数据填了0，上级没有公示')).toMatchObject({ parentPublishesFinancials: false });
    const f = facts('分公司财务报零，拿不出总公司公示的证明');
    expect(f).toMatchObject({ proofProvided: false });
    // "总公司公示的证明" names the proof; it does not state that the parent published
    expect(f.parentPublishesFinancials).toBeUndefined();
    expect(facts('不能提供总部出具的证明')).toMatchObject({ proofProvided: false });
  });

  it('reads a negation placed after its object', () => {
    expect(facts('不在注册地址经营了，电话能打通，其他违法行为也没有')).toMatchObject({
      otherViolations: false,
    });
    expect(facts('搬走了，能联系到我本人，没有违法违规记录')).toMatchObject({
      reachableByOtherMeans: true,
      otherViolations: false,
    });
  });

  it('keeps a negated verb from stating its object', () => {
    expect(facts('网店网址公示错了，也没产生纠纷')).toMatchObject({ majorImpactOrDispute: false });
    expect(facts('电话填错了，没有主观故意')).toMatchObject({ intentional: false });
    expect(facts('没有给任何人造成损失，邮编写错了')).toMatchObject({ adverseImpact: false });
  });

  it('reads the correction deadline both ways', () => {
    expect(facts('责令改正的期限内没改完')).toMatchObject({ missedCorrectionDeadline: true });
    expect(facts('没按规定期限改正')).toMatchObject({ missedCorrectionDeadline: true });
    expect(facts('公司在限期内已经完成整改')).toMatchObject({ missedCorrectionDeadline: false });
    expect(facts('邮箱填错了，过了整改期限还没改')).toMatchObject({
      missedCorrectionDeadline: true,
      correctedAfterReminder: false,
    });
  });
});

describe('synonym classes', () => {
  it('reads listings told by their cause, without 被', () => {
    expect(facts('我司因未年报列入经营异常名录')).toMatchObject({
      entityType: 'enterprise',
      listed: true,
      listingReason: 'annual_report_overdue',
    });
    expect(facts('个体户没年报进了异常')).toMatchObject({
      entityType: 'individual',
      listed: true,
      listingReason: 'annual_report_overdue',
    });
    expect(facts('公司年报晚报了被放进异常名录')).toMatchObject({ listingReason: 'annual_report_overdue' });
  });

  it('reads the kind of instant information behind a listing', () => {
    expect(facts('行政处罚信息没在期限内公示，被列入异常了')).toMatchObject({
      listed: true,
      listingReason: 'instant_info_not_published',
    });
  });

  it('reads the type of business from 我司 and 是个体的', () => {
    expect(facts('小卖部是个体的，被列异常了')).toMatchObject({ entityType: 'individual' });
    expect(facts('我司被列入异常名录了')).toMatchObject({ entityType: 'enterprise' });
    expect(facts('我是开个体小饭馆的')).toMatchObject({ entityType: 'individual' });
  });

  it('does not take a business only looked up or asked about as the user’s type', () => {
    expect(facts('在哪查公司是不是在经营异常名录里').entityType).toBeUndefined();
    expect(facts('轻微差错免列异对个体户适用吗').entityType).toBeUndefined();
  });

  it('reads tax and report years with words in between', () => {
    expect(facts('三年没报年报，税也一直没报')).toMatchObject({
      yearsWithoutAnnualReport: 3,
      taxFiled: false,
    });
    expect(facts('年报连续三年没报')).toMatchObject({ yearsWithoutAnnualReport: 3 });
    expect(facts('2022、2023两年都没年报')).toMatchObject({ yearsWithoutAnnualReport: 2 });
    expect(facts('税每个月都报的')).toMatchObject({ taxFiled: true });
    expect(facts('2023年没报年报').yearsWithoutAnnualReport).toBeUndefined();
  });
});

describe('report filing as a slot', () => {
  it('reads the previous year’s report filed or still under way', () => {
    expect(facts('合作社被列异常了，上一年度的纸质年报我们已经补齐公示')).toMatchObject({
      previousYearReportFiled: true,
    });
    expect(facts('个体户被列异常了，上年度的纸质年报目前还在准备')).toMatchObject({
      previousYearReportFiled: false,
    });
    expect(facts('上一年度的年报交了吗').previousYearReportFiled).toBeUndefined();
  });

  it('reads every overdue report filed with a quantifier in between', () => {
    expect(facts('所有拖欠的年度报告已经全部报送')).toMatchObject({ allOverdueReportsFiled: true });
  });

  it('reads "年报一直没弄" after a listing by the type of business', () => {
    expect(facts('他是个体工商户，21年被列经营异常了，年报一直没弄')).toMatchObject({
      previousYearReportFiled: false,
    });
    expect(facts('被列入异常了，年报还没补，先补年报还是先申请').previousYearReportFiled).toBeUndefined();
  });
});

describe('hedges and suppositions', () => {
  it('doubts the year of a listing told as a cleft, not the listing', () => {
    const u = understand('合作社好像是2022年被列的异常', { now });
    expect(u.facts).toMatchObject({ entityType: 'cooperative', listed: true });
    expect(u.facts.listedYear).toBeUndefined();
    expect(u.hedged).toContain('listedYear');
  });

  it('takes a supposition as no listing', () => {
    expect(facts('因为没年报被列入异常的话怎么办').listed).toBeUndefined();
  });
});
