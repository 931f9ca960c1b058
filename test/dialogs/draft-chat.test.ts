// From a determination to a delivered draft, in chat.
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { chat } from './transcript.ts';

describe('draft in the conversation', () => {
  it('asks only what it does not know, confirms, then delivers text and a docx', async () => {
    const c = await chat();
    await c.send('我们合作社2022年没报年报被列了，上一年的纸质年报已经补报公示了');
    expect(c.last?.determination).toMatchObject({ path: 'tolerant-repair-annual-report', eligible: true });
    await c.pick('生成文书', '信用修复申请书', '守信承诺书');
    await c.pick('信用修复申请书', '名称');
    await c.says('通城县某某种植专业合作社', '信用代码');
    await c.says('93421222MA4C1DT5X9', '校验位应为「6」');
    await c.says('93421222MA4C1DT5X6', /姓名|法定代表人/);
    await c.says('张三', '电话');
    await c.says('12345', '电话');
    await c.says('13907151234', '住所');
    await c.says('跳过', '年度');
    await c.says('2022', /哪一天|日期/);
    const summary = await c.says('2023-03-15', '请核对', '通城县某某种植专业合作社', '农民专业合作社');
    // already known from the interview: never asked again
    expect(summary).toContain('未按规定期限报送、公示年度报告');
    const delivered = await c.pick('确认生成', '信用修复申请书', '通城县市场监督管理局', '容缺', '＿＿');
    expect(delivered).toContain('[file 通城县某某种植专业合作社-信用修复申请书.docx]');
    const file = c.last?.replies.find((r) => r.kind === 'file');
    expect(file?.kind).toBe('file');
    if (file?.kind !== 'file') return;
    const xml = await (await JSZip.loadAsync(file.data)).file('word/document.xml')?.async('string');
    expect(xml).toContain('通城县某某种植专业合作社');
    expect(xml).toContain('93421222MA4C1DT5X6');
  });

  it('「帮我写申请书」 at any time starts the draft for that document', async () => {
    const c = await chat();
    // no route known yet: the letter's route comes first, offering only routes that letter serves
    const text = await c.says('帮我写守信承诺书', '途径', '容缺');
    expect(text).not.toContain('轻微差错免列异');
    await c.pick('一般信用修复', '名称');
    await c.says('取消', '取消');
  });

  it('in a group chat, personal data is moved to a private chat', async () => {
    const c = await chat({ turn: { isGroup: true, channel: 'telegram', chatId: '-100', userId: '7' } });
    await c.send('帮我写信用修复申请书');
    const moved = c.last?.replies.find((r) => r.kind === 'move-to-private');
    expect(moved).toMatchObject({ kind: 'move-to-private' });
    expect(moved?.kind === 'move-to-private' && moved.privateStart).toMatch(/^\/draft/);
  });

  it('the private chat continues with the facts told in the group', async () => {
    const group = await chat({ turn: { isGroup: true, channel: 'telegram', chatId: '-100', userId: '7' } });
    await group.send('我们合作社2022年没报年报被列了，上一年的纸质年报已经补报公示了');
    await group.send('帮我写信用修复申请书');
    const moved = group.last?.replies.find((r) => r.kind === 'move-to-private');
    if (moved?.kind !== 'move-to-private') throw new Error('expected a move to a private chat');
    const privateTurn = { channel: 'telegram' as const, chatId: '7', userId: '7', addressed: true };
    const result = await group.engine.handle({ ...privateTurn, text: moved.privateStart });
    const text = JSON.stringify(result.replies);
    expect(text).toContain('名称');
    expect(text).not.toContain('哪一类');
    expect(result.determination.path).toBe('tolerant-repair-annual-report');
    // someone else cannot pull that group session into their private chat
    const other = await group.engine.handle({
      ...privateTurn,
      chatId: '8',
      userId: '8',
      text: moved.privateStart,
    });
    expect(other.determination.path).toBe('undetermined');
  });

  it('user text in fields is data, not template code', async () => {
    const c = await chat();
    await c.send('/draft credit-commitment');
    await c.pick('一般信用修复', '名称');
    await c.send('{{ 7*7 }}{% include "x" %}');
    for (let i = 0; i < 10 && c.last && !/请核对/.test(JSON.stringify(c.last.replies)); i++)
      await c.send('跳过');
    const text = await c.pick('确认生成');
    expect(text).toContain('{{ 7*7 }}{% include "x" %}');
    expect(text).not.toContain('49');
  });
});
