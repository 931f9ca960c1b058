// The 信用修复申请书 and 守信承诺书 for a published penalty, drafted in the conversation: they name the
// decision, the deciding bureau, the penalty, what was paid and corrected, and the proof to attach.
// The facts are entered the way hotline staff do (/set), so this tests the drafts, not the NLU.
import { describe, expect, it } from 'vitest';
import { loadJurisdiction } from '../../knowledge/jurisdiction.ts';
import { chat } from '../dialogs/transcript.ts';

const BUREAU = loadJurisdiction().bureau;

describe('drafts for a published administrative penalty', () => {
  it('name the penalty and list the proof; the fine and the publication date come from the facts', async () => {
    const c = await chat({ turn: { channel: 'staff' } });
    await c.send(
      '/set entityType=individual recordType=admin_penalty issuedByMarketSupervision=是 penaltyKind=fine fineMitigated=否 fineAmountYuan=20000 keySector=是 penaltyPublishedDate=2025-03-18 obligationsFulfilled=是 rectified=是 repeatSameTypePenalty=否',
    );
    expect(c.last?.determination).toMatchObject({ path: 'penalty-publicity-repair', eligible: true });
    await c.pick('生成文书');
    await c.pick('全部', '名称');
    await c.says('通城县隽水镇李记副食店', '信用代码');
    await c.says('92421222MA4C1DT5X9', '经营者');
    await c.says('李春华', '电话');
    await c.says('打我手机就行13907151234', '住所');
    await c.says('湖北省咸宁市通城县隽水镇银山大道118号', '行政处罚决定');
    await c.says('县市场监管局', '文号');
    await c.says('通市监处罚〔2025〕56号', '义务');
    await c.says('上个月15号交清了罚款', '整改');
    const summary = await c.says('过期食品全部下架销毁了 建了进货查验记录', '请核对');
    expect(summary).toContain(`作出行政处罚决定的机关：${BUREAU}`);
    expect(summary).toContain('处罚内容：罚款人民币20000元');
    expect(summary).toContain('处罚信息公示日期：2025年3月18日');
    expect(summary).not.toMatch(/列入日期|列入决定书文号/);
    const delivered = await c.pick('确认生成', '信用修复申请书', '守信承诺书');
    for (const s of [
      `受到${BUREAU}行政处罚（通市监处罚〔2025〕56号），处罚内容为罚款人民币20000元`,
      '该信息自2025年3月18日起公示',
      '履行情况：于2026年10月15日交清罚款',
      '整改情况：过期食品全部下架销毁，建进货查验记录',
      '《市场监督管理信用修复管理办法》（市场监管总局令第107号）',
      '2.罚款缴纳凭证、整改报告等证明材料',
      `就${BUREAU}作出的行政处罚（决定书文号：通市监处罚〔2025〕56号）申请信用修复`,
    ]) {
      expect(delivered).toContain(s);
    }
    expect(delivered).not.toContain('经营异常名录');
  });
});
