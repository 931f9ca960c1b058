// Annual-report listings told with years, as owners tell them: a report filed whose year the writer
// does not know is not the previous year's report (四(三)一 上一年度), so nothing is granted on it; a
// listing dated 「三年前」 is counted back from now; the year read off the notice replaces the one said
// before (「写的是二〇一六年 不是21年」); a business type named as a yardstick (「跟个体户一样」) is not
// the writer's; and a cause only believed (「我以为是搬门面才被列的」) is no cause told, so the one found
// afterwards is taken without a contradiction to settle.
import { describe, expect, it } from 'vitest';
import { chat } from '../transcript.ts';

const key = { channel: 'console', chatId: 'c1', userId: 'u1' } as const;

describe('listing years, report years and causes only believed', () => {
  it('a report filed whose year the writer does not know is not the previous year’s: nothing is granted', async () => {
    const c = await chat();
    await c.send('我开的理发店 个体户 前年因为年报没报被列入异常名录了');
    // asked back with where to look the year up, and which year's report counts
    await c.says('这个月我侄子帮我补了一份年报 他也没讲是哪个年度的', '公示系统', '2025年度');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.previousYearReportFiled).toBeUndefined();
    expect(c.last?.determination).toMatchObject({ path: 'tolerant-repair-annual-report', eligible: null });
    await c.send('那我现在可以申请了吧');
    expect(c.last?.determination.eligible).toBeNull();
  });

  it('a listing dated some years back is counted from now', async () => {
    const c = await chat();
    await c.send('我的小卖部是个体户 大概两年前没报年报被列进异常了');
    expect((await c.engine.getCase(key)).facts.listedYear).toBe(2024);
    await c.send('去年那份纸质年报到现在还没交');
    expect(c.last?.determination).toMatchObject({ path: 'tolerant-repair-annual-report', eligible: false });
  });

  it('the year read off the notice replaces the one said first, and the route follows it', async () => {
    const c = await chat();
    await c.send('我们养蜂合作社 22年被列进经营异常名录 没报年报');
    await c.says('不好意思 我刚看了通知 上面是二〇一八年 不是22年 22年是我当理事长那年', '2018');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.listedYear).toBe(2018);
    expect(c.last?.determination.path).toBe('standard-repair');
  });

  it('a year said to be the report’s, with the listing year beside it, corrects the listing year', async () => {
    const c = await chat();
    await c.send('我是卖水果的个体户 19年被列进异常名录 年报没报');
    expect(c.last?.determination.path).toBe('standard-repair');
    await c.says('19年那个说的是年报的年度 被列入是2020年8月', '2020');
    expect((await c.engine.getCase(key)).facts.listedYear).toBe(2020);
    expect(c.last?.determination.path).toBe('tolerant-repair-annual-report');
  });

  it('a type named as a yardstick does not replace the one told', async () => {
    const c = await chat();
    await c.send('我这是个人独资企业 22年年报没报被列了异常');
    await c.send('能不能和个体户一样只补一年的');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.entityType).toBe('enterprise');
    expect(c.last?.determination.path).toBe('standard-repair');
  });

  it('a cause only believed is not told: the one found later is taken without a conflict', async () => {
    const c = await chat();
    await c.send('原来以为是搬了店面才被列异常的 后来我儿子上网一查 不是这么回事');
    let facts = (await c.engine.getCase(key)).facts;
    expect(facts.listingReason).toBeUndefined();
    expect(facts.operatingAtRegisteredAddress).toBeUndefined();
    await c.send('是23年年报没按时报被标记的 我是个体户');
    await c.send('去年的纸质年报补交了 公示也出来了');
    facts = (await c.engine.getCase(key)).facts;
    expect(facts.listingReason).toBe('annual_report_overdue');
    expect(c.last?.determination).toMatchObject({ path: 'tolerant-repair-annual-report', eligible: true });
  });

  it('the only year owed, told first, then that year filed: every overdue report is filed', async () => {
    const c = await chat();
    await c.send('我们是有限公司 就只有23年度那一年的年报冇报 被列了经营异常');
    await c.send('那一年的年报前天已经补报公示了');
    expect((await c.engine.getCase(key)).facts.allOverdueReportsFiled).toBe(true);
    expect(c.last?.determination).toMatchObject({ path: 'standard-repair', eligible: true });
  });

  it('a year with its time frame before the missed report dates the listing, not the report', async () => {
    const c = await chat();
    await c.send('我是个体户 22年的时候店子关了半年 年报就冇报 然后就被标成异常了');
    expect((await c.engine.getCase(key)).facts.listedYear).toBe(2022);
  });

  it('a listing told first, then the year the report was not filed: that year, where the route is the same either way', async () => {
    const c = await chat();
    await c.send('帮我爸问一下 他的五金店是个体户 银行说被列入经营异常名录了');
    await c.send('听讲是二一年那阵子年报没报');
    expect((await c.engine.getCase(key)).facts.listedYear).toBe(2021);
    await c.send('去年的纸质年报上个月补交了 网上也公示了');
    expect(c.last?.determination).toMatchObject({ path: 'tolerant-repair-annual-report', eligible: true });
  });

  it('a year whose report and listing fall either side of 2020 is still asked', async () => {
    const c = await chat();
    await c.send('我们合作社被列入经营异常名录了');
    await c.send('说是一九年年报没报');
    expect((await c.engine.getCase(key)).facts.listedYear).toBeUndefined();
  });
});
