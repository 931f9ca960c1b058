// Behaviour 2 for the kind of a case told in everyday words: a published field left at its old value,
// a unit slip told across a comma, a negation over a list of safety areas, "in time" told after the
// correction, a listing for a change not published by the ordered deadline, and a statement answering
// the open question before side questions in the same message.
import { describe, expect, it } from 'vitest';
import { chat } from '../transcript.ts';

const key = { channel: 'console', chatId: 'c1', userId: 'u1' } as const;

describe('minor errors and listing causes in own words', () => {
  it('a shop name in the report still the old one is a website-or-shop error', async () => {
    const c = await chat();
    await c.send('我们是卖茶叶的有限公司 年报上的网店名称还是原来的 换名以后忘了改');
    expect((await c.engine.getCase(key)).facts.errorKind).toBe('website_or_shop');
  });

  it('「单位是万元，我们按元填的」 is a unit slip', async () => {
    const c = await chat();
    await c.send('我们公司年报资产总额那栏单位是万元，会计按元报上去了，数目大了一万倍');
    expect((await c.engine.getCase(key)).facts.errorKind).toBe('decimal_or_unit');
  });

  it('「不涉及公共安全、安全生产和人身安全」 is not safety related', async () => {
    const c = await chat();
    await c.send('我们做服装批发 业务不涉及公共安全、安全生产和人身安全');
    expect((await c.engine.getCase(key)).facts.safetyRelated).toBe(false);
  });

  it('corrected, then 「在规定的期限里」: the deadline was met', async () => {
    const c = await chat();
    await c.send('我们公司年报里的邮箱写错了 所里提醒后隔天就改好了 在他们规定的期限里');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.correctedAfterReminder).toBe(true);
    expect(facts.missedCorrectionDeadline).toBe(false);
  });

  it('a shareholder change not published by the ordered deadline, then published: standard route, can apply', async () => {
    const c = await chat();
    await c.says('我们公司股东换了 没在系统上公示 后来被责令限期公示 到了期限也没弄 结果列入异常了', '改正');
    expect((await c.engine.getCase(key)).facts.listingReason).toBe('instant_info_not_published');
    // the statement answers the open question; the questions after it are answered too
    await c.send('上周已经公示上去了 去哪里申请移出 要几天');
    expect((await c.engine.getCase(key)).facts.infoCorrected).toBe(true);
    expect(c.last?.determination).toMatchObject({ path: 'standard-repair', eligible: true });
  });

  it('only questions while a yes/no question is open answer nothing', async () => {
    const c = await chat();
    await c.says('我们公司股东换了 没在系统上公示 后来被责令限期公示 到了期限也没弄 结果列入异常了', '改正');
    await c.send('去哪里申请移出 要几天');
    expect((await c.engine.getCase(key)).facts.infoCorrected).toBeUndefined();
  });
});
