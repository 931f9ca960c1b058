// Route-specific answers to side questions (materials, time) once the interview decided the route.
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../knowledge/load.ts';
import { deadlineSentence, routeSpecifics } from '../../knowledge/lookup.ts';
import { evaluate } from '../../rules/evaluate.ts';
import type { Facts } from '../../rules/types.ts';

const k = loadKnowledge();
const h = k.guide.common.headings;
const TOLERANT: Facts = {
  entityType: 'individual',
  listed: true,
  listingReason: 'annual_report_overdue',
  listedYear: 2021,
  previousYearReportFiled: true,
};

describe('routeSpecifics', () => {
  it('uses the headings as they are, never doubling 【】', () => {
    const det = evaluate(TOLERANT);
    for (const intent of ['documents', 'timeline']) {
      const text = routeSpecifics(det, TOLERANT, intent) ?? '';
      expect(text).toContain(`${h.route}${k.guide.paths['tolerant-repair-annual-report'].title}`);
      expect(text).not.toMatch(/【【|】】/);
    }
  });

  it('lists the route’s documents', () => {
    const text = routeSpecifics(evaluate(TOLERANT), TOLERANT, 'documents') ?? '';
    expect(text).toContain(h.documents);
    expect(text).toContain('《信用修复申请书》：');
    expect(text).toContain('《守信承诺书》：');
  });

  it('for a ruled-out exemption says there is nothing to prepare and what to do instead', () => {
    const facts: Facts = { listed: false, errorKind: 'contact_info', entityType: 'individual' };
    const det = evaluate(facts);
    const text = routeSpecifics(det, facts, 'documents') ?? '';
    expect(text).toContain(k.guide.common.noDocuments);
    expect(text).not.toContain('《轻微差错免列异申请书》');
    expect(text).toMatch(/^1\. /m);
    expect(routeSpecifics(det, facts, 'timeline')).not.toMatch(/5个工作日/);
  });

  it('answers 「12月29日提交，什么时候能办好」 with the date and the unpublished-calendar warning', () => {
    const text =
      routeSpecifics(evaluate(TOLERANT), TOLERANT, 'timeline', { submissionDate: '2026-12-29' }) ?? '';
    expect(text).toContain(h.deadline);
    expect(text).toContain('5个工作日');
    // 12-30, 12-31, then 2027-01-01 (元旦, fixed by law) is skipped: 1-4, 1-5, 1-6.
    expect(text).toContain('如果在2026年12月29日提交申请，5个工作日大约数到2027年1月6日。');
    expect(text).not.toContain('已按法定节假日和调休计算');
    expect(text).toContain('2027年的法定节假日安排还没有公布');
  });

  it('without a submission date gives the working days only', () => {
    const text = routeSpecifics(evaluate(TOLERANT), TOLERANT, 'timeline') ?? '';
    expect(text).toContain('5个工作日');
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}|\d{4}年\d+月\d+日/);
    expect(text).not.toContain('数到');
  });

  it("answers where to apply with the route's own place", () => {
    const text = routeSpecifics(evaluate(TOLERANT), TOLERANT, 'how_to_apply') ?? '';
    expect(text).toContain('【到哪里办】');
    expect(text).toContain('通城县市场监督管理局');
    const away = { ...TOLERANT, inJurisdiction: false };
    expect(routeSpecifics(evaluate(away), away, 'how_to_apply')).toContain('登记地的市场监管部门');
  });

  it('sends a penalty of a business registered in another county to the bureau that decided it', () => {
    const fine: Facts = {
      recordType: 'admin_penalty',
      issuedByMarketSupervision: true,
      penaltyKind: 'fine',
      fineMitigated: false,
      fineAmountYuan: 15_000,
      keySector: false,
      penaltyPublishedDate: '2025-06-01',
      obligationsFulfilled: true,
      rectified: true,
      repeatSameTypePenalty: false,
    };
    const here = routeSpecifics(evaluate(fine), fine, 'how_to_apply') ?? '';
    expect(here).not.toContain('外县登记');
    const away = { ...fine, inJurisdiction: false };
    const text = routeSpecifics(evaluate(away), away, 'how_to_apply') ?? '';
    expect(text).toContain('外县登记');
    expect(text).toContain('不用找通城县市场监督管理局');
  });

  it('leaves other intents and an undetermined case to the FAQ', () => {
    expect(routeSpecifics(evaluate(TOLERANT), TOLERANT, 'check_status')).toBeUndefined();
    expect(routeSpecifics(evaluate({}), {}, 'documents')).toBeUndefined();
  });
});

describe('deadlineSentence', () => {
  it('gives the calendar date, and no warning within a published year', () => {
    const text = deadlineSentence(evaluate(TOLERANT), '2026-09-28') ?? '';
    expect(text).toContain('数到2026年10月10日（已按法定节假日和调休计算）');
    expect(text).not.toContain('还没有公布');
  });

  it('warns when the count runs into a year without a holiday calendar', () => {
    expect(deadlineSentence(evaluate(TOLERANT), '2026-12-29')).toContain('2027年的法定节假日安排还没有公布');
  });

  it('is undefined before the route is known', () => {
    expect(deadlineSentence(evaluate({}), '2026-12-29')).toBeUndefined();
  });
});
