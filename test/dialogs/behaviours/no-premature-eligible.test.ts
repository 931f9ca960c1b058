// Behaviour 4 and the safety property: the bot never tells a user 「现在可以申请」 while a condition
// of the route is unmet or unknown — checked over random fact sets through the engine, and with a
// transcript per route.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FACT_KINDS, FACT_NAMES, type FactName } from '../../../rules/types.ts';
import { chat } from '../transcript.ts';

const SAYS_ELIGIBLE = /现在(就)?可以申请/;

function factArbitrary(name: FactName): fc.Arbitrary<unknown> {
  const spec = FACT_KINDS[name];
  if (spec.kind === 'boolean') return fc.boolean();
  if (spec.kind === 'enum') return fc.constantFrom(...spec.values);
  if (spec.kind === 'year') return fc.integer({ min: 2015, max: 2026 });
  if (spec.kind === 'date') return fc.constantFrom('2024-03-15', '2025-06-30', '2026-09-01');
  if (spec.kind === 'amount') return fc.integer({ min: 0, max: 200_000 });
  return fc.integer({ min: 0, max: 5 });
}

const factsArbitrary = fc.record(
  Object.fromEntries(FACT_NAMES.filter((f) => f !== 'docType').map((f) => [f, factArbitrary(f)])),
  { requiredKeys: [] },
);

describe('never 「可以申请」 with a condition unmet or unknown', () => {
  it('holds for any facts the case may hold', async () => {
    await fc.assert(
      fc.asyncProperty(factsArbitrary, async (facts) => {
        const c = await chat({ turn: { channel: 'staff' } });
        await c.engine.setFacts({ channel: 'staff', chatId: 'c1', userId: 'u1' }, facts);
        const text = await c.send('/start');
        const det = c.last?.determination;
        if (SAYS_ELIGIBLE.test(text)) {
          expect(det?.eligible).toBe(true);
          expect(det?.missing).toEqual([]);
          expect(det?.reasons.filter((r) => !r.met)).toEqual([]);
        }
        await c.engine.close();
      }),
      { numRuns: 60 },
    );
  });

  it('standard route: one year filed is not every year', async () => {
    const c = await chat();
    await c.send('我们是有限公司，2023年因为没按时报年报被列入经营异常名录');
    const text = await c.send('最近一年的年报补了');
    expect(c.last?.determination.eligible).not.toBe(true);
    expect(text).not.toMatch(SAYS_ELIGIBLE);
  });

  it.each([
    [
      'tolerant repair (annual report)',
      ['我是个体户，2021年因为没报年报被列入经营异常名录了', '上一年度的纸质年报已经补报并公示了'],
      'tolerant-repair-annual-report',
    ],
    [
      'tolerant repair (address change)',
      ['公司搬到新厂房了，原来登记的地址找不到我们，被列入异常名录了', '新地址的变更登记上周已经办好了'],
      'tolerant-repair-address-change',
    ],
    [
      'punishment buffer',
      [
        '我们店搬走了，没在执照上登记的地址经营，还没被列入异常名录',
        '打电话能找到我们，也没有其他违法违规的记录',
      ],
      'punishment-buffer',
    ],
  ])('%s: 「可以申请」 only once every condition is stated', async (_route, turns, path) => {
    const c = await chat();
    for (const [n, t] of turns.entries()) {
      const text = await c.send(t);
      const det = c.last?.determination;
      if (n < turns.length - 1) expect(text).not.toMatch(SAYS_ELIGIBLE);
      else {
        expect(det).toMatchObject({ path, eligible: true, missing: [] });
        expect(text).toMatch(SAYS_ELIGIBLE);
      }
    }
  });
  it('「人搬回乡下住 所里按原来登记的地址找不到人」 is back in the village, not back at the registered address', async () => {
    const c = await chat();
    await c.send(
      '替我爸问的 他开理发店 个体户 门面到期退了 人搬回乡下住 所里按原来登记的地址找不到人 就被列进经营异常了 地址变更还没去办 原来那个门面现在也没人',
    );
    expect(c.last?.determination).toMatchObject({ path: 'tolerant-repair-address-change', eligible: false });
  });
  it('a finding in the system overrides what someone said: one year filed of four owed is not every year', async () => {
    const c = await chat();
    await c.send('我是帮客户问的代账会计 客户是个建材有限公司');
    await c.send('她公司2023年因为年报没报被列入经营异常名录');
    const text = await c.send(
      '老板讲年报都补完了 我登进去查了一下 只有2025年度的补了 22、23、24这几个年度的还是未报状态',
    );
    expect(c.last?.determination).toMatchObject({ path: 'standard-repair', eligible: false });
    expect(text).not.toMatch(SAYS_ELIGIBLE);
  });
  it('「都补完了」 taken back by one year still unpublished: no longer 可以申请', async () => {
    const c = await chat();
    await c.send('我们有限公司2023年因为年报没报被列入经营异常了 欠的年报都补完了');
    expect(c.last?.determination).toMatchObject({ path: 'standard-repair', eligible: true });
    const text = await c.send(
      '不对 会计刚跟我说2022年度那份当时没提交成功 到现在还没公示 其他几年的是补了的',
    );
    expect(c.last?.determination).toMatchObject({ path: 'standard-repair', eligible: false });
    expect(text).not.toMatch(SAYS_ELIGIBLE);
  });
});

