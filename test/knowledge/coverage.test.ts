// Every id the rules can produce has its text in knowledge/, and knowledge/ has no text for ids the
// rules do not know (orphans hide renamed ids). The id sets are collected here from rules/ directly.
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../knowledge/load.ts';
import { CITATION_IDS } from '../../rules/citations.ts';
import { ADDED_STEP_IDS, ALL_ROUTES, NOTE_REASON_IDS } from '../../rules/routes.ts';
import {
  DOC_TYPE_HINTS,
  DOCUMENT_IDS,
  ENTITY_TYPES,
  ERROR_KINDS,
  FACT_NAMES,
  LISTING_REASONS,
  PATHS,
  PENALTY_KINDS,
  RECORD_TYPES,
} from '../../rules/types.ts';

const k = loadKnowledge();
const routes = ALL_ROUTES;
const sorted = (xs: Iterable<string>) => [...new Set(xs)].sort();

describe('knowledge covers the rules, and nothing else', () => {
  it('a label for every fact', () => {
    expect(sorted(Object.keys(k.labels.facts))).toEqual(sorted(FACT_NAMES));
  });

  it('a label for every enum value', () => {
    expect(sorted(Object.keys(k.labels.values.entityType))).toEqual(sorted(ENTITY_TYPES));
    expect(sorted(Object.keys(k.labels.values.listingReason))).toEqual(sorted(LISTING_REASONS));
    expect(sorted(Object.keys(k.labels.values.errorKind))).toEqual(sorted(ERROR_KINDS));
    expect(sorted(Object.keys(k.labels.values.docType))).toEqual(sorted(DOC_TYPE_HINTS));
    expect(sorted(Object.keys(k.labels.values.recordType))).toEqual(sorted(RECORD_TYPES));
    expect(sorted(Object.keys(k.labels.values.penaltyKind))).toEqual(sorted(PENALTY_KINDS));
  });

  it('a label for every path and document', () => {
    expect(sorted(Object.keys(k.labels.paths))).toEqual(sorted(PATHS));
    expect(sorted(Object.keys(k.labels.documents))).toEqual(sorted(DOCUMENT_IDS));
  });

  it('a question for every fact a route tests, and only for those', () => {
    const asked = routes.flatMap((r) => [...r.when.map((t) => t.fact), ...r.conditions.map((c) => c.fact)]);
    // a combined test names its first fact; the others it reads are asked too (the penalty's class;
    // the decision's date that bounds the publication the wait counts from)
    const combined = ['fineAmountYuan', 'fineMitigated', 'keySector', 'penaltyDecisionDate'];
    // applicantIsAgent changes the documents, not the route: asked by staff and drafts; alsoListedFor
    // (a second listing) is decided beside the route (evaluate.ts bothListings), told or set by staff
    expect(sorted(Object.keys(k.questions))).toEqual(
      sorted([...asked, ...combined, 'applicantIsAgent', 'alsoListedFor']),
    );
  });

  it('a service guide for every path a route leads to (plus the fallback not-covered)', () => {
    expect(sorted(Object.keys(k.guide.paths))).toEqual(sorted([...routes.map((r) => r.path), 'not-covered']));
  });

  it('each guide describes exactly the documents its routes ask for', () => {
    for (const [path, g] of Object.entries(k.guide.paths)) {
      const asked = routes.filter((r) => r.path === path).flatMap((r) => r.documents);
      expect(sorted(g.documents.map((d) => d.id)), path).toEqual(sorted(asked));
    }
  });

  it('text for every step id, and no orphan step', () => {
    const used = routes.flatMap((r) => [...r.steps.eligible, ...r.steps.notEligible]);
    expect(sorted(Object.keys(k.steps))).toEqual(sorted([...used, 'contact-bureau', ...ADDED_STEP_IDS]));
  });

  it('met/unmet text for every route and condition id, and no orphan reason', () => {
    const ids = routes.flatMap((r) => [`route:${r.id}`, ...r.conditions.map((c) => c.id)]);
    expect(sorted(Object.keys(k.reasons))).toEqual(sorted([...ids, ...NOTE_REASON_IDS]));
  });

  it('a label for every citation id of rules/, and every other label is cited by the FAQ', () => {
    const labelled = Object.keys(k.labels.citations);
    for (const id of CITATION_IDS) expect(labelled).toContain(id);
    const faqCited = new Set(k.faq.flatMap((e) => e.citations));
    const orphans = labelled.filter((id) => !CITATION_IDS.includes(id) && !faqCited.has(id));
    expect(orphans).toEqual([]);
  });

  it('every citation a route or condition carries is a known citation id', () => {
    const cited = routes.flatMap((r) => [...r.citations, ...r.conditions.map((c) => c.citation)]);
    for (const c of cited) expect(CITATION_IDS).toContain(c);
  });

  it('policy clause labels name the plan and the clause; national rules are named in full', () => {
    expect(k.labels.citations['四(三)一']).toBe(
      '《探索开展信用提升行动先行区创建方案》（通城县，2023）四(三)一',
    );
    expect(k.labels.citations['samr-credit-repair']).toBe(
      '《市场监督管理信用修复管理办法》（国家市场监督管理总局令第107号，2025年12月25日起施行）',
    );
    expect(k.labels.citations['samr107-art11']).toBe(
      '《市场监督管理信用修复管理办法》（总局令第107号）第十一条',
    );
    for (const [id, label] of Object.entries(k.labels.citations)) expect(label, id).toMatch(/^《.+》/);
  });

  it('boolean questions offer true and false with their own wording', () => {
    expect(k.questions.previousYearReportFiled.choices).toEqual([
      { value: true, label: '已补报并公示' },
      { value: false, label: '还没有' },
    ]);
    expect(k.questions.listedYear.choices).toBeUndefined();
  });
});

describe('the knowledge invents no contacts or fees', () => {
  const texts: string[] = [];
  // FAQ keywords are lookup terms such as 费用, not statements
  const walk = (v: unknown): void => {
    if (typeof v === 'string') texts.push(v);
    else if (Array.isArray(v)) for (const x of v) walk(x);
    else if (v && typeof v === 'object')
      for (const [key, x] of Object.entries(v)) if (key !== 'keywords') walk(x);
  };
  walk(k);

  it('no phone numbers, URLs or money amounts', () => {
    expect(texts.length).toBeGreaterThan(300);
    for (const t of texts) expect(t).not.toMatch(/\d{3,4}-\d{7,8}|1[3-9]\d{9}|https?:\/\/|\d+\s*元/);
  });

  it('every text that speaks of a fee says there is none', () => {
    const feeTexts = texts.filter((t) => t.includes('费用'));
    expect(feeTexts.length).toBeGreaterThan(0);
    for (const t of feeTexts) expect(t).toMatch(/不收取?任何费用/);
  });
});
