// Short answers read relative to the exact wording of each yes/no question in knowledge/questions.json.
// The exclusion questions are asked in negative terms (「是否拒绝配合或没有提供受检材料」,
// 「是否超过了期限才改（或还没改）」): there 「没提供」 and 「还没改」 are a yes, which a reading of the
// first word alone turned into a no — the advice then wrongly said the exemption applied.
import { describe, expect, it } from 'vitest';
import { parseAnswer, understand } from '../../dialogs/nlu/index.ts';
import { FACT_KINDS, FACT_NAMES, type FactName } from '../../rules/types.ts';

const now = new Date('2026-03-15T12:00:00Z');
const ask = (fact: FactName, text: string) => parseAnswer(fact, text, { now });

/** fact → [answer, expected value]: both polarities of the question's own verbs, bare 是/不是/有/没有 */
const ANSWERS: Record<string, [string, boolean][]> = {
  applicantIsAgent: [
    ['本人去办', false],
    ['我自己去', false],
    ['请别人代办', true],
    ['我儿子帮我代办', true],
  ],
  restrictionEnded: [
    ['已经过了', true],
    ['到期了', true],
    ['还没到期', false],
    ['还在停业期间', false],
  ],
  statutoryMeasureRunning: [
    ['还在期限内', true],
    ['还没到期', true],
    ['没有这种限制', false],
    ['已经到期了', false],
  ],
  fineMitigated: [
    ['写了从轻', true],
    // a negator before 从轻/减轻, dialect ones too, denies them; 「一般情形」 is the ordinary case
    ['冇得从轻 也冇得减轻', false],
    ['他们讲按一般情节罚的', false],
    ['是', true],
    ['没写', false],
    ['不是', false],
  ],
  keySector: [
    ['是，卖过期食品', true],
    ['是的', true],
    ['不是', false],
    ['没有关系', false],
  ],
  obligationsFulfilled: [
    ['罚款交了', true],
    ['都交了', true],
    ['还没交', false],
    ['还没有', false],
  ],
  rectified: [
    ['整改好了', true],
    ['已经改好了', true],
    ['还没整改', false],
    ['还没有', false],
  ],
  repeatSameTypePenalty: [
    ['又被罚过', true],
    ['有', true],
    ['没有再被罚', false],
    ['没有', false],
  ],
  laterHeavierPenalty: [
    ['又被处罚过', true],
    ['有', true],
    ['没有', false],
    ['冇得', false],
  ],
  issuedByMarketSupervision: [
    ['是市场监管局', true],
    ['是的', true],
    ['不是，是税务局', false],
    ['不是', false],
  ],
  inJurisdiction: [
    ['是，在本县登记', true],
    ['是的', true],
    ['不是，在崇阳县登记的', false],
    ['不是', false],
  ],
  isBranch: [
    ['是', true],
    ['是分公司', true],
    ['对，是分店', true],
    ['不是', false],
    ['不是，是总公司', false],
    ['独立的公司', false],
  ],
  listed: [
    ['是', true],
    ['已经被列入了', true],
    ['列了', true],
    ['被标记了', true],
    ['没有', false],
    ['还没被列入', false],
    // a fear or a question after the answer states nothing: 「怕被列」 is no "listed"
    ['暂时还冇被列 就担心哪天被列上 会不会啊', false],
    ['早就被列进去了 怕影响贷款', true],
    ['只是收到了提醒', false],
    ['不是', false],
  ],
  previousYearReportFiled: [
    ['补了', true],
    ['去年的交了', true],
    ['已经补报公示了', true],
    ['交了', true],
    ['还没', false],
    ['没交', false],
    ['交了但还没公示', false],
    ['正在补', false],
  ],
  allOverdueReportsFiled: [
    ['都补了', true],
    ['全部补报了', true],
    ['补齐了', true],
    ['还有没补的', false],
    ['还差一年', false],
    ['只补了去年的', false],
    ['没有', false],
  ],
  addressChangeRegistered: [
    ['办好了', true],
    ['已经变更了', true],
    ['新执照拿到了', true],
    ['还在办', false],
    ['准备下周去办', false],
    ['还没', false],
    ['没办', false],
    ['还没拿到新执照', false],
  ],
  reachableAtRegisteredAddress: [
    ['能', true],
    ['能联系到', true],
    ['找得到', true],
    ['还在那', true],
    ['不能', false],
    ['联系不到', false],
    ['找不到', false],
    ['不在那了', false],
  ],
  infoCorrected: [
    ['改了', true],
    ['已经更正了', true],
    ['公示了', true],
    ['还没', false],
    ['没改', false],
    ['正在改', false],
    ['打算下周去登记', false],
  ],
  correctedAfterReminder: [
    ['改了', true],
    ['已经改正了', true],
    ['当天就改了', true],
    ['马上改了', true],
    ['还没改', false],
    ['没来得及改', false],
    ['准备明天改', false],
  ],
  intentional: [
    ['是故意的', true],
    ['故意的', true],
    ['是', true],
    ['不是', false],
    ['不是故意的', false],
    ['不小心填错了', false],
    ['手误', false],
  ],
  adverseImpact: [
    ['有', true],
    ['造成了', true],
    ['有人投诉了', true],
    ['没有', false],
    ['没造成', false],
    ['没什么影响', false],
    ['没有损失', false],
  ],
  firstSpotCheck: [
    ['是', true],
    ['是第一次', true],
    ['以前没被抽查过', true],
    ['头一次', true],
    ['不是', false],
    ['以前也被抽查过', false],
    ['第二次了', false],
    ['不是第一次', false],
  ],
  parentPublishesFinancials: [
    ['是', true],
    ['对，总公司公示的', true],
    ['是上级公司报的', true],
    ['不是', false],
    ['没有', false],
    ['分公司自己报的', false],
  ],
  proofProvided: [
    ['能', true],
    ['能提供', true],
    ['可以', true],
    ['拿得出来', true],
    ['提供不了', false],
    ['不能', false],
    ['拿不出', false],
    ['没有', false],
  ],
  safetyRelated: [
    ['涉及', true],
    ['是', true],
    ['有涉及', true],
    ['不涉及', false],
    ['没涉及', false],
    ['没有', false],
    ['跟安全无关', false],
  ],
  repeatedSameError: [
    ['是', true],
    ['连续两次了', true],
    ['以前也错过', true],
    ['不是第一次了', true],
    ['不是', false],
    ['第一次', false],
    ['就这一次', false],
    ['没有', false],
  ],
  majorImpactOrDispute: [
    ['是', true],
    ['有纠纷', true],
    ['被客户投诉了', true],
    ['没有', false],
    ['没造成什么影响', false],
    ['没有纠纷', false],
    ['不是', false],
  ],
  refusedInspection: [
    ['是', true],
    ['没提供', true],
    ['拒绝了', true],
    ['没配合', true],
    ['材料没给', true],
    ['没有', false],
    ['不是', false],
    ['配合了', false],
    ['提供了', false],
    ['都提供了', false],
    ['配合检查了', false],
    ['没有拒绝', false],
    ['没有，配合了', false],
  ],
  missedCorrectionDeadline: [
    ['是', true],
    ['还没改', true],
    ['没改', true],
    ['超了', true],
    ['晚了几天', true],
    ['过了期限才改', true],
    ['超过期限了', true],
    ['不是', false],
    ['没有', false],
    ['没超', false],
    ['改了，按期改的', false],
    ['按期改的', false],
    ['当天就改了', false],
    ['在期限内改了', false],
    ['没有被责令改正', false],
  ],
  operatingAtRegisteredAddress: [
    ['是', true],
    ['在', true],
    ['一直在那', true],
    ['不是', false],
    ['不在', false],
    ['搬了', false],
    ['搬到隔壁镇了', false],
  ],
  reachableByOtherMeans: [
    ['能', true],
    ['可以', true],
    ['电话能打通', true],
    ['联系得到', true],
    ['不能', false],
    ['联系不到', false],
    ['电话停机了', false],
    ['打不通', false],
  ],
  otherViolations: [
    ['有', true],
    ['被罚过款', true],
    // 「不过」 (but) opens an admission, not a "no"
    ['不过讲实话 前年被查处过一回', true],
    ['不过没有', false],
    ['有过处罚', true],
    ['没有', false],
    ['没了', false],
    ['没有其他的', false],
    ['就这一个', false],
  ],
  locatable: [
    ['能', true],
    ['能找到', true],
    ['找得到', true],
    ['可以找到', true],
    ['找不到', false],
    ['不能', false],
    ['找不着', false],
    ['查无下落', false],
  ],
  taxFiled: [
    ['有', true],
    ['有申报', true],
    ['零申报了', true],
    ['一直在报', true],
    ['没有', false],
    ['没报', false],
    ['没申报', false],
    ['没报税', false],
  ],
};

