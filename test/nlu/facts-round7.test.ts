// Round 7: QA misses after a "not eligible yet" result (the user reports the missing step done, with
// no question pending) and the probe-f misses, each read through a general pattern and checked here
// on other wordings than the probe lines.
import { describe, expect, it } from 'vitest';
import { understand } from '../../dialogs/nlu/index.ts';
import { normalize } from '../../dialogs/nlu/normalize.ts';
import type { FactName } from '../../rules/types.ts';

const now = new Date('2026-11-26T12:00:00Z');
const facts = (text: string) => understand(text, { now }).facts as Record<string, unknown>;

const QA: [string, FactName, unknown][] = [
  ['刚刚去交了纸质年报，已经公示了', 'previousYearReportFiled', true],
  ['年报已经补交了', 'previousYearReportFiled', true],
  ['刚去交了纸质年报', 'previousYearReportFiled', true],
  ['欠的年报都补了', 'allOverdueReportsFiled', true],
  ['我们公司欠的年报都补了', 'allOverdueReportsFiled', true],
  // an enterprise must file every overdue report, so a bare "年报补交了" is about all of them
  ['我们公司年报已经补交了', 'allOverdueReportsFiled', true],
  ['我们公司年报已经补交了', 'previousYearReportFiled', undefined],
  ['合作社的年报昨天交了', 'previousYearReportFiled', true],
  ['因为没报年报', 'listingReason', 'annual_report_overdue'],
  ['是因为地址联系不上', 'listingReason', 'unreachable_at_address'],
  ['实地核查找不到我们', 'locatable', false],
  ['抽查的时候我们拒绝配合', 'refusedInspection', true],
  ['没有提供受检材料', 'refusedInspection', true],
  ['超过了责令改正期限才改', 'missedCorrectionDeadline', true],
];

const NOT_READ: [string, FactName][] = [
  ['年报补了吗', 'previousYearReportFiled'],
  ['个体户年报补了之后还是显示异常', 'previousYearReportFiled'],
  ['还没交纸质年报', 'allOverdueReportsFiled'],
  ['因为没报年报会被吊销吗', 'listingReason'],
  ['抽查时拒绝了吗', 'refusedInspection'],
];

const PROBE_F_MECHANISMS: [string, FactName, unknown][] = [
  ['还没交纸质年报', 'previousYearReportFiled', false],
  ['我们没有拒绝配合抽查', 'refusedInspection', false],
  // homophone typo 便更 and Chinese-numeral years
  ['个体户搬了，地址便更办完了', 'addressChangeRegistered', true],
  ['合作社两千二十一年被列进异常了', 'listedYear', 2021],
  ['公司二零二一年列入异常名录', 'listed', true],
  ['二零二零二零二一两年年报都没报', 'yearsWithoutAnnualReport', 2],
  ['三年多没年报了', 'yearsWithoutAnnualReport', 3],
  // reachable some other way, said in its own clause after a move
  ['店搬到县城了，手机号没换', 'reachableByOtherMeans', true],
  ['搬了，但是随时能联系上', 'reachableByOtherMeans', true],
  ['公司搬了，能找得到人', 'reachableByOtherMeans', true],
  // a listing to avoid has not happened
  ['我们店搬了，怎么才能不被列异常', 'listed', false],
  ['不在注册地址了，会被列吗', 'listed', false],
  ['我还在不在异常名录上', 'listed', undefined],
  // a looked-up business names no type
  ['怎么查我们公司是不是异常', 'entityType', undefined],
  ['我们公司被列异常了', 'entityType', 'enterprise'],
  // corrected information after a listing for it; "改没改" is not known
  ['因为年报数据造假被列了，已经整改好了', 'infoCorrected', true],
  ['名称变更没去登记被列异常，变更已经办好了', 'infoCorrected', true],
  ['因为年报数据造假被列了，改没改不清楚', 'infoCorrected', undefined],
  ['个体户因为地址联系不上被列了，变更还没去办', 'addressChangeRegistered', false],
  ['之前有过其他违法记录', 'otherViolations', true],
  ['以前已经被抽查过了', 'firstSpotCheck', false],
  ['年报电话不一致，在规定期限内已经改了', 'missedCorrectionDeadline', false],
  ['化工企业年报邮箱填错了', 'safetyRelated', true],
  ['年报电话填错咗，唔系故意嘅', 'intentional', false],
  ['老板人找不到了，年报两年没报', 'locatable', false],
];

describe('round 7: a missing step reported done, with no question pending', () => {
  it.each(QA)('%s → %s = %s', (text, fact, value) => {
    expect(facts(text)[fact]).toBe(value);
  });
  it.each(NOT_READ)('%s gives no %s', (text, fact) => {
    expect(facts(text)[fact]).toBeUndefined();
  });
  it('a bare cause is a repair statement, not a revocation question', () => {
    expect(understand('因为没报年报', { now }).intent).toBe('repair');
  });
});

describe('round 7 fact wordings', () => {
  it.each(PROBE_F_MECHANISMS)('%s → %s = %s', (text, fact, value) => {
    expect(facts(text)[fact]).toBe(value);
  });
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
