// The conditions of the minor-error exemption (四(四), 五(二)三) as owners tell them in a reply: the
// trade told while the bot asks about the error, the parent's published figures handed in as the proof,
// a lawsuit over the wrong address, a period not overrun, and an impact denied with 什么.
import { describe, expect, it } from 'vitest';
import { chat } from '../transcript.ts';

const key = { channel: 'console', chatId: 'c1', userId: 'u1' } as const;

describe('minor-error conditions in own words', () => {
  it('the trade told while "corrected?" is open is a safety-related business: not eligible at once', async () => {
    const c = await chat();
    await c.send('公司年报上的邮编写错了 还没被列入异常名录');
    await c.send('我们是卖液化气的');
    expect((await c.engine.getCase(key)).facts.safetyRelated).toBe(true);
    expect(c.last?.determination).toMatchObject({ path: 'minor-error-exemption', eligible: false });
  });

  it("the parent's published page handed in is the branch's proof, not a correction", async () => {
    const c = await chat();
    await c.send('我们分公司年报的财务数据全填了零 总部统一公示了 没被列异常');
    await c.send('总部公示的页面截图上礼拜已经交给所里了');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.proofProvided).toBe(true);
    expect(facts.correctedAfterReminder).toBeUndefined();
  });

  it('a lawsuit over the wrong web address is a dispute: not eligible', async () => {
    const c = await chat();
    await c.send('公司公示的网店链接写错了 没被列异常');
    await c.send('有顾客照着那个链接买到假货 跟我们打起了官司');
    expect((await c.engine.getCase(key)).facts.majorImpactOrDispute).toBe(true);
    expect(c.last?.determination).toMatchObject({ path: 'minor-error-exemption', eligible: false });
  });

  it('「还没弄」 with a reason beside it answers "corrected?" with a no', async () => {
    const c = await chat();
    await c.send('公司年报里资产总额按元填了 其实单位是万元 头一回被抽查 没列入异常');
    await c.send('所里提醒好些天了 我们还没弄 管账的请产假了');
    expect((await c.engine.getCase(key)).facts.correctedAfterReminder).toBe(false);
    expect(c.last?.determination).toMatchObject({ path: 'minor-error-exemption', eligible: false });
  });

  it('papers the inspection asked to see and were not shown are a refused inspection', async () => {
    const c = await chat();
    await c.send('公司年报里的传真号码错了 抽查查出来的 没列异常');
    await c.send('当时检查的人要看我们的账本 老板出差 我们就没给他们看');
    expect((await c.engine.getCase(key)).facts.refusedInspection).toBe(true);
    expect(c.last?.determination).toMatchObject({ path: 'minor-error-exemption', eligible: false });
  });

  it('「没拖过期限」「冇造成什么影响」 and the rest told in one reply decide it eligible', async () => {
    const c = await chat();
    await c.send('公司年报里营业收入应该是万元的 会计填成了元 第一次被抽查 没被列异常');
    await c.send(
      '所里提醒后第三天改好的 没拖过期限 不是有意的 也冇造成什么影响 没有纠纷 做软件的不涉及安全 以前没出过这种错 检查时配合了',
    );
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts).toMatchObject({
      errorKind: 'decimal_or_unit',
      missedCorrectionDeadline: false,
      adverseImpact: false,
    });
    expect(c.last?.determination).toMatchObject({ path: 'minor-error-exemption', eligible: true });
  });
});
