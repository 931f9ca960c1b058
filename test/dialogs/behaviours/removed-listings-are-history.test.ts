// A listing told as already removed is history: its cause and year are not the case's. With no other
// listing told the business is not listed now; a listing told after it, or beside it, is the one the
// bot decides (past-listing.ts, stated-over-stored.ts listingChangedSince).
import { describe, expect, it } from 'vitest';
import { chat } from '../transcript.ts';

const key = { channel: 'console', chatId: 'c1', userId: 'u1' } as const;
const said = (c: Awaited<ReturnType<typeof chat>>) =>
  c.last?.replies.map((r) => JSON.stringify(r)).join('') ?? '';

describe('removed listings are history', () => {
  it('an old address listing removed, the annual-report one now: the route is the annual report one', async () => {
    const c = await chat();
    await c.send(
      '我们是家具公司 三年前因为住所联系不上进过一次异常名录 办完变更早就移出去了 这次是因为年报没报又被列了',
    );
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.listed).toBe(true);
    expect(facts.listingReason).toBe('annual_report_overdue');
    expect(facts.entityType).toBe('enterprise');
  });
  it('the only listing told is removed: not listed now, so a move without registering is the buffer', async () => {
    const c = await chat();
    await c.send('我那个副食店是个体户 以前被标记过经营异常 后来补了年报 已经恢复正常了');
    expect((await c.engine.getCase(key)).facts.listed).toBe(false);
    await c.send('最近店面搬到菜市场对面去了 还没去变更登记 也没有被列入 电话一直能打通 没有别的违法违规');
    expect(said(c)).not.toContain('以哪个为准');
    expect(c.last?.determination).toMatchObject({ path: 'punishment-buffer', eligible: true });
  });
  it('a new listing told after the removed one is taken without "which one is right"', async () => {
    const c = await chat();
    await c.send('我们合作社 前些年年报的那个异常老早就解除了');
    expect((await c.engine.getCase(key)).facts.listed).toBe(false);
    await c.send('今年又被列了 因为搬走了原来登记的住所联系不上 变更还冇办');
    expect(said(c)).not.toContain('以哪个为准');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.listed).toBe(true);
    expect(facts.listingReason).toBe('unreachable_at_address');
  });
  it('another, earlier listing told removed beside the case keeps the case listed and eligible', async () => {
    const c = await chat();
    await c.send('个体工商户 2023年因为没报年报被列入经营异常名录');
    await c.send('上一年度的纸质年报已经补报并且公示了');
    expect(c.last?.determination).toMatchObject({ path: 'tolerant-repair-annual-report', eligible: true });
    await c.send('对了 之前还有一次地址的异常 那个早就移出了');
    expect(said(c)).not.toContain('以哪个为准');
    expect((await c.engine.getCase(key)).facts.listed).toBe(true);
    expect(c.last?.determination).toMatchObject({ path: 'tolerant-repair-annual-report', eligible: true });
  });
  it('asking whether it was removed, or having applied for removal, removes nothing', async () => {
    const c = await chat();
    await c.send(
      '我们公司2024年因为年报没报被列入异常 所有年份的年报都补报了 已经申请移出 不知道移出来了没有',
    );
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.listed).toBe(true);
    expect(c.last?.determination).toMatchObject({ path: 'standard-repair', eligible: true });
  });
  it('the case own listing told removed, then a new one: the new cause and year replace it without 以哪个为准', async () => {
    const c = await chat();
    await c.send('我们是茶叶专业合作社 2021年因为住所那边联系不上被列过异常');
    await c.send('那个后来办好了住所变更 早就移出来了');
    expect((await c.engine.getCase(key)).facts.listed).toBe(false);
    await c.send('可是这个月又在名录里面了 上面写的是未按规定报送年度报告 列入日期2025年');
    expect(said(c)).not.toContain('以哪个为准');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts).toMatchObject({ listed: true, listingReason: 'annual_report_overdue', listedYear: 2025 });
  });
});
