// Renders a Determination as the Chinese text a user reads (explain), a short script for hotline
// staff (readAloud), a fact summary, and FAQ answers. All wording comes from the knowledge files;
// this module only arranges it, so the text can be reviewed with the bureau in one place.
import { wordClasses } from '../dialogs/nlu/lexicon.ts';
import { addWorkingDays } from '../rules/deadline.ts';
import {
  type Determination,
  type EntityType,
  FACT_KINDS,
  FACT_NAMES,
  type FactName,
  type Facts,
  type Reason,
} from '../rules/types.ts';
import { type Jurisdiction, loadJurisdiction } from './jurisdiction.ts';
import { type Knowledge, loadKnowledge } from './load.ts';
import type { FaqEntry, GuidePath } from './schema.ts';

export interface ExplainOptions {
  /** YYYY-MM-DD: when the application is (to be) submitted, for a calendar deadline date */
  submissionDate?: string;
  /** YYYY-MM-DD, default today in China: decides whether a listing is 2+ years old (另册管理) */
  today?: string;
  jurisdiction?: Jurisdiction;
  knowledge?: Knowledge;
}

/** Fills `{name}` placeholders; unknown ones stay visible rather than turning into "undefined". */
function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  );
}

function jurisdictionValues(j: Jurisdiction, k: Knowledge): Record<string, string> {
  const portals = j.onlinePortals.map((p) => fill(k.guide.common.portal, p)).join('、');
  return { bureau: j.bureau, portals };
}

/** Fills {bureau} and {portals} in a knowledge text (steps, reasons) from the jurisdiction config. */
export function fillJurisdiction(
  text: string,
  j: Jurisdiction = loadJurisdiction(),
  k: Knowledge = loadKnowledge(),
): string {
  return fill(text, jurisdictionValues(j, k));
}

/**
 * A national rule that is really one document per entity type (the annual-report rules) is named by
 * the user's own type only: an individual business is not cited the cooperatives' rules. An
 * enterprise's annual report and instant information fall under the enterprise disclosure rules.
 */
const CITATION_FOR_ENTERPRISE: Record<string, string> = {
  'annual-report-measures': 'enterprise-info-disclosure',
};

function citationLabel(id: string, k: Knowledge, entityType?: EntityType): string {
  const ownId = (entityType === 'enterprise' && CITATION_FOR_ENTERPRISE[id]) || id;
  const label = k.labels.citations[ownId] ?? ownId;
  if (!entityType || entityType === 'enterprise') return label;
  // A joint label lists one 《》 title per entity type; keep the one naming this type.
  const typeName = k.labels.values.entityType[entityType];
  const titles = label.split('、');
  const own = titles.filter((t) => t.includes(typeName));
  return titles.length > 1 && own.length ? own.join('、') : label;
}

/**
 * The plan's exclusion list (五(二)三) decides a ruling only through an exclusion that applies: when
 * something else rules the case out (an individual business asking for the enterprises' minor-error
 * exemption), citing it would suggest an exclusion the user never mentioned.
 */
const EXCLUSION_CLAUSES = ['五(二)三'];

/** The citation ids the 【依据】 block shows for a determination. */
export function shownCitations(det: Determination): string[] {
  if (det.eligible !== false) return det.citations;
  return det.citations.filter(
    (id) => !EXCLUSION_CLAUSES.includes(id) || det.reasons.some((r) => !r.met && r.citation === id),
  );
}

/**
 * The 【依据】 lines of citation ids: clauses of the same document share one title
 * (《方案》（通城县，2023）四(三)一、二(三)) instead of repeating it for each clause.
 */
export function basisLines(ids: string[], knowledge?: Knowledge, entityType?: EntityType): string[] {
  const k = knowledge ?? loadKnowledge();
  const groups = new Map<string, string[]>();
  for (const id of ids) {
    const label = citationLabel(id, k, entityType);
    // A clause label is the document title followed by the clause id (or, for a national rule cited by
    // article, by 第…条); a national rule cited as a whole is its own line.
    const article = /^(.*）)(第[^）]+条)$/.exec(label);
    const [title, clause] =
      label.length > id.length && label.endsWith(id)
        ? [label.slice(0, -id.length), id]
        : article
          ? [article[1] as string, article[2] as string]
          : [label, undefined];
    const clauses = groups.get(title) ?? [];
    if (clause && !clauses.includes(clause)) clauses.push(clause);
    groups.set(title, clauses);
  }
  return [...groups].map(([title, clauses]) => `${title}${clauses.join('、')}`);
}

