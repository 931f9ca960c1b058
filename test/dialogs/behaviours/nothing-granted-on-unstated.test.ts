// Issue 11, "a wrong route told with confidence is the worst thing this bot can do": three ways a
// case used to end on 「现在可以申请」 although the user had said a condition was NOT met —
// a question or supposition read as done, an open case for another violation read as "none", and
// the date of another event of the case read as the publication date.
import { describe, expect, it } from 'vitest';
import { chat } from '../transcript.ts';

const SAYS_ELIGIBLE = /现在(就)?可以申请/;
const key = { channel: 'console', chatId: 'c1', userId: 'u1' } as const;

describe('a question or a supposition states nothing done', () => {
  it.each([
    ['去年那份纸质年报我还没弄 要是现在补的话 补完了怎么申请？'],
    ['纸质的年报还冇报 等报了再来找你 报了之后去哪里交'],
    ['还没有交呢 现在去交赶得上吗 交了以后还要干啥'],
  ])('「%s」 answers "not filed"', async (answer) => {
    const c = await chat();
    await c.send('我是个体户 2022年因为没按时报年报被列入异常了');
    expect(c.last?.determination.missing).toContain('previousYearReportFiled');
    const text = await c.send(answer);
    expect(c.last?.determination).toMatchObject({ path: 'tolerant-repair-annual-report', eligible: false });
    expect(text).not.toMatch(SAYS_ELIGIBLE);
  });

  it('a filing told as done, followed by a question, is still done', async () => {
    const c = await chat();
    await c.send('我是个体户 2022年因为没按时报年报被列入异常了');
    const text = await c.send('补好了 也公示了 接下来要准备什么？');
    expect(c.last?.determination).toMatchObject({ path: 'tolerant-repair-annual-report', eligible: true });
    expect(text).toMatch(SAYS_ELIGIBLE);
  });
});

describe('an open case for another violation is another violation (四(五) buffer)', () => {
  it.each([
    ['前几天因为用了过期的原料被市场所立案调查 还没出结果'],
    ['有 上礼拜卖的散装白酒没标签 立了案 正在处理'],
  ])('「%s」 rules the buffer out', async (answer) => {
    const c = await chat();
    await c.send('我的小吃店换了地方 执照地址没改 还没被列入异常');
    await c.send('手机打得通');
    expect(c.last?.determination.missing).toContain('otherViolations');
    const text = await c.send(answer);
    expect(c.last?.determination).toMatchObject({ path: 'punishment-buffer', eligible: false });
    expect(text).not.toMatch(SAYS_ELIGIBLE);
  });

  it('「没被立案过」 is still a "no"', async () => {
    const c = await chat();
    await c.send('我的小吃店换了地方 执照地址没改 还没被列入异常');
    await c.send('手机打得通');
    await c.send('没被立案过 别的也没什么');
    expect(c.last?.determination).toMatchObject({ path: 'punishment-buffer', eligible: true });
  });
});

describe('dates by role: the publication date is not the date of another event', () => {
  const story = ['我开的药店被市场监管局罚了8万块 处罚公示出来了', '罚款缴了 也整改了 之后没再被罚'];

  it('a date told for the case opening, the publication date after it', async () => {
    const c = await chat();
    for (const t of story) await c.send(t);
    const text = await c.send('前年10月被查的 处罚公示是今年3月份');
    expect(c.last?.determination).toMatchObject({ path: 'penalty-publicity-repair', eligible: false });
    expect(text).not.toMatch(SAYS_ELIGIBLE);
  });

  it('a correction moves the publication date to the later one', async () => {
    const c = await chat();
    for (const t of story) await c.send(t);
    await c.send('公示是前年10月');
    expect(c.last?.determination.eligible).toBe(true);
    const text = await c.send('说错了 前年10月是被查 处罚公示是今年3月份 这样能申请了吧');
    expect(c.last?.determination).toMatchObject({ path: 'penalty-publicity-repair', eligible: false });
    expect(text).not.toMatch(SAYS_ELIGIBLE);
  });
});

describe('later messages of a serious-list case speak of that list', () => {
  it('「再没受过…处罚」 and 「没有任何…措施还在执行」 answer the last two conditions', async () => {
    const c = await chat();
    await c.send('我姐的公司去年3月进了严重违法失信名单 想提前出来');
    await c.send('罚款都缴清了 也整改完了 进了名单之后再没受过什么大的处罚');
    expect(c.last?.determination.missing).not.toContain('laterHeavierPenalty');
    await c.send('也没有任何行业禁入之类的措施还在执行 现在能申请吗');
    expect(c.last?.determination).toMatchObject({ path: 'serious-list-early-removal', eligible: true });
  });

  it('a measure still running is still running', async () => {
    const c = await chat();
    await c.send('我姐的公司去年3月进了严重违法失信名单 想提前出来');
    await c.send('罚款都缴清了 也整改完了 进了名单之后再没受过什么大的处罚');
    const text = await c.send('限制措施还在执行');
    expect(c.last?.determination).toMatchObject({ path: 'serious-list-early-removal', eligible: false });
    expect(text).not.toMatch(SAYS_ELIGIBLE);
  });
});

describe('revocation risk: a run of years counted after the years are named', () => {
  it('「年报2023年度、2024年度连续两年没报」 with 查无下落 and no tax filing', async () => {
    const c = await chat();
    await c.send('我叔叔的公司早就不开了 人在外省');
    await c.send('监管局上门核查说查无下落 年报2023年度、2024年度连续两年没报 税也停了');
    expect(c.last?.determination.path).toBe('revocation-risk');
  });
});

describe('an unsure reading of the topic presumes none of its facts', () => {
  it('「店是在通山县登记的」 says nothing of where it trades now', async () => {
    const c = await chat();
    await c.send('我们店是在通山县登记的');
    expect((await c.engine.getCase(key)).facts.operatingAtRegisteredAddress).toBeUndefined();
  });

  it('「是崇阳那边登记的公司」 alone is no listing: a later 「没被列异常」 is no contradiction', async () => {
    const c = await chat();
    await c.send('我们是崇阳那边登记的公司');
    const replies = async (t: string) => {
      const text = await c.send(t);
      expect(text).not.toMatch(/以哪个为准/);
    };
    await replies('年报里的邮箱填错了一个字母 抽查发现的');
    await replies('提醒以后马上改了 没被列异常 你们那个免列异我们能用不');
    expect(c.last?.determination).toMatchObject({ path: 'not-covered', eligible: false });
  });
});