const BOOLEAN_FACTS = FACT_NAMES.filter((f) => FACT_KINDS[f].kind === 'boolean');

describe('yes/no answers, read against each question', () => {
  it('covers every boolean fact with at least four answers of both values', () => {
    expect(Object.keys(ANSWERS).sort()).toEqual([...BOOLEAN_FACTS].sort());
    for (const [fact, rows] of Object.entries(ANSWERS)) {
      expect(rows.length, fact).toBeGreaterThanOrEqual(4);
      expect(new Set(rows.map(([, v]) => v)).size, fact).toBe(2);
    }
  });

  it.each(
    Object.entries(ANSWERS).flatMap(([fact, rows]) => rows.map(([text, v]) => [fact, text, v] as const)),
  )('%s ← 「%s」 is %s', (fact, text, value) => {
    expect(ask(fact as FactName, text)).toBe(value);
    // understand with the question pending folds the same value into the facts
    expect(understand(text, { now, pending: fact as FactName }).facts[fact as FactName]).toBe(value);
  });

  it('leaves an answer that does not say when it was corrected unread for the deadline question', () => {
    expect(ask('missedCorrectionDeadline', '改了')).toBeUndefined();
    expect(ask('missedCorrectionDeadline', '还没')).toBeUndefined();
  });
});

