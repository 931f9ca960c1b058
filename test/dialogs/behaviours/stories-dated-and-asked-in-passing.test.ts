// A story dated by a year told clauses before its listing (「二一年疫情那阵子…那年就被列入」), a report
// word typed in pinyin, a plan to deregister asked while a yes/no question is open, and a question on
// what to bring told after the story: each is read for what it says, and the case goes on from it.
import { describe, expect, it } from 'vitest';
import { chat } from '../transcript.ts';

const key = { channel: 'console', chatId: 'c1', userId: 'u1' } as const;

describe('a year that dates the whole story', () => {
  it('「那年就被列入」 takes up the year named before it: the pilot route, then filed', async () => {
    const c = await chat();
    await c.send('我是开理发店的个体户 二一年疫情那阵子门店关了好几个月 年报没顾上报 那年就被列进异常了');
    expect((await c.engine.getCase(key)).facts.listedYear).toBe(2021);
    await c.send('上一年度的纸质年报上个月补交了 也公示了');
    expect(c.last?.determination).toMatchObject({ path: 'tolerant-repair-annual-report', eligible: true });
  });

  it('a year with a time frame dates the unfiled report and the listing told after it', async () => {
    const c = await chat();
    await c.send('合作社2021年疫情那时候社里没人管事 年报没交 被列入经营异常名录了');
    expect((await c.engine.getCase(key)).facts.listedYear).toBe(2021);
  });
});

describe('asked in passing', () => {
  it('「不想做了 直接注销行不行」 while "filed?" is open answers nothing', async () => {
    const c = await chat();
    await c.send('个体户 2022年没报年报被列入经营异常名录了');
    await c.send('其实现在不想做了 直接注销行不行');
    expect((await c.engine.getCase(key)).facts.previousYearReportFiled).toBeUndefined();
    await c.send('上一年度的纸质年报还没交');
    expect(c.last?.determination).toMatchObject({ path: 'tolerant-repair-annual-report', eligible: false });
  });

  it('a report word typed in pinyin still tells the cause', async () => {
    const c = await chat();
    await c.send('我们是一家小有限公司 没交 nianbao 被列入经营异常了');
    await c.send('欠下的几年年报现在全都补报公示了');
    expect(c.last?.determination).toMatchObject({ path: 'standard-repair', eligible: true });
  });

  it('what to bring, asked in dialect after the story, gets the documents', async () => {
    const c = await chat();
    const text = await c.send('帮我妈问的 她是个体户 年报没报被列了异常 我替她去办要带么资料');
    expect(text).toContain('守信承诺书');
    expect((await c.engine.getCase(key)).facts).toMatchObject({ entityType: 'individual', listed: true });
  });
});

describe('what follows without being said', () => {
  it('a correction the day of the reminder is taken as within the period: the case is not asked it', async () => {
    const c = await chat();
    await c.send('我们是卖文具的有限公司 年报里的电话号码填错了一位 没有被列入异常');
    const text = await c.send('所里提醒以后我们当天就改了');
    expect((await c.engine.getCase(key)).facts.missedCorrectionDeadline).toBe(false);
    expect(text).not.toContain('超过了期限才改');
  });
});
