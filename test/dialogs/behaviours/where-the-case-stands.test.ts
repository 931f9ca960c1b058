// Behaviour 6 continued: after a result, 「现在能申请了吗」 gets where the case stands in a few lines
// (not a generic text, not 「没有现成的答复」); before a result it says what is still needed and asks on.
// A later fact is confirmed by itself (「记下了：…」), not by the whole story again. Behaviours 8 and 9:
// 「去哪里办」 once the route is known names that route's place (another county's own bureau); each
// common question is answered once, with the county's bureau named.
import { describe, expect, it } from 'vitest';
import { chat } from '../transcript.ts';

describe('where the case stands', () => {
  it('「那现在能办不」 after a not-yet result: not yet, why, and the next step', async () => {
    const c = await chat();
    await c.send('俺是开理发店的个体户 2022年年报没报被列入了异常');
    await c.says('上年度的纸质年报还没弄', '还不能');
    const text = await c.says('那现在能办不', '还不能申请', '下一步', '详细');
    expect(text).not.toContain('【到哪里办】');
    expect(text).not.toContain('没有现成的答复');
    expect(c.last?.determination.eligible).toBe(false);
  });

  it('「这下可以申请了吧」 after the missing step is done: yes, in a few lines', async () => {
    const c = await chat();
    await c.send('俺是开理发店的个体户 2022年年报没报被列入了异常');
    await c.send('上年度的纸质年报还没弄');
    const changed = await c.says('纸质年报昨天交上去了 也公示了', '记下了', '现在可以申请了');
    expect(changed).not.toContain('我理解的是');
    const again = await c.says('这下可以申请了吧', '现在可以申请了');
    expect(again.split('\n').length).toBeLessThan(10);
  });

  it('「还能免列异吗」 in the middle of the questions: what is still needed, then the open question', async () => {
    const c = await chat();
    await c.says('我们公司公示的邮箱写错了 还没被列入异常', '改正');
    const text = await c.says('那还能免列异吗', '还差', '改正');
    expect(text).not.toContain('没有现成的答复');
  });

  it('「要到哪里去申请」 for a business of another county names its own bureau, not this county', async () => {
    const c = await chat();
    await c.send('我们是嘉鱼县登记的合作社 2022年没报年报被列入了经营异常名录');
    await c.send('欠的几年都补报了');
    expect(c.last?.determination).toMatchObject({ path: 'standard-repair', eligible: true });
    const text = await c.says('要到哪里去申请', '登记地的市场监管部门');
    expect(text).toContain('不是通城县市场监督管理局');
  });
});

describe('a later fact that changes nothing', () => {
  it('says the verdict is unchanged, with no empty reason after a colon', async () => {
    const c = await chat();
    await c.send('我是赤壁市登记的个体户 卖水果的 没被列入异常 只是搬了摊位 原来登记的地方没人了');
    expect(c.last?.determination.path).toBe('not-covered');
    const text = await c.says('手机一直开着 也没有违法的事', '判断没有变化');
    expect(text).not.toMatch(/还不能申请（[^）]*）[：:]\n/);
  });
});

describe('common questions, answered once', () => {
  it('the last answer with 「要带些啥 几天办好」 gets the first result, its materials and time told once', async () => {
    const c = await chat();
    await c.says('我们合作社2022年没报年报 被列进了经营异常名录', '上一年度');
    const text = await c.send('上年度的纸质年报交了也公示了 要带些啥 几天能办好');
    expect(c.last?.determination.eligible).toBe(true);
    expect(text.split('【需要准备的材料】').length - 1).toBe(1);
    expect(text.split('【办理时限】').length - 1).toBe(1);
  });

  it('注销 names the county bureau with no placeholder left', async () => {
    const c = await chat();
    const text = await c.says('店子不想开了 干脆注销可以不', '注销是结束经营', '通城县市场监督管理局');
    expect(text).not.toMatch(/[{}]/);
  });

  it('an agent asking whether they may go and what to bring gets the agent answer once', async () => {
    const c = await chat();
    const text = await c.send('我表哥的店被列异常了 我能替他去办吗 要准备什么');
    expect(text).toMatch(/授权委托书.*身份证件/s);
    expect(text.split('授权委托书').length - 1).toBeLessThanOrEqual(2);
    expect(text.split('【依据】').length - 1).toBe(1);
  });

  it('「年报啥时候报 截至到哪一天」 gets the annual report window, not the repair processing time', async () => {
    const c = await chat();
    const text = await c.says('今年年报啥时候开始报 截至到哪一天', '6月30日');
    expect(text).not.toContain('工作日');
  });
});
