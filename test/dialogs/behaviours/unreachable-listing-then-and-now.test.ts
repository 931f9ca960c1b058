// A business listed because it could not be reached at its registered address tells two times in one
// story: why it was listed (「短信说按登记的地址联系不上」, as the notice words it) and how it stands now
// (back in the old shop, or nobody there). Only the second decides the route (DOMAIN §5): reachable
// there again without a change is the standard route; otherwise only a registered change helps, and a
// change applied for but not approved is not registered yet.
import { describe, expect, it } from 'vitest';
import { chat } from '../transcript.ts';

const key = { channel: 'console', chatId: 'c1', userId: 'u1' } as const;

describe('the cause as the notice words it is not how it stands now', () => {
  it('「通知上讲按登记的住所联系不上」 leaves reachability open; back in the old shop decides it', async () => {
    const c = await chat();
    await c.send('我开的粮油店被列进经营异常了 通知上讲按登记的住所联系不上 那几个月我在外地');
    let facts = (await c.engine.getCase(key)).facts;
    expect(facts.listingReason).toBe('unreachable_at_address');
    expect(facts.reachableAtRegisteredAddress).toBeUndefined();
    expect(c.last?.determination.path).toBe('undetermined');
    await c.send('现在回来了 还是原来那个店面 每天都开门 执照上的地址从来没变过');
    facts = (await c.engine.getCase(key)).facts;
    expect(facts.reachableAtRegisteredAddress).toBe(true);
    expect(facts.addressChangeRegistered).toBe(false);
    expect(c.last?.determination).toMatchObject({ path: 'standard-repair', eligible: true });
  });

  it('「到那里根本找不到人」 after the cause is nobody there now: the change is the way back', async () => {
    const c = await chat();
    await c.send(
      '有限公司去年被列入异常名录 理由是住所无法联系 变更到现在还没办 原来的仓库那块地早推平了 到那里根本找不到人',
    );
    expect((await c.engine.getCase(key)).facts.reachableAtRegisteredAddress).toBe(false);
    expect(c.last?.determination).toMatchObject({ path: 'tolerant-repair-address-change', eligible: false });
  });
});

describe('whether the change is registered', () => {
  it('a change applied for and still under review is not registered yet', async () => {
    const c = await chat();
    await c.send(
      '我们公司因为住所联系不上被列入了异常 老办公室那边早就没我们的人了 地址变更的材料上个礼拜递上去了 所里还在审核',
    );
    expect((await c.engine.getCase(key)).facts.addressChangeRegistered).toBe(false);
    expect(c.last?.determination).toMatchObject({ path: 'tolerant-repair-address-change', eligible: false });
  });

  it('the new licence showing the new address is the change registered', async () => {
    const c = await chat();
    await c.send(
      '合作社前年因为按登记的住所联系不上被列入经营异常名录 后来换了新执照 新执照上面已经是现在这个村部的地址了',
    );
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.addressChangeRegistered).toBe(true);
    expect(facts.reachableAtRegisteredAddress).toBeUndefined();
    expect(c.last?.determination).toMatchObject({ path: 'tolerant-repair-address-change', eligible: true });
  });
});

describe('where the business is registered, and where one asks to apply', () => {
  it('「说是联系不上」 names the cause, so a business of another county gets the national route', async () => {
    const c = await chat();
    await c.send('嘉鱼县的一个个体户被列异常了 说是联系不上 要怎么弄');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts).toMatchObject({ listingReason: 'unreachable_at_address', inJurisdiction: false });
    expect(c.last?.determination.path).toBe('standard-repair');
  });

  it('「能在赤壁那边办吗」 asks where to apply; the licence of this county keeps its route', async () => {
    const c = await chat();
    await c.send('我是个体户 执照是在通城办的 前年铺子搬到赤壁去了');
    await c.send('被列入经营异常名录了 说按登记的经营场所联系不上');
    await c.send('通城的老铺面早就退了 没人 变更也没办 能在赤壁那边办吗');
    const facts = (await c.engine.getCase(key)).facts;
    // the licence's county, told in the first message, is the configured one; the county asked
    // about to apply changes nothing
    expect(facts.inJurisdiction).toBe(true);
    expect(c.last?.determination).toMatchObject({ path: 'tolerant-repair-address-change', eligible: false });
  });
});

describe('an agent asking what to bring', () => {
  it('「还是我拿委托书和身份证就能办」 is answered as the agent question, not with where the case stands', async () => {
    const c = await chat();
    await c.send('我帮客户办的 客户是个体户 因为登记的经营场所联系不上被列入经营异常名录');
    const reply = await c.send('客户要不要本人到场 还是我拿委托书和身份证就能办');
    expect(c.last?.commands?.some((x) => x.type === 'verdict')).toBe(false);
    expect(reply).toContain('授权委托书');
    expect(reply).toContain('身份证件');
  });
});

describe('a cause the writer only believed', () => {
  it('「我本来以为是地址的事」 names no cause; the one found out later decides the route', async () => {
    const c = await chat();
    await c.send('我替老板问 公司前年被列进经营异常名录了 我本来以为是地址联系不上的事');
    expect((await c.engine.getCase(key)).facts.listingReason).toBeUndefined();
    await c.send('刚刚查清楚了 原因是年度报告没有按时公示');
    await c.send('两年的年报只补了一年 还有一年没补');
    expect((await c.engine.getCase(key)).facts.listingReason).toBe('annual_report_overdue');
    expect(c.last?.determination).toMatchObject({ path: 'standard-repair', eligible: false });
  });
});
