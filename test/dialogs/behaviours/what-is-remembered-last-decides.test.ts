// Owners remember things late: 「对了 忘了说…」 after a case that met every condition. What they then
// tell — another violation, a trade where safety is at stake, a licence from another county — decides
// the case at once, even over what they said before, because it can only hold the case back. A
// draft under way is no reason to read it as a field of the draft.
import { describe, expect, it } from 'vitest';
import { chat } from '../transcript.ts';

const key = { channel: 'console', chatId: 'c1', userId: 'u1' } as const;

describe('what is remembered last decides', () => {
  it('a penalty by another department, after 「冇得别的违法的」, ends the buffer', async () => {
    const c = await chat();
    await c.send('我的五金店是个体户 上半年搬到新街了 执照上还是老地址 没有被列异常');
    await c.send('所里打我手机随时找得到 别的违法违规的事一件都冇得');
    expect(c.last?.determination).toMatchObject({ path: 'punishment-buffer', eligible: true });
    await c.send('哦对了 忘了说 前年还被消防大队罚过一回款');
    expect(c.last?.determination).toMatchObject({ path: 'punishment-buffer', eligible: false });
    expect((await c.engine.getCase(key)).facts.otherViolations).toBe(true);
  });

  it('a trade where safety is at stake, told after the error was told, ends the exemption', async () => {
    const c = await chat();
    await c.send('我们公司年报里的邮箱填错了一个字母 抽查发现的 头一回被抽查 没被列入异常');
    await c.send(
      '提醒以后当天就改了 在期限内 不是故意的 没有影响 没有纠纷 以前没错过 检查时都配合了 跟安全不沾边',
    );
    expect(c.last?.determination).toMatchObject({ path: 'minor-error-exemption', eligible: true });
    await c.send('补充一下 我们主要是做加油站的');
    expect(c.last?.determination).toMatchObject({ path: 'minor-error-exemption', eligible: false });
  });

  it('a licence from another county, told while a draft is being filled, is no field of it', async () => {
    const c = await chat();
    await c.send('我们是卖农资的合作社 2023年没按时报年报被列进了经营异常名录');
    await c.send('去年那份纸质年报上个月交了 网上也公示出来了');
    expect(c.last?.determination).toMatchObject({ path: 'tolerant-repair-annual-report', eligible: true });
    await c.send('帮我写一份信用修复申请书');
    await c.send('刚想起来 我们的营业执照是通山县市场监管局发的');
    expect(c.last?.determination.path).toBe('standard-repair');
    expect(c.last?.determination.eligible).not.toBe(true);
    expect((await c.engine.getCase(key)).facts.inJurisdiction).toBe(false);
  });

  it('the cause denied with no other named leaves the route undecided, and its words state nothing', async () => {
    const c = await chat();
    await c.send('我们合作社2021年没报年报被列了异常');
    await c.send('去年的纸质年报交了 网上也公示了');
    expect(c.last?.determination).toMatchObject({ path: 'tolerant-repair-annual-report', eligible: true });
    await c.send('所里刚回电话 说被列的原因并不是没报年报 具体啥原因要我自己去查');
    expect(c.last?.determination).toMatchObject({ path: 'undetermined', eligible: null });
    expect((await c.engine.getCase(key)).facts.previousYearReportFiled).toBe(true);
  });

  it('the type and the year read off the papers replace the ones told from memory', async () => {
    const c = await chat();
    await c.send('我开的个体小卖部 22年没报年报被列进经营异常名录了');
    await c.send('去年的纸质年报交了 也公示了');
    expect(c.last?.determination).toMatchObject({ path: 'tolerant-repair-annual-report', eligible: true });
    await c.send('刚看了营业执照 上面写的是有限责任公司');
    expect(c.last?.determination).toMatchObject({ path: 'standard-repair', eligible: null });
    const d = await chat();
    await d.send('我开的个体小卖部 22年没报年报被列进经营异常名录了');
    await d.send('去年的纸质年报交了 也公示了');
    await d.send('通知书上写着列入日期是2019年');
    expect(d.last?.determination).toMatchObject({ path: 'standard-repair', eligible: null });
  });
});