describe('reports being filed, and years named one by one, are not every year filed', () => {
  it('「换了个新会计 现在在补」 answers "not yet", and 「23 24年度的还冇弄完」 keeps it so', async () => {
    const c = await chat();
    await c.send('我们是有限公司 2022年没报年报被列入经营异常名录');
    const text = await c.send('原来的会计辞职了 换了个新会计现在在补');
    expect(c.last?.determination).toMatchObject({ path: 'standard-repair', eligible: false });
    expect(text).not.toMatch(SAYS_ELIGIBLE);
    await c.send('21年度和22年度的已经补了 23 24年度的还冇弄完');
    expect(c.last?.determination).toMatchObject({ path: 'standard-repair', eligible: false });
  });

  it('「18 19年的年报都补了 20年以后的到现在都冇补」 is no 「可以申请」', async () => {
    const c = await chat();
    await c.send('帮我妈问 她的个体户2018年被列入经营异常了 没报年报');
    const text = await c.send('18 19年的年报都补了 20年以后的到现在都冇补');
    expect(c.last?.determination).toMatchObject({ path: 'standard-repair', eligible: false });
    expect(text).not.toMatch(SAYS_ELIGIBLE);
  });

  it('「去年的纸质年报 交了冇 我不晓得」 asks back, it is no yes', async () => {
    const c = await chat();
    await c.send('我们是种茶叶的合作社 二四年冇报年报被列进异常了');
    const text = await c.send('去年那份纸质年报 交了冇 我不晓得 得问我侄儿');
    expect(
      (await c.engine.getCase({ channel: 'console', chatId: 'c1', userId: 'u1' })).facts
        .previousYearReportFiled,
    ).toBeUndefined();
    expect(c.last?.determination?.eligible).not.toBe(true);
    expect(text).not.toMatch(SAYS_ELIGIBLE);
  });

  it('「大概交了」 and 「交了 应该」 guess: asked back, no 「可以申请」', async () => {
    for (const guess of ['大概纸质的交了', '纸质的交了 应该']) {
      const c = await chat();
      await c.send('我是开早餐店的个体户 二三年冇报年报被列了');
      const text = await c.send(guess);
      expect(c.last?.determination?.eligible, guess).not.toBe(true);
      expect(text).not.toMatch(SAYS_ELIGIBLE);
    }
  });
  it('「我也没看到 不晓得弄好冇」 does not know whether the registration is done: no 「可以申请」', async () => {
    const c = await chat();
    await c.send('公司改了名字 被列入经营异常名录了 通知上讲是名称变更冇登记');
    const text = await c.send('变更登记托人办了的 我也没看到 不晓得弄好冇');
    expect(c.last?.determination?.eligible).not.toBe(true);
    expect(text).not.toMatch(SAYS_ELIGIBLE);
  });

  it('a stressed or counted filing that is not all of them is no 「可以申请」', async () => {
    for (const said of [
      '欠的那几年年报会计还没补上 一年都不差',
      '欠的年报还有一年没补 别的一年都不差',
      '欠的年报我们打算下个礼拜一起补齐 一份都不差',
      '欠的年报上个月补了两年',
    ]) {
      const c = await chat();
      await c.send('我们是有限公司 2022年因为年报冇报被列进经营异常名录了');
      const text = await c.send(said);
      expect(c.last?.determination?.eligible, said).not.toBe(true);
      expect(text).not.toMatch(SAYS_ELIGIBLE);
    }
  });

  it.each([
    [
      'a guessed filing, stressed',
      '我们是有限公司 2022年因为年报冇报被列进经营异常名录了',
      '以前漏掉的那几年年报 这个月应该全部补上了吧 一年都不差',
    ],
    [
      'a filing told, its publication only guessed',
      '我是开杂货店的个体户 二三年冇报年报被标记了经营异常',
      '去年那份纸质年报前几天已经送到所里去了 网上应该也公示出来了吧',
    ],
    [
      'a guessed correction after the reminder',
      '我们公司年报里的联系电话填错了一位 抽查时发现的 冇被列入异常名录 不是故意的',
      '所里打电话提醒过 我们隔天应该就改过来了吧',
    ],
    [
      'a guessed registration of the new name',
      '公司改了名字 一直冇办名称变更登记 被列入经营异常名录了',
      '名称变更登记上周应该已经办好了吧',
    ],
  ])('%s is asked back, no 「可以申请」', async (_name, story, guess) => {
    const c = await chat();
    await c.send(story);
    const text = await c.send(guess);
    expect(c.last?.determination?.eligible, guess).not.toBe(true);
    expect(text).not.toMatch(SAYS_ELIGIBLE);
    expect(text).toMatch(/不太肯定|不确定|确认/);
  });

  // A plan, a not-yet or words about something else, said while 「所有没报的年度都补报并公示了吗」 or a
  // penalty's rectification is open, are no 「做完了」.
  it.each([
    ['the filing put as the next step', '那我先把这几年欠着的年报都补上'],
    ['a yes agreeing to file later', '行 我先去补上'],
    ['an obligation after a yes word', '是要补的 会计讲月底之前弄'],
    ['an offer to do it for money', '话说这个收不收钱 有个中介讲给两千块帮我们全部搞定'],
    ['what was wrongly believed possible', '我们原来以为年报晚一点报算轻微差错 能免于列入 结果还是被列了'],
  ])('%s files nothing, no 「可以申请」', async (_name, reply) => {
    const c = await chat();
    const asked = await c.send('我们是做建材的有限公司 2019年因为没报年报被列入了经营异常名录');
    expect(asked).toMatch(/所有没报的年度.*补报并公示了吗/);
    const text = await c.send(reply);
    expect(c.last?.facts.allOverdueReportsFiled, reply).not.toBe(true);
    expect(c.last?.determination?.eligible, reply).not.toBe(true);
    expect(text).not.toMatch(SAYS_ELIGIBLE);
  });

  it.each([
    ['a removal, then the rectification not yet done', '罚款交过了 网上的广告也删了还没整改'],
    ['a removal, then the rectification planned', '罚款交过了 门口那块违规招牌也拆了 打算下个月再整改'],
  ])('%s is not rectified, no 「可以申请」', async (_name, told) => {
    const c = await chat();
    await c.send(`我们饭店因为虚假宣传被县市场监管局罚了8万 2026年5月10号在公示系统上公示的 ${told}`);
    const text = await c.send('之后冇再被罚过同类的 也不是食品药品那些行业');
    expect(c.last?.facts.rectified, told).not.toBe(true);
    expect(c.last?.determination?.eligible, told).not.toBe(true);
    expect(text).not.toMatch(SAYS_ELIGIBLE);
  });
});
