// Later messages of a penalty case speak of that penalty even where they name none: how it was put
// right (「网店页面也换了」) is no published-information error, a trade denied with 「不沾」 is no key
// sector, 「同类的也冇得」 denies a repeat, a guess ending in 吧 states nothing, and a reply about
// another condition does not answer the one asked. The path is known before the sector is.
import { describe, expect, it } from 'vitest';
import { chat } from '../transcript.ts';

const key = { channel: 'console', chatId: 'c1', userId: 'u1' } as const;

describe('follow-ups of a penalty case', () => {
  it('put right, trade denied, no repeat: the follow-up is read as penalty talk', async () => {
    const c = await chat();
    await c.send('我们印刷厂被县市场监管局罚了七万 说宣传单上有虚假内容 去年10月9号公示的');
    await c.send('钱早交了 宣传单全部销毁 网店页面也换了 之后没再挨过罚 同类的也冇得 我们不沾化妆品药品那些');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.errorKind).toBeUndefined();
    expect(facts.safetyRelated).toBeUndefined();
    expect(facts.keySector).toBe(false);
    expect(facts.repeatSameTypePenalty).toBe(false);
    expect(c.last?.determination).toMatchObject({ path: 'penalty-publicity-repair', eligible: true });
  });

  it('a sector still open: the repair path is named, eligibility waits', async () => {
    const c = await chat();
    await c.send('店里被市场监管局没收了一批货 另外罚了九万 今年三月二号公示的 钱交了');
    expect(c.last?.determination).toMatchObject({ path: 'penalty-publicity-repair', eligible: null });
  });

  it('「整改估计算弄好了吧」 while the sector is asked: nothing is taken, neither is asked as answered', async () => {
    const c = await chat();
    await c.send('被市场监管局没收了假货 还罚了三万 今年5月6号公示的 罚款交了 之后冇被罚过');
    await c.send('整改应该算弄好了吧 也没人来看过');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.rectified).toBeUndefined();
    expect(facts.keySector).toBeUndefined();
    await c.send('我们卖家电的 跟食品药品冇得关系');
    const after = (await c.engine.getCase(key)).facts;
    expect(after.keySector).toBe(false);
    expect(after.rectified).toBeUndefined();
    expect(c.last?.determination.eligible).toBeNull();
  });

  it('a rule heard from someone and asked about states nothing, nor answers the open question', async () => {
    const c = await chat();
    await c.send('我们洗车店被市场监管局罚了四万 还没收了一些东西');
    await c.send('听朋友讲 罚款五万以下又从轻的 公示三个月就自动没了 对不对');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.penaltyKind).toBe('confiscation');
    expect(facts.fineMitigated).toBeUndefined();
    expect(facts.keySector).toBeUndefined();
  });

  it('「罚款跟没收的都缴了」 tells what was paid, not a lighter kind; 「公示日期…」 without 是 dates it', async () => {
    const c = await chat();
    await c.send('我们超市被市场监管局罚了两万 另外没收了违法所得');
    await c.send('公示日期2026年7月1日 罚款跟没收的都缴了');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.penaltyKind).toBe('confiscation');
    expect(facts.penaltyPublishedDate).toBe('2026-07-01');
  });
});

describe('a user reckoning the wait from another date', () => {
  it('「三个月一到就能申请 八月二十号到今天也早过了吧」 after the publication date was told re-dates nothing', async () => {
    const c = await chat();
    await c.send('我们饭店被市场监管局罚了六万八 八月二十号下的决定 九月十五号公示的');
    await c.send('罚款交了 问题也改了 之后没再被罚过 我们不是食品药品那些重点行业');
    expect(c.last?.determination).toMatchObject({ path: 'penalty-publicity-repair', eligible: false });
    const text = await c.send('三个月一到就能申请 八月二十号到今天也早过了吧 那为啥还不让我们申请');
    // the "why not?" gets the verdict with its reason and the earliest day, not a menu
    expect(text).toMatch(/还不能申请[\s\S]*公示还没满3个月[\s\S]*最早2026年12月16日/);
    expect((await c.engine.getCase(key)).facts.penaltyPublishedDate).toBe('2026-09-15');
    expect(c.last?.determination.eligible).toBe(false);
  });
});
