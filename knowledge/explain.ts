// Renders a Determination as the Chinese text a user reads (explain), a short script for hotline
// staff (readAloud), a fact summary, and FAQ answers. All wording comes from the knowledge files;
// this module only arranges it, so the text can be reviewed with the bureau in one place.
import { addWorkingDays } from '../rules/deadline.ts';
import {
  type Determination,
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

const numbered = (lines: string[]) => lines.map((l, i) => `${i + 1}. ${l}`).join('\n');
const quoted = (name: string) => `《${name}》`;
const isRouteReason = (r: Reason) => r.id.startsWith('route:');

function reasonText(k: Knowledge, r: Reason): string {
  const entry = k.reasons[r.id];
  if (!entry) return r.id;
  return r.met ? entry.met : entry.unmet;
}

function questionText(k: Knowledge, fact: FactName): string {
  return fact === 'docType' ? k.labels.facts[fact] : k.questions[fact].question;
}

function contactLines(j: Jurisdiction, k: Knowledge): string[] {
  const c = k.guide.common.contacts;
  const set = [
    j.address && fill(c.address, { address: j.address }),
    j.phone && fill(c.phone, { phone: j.phone }),
    j.hours && fill(c.hours, { hours: j.hours }),
  ];
  const given = set.filter((l): l is string => Boolean(l));
  if (!given.length) return [k.guide.common.noContacts];
  const lines = [fill(c.bureau, { bureau: j.bureau }), ...given];
  if (given.length < set.length) lines.push(k.guide.common.partialContacts);
  return lines;
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
    const days = det.deadline.workingDays;
    lines.push(fill(det.deadline.from === 'receipt' ? d.receipt : d.verification, { days }));
    if (submissionDate) {
      const result = addWorkingDays(submissionDate, days, j.calendar);
      const dateTemplate = det.deadline.from === 'receipt' ? d.dateReceipt : d.dateVerification;
      lines.push(fill(dateTemplate, { submitted: submissionDate, days, date: result.date }));
      if (result.yearsWithoutCalendar.length) {
        lines.push(fill(d.calendarMissing, { years: result.yearsWithoutCalendar.join('、') }));
      }
    }
  }
  if (g.deadline) lines.push(g.deadline);
  return lines;
}

function statusLine(det: Determination, k: Knowledge): string {
  const s = k.guide.common.status;
  if (det.eligible === true) return s.eligible;
  if (det.eligible === false) return det.reasons.some((r) => !r.met) ? s.notEligible : s.notCovered;
  return det.missing.length ? s.pending : s.warning;
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
  const values = jurisdictionValues(j, k);
  const blocks: string[] = [];

  blocks.push(`${c.headings.route}${g.title}\n${g.summary}`);

  const why = det.reasons.filter(isRouteReason).map((r) => reasonText(k, r));
  if (why.length) blocks.push(`${c.headings.why}\n${why.join('\n')}`);

  const conditions = det.reasons.filter((r) => !isRouteReason(r));
  const status = [
    statusLine(det, k),
    ...conditions.filter((r) => !r.met).map((r) => fill(c.unmet, { text: reasonText(k, r) })),
    ...conditions.filter((r) => r.met).map((r) => fill(c.met, { text: reasonText(k, r) })),
  ];
  blocks.push(`${c.headings.status}\n${status.join('\n')}`);

  if (det.missing.length) {
    blocks.push(
      `${c.headings.missing}\n${c.stillNeeded}\n${numbered(det.missing.map((f) => questionText(k, f)))}`,
    );
  }

  if (det.steps.length) {
    blocks.push(`${c.headings.steps}\n${numbered(det.steps.map((s) => fill(k.steps[s] ?? s, values)))}`);
  }

  if (det.documents.length || g.otherMaterials.length) {
    const docs = det.documents.map((id) => {
      const contains = g.documents.find((d) => d.id === id)?.contains;
      const name = quoted(k.labels.documents[id]);
      return contains ? `· ${name}：${contains}` : `· ${name}`;
    });
    const lines = [...docs, ...g.otherMaterials.map((m) => `· ${m}`), ...g.notes];
    blocks.push(`${c.headings.documents}\n${lines.join('\n')}`);
  } else if (g.notes.length) {
    blocks.push(g.notes.join('\n'));
  }

  const deadline = deadlineLines(det, g, k, j, opts.submissionDate);
  if (deadline.length) blocks.push(`${c.headings.deadline}\n${deadline.join('\n')}`);

  const where = [...g.whereToApply.map((w) => fill(w, values)), ...contactLines(j, k)];
  blocks.push(`${c.headings.where}\n${where.join('\n')}`);

  const basis = det.citations.map((id) => k.labels.citations[id] ?? id);
  if (basis.length) blocks.push(`${c.headings.basis}\n${basis.join('\n')}`);

  blocks.push(g.disclaimer);
  return blocks.join('\n\n');
}

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
  if (det.eligible === true) sentences.push(r.eligible);
  else if (firstUnmet) sentences.push(reasonText(k, firstUnmet));
  else if (first) sentences.push(fill(r.pending, { question: questionText(k, first) }));
  else if (det.eligible === null) sentences.push(r.warning);
  else {
    const why = det.reasons.find(isRouteReason);
    if (why) sentences.push(reasonText(k, why));
  }
  if (det.documents.length) {
    sentences.push(
      fill(r.documents, { documents: det.documents.map((d) => quoted(k.labels.documents[d])).join('和') }),
    );
  }
  if (det.deadline) {
    const t = det.deadline.from === 'receipt' ? r.deadlineReceipt : r.deadlineVerification;
    sentences.push(fill(t, { days: det.deadline.workingDays }));
  }
  sentences.push(fill(g.hotline, jurisdictionValues(j, k)));
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
  }
}

/** One line per known fact: its label and the label of its value. */
export function summariseFacts(facts: Facts, knowledge?: Knowledge): string[] {
  const k = knowledge ?? loadKnowledge();
  return FACT_NAMES.filter((f) => facts[f] !== undefined && facts[f] !== null).map(
    (f) => `${k.labels.facts[f]}：${valueLabel(f, facts[f], k)}`,
  );
}

/** The FAQ answer with its basis, or undefined for an unknown id. */
export function faqAnswer(id: string, knowledge?: Knowledge): string | undefined {
  const k = knowledge ?? loadKnowledge();
  const entry = k.faq.find((e) => e.id === id);
  if (!entry) return undefined;
  const basis = entry.citations.map((c) => k.labels.citations[c] ?? c).join('；');
  return `${entry.answer}\n\n${k.guide.common.headings.basis}${basis}`;
}

const normalise = (s: string) => s.toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '');

/**
 * The FAQ entry whose keywords best match the text, or undefined. Longer keywords count more, as
 * they are more specific ("严重违法" says more than "查询"); a single one-character hit is noise.
 */
export const FAQ_MIN_SCORE = 2;
export function findFaq(text: string, knowledge?: Knowledge): FaqEntry | undefined {
  const k = knowledge ?? loadKnowledge();
  const t = normalise(text);
  if (!t) return undefined;
  let best: { entry: FaqEntry; score: number } | undefined;
  for (const entry of k.faq) {
    let score = 0;
    for (const kw of entry.keywords) {
      const n = normalise(kw);
      if (n && t.includes(n)) score += n.length;
    }
    if (score >= FAQ_MIN_SCORE && (!best || score > best.score)) best = { entry, score };
  }
  return best?.entry;
}
