// Where the person is from is not where the business is registered, and a business set aside as
// another client's is not the one asked about: conversations that used to keep the first reading
// and end on a route (or a 「可以申请」) the corrected facts do not give.
import { describe, expect, it } from 'vitest';
import { chat } from '../transcript.ts';

const key = { channel: 'console', chatId: 'c1', userId: 'u1' } as const;
const SAYS_ELIGIBLE = /现在(就)?可以申请/;

describe('the county of the person is not the county of the business', () => {
  it('「我是平江人 在通城开的店」: the pilot measures still apply', async () => {
    const c = await chat();
    await c.send('我是平江人 在通城县开了个早餐铺 个体户 营业执照是通城办的');
    // the person's county is not the business's; the licence's, this county, is told
    expect((await c.engine.getCase(key)).facts.inJurisdiction).toBe(true);
    await c.send('前年没报年报 被列入经营异常名录了');
    await c.send('去年那份纸质年报已经交了 网上也公示了');
    expect(c.last?.determination).toMatchObject({ path: 'tolerant-repair-annual-report', eligible: true });
  });

  it('a county said by mistake, corrected with 「我是X人 说顺嘴了」, is replaced by this one', async () => {
    const c = await chat();
    await c.send('帮我舅舅问 他店子是嘉鱼县的 个体户 2023年没报年报被列入异常了');
    expect((await c.engine.getCase(key)).facts.inJurisdiction).toBe(false);
    await c.says('哦讲错了 铺子是在通城县隽水镇 执照也是通城发的 我是嘉鱼人 说顺嘴了', '已改为');
    expect((await c.engine.getCase(key)).facts.inJurisdiction).toBe(true);
    await c.send('上一年度的纸质年报已经补了 也公示了');
    expect(c.last?.determination).toMatchObject({ path: 'tolerant-repair-annual-report', eligible: true });
  });
});

describe('a type set aside as another client’s', () => {
  it('「不是个体户 是有限公司 个体户那家是另一个客户」 makes it a company, and no tolerant route is granted', async () => {
    const c = await chat();
    await c.send('我是代账的 帮客户问下 他是个体户 2023年年报没报被列入异常名录了');
    expect(c.last?.determination.path).toBe('tolerant-repair-annual-report');
    await c.says('搞混了 这家不是个体户 是一家有限公司 开饭店的 个体户那家是另一个客户', '已改为');
    expect((await c.engine.getCase(key)).facts.entityType).toBe('enterprise');
    const text = await c.send('去年的年报已经补报了');
    expect(c.last?.determination.path).toBe('standard-repair');
    expect(c.last?.determination.eligible).not.toBe(true);
    expect(text).not.toMatch(SAYS_ELIGIBLE);
  });
});
