// Behaviours 7 and 9: several questions in one message are each answered, in order; the common
// questions get their answers from knowledge/faq.json.
import { describe, expect, it } from 'vitest';
import { chat } from '../transcript.ts';

describe('questions', () => {
  it('「要多少钱 多久能好」 answers the fee, then the time', async () => {
    const c = await chat();
    const text = await c.send('要多少钱 多久能好');
    const fee = text.indexOf('不收取任何费用');
    const time = text.indexOf('工作日');
    expect(fee).toBeGreaterThan(0);
    expect(time).toBeGreaterThan(fee);
  });

  it('「收不收钱 一般几多天搞得好」 in the middle of an interview: the fee, then the time, then the open question', async () => {
    const c = await chat();
    await c.says('我开的个体小卖部 2023年没报年报被列入异常了', '上一年度');
    const text = await c.send('收不收钱 一般几多天搞得好');
    const fee = text.indexOf('不收取任何费用');
    const time = text.indexOf('工作日');
    expect(fee).toBeGreaterThan(-1);
    expect(time).toBeGreaterThan(fee);
    expect(text.lastIndexOf('上一年度')).toBeGreaterThan(time);
  });

  it.each([
    ['今年的年报什么时候报', /1月1日至6月30日/],
    ['不想干了 直接注销行不行', /注销是结束经营/],
    ['我帮我爸问的 要带什么', /授权委托书.*身份证件/s],
    ['怎么知道为什么被列入', /国家企业信用信息公示系统/],
    ['我们没有被列入异常 要注意什么', /没有需要修复的记录/],
  ])('%s', async (question, answer) => {
    const c = await chat();
    expect(await c.send(question)).toMatch(answer);
  });
});

describe('「首违不罚」 asked of a minor error', () => {
  it('is answered as a penalty rule beside the exemption, and the case stays a minor error', async () => {
    const c = await chat();
    await c.send('我们商贸公司年报里的邮箱少打了一个字母 没被列异常 头一次被抽查');
    const text = await c.send('这种情况能按首违不罚处理不');
    expect(text).toMatch(/行政处罚法.*第三十三条/s);
    expect(text).toContain('轻微差错免列异');
    const facts = (await c.engine.getCase({ channel: 'console', chatId: 'c1', userId: 'u1' })).facts;
    expect(facts.recordType).toBeUndefined();
    expect(c.last?.determination.path).toBe('minor-error-exemption');
  });
});
