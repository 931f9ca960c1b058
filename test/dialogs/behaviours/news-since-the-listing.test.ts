// How the business stands now, told after how it stood when it was listed, is news, not a
// contradiction: 「现在又搬回执照上那个地址了」 after 「登记的地址找不到人被列了」 is taken without 以哪个为准.
import { describe, expect, it } from 'vitest';
import { chat } from '../transcript.ts';

const key = { channel: 'console', chatId: 'c1', userId: 'u1' } as const;

describe('news since the listing', () => {
  it('back at the registered address now: reachable there, no "which one is right"', async () => {
    const c = await chat();
    await c.send('我们贸易公司前年仓库翻修 登记的地址一直没人 被列入经营异常名录了 说是住所联系不上');
    await c.send('如今翻修完了 已经搬回原来登记的地址办公 随时找得到人 地址变更没办也不打算办');
    const replies = c.last?.replies.map((r) => JSON.stringify(r)).join('') ?? '';
    expect(replies).not.toContain('以哪个为准');
    expect((await c.engine.getCase(key)).facts.reachableAtRegisteredAddress).toBe(true);
    expect(c.last?.determination).toMatchObject({ path: 'standard-repair', eligible: true });
  });
  it('a step taken since it was told not done: 「今天刚办下来」 after 「还没来得及变更」 is progress, not a contradiction', async () => {
    const c = await chat();
    await c.send('我们公司因为登记的地址联系不上被列入经营异常名录了');
    await c.send('前年搬到城东了 当时没来得及办变更');
    expect((await c.engine.getCase(key)).facts.addressChangeRegistered).toBe(false);
    await c.send('昨天总算把住所变更登记办下来了 现在能申请了吧');
    const replies = c.last?.replies.map((r) => JSON.stringify(r)).join('') ?? '';
    expect(replies).not.toContain('以哪个为准');
    expect(c.last?.determination).toMatchObject({ path: 'tolerant-repair-address-change', eligible: true });
  });
  it('a step taken after the result, told with a question: 「今天上午把剩下的罚款交了 现在能申请了吧」', async () => {
    const c = await chat();
    await c.send('我们公司去年5月因为虚假宣传被市场监管局罚了6万 没从轻 去年6月公示的 不是食品药品行业');
    await c.send('广告早就撤了 也整改了 之后没再因为这种事被罚过 就是罚款还没交清');
    expect(c.last?.determination).toMatchObject({ path: 'penalty-publicity-repair', eligible: false });
    await c.send('今天上午把剩下的罚款交了 收据也拿到了 现在能申请修复了吧');
    expect(c.last?.determination).toMatchObject({ path: 'penalty-publicity-repair', eligible: true });
  });
  it('a listing found after a minor-error story: what that topic presumed (not listed) gives way without "which one is right"', async () => {
    const c = await chat();
    await c.send('我们公司年报里的实缴资本写得跟实际对不上 去年抽查发现的 我以为只是提醒一下 属于轻微差错');
    await c.send('昨天去办贷款 银行讲我们上了经营异常名录 一查果然 2025年列入的 理由是公示信息弄虚作假');
    const replies = c.last?.replies.map((r) => JSON.stringify(r)).join('') ?? '';
    expect(replies).not.toContain('以哪个为准');
    expect((await c.engine.getCase(key)).facts.listed).toBe(true);
    await c.send('实缴资本早就按真实情况改过来重新公示了 怎么才能移出');
    expect(c.last?.determination).toMatchObject({ path: 'standard-repair', eligible: true });
  });
  it('listed since it was told not listed: 「刚才收到短信 说已经被列入了」 is news, not "which one is right"', async () => {
    const c = await chat();
    await c.send('我们个体店搬到街对面去了 没在执照上的地址营业 还没有被列入异常');
    expect((await c.engine.getCase(key)).facts.listed).toBe(false);
    await c.send('今天早上收到短信 说已经因为登记的住所联系不上被列入经营异常名录了');
    const replies = c.last?.replies.map((r) => JSON.stringify(r)).join('') ?? '';
    expect(replies).not.toContain('以哪个为准');
    expect((await c.engine.getCase(key)).facts.listed).toBe(true);
    await c.send('变更还没办 原来那个门面房东收回去租给别个了');
    expect(c.last?.determination).toMatchObject({ path: 'tolerant-repair-address-change', eligible: false });
  });
  it('a setback told as news: the change the window turned back is not registered, with no 以哪个为准', async () => {
    const c = await chat();
    await c.send('我们厂因为登记的地址找不到人被列入异常名录了 住所变更前几天已经办了');
    await c.send('刚才窗口打电话来 说我们交的房屋证明不行 变更冇办成 老厂房那边早就冇人了');
    const replies = c.last?.replies.map((r) => JSON.stringify(r)).join('') ?? '';
    expect(replies).not.toContain('以哪个为准');
    expect((await c.engine.getCase(key)).facts.addressChangeRegistered).toBe(false);
    expect(c.last?.determination?.eligible).toBe(false);
  });
  it('reachable again: a new number reported after the old one was told dead opens the buffer', async () => {
    const c = await chat();
    await c.send('我们店搬走了 还没被列入经营异常名录 原来留的手机号停了 所里找不到我们');
    expect(c.last?.determination).toMatchObject({ path: 'punishment-buffer', eligible: false });
    await c.send('今天把新的手机号报给所里了 他们打过来是通的 也冇其他违法违规的事');
    expect(c.last?.determination).toMatchObject({ path: 'punishment-buffer', eligible: true });
  });
});
