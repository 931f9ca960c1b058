// Long stories told over several turns: a reply asking back is no answer (「…可以申请移出冇」), the
// reports owed named while the cause is asked answer it, a place pulled down or taken back says
// whether anyone can be found there, one year put against another corrects the listing year, and
// what the user did not say of the other years is left to be asked.
import { describe, expect, it } from 'vitest';
import { chat } from '../transcript.ts';

const key = { channel: 'console', chatId: 'c1', userId: 'u1' } as const;

describe('long stories told in turns', () => {
  it('「…现在能申请移出冇」 while the reports question is open asks, and answers nothing', async () => {
    const c = await chat();
    await c.send('我们有限公司22年年报没报 被列进经营异常了 去年那份年报交了');
    await c.send('那我现在能申请移出来冇');
    expect((await c.engine.getCase(key)).facts.allOverdueReportsFiled).toBeUndefined();
  });

  it('nothing said of the other years leaves them unknown', async () => {
    const c = await chat();
    await c.send('我们公司因为年报没报被列了异常 是21年的事');
    await c.send('会计只讲了去年的年报已经补交了 剩下几年的她冇提');
    expect((await c.engine.getCase(key)).facts.allOverdueReportsFiled).toBeUndefined();
  });

  it('the reports owed, told while the cause is asked, answer the cause and say they are filed', async () => {
    const c = await chat();
    await c.send('我是个体户 开个早餐店 一九年被标记了经营异常状态');
    await c.send('缺的那些年的年报 一九到二四年 上半年全都一份一份补上了');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.listingReason).toBe('annual_report_overdue');
    expect(facts.allOverdueReportsFiled).toBe(true);
  });

  it('a shop pulled down, never to go back, is not reachable there', async () => {
    const c = await chat();
    await c.send('我是个体户 修车铺 旧门面那边拆迁 前年搬到新街去了 执照地址没改');
    await c.send('因为登记的地方联系不上被列异常了');
    await c.send('老门面早就拆平哒 是不可能再回克的');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.reachableAtRegisteredAddress).toBe(false);
    expect(c.last?.determination).toMatchObject({ path: 'tolerant-repair-address-change' });
  });

  it('the registered place taken back again is reachable there', async () => {
    const c = await chat();
    await c.send('我们是有限公司 去年因为登记住所联系不上被列了经营异常');
    await c.send('今年又把原来那间仓库租回来了 就是执照上那个地址 地址没变过 变更也没办');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.reachableAtRegisteredAddress).toBe(true);
  });

  it('「不是X年 是Y年」 corrects the listing year though a marker after it explains the other year', async () => {
    const c = await chat();
    await c.send('我是个体户 一八年被列入经营异常的 因为没报年报');
    await c.send('不是一八年 是二二年 我记混了 一八年是我开店那年');
    expect((await c.engine.getCase(key)).facts.listedYear).toBe(2022);
  });
});
