// Behaviour 2 for a minor-error case told over several messages: an earlier spot check told while
// another question is open, a published number that reaches nobody, a call from the bureau that names
// no field, a licence change whose late publication comes in the next message, and a correction made
// only after the ordered period.
import { describe, expect, it } from 'vitest';
import { chat } from '../transcript.ts';

const key = { channel: 'console', chatId: 'c1', userId: 'u1' } as const;

describe('minor-error details told in turns', () => {
  it('an earlier spot check told while "intentional?" is open answers the spot check only', async () => {
    const c = await chat();
    await c.send('我们有限公司年报里利润那栏小数点点错了 还没被列异常');
    await c.send('所里提醒后当天就改好了');
    await c.send('可这已经不是我们头一回被抽查了 2023年也被抽中过一回 那回没查出毛病');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.firstSpotCheck).toBe(false);
    expect(facts.intentional).toBeUndefined();
    expect(c.last?.determination).toMatchObject({ path: 'minor-error-exemption', eligible: false });
  });

  it('a phone in the report that nobody answers is a contact error; not corrected yet, and the fee asked', async () => {
    const c = await chat();
    await c.send('抽查的同志说我们公示在年报上的手机号码打不通 那个号码早就不用了');
    let facts = (await c.engine.getCase(key)).facts;
    expect(facts.errorKind).toBe('contact_info');
    expect(facts.reachableByOtherMeans).toBeUndefined();
    const text = await c.send('改这个收不收费 我们还没动 打算过几天克改');
    facts = (await c.engine.getCase(key)).facts;
    expect(facts.correctedAfterReminder).toBe(false);
    expect(text).toContain('不收取任何费用');
    expect(c.last?.determination).toMatchObject({ path: 'minor-error-exemption', eligible: false });
  });

  it('a call from the bureau about "one thing that differs" names no kind: the kind is asked', async () => {
    const c = await chat();
    await c.says('所里来电话说我们公示的东西有一处跟检查的对不上 让我们改一下', '什么差错');
    expect((await c.engine.getCase(key)).facts.errorKind).toBeUndefined();
  });

  it('a mailing address in the report is another kind of error: not covered', async () => {
    const c = await chat();
    await c.send('公司年报上的通讯地址楼层写错了 3楼写成了5楼');
    expect((await c.engine.getCase(key)).facts.errorKind).toBe('other');
    expect(c.last?.determination).toMatchObject({ path: 'not-covered' });
  });

  it('a licence renewed, then "not published within 20 working days" in the next message', async () => {
    const c = await chat();
    // (a guess at the topic presumes nothing: the bot may first ask whether the business is listed)
    await c.send('我们公司开职业介绍的 人力资源服务许可证续了新证');
    await c.send('然后没在20个工作日内公示 抽查被发现了');
    expect((await c.engine.getCase(key)).facts.errorKind).toBe('license_info_late');
    await c.send('所里限10天改好 我们拖到快一个月才改好 目前没列入异常');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts).toMatchObject({
      missedCorrectionDeadline: true,
      correctedAfterReminder: true,
      listed: false,
    });
    expect(c.last?.determination).toMatchObject({ path: 'minor-error-exemption', eligible: false });
  });

  it('a licence change, then its publication missed within 20 working days, then a late correction', async () => {
    const c = await chat();
    await c.send('我们是做货运的有限公司 道路运输经营许可证前段时间变更了');
    await c.send('后来忘了在二十个工作日以内公示 抽查的时候查出来了');
    expect((await c.engine.getCase(key)).facts.errorKind).toBe('license_info_late');
    await c.send('所里叫我们一个礼拜内改 结果拖了二十多天才弄好 现在还没被列异常');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts).toMatchObject({ missedCorrectionDeadline: true, listed: false });
    expect(c.last?.determination).toMatchObject({ path: 'minor-error-exemption', eligible: false });
  });

  it('a guess about the spot check leaves the correction told beside it standing, and the spot check open', async () => {
    const c = await chat();
    await c.send('我们公司年报里把营业收入的单位弄错了 万元填成了元 没被列异常');
    await c.send(
      '按期改好了 不是故意的 没造成影响 没纠纷 做文具批发的 不涉及安全 检查也配合了 以前没出过这种错 是不是头一次被抽查 好像前年也抽到过 说不准',
    );
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.correctedAfterReminder).toBe(true);
    expect(facts.firstSpotCheck).toBeUndefined();
    expect(c.last?.determination).toMatchObject({
      path: 'minor-error-exemption',
      eligible: null,
      missing: ['firstSpotCheck'],
    });
  });

  it('a period set in one message and a longer delay told in the next miss the deadline', async () => {
    const c = await chat();
    await c.send('我们是卖农药的有限公司 经营许可证换证以后超过20个工作日才公示 被抽查出来了 没被列入异常');
    await c.send('当时所里叫我们一个礼拜之内弄好');
    await c.send('后来一直忙 拖了差不多一个月才补公示上去');
    expect((await c.engine.getCase(key)).facts.missedCorrectionDeadline).toBe(true);
    expect(c.last?.determination).toMatchObject({ path: 'minor-error-exemption', eligible: false });
  });

  it('a delay shorter than the period set misses nothing', async () => {
    const c = await chat();
    await c.send('我们是卖农药的有限公司 经营许可证换证以后超过20个工作日才公示 被抽查出来了 没被列入异常');
    await c.send('所里给了我们一个月的期限 拖了一个礼拜就补公示了');
    expect((await c.engine.getCase(key)).facts.missedCorrectionDeadline).not.toBe(true);
  });
});