/** A citation id of the county plan (四(三)一) rather than a national rule (samr107-art16). */
const POLICY_RULE = /^[一二三四五六七八九十]/;

const numbered = (lines: string[]) => lines.map((l, i) => `${i + 1}. ${l}`).join('\n');
const quoted = (name: string) => `《${name}》`;
const isRouteReason = (r: Reason) => r.id.startsWith('route:');

/**
 * The user's own entity type and listing reason for reason texts, so a user is told "您是…的个体工商户"
 * rather than "个体工商户或农民专业合作社"; a fallback wording while the fact is unknown.
 */
function factValues(facts: Facts, k: Knowledge): Record<string, string> {
  const v = k.labels.values;
  const fallback = k.guide.common.factFallback;
  return {
    entityType: (facts.entityType && v.entityType[facts.entityType]) || fallback.entityType,
    listingReason: (facts.listingReason && v.listingReason[facts.listingReason]) || fallback.listingReason,
    alsoListedFor: (facts.alsoListedFor && v.listingReason[facts.alsoListedFor]) || fallback.listingReason,
  };
}

/**
 * The Chinese sentence of a reason, its {entityType}/{listingReason} filled from the facts and its
 * {date} (and a penalty's {decided}, {publishedBy}) from the reason's own values, written as prose dates.
 */
/** a reason's values that are days (the earliest to apply; a penalty's decision and latest publication) */
const REASON_DATES = new Set(['date', 'decided', 'publishedBy']);

export function reasonSentence(r: Reason, facts: Facts, knowledge?: Knowledge): string {
  const k = knowledge ?? loadKnowledge();
  const entry = k.reasons[r.id];
  if (!entry) return r.id;
  const own = Object.fromEntries(
    Object.entries(r.values ?? {}).map(([key, v]) => [key, REASON_DATES.has(key) ? proseDate(v, k) : v]),
  );
  const text = r.presumed && entry.presumed ? entry.presumed : r.met ? entry.met : entry.unmet;
  return fill(text, { ...factValues(facts, k), ...own });
}

/** Routes where nothing is applied for: the penalty's publication simply runs out (总局令第107号第七条、第八条). */
const NO_APPLICATION_PATHS: readonly string[] = ['penalty-auto-expiry', 'penalty-not-repairable'];

/** The rule id behind the route (reason `route:<id>`), for wording that differs within one path. */
function routeId(det: Determination): string | undefined {
  return det.reasons.find(isRouteReason)?.id.slice('route:'.length);
}

/** The 【日期】 lines: earliest day to apply, day publication ends, and how they were counted. */
export function dateLines(det: Determination, knowledge?: Knowledge): string[] {
  const k = knowledge ?? loadKnowledge();
  const t = k.guide.common.dates;
  const dates = det.dates;
  if (!dates) return [];
  const lines: string[] = [];
  if (dates.earliestApply) lines.push(fill(t.earliestApply, { date: proseDate(dates.earliestApply, k) }));
  if (dates.publicationEnds) {
    const list = det.path === 'serious-list-early-removal';
    lines.push(
      fill(list ? t.publicationEndsList : t.publicationEnds, { date: proseDate(dates.publicationEnds, k) }),
    );
  }
  if (lines.length) lines.push(t.counting);
  return lines;
}

function questionText(k: Knowledge, fact: FactName): string {
  return fact === 'docType' ? k.labels.facts[fact] : k.questions[fact].question;
}

/** The configured contact lines (地址/电话/办公时间), in the guide's wording; empty while none is set. */
export function configuredContacts(
  j: Jurisdiction = loadJurisdiction(),
  k: Knowledge = loadKnowledge(),
): string[] {
  const c = k.guide.common.contacts;
  return [
    j.address && fill(c.address, { address: j.address }),
    j.phone && fill(c.phone, { phone: j.phone }),
    j.hours && fill(c.hours, { hours: j.hours }),
  ].filter((l): l is string => Boolean(l));
}

