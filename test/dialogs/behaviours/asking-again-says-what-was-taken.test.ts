// A question asked a second time is never a verbatim repeat: one line says what the last message gave,
// that it did not answer this question, or (after a side answer) that this is the question still open.
// A reply that only acknowledges (「嗯嗯 好的」) or tells something already done (「已经…」) is no "yes" to a
// question about how things are.
import { describe, expect, it } from 'vitest';
import { chat } from '../transcript.ts';

const key = { channel: 'console', chatId: 'c1', userId: 'u1' } as const;
const SECTOR = '这次处罚是不是跟食品';

describe('asking the same question again', () => {
  it('names the facts the message gave before asking once more', async () => {
    const c = await chat();
    await c.says('我们汽修厂被市场监管局罚了7万 去年12月公示的', SECTOR);
    const again = await c.says('罚款交清了 该整改的都整改好了', SECTOR);
    expect(again).toMatch(/^记下了：.*已履行.*整改/);
    // one line before the question, not the question twice
    expect(again.split(SECTOR).length).toBe(2);
  });

  it('says nothing was taken when the message answers nothing', async () => {
    const c = await chat();
    await c.says('我们汽修厂被市场监管局罚了7万 去年12月公示的', SECTOR);
    const again = await c.says('唉 这个事搞得我头都大了', SECTOR);
    expect(again).toMatch(/没找到这一项的答案|没能识别/);
  });

  it('after a side answer, says which question is still open', async () => {
    const c = await chat();
    await c.says('我们汽修厂被市场监管局罚了7万 去年12月公示的', SECTOR);
    const again = await c.says('办这个要收费吗', '不收', SECTOR);
    expect(again).toContain('回到还没答的这一项');
  });

  it('a new question after an answer carries no such line', async () => {
    const c = await chat();
    await c.says('我是个体户 被列入经营异常了', '原因');
    const next = await c.send('因为年报没有按时报');
    expect(next).not.toContain('记下了');
  });
});

describe('replies that are no yes', () => {
  it('「嗯嗯 好的」 to the sector question only acknowledges', async () => {
    const c = await chat();
    await c.says('我们汽修厂被市场监管局罚了7万 去年12月公示的', SECTOR);
    await c.send('嗯嗯 好的');
    expect((await c.engine.getCase(key)).facts.keySector).toBeUndefined();
  });

  it('「好的 不沾边」 answers with what follows the acknowledgement', async () => {
    const c = await chat();
    await c.says('我们汽修厂被市场监管局罚了7万 去年12月公示的', SECTOR);
    await c.send('好的 不沾边');
    expect((await c.engine.getCase(key)).facts.keySector).toBe(false);
  });

  it('「已经过去半年多了」 says how long ago, not that the penalty is in a key sector', async () => {
    const c = await chat();
    await c.says('我们汽修厂被市场监管局罚了7万', SECTOR);
    await c.send('已经过去半年多了');
    expect((await c.engine.getCase(key)).facts.keySector).toBeUndefined();
  });

  it('after one year filed is asked back, the next message still answers the "all years?" question', async () => {
    const c = await chat();
    await c.says('个体户 2017年因为没报年报被标了经营异常', '所有没报的年度');
    await c.says('上一年的纸质年报已经交了 公示了', '所有没报的年度');
    await c.send('之前的那些年份都还没弄 那时候没开张 不知道咋填');
    expect(c.last?.determination).toMatchObject({ path: 'standard-repair', eligible: false });
  });
});
