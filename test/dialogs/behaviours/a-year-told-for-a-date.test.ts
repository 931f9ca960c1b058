// 「前年被列进去的」「去年被罚的」: owners often know the year of a listing or a penalty, not the day. The
// year is taken; where every day of it gives the same answer the case is decided, else the day is asked
// with the reason, and a day told later refines the year without asking which is right.
import { describe, expect, it } from 'vitest';
import { chat } from '../transcript.ts';

const key = { channel: 'console', chatId: 'c1', userId: 'u1' } as const;
const SERIOUS_DONE = '罚款都交清了 问题也整改好了 列进去以后没再被罚过 也没有别的管理措施在执行';

describe('a year told for a date', () => {
  it('the serious list two years back decides at once', async () => {
    const c = await chat();
    await c.send(`我们厂前年被列入了严重违法失信名单 ${SERIOUS_DONE}`);
    expect(c.last?.determination).toMatchObject({ path: 'serious-list-early-removal', eligible: true });
  });

  it('last year asks for the day, says why, and the day then decides without 以哪个为准', async () => {
    const c = await chat();
    const asked = await c.send(`去年被列进了严重违法失信名单 ${SERIOUS_DONE}`);
    expect(c.last?.determination).toMatchObject({ eligible: null, missing: ['seriousListedDate'] });
    expect(asked).toContain('您说的是2025年');
    expect(await c.send('查了决定书 是2025年2月14号')).not.toContain('以哪个为准');
    expect(c.last?.determination).toMatchObject({ path: 'serious-list-early-removal', eligible: true });
    expect((await c.engine.getCase(key)).facts.seriousListedDate).toBe('2025-02-14');
  });

  it('「具体哪天记不清了」 is not knowing the day, no question to answer', async () => {
    const c = await chat();
    await c.send(`去年被列进了严重违法失信名单 ${SERIOUS_DONE}`);
    expect(await c.send('具体哪天记不清了')).not.toContain('暂时没有现成的答复');
    expect(c.last?.determination.eligible).toBeNull();
  });

  it('a general fine decided last year is over its three months', async () => {
    const c = await chat();
    await c.send(
      '去年被县市场监管局罚了3万 虚假宣传 没有从轻 罚款当场就交了 宣传单都收回了 后来没再因为这事被罚过 我们是卖家具的',
    );
    expect(c.last?.determination).toMatchObject({ path: 'penalty-publicity-repair', eligible: true });
  });

  it('a day looked up in another year replaces the year remembered', async () => {
    const c = await chat();
    await c.send(`我们厂前年被列入了严重违法失信名单 ${SERIOUS_DONE}`);
    expect(c.last?.determination.eligible).toBe(true);
    await c.send('我记错了 刚查了公示系统 列入日期是2026年1月 不是前年');
    expect(c.last?.determination).toMatchObject({ path: 'serious-list-early-removal', eligible: false });
  });
});
