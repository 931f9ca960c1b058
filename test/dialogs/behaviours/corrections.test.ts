// Behaviour 1: a correction replaces the fact, is confirmed in one line and survives later messages.
import { describe, expect, it } from 'vitest';
import { chat } from '../transcript.ts';

const key = { channel: 'console', chatId: 'c1', userId: 'u1' } as const;

describe('corrections', () => {
  it('「说错了，是2020年」 replaces the year at once, in one line, and it stays', async () => {
    const c = await chat();
    await c.send('个体户，2019年因为没报年报被列入经营异常了');
    const text = await c.says('说错了，是2020年', '已改为', '2020');
    expect(text).not.toContain('以哪个为准');
    await c.send('要准备什么材料');
    await c.send('上一年度的纸质年报已经补报并公示了');
    expect((await c.engine.getCase(key)).facts.listedYear).toBe(2020);
    expect(c.last?.determination).toMatchObject({ path: 'tolerant-repair-annual-report', eligible: true });
  });

  it('「一直叫错了」 after the licence is read names a mistaken name: the type is replaced, not asked back', async () => {
    const c = await chat();
    await c.send('我帮我舅舅问 他的五金公司2022年没报年报被列入经营异常了');
    const text = await c.says('看了执照 登记的是个体工商户 不是公司 我们平时一直喊错了', '已改为');
    expect(text).not.toContain('以哪个为准');
    expect((await c.engine.getCase(key)).facts.entityType).toBe('individual');
  });

  it('a new value without a correction word is asked back, with both values one tap away', async () => {
    const c = await chat();
    await c.send('我是个体户，2021年没报年报被列入经营异常了');
    await c.says('我们是有限公司', '以哪个为准');
    await c.pick('改为');
    expect((await c.engine.getCase(key)).facts.entityType).toBe('enterprise');
  });

  it('「不对」 in a correction is not read as the answer to the open yes/no question', async () => {
    const c = await chat();
    await c.send('我家开了个小超市，个体户，2021年因为没报年报被标记成经营异常了');
    await c.says('不对，是2022年', '已改为');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.listedYear).toBe(2022);
    expect(facts.previousYearReportFiled).toBeUndefined();
  });

  it('a belief taken back is no answer: only some years filed, 「我以为都弄完了」', async () => {
    const c = await chat();
    await c.send('我们是有限公司 年报冇报被列入异常了');
    await c.send('22年被列的 22 23 24年的年报都补了');
    await c.send('问了代账的 24年那年的还冇报 只报了22和23 我以为她都弄完了');
    expect((await c.engine.getCase(key)).facts.allOverdueReportsFiled).toBe(false);
    expect(c.last?.determination).toMatchObject({ path: 'standard-repair', eligible: false });
  });
});

describe('a corrected filing year is not the listing year', () => {
  it('「记错了 报的是大前年的 上一年的还没报」 keeps the listing year and takes back the filing', async () => {
    const c = await chat();
    await c.send('合作社 2022年被列 年报冇报');
    await c.send('上一年度的年报我们补了');
    await c.says('哎记错了 报的是大前年的 上一年的还没报', '已改为');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.listedYear).toBe(2022);
    expect(facts.previousYearReportFiled).toBe(false);
    expect(c.last?.determination).toMatchObject({ path: 'tolerant-repair-annual-report', eligible: false });
  });
});

