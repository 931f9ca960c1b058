// The listing as the notice, the decision or the public system words it: 「显示列入经营异常名录」, the
// official reason 「通过登记的住所或者经营场所无法联系」, 「决定书上写的原因是…」 in a longer message.
import { describe, expect, it } from 'vitest';
import { chat } from '../transcript.ts';

const key = { channel: 'console', chatId: 'c1', userId: 'u1' } as const;

describe('the listing as the papers word it', () => {
  it('the system shows the listing and the official reason; the change registered since', async () => {
    const c = await chat();
    await c.send('银行说我们公司信用有问题 贷款批不下来 这是咋回事');
    await c.send('我上公示系统看了 显示列入经营异常名录 列入原因是通过登记的住所或经营场所无法联系');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts).toMatchObject({ listed: true, listingReason: 'unreachable_at_address' });
    await c.send('我们是有限公司 前年搬到开发区了 新地址的变更登记上个月办好了');
    expect(c.last?.determination).toMatchObject({ path: 'tolerant-repair-address-change', eligible: true });
  });

  it('the reason as the decision gives it, then what was corrected: standard repair, eligible', async () => {
    const c = await chat();
    await c.send('公司被列入经营异常名录了 之前所里叫我们改年报里的数据 我们拖着没改');
    await c.send('通知书上写的原因是隐瞒真实情况弄虚作假 现在那几个数据都已经改正了 怎么申请移出');
    expect(c.last?.determination).toMatchObject({ path: 'standard-repair', eligible: true });
    expect(c.last?.commands?.some((cmd) => cmd.type === 'draft')).not.toBe(true);
  });

  it('visits and mail reach the registered place again: reachable there', async () => {
    const c = await chat();
    await c.send('我们公司因为登记的住所联系不上被列入异常了 当时人都在外地工地上');
    await c.send(
      '现在人都回来了 还在执照上那个地址办公 没搬 也就没办地址变更 你们派人来或者寄信都找得到我们',
    );
    expect(c.last?.determination).toMatchObject({ path: 'standard-repair', eligible: true });
  });

  it('AR for the annual report, and the reason said after the year', async () => {
    const c = await chat();
    await c.send('我们是有限责任公司 前年被列的 原因是AR没按时报');
    await c.send('欠的那几年年报现在全都补报公示了');
    expect(c.last?.determination).toMatchObject({ path: 'standard-repair', eligible: true });
  });
  it('a penalty feared, then the system read: 「不是行政处罚 上面写的是列入经营异常名录」 is the listing', async () => {
    const c = await chat();
    await c.send('我们的小卖部是不是被市场监管局处罚了 银行说执照有问题');
    await c.send(
      '刚在公示系统上看了 不是行政处罚 上面写的是列入经营异常名录 原因是未按照规定报送年度报告 列入日期是2021年7月',
    );
    expect((await c.engine.getCase(key)).facts).toMatchObject({
      listed: true,
      listingReason: 'annual_report_overdue',
      listedYear: 2021,
    });
    await c.send('我是个体户 去年的纸质年报上个月补报了 系统也公示了');
    expect(c.last?.determination).toMatchObject({ path: 'tolerant-repair-annual-report', eligible: true });
  });
  it('a record first taken for a penalty, then named the listing: its reason told before is kept', async () => {
    const c = await chat();
    await c.send('网上查到我们公司有个处罚记录 写的是登记的住所联系不上');
    await c.send('哦 搞清楚了 那个是经营异常名录 不是罚款 前年列的');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts).toMatchObject({ recordType: 'abnormal_list', listingReason: 'unreachable_at_address' });
  });
});
