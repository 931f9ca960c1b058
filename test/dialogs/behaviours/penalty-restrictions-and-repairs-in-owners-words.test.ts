// How owners tell a penalty's state in their own words: a date said as its own clause before the
// bureau published (「二〇二五年十月八日 县市场监管局公示了…」), a restriction whose end is still to come
// (「要到明年X月才满」) and a later 「已经过了一年多了」 that reckons the publication, not the restriction;
// on the serious list a running 法定代表人 restriction is a statutory measure still running; the thing
// the violation was about not yet taken down; the licence obtained after 无照经营; a trade that
// 「搭不上边」 with food or drugs; 「查了下」 beside a "no" to the open question.
import { describe, expect, it } from 'vitest';
import { chat } from '../transcript.ts';

const key = { channel: 'console', chatId: 'c1', userId: 'u1' } as const;

describe('penalty restrictions and repairs told in owners’ words', () => {
  it('a restriction said to run until next year stays running when the user reckons another year', async () => {
    const c = await chat();
    await c.send('帮我姐问的 她的作坊2025年6月3号公示了市场监管局的处罚 限制开展生产经营活动一年半');
    await c.send('钱都交了 问题也改了 只是这个限制要到明年五月才满');
    expect((await c.engine.getCase(key)).facts.restrictionEnded).toBe(false);
    expect(c.last?.determination).toMatchObject({ path: 'penalty-publicity-repair', eligible: false });
    await c.send('公示都已经过了一年多了 可以先去申请吗');
    expect((await c.engine.getCase(key)).facts.restrictionEnded).toBe(false);
    expect(c.last?.determination).toMatchObject({ path: 'penalty-publicity-repair', eligible: false });
  });

  it('a date said alone before the bureau published dates the publication; a price list hung up is the correction', async () => {
    const c = await chat();
    await c.send('二〇二六年三月二日 县市场监管局公示了我们理发店的处罚 收费冇明码标价 罚了六千');
    await c.send('决定书上没写从轻减轻');
    expect((await c.engine.getCase(key)).facts.penaltyPublishedDate).toBe('2026-03-02');
    await c.send('罚款缴了 价格牌也贴上墙了 后来冇再因为这个被罚 我们剪头发的跟食品药品搭不上边');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.rectified).toBe(true);
    expect(facts.keySector).toBe(false);
    expect(c.last?.determination).toMatchObject({ path: 'penalty-publicity-repair', eligible: true });
  });

  it('the sign the violation was about not yet taken down: not rectified, not eligible', async () => {
    const c = await chat();
    await c.send('我们做广告公司的 楼顶灯箱违规 市场监管局罚了六万');
    expect((await c.engine.getCase(key)).facts.majorImpactOrDispute).toBeUndefined();
    await c.send('罚款缴清了 可那个灯箱到现在还冇拆 房东不让动');
    expect((await c.engine.getCase(key)).facts.rectified).toBe(false);
    expect(c.last?.determination).toMatchObject({ path: 'penalty-publicity-repair', eligible: false });
  });

  it('「查了下」 beside the date does not undo the "no" to the open mitigation question', async () => {
    const c = await chat();
    await c.send('我们卤菜店去年被县市场监管局罚了三万 卖的熟食不合格 公示到现在还在');
    await c.send('罚款交了 不合格的货都销毁了 之后没再挨过罚');
    await c.send('没有从轻 就是按一般标准罚的 公示时间我刚刚查了下是2025年8月12号');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.fineMitigated).toBe(false);
    expect(facts.penaltyPublishedDate).toBe('2025-08-12');
    expect(c.last?.determination).toMatchObject({ path: 'penalty-publicity-repair', eligible: true });
  });

  it('the licence obtained after a penalty for operating without one is the correction', async () => {
    const c = await chat();
    await c.send('是市场监管局罚的 要修复这条处罚');
    await c.send('当时冇办执照就开了店 罚了五千 按一般标准罚的 2026年5月6号公示的');
    await c.send('罚款交清了 营业执照也办下来了 之后没再被罚 我们卖文具的 跟食品药品特种设备沾不上边');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.rectified).toBe(true);
    expect(facts.keySector).toBe(false);
    expect(c.last?.determination).toMatchObject({ path: 'penalty-publicity-repair', eligible: true });
  });

  it('on the serious list, a 法定代表人 restriction still running is a statutory measure running', async () => {
    const c = await chat();
    await c.send('2024年9月2号进的严重违法失信名单 罚没款交清了 也整改了 后面冇受过更重的处罚');
    await c.send('法定代表人几年内不能当别家公司法定代表人的那个限制还冇到期');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.statutoryMeasureRunning).toBe(true);
    expect(facts.restrictionEnded).toBeUndefined();
    expect(c.last?.determination).toMatchObject({ path: 'serious-list-early-removal', eligible: false });
  });
});