function contactLines(j: Jurisdiction, k: Knowledge): string[] {
  const c = k.guide.common.contacts;
  const given = configuredContacts(j, k);
  const set = [j.address, j.phone, j.hours];
  if (!given.length) return [k.guide.common.noContacts];
  const lines = [fill(c.bureau, { bureau: j.bureau }), ...given];
  if (given.length < set.length) lines.push(k.guide.common.partialContacts);
  return lines;
}

/**
 * The working-day deadline of the route and, given a submission date, the calendar date it falls on,
 * with the warning when a year's holiday calendar is not yet published. Empty when there is none.
 */
export function deadlineSentences(
  det: Determination,
  opts: { submissionDate?: string; jurisdiction?: Jurisdiction; knowledge?: Knowledge } = {},
): string[] {
  if (det.path === 'undetermined') return [];
  const k = opts.knowledge ?? loadKnowledge();
  const j = opts.jurisdiction ?? loadJurisdiction();
  if (isRuledOut(det)) return [fill(k.guide.common.ruledOutDeadline, jurisdictionValues(j, k))];
  return deadlineLines(det, k.guide.paths[det.path], k, j, opts.submissionDate);
}

/** 2026-12-28 → 2026年12月28日 (also 2024-03 → 2024年3月, 2021 → 2021年), the way dates are written in prose. */
export function proseDate(iso: string, knowledge?: Knowledge): string {
  const c = (knowledge ?? loadKnowledge()).guide.common;
  const [year = '', month, day] = iso.split('-');
  if (!month) return fill(c.dateYear, { year });
  if (!day) return fill(c.dateMonth, { year, month: Number(month) });
  return fill(c.date, { year, month: Number(month), day: Number(day) });
}

function deadlineLines(
  det: Determination,
  g: GuidePath,
  k: Knowledge,
  j: Jurisdiction,
  submissionDate?: string,
): string[] {
  const d = k.guide.common.deadline;
  const lines: string[] = [];
  if (det.deadline) {
    const { workingDays: days, from, acceptanceWorkingDays: acceptDays, extensionWorkingDays } = det.deadline;
    // 总局令第107号: accepted within 2 working days of receipt, then decided (第十四条、第十六条)
    if (acceptDays !== undefined)
      lines.push(
        fill(from === 'verification' ? d.acceptanceVerification : d.acceptance, { acceptDays, days }),
      );
    else lines.push(fill(from === 'receipt' ? d.receipt : d.verification, { days }));
    if (extensionWorkingDays) lines.push(fill(d.extension, { days: extensionWorkingDays }));
    // A date is only honest when the user can submit now and the count starts on that day.
    const countable = from === 'receipt' || (from === 'acceptance' && acceptDays !== undefined);
    if (det.eligible === false) lines.push(d.notYetEligible);
    else if (!countable) lines.push(fill(d.verificationNoDate, { days }));
    else if (submissionDate && det.eligible === true) {
      // the latest day: acceptance on its last day, then the decision's full count
      const total = days + (from === 'acceptance' ? (acceptDays ?? 0) : 0);
      const result = addWorkingDays(submissionDate, total, j.calendar);
      const guessed = result.yearsWithoutCalendar.length > 0;
      const values = { submitted: proseDate(submissionDate, k), days, date: proseDate(result.date, k) };
      const template =
        from === 'acceptance'
          ? guessed
            ? d.dateAcceptanceEstimated
            : d.dateAcceptance
          : guessed
            ? d.dateReceiptEstimated
            : d.dateReceipt;
      lines.push(fill(template, values));
      if (guessed) lines.push(fill(d.calendarMissing, { years: result.yearsWithoutCalendar.join('、') }));
    }
    if (det.deadline.rule) {
      const rule = citationLabel(det.deadline.rule, k);
      lines.push(fill(POLICY_RULE.test(det.deadline.rule) ? d.pilotRule : d.rule, { rule }));
    }
  }
  if (g.deadline) lines.push(g.deadline);
  return lines;
}

