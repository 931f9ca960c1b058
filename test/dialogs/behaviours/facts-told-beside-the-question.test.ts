// Behaviour 2: a fact told beside the open question is taken, so the interview does not stall on it.
// A year said right before a listing verb dates the listing even when filing words follow; a shop
// named 「个体…店」 is an individual business; a sentence ending in a question mark answers nothing;
// being back at (or still away from) the registered address answers "reachable there?".
import { describe, expect, it } from 'vitest';
import { chat } from '../transcript.ts';

const key = { channel: 'console', chatId: 'c1', userId: 'u1' } as const;

describe('facts told beside the open question', () => {
  it('「是2022年列进去的 年报没交」 answering "why?" also gives the year', async () => {
    const c = await chat();
    await c.says('我是个体户 开修车铺的 被弄成经营异常了', '原因');
    await c.send('查过了 是二〇二二年列进去的 因为年报没交');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.listingReason).toBe('annual_report_overdue');
    expect(facts.listedYear).toBe(2022);
    expect(c.last?.replies.map((r) => JSON.stringify(r)).join('')).not.toContain('哪一年');
  });

  it('「个体早餐铺」 names an individual business', async () => {
    const c = await chat();
    await c.send('我爸开了一家个体早餐铺，2022年没按时报年报被列进异常了');
    expect((await c.engine.getCase(key)).facts.entityType).toBe('individual');
  });

  it('a question sentence after a yes does not turn it into a no', async () => {
    const c = await chat();
    await c.says('我们合作社2021年因为年报没报被列入异常了', '上一年度');
    await c.send('上一年度的纸质年报已经补交并且公示了。还要带别的东西吗？');
    expect((await c.engine.getCase(key)).facts.previousYearReportFiled).toBe(true);
    expect(c.last?.determination).toMatchObject({ path: 'tolerant-repair-annual-report', eligible: true });
  });

  it('moved back to the registered address: reachable there, the standard route is open', async () => {
    const c = await chat();
    await c.says('我们厂被列入经营异常名录了 理由是登记的住所联系不到', '变更登记');
    await c.send('去年厂子挪到镇上去了 上个月又搬回执照上登记的老厂房地址了 现在就在老地址正常生产');
    await c.send('变更登记没去办');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.reachableAtRegisteredAddress).toBe(true);
    expect(c.last?.determination).toMatchObject({ path: 'standard-repair', eligible: true });
  });

  it('not moved back and no change registered: the address-change route, not yet', async () => {
    const c = await chat();
    await c.says('我们公司因为登记地址联系不上被标记异常了', '变更登记');
    await c.send('变更登记还没办 公司也没搬回原来那栋楼去');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.reachableAtRegisteredAddress).toBe(false);
    expect(c.last?.determination).toMatchObject({ path: 'tolerant-repair-address-change', eligible: false });
  });

  it('after an unreachable listing, 「那边冇得人」 and a bare 「变更冇办」 in later messages are about the address', async () => {
    const c = await chat();
    await c.send('我们合作社被列入经营异常名录了 说是按登记的住所联系不上');
    await c.send('登记的那个仓库早就退了 现在那边冇得人 寄过去的东西都退回来了');
    await c.send('变更冇办 要不要先去办变更啊');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.reachableAtRegisteredAddress).toBe(false);
    expect(facts.addressChangeRegistered).toBe(false);
    expect(c.last?.determination).toMatchObject({ path: 'tolerant-repair-address-change', eligible: false });
  });

  it('a publication date told with 「我记得应该是…」 is no listing-year correction', async () => {
    const c = await chat();
    await c.send('我们饭店因为卫生问题被县市场监管局罚款6万 处罚在网上公示着');
    await c.send('公示时间我记得应该是5月份 查了一下 是今年5月8号公示的');
    expect((await c.engine.getCase(key)).facts.listedYear).toBeUndefined();
  });
});

describe('statements that only look like questions or lack a verb of moving', () => {
  it('「也没惹出什么麻烦」 in a statement asks nothing: no side answer, the facts are taken', async () => {
    const c = await chat();
    await c.send('公司还没被列异常 年报里联系电话填错了');
    await c.send('所里提醒了以后马上就改好了 不是存心的 也没惹出什么麻烦');
    expect(c.last?.commands?.some((cmd) => cmd.type === 'ask-topic')).toBe(false);
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.correctedAfterReminder).toBe(true);
    expect(facts.intentional).toBe(false);
  });

  it('「有没有什么要带的」 is still a question', async () => {
    const c = await chat();
    await c.says('我们合作社2022年因为年报没报被列入异常了', '上一年度');
    await c.says('有没有什么要带的', '申请书');
  });

  it('「老板也没回执照上那个地址」: not reachable at the registered address', async () => {
    const c = await chat();
    await c.says('我们公司因为登记的地址联系不到被列了异常', '变更登记');
    await c.send('变更还没去办 老板也没回执照上那个地址 在城东另外租了门面');
    expect((await c.engine.getCase(key)).facts.reachableAtRegisteredAddress).toBe(false);
    expect(c.last?.determination).toMatchObject({ path: 'tolerant-repair-address-change', eligible: false });
  });
});

describe('the registered place gone or taken', () => {
  it.each([
    ['原先登记的那个门面去年被拆掉了 我们现在在镇上另外租了地方'],
    ['登记的老厂房早租给别人了 我们也回不去'],
  ])('「%s」: not reachable there, so the change must be registered first', async (story) => {
    const c = await chat();
    await c.send('我们公司因为按登记的住所联系不上 被列入经营异常名录了');
    await c.send(story);
    await c.send('地址变更还没去办');
    expect(c.last?.determination).toMatchObject({ path: 'tolerant-repair-address-change', eligible: false });
  });
});
