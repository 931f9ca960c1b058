// Behaviour 2: an answer told before its question comes up is taken, so the question is never asked;
// behaviour 1: a correction that tells an event again replaces what the first telling implied. Only
// strict wordings that name their subject count (knowledge/lexicon/answers.json volunteered), and only
// in the case where the question can come up: a message that also says the opposite states nothing.
import { describe, expect, it } from 'vitest';
import { chat } from '../transcript.ts';

const key = { channel: 'console', chatId: 'c1', userId: 'u1' } as const;
const factsOf = async (c: Awaited<ReturnType<typeof chat>>) => (await c.engine.getCase(key)).facts;

describe('answers told before they are asked', () => {
  it('back at the licence address, told with the change answer: not asked whether reachable there', async () => {
    const c = await chat();
    await c.says('我的理发店因为按登记地址找不到人被弄进经营异常名录了', '变更登记');
    const text = await c.send('变更没去办 上个月又回到执照上那个老门面营业了 天天开门');
    expect((await factsOf(c)).reachableAtRegisteredAddress).toBe(true);
    expect(text).not.toContain('能联系到您吗');
    expect(c.last?.determination).toMatchObject({ path: 'standard-repair', eligible: true });
  });

  it('「人也早不在原来那个门面了」 told in a correction answers "reachable there?" with no', async () => {
    const c = await chat();
    await c.send('我们公司因为登记地址联系不上被列入异常了 地址变更登记办好了');
    await c.send('说错了 变更登记还在审核 没批下来 人也早不在原来那个门面了');
    expect((await factsOf(c)).reachableAtRegisteredAddress).toBe(false);
    expect(c.last?.determination).toMatchObject({ path: 'tolerant-repair-address-change', eligible: false });
  });

  it('「欠下的几年全都补齐了」 beside a year correction: every year filed, not asked again', async () => {
    const c = await chat();
    await c.send('我家个体户2022年没报年报被列了');
    const text = await c.send('年份记错了 是2018年被列的 欠下的几年全都补齐了');
    expect((await factsOf(c)).allOverdueReportsFiled).toBe(true);
    expect(text).not.toContain('所有没报的年度');
    expect(c.last?.determination).toMatchObject({ path: 'standard-repair', eligible: true });
  });

  it('one year filed is still no "every year filed"', async () => {
    const c = await chat();
    await c.send('我家个体户2018年没报年报被列了');
    await c.send('去年的年报补上了');
    expect((await factsOf(c)).allOverdueReportsFiled).toBeUndefined();
  });

  it('a move away in the same message leaves "reachable there?" open', async () => {
    const c = await chat();
    await c.says('我的理发店因为按登记地址找不到人被弄进经营异常名录了', '变更登记');
    await c.send('变更没去办 以前一直在原来的门面做 后来搬到菜市场旁边了');
    expect((await factsOf(c)).reachableAtRegisteredAddress).not.toBe(true);
    expect(c.last?.determination.eligible).not.toBe(true);
  });

  it('cooperation with the spot check told early is not asked again', async () => {
    const c = await chat();
    await c.says('我们公司没上异常名录 抽查发现公示的网站网址写错了一个字母', '改正');
    await c.send('第二天就改好了 没超期限 检查的时候账本也是配合拿出来的');
    expect((await factsOf(c)).refusedInspection).toBe(false);
    const rest = [
      await c.send('不是故意的 打错了'),
      await c.send('没有造成什么影响 也没人投诉'),
      await c.send('不涉及安全 以前也没错过'),
    ].join('\n');
    expect(rest).not.toContain('拒绝配合');
  });

  it('a branch that cannot produce the proof is told it does not qualify', async () => {
    const c = await chat();
    await c.send('我们是分公司 年报财务数据填的0 因为总公司统一公示 现在还没被列入异常名录');
    await c.send('所里要分公司出个证明材料，总部那边一直拖着，到现在还交不出来');
    expect((await factsOf(c)).proofProvided).toBe(false);
    expect(c.last?.determination).toMatchObject({ path: 'minor-error-exemption', eligible: false });
  });

  it('a fine for spoiled meat is a food penalty: the key-sector question is not asked', async () => {
    const c = await chat();
    await c.send('我们饭店今年被县市场监管局罚了3万 原因是冰柜里的肉变质了还在用');
    expect((await factsOf(c)).keySector).toBe(true);
    const text = await c.send('处罚决定书上没写从轻 就是一般的');
    expect(text).not.toContain('是不是跟食品');
  });

  it('a penalty whose cause is denied to be food is no key-sector reading', async () => {
    const c = await chat();
    await c.send('我们超市被罚了两万 是价格标签的问题 不是食品安全方面的');
    expect((await factsOf(c)).keySector).not.toBe(true);
  });

  it('"not yet put on the list" is not listed', async () => {
    const c = await chat();
    await c.send('我们还没被列进异常名录 就是收到了责令改正通知');
    expect((await factsOf(c)).listed).toBe(false);
  });
});

describe('a correction that tells the event again', () => {
  it('「说错了，过了半个月才改过来」 replaces "corrected within the time limit"', async () => {
    const c = await chat();
    await c.says('我们公司年报里邮箱写错了 没被列异常', '改正');
    await c.send('他们提醒以后第二天就改了');
    expect((await factsOf(c)).missedCorrectionDeadline).toBe(false);
    await c.says('说错了 其实通知让五天内改 我们拖了半个月才改过来', '已改为');
    expect((await factsOf(c)).missedCorrectionDeadline).toBe(true);
    expect(c.last?.determination.eligible).not.toBe(true);
  });

  it('a later heavier penalty answers the serious-list question even when told as "penalised again"', async () => {
    const c = await chat();
    await c.says('我们公司2024年9月被列入严重违法失信名单了', '罚款');
    await c.send('罚款早交了 整改也弄完了');
    await c.send('可是今年又被市场监管局处罚了 这次比上回罚得更重');
    expect((await factsOf(c)).laterHeavierPenalty).toBe(true);
    expect(c.last?.determination).toMatchObject({ path: 'serious-list-early-removal', eligible: false });
  });
});

describe('a penalty case decided before its sector is known', () => {
  it('a fine not yet paid is "not yet", and the sector question is not asked', async () => {
    const c = await chat();
    const text = await c.send('去年县市场监管局罚了我们7万块 罚款还没缴 网上一直挂着');
    expect(text).not.toContain('是不是跟食品');
    expect(c.last?.determination).toMatchObject({ path: 'penalty-publicity-repair', eligible: false });
  });

  it('「之后没再犯过同样的事」 is no repeated penalty', async () => {
    const c = await chat();
    await c.send('去年县市场监管局罚了我们7万块 罚款交了 整改也做了 之后没再犯过同样的事');
    expect((await factsOf(c)).repeatSameTypePenalty).toBe(false);
  });
});