/**
 * An exemption that a condition or exclusion rules out (minor error, punishment buffer): there is
 * nothing to apply for. A repair route that is not eligible keeps its documents: the unmet condition
 * is a step to take first, after which the user applies.
 */
export function isRuledOut(det: Determination): boolean {
  return (
    det.eligible === false &&
    det.path !== 'not-covered' &&
    !NO_APPLICATION_PATHS.includes(det.path) &&
    det.documents.length === 0
  );
}

function statusLine(det: Determination, k: Knowledge): string {
  const s = k.guide.common.status;
  if (det.eligible === true) return s.eligible;
  if (det.path === 'penalty-auto-expiry') return s.nothingToApply;
  if (det.path === 'penalty-not-repairable') return s.notRepairable;
  if (det.eligible === false) {
    if (isRuledOut(det)) return s.ruledOut;
    return det.reasons.some((r) => !r.met) ? s.notEligible : s.notCovered;
  }
  return det.missing.length ? s.pending : s.warning;
}

/** The document lines of a route: each document with what it must contain for these facts. */
export function documentLines(det: Determination, facts: Facts, k: Knowledge): string[] {
  if (det.path === 'undetermined') return [];
  const g = k.guide.paths[det.path];
  return det.documents.map((id) => {
    const doc = g.documents.find((d) => d.id === id);
    const name = quoted(k.labels.documents[id]);
    if (id === 'agent-authorization' && !doc) return `· ${name}：${k.guide.common.agentAuthorization}`;
    if (!doc) return `· ${name}`;
    const extras = (doc.extras ?? []).filter((e) => facts[e.fact] === e.equals).map((e) => e.text);
    return `· ${name}：${[doc.contains, ...extras].join('')}`;
  });
}

function currentYear(today?: string): number {
  const iso =
    today ??
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date());
  return Number(iso.slice(0, 4));
}

/**
 * The route's steps as sentences, the bureau and portals filled from the jurisdiction. Given the facts,
 * a step the facts show as done is worded as done (guide.common.stepVariants).
 */
export function stepSentences(
  det: Determination,
  opts: { facts?: Facts; jurisdiction?: Jurisdiction; knowledge?: Knowledge } = {},
): string[] {
  const k = opts.knowledge ?? loadKnowledge();
  const values = jurisdictionValues(opts.jurisdiction ?? loadJurisdiction(), k);
  const facts = opts.facts ?? {};
  return det.steps.map((s) => {
    const variant = k.guide.common.stepVariants.find((v) => v.step === s && facts[v.fact] === v.equals);
    return fill(variant?.text ?? k.steps[s] ?? s, values);
  });
}

/**
 * DOMAIN §3: an individual business listed 2+ years ago may be in the special register (另册管理).
 * Only the year is known, so 2 years have surely passed only from the third year on (listed as late
 * as 31 December 2024, the 2 years end on 31 December 2026); the note then says so plainly.
 */
export function separateRegisterNote(facts: Facts, k: Knowledge, today?: string): string | undefined {
  if (facts.entityType !== 'individual' || facts.listed !== true || !facts.listedYear) return undefined;
  if (facts.listedYear > currentYear(today) - 3) return undefined;
  return fill(k.guide.common.separateRegister, { listedYear: facts.listedYear });
}

function explainUndetermined(det: Determination, facts: Facts, k: Knowledge): string {
  const c = k.guide.common;
  const blocks = [
    `${c.headings.missing}\n${c.undetermined}\n${numbered(det.missing.map((f) => questionText(k, f)))}`,
  ];
  const known = summariseFacts(facts, k);
  if (known.length) blocks.push(`${c.headings.known}\n${known.join('\n')}`);
  blocks.push(c.disclaimer);
  return blocks.join('\n\n');
}

