// Drafting after the situation changes: corrections reach the letter, labels typed work as taps.
import { describe, expect, it } from 'vitest';
import { chat } from './transcript.ts';

const key = { channel: 'console' as const, chatId: 'c1', userId: 'u1' };

describe('drafting after the situation changes', () => {
  it('a side question while a question is open is answered, not read as "not done"', async () => {
    const c = await chat();
    await c.says('个体户2022年没报年报被标记异常', '纸质');
    await c.says('要去哪里办', '纸质');
    expect((await c.engine.getCase(key)).facts.previousYearReportFiled).toBeUndefined();
    expect(c.last?.determination.eligible).toBeNull();
  });

  it('重新开始 clears the draft fields of the previous business too', async () => {
    const c = await chat();
    await c.send('我是个体户，2022年没报年报被列入，上一年度纸质年报已经补报并公示了');
    await c.says('生成信用修复申请书', '名称');
    await c.send('通城县甲乙副食店');
    await c.send('重新开始');
    await c.send('我是个体户，2021年没报年报被列入，上一年度纸质年报已经补报并公示了');
    await c.says('生成信用修复申请书', '名称');
    expect((await c.store.read('console:c1:u1'))?.draft?.fields.name).toBeUndefined();
  });

  it('a corrected year reaches the letter, and the situation is not editable inside the draft', async () => {
    const c = await chat();
    await c.send('我是个体户，2021年没报年报被列入，上一年度纸质年报已经补报并公示了');
    await c.send('生成信用修复申请书');
    await c.send('取消');
    await c.says('不对，是2019年被列入的', '已改为', '2019');
    await c.pick(/全部|都/);
    await c.says('生成信用修复申请书', '名称');
    for (let i = 0; i < 12 && !/请核对/.test(JSON.stringify(c.last?.replies)); i++) await c.send('跳过');
    expect(JSON.stringify(c.last?.replies)).toContain('2019年');
    await c.says('修改某项', '修改哪一项');
    const offered = c.last?.replies.flatMap((r) => (r.kind === 'text' ? (r.choices ?? []) : [])) ?? [];
    expect(offered.map((o) => o.id)).not.toContain('g:entityType');
    expect(offered.map((o) => o.id)).not.toContain('g:errorKind');
  });

  it('typing an offered label works like its number, and both letters can be asked for at once', async () => {
    const c = await chat();
    await c.says('/start', '常见问题');
    await c.says('常见问题', '常见问题（回复序号');
    await c.send('我是个体户，2021年没报年报被列入，上一年度纸质年报已经补报并公示了');
    await c.says('生成申请书和承诺书', '名称');
    expect((await c.store.read('console:c1:u1'))?.draft?.docTypes).toEqual([
      'repair-application',
      'credit-commitment',
    ]);
  });

  it('the other letter of the route is offered after one is delivered; dates read as dates', async () => {
    const c = await chat();
    await c.send('我是个体户，2021年没报年报被列入，上一年度纸质年报已经补报并公示了');
    await c.send('生成信用修复申请书');
    for (let i = 0; i < 12 && !/请核对/.test(JSON.stringify(c.last?.replies)); i++) await c.send('跳过');
    const summary = JSON.stringify(c.last?.replies);
    expect(summary).toContain('2021年');
    expect(summary).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    await c.says('确认生成', '再生成《守信承诺书》');
  });

  it('no draft is offered on a result that is not eligible yet', async () => {
    const c = await chat();
    const text = await c.send('我是个体户，2021年没报年报被列入，上一年度的纸质年报还没交');
    expect(c.last?.determination.eligible).toBe(false);
    expect(text).not.toContain('生成文书');
  });
});