describe('a correction is not a no', () => {
  it('「不对，是2022年」 gives no answer, and understand returns the corrected year', () => {
    for (const fact of ['listed', 'isBranch', 'locatable'] as FactName[]) {
      expect(ask(fact, '不对，是2022年'), fact).toBeUndefined();
      const u = understand('不对，是2022年', { now, pending: fact });
      expect(u.facts[fact], fact).toBeUndefined();
      expect(u.facts.listedYear, fact).toBe(2022);
    }
  });

  it('「不是，是2022年被列入的」 does not answer the pending question with false', () => {
    expect(ask('listed', '不是，是2022年被列入的')).toBeUndefined();
    const u = understand('不是，是2022年被列入的', { now, pending: 'listed' });
    expect(u.facts.listed).not.toBe(false);
    expect(u.facts.listedYear).toBe(2022);
    expect(ask('isBranch', '不是，是2022年被列入的')).toBeUndefined();
  });

  it('a report year is not taken for the listing year', () => {
    const u = understand('不对，是2022年的年报', { now, pending: 'previousYearReportFiled' });
    expect(u.facts.previousYearReportFiled).toBeUndefined();
    expect(u.facts.listedYear).toBeUndefined();
  });

  it('a bare 不对/不是, or one that restates the question, is a no', () => {
    expect(ask('listed', '不对')).toBe(false);
    expect(ask('isBranch', '不是')).toBe(false);
    expect(ask('intentional', '不是，是不小心弄错的')).toBe(false);
    expect(ask('isBranch', '不是，是总公司')).toBe(false);
    expect(ask('listed', '不是，只是收到了提醒')).toBe(false);
  });
});