/** The Chinese explanation of a determination, in short 【】-headed paragraphs for a chat. */
export function explain(det: Determination, facts: Facts, opts: ExplainOptions = {}): string {
  const k = opts.knowledge ?? loadKnowledge();
  if (det.path === 'undetermined') return explainUndetermined(det, facts, k);
  const j = opts.jurisdiction ?? loadJurisdiction();
  const c = k.guide.common;
  const g = k.guide.paths[det.path];
  const blocks: string[] = [];

  const none = det.path === 'not-covered';
  const warning = det.path === 'revocation-risk';
  const ruledOut = isRuledOut(det);
  const routeHeading = none ? c.headings.routeNone : warning ? c.headings.routeWarning : c.headings.route;
  const entityNote = facts.entityType ? g.entityNotes?.[facts.entityType] : undefined;
  const rid = routeId(det);
  const summary = (rid && g.routeSummaries?.[rid]) || g.summary;
  blocks.push(`${routeHeading}${g.title}\n${summary}${entityNote ?? ''}`);

  const why = det.reasons.filter(isRouteReason).map((r) => reasonSentence(r, facts, k));
  const whyHeading = none ? c.headings.whyNone : warning ? c.headings.whyWarning : c.headings.why;
  if (why.length) blocks.push(`${whyHeading}\n${why.join('\n')}`);

  const conditions = det.reasons.filter((r) => !isRouteReason(r));
  const status = [
    statusLine(det, k),
    ...conditions.filter((r) => !r.met).map((r) => fill(c.unmet, { text: reasonSentence(r, facts, k) })),
    ...conditions
      .filter((r) => r.presumed)
      .map((r) => fill(c.presumed, { text: reasonSentence(r, facts, k) })),
    ...conditions
      .filter((r) => r.met && !r.presumed)
      .map((r) => fill(c.met, { text: reasonSentence(r, facts, k) })),
  ];
  blocks.push(`${c.headings.status}\n${status.join('\n')}`);

  const dates = dateLines(det, k);
  if (dates.length) blocks.push(`${c.headings.dates}\n${dates.join('\n')}`);

  const register = separateRegisterNote(facts, k, opts.today);
  if (register) blocks.push(`${c.headings.notice}\n${register}`);

  if (det.missing.length) {
    blocks.push(
      `${c.headings.missing}\n${c.stillNeeded}\n${numbered(det.missing.map((f) => questionText(k, f)))}`,
    );
  }

  if (det.steps.length) {
    blocks.push(
      `${c.headings.steps}\n${numbered(stepSentences(det, { facts, jurisdiction: j, knowledge: k }))}`,
    );
  }

  // A ruled-out exemption has nothing to prepare or submit: the steps above say what to do instead.
  if (!ruledOut) {
    if (det.documents.length || g.otherMaterials.length) {
      const lines = [...documentLines(det, facts, k), ...g.otherMaterials.map((m) => `· ${m}`), ...g.notes];
      blocks.push(`${c.headings.documents}\n${lines.join('\n')}`);
    } else if (g.notes.length) {
      blocks.push(g.notes.join('\n'));
    }

    const deadline = deadlineLines(det, g, k, j, opts.submissionDate);
    if (deadline.length) blocks.push(`${c.headings.deadline}\n${deadline.join('\n')}`);
  }

  blocks.push(whereBlock(det, facts, { jurisdiction: j, knowledge: k }));

  const basis = basisLines(shownCitations(det), k, facts.entityType);
  if (basis.length) blocks.push(`${c.headings.basis}\n${basis.join('\n')}`);

  blocks.push(g.disclaimer);
  return blocks.join('\n\n');
}

/**
 * 【到哪里办】 (or 【到哪里咨询】 where nothing is applied for) for the route: the county's bureau, the
 * route's own office, or, registered in another county, that county's bureau.
 */
