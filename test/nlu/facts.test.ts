// Facts from free text: negation, hedges, questions, relative years, a pending question's answer.
import { describe, expect, it } from 'vitest';
import { understand } from '../../dialogs/nlu/index.ts';

const now = new Date('2026-03-15T12:00:00Z');
const facts = (text: string, opts: Parameters<typeof understand>[1] = {}) =>
  understand(text, { now, ...opts }).facts;

describe('facts from text', () => {
  it('reads the full cooperative story', () => {
    const u = understand('我们合作社2022年没报年报被列了，上一年的纸质年报已经补报公示了', { now });
    expect(u.intent).toBe('repair');
    expect(u.facts).toEqual({
      entityType: 'cooperative',
      listed: true,
      listingReason: 'annual_report_overdue',
      listedYear: 2022,
      previousYearReportFiled: true,
    });
  });

  it('turns negations into false', () => {
    expect(facts('公司被列入异常了，还没办地址变更')).toMatchObject({ addressChangeRegistered: false });
    expect(facts('个体户被列异常，还没有补报去年的纸质年报')).toMatchObject({
      previousYearReportFiled: false,
    });
    expect(facts('我们还没被列入经营异常名录，年报电话写错了')).toMatchObject({
      listed: false,
      errorKind: 'contact_info',
    });
    expect(facts('提醒以后还没改')).toMatchObject({ correctedAfterReminder: false });
    expect(facts('两年没报年报也没报税')).toEqual({ yearsWithoutAnnualReport: 2, taxFiled: false });
    expect(facts('不是故意填错的，也没造成什么影响')).toMatchObject({
      intentional: false,
      adverseImpact: false,
    });
  });

  it('keeps hedged statements out of the facts', () => {
    const u = understand('被列入异常名录了，好像是2021年被列的，原因不清楚是不是年报', { now });
    expect(u.facts).toEqual({ listed: true });
    expect(u.hedged).toEqual(expect.arrayContaining(['listedYear']));
    const v = understand('地址变更好像已经办好了', { now });
    expect(v.facts.addressChangeRegistered).toBeUndefined();
    expect(v.hedged).toContain('addressChangeRegistered');
  });

  it('reads a question about being listed as "not listed yet" only for the asker', () => {
    expect(facts('我们搬走了，但是电话能联系到，会被列入异常吗')).toMatchObject({
      listed: false,
      operatingAtRegisteredAddress: false,
      reachableByOtherMeans: true,
    });
    expect(facts('党建信息公示错了会列异常吗').listed).toBeUndefined();
    expect(facts('怎么查是否被列入经营异常名录').listed).toBeUndefined();
    expect(facts('我们公司现在还在异常名录上吗').listed).toBeUndefined();
    expect(facts('轻微差错能免列异吗').listed).toBeUndefined();
  });

  it('resolves relative years against now', () => {
    expect(facts('去年被列入经营异常名录').listedYear).toBe(2025);
    expect(facts('前年被标记为经营异常状态').listedYear).toBe(2024);
    expect(facts('大前年被列入异常').listedYear).toBe(2023);
    expect(facts('22年被标记经营异常').listedYear).toBe(2022);
    expect(facts('二〇二一年被列入异常名录').listedYear).toBe(2021);
    expect(understand('去年被列入经营异常名录', { now: new Date('2030-01-02') }).facts.listedYear).toBe(2029);
  });

  it('does not take the report year for the listing year', () => {
    expect(facts('去年没报年报被列入了')).toEqual({ listed: true, listingReason: 'annual_report_overdue' });
    // the 2022 report was due by 30 June 2023: the listing for it is in 2023 (reportYearListed)
    expect(facts('2022年的年报没报被列入了').listedYear).toBe(2023);
    expect(facts('2030年被列入异常').listedYear).toBeUndefined();
  });

  it('maps entity wording, branches and parents', () => {
    expect(facts('我是个体工商户')).toEqual({ entityType: 'individual' });
    expect(facts('我们是有限责任公司')).toEqual({ entityType: 'enterprise' });
    expect(facts('我们分公司被列入异常了')).toMatchObject({ entityType: 'enterprise', isBranch: true });
    expect(facts('分支机构财务数据填0，上级公司已经公示了')).toEqual({
      isBranch: true,
      errorKind: 'branch_zero_financials',
      parentPublishesFinancials: true,
    });
  });

  it('recognises the six error kinds and the exclusions', () => {
    expect(facts('年报邮政编码写错了').errorKind).toBe('contact_info');
    expect(facts('公示的网店网址不对').errorKind).toBe('website_or_shop');
    expect(facts('党建信息填错了').errorKind).toBe('party_building_info');
    expect(facts('许可证延续后超过20个工作日才公示').errorKind).toBe('license_info_late');
    expect(facts('年报里把万元写成了元').errorKind).toBe('decimal_or_unit');
    expect(facts('年报从业人数填错了').errorKind).toBe('other');
    expect(facts('我们是特种设备企业')).toEqual({ safetyRelated: true });
    expect(facts('同一个错误连续出现两次了').repeatedSameError).toBe(true);
    expect(facts('第一次被抽查').firstSpotCheck).toBe(true);
  });

  it('finds the document a draft request names', () => {
    expect(facts('帮我写一份情况说明').docType).toBe('situation-explanation');
    expect(facts('生成免列异申请书').docType).toBe('minor-error-application');
    expect(facts('给我一个承诺书模板').docType).toBe('commitment');
    expect(facts('除了申请书还要交什么').docType).toBeUndefined();
  });

  it('folds the answer to a pending question into the facts', () => {
    expect(facts('补了，上个月交的纸质年报', { pending: 'previousYearReportFiled' })).toMatchObject({
      previousYearReportFiled: true,
    });
    expect(facts('还没有', { pending: 'addressChangeRegistered' })).toEqual({
      addressChangeRegistered: false,
    });
    expect(facts('是2020年', { pending: 'listedYear' })).toEqual({ listedYear: 2020 });
    const u = understand('不清楚', { now, pending: 'locatable' });
    expect(u.facts).toEqual({});
    expect(u.hedged).toEqual(['locatable']);
  });

  it('drops facts from out-of-scope talk', () => {
    const u = understand('网贷逾期上了征信黑名单怎么办', { now });
    expect(u.intent).toBe('out_of_scope');
    expect(u.facts).toEqual({});
  });
});