describe('a doubt or a guess over what was told', () => {
  it('「不晓得…冇…」 with the doubt first puts the step back to unknown', async () => {
    const c = await chat();
    await c.send('个体 22年列的 冇报年报');
    await c.send('去年的纸质年报交到所里了');
    expect(c.last?.determination.eligible).not.toBe(false);
    await c.send('不晓得网上公示冇公示');
    expect(c.last?.determination.eligible).toBeNull();
  });

  it('a guess that some year is still owed, after all were told filed, grants nothing', async () => {
    const c = await chat();
    await c.send('我们公司19年被列进异常 年报冇报');
    await c.send('欠的那几年都补齐了');
    expect(c.last?.determination).toMatchObject({ path: 'standard-repair', eligible: true });
    await c.send('好像还有一年冇补上 我也不晓得');
    expect(c.last?.determination).toMatchObject({ path: 'standard-repair', eligible: null });
  });

  it('a guess at another listing year makes the year unknown; the same year guessed keeps it', async () => {
    const c = await chat();
    await c.send('合作社 21年被列的 冇报年报');
    await c.send('去年的年报交了 也公示了');
    await c.send('好像是19年列的 记不清了');
    expect(c.last?.determination).toMatchObject({ path: 'undetermined', eligible: null });
    const d = await chat();
    await d.send('合作社 21年被列的 冇报年报');
    await d.send('去年的年报交了 也公示了');
    await d.send('好像就是21年列的 记不清了');
    expect((await d.engine.getCase(key)).facts.listedYear).toBe(2021);
  });

  it('a county in dispute grants none of the pilot routes', async () => {
    const c = await chat();
    await c.send('通城的个体户 21年列的异常 年报冇报');
    await c.send('去年的年报补了 也公示了');
    expect(c.last?.determination.path).toBe('tolerant-repair-annual-report');
    await c.send('哦 执照好像是崇阳办的');
    expect(c.last?.determination.path).not.toBe('tolerant-repair-annual-report');
  });

  it('「不是22 是23年」 corrects the listing year and answers no question; 「冇批下来」 takes a step back at once', async () => {
    const c = await chat();
    await c.send('个体户 冇报年报 22年列的异常');
    await c.send('哦 不是22 是23年');
    expect((await c.engine.getCase(key)).facts.listedYear).toBe(2023);
    expect((await c.engine.getCase(key)).facts.previousYearReportFiled).toBeUndefined();
    const d = await chat();
    await d.send('搬了门面 按老地址联系不上 被列了异常');
    await d.send('变更登记办好了');
    expect(d.last?.determination).toMatchObject({ path: 'tolerant-repair-address-change', eligible: true });
    await d.send('哦 还冇办完 材料递了 还冇批下来');
    expect(d.last?.determination.eligible).not.toBe(true);
    expect((await d.engine.getCase(key)).facts.addressChangeRegistered).toBe(false);
  });
});

describe('how a step stands, told after the result', () => {
  it("last year's report told still not filed, without naming the report, ends the 容缺 grant", async () => {
    const c = await chat();
    await c.send('我是开理发店的个体户 2022年年报没报被列了异常');
    await c.send('前几年欠的都补上了 去年的纸质年报也交了');
    expect(c.last?.determination).toMatchObject({ path: 'tolerant-repair-annual-report', eligible: true });
    await c.send('刚问了窗口 去年那一年度的到现在都还没报 我搞混了');
    expect(c.last?.determination).toMatchObject({ path: 'tolerant-repair-annual-report', eligible: false });
  });

  it('one year told still owed (「那一年还差着」) after every year was told filed ends the grant', async () => {
    const c = await chat();
    await c.send('我们是建材公司 有限公司 21年年报没报 22年被列入经营异常名录');
    await c.send('欠的年报都补齐了');
    expect(c.last?.determination).toMatchObject({ path: 'standard-repair', eligible: true });
    await c.send('不好意思 21年度那一年审计报告还没出来 那一年还欠着');
    expect(c.last?.determination).toMatchObject({ path: 'standard-repair', eligible: false });
  });

  it('back at the registered office answers whether the business can be reached there', async () => {
    const c = await chat();
    await c.send('我们公司因为登记的住所联系不上被列了异常 那阵子办公室装修 人都不在');
    await c.send('装修完了 人都回到登记的那个办公室上班了 地址没改 也没办变更');
    expect(c.last?.determination).toMatchObject({ path: 'standard-repair', eligible: true });
  });

  it('the registered address told staffed again answers whether the business can be reached there', async () => {
    const c = await chat();
    await c.send('公司去年因为登记的住所联系不上被列了异常 那阵子人都在外地');
    await c.send('现在人都回来了 登记的地址天天有人在 电话也通 地址没变 也没办变更');
    expect(c.last?.determination).toMatchObject({ path: 'standard-repair', eligible: true });
  });

  it('measures told over, after a guessed payment, answer the measure and leave the payment open', async () => {
    const c = await chat();
    await c.send('厂里2025年3月被列入严重违法失信名单 罚款好像交完了吧 问题都整改好了 后来没再被处罚');
    await c.send('管理措施那些也早就到期了 都结束哒');
    expect(c.last?.determination).toMatchObject({ path: 'serious-list-early-removal', eligible: null });
    expect((await c.engine.getCase(key)).facts.statutoryMeasureRunning).toBe(false);
  });

  it('「有冇得再被罚过更重的 我记不清了 要问一下老板」 asks and does not know: nothing granted', async () => {
    const c = await chat();
    await c.send('帮客户问的 一家建材公司 2025年1月8号上了严重违法失信名单');
    await c.send('罚款交了 整改也验收了 相关的管理措施也都解除了');
    await c.send('后来有冇得再被罚过更重的 我记不清了 要问一下他们老板');
    expect(c.last?.determination).toMatchObject({ path: 'serious-list-early-removal', eligible: null });
    expect((await c.engine.getCase(key)).facts.laterHeavierPenalty).toBeUndefined();
  });
});
