// FAQ lookup by keywords and FAQ answers with their basis.
import { describe, expect, it } from 'vitest';
import { faqAnswer, findFaq } from '../../knowledge/explain.ts';
import { loadKnowledge } from '../../knowledge/load.ts';

const k = loadKnowledge();

describe('findFaq()', () => {
  it.each([
    ['严重违法失信名单能提前移出吗？', 'serious-violation-list'],
    ['办信用修复要交多少钱', 'no-fees'],
    ['修复需要多长时间？', 'timeline'],
    ['要准备哪些材料', 'documents'],
    ['在哪里办，能网上办吗', 'how-to-apply'],
    ['我的申请办好了没有，怎么查进度', 'check-status'],
    ['个体户被标记为经营异常状态是什么意思', 'individual-wording'],
    ['列入两年以上会进另册吗', 'special-register'],
    ['我觉得列错了，能提异议吗', 'objection'],
    ['什么是包容免罚清单', 'differentiated-supervision'],
    ['有没有现场办、加班加点办', 'service-guide'],
    ['信用好能帮忙贷款吗', 'credit-for-loans'],
    ['僵尸企业会被吊销吗', 'zombie-enterprise'],
    ['信用中国能申请吗', 'credit-china-window'],
  ])('%s → %s', (text, id) => {
    expect(findFaq(text)?.id).toBe(id);
  });

  it.each(['今天天气怎么样', '你好', '', '？？？'])('%j matches nothing', (text) => {
    expect(findFaq(text)).toBeUndefined();
  });
});

describe('faqAnswer()', () => {
  it('gives the answer with its basis as citation labels', () => {
    const text = faqAnswer('serious-violation-list');
    expect(text).toContain('15个工作日');
    expect(text).toContain('《市场监督管理严重违法失信名单管理办法》');
  });

  it('every intent topic has an answer', () => {
    for (const id of ['documents', 'timeline', 'how-to-apply', 'check-status'])
      expect(faqAnswer(id)).toBeTruthy();
  });

  it('unknown id → undefined', () => {
    expect(faqAnswer('no-such-entry')).toBeUndefined();
  });

  it('every entry answers its own question', () => {
    for (const e of k.faq) expect(findFaq(e.question)?.id, e.question).toBe(e.id);
  });
});
