// "A wrong route told with confidence is the worst thing this bot can do": a question asked back in
// the A-not-A form (「是不是…」) is no "yes" to the open question, and while the user has not said
// which of two contradicting values holds (「以哪个为准」), the verdict rests on neither.
import { describe, expect, it } from 'vitest';
import { chat } from '../transcript.ts';

const SAYS_ELIGIBLE = /现在(就)?可以申请/;

describe('a question back answers nothing', () => {
  it.each([['这个要怎么弄 是不是和补年报一样的'], ['有没有什么别的办法 会不会很麻烦']])(
    '「%s」 to "corrected yet?" leaves it open',
    async (question) => {
      const c = await chat();
      await c.send('公司换了名字以后没去登记变更 被列进经营异常名录了');
      expect(c.last?.determination.missing).toContain('infoCorrected');
      const text = await c.send(question);
      expect(c.last?.determination.eligible).not.toBe(true);
      expect(text).not.toMatch(SAYS_ELIGIBLE);
    },
  );
});

describe('an open contradiction grants nothing', () => {
  it('「以哪个为准」 open: neither value decides, the chosen one does', async () => {
    const c = await chat();
    await c.send('公司换了名字以后没去登记变更 被列进经营异常名录了');
    await c.send('变更已经办好了');
    expect(c.last?.determination).toMatchObject({ path: 'standard-repair', eligible: true });
    const text = await c.send('名称变更还没办');
    expect(text).toMatch(/以哪个为准/);
    expect(c.last?.determination.eligible).toBeNull();
    expect(c.last?.determination.missing).toContain('infoCorrected');
    expect(text).not.toMatch(SAYS_ELIGIBLE);
    await c.pick(/改为/);
    expect(c.last?.determination).toMatchObject({ path: 'standard-repair', eligible: false });
  });

  it('a side question instead of an answer leaves it open: the earlier value does not come back', async () => {
    const c = await chat();
    await c.send('公司换了名字以后没去登记变更 被列进经营异常名录了');
    await c.send('变更已经办好了');
    expect(c.last?.determination.eligible).toBe(true);
    expect(await c.send('名称变更还没办')).toMatch(/以哪个为准/);
    const text = await c.send('要多少钱');
    expect(c.last?.determination.eligible).toBeNull();
    expect(text).not.toMatch(SAYS_ELIGIBLE);
    expect(text).toMatch(/以哪个为准/);
  });

  it('「那咋办 能不能先给我们移出去」 asks about the case: the disputed question comes back, no menu', async () => {
    const c = await chat();
    await c.send('公司换了名字以后没去登记变更 被列进经营异常名录了');
    await c.send('变更已经办好了');
    expect(await c.send('名称变更还没办')).toMatch(/以哪个为准/);
    const text = await c.send('那咋办 能不能先给我们移出去');
    expect(text).toMatch(/以哪个为准/);
    expect(text).not.toMatch(/不在我能帮忙的范围|想问哪方面/);
    expect(c.last?.determination.eligible).toBeNull();
  });
});

describe('a retraction after 「可以申请」 takes the condition back', () => {
  it('「不好意思搞错了 变更还没办下来」 after an eligible result', async () => {
    const c = await chat();
    await c.send('厂子改了名 名称变更一直没去登记 结果被列入异常了');
    await c.send('名称变更现在办好了');
    expect(c.last?.determination.eligible).toBe(true);
    const text = await c.send('不好意思搞错了 变更还没办下来');
    expect(c.last?.determination.eligible).toBe(false);
    expect(text).not.toMatch(SAYS_ELIGIBLE);
  });

  it('thanks after the result change nothing', async () => {
    const c = await chat();
    await c.send('公司换了名字以后没去登记变更 被列进经营异常名录了');
    await c.send('变更已经办好了');
    await c.send('好的 谢谢');
    expect(c.last?.determination).toMatchObject({ path: 'standard-repair', eligible: true });
  });
});
