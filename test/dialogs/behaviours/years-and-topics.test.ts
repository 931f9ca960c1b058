// Behaviour 3 (years by role) and facts read in the light of the open question: a licence year is
// not the listing year, 「被列是哪年」 said as 「…是2022年」 is, the calendar year a report was missed in
// a listing story is the listing year; 「一年都没漏」 is every year filed; a reply to a question of the
// minor-error or penalty interview is read as that talk, though the message itself names neither.
import { describe, expect, it } from 'vitest';
import { chat } from '../transcript.ts';

const key = { channel: 'console', chatId: 'c1', userId: 'u1' } as const;

describe('years by role and topics from the open question', () => {
  it('a correction that names the licence year and the listing year keeps the listing year', async () => {
    const c = await chat();
    await c.send('我爸的早餐店 个体户 2018年被列入经营异常了 没报年报');
    await c.says('搞错了 2018年是他领营业执照那年 被列入是2022年', '2022');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.listedYear).toBe(2022);
    // the 「搞错了」 corrects the year; it is no "no" to the filing question that was open
    expect(facts.allOverdueReportsFiled).toBeUndefined();
    expect(facts.previousYearReportFiled).toBeUndefined();
    expect(c.last?.determination.path).toBe('tolerant-repair-annual-report');
  });

  it('the year a report was missed, told with the abnormal status, is the listing year', async () => {
    const c = await chat();
    await c.send('我们是蔬菜种植合作社 二零二二年那一年年报没报 网上就显示我们经营异常了');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts).toMatchObject({
      entityType: 'cooperative',
      listed: true,
      listingReason: 'annual_report_overdue',
      listedYear: 2022,
    });
  });

  it('「2021年度的年报」 is a report year: it is not taken as the listing year', async () => {
    const c = await chat();
    await c.send('我们合作社2021年度的年报没报 显示经营异常了');
    expect((await c.engine.getCase(key)).facts.listedYear).not.toBe(2021);
  });

  it('「每年的都补上了 一年都没落下」 is every missing year filed, said before the listing', async () => {
    const c = await chat();
    await c.send('2022年度 2023年度的年报我们都补上公示了 一年都没落下');
    await c.send('我们是建材有限公司 之前就是因为没报年报被列入经营异常名录的');
    expect((await c.engine.getCase(key)).facts.allOverdueReportsFiled).toBe(true);
    expect(c.last?.determination).toMatchObject({ path: 'standard-repair' });
  });

  it('a reply to a minor-error question reads proof handed in, though the error is not named again', async () => {
    const c = await chat();
    await c.send('我是一家超市分公司的负责人 分公司年报财务数据都填了0 没被列入异常');
    await c.send('财务并到总公司的报表里公示了 总公司开的证明也已经交到监管所了');
    expect((await c.engine.getCase(key)).facts.proofProvided).toBe(true);
  });

  it('a reply to a serious-list question reads 「没有什么措施」 as none running', async () => {
    const c = await chat();
    await c.send('公司2024年4月被列入严重违法失信名单 罚款交清了 整改好了 后来没再受过更重的处罚');
    await c.send('眼下没有啥子限制措施在执行了');
    expect((await c.engine.getCase(key)).facts.statutoryMeasureRunning).toBe(false);
    expect(c.last?.determination).toMatchObject({ path: 'serious-list-early-removal', eligible: true });
  });
});

describe('uncertain years and plain filing verbs', () => {
  it('「21年还是22年 记不得了」 states no year: the year is asked, and the checked one is taken', async () => {
    const c = await chat();
    await c.says('开早点铺的个体户 21年还是22年被列进异常了 记不得了 原因是年报', '哪一年');
    expect((await c.engine.getCase(key)).facts.listedYear).toBeUndefined();
    expect((await c.engine.getCase(key)).facts.listingReason).toBe('annual_report_overdue');
    const text = await c.send('问了所里 是2022年列的');
    expect(text).not.toContain('以哪个为准');
    expect((await c.engine.getCase(key)).facts.listedYear).toBe(2022);
  });

  it('a report 「送去」 or 「递交」 to the bureau is filed', async () => {
    const c = await chat();
    await c.send('个体户 2022年因为没报年报被列入经营异常');
    await c.send('上年度的纸质年报前几天已经递交到市场监管所了 网上也公示了');
    expect((await c.engine.getCase(key)).facts.previousYearReportFiled).toBe(true);
    expect(c.last?.determination).toMatchObject({ path: 'tolerant-repair-annual-report', eligible: true });
  });

  it('back at the old address on the licence, with people there, is reachable there', async () => {
    const c = await chat();
    await c.send('我们建材公司前年因为按登记的地址联系不上被列了异常');
    await c.send('今年又搬回执照上那个老地址了 每天都有人在');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.reachableAtRegisteredAddress).toBe(true);
    expect(facts.addressChangeRegistered).toBeUndefined();
  });
});
