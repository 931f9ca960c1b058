// Two listings on the record at once: each is removed on its own conditions, so the case can be applied
// for only when both can (rules/evaluate.ts bothListings); a second cause told as another listing
// (「也被列了」「两条异常」) is a second listing, not a correction to ask 以哪个为准 about.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../rules/evaluate.ts';
import { chat } from '../transcript.ts';

const key = { channel: 'console', chatId: 'c1', userId: 'u1' } as const;
const said = (c: Awaited<ReturnType<typeof chat>>) =>
  c.last?.replies.map((r) => JSON.stringify(r)).join('') ?? '';

describe('two listings at once', () => {
  it('a second listing told later is kept beside the first, and 「可以申请」 waits for both', async () => {
    const c = await chat();
    await c.send('我是开五金店的个体户 2022年因为没报年报被列入经营异常了');
    await c.send('还有 店子前年搬到新街去了 没办变更 说原地址联系不上 也被列了');
    expect(said(c)).not.toContain('以哪个为准');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.listingReason).toBe('annual_report_overdue');
    expect(facts.alsoListedFor).toBe('unreachable_at_address');
    await c.send('上一年度的纸质年报已经补报了 也公示了');
    // the annual-report listing can go; the address one still needs its change registered
    expect(c.last?.determination?.eligible).not.toBe(true);
    await c.send('住所变更登记今天上午也办好了');
    expect(c.last?.determination).toMatchObject({ path: 'tolerant-repair-annual-report', eligible: true });
  });
  it('two listings counted in one message are both taken', async () => {
    const c = await chat();
    await c.send('我们贸易公司查出来有两条异常 一条是没按时报年报 一条是登记的住所联系不上');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.listed).toBe(true);
    expect(facts.listingReason).toBe('annual_report_overdue');
    expect(facts.alsoListedFor).toBe('unreachable_at_address');
    await c.send('欠的年报全部补报公示了');
    expect(c.last?.determination?.eligible).not.toBe(true);
  });
  it('a second listing named only by its cause is kept, and its removal told later answers no other question', async () => {
    const c = await chat();
    await c.send('合作社23年没报年报被列进去了');
    await c.send('住所那块也给列了');
    expect((await c.engine.getCase(key)).facts.alsoListedFor).toBe('unreachable_at_address');
    // the report question is open: a removal of the other listing is no yes to it
    await c.send('噢 住所那条前几天已经移出去了');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.previousYearReportFiled).toBeUndefined();
    expect(facts.listed).toBe(true);
    expect(c.last?.determination?.eligible).not.toBe(true);
  });
  it('one of two listings told removed, the other left: the case is the one left', async () => {
    const c = await chat();
    await c.send('合作社前后被列过两次异常 一次是住所找不到人 一次是没交年报');
    let facts = (await c.engine.getCase(key)).facts;
    expect(facts.alsoListedFor).toBeDefined();
    await c.send('住所那个后来变更登记办了 早就移出去了 现在只剩年报那条 是2023年列的');
    expect(said(c)).not.toContain('以哪个为准');
    facts = (await c.engine.getCase(key)).facts;
    expect(facts.listingReason).toBe('annual_report_overdue');
    expect(facts.listed).toBe(true);
    expect(c.last?.determination).toMatchObject({ path: 'tolerant-repair-annual-report', eligible: null });
    await c.send('上一年度的纸质年报已经补报公示了');
    expect(c.last?.determination).toMatchObject({ path: 'tolerant-repair-annual-report', eligible: true });
  });
  it('the second listing for unpublished information: its correction told later is that, not a yes to the report question', async () => {
    const c = await chat();
    await c.send('我们有限公司有两条异常 一条是年报没按时报 一条是股权转让的即时信息没公示');
    expect((await c.engine.getCase(key)).facts.alsoListedFor).toBe('instant_info_not_published');
    await c.send('股权转让那个信息上礼拜已经补公示了');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.infoCorrected).toBe(true);
    expect(facts.allOverdueReportsFiled).toBeUndefined();
    await c.send('欠的几年年报也都补齐了');
    expect(c.last?.determination).toMatchObject({ path: 'standard-repair', eligible: true });
  });
  it('the rules: eligible only when both listings are, not eligible as soon as either is not', () => {
    const base = {
      entityType: 'enterprise',
      listed: true,
      listingReason: 'annual_report_overdue',
      alsoListedFor: 'unreachable_at_address',
      allOverdueReportsFiled: true,
    } as const;
    const open = evaluate(base);
    expect(open).toMatchObject({ path: 'standard-repair', eligible: null });
    expect(open.missing).toContain('addressChangeRegistered');
    expect(evaluate({ ...base, addressChangeRegistered: true })).toMatchObject({ eligible: true });
    expect(
      evaluate({ ...base, addressChangeRegistered: false, reachableAtRegisteredAddress: false }),
    ).toMatchObject({ path: 'standard-repair', eligible: false });
    expect(evaluate({ ...base, allOverdueReportsFiled: false, addressChangeRegistered: true })).toMatchObject(
      {
        eligible: false,
      },
    );
  });
});
