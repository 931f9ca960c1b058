// Three ways a conversation used to end on 「可以申请」 that nobody had earned: a report supposed filed
// in a question (「补了就能移出吗」), an either-or question (「是…还是…」) read as a yes, and the
// county of registration lost to the configured county named later in the same message.
import { describe, expect, it } from 'vitest';
import { chat } from '../transcript.ts';

const key = { channel: 'console', chatId: 'c1', userId: 'u1' } as const;
const SAYS_ELIGIBLE = /现在(就)?可以申请/;

describe('a condition asked about is not done', () => {
  it('「去年的纸质年报补了就可以移出来吗」 states no filing', async () => {
    const c = await chat();
    await c.send('我是开理发店的个体户 2022年因为年报没报被列了异常');
    const text = await c.send('去年的纸质年报补了就可以移出来吗');
    expect((await c.engine.getCase(key)).facts.previousYearReportFiled).toBeUndefined();
    expect(c.last?.determination.eligible).toBeNull();
    expect(text).not.toMatch(SAYS_ELIGIBLE);
  });
});

describe('an either-or question is no yes', () => {
  it('「是网上交还是要跑一趟窗口」 to "every missing year filed?" answers nothing', async () => {
    const c = await chat();
    await c.send('我们有限公司2021年因为年报没按时报 被列入经营异常名录了');
    expect(c.last?.determination.missing).toContain('allOverdueReportsFiled');
    await c.send('是网上交还是要跑一趟窗口');
    expect((await c.engine.getCase(key)).facts.allOverdueReportsFiled).toBeUndefined();
    expect(c.last?.determination.eligible).not.toBe(true);
  });
});

describe('registered in another county, working here', () => {
  it('「执照是在赤壁市办的 人在通城做事」: the pilot buffer does not apply', async () => {
    const c = await chat();
    await c.send('我们公司执照是在赤壁市办的 不过人一直在通城这边做事 登记的地方早没人了');
    expect((await c.engine.getCase(key)).facts.inJurisdiction).toBe(false);
    await c.send('还没被列异常 电话都能打通 也没有其他违法的事');
    expect(c.last?.determination).toMatchObject({ path: 'not-covered', eligible: false });
  });
  it('a penalty told while a buffer question is open is another violation, not a new record', async () => {
    const c = await chat();
    await c.send('公司车间搬到工业园了 登记地址那边没人了 还没被列入经营异常');
    await c.send('手机随时打得通 就是今年夏天因为卖过期产品被罚过一次款');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.recordType).toBeUndefined();
    expect(facts.otherViolations).toBe(true);
    expect(c.last?.determination).toMatchObject({ path: 'punishment-buffer', eligible: false });
  });

  it('a guess about another question (「其他违法违规的 应该没有吧」) does not hedge the clear answer beside it', async () => {
    const c = await chat();
    await c.send('我屋里的理发店搬了 不在执照上那个地址了 没被列经营异常');
    await c.send('电话找得到我 其他违法违规的 应该没有吧');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.reachableByOtherMeans).toBe(true);
    expect(facts.otherViolations).toBeUndefined();
    expect(c.last?.determination).toMatchObject({ path: 'punishment-buffer', eligible: null });
  });
  it('a penalty told in a buffer story, whatever question is open, is another violation', async () => {
    const c = await chat();
    await c.send('我开了个化妆品店 个体户 店子搬到步行街去了 原来执照上的地址已经不在那经营了');
    await c.send('还没被列异常 电话能联系上 不过今年上半年因为卖过期的化妆品被罚过款');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.recordType).toBeUndefined();
    expect(c.last?.determination).toMatchObject({ path: 'punishment-buffer', eligible: false });
  });

  it('voice input without punctuation: the fact before 「这样还能不能」 is told, the question after it asked', async () => {
    const c = await chat();
    await c.send(
      '喂那个我想问下我们店子现在没在营业执照上登记的那个地址做了搬到隔壁村去了还没被列异常电话是打得通的',
    );
    await c.send('还有个事我们还有一条无证经营的违法记录没处理完这样还能不能暂不列入');
    expect((await c.engine.getCase(key)).facts.otherViolations).toBe(true);
    expect(c.last?.determination).toMatchObject({ path: 'punishment-buffer', eligible: false });
  });
});