export function whereBlock(
  det: Determination,
  facts: Facts,
  opts: { jurisdiction?: Jurisdiction; knowledge?: Knowledge } = {},
): string {
  if (det.path === 'undetermined') return '';
  const k = opts.knowledge ?? loadKnowledge();
  const j = opts.jurisdiction ?? loadJurisdiction();
  const c = k.guide.common;
  const g = k.guide.paths[det.path];
  const values = jurisdictionValues(j, k);
  const none = det.path === 'not-covered';
  const ruledOut = isRuledOut(det);
  const rid = routeId(det);
  // registered in another county: that county's bureau handles the 经营异常名录 (总局令第107号第四条第三项)
  const home = facts.inJurisdiction === false && det.path === 'standard-repair';
  const elsewhere = rid ? g.routeWhere?.[rid] : undefined;
  const where = [
    ...(ruledOut
      ? [fill(c.ruledOutWhere, values)]
      : home
        ? [fill(c.outOfCountyWhere, values)]
        : elsewhere
          ? [fill(elsewhere, values)]
          : g.whereToApply.map((w) => fill(w, values))),
    // a penalty of a business registered in another county: the bureau that decided it, there
    ...(facts.inJurisdiction === false && PENALTY_PATHS.includes(det.path)
      ? [fill(c.outOfCountyPenalty, values)]
      : []),
    // the county's contacts only where the county's bureau is the place to go
    ...(home || elsewhere || facts.inJurisdiction === false ? [] : contactLines(j, k)),
  ];
  return `${none || ruledOut ? c.headings.consult : c.headings.where}\n${where.join('\n')}`;
}

/** The paths of a published penalty: the bureau that decided it handles it (总局令第107号第四条). */
const PENALTY_PATHS: readonly string[] = [
  'penalty-publicity-repair',
  'penalty-auto-expiry',
  'penalty-not-repairable',
];

/** A short script (3–6 sentences) for hotline staff to read to a caller. */
export function readAloud(det: Determination, facts: Facts, opts: ExplainOptions = {}): string {
  const k = opts.knowledge ?? loadKnowledge();
  const r = k.guide.common.readAloud;
  const first = det.missing[0];
  if (det.path === 'undetermined') {
    const sentences = [r.undeterminedRoute];
    if (first) sentences.push(fill(r.firstQuestion, { question: questionText(k, first) }));
    else
      sentences.push(
        ...summariseFacts(facts, k)
          .slice(0, 1)
          .map((l) => `${l}。`),
      );
    sentences.push(r.disclaimer);
    return sentences.join('');
  }
  const j = opts.jurisdiction ?? loadJurisdiction();
  const g = k.guide.paths[det.path];
  const route =
    det.path === 'not-covered'
      ? r.noRoute
      : det.eligible === null && !det.missing.length
        ? r.warningRoute
        : r.route;
  const sentences = [fill(route, { title: g.title })];
  const firstUnmet = det.reasons.find((x) => !x.met);
  if (det.path === 'penalty-auto-expiry') sentences.push(r.nothingToApply);
  else if (det.path === 'penalty-not-repairable') sentences.push(r.notRepairable);
  else if (det.eligible === true) sentences.push(r.eligible);
  else if (firstUnmet) sentences.push(reasonSentence(firstUnmet, facts, k));
  else if (first) sentences.push(fill(r.pending, { question: questionText(k, first) }));
  else if (det.eligible === null) sentences.push(r.warning);
  else {
    const why = det.reasons.find(isRouteReason);
    if (why) sentences.push(reasonSentence(why, facts, k));
  }
  if (det.documents.length) {
    sentences.push(
      fill(r.documents, { documents: det.documents.map((d) => quoted(k.labels.documents[d])).join('和') }),
    );
  }
  if (det.dates?.earliestApply && !firstUnmet?.values?.date)
    sentences.push(fill(r.earliestApply, { date: proseDate(det.dates.earliestApply, k) }));
  if (det.deadline) {
    const { workingDays: days, acceptanceWorkingDays: acceptDays, from } = det.deadline;
    const t =
      acceptDays !== undefined && from === 'acceptance'
        ? r.deadlineAcceptance
        : from === 'receipt'
          ? r.deadlineReceipt
          : r.deadlineVerification;
    sentences.push(fill(t, { days, acceptDays: acceptDays ?? 0 }));
  }
  const home = facts.inJurisdiction === false && det.path === 'standard-repair';
  sentences.push(
    fill(
      isRuledOut(det) ? r.ruledOut : home ? k.guide.common.outOfCountyWhere : g.hotline,
      jurisdictionValues(j, k),
    ),
  );
  sentences.push(r.disclaimer);
  return sentences.join('');
}

