// Behaviours 2 and 5: every stated fact is taken and never asked again; an answer inside a longer
// sentence answers the open question; nothing is set that was not said; hedges are asked back.
import { describe, expect, it } from 'vitest';
import { chat } from '../transcript.ts';

describe('stated facts', () => {
  it('does not ask what the first message already said', async () => {
    const c = await chat();
    const first = await c.send('我是个体户，2021年因为没报年报被列入经营异常名录了');
    expect(first).not.toMatch(/哪一类|哪一年|什么原因/);
    expect(first).toContain('纸质');
  });

  it('an answer inside a longer sentence answers the open question', async () => {
    const c = await chat();
    await c.send('我是个体户，2021年因为没报年报被列入经营异常名录了');
    await c.send('补了，上个月交的纸质年报，网上也公示了');
    expect(c.last?.determination).toMatchObject({ path: 'tolerant-repair-annual-report', eligible: true });
  });

  it('a hedged answer is asked back, not taken', async () => {
    const c = await chat();
    await c.send('个体户 22年被列入异常 年报冇报');
    const text = await c.says('去年的纸质年报好像补了 我也不太记得', '不太肯定');
    expect(text).toContain('纸质');
    expect(c.last?.determination.eligible).toBeNull();
  });

  it('a side question while a question is open is answered, and the question comes back', async () => {
    const c = await chat();
    await c.send('个体户2022年没报年报被标记异常');
    const text = await c.says('要去哪里办', '纸质');
    expect(c.last?.commands?.map((x) => x.type)).toEqual(['ask-topic']);
    expect(text.indexOf('纸质')).toBeGreaterThan(0);
  });

  it('「没报的年报都补齐了」 answers that every missing year is filed', async () => {
    const c = await chat();
    await c.send('个体户 2018年没报年报被标记成经营异常状态了');
    await c.send('没报的年报都补齐了');
    expect(c.last?.determination).toMatchObject({ path: 'standard-repair', eligible: true });
  });

  it('after a result, a message about another fact does not answer the condition it hinged on', async () => {
    const c = await chat();
    await c.send('公司年报的邮政编码又写错了 已经连续两次了');
    expect(c.last?.determination.eligible).toBe(false);
    await c.send('还没有被列入异常');
    expect(c.last?.commands?.some((x) => x.type === 'answer')).toBe(false);
    expect(c.last?.determination).toMatchObject({ path: 'minor-error-exemption', eligible: false });
  });
});
