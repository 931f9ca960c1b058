// A penalty or serious-list story told over several messages: what a later message adds is weighed
// against what the case holds. A fine told beside a 停产停业 is part of the same decision and leaves
// the heavier kind standing; a corrected amount replaces the one told; the violation described
// (「冇明码标价」) says nothing of its rectification, and putting its object right (价签贴好了) does; a
// repeat asked and not remembered is not known, a rectification guessed is unsure, neither a yes.
import { describe, expect, it } from 'vitest';
import { chat } from '../transcript.ts';

const key = { channel: 'console', chatId: 'c1', userId: 'u1' } as const;

describe('a penalty story across messages', () => {
  it('the fine paid, told after a 停产停业 with a correction of the date, keeps the restriction', async () => {
    const c = await chat();
    await c.send('我们五金加工厂被县市场监管局罚了4万 同时责令停产停业整改半个月');
    await c.send('停产那半个月早就过了 上个月就开工了 罚款交了 当时罚的是4万 公示的时间我记错了 是去年6月');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.penaltyKind).toBe('restriction');
    expect(facts.restrictionEnded).toBe(true);
    expect(facts.obligationsFulfilled).toBe(true);
    // the corrected year dates the publication; a penalty case has no listing year
    expect(facts.penaltyPublishedDate).toBe('2025-06-30');
    expect(facts.listedYear).toBeUndefined();
  });

  it('a restriction denied outright is taken back: 「说错了 冇停产停业 只是罚款」', async () => {
    const c = await chat();
    await c.send('我们五金加工厂被县市场监管局罚了4万 同时责令停产停业整改半个月');
    await c.send('说错了 冇停产停业 只是罚款');
    expect((await c.engine.getCase(key)).facts.penaltyKind).toBe('fine');
  });

  it('「讲错哒 不是4万 是5万6」 corrects the amount, and the mitigated fine is no longer minor', async () => {
    const c = await chat();
    await c.send('被市场监管局罚了4万 决定书上写了减轻处罚');
    expect(c.last?.determination.path).toBe('penalty-auto-expiry');
    await c.send('我刚把决定书找出来 讲错哒 不是4万 是5万6 减轻是对的');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.fineAmountYuan).toBe(56_000);
    expect(facts.fineMitigated).toBe(true);
    expect(c.last?.determination.path).toBe('penalty-publicity-repair');
  });

  it('the price violation described is no rectification; the price tags put up and the money returned are', async () => {
    const c = await chat();
    await c.send('我们超市被市场监管局罚了3000 说是商品冇明码标价 还多收了顾客的钱');
    expect((await c.engine.getCase(key)).facts.rectified).toBeUndefined();
    await c.send('价签都贴好了 多收的钱也退给人家了');
    expect((await c.engine.getCase(key)).facts.rectified).toBe(true);
  });

  it('a repeat asked back and not remembered is not known: neither yes nor no', async () => {
    const c = await chat();
    await c.says(
      '我们服装店被市场监管局罚了8000 今年5月公示的 罚款交了 决定书上冇写从轻 跟食品药品不沾边 整改也做完了',
      '同样的问题',
    );
    const text = await c.send('之前有没有因为同类的事被罚过 我真记不得了');
    expect((await c.engine.getCase(key)).facts.repeatSameTypePenalty).toBeUndefined();
    // taken as 「不清楚」, not as a reply without an answer
    expect(text).not.toContain('没找到这一项的答案');
    expect(c.last?.determination.eligible).not.toBe(true);
  });

  it('「整改嘛应该算搞好了吧」 to the rectification question is a guess, asked back', async () => {
    const c = await chat();
    await c.says(
      '我们服装店被市场监管局罚了8000 今年5月公示的 罚款交了 决定书上冇写从轻 跟食品药品不沾边 以前冇因为这个被罚过',
      '整改',
    );
    const text = await c.send('整改嘛应该算搞好了吧');
    expect((await c.engine.getCase(key)).facts.rectified).toBeUndefined();
    expect(text).toContain('不太肯定');
  });
});

describe('a serious-list story across messages', () => {
  it('the abnormal list corrected to the serious list: the date told with the correction is its listing date', async () => {
    const c = await chat();
    await c.send('我们公司上了经营异常名录好几年了 想问问怎么修复');
    await c.send('我看错了 刚查清楚 是被列进了严重违法失信名单 列入的日子是2025年5月9号');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.recordType).toBe('serious_list');
    expect(facts.seriousListedDate).toBe('2025-05-09');
    expect(facts.listedYear).toBeUndefined();
  });

  it('on the list, told in a tender story; date, obligations, no later penalty: early removal', async () => {
    const c = await chat();
    await c.send('公司去参加招投标 人家说我们在严重违法失信名单上 不让投 这个名单要挂几年');
    expect((await c.engine.getCase(key)).facts.recordType).toBe('serious_list');
    await c.send('是县市场监管局列进去的 2025年5月6号列的');
    expect((await c.engine.getCase(key)).facts.seriousListedDate).toBe('2025-05-06');
    await c.send('当时罚的钱和没收的违法所得都交清了 问题也全部整改好了');
    await c.send('列进去以后再冇受过处罚 更冇比那次重的 也冇得还在执行的措施');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts).toMatchObject({
      obligationsFulfilled: true,
      rectified: true,
      laterHeavierPenalty: false,
      statutoryMeasureRunning: false,
    });
    expect(c.last?.determination).toMatchObject({ path: 'serious-list-early-removal', eligible: true });
  });

  it('asking whether one is on the list names no record of one’s own', async () => {
    const c = await chat();
    await c.send('怎么查我们公司在不在严重违法失信名单上');
    expect((await c.engine.getCase(key)).facts.recordType).toBeUndefined();
  });
});
