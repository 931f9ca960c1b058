// Behaviours 2, 3 and 5 in a business owner's own words: facts told loosely (a negator over several
// words, the list's name before its verb, a year words away from the listing) reach the right route;
// a question is never taken as a "yes"; the record being repaired stays the subject of the case.
import { describe, expect, it } from 'vitest';
import { chat } from '../transcript.ts';

describe('facts in the owner’s own words', () => {
  it('a message made only of questions does not answer the open yes/no question', async () => {
    const c = await chat();
    await c.send('店面搬到镇上去了 执照地址还没改 目前没被列入异常');
    await c.send('打手机就能找到我 违法违规的事一次都没有');
    expect(c.last?.determination).toMatchObject({ path: 'punishment-buffer', eligible: true });
    await c.send('是不是还要交个说明 怎么写');
    expect(c.last?.determination).toMatchObject({ path: 'punishment-buffer', eligible: true });
  });

  it('an unresolved violation told beside the move decides the buffer as not eligible', async () => {
    const c = await chat();
    await c.send('我们厂子不在执照上的地址生产了 还没被列入经营异常名录');
    await c.send('微信电话都联系得到 不过前两个月因为无照经营被查处过');
    expect(c.last?.determination).toMatchObject({ path: 'punishment-buffer', eligible: false });
  });

  it('the serious list stays the record when the owner says what was paid', async () => {
    const c = await chat();
    await c.send('严重违法失信名单 我们厂是2025年3月2号被列进去的');
    const text = await c.send('罚款已经交清了 问题也整改到位了');
    expect(text).not.toContain('以哪个为准');
    expect(c.last?.determination.path).toBe('serious-list-early-removal');
  });

  it('a warning alone, with the fine denied, is the minor penalty that expires by itself', async () => {
    const c = await chat();
    await c.send('我的店被市场监管局处罚了 只给了个警告 没罚钱');
    expect(c.last?.determination).toMatchObject({ path: 'penalty-auto-expiry', eligible: false });
  });

  it('a fine the owner says was not mitigated is never the minor penalty', async () => {
    const c = await chat();
    await c.send('市场监管局罚了我们公司两万 决定书上没写从轻减轻');
    expect(c.last?.determination.path).not.toBe('penalty-auto-expiry');
  });

  it('a listing year words away from the verb, then one year’s filing, reach the pilot route', async () => {
    const c = await chat();
    await c.send('我们是合作社');
    await c.send('去年被弄到异常名录里头了 因为年报没报');
    expect(c.last?.determination.path).toBe('tolerant-repair-annual-report');
    await c.send('上一年的纸质年报上周交了 网上也公示了');
    expect(c.last?.determination).toMatchObject({ path: 'tolerant-repair-annual-report', eligible: true });
  });

  it('a licence revoked by the bureau is a penalty that cannot be repaired', async () => {
    const c = await chat();
    await c.send('我们饭店的食品经营许可证被县市场监督管理局吊销了');
    expect(c.last?.determination).toMatchObject({ path: 'penalty-not-repairable', eligible: false });
  });

  it('a hedged answer to the listing reason is asked back, and a filing statement does not answer it', async () => {
    const c = await chat();
    await c.send('我们是个体户 21年被列入经营异常名录了');
    const text = await c.send('具体为什么我也记不清 可能是年报没报 也可能是电话变了');
    expect(text).toContain('不太肯定');
    await c.send('上一年的纸质年报是补了的 也公示了');
    expect(c.last?.determination).toMatchObject({ path: 'undetermined', eligible: null });
  });

  it('being back at the registered address is no "yes" to a change registration', async () => {
    const c = await chat();
    await c.send('公司因为登记的住所联系不上被列入异常名录了');
    await c.send('之前门面在翻新 现在又回到登记的地址营业了');
    expect(c.last?.determination.path).not.toBe('tolerant-repair-address-change');
  });
});
