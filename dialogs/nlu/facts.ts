// Facts from free Chinese text. Precision first: a fact is only reported when the wording states it.
// The statements are small named rules (rules/*.ts) read through one scope (rules/scope.ts: questions
// "会被列入吗", negations "并没有重复出错", hedges "好像", hearsay). This module runs them in order: the
// statements, the done/not-done slots, the listing reader, then the named derivations between facts.
import type { FactName, Facts } from '../../rules/types.ts';
import { alt, factLexicon } from './fact-lexicon.ts';
import { matchesOf } from './matches.ts';
import { clauses } from './normalize.ts';
import { NAME_CHANGE } from './rules/cues.ts';
import { DERIVATIONS, type Derive } from './rules/derivations.ts';
import { DOC_MENTION, DRAFT_VERB, docType } from './rules/documents.ts';
import {
  ADDRESS_CHANGE_TRIGGER,
  ADDRESS_STORY,
  ALL_REPORTS_NAMED,
  ALL_REPORTS_TRIGGER,
  BARE_CHANGE_TRIGGER,
  doneSlot,
  FILED_AFTER,
  OTHER_YEARS,
  PREVIOUS_REPORT_TRIGGER,
} from './rules/done-slots.ts';
import { factRuleSet } from './rules/index.ts';
import { LISTING_A_NOT_A, listingHits } from './rules/listing-hits.ts';
import { runRules } from './rules/pattern-rule.ts';
import { clauseAt, scopeOf, statedAt } from './rules/scope.ts';
import { resolveYear } from './years.ts';

export { SERIOUS_LIST } from './rules/listing-hits.ts';

/** The derivations' names, in order (for tests and `ask`). */
export const DERIVATION_NAMES = DERIVATIONS.map((d) => d.name);

export interface Extracted {
  facts: Facts;
  hedged: FactName[];
  /** what the wording does beside stating facts, for the intent features (e.g. asks whether listed) */
  signals: string[];
  /** facts that follow from what the text says without its saying them (derivations' imply) */
  implied: Facts;
}

type Value = Facts[FactName];
interface Hit {
  fact: FactName;
  value: Value;
  pos: number;
  len?: number;
}

/**
 * The previous year's report named by its year (「25年度那份」「2025年度的纸质年报」 read on a day of 2026)
 * or as the latest one (「最近那年的」): the same task as 上一年度's report (四(三)一).
 */
const namedPreviousYear = (now: Date) => {
  const y = now.getFullYear() - 1;
  return `(?:${y}|${String(y).slice(2)})年度|最近(?:的)?(?:那|一)个?年度?`;
};
const yearTriggers = new Map<number, { named: RegExp; ellipsis: RegExp; contrasted: RegExp }>();
function previousYearTriggers(now: Date) {
  const key = now.getFullYear();
  let t = yearTriggers.get(key);
  if (!t) {
    const named = namedPreviousYear(now);
    const { states: said, filedStates } = factLexicon().reportEllipsis;
    const states = alt(said);
    const namedStates = alt([...said, ...filedStates]);
    t = {
      // 「25年度那份纸质的」「最近一年的年报」; 「补了最近一年的」 ends the clause with it
      named: new RegExp(
        `(?:${named})(?:的)?(?:那一?份|那个)?(?:的)?(?:(?:纸质版?|纸版)(?:的)?)?(?:年报|年度报告)|(?:${named})(?:的)?(?:那一?份|那个)(?:的)?(?:纸质版?|纸版)?|(?:${named})的(?=$|[，,。;； ])`,
        'g',
      ),
      // 「去年的还冇交」「二五年度的补哒」: the previous year's (report) before a state word, the noun left out;
      // 「只补了去年的」 ends the clause with it, the filing verb before
      ellipsis: new RegExp(
        `(?:上一?个?年度?|去年|前一年|上年)的(?=${states}|$|[，,。;； ])|(?:${named})的(?=${namedStates})`,
        'g',
      ),
      // 「去年的补哒 还有一年的冇补」: beside another year's report told as not filed, 去年的 with a
      // filing verb is that report too, not the year of the filing
      contrasted: new RegExp(`(?:上一?个?年度?|去年|前一年|上年)的(?=${alt(filedStates)})`, 'g'),
    };
    yearTriggers.set(key, t);
  }
  return t;
}
/** 「还有一年的冇补」「前年的还没交」: another year's report (not the previous one) told as not filed */
const OTHER_REPORT_UNFILED =
  /(?:(?:还有|另外|其他|剩下)的?(?:[一两几]个?)?年度?|(?<!大)前年|大前年|(?<!\d)\d{2,4}年度?)的(?:那份)?(?:也|还|都)?(?:没有?|未)(?:补|交|报)/;
