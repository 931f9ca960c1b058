// A penalty story with a slip put right in the same breath, and the steps still owed. A date corrected
// before the penalty's clause (「前年 哦不对 是去年…」) dates the decision; a repeat denied with its cause
// (「冇再因为食品的事挨过罚」) says nothing of the sector; an amount read off the decision replaces the one
// told; a recall or a rectification report not yet done leaves the violation uncorrected (总局令第107号
// 第十一条); 「市场监管局还是给了个警告」 names the bureau all the same.
import { describe, expect, it } from 'vitest';
import { chat } from '../transcript.ts';

const key = { channel: 'console', chatId: 'c1', userId: 'u1' } as const;

describe('penalty corrections and unfinished remedies', () => {
  it('a date corrected before the penalty clause dates the decision, and the case can be repaired', async () => {
    const c = await chat();
    await c.send('帮我表哥问一下 他在通山县开了家卤菜店 营业执照是通山发的');
    await c.send('前年 哦不对 是去年4月15号 因为卖变质的卤菜被通山县市场监管局罚了八千 没有从轻');
    await c.send('罚款当时就交了 店里也按要求整改了 之后冇再因为食品的事挨过罚 能修复吗');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.penaltyDecisionDate).toBe('2025-04-15');
    expect(facts.keySector).toBe(true);
    expect(facts.repeatSameTypePenalty).toBe(false);
    expect(c.last?.determination.path).toBe('penalty-publicity-repair');
    expect(c.last?.determination.eligible).toBe(true);
  });

  it('a 停产停业 ended, paid and put right, with 「没有再受过同类处罚」, is eligible', async () => {
    const c = await chat();
    await c.send('我们砖厂去年2月被县市场监管局责令停产停业一个月 处罚决定2025年2月20号公示的');
    await c.send('停产早就结束了 罚款也交了 整改都做完了 后来没有再受过同类处罚 现在能申请修复吗');
    expect((await c.engine.getCase(key)).facts.repeatSameTypePenalty).toBe(false);
    expect(c.last?.determination.path).toBe('penalty-publicity-repair');
    expect(c.last?.determination.eligible).toBe(true);
  });

  it('a confiscation with a fine, the recall not finished, is not yet repairable', async () => {
    const c = await chat();
    await c.send('我们商贸公司今年3月被市场监管局没收了违法所得 另外罚了两万 已经公示了');
    await c.send('罚款交了 没收的也执行了 就是那批问题电热毯的召回还没搞完 整改报告也还没交');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.penaltyKind).toBe('confiscation');
    expect(facts.rectified).toBe(false);
    expect(c.last?.determination.path).toBe('penalty-publicity-repair');
    expect(c.last?.determination.eligible).toBe(false);
    expect(c.last?.determination.missing).toEqual([]);
  });

  it('an amount read off the decision replaces the one told: a mitigated 3万8 is minor', async () => {
    const c = await chat();
    await c.send('县市场监管局罚了我们六万二 是减轻处罚的 已经公示了');
    expect(c.last?.determination.path).toBe('penalty-publicity-repair');
    await c.send('搞错了 我把决定书翻出来看了 上面写的是三万八 不是六万二');
    expect((await c.engine.getCase(key)).facts.fineAmountYuan).toBe(38_000);
    expect(c.last?.determination.path).toBe('penalty-auto-expiry');
    expect(c.last?.determination.eligible).toBe(false);
  });

  it('a warning given all the same (还是) is the bureau’s: nothing to apply for', async () => {
    const c = await chat();
    await c.send('我们小超市头一回被查到价签不对 本来以为初次违法可以不罚 市场监管局还是给了我们一个警告');
    await c.send('就一个警告 没罚钱 这个要去申请修复吗');
    expect((await c.engine.getCase(key)).facts.issuedByMarketSupervision).toBe(true);
    expect(c.last?.determination.path).toBe('penalty-auto-expiry');
    expect(c.last?.determination.eligible).toBe(false);
  });
});
