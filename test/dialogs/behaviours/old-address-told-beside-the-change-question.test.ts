// Asked whether the change of address is registered, people often answer about the old place
// instead: given up (「老店面早就卖了」) or back in it (「就在执照上的地址上班」). That tells whether
// they can be reached there, never that a change registration was done; a paid phone bill
// (「话费也交了」) is no finished task either.
import { describe, expect, it } from 'vitest';
import { chat } from '../transcript.ts';

const key = { channel: 'console', chatId: 'c1', userId: 'u1' } as const;

describe('the old address told in reply to the change question', () => {
  it('「老店面早就卖掉了 那边肯定联系不上」 is unreachable there, not a registered change', async () => {
    const c = await chat();
    await c.send('我们公司去年因为在登记的地址找不到人 被列入经营异常名录了');
    await c.send('执照上那个老店面早就卖掉了 原来那边肯定联系不上');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.addressChangeRegistered).toBeUndefined();
    expect(facts.reachableAtRegisteredAddress).toBe(false);
    expect(c.last?.determination.eligible).not.toBe(true);
  });

  it('「人回来了 就在执照上的地址上班 话费也交了」 is reachable there again, no change registered', async () => {
    const c = await chat();
    await c.send('合作社前年因为按登记的住所联系不上 被列入了经营异常名录');
    await c.send('现在人回来了 就在执照上的地址上班 话费也交了 打得通');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.addressChangeRegistered).toBeUndefined();
    expect(facts.reachableAtRegisteredAddress).toBe(true);
    await c.send('地址不打算变更 还用原来的');
    expect(c.last?.determination).toMatchObject({ path: 'standard-repair' });
  });
});

describe('a listing told with 把, and a change not done', () => {
  it('「就把我列进异常名录了」 is listed; 「变更登记还没去弄」 is no "not listed"', async () => {
    const c = await chat();
    await c.send('我是卖手机的个体户 按执照上的地址联系不上我 就把我列进经营异常名录去了');
    expect((await c.engine.getCase(key)).facts.listed).toBe(true);
    await c.send('铺子搬到对面街了 变更登记还没去弄 老铺子已经租给别人开饭馆了');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.listed).toBe(true);
    expect(facts.addressChangeRegistered).toBe(false);
    expect(c.last?.determination).toMatchObject({ path: 'tolerant-repair-address-change', eligible: false });
  });
});

describe('a correction with an aside between 不是 and 是', () => {
  it('「弄错了 不是个体户 我看了下执照 是有限公司」 makes it an enterprise, and answers no question', async () => {
    const c = await chat();
    await c.send('帮亲戚问一下 他的个体户前年没报年报被列入经营异常了');
    await c.send('弄错了 不是个体户 我看了下执照 是有限公司');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.entityType).toBe('enterprise');
    expect(facts.previousYearReportFiled).toBeUndefined();
    expect(c.last?.determination.path).not.toBe('tolerant-repair-annual-report');
  });
});

describe('not on the list, checked by the user', () => {
  it('「查过了 没在名录里」 is not listed, so a moved shop is the buffer case', async () => {
    const c = await chat();
    await c.send('执照上的地址是乡下那个老铺子 人已经搬到县城开了 地址还没变更');
    await c.send('查过了 没在名录里 手机一直打得通');
    expect((await c.engine.getCase(key)).facts.listed).toBe(false);
    expect(c.last?.determination.path).toBe('punishment-buffer');
  });
});

describe('an address that never changed, told beside being back there', () => {
  it('「又回到原来登记的门面开了 地址没变」 answers the change question: no change, reachable there', async () => {
    const c = await chat();
    await c.send('我是个体户 卖五金的 说按登记的住所联系不上 被列入经营异常名录了');
    await c.send('那阵子店关了几个月 现在又回到原来登记的门面开了 地址没变 电话也能打通');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.addressChangeRegistered).toBe(false);
    expect(c.last?.determination).toMatchObject({ path: 'standard-repair', eligible: true });
  });
});
