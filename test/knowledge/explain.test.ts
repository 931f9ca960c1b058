// The Chinese explanation of each eval-dev scenario: route title, documents, deadline, clause,
// jurisdiction contacts, calendar dates and the unpublished-calendar warning.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import {
  basisLines,
  explain,
  readAloud,
  shownCitations,
  stepSentences,
  summariseFacts,
} from '../../knowledge/explain.ts';
import { type Jurisdiction, loadJurisdiction } from '../../knowledge/jurisdiction.ts';
import { loadKnowledge } from '../../knowledge/load.ts';
import { evaluate } from '../../rules/evaluate.ts';
import type { Facts } from '../../rules/types.ts';
import { minorErrorBase } from '../fixtures/facts.ts';

const k = loadKnowledge();
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const read = (name: string): { id: string; date?: string; facts: Facts }[] =>
  readFileSync(resolve(repoRoot, 'test/fixtures/eval-dev', name), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
const scenarios = [...read('scenarios.jsonl'), ...read('penalty-scenarios.jsonl')];

const TOLERANT: Facts = {
  entityType: 'individual',
  listed: true,
  listingReason: 'annual_report_overdue',
  listedYear: 2021,
  previousYearReportFiled: true,
};
const CALENDAR_MISSING = /(\d{4})年的法定节假日安排还没有公布/;

describe('explain() for every eval-dev scenario', () => {
  it('there are scenarios', () => expect(scenarios.length).toBeGreaterThanOrEqual(12));

  it.each(scenarios.map((s) => [s.id, s] as const))('%s', (_id, s) => {
    const det = evaluate(s.facts, s.date ? { today: s.date } : {});
    const text = explain(det, s.facts, s.date ? { today: s.date } : {});
    expect(text).not.toMatch(/undefined|\{\w+\}|\[object/);
    if (det.path === 'undetermined') {
      for (const f of det.missing)
        expect(text).toContain(k.questions[f as keyof typeof k.questions].question);
      return;
    }
    expect(text).toContain(k.guide.paths[det.path].title);
    for (const d of det.documents) expect(text).toContain(`《${k.labels.documents[d]}》`);
    if (det.deadline) expect(text).toContain(`${det.deadline.workingDays}个工作日`);
    const basis = basisLines(shownCitations(det), k, s.facts.entityType);
    for (const line of basis) expect(text).toContain(line);
    // every clause shown is named; a national rule by its full label or, for one entity type, its part
    for (const c of shownCitations(det)) if (c.match(/^[一二三四五六七八九十]/)) expect(text).toContain(c);
    for (const line of stepSentences(det, { facts: s.facts, knowledge: k })) expect(text).toContain(line);
    const stepsBlock = text.split(k.guide.common.headings.steps)[1]?.split('\n\n')[0] ?? '';
    expect(stepsBlock.match(/^\d+\. /gm)?.length ?? 0).toBe(det.steps.length);
    expect(text).toContain(k.guide.paths[det.path].disclaimer);
    expect(text).not.toMatch(/\|.*\||^#|\*\*/m);
  });
});

describe('explain() wording', () => {
  it('the done-when example: tolerant repair applies, two documents, 5 working days, 四(三)一', () => {
    const text = explain(evaluate(TOLERANT), TOLERANT);
    expect(text).toContain('个体工商户、农民专业合作社年报“容缺”修复');
    expect(text).toContain('现在可以申请');
    expect(text).toContain('《信用修复申请书》：');
    expect(text).toContain('《守信承诺书》：');
    expect(text).toContain('5个工作日');
    expect(text).toContain('四(三)一');
  });

  it('a not-eligible case says what is unmet and the step that fixes it', () => {
    const facts: Facts = { ...TOLERANT, previousYearReportFiled: false };
    const text = explain(evaluate(facts), facts);
    expect(text).toContain('现在还不能直接办理');
    expect(text).toContain(`✗ ${k.reasons['previous-year-report-filed']?.unmet}`);
    expect(text).toMatch(/1\. 先补报上一年度的纸质年度报告并公示/);
  });

  it('a route still missing facts asks for them', () => {
    const facts: Facts = {
      entityType: 'individual',
      listed: true,
      listingReason: 'annual_report_overdue',
      listedYear: 2021,
    };
    const det = evaluate(facts);
    expect(det.missing).toEqual(['previousYearReportFiled']);
    expect(explain(det, facts)).toContain(k.questions.previousYearReportFiled.question);
  });

  it('undetermined: lists the questions still needed and what is known', () => {
    const facts: Facts = { entityType: 'cooperative', listed: true };
    const text = explain(evaluate(facts), facts);
    expect(text).toContain(k.guide.common.headings.missing);
    expect(text).toContain(k.questions.listingReason.question);
    expect(text).toContain('主体类型：农民专业合作社');
  });
});

describe('deadline dates', () => {
  const d = k.guide.common.deadline;
  const NOT_YET = { ...TOLERANT, previousYearReportFiled: false };

  it('counts working days over the National Day holiday: 2026-09-28 → 2026年10月10日', () => {
    const text = explain(evaluate(TOLERANT), TOLERANT, { submissionDate: '2026-09-28' });
    expect(text).toContain(
      '如果在2026年9月28日提交申请，5个工作日数到2026年10月10日（已按法定节假日和调休计算）',
    );
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(text).not.toMatch(CALENDAR_MISSING);
  });

  it('into an unpublished year: no 「已按…计算」 claim, 元旦 still skipped, and the warning', () => {
    const text = explain(evaluate(TOLERANT), TOLERANT, { submissionDate: '2026-12-28' });
    expect(text).toContain('如果在2026年12月28日提交申请，5个工作日大约数到2027年1月5日。');
    expect(text).not.toContain('已按法定节假日和调休计算');
    expect(text.match(CALENDAR_MISSING)?.[1]).toBe('2027');
  });

  it('uses the jurisdiction calendar where the bundled one has no data', () => {
    const j: Jurisdiction = {
      ...loadJurisdiction(),
      calendar: { '2027': { holidays: ['2027-03-02', '2027-03-03'], workdays: [] } },
    };
    const text = explain(evaluate(TOLERANT), TOLERANT, { submissionDate: '2027-03-01', jurisdiction: j });
    expect(text).toContain('5个工作日数到2027年3月10日（已按法定节假日和调休计算）');
    expect(text).not.toMatch(CALENDAR_MISSING);
  });

  it('without a submission date there is no calendar date', () => {
    const text = explain(evaluate(TOLERANT), TOLERANT);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(text).not.toContain('数到');
  });

  it('a route not eligible yet gets no 「if you submit on DATE」 date, but says when the count starts', () => {
    const det = evaluate(NOT_YET);
    expect(det.eligible).toBe(false);
    const text = explain(det, NOT_YET, { submissionDate: '2026-09-28' });
    expect(text).toContain(d.notYetEligible);
    expect(text).not.toContain('如果在');
    expect(text).not.toMatch(/2026年10月10日/);
  });

  it('counts from verification without pretending the submission day is the verification day', () => {
    const facts = scenarios.find((s) => s.id === 'ds10')?.facts as Facts;
    const det = evaluate(facts);
    expect(det.deadline?.from).toBe('verification');
    const text = explain(det, facts, { submissionDate: '2026-09-28' });
    // 总局令第107号第十六条第一款: an unreachable-address listing is decided 2 working days after verification
    expect(text).toContain('核实后2个工作日内作出决定');
    expect(text).toContain('核实完毕后2个工作日内');
    expect(text).not.toMatch(/2026年9月28日|2026-09-28|数到/);
  });
});

describe('jurisdiction contacts', () => {
  const saved = process.env.CREDIT_BOT_JURISDICTION;
  const dirs: string[] = [];
  afterEach(() => {
    if (saved === undefined) delete process.env.CREDIT_BOT_JURISDICTION;
    else process.env.CREDIT_BOT_JURISDICTION = saved;
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  function useJurisdiction(overrides: Partial<Jurisdiction>): void {
    const dir = mkdtempSync(join(tmpdir(), 'jurisdiction-'));
    dirs.push(dir);
    const file = join(dir, 'jurisdiction.json');
    const base = JSON.parse(readFileSync(join(repoRoot, 'knowledge/jurisdiction.json'), 'utf8'));
    writeFileSync(file, JSON.stringify({ ...base, ...overrides }));
    process.env.CREDIT_BOT_JURISDICTION = file;
  }

  it('unset contacts: tells the user to ask the local bureau', () => {
    useJurisdiction({ address: null, phone: null, hours: null });
    expect(explain(evaluate(TOLERANT), TOLERANT)).toContain('请咨询当地市场监管部门');
  });

  it('configured contacts, bureau and portals appear', () => {
    useJurisdiction({
      bureau: '测试县市场监督管理局',
      address: '测试县人民路1号政务服务中心',
      phone: '0000-0000000',
      hours: '工作日 9:00-17:00',
      onlinePortals: [{ name: '测试门户', module: '修复模块' }],
    });
    const text = explain(evaluate(TOLERANT), TOLERANT);
    expect(text).toContain('测试县市场监督管理局');
    expect(text).toContain('测试县人民路1号政务服务中心');
    expect(text).toContain('0000-0000000');
    expect(text).toContain('工作日 9:00-17:00');
    expect(text).toContain('测试门户「修复模块」');
    expect(text).not.toContain('办理地点、电话和办公时间，请咨询当地市场监管部门');
  });

  it('partly configured contacts: shows what is set, sends the rest to the bureau', () => {
    useJurisdiction({ address: null, phone: '0000-1111111', hours: null });
    const text = explain(evaluate(TOLERANT), TOLERANT);
    expect(text).toContain('0000-1111111');
    expect(text).toContain(k.guide.common.partialContacts);
  });
});

describe('readAloud()', () => {
  const sentences = (t: string) => t.split(/(?<=[。？！])/).filter((s) => s.trim());

  it.each(scenarios.map((s) => [s.id, s] as const))('%s is 3–6 sentences', (_id, s) => {
    const det = evaluate(s.facts);
    const text = readAloud(det, s.facts);
    const n = sentences(text).length;
    expect(n).toBeGreaterThanOrEqual(3);
    expect(n).toBeLessThanOrEqual(6);
    expect(text).not.toMatch(/\n|【|undefined|\{\w+\}/);
    if (det.path !== 'undetermined' && det.path !== 'not-covered')
      expect(text).toContain(k.guide.paths[det.path].title);
  });

  it('an undetermined case asks the first missing question', () => {
    const facts: Facts = { entityType: 'cooperative', listed: true };
    expect(readAloud(evaluate(facts), facts)).toContain(k.questions.listingReason.question);
  });
});

describe('summariseFacts()', () => {
  it('one line per known fact with label and value label', () => {
    const lines = summariseFacts({ ...TOLERANT, yearsWithoutAnnualReport: 2, docType: 'commitment' });
    expect(lines).toEqual([
      '主体类型：个体工商户',
      '是否已被列入经营异常名录（状态）：已被列入（标记）',
      '被列入的原因：未按规定期限公示年度报告',
      '被列入的年份：2021年',
      '上一年度纸质年报：已补报并公示',
      '连续未报送年报的年数：2年',
      '需要的文书：守信承诺书',
    ]);
  });

  it('nothing known, no lines', () => {
    expect(summariseFacts({})).toEqual([]);
  });
});

const MINOR_OK: Facts = minorErrorBase('contact_info');
const h = k.guide.common.headings;

describe('nothing to apply for', () => {
  it.each([
    [
      'minor error, individual business',
      { listed: false, errorKind: 'contact_info', entityType: 'individual' },
    ],
    ['minor error, intentional', { ...MINOR_OK, intentional: true }],
    [
      'buffer, unreachable',
      { listed: false, operatingAtRegisteredAddress: false, reachableByOtherMeans: false },
    ],
  ] as [string, Facts][])(
    'a ruled-out exemption (%s) shows no materials and no "submit" text',
    (_n, facts) => {
      const det = evaluate(facts);
      expect(det.eligible).toBe(false);
      expect(det.documents).toEqual([]);
      const text = explain(det, facts);
      expect(text).not.toContain(h.documents);
      expect(text).not.toContain(h.where);
      expect(text).not.toContain(h.deadline);
      expect(text).not.toMatch(/提交书面申请|提交《情况说明》|现在还不能直接办理/);
      expect(text).toContain(k.guide.common.status.ruledOut);
      expect(text).toContain(`${h.consult}\n${k.guide.common.ruledOutWhere.split('{')[0]}`);
      // the steps say what to do instead
      expect(text).toContain(h.steps);
      expect(readAloud(det, facts)).not.toMatch(/提交书面申请|提交《情况说明》/);
    },
  );

  it('a repair route that is not yet eligible still lists its documents and where to submit', () => {
    const facts: Facts = { ...TOLERANT, previousYearReportFiled: false };
    const text = explain(evaluate(facts), facts);
    expect(text).toContain(h.documents);
    expect(text).toContain(h.where);
  });

  it('not-covered: a heading that fits, no "why this route", no materials', () => {
    const facts: Facts = { listed: true, listingReason: 'other' };
    const text = explain(evaluate(facts), facts);
    expect(text).toContain(h.whyNone);
    expect(text).toContain(h.routeNone);
    expect(text).not.toContain(h.why);
    expect(text).not.toContain(h.route);
    expect(text).not.toContain(h.documents);
    expect(text).toContain(h.consult);
  });

  it('revocation risk: its own headings, no materials', () => {
    const facts: Facts = { locatable: false, yearsWithoutAnnualReport: 2, taxFiled: false };
    const text = explain(evaluate(facts), facts);
    expect(text).toContain(h.whyWarning);
    expect(text).toContain(h.routeWarning);
    expect(text).not.toContain(h.why);
    expect(text).not.toContain(h.documents);
  });
});

describe('wording follows the facts', () => {
  const branchProof = '上级公司年报公示财务数据的证明材料';

  it('the branch "0" proof is asked only for that error kind', () => {
    expect(explain(evaluate(MINOR_OK), MINOR_OK)).not.toContain(branchProof);
    const branch: Facts = {
      ...MINOR_OK,
      errorKind: 'branch_zero_financials',
      isBranch: true,
      parentPublishesFinancials: true,
      proofProvided: true,
    };
    const det = evaluate(branch);
    expect(det.eligible).toBe(true);
    expect(explain(det, branch)).toContain(branchProof);
  });

  it('the route reason names only the user’s own listing reason', () => {
    const base: Facts = { listed: true, infoCorrected: true, entityType: 'enterprise' };
    const falseInfo = { ...base, listingReason: 'false_public_info' } as Facts;
    const nameChange = { ...base, listingReason: 'name_change_not_registered' } as Facts;
    const why = (f: Facts) => explain(evaluate(f), f).split(h.why)[1]?.split('\n\n')[0] ?? '';
    expect(why(falseInfo)).toContain('公示信息隐瞒真实情况、弄虚作假');
    expect(why(falseInfo)).not.toContain('名称变更');
    expect(why(nameChange)).toContain('名称变更未依法登记');
    expect(why(nameChange)).not.toContain('弄虚作假');
  });

  it.each([
    ['individual', '个体工商户'],
    ['cooperative', '农民专业合作社'],
  ] as const)('a %s is told its own type, not "个体工商户或农民专业合作社"', (entityType, label) => {
    const facts: Facts = { ...TOLERANT, entityType };
    const text = explain(evaluate(facts), facts);
    expect(text).toContain(`被列入的${label}，可以用`);
    expect(text).not.toContain('个体工商户或农民专业合作社');
    const minor: Facts = { listed: false, errorKind: 'contact_info', entityType };
    expect(explain(evaluate(minor), minor)).toContain(`${label}不在这项措施里`);
  });

  it('mentions 另册管理 for an individual business surely listed 2+ years ago', () => {
    const facts: Facts = { ...TOLERANT, listedYear: 2023 };
    const text = explain(evaluate(facts), facts, { today: '2026-05-01' });
    expect(text).toContain('另册管理');
    expect(text).toContain('以当地市场监管部门答复为准');
    expect(text).toContain('您是2023年被列入的');
    expect(explain(evaluate(facts), facts, { today: '2024-12-31' })).not.toContain('另册');
    const coop: Facts = { ...facts, entityType: 'cooperative' };
    expect(explain(evaluate(coop), coop, { today: '2026-05-01' })).not.toContain('另册');
  });
});

describe('the knowledge texts', () => {
  const texts: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') texts.push(v);
    else if (Array.isArray(v)) for (const x of v) walk(x);
    else if (v && typeof v === 'object') for (const x of Object.values(v)) walk(x);
  };
  walk(k);

  it('speak no developer language to users', () => {
    for (const t of texts) expect(t).not.toMatch(/配置|config|undefined|null/i);
  });

  it('do not present the pre-2025 individual-business wording as current', () => {
    for (const t of texts) expect(t).not.toContain('个体工商户为恢复正常记载状态');
  });
});

describe('QA round 2', () => {
  it('D5 revocation risk: the first step is making the business locatable again; no line repeated', () => {
    const facts: Facts = { locatable: false, yearsWithoutAnnualReport: 2, taxFiled: false };
    const text = explain(evaluate(facts), facts);
    const steps = text.split(h.steps)[1]?.split('\n\n')[0] ?? '';
    expect(steps).toMatch(/办理住所（经营场所）变更登记/);
    expect(steps).toMatch(/回到登记的住所（经营场所）经营、恢复联系/);
    expect(text.split('个体工商户也可以报送纸质年报').length - 1).toBe(1);
    expect(text.split('主管税务部门').length - 1).toBe(1);
  });

  it('E3 minor error already corrected: the first step keeps the correction, not 「在规定期限内改正」', () => {
    const det = evaluate(MINOR_OK);
    expect(MINOR_OK.correctedAfterReminder).toBe(true);
    expect(det.steps[0]).toBe('correct-error');
    const text = explain(det, MINOR_OK);
    expect(text).toContain('✓ 经提醒指导后已经及时改正');
    const steps = text.split(h.steps)[1]?.split('\n\n')[0] ?? '';
    expect(steps).not.toContain('在规定期限内改正');
    expect(steps).toMatch(/^1\. .*已经按提醒改正了/m);
    // not corrected yet: the step still asks for the correction
    const open = { ...MINOR_OK, correctedAfterReminder: false };
    expect(stepSentences(evaluate(open), { facts: open })[0]).toContain('在规定期限内改正');
  });

  it('E2 【依据】 names the plan once and lists its clauses; national rules keep their own lines', () => {
    const plan = '《探索开展信用提升行动先行区创建方案》（通城县，2023）';
    expect(basisLines(['四(三)一', '二(三)', 'samr-credit-repair', '四(三)一'], k)).toEqual([
      `${plan}四(三)一、二(三)`,
      k.labels.citations['samr-credit-repair'],
    ]);
    const text = explain(evaluate(MINOR_OK), MINOR_OK);
    const basis = text.split(h.basis)[1]?.split('\n\n')[0] ?? '';
    expect(basis.split(plan).length - 1).toBe(1);
    expect(basis).toContain(`${plan}四(四)、五(二)三、四(四)一、四(四)七`);
  });
});

describe('QA round 2 (E1): the individual-business renaming only for individual businesses', () => {
  it.each([
    ['cooperative', false],
    ['individual', true],
  ] as const)('tolerant repair for a %s: renaming note shown = %s', (entityType, shown) => {
    const facts: Facts = { ...TOLERANT, entityType };
    const route = explain(evaluate(facts), facts).split('\n\n')[0] ?? '';
    expect(route.includes('标记为经营异常状态')).toBe(shown);
  });

  it('standard repair for an enterprise has no renaming paragraph', () => {
    const facts: Facts = {
      entityType: 'enterprise',
      listed: true,
      listingReason: 'annual_report_overdue',
      allOverdueReportsFiled: true,
    };
    const det = evaluate(facts);
    expect(det.path).toBe('standard-repair');
    expect(explain(det, facts)).not.toContain('标记为经营异常状态');
    const individual = { ...facts, entityType: 'individual', listedYear: 2018 } as Facts;
    expect(explain(evaluate(individual), individual)).toContain('标记为经营异常状态');
  });
});

describe('QA round 13/14 wording', () => {
  const notice = (text: string) => text.split(h.notice)[1]?.split('\n\n')[0] ?? '';
  const basisOf = (text: string) => text.split(h.basis)[1]?.split('\n\n')[0] ?? '';

  it('13a a minor-error route reason does not assert that the user is not listed', () => {
    const facts: Facts = { listed: false, errorKind: 'contact_info', entityType: 'enterprise' };
    const why = explain(evaluate(facts), facts).split(h.why)[1]?.split('\n\n')[0] ?? '';
    expect(why).toContain('在还没有被列入经营异常名录的情况下');
    expect(why).not.toContain('您还没有被列入');
    const buffer: Facts = { listed: false, operatingAtRegisteredAddress: false };
    expect(explain(evaluate(buffer), buffer)).not.toContain('您还没有被列入');
  });

  it.each([2021, 2022, 2023])('13b listed in %i, as of 2026-11: 已满2年 said plainly', (listedYear) => {
    const facts: Facts = { ...TOLERANT, listedYear };
    const note = notice(explain(evaluate(facts), facts, { today: '2026-11-27' }));
    expect(note).toContain(`您是${listedYear}年被列入的，到现在已满2年`);
    expect(note).not.toContain('如果您被列入已满2年');
  });

  it('13b listed in 2024, as of 2026-11: maybe not 2 years yet (listed in December), so no claim', () => {
    const facts: Facts = { ...TOLERANT, listedYear: 2024 };
    expect(explain(evaluate(facts), facts, { today: '2026-11-27' })).not.toContain('已满2年');
  });

  const BEFORE_PILOT: Facts = {
    entityType: 'individual',
    listed: true,
    listingReason: 'annual_report_overdue',
    listedYear: 2019,
    allOverdueReportsFiled: true,
  };
  const commitment = (text: string) => text.split('\n').find((l) => l.startsWith('· 《守信承诺书》')) ?? '';

  it('13c standard repair for an individual business: no enterprise or cooperative wording', () => {
    const text = explain(evaluate(BEFORE_PILOT), BEFORE_PILOT, { today: '2026-11-27' });
    expect(commitment(text)).toContain('按规定及时公示有关信息');
    expect(text).not.toContain('企业的即时信息');
    expect(text).not.toContain('即时信息');
    expect(basisOf(text)).toContain('《个体工商户年度报告办法》');
    expect(text).not.toContain('农民专业合作社年度报告公示办法');
  });

  it("13c the same route for a cooperative cites only the cooperatives' rules", () => {
    const coop: Facts = { ...BEFORE_PILOT, entityType: 'cooperative' };
    const basis = basisOf(explain(evaluate(coop), coop));
    expect(basis).toContain('《农民专业合作社年度报告公示办法》');
    expect(basis).not.toContain('个体工商户年度报告办法');
  });

  it('13c an enterprise commits to publishing instant information; its annual-report rule is the disclosure regulations', () => {
    const facts: Facts = {
      entityType: 'enterprise',
      listed: true,
      listingReason: 'annual_report_overdue',
      allOverdueReportsFiled: true,
    };
    expect(commitment(explain(evaluate(facts), facts))).toContain('企业还要承诺：依法应当公示的即时信息');
    expect(basisLines(['annual-report-measures'], k, 'enterprise')).toEqual([
      k.labels.citations['enterprise-info-disclosure'],
    ]);
    // without a known type the joint label stays
    expect(basisLines(['annual-report-measures'], k)).toEqual([k.labels.citations['annual-report-measures']]);
  });

  it('14 an individual business ruled out of the minor-error exemption is not cited 五(二)三', () => {
    const facts: Facts = { listed: false, errorKind: 'contact_info', entityType: 'individual' };
    const det = evaluate(facts);
    expect(det.citations).toContain('五(二)三');
    const basis = basisOf(explain(det, facts));
    expect(basis).toContain('四(四)');
    expect(basis).not.toContain('五(二)三');
    // an exclusion that applies keeps it
    const repeated: Facts = { ...facts, entityType: 'enterprise', repeatedSameError: true };
    expect(basisOf(explain(evaluate(repeated), repeated))).toContain('五(二)三');
  });
});
