// Behaviour 2 in long messages: the open question is answered only by what speaks of it. Moving back
// to the registered address is no change registration; a clause about another question neither
// answers nor un-answers it; a negator reaches over filler words (「没有什么」「没跟谁」).
import { describe, expect, it } from 'vitest';
import { chat } from '../transcript.ts';

const key = { channel: 'console', chatId: 'c1', userId: 'u1' } as const;

describe('answers inside long messages', () => {
  it('back at the registered address while the change question is open is not a registered change', async () => {
    const c = await chat();
    await c.says('我们厂子去年因为按登记住所联系不上被列入了经营异常名录', '变更登记');
    // the change question stays open: being back there is another way the reason went away
    const text = await c.send('前阵子厂房翻修人都在外面 现在已经搬回执照上的地址营业了 随时能找到人');
    expect(text).not.toContain('可以申请');
    let facts = (await c.engine.getCase(key)).facts;
    expect(facts.addressChangeRegistered).toBeUndefined();
    expect(facts.reachableAtRegisteredAddress).toBe(true);
    await c.send('地址一直没换过 变更也就没去办');
    facts = (await c.engine.getCase(key)).facts;
    expect(facts.addressChangeRegistered).toBe(false);
    expect(c.last?.determination).toMatchObject({ path: 'standard-repair', eligible: true });
  });

  it('a guess about when a registration under way will be done does not hedge the "not yet"', async () => {
    const c = await chat();
    await c.says('我们公司因为在注册地址找不到人被拉进了经营异常', '变更登记');
    const text = await c.send('新地址的变更手续正在走流程 大概月底能办下来吧');
    expect(text).not.toContain('说得不太肯定');
    expect((await c.engine.getCase(key)).facts.addressChangeRegistered).toBe(false);
    // a hedge on the state itself still takes nothing
    const d = await chat();
    await d.says('我们公司因为在注册地址找不到人被拉进了经营异常', '变更登记');
    await d.says('估计已经办好了 下周去问问', '变更登记');
    expect((await d.engine.getCase(key)).facts.addressChangeRegistered).toBeUndefined();
  });

  it('「…回到执照上写的那个地址了」 says they are there now', async () => {
    const c = await chat();
    await c.send('公司被列异常了 原因是通过登记的住所无法联系');
    await c.send('之前在别的地方干活 现在已经回到营业执照上写的那个地址了');
    expect((await c.engine.getCase(key)).facts.addressChangeRegistered).toBeUndefined();
    expect((await c.engine.getCase(key)).facts.reachableAtRegisteredAddress).toBe(true);
  });

  it('a "not listed" clause does not answer "corrected after the reminder?" with a no', async () => {
    const c = await chat();
    await c.says('我们是有限公司 年报上的邮箱写错了 不是故意的', '改正');
    await c.send('监管所打电话提醒后 当天下午就在系统里更正好了，也没被列入经营异常');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.correctedAfterReminder).toBe(true);
    expect(facts.listed).toBe(false);
  });

  it('a message of other facts leaves the open question open instead of guessing it', async () => {
    const c = await chat();
    await c.says('我们有限公司年报里的网站地址填错了 没被列入异常 监管所提醒后马上改了 不是故意的', '影响');
    // safety, a first time and 「弄好了」: none of it says whether the error caused harm
    await c.says('我们这行跟安全不沾边 这种错头一回犯 期限内就弄好了', '影响');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.safetyRelated).toBe(false);
    expect(facts.repeatedSameError).toBe(false);
    expect(facts.adverseImpact).toBeUndefined();
  });

  it('negators reach over filler words: no measure running, no heavier penalty, no dispute', async () => {
    const c = await chat();
    await c.send('公司前年五月被市场监管局列进了严重违法失信名单');
    await c.send('罚款早交了 整改也都搞完了 之后也没有挨过更重的处罚 眼下也没有什么限制措施还在执行');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts).toMatchObject({
      obligationsFulfilled: true,
      rectified: true,
      laterHeavierPenalty: false,
      statutoryMeasureRunning: false,
    });
    expect(c.last?.determination).toMatchObject({ path: 'serious-list-early-removal', eligible: true });
  });

  it('「没跟谁闹过纠纷」「没造成啥后果」 deny; 「有没有纠纷」 asks', async () => {
    const c = await chat();
    await c.send('公司年报里电话号码错了一位 没被列入 提醒后改了 不是故意的');
    await c.send('没造成啥后果 也没跟谁有纠纷');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.adverseImpact).toBe(false);
    expect(facts.majorImpactOrDispute).toBe(false);
  });

  it('the same error a second time after a reminder is a repeated error', async () => {
    const c = await chat();
    await c.send('公司年报上的网店名字跟实际对不上 没被列入异常 提醒后当天改好了');
    await c.send('老实讲 去年也因为这个被提醒过 今年算连着第二次了');
    expect((await c.engine.getCase(key)).facts.repeatedSameError).toBe(true);
    expect(c.last?.determination).toMatchObject({ path: 'minor-error-exemption', eligible: false });
  });
});

