// Minor-error and punishment-buffer cases told in owners' words across turns: a guess the owner says
// again at once, sure, is told (「估计没有吧 我刚核实了 确实没有」); a guess that takes back what was
// said is not known; a deadline not overrun is no "not corrected"; a published-information error told
// while "are you listed?" is open is no listing; a county the registration moved away from is not where
// the business is registered; another case filed against a business that moved is another violation.
import { describe, expect, it } from 'vitest';
import { chat } from '../transcript.ts';

const key = { channel: 'console', chatId: 'c1', userId: 'u1' } as const;

describe('guesses said again sure, and minor errors and moves told in turns', () => {
  it('"probably none — I checked, none indeed" answers the other-violations question', async () => {
    const c = await chat();
    await c.send('我那个服装店搬到隔壁乡里去了 营业执照上还是原来的地址');
    await c.send('还没有被列异常 手机一直开着 找得到我');
    const text = await c.send('别的违规的事 估计没有吧 我刚核实了 确实没有');
    expect(text).not.toContain('说得不太肯定');
    expect((await c.engine.getCase(key)).facts.otherViolations).toBe(false);
    expect(c.last?.determination).toMatchObject({ path: 'punishment-buffer', eligible: true });
  });

  it('a guess left a guess is not taken', async () => {
    const c = await chat();
    await c.send('我那个服装店搬到隔壁乡里去了 营业执照上还是原来的地址');
    await c.send('还没有被列异常 手机一直开着 找得到我');
    await c.send('别的违规的事 估计没有吧');
    expect((await c.engine.getCase(key)).facts.otherViolations).toBeUndefined();
  });

  it('another case filed at the inspection is another violation: the buffer is not open', async () => {
    const c = await chat();
    await c.send('我们店搬走了 没在执照上的地址做生意 所里说可能要列异常');
    await c.send('电话打得通 还没列 不过那次来检查还查出我们卖的米过了保质期 已经另行立案了');
    expect((await c.engine.getCase(key)).facts.otherViolations).toBe(true);
    expect(c.last?.determination).toMatchObject({ path: 'punishment-buffer', eligible: false });
  });

  it('a shop name published wrong, told while "listed?" is open, is a minor error, not a listing', async () => {
    const c = await chat();
    await c.send('我们公司前几年在崇阳 去年迁移登记到通城了 现在执照归通城县市场监管局');
    expect((await c.engine.getCase(key)).facts.inJurisdiction).toBeUndefined();
    await c.send('双随机抽查说年报上公示的网店名称和实际不一致 店名改过 年报上没跟着改 不是有意的');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.listed).not.toBe(true);
    expect(facts.listingReason).toBeUndefined();
    await c.send(
      '所里提醒后第三天就改好了 没被列入 没什么影响 没有纠纷 我们卖文具 不涉及安全生产 以前没出过这种错 检查也配合了 在规定期限内改的',
    );
    expect(c.last?.determination).toMatchObject({ path: 'minor-error-exemption', eligible: true });
  });

  it('"not past the period", beside a publication made after the reminder, is no "not corrected"', async () => {
    const c = await chat();
    await c.send('我们是有限公司 换了印刷经营许可证 过了20个工作日才在系统上公示 没被列异常');
    await c.send('提醒以后我们隔天就公示上去了 不是故意的 没造成影响 没有纠纷 也配合检查了 也没超过整改期限');
    expect((await c.engine.getCase(key)).facts).toMatchObject({
      correctedAfterReminder: true,
      missedCorrectionDeadline: false,
    });
    const text = await c.send('做印刷的应该不涉及安全吧 我确定不涉及 之前有没有犯过同样的错 我记不清了');
    // the owner's own doubt about their past is no request for a person
    expect(text).not.toContain('人工');
    expect((await c.engine.getCase(key)).facts.safetyRelated).toBe(false);
    expect(c.last?.determination).toMatchObject({ path: 'minor-error-exemption', eligible: null });
  });

  it("a guess at the owner's own question about the past does not hedge the answer beside it", async () => {
    const c = await chat();
    await c.send('我们是有限公司 换了印刷经营许可证 过了20个工作日才在系统上公示 没被列异常');
    const asked = await c.send(
      '提醒以后我们隔天就公示上去了 不是故意的 没造成影响 没有纠纷 也配合检查了 也没超过整改期限',
    );
    expect(asked).toContain('安全');
    const text = await c.send(
      '印刷厂估计跟安全不沾边吧 我敢肯定不沾边 以前是不是也填错过一回 我记不太清了 好像有过',
    );
    expect(text).not.toContain('说得不太肯定');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.safetyRelated).toBe(false);
    expect(facts.repeatedSameError).toBeUndefined();
  });
});
