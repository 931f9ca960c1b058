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
    // wrong, to be checked against the licence; the character that would make it pass is never named
    const wrong = await c.says('93421222MA4C1DT5X9', '没有通过校验', '营业执照');
    expect(wrong).not.toContain('「6」');
    await c.says('93421222MA4C1DT5X6', /姓名|法定代表人/);
    await c.says('张三', '电话');
    await c.says('12345', '电话');
    await c.says('13907151234', '住所');
    await c.says('跳过', '机关');
    await c.says('跳过', '文号');
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

  it('「帮我写承诺书」 before the situation is known runs the interview first, then drafts that letter', async () => {
    const c = await chat();
    // the letter states the route's facts, so they are confirmed first, never assumed
    await c.says('帮我写守信承诺书', '先确认', '列入');
    await c.send('我是个体户，2021年没报年报被列入了');
    await c.says('已经补报并公示了', '容缺', '名称');
    const s = await c.store.read('console:c1:u1');
    expect(s?.draft?.docTypes).toEqual(['credit-commitment']);
    await c.says('取消', '取消');
  });

  it('a repair letter is not drafted while a condition it states is unmet', async () => {
    const c = await chat();
    await c.send('按登记的住所联系不到被列入异常了，去年搬到隔壁镇，还没去办变更');
    await c.send('不能');
    expect(c.last?.determination).toMatchObject({ path: 'tolerant-repair-address-change', eligible: false });
    const text = await c.says('帮我写信用修复申请书', '暂时不能生成', '先按上面的步骤');
    expect(text).not.toContain('名称是什么');
    expect(c.last?.replies.some((r) => r.kind === 'file')).toBe(false);
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
    const c = await chat({ turn: { channel: 'staff' } });
    await c.send(
      '/set entityType=enterprise listed=是 listingReason=annual_report_overdue allOverdueReportsFiled=是',
    );
    await c.says('/draft credit-commitment', '名称');
    await c.send('{{ 7*7 }}{% include "x" %}');
    for (let i = 0; i < 10 && c.last && !/请核对/.test(JSON.stringify(c.last.replies)); i++)
      await c.send('跳过');
    const text = await c.pick('确认生成');
    expect(text).toContain('{{ 7*7 }}{% include "x" %}');
    expect(text).not.toContain('49');
  });
});