describe('the listing reason told beside the business and the year', () => {
  it('「…二三年被标记成经营异常的 当时冇晓得要报年报」 answers the reason question', async () => {
    const c = await chat();
    await c.send('家里的小店被弄成经营异常了 怎么办');
    await c.send('我们是个体户 卖早餐的 二三年被标记成经营异常的 当时冇晓得要报年报');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.listingReason).toBe('annual_report_overdue');
    expect(c.last?.determination.path).toBe('tolerant-repair-annual-report');
  });

  it('「gth」 and 「合做社」 are how people type 个体户 and 合作社', async () => {
    const c = await chat();
    await c.send('我家的gth 22年没报年报被列入经营异常了');
    expect((await c.engine.getCase(key)).facts.entityType).toBe('individual');
  });
});

describe('short answers after a vague opening', () => {
  it('「年报 冇按时报」 to "are you listed?" is the cause of a listing, not a "no"', async () => {
    const c = await chat();
    await c.send('我们社里的执照出问题了 我也搞不清楚');
    await c.send('对 是合作社 种茶叶的');
    await c.send('年报 冇按时报');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.listed).toBe(true);
    expect(facts.listingReason).toBe('annual_report_overdue');
    await c.send('二〇二三年');
    expect(c.last?.determination.path).toBe('tolerant-repair-annual-report');
  });

  it('「网上一查是经营异常」 is listed, and 「做早点的个体户」 after a place is the writer’s type', async () => {
    const c = await chat();
    await c.send('我那个店子在网上一查是经营异常 怎么搞');
    expect((await c.engine.getCase(key)).facts.listed).toBe(true);
    const d = await chat();
    await d.send('石南的 卖早点的个体户 去年被列了经营异常 说是年报没报');
    expect((await d.engine.getCase(key)).facts.entityType).toBe('individual');
  });
});

describe('a hedge on the year beside a sure reason', () => {
  it('「好像是2020年的事 是年报没报」 takes the reason and leaves the year open', async () => {
    const c = await chat();
    await c.send('我这个个体户老早就被标了经营异常 自己都忘了');
    await c.send('好像是2020年的事 是年报没报');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.listingReason).toBe('annual_report_overdue');
    expect(facts.listedYear).toBeUndefined();
  });
});

describe('not knowing how to go about it is no doubt about the fact', () => {
  it('「还没补 他不太清楚要怎么弄」 answers "no"', async () => {
    const c = await chat();
    await c.send('替我爸问一下 他在通城开的个体小卖部 2022年没报年报被列入经营异常名录了');
    await c.send('上一年度的纸质年报他还没补 他不太清楚要怎么弄');
    expect((await c.engine.getCase(key)).facts.previousYearReportFiled).toBe(false);
    expect(c.last?.determination).toMatchObject({ path: 'tolerant-repair-annual-report', eligible: false });
  });
  it('not knowing whether listed, among other facts, is no "not listed": the buffer is not decided', async () => {
    const c = await chat();
    await c.send('我是开米粉店的 前年换了个门面 执照上的地址一直没去改');
    await c.send('名录上到底有没有我们 我真不晓得有没有被列 一直没去查过 老板手机天天开着 别的违规也没有');
    expect((await c.engine.getCase(key)).facts.listed).toBeUndefined();
    expect(c.last?.determination?.eligible).not.toBe(true);
  });
  it('a loan waiting on the repair answers no question about the report', async () => {
    const c = await chat();
    await c.send('替我舅舅问的 他是个体户 开理发店 2023年年报没报被列入经营异常名录了');
    await c.send('去年的年报他说可能交了吧 我不确定');
    await c.send('他下个月想贷款 这个不弄好银行不给批');
    expect((await c.engine.getCase(key)).facts.previousYearReportFiled).toBeUndefined();
    expect(c.last?.determination?.eligible).toBeNull();
  });

  it('「…早改了」 answers the rectification question though the same message speaks of penalties', async () => {
    const c = await chat();
    await c.says(
      '去年六月因为价签标错被市场监管局罚了八千 不是从轻的 公示是去年七月 不是食品药品那些行业 罚款当时就交了',
      '整改',
    );
    // the 罚 of the other clause names another question's subject; 「早改了」 names this one's
    await c.says('价签早改了 这之后也没有因为同样的事挨过罚', '可以申请');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.rectified).toBe(true);
    expect(facts.repeatSameTypePenalty).toBe(false);
  });
});
