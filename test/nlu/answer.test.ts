// parseAnswer: short replies to the question the engine asked about one fact.
import { describe, expect, it } from 'vitest';
import { parseAnswer } from '../../dialogs/nlu/index.ts';
import { FACT_KINDS, FACT_NAMES, type FactName } from '../../rules/types.ts';

const now = new Date('2026-03-15T12:00:00Z');
const ask = (fact: FactName, text: string) => parseAnswer(fact, text, { now });

describe('parseAnswer', () => {
  it('reads yes and no for boolean facts', () => {
    for (const yes of [
      '是',
      '是的',
      '对',
      '有',
      '嗯，补了',
      '已经办了',
      '补了，上个月交的纸质年报',
      '可以',
      'yes',
    ])
      expect(ask('previousYearReportFiled', yes), yes).toBe(true);
    for (const no of ['否', '不是', '没有', '还没', '没呢', '未办理', '不能', 'no'])
      expect(ask('addressChangeRegistered', no), no).toBe(false);
    expect(ask('intentional', '不是故意的')).toBe(false);
    expect(ask('locatable', '能找到')).toBe(true);
  });

  it('prefers what the sentence states over its first word', () => {
    expect(ask('addressChangeRegistered', '住所变更登记还没有办')).toBe(false);
    expect(ask('reachableByOtherMeans', '电话一直能打通')).toBe(true);
  });

  it("answers 'unknown' to 不清楚 / 不知道 / 不确定", () => {
    for (const t of ['不清楚', '不知道', '我也不确定', '记不清了'])
      expect(ask('listedYear', t), t).toBe('unknown');
    expect(ask('safetyRelated', '不太清楚')).toBe('unknown');
  });

  it("answers 'unknown' to not having gone to look, wherever it stands; a check that never happened stays a fact", () => {
    expect(ask('allOverdueReportsFiled', '其他年份的我还冇去查')).toBe('unknown');
    expect(ask('proofProvided', '总公司那边还没去问')).toBe('unknown');
    expect(ask('firstSpotCheck', '以前没查过')).toBe(true);
    expect(ask('allOverdueReportsFiled', '其他年份的还没补')).toBe(false);
  });

  it('a task told done is no yes to a question about a state', () => {
    expect(ask('firstSpotCheck', '改了的')).toBeUndefined();
    expect(ask('intentional', '改好了')).toBeUndefined();
    expect(ask('correctedAfterReminder', '改了的')).toBe(true);
    expect(ask('firstSpotCheck', '是的')).toBe(true);
  });

  it('a yes beside 「不晓得弄好冇」 (not knowing whether it is done) is not known', () => {
    expect(ask('infoCorrected', '我也没看到 不晓得弄好冇')).toBe('unknown');
    expect(ask('addressChangeRegistered', '办好了 不知道多久能移出')).toBe(true);
  });

  it('reads years, relative ones against now', () => {
    expect(ask('listedYear', '2021年')).toBe(2021);
    expect(ask('listedYear', '21年')).toBe(2021);
    expect(ask('listedYear', '去年')).toBe(2025);
    expect(ask('listedYear', '前年吧')).toBe(2024);
    expect(ask('listedYear', '2099')).toBeUndefined();
  });

  it('reads counts', () => {
    expect(ask('yearsWithoutAnnualReport', '两年')).toBe(2);
    expect(ask('yearsWithoutAnnualReport', '3')).toBe(3);
    expect(ask('yearsWithoutAnnualReport', '没有，都报了')).toBe(0);
  });

  it('reads entity types, listing reasons, error kinds and document kinds', () => {
    expect(ask('entityType', '个体户')).toBe('individual');
    expect(ask('entityType', '农民专业合作社')).toBe('cooperative');
    expect(ask('entityType', '有限公司')).toBe('enterprise');
    expect(ask('listingReason', '没报年报')).toBe('annual_report_overdue');
    expect(ask('listingReason', '住所联系不上')).toBe('unreachable_at_address');
    expect(ask('listingReason', '公示信息隐瞒真实情况')).toBe('false_public_info');
    expect(ask('listingReason', '即时信息没公示')).toBe('instant_info_not_published');
    expect(ask('listingReason', '改名没登记')).toBe('name_change_not_registered');
    expect(ask('errorKind', '邮箱')).toBe('contact_info');
    expect(ask('errorKind', '网店名称')).toBe('website_or_shop');
    expect(ask('errorKind', '党建信息')).toBe('party_building_info');
    expect(ask('errorKind', '许可信息晚公示了')).toBe('license_info_late');
    expect(ask('errorKind', '小数点')).toBe('decimal_or_unit');
    expect(ask('errorKind', '分公司财务数据填0')).toBe('branch_zero_financials');
    expect(ask('errorKind', '其他的')).toBe('other');
    expect(ask('docType', '承诺书')).toBe('commitment');
    expect(ask('docType', '情况说明')).toBe('situation-explanation');
  });

  it('returns undefined for unusable answers, and only values of the fact kind', () => {
    expect(ask('entityType', '随便')).toBeUndefined();
    expect(ask('listed', '')).toBeUndefined();
    expect(ask('listedYear', '很久以前')).toBeUndefined();
    for (const fact of FACT_NAMES) {
      for (const text of ['是', '不是', '2021年', '两年', '个体户', '年报', '电话', '申请书', '不知道']) {
        const v = ask(fact, text);
        if (v === undefined || v === 'unknown') continue;
        const spec = FACT_KINDS[fact];
        if (spec.kind === 'boolean') expect(typeof v).toBe('boolean');
        else if (spec.kind === 'enum') expect(spec.values as readonly unknown[]).toContain(v);
        // a date: a day, or a year told alone (「2021年」)
        else if (spec.kind === 'date') expect(v).toMatch(/^\d{4}(?:-\d{2}-\d{2})?$/);
        else expect(Number.isInteger(v)).toBe(true);
      }
    }
  });
});