/** a report named by its year: 「22年度那份」「2022年度的年报」 */
const EARLIER_YEAR_REPORT =
  /(?<!\d)(?:(?:19|20)\d{2}|\d{2})年度(?:的)?(?:那一?份|那个)?(?:的)?(?:纸质版?|纸版)?(?:年报|年度报告)?/g;
/** 「…那份还没补」: still missing now (「因为2019年度年报没报」 tells the listing's cause instead) */
const STILL_MISSING = /^[^，,。;；]{0,18}?还(?:没有?|未|差)(?:去)?(?:补|交|报|公示|提交)/;
/** 「那份…」: a clause that takes up the report just named */
const REPORT_AGAIN = /^(?:但是?|可|可是)?(?:那一?份|这一?份|到现在|至今|现在)/;
/** 「上一年度那份纸质的」: the previous year's paper report, a measure word between */
const PREVIOUS_REPORT_PIECE =
  /(?:上一?个?年度?|去年|前一年|上年)(?:的)?(?:(?:那一?份|那个)(?:的)?(?:纸质版?|纸版)?|那一?年的(?=$|[，,。;； ]))/g;

/** Extract facts from already-normalised text (see normalize.ts). */
export function extractFacts(
  s: string,
  now: Date,
  opts: { without?: string; addressStory?: boolean; bufferStory?: boolean; errorStory?: boolean } = {},
): Extracted {
  const cls = clauses(s);
  // a hedge covers what follows it in its clause ("合作社被列异常好像是因为年报": the type and the
  // listing are stated, the reason is not); hearsay states nothing (scope.ts)
  const scope = scopeOf(s, cls);
  const hits: Hit[] = [];
  const hedged = new Set<FactName>();
  // The per-message helpers are methods, not arrow functions: tsx compiles with esbuild's keepNames,
  // which names every arrow function held in a variable by a defineProperty call each time it is
  // created (about 0.5 µs each, on every message); a method keeps its name without one.
  const { hedgedClause, add } = {
    hedgedClause(pos: number) {
      return scope.hedgedAt(pos);
    },
    add(fact: FactName, value: Value | undefined, pos: number, len = 1) {
      if (value === undefined) return;
      // a "done" with a plan inside its words (「欠的年报我打算下个月全部补上」) has not happened, as for
      // the pattern rules (scope.ts readHit); a "not yet" keeps its plan (「还在准备」 is not filed)
      if (value === true && scope.unrealisedAt(pos, len)) return;
      const reading = statedAt(scope, pos, len, fact);
      if (reading === 'hedged') hedged.add(fact);
      else if (reading === 'stated') hits.push({ fact, value, pos });
    },
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
  const years = previousYearTriggers(now);
  for (const trigger of [PREVIOUS_REPORT_TRIGGER, PREVIOUS_REPORT_PIECE, years.named])
    for (const h of doneSlot(s, cls, trigger, FILED_AFTER, true))
      add('previousYearReportFiled', h.value, h.pos, h.len);
  // 「去年的还冇交」: the previous year's report, left unsaid (also in a correction's tail, which
  // does not repeat 年报); not where a fine, tax or fee is what is paid
  if (!/罚|税|费|社保|房租|租金|货款/.test(s)) {
    for (const h of doneSlot(s, cls, years.ellipsis, FILED_AFTER, true))
      add('previousYearReportFiled', h.value, h.pos, h.len);
    // (「因为没年报 去年的补交了」: where the reports are spoken of, too)
    if (OTHER_REPORT_UNFILED.test(s) || /年报|年度报告/.test(s))
      for (const h of doneSlot(s, cls, years.contrasted, FILED_AFTER, true))
        add('previousYearReportFiled', h.value, h.pos, h.len);
  }
  // the shorter names of the reports only where the reports are spoken of, and no fine, tax or fee is
  // what is paid (「所有年度的罚款都交了」)
  const reportsTalk = /年报|年度报告/.test(s) && !/罚|税|费|社保|房租|租金|货款/.test(s);
  for (const trigger of reportsTalk ? [ALL_REPORTS_TRIGGER, ALL_REPORTS_NAMED] : [ALL_REPORTS_TRIGGER])
    for (const h of doneSlot(s, cls, trigger, FILED_AFTER, true))
      add('allOverdueReportsFiled', h.value, h.pos, h.len);
  // 「22年度那份还冇补」: a report of a year before the previous one still missing, so not every
  // overdue report is filed (one such year filed says nothing of the others)
  // (「2024年度和2025年度的还没补」: the years joined before one state)
  let yearStillMissing = false;
  for (const m of matchesOf(EARLIER_YEAR_REPORT, s)) {
    const c = clauseAt(cls, m.index);
    const rest = c ? s.slice(m.index, c.end) : '';
    // 「二二年度那份就是当时被列的原因 那份到现在还冇补」: a later clause taking the report up again
    const again = cls.find(
      (x) => x.start > m.index && REPORT_AGAIN.test(x.text) && STILL_MISSING.test(x.text),
    );
    const year = resolveYear(m[0].match(/^\d+/)?.[0] ?? '', now);
    if ((STILL_MISSING.test(rest) || again) && year !== undefined && year < now.getFullYear() - 1) {
      add('allOverdueReportsFiled', false, m.index, rest.length);
      yearStillMissing = true;
    }
  }
  let askedSelf = false;
  const listing = listingHits(s, cls);
  // 「显示我们有经营异常记录 …会不会被拉黑」: asked beside a listing told, "would we be" asks about
  // a further mark, not whether the business is listed yet
  const toldListed = listing.some((h) => h.value === true);
  for (const h of listing) {
    if (h.value === 'asked' || h.value === 'asked-now' || (h.value === 'asked-self' && toldListed))
      signals.push(`S:listing-${h.value === 'asked-now' ? 'asked-now' : 'asked'}`);
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
  // 「他一下说是公司一下说是个体」: two types told in turn, unsure, name neither
  const types = new Set(sorted.filter((h) => h.fact === 'entityType').map((h) => h.value));
  const wavering = types.size > 1 && factLexicon().typeWavering.words.some((w) => s.includes(w));
  for (const h of sorted) {
    if (h.fact === 'entityType' && (facts.entityType || wavering || (singled && h !== singled))) continue;
    (facts as Record<string, Value>)[h.fact] = h.value;
  }
  for (const name of Object.keys(facts) as FactName[]) hedged.delete(name);
  // 「2021年度那份到现在还冇公示 其他几年的是补了的」: "the other years" filed beside a year still
  // missing is not every year filed, whichever is told last
  if (yearStillMissing && facts.allOverdueReportsFiled === true && OTHER_YEARS.test(s))
    facts.allOverdueReportsFiled = false;

  // facts derived after the first pass keep an earlier, more direct statement
  const implied: Facts = {};
  const { set, imply } = {
    set(fact: FactName, value: Value | undefined, pos: number) {
      if (value === undefined) return;
      // (「提醒以后如果当天就改了的话 能不能不列」: a "done" in a supposed clause has not happened, as in add)
      if (value === true && scope.unrealisedAt(pos)) return;
      if (hedgedClause(pos)) hedged.add(fact);
      else (facts as Record<string, Value>)[fact] ??= value;
    },
    imply(fact: FactName, value: Value | undefined, pos: number) {
      if (value === undefined || hedgedClause(pos) || facts[fact] !== undefined) return;
      (implied as Record<string, Value>)[fact] ??= value;
    },
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
    bufferStory: opts.bufferStory === true,
    errorStory: opts.errorStory === true,
    set,
    imply,
    hedgedClause,
  };
  // `without` leaves one derivation out, so a test can show what it contributes
  for (const d of DERIVATIONS) if (d.name !== opts.without) d.run(derive);
  const doc = docType(s);
  if (doc) facts.docType = doc;

  for (const name of Object.keys(facts) as FactName[]) {
    hedged.delete(name);
    delete implied[name];
  }
  return { facts, hedged: [...hedged], signals: [...new Set(signals)], implied };
}
