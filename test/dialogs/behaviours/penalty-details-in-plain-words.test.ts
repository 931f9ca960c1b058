// A published penalty told the way owners tell it (总局令第107号 arts. 4, 7–9, 11): the bureau named
// in the message before the penalty, the number of a pasted decision, the thing put right instead of
// the word 整改, the day of the fine without the day of its publication, a business not yet allowed
// to reopen. Each is enough for the result; none needs the question asked again.
import { describe, expect, it } from 'vitest';
import { chat } from '../transcript.ts';

const key = { channel: 'console', chatId: 'c1', userId: 'u1' } as const;

describe('a penalty told in plain words', () => {
  it('the bureau that inspected, named before the warning, issued it: publication ends by itself', async () => {
    const c = await chat();
    await c.send('我们开的五金店 店门口的横幅写了全市第一 县市场监督管理局的人来检查了');
    await c.send('后来就给了一个警告 罚款什么的都冇得 这个要修复吗');
    expect((await c.engine.getCase(key)).facts.issuedByMarketSupervision).toBe(true);
    expect(c.last?.determination.path).toBe('penalty-auto-expiry');
  });

  it('the bureau that registered the business, named before the penalty, is not taken as its issuer', async () => {
    const c = await chat();
    await c.send('你好 我们小吃店的营业执照是县市场监督管理局发的');
    await c.send('去年被罚了3000 想问下能不能修复');
    expect((await c.engine.getCase(key)).facts.issuedByMarketSupervision).toBeUndefined();
  });

  it('a pasted decision whose number carries 市监 names the issuer', async () => {
    const c = await chat();
    await c.send(
      '决定书上是这样写的 赤市监罚决〔2025〕112号 当事人销售的童装标识不全 决定：罚款人民币捌仟元整',
    );
    await c.send('这个是2025年6月10号公示的 冇从轻 罚款交了 童装的吊牌也全部重新贴了');
    await c.send('后面冇重复被罚 我们卖衣服的 跟吃的药的都不沾边');
    expect((await c.engine.getCase(key)).facts.issuedByMarketSupervision).toBe(true);
    expect(c.last?.determination.path).toBe('penalty-publicity-repair');
    expect(c.last?.determination.eligible).toBe(true);
  });

  it('the thing redone and the inspection passed are the rectification', async () => {
    const c = await chat();
    await c.send('洗车店收费冇按规定公示价格 被市场监管局罚了6000 不是从轻的 今年4月2号公示的');
    await c.send('罚款当天就交了 价格表也按要求挂在门口了 以后冇再被罚过 洗车跟食品药品不沾边');
    expect((await c.engine.getCase(key)).facts.rectified).toBe(true);
    expect(c.last?.determination.eligible).toBe(true);
  });

  it('the day a key-sector business was fined bounds the publication: not yet a year', async () => {
    const c = await chat();
    await c.send('我们是做熟食的 今年2月18号被市场监管局罚款7万 处罚信息挂在网上');
    await c.send('罚款交了 也整改了 之前没被罚过同样的事');
    const d = c.last?.determination;
    expect(d?.path).toBe('penalty-publicity-repair');
    expect(d?.eligible).toBe(false);
    expect(d?.missing).toEqual([]);
  });

  it('a business not yet allowed to reopen is still under the restriction', async () => {
    const c = await chat();
    await c.send('我们厂2025年3月份被市场监管局责令停产停业 处罚也公示了');
    await c.send('罚款交了 停产的期限还冇过 上面还没让复产');
    expect((await c.engine.getCase(key)).facts.restrictionEnded).toBe(false);
    expect(c.last?.determination.eligible).toBe(false);
  });
});
