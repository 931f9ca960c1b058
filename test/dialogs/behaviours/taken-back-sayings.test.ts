// 「刚才说X是说错了」: the writer quotes what they said before and takes it back. The quoted words are
// no statement of the case now; a yes or no among them is the other way round. A late-remembered
// violation that undoes an earlier "no" never ends in 「可以申请」.
import { describe, expect, it } from 'vitest';
import { chat } from '../transcript.ts';

const key = { channel: 'console', chatId: 'c1', userId: 'u1' } as const;

const moved = '我开了个小饭馆 个体户 去年搬到新街那边了 执照地址还没变更 没有被列异常 电话能打通';

describe('a "no" quoted and taken back', () => {
  it('「我前面讲没得违法违规 那个不对」 with a fine told: other violations, not eligible', async () => {
    const c = await chat();
    await c.send(moved);
    await c.send('别的违法违规 没得');
    expect(c.last?.determination).toMatchObject({ path: 'punishment-buffer', eligible: true });
    const reply = await c.send('对了 我前面讲没得违法违规 那个不对 上个月卫生那边查到过期食材 罚了两千');
    expect((await c.engine.getCase(key)).facts.otherViolations).toBe(true);
    expect(c.last?.determination).toMatchObject({ path: 'punishment-buffer', eligible: false });
    expect(reply).not.toContain('可以申请');
  });

  it('the taken-back "no" alone, with no violation named, is a violation told', async () => {
    const c = await chat();
    await c.send(moved);
    await c.send('其他违法的事也没有');
    await c.send('等一下 刚刚说没有其他违法是说错了');
    expect((await c.engine.getCase(key)).facts.otherViolations).toBe(true);
    expect(c.last?.determination.eligible).toBe(false);
  });

  it('a fine dated this spring in the same message dates no listing the case never had', async () => {
    const c = await chat();
    await c.send(moved);
    await c.send('没有别的违法');
    await c.send('哎呀 想起来了 今年四月份因为油烟超标被环保罚过款 刚才说没有违法是说错了');
    expect((await c.engine.getCase(key)).facts.listedYear).toBeUndefined();
    expect(c.last?.determination).toMatchObject({ path: 'punishment-buffer', eligible: false });
  });
});

describe('a late violation told with a bare correction marker', () => {
  it('「哦不对 有一个 …罚过」 takes back the "no" to other violations, not reachability', async () => {
    const c = await chat();
    await c.send(moved);
    await c.send('没有其他违法');
    const reply = await c.send('哦不对 有一回 前两个月被消防罚过');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.otherViolations).toBe(true);
    expect(facts.reachableByOtherMeans).toBe(true);
    expect(reply).not.toContain('可以申请');
  });

  it('「说错了 去年…被罚过款」 dates the fine, not a listing the case never had', async () => {
    const c = await chat();
    await c.send(moved);
    await c.send('别的违法违规也没有');
    await c.send('说错了 去年我们因为门口乱堆货被城管罚过款');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.listedYear).toBeUndefined();
    expect(facts.otherViolations).toBe(true);
    expect(c.last?.determination).toMatchObject({ path: 'punishment-buffer', eligible: false });
  });
});

describe('what others said is no taking back of the writer’s own words', () => {
  it('「所里的人讲我们冇违法」 stays a "no"', async () => {
    const c = await chat();
    await c.send(moved);
    await c.send('所里的人讲我们冇违法');
    expect((await c.engine.getCase(key)).facts.otherViolations).not.toBe(true);
  });
});
