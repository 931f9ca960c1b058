// Drafting in the conversation: what owners type (slang, relative dates, short authority names, an
// address in the wrong field, a mistyped credit code) reaches the letter as formal text, or the
// question is asked again. FIXED_NOW is Thursday 2026-11-26.
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { loadJurisdiction } from '../../knowledge/jurisdiction.ts';
import { chat } from '../dialogs/transcript.ts';

const BUREAU = loadJurisdiction().bureau;

async function wordText(data: Uint8Array): Promise<string> {
  const xml = (await (await JSZip.loadAsync(data)).file('word/document.xml')?.async('string')) ?? '';
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

describe('draft fields typed the way people talk', () => {
  it('the 情况说明: phone slang, an address as a reason, a colloquial plan', async () => {
    const c = await chat();
    await c.send(
      '我是个体户，店子搬了没在执照上的地址经营，还没被列入异常，电话一直打得通，没有别的违法行为',
    );
    expect(c.last?.determination).toMatchObject({ path: 'punishment-buffer', eligible: true });
    await c.pick('生成文书', '名称');
    await c.says('通城县隽水镇李记副食店', '信用代码');
    await c.says('92421222MA4C1DT5X9', '经营者');
    await c.says('李春华', '电话');
    await c.says('打我手机就行13907151234', '住所');
    await c.says('我们店在湖北省咸宁市通城县隽水镇银山大道118号', '为什么');
    // an address is not a reason: asked again, saying why
    await c.says('湖北省咸宁市通城县隽水镇解放东路27号', '像是一个地址', '为什么');
    await c.says('原来租的门面到期了 搬走了', '实际经营');
    await c.says('湖北省咸宁市通城县隽水镇解放东路27号', '联系');
    await c.says('打我手机就行13907151234', '纠正');
    await c.says('尽快吧', '打算做什么', '纠正');
    const summary = await c.says('这个月底之前去办住所变更登记', '请核对');
    expect(summary).toContain('联系电话：13907151234');
    expect(summary).toContain('登记的住所（经营场所）：湖北省咸宁市通城县隽水镇银山大道118号');
    expect(summary).toContain('于2026年11月30日前办理住所（经营场所）变更登记');
    expect(summary).toContain('联系电话13907151234');
    expect(summary).not.toMatch(/打我|就行|我们店在|这个月底/);
    await c.pick('确认生成', '情况说明');
    const file = c.last?.replies.find((r) => r.kind === 'file');
    if (file?.kind !== 'file') throw new Error('no Word file delivered');
    const text = await wordText(file.data);
    expect(text).toContain('纠正计划：于2026年11月30日前办理住所（经营场所）变更登记。');
    expect(text).toContain('原因是：原来租赁的经营场所到期，已搬迁。');
    expect(text).toContain(`${BUREAU}：`);
  });

  it('the 信用修复申请书: a short authority name, 「2025年度的」, 「上周三」, and a wrong code never "fixed"', async () => {
    const c = await chat();
    await c.send('我是个体户，2021年没报年报被列入异常了，去年的纸质年报已经补了');
    expect(c.last?.determination).toMatchObject({ path: 'tolerant-repair-annual-report', eligible: true });
    await c.pick('生成文书');
    await c.pick('信用修复申请书', '名称');
    await c.says('通城县隽水镇李记副食店', '信用代码');
    // a digit mistyped in the middle: wrong, check the licence; no character offered to "fix" it
    const wrong = await c.says('92421222MA4C1TD5X9', '没有通过校验', '营业执照');
    expect(wrong).not.toMatch(/应为「|校验位应为/);
    await c.says('92421222MA4C1DT5X9', '经营者');
    await c.says('李春华', '电话');
    await c.says('13907151234', '住所');
    await c.says('湖北省咸宁市通城县隽水镇银山大道118号', '机关');
    await c.says('县市场监管局', '文号');
    await c.says('跳过', '年度');
    await c.says('2025年度的', /哪一天/);
    const summary = await c.says('上周三', '请核对');
    expect(summary).toContain(`作出列入决定的机关：${BUREAU}`);
    expect(summary).toContain('补报的年度报告所属年度：2025');
    expect(summary).toContain('2026年11月18日');
    const delivered = await c.pick('确认生成', '信用修复申请书');
    expect(delivered).toContain(`被${BUREAU}列入经营异常名录`);
    expect(delivered).toContain('已补报2025年度纸质年度报告，并于2026年11月18日公示');
    expect(delivered).toContain('92421222MA4C1DT5X9');
    expect(delivered).not.toContain('92421222MA4C1TD5X9');
  });

  it('the 授权委托书 can be drafted in the chat, with the agent’s ID number checked', async () => {
    // offered once the rules know someone applies on the business's behalf (fact applicantIsAgent)
    const c = await chat({ turn: { channel: 'staff' } });
    await c.send(
      '/set entityType=individual listed=是 listingReason=annual_report_overdue listedYear=2021 previousYearReportFiled=是 applicantIsAgent=是',
    );
    await c.says('生成文书', '授权委托书');
    await c.pick('授权委托书', '名称');
    await c.says('通城县隽水镇李记副食店', '信用代码');
    await c.says('92421222MA4C1DT5X9', '经营者');
    await c.says('李春华', '受托人');
    await c.says('李晓梅', '身份证');
    await c.says('110105194912310021', '校验不通过', '身份证');
    await c.says('11010519491231002X', '联系电话');
    await c.says('13807156789', '委托到哪一天');
    await c.says('跳过', '请核对', '受托人身份证号码：11010519491231002X');
    const delivered = await c.pick('确认生成', '授权委托书');
    expect(delivered).toContain('受托人：李晓梅');
    expect(delivered).toContain('移出经营异常名录（状态）的信用修复');
    expect(delivered).toContain('本次申请事项办结之日止');
    expect(delivered).toContain('[file 通城县隽水镇李记副食店-授权委托书.docx]');
  });
});