describe('「不是X，是Y」 of a choice told earlier', () => {
  it('「不是严重违法那个 是经营异常」 puts the abnormal list in place of the serious list', async () => {
    const c = await chat();
    await c.send('我是个体户 卖五金的 邻居说我进了严重违法失信名单');
    await c.send('在公示系统上看了 不是严重失信的那个 是经营异常 20年没交年报被列的');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.recordType).toBe('abnormal_list');
    expect(facts.listingReason).toBe('annual_report_overdue');
    await c.send('上一年度的纸质年报前几天交了 所里也给公示了');
    expect(c.last?.determination).toMatchObject({ path: 'tolerant-repair-annual-report', eligible: true });
  });

  it('「不是欠年报 是按地址找不到人」 replaces the listing reason, and is no answer to the open question', async () => {
    const c = await chat();
    await c.send('我们合作社2022年因为没报年报被列入了经营异常');
    await c.says('不是欠年报 是按登记的地址找不到人', '已改为');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.listingReason).toBe('unreachable_at_address');
    expect(facts.previousYearReportFiled).toBeUndefined();
    await c.send('变更登记上周办下来了');
    expect(c.last?.determination).toMatchObject({ path: 'tolerant-repair-address-change', eligible: true });
  });

  it('「不是X」 where X is not what was told corrects nothing', async () => {
    const c = await chat();
    await c.send('我们合作社2022年因为没报年报被列入了经营异常');
    await c.send('不是地址的问题 是年报的问题');
    expect((await c.engine.getCase(key)).facts.listingReason).toBe('annual_report_overdue');
  });
  it('「原因不是地址 是年报没按时报」 corrects the listing reason named by its topic noun', async () => {
    const c = await chat();
    await c.send('我们奶茶店是个体户 搬了地方 前年被列入异常名录了');
    await c.send('变更还没办 过段时间再弄');
    await c.send('刚看了通知 原因不是地址 是年报没按时报 去年的纸质年报上个月补了 也公示了');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.listingReason).toBe('annual_report_overdue');
    expect(c.last?.determination).toMatchObject({ path: 'tolerant-repair-annual-report', eligible: true });
  });

  it('a finding just looked up (「刚查了一下 已经被列入了」) replaces a guess without asking which holds', async () => {
    const c = await chat();
    await c.send('公司搬到新地方了 应该还没被列异常吧');
    const text = await c.send('刚才在公示系统查了一下 已经被列入经营异常名录了 原因是登记的住所联系不上');
    expect(text).not.toContain('以哪个为准');
    await c.send('地址变更登记上个月就办好了 新执照也拿了');
    expect(c.last?.determination).toMatchObject({ path: 'tolerant-repair-address-change', eligible: true });
  });

  it('「不是不是 我人是崇阳的 执照在通城县」 takes back another county', async () => {
    const c = await chat();
    await c.send('我崇阳的 个体户 2021年没报年报被列了经营异常');
    await c.send('不是不是 我人是崇阳的 店子和执照都在通城县 通城县市场监督管理局登记的');
    await c.send('去年的纸质年报补报了 也公示了');
    expect((await c.engine.getCase(key)).facts.inJurisdiction).not.toBe(false);
    expect(c.last?.determination).toMatchObject({ path: 'tolerant-repair-annual-report', eligible: true });
  });
  it('of two records told, the one the user says to repair (「主要是想把经营异常名录修复掉」) decides the route', async () => {
    const c = await chat();
    await c.send('两件事 第一件 今年市场监管局罚了我们店三千 从轻处罚的 钱交了');
    await c.send('第二件 店搬家以后被列入经营异常名录了 登记的地址联系不上 新地址的变更登记上周办好了');
    await c.send('罚款那个无所谓 我主要是想把经营异常名录这个修复掉');
    expect((await c.engine.getCase(key)).facts.recordType).toBe('abnormal_list');
    expect(c.last?.determination).toMatchObject({ path: 'tolerant-repair-address-change', eligible: true });
  });

  it('「个体户是我老婆的 …是我自己那个有限公司」 corrects the type to the writer’s own', async () => {
    const c = await chat();
    await c.send('我是个体户 21年没报年报被标记经营异常了');
    await c.send('不是不是 搞混了 个体户是我老婆的 没报年报被列异常的是我自己那个贸易公司 有限责任公司');
    await c.send('去年的年报已经补报了 但是21 22年的还没补');
    expect((await c.engine.getCase(key)).facts.entityType).toBe('enterprise');
    expect(c.last?.determination).toMatchObject({ path: 'standard-repair', eligible: false });
  });
  it('「不是故意的 这是头一回出这种错」 denies one fact and tells another: nothing is taken back', async () => {
    const c = await chat();
    await c.send('我们公司年报里公示的网店名称跟抽查时的不一样 网店改过名没更新');
    await c.send('没被列入异常名录 工作人员提醒以后 我们两天就改过来了 在规定期限内');
    await c.send(
      '不是故意的 这是头一回出这种错 也没造成什么影响 没跟人起纠纷 抽查的时候全程配合 卖文具的也不涉及安全',
    );
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.intentional).toBe(false);
    expect(facts.missedCorrectionDeadline).toBe(false);
    expect(c.last?.determination).toMatchObject({ path: 'minor-error-exemption', eligible: true });
  });
  it('a correction whose marker also closes the message: the entity named after 不是…是 wins', async () => {
    const c = await chat();
    await c.send('帮我舅舅问 他的公司没报年报被列入经营异常名录了');
    await c.send('说错了 我看了他执照的照片 不是公司 类型那里写的是个体工商户 他自己搞混了');
    expect((await c.engine.getCase(key)).facts.entityType).toBe('individual');
    await c.send('列入的时间是2022年 去年那份纸质年报上周补报公示了');
    expect(c.last?.determination).toMatchObject({ path: 'tolerant-repair-annual-report', eligible: true });
  });
});
