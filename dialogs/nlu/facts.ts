// Facts from free Chinese text. Precision first: a fact is only reported when the wording states it.
// The statements are small named rules (rules/*.ts) read through one scope (rules/scope.ts: questions
// "会被列入吗", negations "并没有重复出错", hedges "好像", hearsay). This module runs them in order: the
// statements, the done/not-done slots, the listing reader, then the named derivations between facts.
import type { FactName, Facts } from '../../rules/types.ts';
import { alt, factLexicon } from './fact-lexicon.ts';
import { clauses } from './normalize.ts';
import { NAME_CHANGE } from './rules/cues.ts';
import { DERIVATIONS, type Derive } from './rules/derivations.ts';
import { DOC_MENTION, DRAFT_VERB, docType } from './rules/documents.ts';
import {
  ADDRESS_CHANGE_TRIGGER,
  ADDRESS_STORY,
  ALL_REPORTS_TRIGGER,
  BARE_CHANGE_TRIGGER,
  doneSlot,
  FILED_AFTER,
  PREVIOUS_REPORT_TRIGGER,
} from './rules/done-slots.ts';
import { factRuleSet } from './rules/index.ts';
import { LISTING_A_NOT_A, listingHits } from './rules/listing-hits.ts';
import { runRules } from './rules/pattern-rule.ts';
import { scopeOf, statedAt } from './rules/scope.ts';

export { SERIOUS_LIST } from './rules/listing-hits.ts';

/** The derivations' names, in order (for tests and `ask`). */
export const DERIVATION_NAMES = DERIVATIONS.map((d) => d.name);

export interface Extracted {
  facts: Facts;
  hedged: FactName[];
  /** what the wording does beside stating facts, for the intent features (e.g. asks whether listed) */
  signals: string[];
}

type Value = Facts[FactName];
interface Hit {
  fact: FactName;
  value: Value;
  pos: number;
  len?: number;
}

let ellipsisRe: RegExp | undefined;
/** 「去年的还冇交」: the previous year's (report) before a state word, the noun left out. */
const reportEllipsis = () =>
  (ellipsisRe ??= new RegExp(
    `(?:上一?个?年度?|去年|前一年|上年)的(?=${alt(factLexicon().reportEllipsis.states)})`,
    'g',
  ));

/** Extract facts from already-normalised text (see normalize.ts). */
export function extractFacts(
  s: string,
  now: Date,
  opts: { without?: string; addressStory?: boolean } = {},
): Extracted {
  const cls = clauses(s);
  // a hedge covers what follows it in its clause ("合作社被列异常好像是因为年报": the type and the
  // listing are stated, the reason is not); hearsay states nothing (scope.ts)
  const scope = scopeOf(s, cls);
  const hedgedClause = (pos: number) => scope.hedgedAt(pos);
  const hits: Hit[] = [];
  const hedged = new Set<FactName>();
  const add = (fact: FactName, value: Value | undefined, pos: number, len = 1) => {
    if (value === undefined) return;
    const reading = statedAt(scope, pos, len, fact);
    if (reading === 'hedged') hedged.add(fact);
    else if (reading === 'stated') hits.push({ fact, value, pos });
  };
  for (const h of runRules(s, scope, factRuleSet())) {
    if (h.reading === 'hedged') hedged.add(h.fact);
    else hits.push({ fact: h.fact, value: h.value, pos: h.pos, len: h.len });
  }
  const signals: string[] = [];
  for (const h of doneSlot(s, cls, ADDRESS_CHANGE_TRIGGER))
    add('addressChangeRegistered', h.value, h.pos, h.len);
  // "因为住所联系不上被列异常了，变更还没办": a bare 变更 after an address story is the address change
  if (
    !hits.some((h) => h.fact === 'addressChangeRegistered') &&
    (ADDRESS_STORY.test(s) || opts.addressStory) &&
    !NAME_CHANGE.test(s)
  )
    for (const h of doneSlot(s, cls, BARE_CHANGE_TRIGGER))
      add('addressChangeRegistered', h.value, h.pos, h.len);
  for (const h of doneSlot(s, cls, PREVIOUS_REPORT_TRIGGER, FILED_AFTER, true))
    add('previousYearReportFiled', h.value, h.pos, h.len);
  // 「去年的还冇交」: the previous year's report, left unsaid (also in a correction's tail, which
  // does not repeat 年报); not where a fine, tax or fee is what is paid
  if (!/罚|税|费|社保|房租|租金|货款/.test(s))
    for (const h of doneSlot(s, cls, reportEllipsis(), FILED_AFTER, true))
      add('previousYearReportFiled', h.value, h.pos, h.len);
  for (const h of doneSlot(s, cls, ALL_REPORTS_TRIGGER, FILED_AFTER, true))
    add('allOverdueReportsFiled', h.value, h.pos, h.len);
  let askedSelf = false;
  for (const h of listingHits(s, cls)) {
    if (h.value === 'asked' || h.value === 'asked-now') signals.push(`S:listing-${h.value}`);
    else if (h.value === 'asked-self') {
      askedSelf = true;
      add('listed', false, h.pos, 2);
    } else add('listed', h.value, h.pos, 2);
  }
  if (LISTING_A_NOT_A.test(s)) signals.push('S:listing-asked-now');
  // a document named without a verb asking to write it is a question about it, not a draft request
  if (DOC_MENTION.test(s) && !DRAFT_VERB.test(s)) signals.push('S:doc-mentioned');

  const facts: Facts = {};
  // the later statement wins ("之前没补，现在补了"); for the entity type the first mention names the
  // user, unless a mention is singled out among several businesses (「合作社这个怎么办」)
  const sorted = [...hits].sort((a, b) => a.pos - b.pos);
  const pointed = factLexicon().pointedMention.words;
  const singled = sorted
    .filter((h) => h.fact === 'entityType' && pointed.some((w) => s.startsWith(w, h.pos + (h.len ?? 0))))
    .at(-1);
  for (const h of sorted) {
    if (h.fact === 'entityType' && (facts.entityType || (singled && h !== singled))) continue;
    (facts as Record<string, Value>)[h.fact] = h.value;
  }
  for (const name of Object.keys(facts) as FactName[]) hedged.delete(name);

  // facts derived after the first pass keep an earlier, more direct statement
  const set = (fact: FactName, value: Value | undefined, pos: number) => {
    if (value === undefined) return;
    if (hedgedClause(pos)) hedged.add(fact);
    else (facts as Record<string, Value>)[fact] ??= value;
  };

  const listedPos = sorted.find((h) => h.fact === 'listed' && h.value === true)?.pos;
  const derive: Derive = {
    s,
    now,
    cls,
    facts,
    signals,
    listedPos,
    askedSelf,
    addressStory: opts.addressStory === true,
    set,
    hedgedClause,
  };
  // `without` leaves one derivation out, so a test can show what it contributes
  for (const d of DERIVATIONS) if (d.name !== opts.without) d.run(derive);
  const doc = docType(s);
  if (doc) facts.docType = doc;

  for (const name of Object.keys(facts) as FactName[]) hedged.delete(name);
  return { facts, hedged: [...hedged], signals: [...new Set(signals)] };
}
