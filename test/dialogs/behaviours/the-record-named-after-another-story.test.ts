// The record named after a story that began as something else: a move told first (read as the
// punishment buffer's story, no listing), or a penalty asked about. 「不是处罚 是经营异常名录」 names
// the record against another: what the earlier messages made of the case never turns it into nothing
// or into its negation.
import { describe, expect, it } from 'vitest';
import { chat } from '../transcript.ts';

const key = { channel: 'console', chatId: 'c1', userId: 'u1' } as const;

describe('the record named after another story', () => {
  it('a move told first, then the listing named against a penalty, with its year', async () => {
    const c = await chat();
    await c.send('我们店搬到新街上去了 原来登记的那个门面现在没人 会不会有影响');
    await c.send('刚才问了所里 不是处罚 是经营异常名录 前年列进去的');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts).toMatchObject({ listed: true, listedYear: 2024 });
    expect(c.last?.determination.path).not.toBe('punishment-buffer');
  });

  it('a penalty asked about, the system showing the listing’s reason, then the listing named', async () => {
    const c = await chat();
    await c.send('我们店是不是被罚了 系统里有一条 写的登记的经营场所无法联系');
    expect((await c.engine.getCase(key)).facts).toMatchObject({
      listed: true,
      listingReason: 'unreachable_at_address',
    });
    await c.send('噢 看清楚了 是经营异常名录 不是行政处罚 前年列进去的');
    expect((await c.engine.getCase(key)).facts).toMatchObject({
      listed: true,
      listingReason: 'unreachable_at_address',
      listedYear: 2024,
    });
  });

  it('a move told first, then a penalty named against the listing: the penalty, not the buffer', async () => {
    const c = await chat();
    await c.send('我们店搬到新街上去了 原来登记的那个门面现在没人');
    await c.send('不是经营异常 是行政处罚 去年罚了三千');
    expect((await c.engine.getCase(key)).facts).toMatchObject({ recordType: 'admin_penalty' });
    expect(c.last?.determination.path).not.toBe('punishment-buffer');
  });

  it('asked whether listed, the serious list named and the listing denied', async () => {
    const c = await chat();
    await c.send('我们公司信用有问题 贷款办不下来');
    await c.send('查清楚了 是严重违法失信名单 不是经营异常名录');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.recordType).toBe('serious_list');
    expect(facts.listed).not.toBe(true);
  });
});
