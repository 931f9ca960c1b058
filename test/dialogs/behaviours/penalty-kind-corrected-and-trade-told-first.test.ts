// A penalty told over messages: the trade named while the inspection is told (a food shop, before the
// fine) makes it a key-sector penalty with its 1-year wait (总局令第107号 第八条); a revocation taken back
// as a withholding (「不是吊销 是暂扣」) no longer closes the route; a licence withheld and not given
// back yet is a restriction still running.
import { describe, expect, it } from 'vitest';
import { chat } from '../transcript.ts';

const key = { channel: 'console', chatId: 'c1', userId: 'u1' } as const;

describe('penalty kind and sector across messages', () => {
  it('the food trade told with the inspection makes the fine told next a key-sector penalty', async () => {
    const c = await chat();
    await c.send('我开了家熟食店 前阵子被市场监管局的人查了 说是亚硝酸盐超标');
    await c.send('罚了五万 冇从轻 今年九月一号公示的');
    expect((await c.engine.getCase(key)).facts.keySector).toBe(true);
  });

  it('「不是吊销 是暂扣」 replaces the revocation told first', async () => {
    const c = await chat();
    await c.send('我们加油站的危化品许可证被市场监管局吊销了');
    expect(c.last?.determination.path).toBe('penalty-not-repairable');
    await c.send('搞错了 不是吊销 是暂扣了两个月 早就还回来了');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.penaltyKind).toBe('restriction');
    expect(c.last?.determination.path).toBe('penalty-publicity-repair');
  });

  it('a licence withheld and not yet given back: not eligible yet', async () => {
    const c = await chat();
    await c.send('上个月我们诊所的许可证被市场监管局暂扣了 还没还回来 罚款也交了');
    expect((await c.engine.getCase(key)).facts.restrictionEnded).toBe(false);
    expect(c.last?.determination.eligible).toBe(false);
  });
});
