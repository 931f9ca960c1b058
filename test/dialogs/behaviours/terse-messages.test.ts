// Owners who type a few words at a time, with spaces for punctuation: 「22年异常」 dates their own
// listing, 「年报异常」 names it by its cause, 「搞了」 says a step is done, and 「罚款 3000 交了」 is
// one statement in pieces. A bare 异常 asked about in general states nothing of the writer's business,
// and a bare yes or no still answers only the question on screen.
import { describe, expect, it } from 'vitest';
import { chat } from '../transcript.ts';

const key = { channel: 'console', chatId: 'c1', userId: 'u1' } as const;

describe('terse messages', () => {
  it('a year and 异常 tell the listing and its year; the report done with 搞了 grants the tolerant route', async () => {
    const c = await chat();
    await c.send('理发店个体 22年异常');
    let facts = (await c.engine.getCase(key)).facts;
    expect(facts).toMatchObject({ entityType: 'individual', listed: true, listedYear: 2022 });
    await c.send('冇报年报');
    await c.send('去年纸质年报 搞了');
    facts = (await c.engine.getCase(key)).facts;
    expect(facts.previousYearReportFiled).toBe(true);
    expect(c.last?.determination).toMatchObject({ path: 'tolerant-repair-annual-report', eligible: true });
  });

  it('a report done told while the year is asked is taken, not thrown away', async () => {
    const c = await chat();
    await c.send('小卖部 个体户 异常了');
    await c.send('年报冇报');
    // the bot asks for the year; the writer tells a step instead
    await c.send('去年的纸质年报弄了');
    expect((await c.engine.getCase(key)).facts.previousYearReportFiled).toBe(true);
    await c.send('23年');
    expect(c.last?.determination).toMatchObject({ path: 'tolerant-repair-annual-report', eligible: true });
  });

  it('年报异常 names the listing by its cause, and a company must then file every year', async () => {
    const c = await chat();
    await c.send('股份公司 年报异常');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts).toMatchObject({ listed: true, listingReason: 'annual_report_overdue' });
    expect(c.last?.determination.path).toBe('standard-repair');
  });

  it('a fine told in pieces keeps its sum and its payment', async () => {
    const c = await chat();
    await c.send('市场监管局 罚款 6000 今年1月 交了');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts).toMatchObject({ fineAmountYuan: 6000, obligationsFulfilled: true });
  });

  it('异常 asked about in general states no listing, and a bare no answers only the question asked', async () => {
    const c = await chat();
    await c.send('经营异常名录是啥意思');
    await c.send('在哪查有没有异常');
    expect((await c.engine.getCase(key)).facts.listed).toBeUndefined();
    await c.send('个体户 年报异常');
    await c.send('冇');
    const facts = (await c.engine.getCase(key)).facts;
    // the year was asked: a bare 冇 is no year, and no other fact is taken from it
    expect(facts.listedYear).toBeUndefined();
    expect(facts.previousYearReportFiled).toBeUndefined();
    expect(facts.listed).toBe(true);
  });

  it('a cause told first and the listing told next are one story: the cause is not asked again', async () => {
    const c = await chat();
    await c.send('我们公司换了名字冇去登记');
    await c.send('给列了异常');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts).toMatchObject({ listed: true, listingReason: 'name_change_not_registered' });
    await c.send('还冇去办');
    expect(c.last?.determination).toMatchObject({ path: 'standard-repair', eligible: false });
  });

  it('a cause asked about first is no cause of the listing told next', async () => {
    const c = await chat();
    await c.send('地址联系不上会不会被列异常');
    await c.send('被列了');
    expect((await c.engine.getCase(key)).facts.listingReason).toBeUndefined();
  });

  it('someone at the old address now, told in three words, makes the business reachable there', async () => {
    const c = await chat();
    await c.send('注册地址联系不上被列了异常 人冇搬走');
    await c.send('变更 冇办');
    await c.send('原址现在有人');
    expect(c.last?.determination).toMatchObject({ path: 'standard-repair', eligible: true });
  });

  it('搞了 answers whether the penalty was rectified', async () => {
    const c = await chat();
    await c.send('市监局罚了5万 今年4月8号公示的 不是食品药品 罚款交了');
    // asked whether the decision says 从轻, then whether it was rectified
    await c.send('没写从轻');
    await c.says('搞了', '同样的问题');
    expect((await c.engine.getCase(key)).facts.rectified).toBe(true);
  });

  it('a listing told in pieces, and two bare digits for its year', async () => {
    const c = await chat();
    await c.send('合作社 年报 异常');
    await c.says('19', '全部');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts).toMatchObject({ listed: true, listingReason: 'annual_report_overdue', listedYear: 2019 });
    expect(c.last?.determination.path).toBe('standard-repair');
  });

  it('the serious list asked about, then a bare 「…列的」 with its day, is that list and its date', async () => {
    const c = await chat();
    await c.send('黑名单那个严重失信的 咋移出');
    await c.send('24年11月5号列的');
    await c.send('罚款交了 改好了');
    await c.send('后来没再罚');
    await c.send('限制措施也到期了');
    expect(c.last?.determination).toMatchObject({ path: 'serious-list-early-removal', eligible: true });
  });
});