function valueLabel(fact: FactName, value: unknown, k: Knowledge): string {
  const spec = FACT_KINDS[fact];
  const v = k.guide.common.values;
  switch (spec.kind) {
    case 'enum': {
      const labels = k.labels.values[fact as keyof Knowledge['labels']['values']] as
        | Record<string, string>
        | undefined;
      return labels?.[value as string] ?? String(value);
    }
    case 'boolean': {
      const choice =
        fact === 'docType' ? undefined : k.questions[fact].choices?.find((c) => c.value === value);
      return choice?.label ?? (value ? v.yes : v.no);
    }
    case 'year':
      return fill(v.year, { value: String(value) });
    case 'count':
      return fill(v.count, { value: String(value) });
    case 'amount':
      return fill(v.amount, { value: String(value) });
    case 'date':
      return proseDate(String(value), k);
  }
}

/** One line per known fact: its label and the label of its value. */
export function summariseFacts(facts: Facts, knowledge?: Knowledge): string[] {
  const k = knowledge ?? loadKnowledge();
  return FACT_NAMES.filter((f) => facts[f] !== undefined && facts[f] !== null).map(
    (f) => `${k.labels.facts[f]}：${valueLabel(f, facts[f], k)}`,
  );
}

/**
 * The FAQ answer with its basis, or undefined for an unknown id. The bureau, portals and contacts come
 * from the jurisdiction; unset contacts say 请咨询当地市场监管部门.
 */
export function faqAnswer(
  id: string,
  knowledge?: Knowledge,
  jurisdiction?: Jurisdiction,
): string | undefined {
  const k = knowledge ?? loadKnowledge();
  const entry = k.faq.find((e) => e.id === id);
  if (!entry) return undefined;
  const j = jurisdiction ?? loadJurisdiction();
  const bureauLine = fill(k.guide.common.contacts.bureau, { bureau: j.bureau });
  // The answer names the bureau itself; the contact block adds only what is configured.
  const contacts = contactLines(j, k).filter((l) => l !== bureauLine);
  const answer = fill(entry.answer, { ...jurisdictionValues(j, k), contacts: contacts.join('\n') });
  const basis = basisLines(entry.citations, k).join('；');
  return `${answer}\n\n${k.guide.common.headings.basis}${basis}`;
}

const normalise = (s: string) => s.toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '');

/**
 * The FAQ entry whose keywords best match the text, or undefined. Longer keywords count more, as
 * they are more specific ("严重违法" says more than "查询"); a single one-character hit is noise.
 */
export const FAQ_MIN_SCORE = 2;

// every message is matched against the FAQ keywords: normalise them once per loaded knowledge and
// index them in one trie, so a message is read once, not once per keyword
interface FaqIndex {
  entries: FaqEntry[];
  /** keyword → the positions of the entries listing it (once per listing) */
  byKeyword: Map<string, number[]>;
  keywordsIn: (s: string) => Set<string>;
}
const faqIndexCache = new WeakMap<Knowledge, FaqIndex>();
function faqIndex(k: Knowledge): FaqIndex {
  let cached = faqIndexCache.get(k);
  if (!cached) {
    const byKeyword = new Map<string, number[]>();
    k.faq.forEach((entry, i) => {
      for (const n of entry.keywords.map(normalise).filter(Boolean)) {
        const list = byKeyword.get(n) ?? [];
        list.push(i);
        byKeyword.set(n, list);
      }
    });
    const keywordsIn = wordClasses(Object.fromEntries([...byKeyword.keys()].map((n) => [n, [n]])));
    cached = { entries: k.faq, byKeyword, keywordsIn };
    faqIndexCache.set(k, cached);
  }
  return cached;
}
export function findFaq(text: string, knowledge?: Knowledge): FaqEntry | undefined {
  const k = knowledge ?? loadKnowledge();
  const t = normalise(text);
  if (!t) return undefined;
  const { entries, byKeyword, keywordsIn } = faqIndex(k);
  const score = new Array<number>(entries.length).fill(0);
  for (const n of keywordsIn(t))
    for (const i of byKeyword.get(n) ?? []) score[i] = (score[i] ?? 0) + n.length;
  let best: { entry: FaqEntry; score: number } | undefined;
  entries.forEach((entry, i) => {
    const sc = score[i] as number;
    if (sc >= FAQ_MIN_SCORE && (!best || sc > best.score)) best = { entry, score: sc };
  });
  return best?.entry;
}
