// After a result the user often tells a plan (「先把它弄好再说」) or a fact about something else
// (「之后没再因为这个被罚」). Neither may answer the open question: a plan does nothing yet, and a
// negation about another fact is no "no" to the one asked.
import { describe, expect, it } from 'vitest';
import { chat } from '../transcript.ts';

const key = { channel: 'console', chatId: 'c1', userId: 'u1' } as const;

describe('a plan told after a "not yet" result', () => {
  it('「那我先去所里把它交了再说」 keeps the report not filed', async () => {
    const c = await chat();
    await c.send('我是开五金店的个体户 2022年因为没报年报被标记经营异常了');
    await c.send('2025年度的纸质年报还没交');
    expect(c.last?.determination).toMatchObject({ path: 'tolerant-repair-annual-report', eligible: false });
    await c.send('行 那我先去所里把它交了再说');
    expect(c.last?.determination.eligible).toBe(false);
    expect((await c.engine.getCase(key)).facts.previousYearReportFiled).toBe(false);
  });
});

describe('a closure order that has ended', () => {
  it('「期满以后重新开门营业」 ends the restriction; 「后来没再因为同类的事被处罚」 does not deny it', async () => {
    const c = await chat();
    await c.send('我的小饭馆被县市场监管局责令停业半个月 另外罚了款 2025年6月3号公示的');
    await c.send('后来再没有因为同一类事被处罚过');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.restrictionEnded).toBeUndefined();
    expect(facts.repeatSameTypePenalty).toBe(false);
    await c.send('停业期满以后就重新开门营业了 罚款缴清 整改也复查合格了');
    expect((await c.engine.getCase(key)).facts).toMatchObject({
      restrictionEnded: true,
      obligationsFulfilled: true,
      rectified: true,
    });
    expect(c.last?.determination).toMatchObject({ path: 'penalty-publicity-repair', eligible: true });
  });
});

describe('a late fact after a minor-error result', () => {
  it('「上一年那份年报也是同一个错」 makes it a repeated error; 「会不会被罚款」 asks and states nothing', async () => {
    const c = await chat();
    await c.send('我们公司年报上公示的邮箱跟抽查核对的对不上 没有被列入异常');
    await c.send('提醒后当天就改了 是换了邮箱忘记更新 不是故意的 在期限内改的');
    await c.send('卖文具的 不涉及安全 没造成影响 没有纠纷 抽查都配合了');
    await c.send('对了 我才想起来 上一年那份年报也是同一个错 连着两年被查出来');
    expect((await c.engine.getCase(key)).facts.repeatedSameError).toBe(true);
    expect(c.last?.determination).toMatchObject({ path: 'minor-error-exemption', eligible: false });
    await c.send('那还能免列异吗 会不会被罚款');
    expect((await c.engine.getCase(key)).facts.otherViolations).toBeUndefined();
    expect(c.last?.determination).toMatchObject({ path: 'minor-error-exemption', eligible: false });
  });
});
