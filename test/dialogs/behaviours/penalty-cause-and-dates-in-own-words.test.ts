// A published penalty told in one's own words: a 是 that says WHEN something happened is no "yes" to
// the open sector question; once the case is a penalty, a later 「…号公示的」 dates that penalty; an
// advertising, price or trademark violation is a general penalty unless a food, drug or similar trade
// is named; 「跟那些不沾边」 answers the sector question.
import { describe, expect, it } from 'vitest';
import { chat } from '../transcript.ts';

const key = { channel: 'console', chatId: 'c1', userId: 'u1' } as const;

describe('a penalty case told in own words', () => {
  it('「是今年2月8号公示的」 answering the sector question dates the penalty, it says no "yes"', async () => {
    const c = await chat();
    await c.says('我们修车行被县市场监管局处罚了 罚款7万 现在网上还能查到', '食品');
    await c.send('是今年2月8号公示的');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.keySector).toBeUndefined();
    expect(facts.penaltyPublishedDate).toBe('2026-02-08');
    expect(c.last?.determination.eligible).toBeNull();
  });

  it('「开始以为是去年9月 翻了记录是9月25号」: the date settled on last, in the year said before it', async () => {
    const c = await chat();
    await c.says('我们五金店被市场监管局罚了6万块', '食品');
    await c.says('跟那些不沾边', '哪天');
    await c.send('开始以为是去年9月 翻了下记录 是9月25号公示的');
    expect((await c.engine.getCase(key)).facts.penaltyPublishedDate).toBe('2025-09-25');
  });

  it('a fine for misleading advertising at a print shop is a general penalty', async () => {
    const c = await chat();
    await c.send('我们打印店因为宣传单上搞了虚假宣传 被市场监管局罚了6万 今年4月1号公示的');
    await c.send('罚款早交清了 宣传单全部收回 该改的都改正了 之后也没再因为这个被罚过');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.keySector).toBe(false);
    expect(c.last?.determination).toMatchObject({ path: 'penalty-publicity-repair', eligible: true });
  });

  it('the same advertising fine at a restaurant leaves the sector question open', async () => {
    const c = await chat();
    await c.says('我们饭馆因为广告说得太夸张 被市场监管局罚了6万', '食品');
    expect((await c.engine.getCase(key)).facts.keySector).toBeUndefined();
  });

  it('「跟那几样八竿子打不着」 says the penalty is not in a key sector', async () => {
    const c = await chat();
    await c.says('被市场监管局罚了7万块 今年5月20号公示的 罚款交了 也整改了 没有再被罚', '食品');
    await c.send('跟那几样八竿子打不着 我们是做家具的');
    expect((await c.engine.getCase(key)).facts.keySector).toBe(false);
    expect(c.last?.determination).toMatchObject({ path: 'penalty-publicity-repair', eligible: true });
  });
});

describe('a listing year told in words that may name the report', () => {
  it('「大前年没交年报 就被弄进异常了」: 2020 or later either way, the year is not asked', async () => {
    const c = await chat();
    await c.send('我是开理发店的个体户 大前年没交年报 就被弄进异常了');
    expect(c.last?.replies.map((r) => JSON.stringify(r)).join('')).not.toContain('哪一年');
    await c.send('上一年的纸质年报前几天交到所里了 系统里也公示了');
    expect(c.last?.determination).toMatchObject({ path: 'tolerant-repair-annual-report', eligible: true });
  });

  it('a year in words that may fall either side of 2020 is still asked', async () => {
    const c = await chat({ now: () => new Date('2021-11-26T10:00:00+08:00') });
    await c.says('我是开理发店的个体户 前年没交年报 就被弄进异常了', '哪一年');
    expect((await c.engine.getCase(key)).facts.listedYear).toBeUndefined();
  });
});

describe('the decision date of a penalty, its publication date untold (DOMAIN §4 penaltyDecisionDate)', () => {
  it('「决定书落款是…」 is no publication date; far enough back it decides the wait, and says how', async () => {
    const c = await chat();
    await c.send('我们汽配店被县市场监管局罚了七万 罚款交清了 也整改了 之后没再被罚过 跟食品药品那些不沾边');
    const text = await c.send('公示是哪天我记不清 决定书落款是今年3月9号');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.penaltyPublishedDate).toBeUndefined();
    expect(facts.penaltyDecisionDate).toBe('2026-03-09');
    expect(c.last?.determination).toMatchObject({ path: 'penalty-publicity-repair', eligible: true });
    expect(text).toContain('处罚决定的日期');
  });

  it('a decision too recent for the wait rules the repair out for now, the sector untold', async () => {
    const c = await chat();
    await c.send('今年10月20号被市场监管局罚了九万 没有从轻 罚款交了 改好了 以前也没犯过类似的错');
    expect((await c.engine.getCase(key)).facts.penaltyDecisionDate).toBe('2026-10-20');
    expect(c.last?.determination).toMatchObject({ path: 'penalty-publicity-repair', eligible: false });
  });
});
