// FAQ lookup by keywords and FAQ answers with their basis.
import { describe, expect, it } from 'vitest';
import { faqAnswer, findFaq } from '../../knowledge/explain.ts';
import { type Jurisdiction, loadJurisdiction } from '../../knowledge/jurisdiction.ts';
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
    ['我们企业能用容缺修复吗', 'enterprise-tolerant-repair'],
    ['有限公司可以申请容缺修复吗', 'enterprise-tolerant-repair'],
    ['市场监管局地址在哪', 'bureau-contact'],
    ['你们电话是多少', 'bureau-contact'],
    ['营业执照被吊销了还能恢复吗', 'revoked-license'],
    ['被列入异常名录对贷款有影响吗', 'listing-impact'],
    ['被列入异常名录对招投标有影响吗', 'listing-impact'],
    ['什么是容缺', 'pilot-measures'],
    ['就给了个警告 这个警告会公示吗', 'penalty-warning'],
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
    // 总局令第107号第十六条 (the rule in force), not the 15 days of the 2021 listing rule
    expect(text).toContain('7个工作日');
    expect(text).toContain('《市场监督管理信用修复管理办法》（总局令第107号）第十三条');
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

describe('QA round 2 FAQ entries', () => {
  it('E2 the objection answer does not open with 「可以。」', () => {
    expect(faqAnswer('objection')).not.toMatch(/^可以/);
    expect(faqAnswer('objection')).toContain('30日内');
  });

  it('E2 enterprises and 容缺: only the two cases; an overdue-report enterprise takes the standard route', () => {
    const text = faqAnswer('enterprise-tolerant-repair') ?? '';
    expect(text).toMatch(/个体工商户、农民专业合作社2020年以来/);
    expect(text).toMatch(/住所（经营场所）变更登记/);
    expect(text).toMatch(/企业因为没报年报被列入的，不适用“容缺”修复/);
    expect(text).toContain('四(三)一、四(三)二');
  });

  it('D3 bureau contacts: the configured bureau, and 请咨询 while contacts are unset', () => {
    const text = faqAnswer('bureau-contact') ?? '';
    expect(text).toContain('通城县市场监督管理局');
    expect(text).toContain('请咨询当地市场监管部门');
    expect(text).not.toMatch(/\{\w+\}/);
    const j: Jurisdiction = {
      ...loadJurisdiction(),
      bureau: '样例县市场监督管理局',
      phone: '0715-0000000',
    };
    const configured = faqAnswer('bureau-contact', k, j) ?? '';
    expect(configured).toContain('样例县市场监督管理局办理');
    expect(configured).toContain('电话：0715-0000000');
    expect(configured).not.toContain('办理部门：');
    expect(configured).toContain(k.guide.common.partialContacts);
  });

  it('D3 a revoked licence: not a credit-repair route, hedged, citing 五(二)二', () => {
    const text = faqAnswer('revoked-license') ?? '';
    expect(text).toContain('不属于信用修复');
    expect(text).toContain('以它们的答复为准');
    expect(text).toMatch(/【依据】.*五\(二\)二/);
  });

  it('D3 listing and loans / bidding: hedged', () => {
    expect(faqAnswer('listing-impact')).toMatch(/可能有影响.*以它们和当地市场监管部门的答复为准/s);
  });
});
