// Two ways a case used to end on a wrong 「可以申请」: an admission that begins with 「不过」 (but) was
// read as a "no" to "any other violation?", and 「罚款交了」 (paid) was read as a second penalty kind,
// contradicting the confiscation told before and burying the rest of the message under 「以哪个为准」.
import { describe, expect, it } from 'vitest';
import { chat } from '../transcript.ts';

const key = { channel: 'console', chatId: 'c1', userId: 'u1' } as const;
const SAYS_ELIGIBLE = /现在(就)?可以申请/;

describe('an admission starting with 「不过」 is a yes', () => {
  it('「不过老实讲 上个月因为无照经营被查处过」 to "any other violation?"', async () => {
    const c = await chat();
    await c.send('我们店没在执照上的地址开 还没被列异常 怕被列');
    await c.send('电话一直打得通 所里找得到我们');
    expect(c.last?.determination.missing).toContain('otherViolations');
    const text = await c.send('不过老实讲 上个月因为无照经营被查处过 罚了钱');
    expect((await c.engine.getCase(key)).facts.otherViolations).toBe(true);
    expect(c.last?.determination.eligible).toBe(false);
    expect(text).not.toMatch(SAYS_ELIGIBLE);
  });

  it('「不是 没被查过」 is still a no', async () => {
    const c = await chat();
    await c.send('我们店没在执照上的地址开 还没被列异常 怕被列');
    await c.send('电话一直打得通 所里找得到我们');
    await c.send('没有 从来没被查处过');
    expect((await c.engine.getCase(key)).facts.otherViolations).toBe(false);
  });
});

describe('a paid fine is no second penalty kind', () => {
  it('confiscation told first, then 「罚款早交了」: the kind stays, nothing is asked back', async () => {
    const c = await chat();
    await c.send('我们超市卖了过期牛奶 被市场监管局罚了两万 货也没收了');
    expect((await c.engine.getCase(key)).facts.penaltyKind).toBe('confiscation');
    const text = await c.send('罚款早交了 问题也整改好了');
    expect(text).not.toMatch(/以哪个为准/);
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.penaltyKind).toBe('confiscation');
    expect(facts.obligationsFulfilled).toBe(true);
  });
});

describe('a publication date corrected as 「是…不是…」', () => {
  it('「说错了 是今年3月公示的 不是前年」 replaces the date and the year has not passed', async () => {
    const c = await chat();
    await c.send('我们粮油店卖了发霉的米 被县市场监管局罚了两万 还没收了那批米');
    // the sector is told: 「是前年3月12号公示的」 alone is no "yes" to it
    await c.send('跟食品有关');
    await c.send('处罚是前年3月12号公示的 罚款缴清了 也整改好了 之后没再因为这个被罚');
    expect((await c.engine.getCase(key)).facts.penaltyPublishedDate).toBe('2024-03-12');
    const text = await c.send('哎呀说错了 是今年3月12号公示的 不是前年');
    expect((await c.engine.getCase(key)).facts.penaltyPublishedDate).toBe('2026-03-12');
    expect(c.last?.determination).toMatchObject({ path: 'penalty-publicity-repair', eligible: false });
    expect(text).not.toMatch(SAYS_ELIGIBLE);
  });
});