describe('QA round: answers and statements read wrongly before', () => {
  it('reads 找不到 / 找得到 / 能找到 for the on-site check, and tasks under way as not done', () => {
    expect(ask('locatable', '找不到')).toBe(false);
    expect(ask('locatable', '找得到')).toBe(true);
    expect(ask('locatable', '能找到')).toBe(true);
    expect(ask('addressChangeRegistered', '还在办')).toBe(false);
    expect(ask('addressChangeRegistered', '准备下周去办')).toBe(false);
    expect(ask('previousYearReportFiled', '去年的交了')).toBe(true);
    // the later clause tells how it stands; filed but not yet published is "not yet" (question hint)
    expect(ask('previousYearReportFiled', '已经提交了，还没公示')).toBe(false);
    expect(ask('previousYearReportFiled', '之前没补，现在补了')).toBe(true);
  });

  it('does not take the 严重违法失信名单 for the 经营异常名录: being on it is a serious-list case (DOMAIN §5)', () => {
    for (const text of [
      '被列入严重违法失信名单了怎么办，多久能移出？',
      '我们公司被列入严重失信名单了',
      '公司上了严重违法失信黑名单，能提前移出吗',
    ]) {
      const u = understand(text, { now });
      expect(u.facts.listed, text).toBeUndefined();
      expect((u.facts as Record<string, unknown>).recordType, text).toBe('serious_list');
      expect(u.intent, text).toBe('repair');
    }
    // a question about the list itself describes nobody's record
    const q = understand('严重违法失信名单和经营异常名录有什么区别', { now });
    expect((q.facts as Record<string, unknown>).recordType).toBeUndefined();
    expect(q.intent).toBe('policy_info');
    // 黑名单 said of the 经营异常名录 is still that listing
    const u = understand('我们公司进黑名单了，说是经营异常，咋弄', { now });
    expect(u.facts.listed).toBe(true);
    expect(u.intent).toBe('repair');
  });

  it('reads a pandemic-time missed report as the listing reason only when a listing is stated', () => {
    expect(understand('前几年疫情没顾上年报', { now }).facts.listingReason).toBeUndefined();
    const u = understand('个体户，前几年疫情没顾上年报，被列进经营异常名录了', { now });
    expect(u.facts).toMatchObject({
      entityType: 'individual',
      listed: true,
      listingReason: 'annual_report_overdue',
    });
  });

  it('counts years without an annual report told as 「两年年报都没报」', () => {
    expect(understand('2024、2025两年年报都没报', { now }).facts.yearsWithoutAnnualReport).toBe(2);
    expect(understand('公司三年的年报都没报', { now }).facts.yearsWithoutAnnualReport).toBe(3);
  });

  it('reads a move in a listed-unreachable story as not operating at the registered address', () => {
    for (const text of [
      '个体户被列入异常名录，以前的地址联系不上，搬到隔壁镇了',
      '被列异常了，地址联系不上，搬去隔壁镇了',
      '被列入异常，人去了隔壁镇',
      '被列入经营异常名录，原来的门面不租了，现在在隔壁镇开',
    ]) {
      const u = understand(text, { now });
      expect(u.facts, text).toMatchObject({
        listed: true,
        listingReason: 'unreachable_at_address',
        operatingAtRegisteredAddress: false,
      });
    }
  });

  it('keeps the answer to the pending question even when the text alone looks unrelated', () => {
    const u = understand('被罚过款', { now, pending: 'otherViolations' });
    expect(u.facts).toEqual({ otherViolations: true });
    // on its own it states a penalty (DOMAIN §4 recordType), the record a user may want repaired
    expect(understand('被罚过款', { now }).facts).toEqual({
      recordType: 'admin_penalty',
      penaltyKind: 'fine',
    });
  });
});
