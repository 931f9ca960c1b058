// The named derivations of facts.ts: for each, a sentence whose facts differ when that one derivation
// is left out — so every derivation is shown to contribute what its name says, and none is dead.
import { describe, expect, it } from 'vitest';
import { DERIVATION_NAMES, extractFacts } from '../../dialogs/nlu/facts.ts';
import { normalize } from '../../dialogs/nlu/normalize.ts';

const now = new Date('2026-12-02T12:00:00Z');

/** name → [text, fact, value with the derivation, value without it, what earlier messages told] */
const EXAMPLES: Record<string, [string, string, unknown, unknown, { addressStory?: boolean }?]> = {
  notListedMoveIsNoChangeStory: [
    '门面换到街对面了 营业执照上的地址没改',
    'addressChangeRegistered',
    undefined,
    false,
  ],
  removalAskPresupposesListing: ['我们是有限公司，异常名录移出要怎么操作', 'listed', true, undefined],
  listingReasonOfListing: [
    '因为没报年报被列入经营异常名录了',
    'listingReason',
    'annual_report_overdue',
    undefined,
  ],
  listedYearOfStory: ['2022年没报年报被列入了', 'listedYear', 2022, undefined],
  infoCorrectedAfterListing: [
    '因为即时信息没公示被列入异常，现在已经补公示了',
    'infoCorrected',
    true,
    undefined,
  ],
  reportsStillMissing: ['个体户被列入异常了，年报一直没弄', 'previousYearReportFiled', false, undefined],
  movedUnregisteredIsUnreachable: [
    '搬了没办变更，被列入异常了',
    'listingReason',
    'unreachable_at_address',
    undefined,
  ],
  allReportsAfterListing: [
    '公司因为年报的事被列入异常，现在全部补齐了',
    'allOverdueReportsFiled',
    true,
    undefined,
  ],
  unfiledPreviousYearIsOverdue: [
    '欠的年报都补齐了 就是去年那份纸质的还没交',
    'allOverdueReportsFiled',
    false,
    true,
  ],
  bareCauseIsListingReason: ['因为没报年报', 'listingReason', 'annual_report_overdue', undefined],
  bareReportFiledByEntity: ['我们是有限公司，年报已经补交了', 'allOverdueReportsFiled', true, undefined],
  nameChangeCorrected: ['公司改名了没去登记，还没办', 'infoCorrected', false, undefined],
  registeredMoveIsAtAddress: ['搬了，变更也办好了', 'operatingAtRegisteredAddress', undefined, false],
  registrationAndShopCounties: [
    '执照是在通山登记的 门面开在崇阳',
    'operatingAtRegisteredAddress',
    false,
    undefined,
  ],
  reachableThereAfterListing: [
    '因为地址联系不上被列入异常了，其实我们还在原地址，现在可以联系到了',
    'reachableAtRegisteredAddress',
    true,
    undefined,
  ],
  newLicenceAfterAddressChange: [
    '店搬到镇上了 被列了异常 新执照也领了',
    'addressChangeRegistered',
    true,
    undefined,
  ],
  bareReachAfterMove: ['搬了，电话也换了，联系不上', 'reachableByOtherMeans', false, undefined],
  movedAndAskingIsNotListed: ['店搬到别的镇了，会被列入异常吗', 'listed', false, undefined],
  changeWithoutAddressIsNotAddress: ['改了名字没去做变更登记', 'addressChangeRegistered', undefined, false],
  errorKindUnlessListedForIt: ['年报里的联系电话填错了', 'errorKind', 'contact_info', undefined],
  fixedNowInErrorStory: ['年报邮箱填错了，已经改好了', 'correctedAfterReminder', true, undefined],
  missedDeadlineNotCorrected: ['超过整改期限了还没有改', 'correctedAfterReminder', false, undefined],
  firstTimeAmongConditions: [
    '跟安全生产不搭边，第一次，也没给别人带来什么损失',
    'repeatedSameError',
    false,
    undefined,
  ],
  onlyMissedYearFiled: [
    '我们公司就差一年的年报没报被列了，那一年的年报已经补上了',
    'allOverdueReportsFiled',
    true,
    undefined,
  ],
  correctedRightAwayMeetsDeadline: [
    '网店地址公示错了，所里通知以后我们次日就改了',
    'missedCorrectionDeadline',
    false,
    undefined,
  ],
  correctedInOrderedPeriod: ['所里要求的期限之内我们就改过来了', 'correctedAfterReminder', true, undefined],
  unreachableIsNotUnlocatable: [
    '因为地址联系不上被列入异常，上门核查找不到人',
    'locatable',
    undefined,
    false,
  ],
  typeChangedIsNow: [
    '我们这个个体户 前年转成有限公司了 年报的事被列了',
    'entityType',
    'enterprise',
    'individual',
  ],
  errorQuestionIsNotUnlisted: ['党建信息公示错了，我们会不会被列入', 'listed', undefined, false],
  stillThereIsLocatable: ['厂子一直在登记的地方生产，税三年没报了', 'locatable', true, undefined],
  changeAppliedInAddressStory: [
    '资料交到窗口去了 审核中',
    'addressChangeRegistered',
    false,
    undefined,
    { addressStory: true },
  ],
  nobodyThereInAddressStory: [
    '老店面早退了 那边早就没人了',
    'reachableAtRegisteredAddress',
    false,
    undefined,
    { addressStory: true },
  ],
  backThereInAddressStory: [
    '现在回来了 还是原来那个店面 每天开门',
    'reachableAtRegisteredAddress',
    true,
    undefined,
    { addressStory: true },
  ],
};

/** Kept as a safety net but with no sentence found where an earlier rule has not already decided it. */
const NO_OWN_EFFECT = new Set(['branchCompanyIsEnterprise']);

describe('named derivations', () => {
  it('every derivation has an example, and every example names a derivation', () => {
    expect(DERIVATION_NAMES.filter((n) => !(n in EXAMPLES) && !NO_OWN_EFFECT.has(n))).toEqual([]);
    expect(Object.keys(EXAMPLES).filter((n) => !DERIVATION_NAMES.includes(n))).toEqual([]);
  });

  it.each(Object.entries(EXAMPLES))('%s', (name, [text, fact, withIt, withoutIt, told]) => {
    const s = normalize(text);
    // (what a derivation implies counts as its contribution, stated or not: see 'implied facts')
    const facts = (opts?: { without: string }) => {
      const x = extractFacts(s, now, { ...told, ...opts });
      return ({ ...x.implied, ...x.facts } as Record<string, unknown>)[fact];
    };
    expect(facts()).toEqual(withIt);
    expect(facts({ without: name })).toEqual(withoutIt);
  });
});

describe('implied facts', () => {
  it('a correction the day of the reminder implies the period met; the reading states the correction only', () => {
    const x = extractFacts(normalize('邮箱填错了 所里提醒以后我们当天就改了'), now);
    expect(x.facts.correctedAfterReminder).toBe(true);
    expect(x.facts.missedCorrectionDeadline).toBeUndefined();
    expect(x.implied.missedCorrectionDeadline).toBe(false);
  });

  it('a deadline told in words is stated, nothing implied beside it', () => {
    const x = extractFacts(normalize('所里提醒后第二天就改好了 在规定期限内改的'), now);
    expect(x.facts.missedCorrectionDeadline).toBe(false);
    expect(x.implied.missedCorrectionDeadline).toBeUndefined();
  });
});
