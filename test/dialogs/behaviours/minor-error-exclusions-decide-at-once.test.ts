// A minor-error case (四(四), 五(二)三) where the owner says enough to rule the exemption out: the same
// error again this year, a correction not yet made (told on its own, after the error), the parent's
// proof still to come, a number that is someone else's left in the report on purpose. Each decides
// the route as not eligible at once, without a question the owner already answered.
import { describe, expect, it } from 'vitest';
import { chat } from '../transcript.ts';

const key = { channel: 'console', chatId: 'c1', userId: 'u1' } as const;

describe('minor-error exclusions decide at once', () => {
  it('the same error found again this year is a repeat: not eligible', async () => {
    const c = await chat();
    await c.send('我们是开五金店的有限公司 年报里的邮编是老地址那边的 没被列异常');
    await c.send('说起来前年抽查就发现过一次 这回又是一模一样的邮编错误');
    expect((await c.engine.getCase(key)).facts.repeatedSameError).toBe(true);
    expect(c.last?.determination).toMatchObject({ path: 'minor-error-exemption', eligible: false });
  });

  it('"last year\'s report was wrong too", told with a question, is a repeat', async () => {
    const c = await chat();
    await c.send('我们公司年报上的网址是以前那个 早就打不开了 还没被列入');
    await c.send('去年的年报也是网址不对 被所里说过 这回还能免列异吗');
    expect((await c.engine.getCase(key)).facts.repeatedSameError).toBe(true);
    expect(c.last?.determination).toMatchObject({ path: 'minor-error-exemption', eligible: false });
  });

  it('"not had time to fix it yet", said after the error was told, is no correction', async () => {
    const c = await chat();
    await c.send('所里来电话讲我们公示的网店名字跟实际的不一样 叫我们改');
    await c.send('现在还没来得及弄 也没被列异常 我们是做服装批发的公司 改好了以后要交什么');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts).toMatchObject({ listed: false, correctedAfterReminder: false });
    expect(c.last?.determination).toMatchObject({ path: 'minor-error-exemption', eligible: false });
  });

  it('"not had time yet" answers "has the information been corrected?" for a listing', async () => {
    const c = await chat();
    await c.send('我们公司年报里的从业人数填的假的 被列入经营异常名录了');
    await c.send('还没来得及改');
    expect((await c.engine.getCase(key)).facts.infoCorrected).toBe(false);
    expect(c.last?.determination).toMatchObject({ path: 'standard-repair', eligible: false });
  });

  it("a branch whose parent's paper has not come yet has no proof: not eligible", async () => {
    const c = await chat();
    await c.send('我们分公司年报里营业收入和利润都填的0 因为总公司年报里统一公示了');
    await c.send('还没被列异常 只是总部那边的说明还没开给我们 要盖章 到现在还没弄下来');
    expect((await c.engine.getCase(key)).facts.proofProvided).toBe(false);
    expect(c.last?.determination).toMatchObject({ path: 'minor-error-exemption', eligible: false });
  });

  it("someone else's number put in the report on purpose is an intentional contact error", async () => {
    const c = await chat();
    await c.send('我们有限公司年报的联系电话留的是会计的手机 邮箱也是她的 特意没写老板的 怕接骚扰电话');
    let facts = (await c.engine.getCase(key)).facts;
    expect(facts).toMatchObject({ errorKind: 'contact_info', intentional: true });
    expect(facts.applicantIsAgent).toBeUndefined();
    await c.send('抽查说不一致 提醒后我们改了 没有被列入');
    facts = (await c.engine.getCase(key)).facts;
    expect(facts.listed).toBe(false);
    expect(c.last?.determination).toMatchObject({ path: 'minor-error-exemption', eligible: false });
  });
});
