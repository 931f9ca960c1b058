// Owners revise their story in later turns: a report said handed in turns out not yet published, an
// earlier "first time" is taken back, a payment first doubted is settled, a period overrun is told at
// the end. What they say last about a condition decides it; a step taken back never leaves
// 「可以申请」 standing (behaviour 4).
import { describe, expect, it } from 'vitest';
import { chat } from '../transcript.ts';

const key = { channel: 'console', chatId: 'c1', userId: 'u1' } as const;

describe('a report held filed, then told not yet published', () => {
  it('「所里收到了 但还没公示」 after 「可以申请」 takes the filing back: not eligible', async () => {
    const c = await chat();
    await c.send('我是个体户 卖烟酒的 2022年因为没报年报被列入经营异常名录了');
    await c.send('上一年的纸质年报我已经送到所里去了');
    expect(c.last?.determination).toMatchObject({ path: 'tolerant-repair-annual-report', eligible: true });
    const reply = await c.send('今天去问了一下 纸质的他们收到了 可是还没公示');
    expect((await c.engine.getCase(key)).facts.previousYearReportFiled).toBe(false);
    expect(c.last?.determination.eligible).toBe(false);
    expect(reply).not.toContain('可以申请');
  });
});

describe('a saying taken back in a later message', () => {
  it('「前面讲头一回是错的」 replaces the stored "first time" without asking which holds', async () => {
    const c = await chat();
    await c.send('我们是有限公司 年报上的邮箱跟实际的对不上 没被列入异常名录');
    await c.send(
      '所里提醒了 三天就改好了 没超期限 不是故意的 没有影响 没有纠纷 检查都配合了 卖办公用品的 不涉及安全 头一回出这种错',
    );
    expect(c.last?.determination).toMatchObject({ path: 'minor-error-exemption', eligible: true });
    await c.send('不好意思 前面讲头一回是错的 前年年报的邮箱也填错过 也被提醒过');
    expect((await c.engine.getCase(key)).facts.repeatedSameError).toBe(true);
    expect(c.last?.determination.eligible).toBe(false);
  });
});

describe('「以哪个为准」 answered with how it stands now', () => {
  it('a fine doubted, then told paid after all, settles the disputed fact', async () => {
    const c = await chat();
    await c.send('公司在严重违法失信名单上 是2024年8月3号列入的 想提前移出');
    await c.send('罚款都交了 整改也做完了 之后没有受过更重的处罚 也没有法定措施在执行');
    expect(c.last?.determination.eligible).toBe(true);
    await c.send('等一下 出纳说还有一笔罚款没交清');
    expect(c.last?.determination.eligible).not.toBe(true);
    await c.send('刚核对了 那一笔上礼拜也交清了 有回执');
    expect((await c.engine.getCase(key)).facts.obligationsFulfilled).toBe(true);
    expect(c.last?.determination).toMatchObject({ path: 'serious-list-early-removal', eligible: true });
  });

  it('a bare 「对」 or a pick of one of the two (「后面那个对」) is no news of it', async () => {
    const c = await chat();
    await c.send('公司在严重违法失信名单上 是2024年8月3号列入的 想提前移出');
    await c.send('罚款都交了 整改也做完了 之后没有受过更重的处罚 也没有法定措施在执行');
    await c.send('等一下 出纳说还有一笔罚款没交清');
    await c.send('对');
    expect(c.last?.determination.eligible).not.toBe(true);
    await c.send('刚查了 后面那个对');
    expect(c.last?.determination.eligible).not.toBe(true);
  });
});

describe('a minor error whose period was overrun, told last', () => {
  it('「超过他们给的整改期限才改好的」 excludes the exemption', async () => {
    const c = await chat();
    await c.send('我们公司年报里的网址写错了');
    await c.send('没有被列进异常名录 所里只是提醒我们改');
    await c.send('拖了几天 超过他们给的整改期限才改好的');
    expect((await c.engine.getCase(key)).facts.missedCorrectionDeadline).toBe(true);
    expect(c.last?.determination).toMatchObject({ path: 'minor-error-exemption', eligible: false });
  });
});
