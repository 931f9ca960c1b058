// Replies about a minor error (四(四), 五(二)三) in plain speech: a story opened with 「是这样的」 or
// about what the accountant did is no "yes, listed"; a first time said beside how the spot check went
// is the error's first time; 「冇人扯皮」 is no dispute; a period told after the correction is the
// deadline met; a bank refusing a loan over the wrong figure is an adverse impact.
import { describe, expect, it } from 'vitest';
import { chat } from '../transcript.ts';

const key = { channel: 'console', chatId: 'c1', userId: 'u1' } as const;

describe('minor-error replies in plain speech', () => {
  it('a story opened with 「是这样的」 or the accountant is no answer to "listed?"', async () => {
    const c = await chat();
    await c.send('我们是做装修的有限公司 今年市场监管所来抽查年报 说邮箱跟他们核实的不一样');
    expect(c.last?.determination.missing).toContain('listed');
    await c.send('是这样的 会计录入的时候把邮箱多打了一个字母 不是有意的');
    expect((await c.engine.getCase(key)).facts.listed).toBeUndefined();
    await c.send('会计讲她当时看错了');
    expect((await c.engine.getCase(key)).facts.listed).toBeUndefined();
  });

  it('the exclusions told in short clauses, the spot check by how it went, decide it eligible', async () => {
    const c = await chat();
    await c.send('公司年报上的电话号码填错了一位 没被列入异常');
    await c.send('所里提醒后我们第二天就改好了 规定的时间之内');
    await c.send('不是故意的 冇造成影响 冇人扯皮 头一回 抽查时全程配合 开书店的不涉及安全');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts).toMatchObject({
      missedCorrectionDeadline: false,
      majorImpactOrDispute: false,
      repeatedSameError: false,
      refusedInspection: false,
    });
    expect(c.last?.determination).toMatchObject({ path: 'minor-error-exemption', eligible: true });
  });

  it('a bank that refused a loan over the wrong figure is an adverse impact: not eligible', async () => {
    const c = await chat();
    await c.send('公司第一次被抽查 年报里的营业收入小数点点错了 没列入异常');
    await c.send('提醒后马上改了 不是故意的 可是银行查了我们年报上的数据 贷款没批下来');
    expect((await c.engine.getCase(key)).facts.adverseImpact).toBe(true);
    expect(c.last?.determination).toMatchObject({ path: 'minor-error-exemption', eligible: false });
  });
});
