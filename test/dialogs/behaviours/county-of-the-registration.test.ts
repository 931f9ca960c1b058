// Which county the business is registered in: an earlier business elsewhere, a county named with a
// doubt and a bureau that only punished say nothing of it; the licence's county does.
import { describe, expect, it } from 'vitest';
import { chat } from '../transcript.ts';

const key = { channel: 'console', chatId: 'c1', userId: 'u1' } as const;

describe('the county of the registration', () => {
  it('an earlier shop in another county, closed, leaves the pilot route of this one', async () => {
    const c = await chat();
    await c.send('早几年我在崇阳开过一家五金店 那家早就关了 现在这家个体户的执照是在通城办的');
    expect((await c.engine.getCase(key)).facts).toMatchObject({
      entityType: 'individual',
      inJurisdiction: true,
    });
    await c.send('2023年因为年报冇报被列入经营异常名录了');
    await c.send('上一年度的纸质年报还冇补');
    expect(c.last?.determination).toMatchObject({ path: 'tolerant-repair-annual-report', eligible: false });
  });

  it('a county told with a doubt is not taken as the registration', async () => {
    const c = await chat();
    await c.send('我们合作社的执照应该是修水的吧 我也记不清了');
    expect((await c.engine.getCase(key)).facts.inJurisdiction).toBeUndefined();
  });

  it('「被列是因为…」 tells the listing, and 「全补齐了」 every overdue report', async () => {
    const c = await chat();
    await c.send('我们是一家有限公司');
    await c.send('被列是因为二一年二二年的年报冇报 上个月全补齐了');
    expect(c.last?.determination).toMatchObject({ path: 'standard-repair', eligible: true });
  });
});
