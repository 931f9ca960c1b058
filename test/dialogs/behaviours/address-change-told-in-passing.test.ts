// The address change of a business listed for being unreachable at its registered address, told the
// way owners and bookkeepers tell it: when it was done (「是去年办的」, then corrected to another month),
// that it was approved (核准, 批下来) or turned down (驳回), and what became of the old place (another
// company there now). A year corrected in passing belongs to the change, not to the listing, and a
// clause denying something else answers no other question (DOMAIN §5: the change registered decides
// the 容缺 route; a wrong "no" would close it).
import { describe, expect, it } from 'vitest';
import { chat } from '../transcript.ts';

const key = { channel: 'console', chatId: 'c1', userId: 'u1' } as const;

describe('the change registered, told with its date', () => {
  it('「是去年办的 哦不是去年 是今年四月份」 is the change done; the listing year stays as told', async () => {
    const c = await chat();
    await c.send('我们作坊2019年因为按登记的住所联系不上被列入经营异常名录了');
    await c.send('作坊挪到邻村去了 住所变更是去年办的 哦不是去年 是今年四月份才办好的');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.listedYear).toBe(2019);
    expect(facts.addressChangeRegistered).toBe(true);
    expect(c.last?.determination).toMatchObject({ path: 'tolerant-repair-address-change', eligible: true });
  });

  it('a bookkeeper telling the change approved (核准) for a client gets the 容缺 route', async () => {
    const c = await chat();
    await c.send(
      '我是帮客户记账的 他们有限公司因为通过登记的住所无法联系被列了异常 经营场所变更登记上周核准了 要准备哪些材料',
    );
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.addressChangeRegistered).toBe(true);
    expect(c.last?.determination).toMatchObject({ path: 'tolerant-repair-address-change', eligible: true });
  });

  it('a change turned down (驳回) is not registered', async () => {
    const c = await chat();
    await c.send('因为住所联系不上被列了异常 原来那个门面早退租了 地址变更在网上提交过 结果给驳回了');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.addressChangeRegistered).toBe(false);
    expect(c.last?.determination).toMatchObject({ path: 'tolerant-repair-address-change', eligible: false });
  });
});

describe('what became of the registered place', () => {
  it('「那边早换成别家公司了 找不到我们」 is nobody to reach there, and no change done', async () => {
    const c = await chat();
    await c.send(
      '我们公司前年搬到开发区了 一直没去改地址 去年被列进了异常名录 说是通过登记的住所无法联系 老写字楼那边早换成别家公司了 找不到我们的',
    );
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.reachableAtRegisteredAddress).toBe(false);
    expect(facts.addressChangeRegistered).toBe(false);
    expect(c.last?.determination).toMatchObject({ path: 'tolerant-repair-address-change', eligible: false });
  });
});

describe('a clause about another fact answers no other question', () => {
  it('「冇得其他违法违规的记录」 asked about other means of contact leaves that question open', async () => {
    const c = await chat();
    await c.send('店子上个月搬到街对面了 还没去改执照上的地址 目前没有被列入经营异常名录');
    await c.send('冇得其他违法违规的记录');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.otherViolations).toBe(false);
    expect(facts.reachableByOtherMeans).toBeUndefined();
    expect(c.last?.determination).toMatchObject({ path: 'punishment-buffer', eligible: null });
  });
});
