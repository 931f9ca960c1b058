// Understanding free Chinese text: intent (natural's Bayes classifier on jieba-token features, with
// a few high-precision lexicon rules in front), facts (patterns in facts.ts and the named lexicon
// rules in lexicon-rules.ts), corrections and the questions a message asks (discourse.ts).
import { findFaq } from '../../knowledge/explain.ts';
import { loadKeywords, loadPhrases } from '../../knowledge/nlu/load.ts';
import { INFO_CORRECTION_REASONS } from '../../rules/routes.ts';
import { FACT_KINDS, type FactName, type Facts } from '../../rules/types.ts';
import { parseAnswer, readAnswer } from './answer.ts';
import { corrections as correctionsIn, correctionTail, questionClauses } from './discourse.ts';
import { alt, factLexicon } from './fact-lexicon.ts';
import { extractFacts, SERIOUS_LIST } from './facts.ts';
import { hedgeGuessedFacts, isStep, withoutGuesses } from './guessed-progress.ts';
import { hasAny, lexicon, matchesAny, withoutNonQuestions } from './lexicon.ts';
import { applyRules } from './lexicon-rules.ts';
import { licenceObtainedAfterUnlicensed } from './licence-obtained.ts';
import { believedIn, withoutMistakenBeliefs } from './mistaken-belief.ts';
import { loadModel, type Model, scoreText } from './model.ts';
import { clauses, normalize } from './normalize.ts';
import {
  filesTheOnlyYearOwed,
  namesOnlyOtherReportYears,
  reportYearUnknown,
  setsReportYearsApart,
  withholdOneYearFiling,
} from './one-year-report.ts';
import { withoutPastListings } from './past-listing.ts';
import { A_NOT_A } from './question-cues.ts';
import { retractedFacts, retractedUntold, withoutRetractedSayings } from './retracted-saying.ts';
import { infoCorrectedIn } from './rules/derivations.ts';
import { asksWhetherNeeded } from './rules/documents.ts';
import { errorKind } from './rules/error-kind.ts';
import { LISTED_YEAR } from './rules/listed-year.ts';
import { causeOfToldListing, listingReason } from './rules/listing-reason.ts';
import { publicationAfterFiling, throughNextClause } from './rules/publication.ts';
import { relayedRule } from './rules/scope.ts';
import { spokenFacts } from './rules/spoken.ts';
import { secondListing } from './second-listing.ts';
import { withSettledGuesses } from './settled-guess.ts';
import { withoutTermsAsked } from './term-asked.ts';
import { tokenize } from './tokens.ts';
import { resolveYear, YEAR_SRC } from './years.ts';

export { parseAnswer };

export const INTENTS = [
  'repair',
  'address_change',
  'minor_error',
  'revocation_risk',
  'documents',
  'timeline',
  'how_to_apply',
  'draft',
  'check_status',
  'policy_info',
  'smalltalk',
  'human',
  'out_of_scope',
] as const;
export type Intent = (typeof INTENTS)[number];

export interface Understanding {
  intent: Intent;
  confidence: number;
  alternatives: { intent: Intent; confidence: number }[];
  facts: Facts;
  hedged: FactName[];
  /** facts the user explicitly corrected in this message (「说错了，不是公司，是个体户」); they replace earlier values */
  corrections: Facts;
  /** every question the message asks, in order (「要多少钱 多久能好」 → two) */
  questions: Intent[];
  /** FAQ topic ids recognised in those questions, in order */
  topics: string[];
  /** the answer to the pending question, wherever it stands in the sentence */
  answer?: { fact: FactName; value: Facts[FactName] };
  /** one year's report was said to be filed: allOverdueReportsFiled withheld, to be asked back (one-year-report.ts) */
  oneYearReport?: true;
  /** a report was told whose year the writer does not know: the filing facts withheld, asked back (one-year-report.ts) */
  reportYearUnknown?: true;
  /**
   * facts that follow from the message without its stating them (「提醒后当天就改好了」: the correction
   * period met); the case takes them where it knows nothing else, `facts` does not report them
   */
  implied?: Facts;
  tokens?: string[];
}

/** Below this the engine asks a clarifying question offering `alternatives`. */
export const CONFIDENCE_FLOOR = 0.5;

/** Confidence given to an intent decided by a keyword rule rather than the classifier. */
const RULE_CONFIDENCE = 0.95;

let model: Model | undefined;
export function nluModel(): Model {
  model ??= loadModel();
  return model;
}

/**
 * Load the model, the lexicon, the segmenter, OpenCC and the FAQ now, and read one training phrase
 * per intent (once as an answer too), so the patterns compiled on first use are ready and no user's
 * turn pays for any of it.
 */
export function warmUp(): void {
  nluModel();
  findFaq('');
  const seen = new Set<string>();
  for (const p of loadPhrases()) {
    if (seen.has(p.intent)) continue;
    seen.add(p.intent);
    understand(p.text);
    understand(p.text, { pending: 'listed' });
  }
}

/** Every fact a piece of normalised text states: the older patterns, then the named lexicon rules. */
/**
 * What earlier messages told of the case, framing how this one is read: the open question, the record
 * being repaired, why it was listed, and whether it is a punishment-buffer story (the business left its
 * registered address and is not listed: a penalty told then is an other violation, not a record).
 */
interface CaseFrame {
  pending?: FactName;
  record?: Facts['recordType'];
  listedFor?: Facts['listingReason'];
  /** the second listing on record (alsoListedFor), read as listedFor is where it matters */
  alsoListedFor?: Facts['listingReason'];
  bufferStory?: boolean;
  /** the case is a published-information error and no listing (its kind told before) */
  errorStory?: boolean;
}

function statedFacts(
  told: string,
  now: Date,
  { pending, record, listedFor, alsoListedFor, bufferStory, errorStory }: CaseFrame = {},
): { facts: Facts; hedged: FactName[]; signals: string[]; patterned: Facts; implied: Facts } {
  // a listing told as already removed is history: read the message without it (past-listing.ts)
  const past = withoutPastListings(told);
  // what the writer wrongly believed states nothing (mistaken-belief.ts), nor a term they ask the
  // meaning of (term-asked.ts), nor what they said before and now take back (retracted-saying.ts);
  // a guess said again at once, sure, is told (settled-guess.ts)
  const s = withSettledGuesses(
    withoutRetractedSayings(
      withoutTermsAsked(withoutMistakenBeliefs(past?.text ?? told)),
      (t) => statedFacts(t, now).facts,
    ),
  );
  const { facts, hedged, signals, implied } = extractFacts(s, now, {
    addressStory: listedFor === 'unreachable_at_address',
    bufferStory: bufferStory === true,
    errorStory: errorStory === true,
  });
  const patterned = { ...facts };
  const frame = {
    ...(pending && { pending }),
    ...(record && { record }),
    ...(bufferStory && { bufferStory }),
    ...(errorStory && { errorStory }),
  };
  const ruled = applyRules(s, now, facts, frame);
  const out = facts as Record<string, unknown>;
  for (const [k, v] of Object.entries(ruled.facts)) if (out[k] === undefined) out[k] = v;
  for (const h of ruled.hedged) if (out[h] === undefined) hedged.push(h as FactName);
  const spoken = spokenFacts(s, now, facts, frame);
  // laterNotYetStands: the spoken rules read words more closely and replace the named rules' reading,
  // but not a step told not done yet AFTER what they read as done (「广告也撤了 还没整改」: the ad is
  // down, the rectification still to come); the later statement wins, as within each rule set
  for (const [k, v] of Object.entries(spoken.facts))
    if (v === true && ruled.facts[k] === false && (ruled.at[k] ?? -1) > (spoken.at[k] ?? -1))
      delete (spoken.facts as Record<string, unknown>)[k];
  Object.assign(facts, spoken.facts);
  for (const h of spoken.hedged) if (out[h] === undefined && !hedged.includes(h)) hedged.push(h);
  derive(s, facts, now, record);
  filedMeansPublished(s, facts, hedged);
  if (past) removedListingIsHistory(past, facts, now, listedFor);
  infoCorrectedOnRecord(s, facts, [listedFor, alsoListedFor]);
  // a step told done only as a guess (「应该补了吧」), whichever reader found it, is asked back
  const sameFrame = { pending, record, listedFor, alsoListedFor, bufferStory, errorStory };
  hedgeGuessedFacts(s, { facts, hedged, implied }, (t) => statedFacts(t, now, sameFrame));
  return { facts, hedged, signals, patterned, implied };
}

/**
 * infoCorrectedOnRecord: a listing on record for false, unpublished or unregistered information (told
 * in an earlier message, first or second), and 「股东变更的信息也已经公示上去了」 now: that information
 * is corrected. A message that names a listing cause of its own is read by the derivations instead.
 */
function infoCorrectedOnRecord(s: string, facts: Facts, onRecord: Facts['listingReason'][]): void {
  if (facts.infoCorrected !== undefined || facts.listingReason !== undefined) return;
  if (!onRecord.some((r) => r !== undefined && INFO_CORRECTION_REASONS.has(r))) return;
  const told = infoCorrectedIn(s);
  if (told !== undefined) facts.infoCorrected = told;
}

/**
 * removedListingIsHistory: the business told of with its removed listing is still the writer's (「我们公司
 * 前年被列过一次 后来移出来了」 is a company's), and when nothing else in the message speaks of a
 * listing, the business is not listed now.
 */
function removedListingIsHistory(
  past: NonNullable<ReturnType<typeof withoutPastListings>>,
  facts: Facts,
  now: Date,
  listedFor: Facts['listingReason'],
): void {
  const told = extractFacts(past.history, now).facts;
  const f = facts as Record<string, unknown>;
  for (const k of ['entityType', 'isBranch', 'inJurisdiction'] as const)
    if (told[k] !== undefined) f[k] ??= told[k];
  if (past.listingStillTold || facts.listed !== undefined || facts.recordType === 'serious_list') return;
  // 「另外以前地址那条异常早就移出去了」 beside the annual-report listing the case is about: another
  // listing's history (of another cause, or told as earlier when its cause is not named), which leaves
  // this one standing; 「那次后来办了住所变更 已经移出来了」 of the same cause is this one, removed
  if (listedFor !== undefined) {
    const cause = causeOfToldListing(past.history);
    const earlier = factLexicon().removedListing.earlier.some((w) => past.history.includes(w));
    if (cause !== undefined ? cause !== listedFor : earlier) return;
  }
  facts.listed = false;
}

/**
 * Named derivations between facts (each states why):
 * - penaltyIsNotAnotherViolation: a penalty the user wants repaired is the subject, not an
 *   "other violation" of the punishment-buffer question.
 * - keySectorIsNotSafetyExclusion: a food or drug business's penalty is a key-sector penalty
 *   (总局令第107号 art. 8), not the minor-error exclusion of 五(二)三; a penalty repeated is not a
 *   published-information error repeated.
 * - seriousListHasNoPenaltyDetails: when the serious list is the record to repair, 「罚款早交了」 says
 *   the obligations are met; the kind, amount, authority and publication of a penalty (DOMAIN.md §3a)
 *   describe an administrative-penalty record, which is not the one asked about.
 *   A serious-list story that never names the 经营异常名录 states no abnormal listing (黑名单 is the
 *   serious list there).
 * - boundIsNotTheYear: 「2020年以前就被标了 具体哪年忘了」 bounds the listing year, it does not name it;
 *   whichever reader took that year as the listing year, it is dropped (the year is asked).
 * - setAsideListingIsNotOurs: 「我表哥那店去年被列了 … 不用管他的 我问我自己这个」 sets another person's
 *   listing aside (listing-hits.ts), so the year and cause told with it are theirs too.
 * - abnormalListIsTheListing: the 经营异常名录 named as the record to repair (recordType abnormal_list,
 *   lexicon-rules record.abnormalWanted) is the business's own listing, with the cause told beside it.
 * - fineAmountIsAFine: an amount fined (「市场监管局罚的2万」) tells a fine where no kind word is said.
 * - penaltyCaseHasNoPublishedError: in a case about a penalty (this message's record or the one told
 *   earlier), 「网页也改了」「不沾食品药品那些」 tell how it was put right and what the trade is, not a
 *   published-information error of 四(四) and its exclusions; a message that names a listing is not
 *   read this way.
 */
function derive(s: string, facts: Facts, now: Date, record?: Facts['recordType']): void {
  const f = facts as Record<string, unknown>;
  if (facts.listedYear !== undefined) {
    for (const m of s.matchAll(YEAR_BOUND))
      if (resolveYear(m[1] ?? '', now) === facts.listedYear) delete f.listedYear;
  }
  if (facts.listed === undefined && factLexicon().setAside.cues.some((c) => s.includes(c))) {
    delete f.listedYear;
    delete f.listingReason;
  }
  if (f.recordType !== undefined && facts.operatingAtRegisteredAddress === undefined)
    delete f.otherViolations;
  if (f.recordType !== undefined && facts.errorKind === undefined) {
    delete f.safetyRelated;
    // 「同样的问题又被罚了」 is a repeated penalty (repeatSameTypePenalty), not a repeated published-information error
    delete f.repeatedSameError;
  }
  // (in a case about the serious list, 「限制措施也结束了」 is the list's measure over, 第十三条 — only where
  // a 措施 is named: a 停业 served is no word on the statutory measures)
  if (
    (f.recordType ?? record) === 'serious_list' &&
    typeof f.restrictionEnded === 'boolean' &&
    s.includes('措施')
  )
    f.statutoryMeasureRunning ??= !f.restrictionEnded;
  if (f.recordType === 'serious_list') {
    for (const k of PENALTY_RECORD_FACTS) delete f[k];
    // 「上了黑名单 就是那个严重违法失信的」: the 黑名单 is that list, not the 经营异常名录; nor is the
    // year it was put on that list (「去年5月20号进的严重失信名单」) the year of an abnormal listing
    if (!hasAny(s, loadKeywords().listingMatters)) {
      delete f.listed;
      delete f.listedYear;
    }
  }
  // abnormalListIsTheListing (「不是严重违法失信 是经营异常 因为年报冇按时报」)
  if (f.recordType === 'abnormal_list' && facts.listed === undefined) {
    f.listed = true;
    const cause = facts.listingReason === undefined ? listingReason(s) : undefined;
    if (cause) f.listingReason = cause.value;
  }
  // fineAmountIsAFine: 「市场监管局罚的2万」 names no kind word, but an amount fined is a fine
  if (
    facts.fineAmountYuan !== undefined &&
    facts.penaltyKind === undefined &&
    f.recordType === 'admin_penalty'
  )
    f.penaltyKind = 'fine';
  const caseRecord = f.recordType ?? record;
  if (caseRecord !== undefined && caseRecord !== 'abnormal_list' && !namesListing(facts))
    for (const k of MINOR_ERROR_FACTS) delete f[k];
}

const namesListing = (facts: Facts) => facts.listed !== undefined || facts.listingReason !== undefined;

/** The facts of a published-information error and its exclusions (四(四), 五(二)三). */
const MINOR_ERROR_FACTS = ['errorKind', 'safetyRelated', 'repeatedSameError'] as const;

/**
 * filedMeansPublished: a report is filed once it is published too (四(三)一: the previous year's, 补报…
 * 并公示; the standard route: every missing year filed and published). Whichever reader said "filed",
 * a publication the next words deny (「交是交了，但是还没公示」「都补报了 还没公示出来」) makes it not
 * filed, one the writer has not seen (「网上没看到公示」) leaves it open, and one only guessed
 * (「纸质年报交到所里了 应该也公示了吧」) is asked back; the last mention of the report decides.
 */
function filedMeansPublished(s: string, facts: Facts, hedged: FactName[]): void {
  const told = FILED_FACTS.filter((f) => facts[f] === true);
  if (!told.length) return;
  const said = publicationTold(s);
  for (const f of told) {
    if (said === 'denied') facts[f] = false;
    else if (said === 'unseen') delete facts[f];
    else if (said === 'guessed') {
      delete facts[f];
      if (!hedged.includes(f)) hedged.push(f);
    }
  }
}
export const FILED_FACTS = ['previousYearReportFiled', 'allOverdueReportsFiled'] as const;

/**
 * What the words after a report's filing say of its publication: the last mention of the report
 * decides; a message that names no report (an answer: 「补报了 准备下个礼拜去公示」) is read whole.
 */
function publicationTold(s: string): ReturnType<typeof publicationAfterFiling> {
  let said: ReturnType<typeof publicationAfterFiling>;
  let named = false;
  for (const m of s.matchAll(/年报|年度报告|纸质/g)) {
    named = true;
    // (「所有没报的年报 21年到23年的 都已经补报还没公示」: the years named between, the filing and its
    // publication told in a later clause; read on to the clause that tells the filing)
    const rest = throughFiling(s, m.index);
    // (「因年报未公示列异」: the cause of the listing, not how the filing stands)
    if (!hasAny(rest, lexicon().grammar.listingWords)) said = publicationAfterFiling(rest);
  }
  if (!named && !hasAny(s, lexicon().grammar.listingWords)) said = publicationAfterFiling(s);
  return said;
}

/** The text from a report's mention through the next clause, or on through the first clause (of the
 * next three) that tells a filing, when the two after the mention tell none. */
function throughFiling(s: string, pos: number): string {
  const near = throughNextClause(s, pos);
  if (FILING_VERB.test(near.slice(2))) return near;
  const more = throughNextClause(s, pos + near.length + 1);
  const onward = `${near}${s.slice(pos + near.length, pos + near.length + 1)}${more}`;
  return FILING_VERB.test(more) ? onward : near;
}
const FILING_VERB = /补报|补交|补齐|补上|交了|报了|提交/;

const YEAR_BOUND = new RegExp(`(${YEAR_SRC})(?:以前|之前|前(?!年))`, 'g');

/** The facts of an administrative-penalty record (DOMAIN.md §4), not of the serious list. */
const PENALTY_RECORD_FACTS = [
  'issuedByMarketSupervision',
  'penaltyKind',
  'fineMitigated',
  'fineAmountYuan',
  'keySector',
  'penaltyPublishedDate',
  'penaltyDecisionDate',
  'restrictionEnded',
  'repeatSameTypePenalty',
] as const;

/** Facts that describe the user's situation in this domain (a type or a bare "被…列为" does not). */
const situational = (facts: Facts) => Object.keys(facts).some((k) => k !== 'entityType' && k !== 'listed');

/**
 * greetingOnly: 「早上好 吃了没」, 「喂喂 听得到吗 喂」: nothing is left once the greetings and line
 * checks (keyword group greet), the particles and the fillers of a call are taken away.
 */
let contentless: string[] | undefined;
function greetingOnly(s: string): boolean {
  const kw = loadKeywords();
  const greet = kw.groups.greet ?? [];
  if (!hasAny(s, greet)) return false;
  // longest first, sorted once
  contentless ??= [...greet, ...kw.particles, ...kw.lineFillers].sort((a, b) => b.length - a.length);
  let rest = s;
  for (const w of contentless) if (rest.includes(w)) rest = rest.split(w).join('');
  return !/[\u3400-\u9fffa-z]/.test(rest);
}

function ruleIntent(s: string, facts: Facts, signals: string[]): Intent | undefined {
  const kw = loadKeywords();
  if (Object.keys(facts).length === 0 && greetingOnly(s)) return 'smalltalk';
  const core = hasAny(s, kw.coreDomain);
  // "税务异常怎么解除", "个人征信能修复吗": domain-looking words about another authority's matter
  if (!core && !situational(facts) && matchesAny(s, kw.foreignTopics)) return 'out_of_scope';
  // 「我老公开车被交警罚了200块」: a driver's fine, no business's record, though it tells a penalty
  if (
    !core &&
    facts.issuedByMarketSupervision !== true &&
    !hasAny(s, lexicon().penalties.marketSupervision) &&
    matchesAny(s, kw.privateMatters)
  )
    return 'out_of_scope';
  if (facts.docType) return 'draft';
  // the heavier 严重违法失信名单 is explained (FAQ), not interviewed as an 经营异常名录 listing
  // unless the writer tells their own listing there (a repair) or asks whether they are on it (a status)
  if (SERIOUS_LIST.test(s) && !hasAny(s, kw.listingMatters)) {
    if ((facts as Record<string, unknown>).recordType === 'serious_list') return undefined;
    if (hasAny(s, lexicon().penalties.seriousCheckCues)) return 'check_status';
    return 'policy_info';
  }
  // 「较低数额罚款是指多少钱以下」: the meaning of a term of the rules, asked with no record told
  if (
    (facts as Record<string, unknown>).recordType === undefined &&
    hasAny(s, lexicon().penalties.ruleTerms) &&
    hasAny(s, lexicon().grammar.definitionCues)
  )
    return 'policy_info';
  if (matchesAny(s, kw.strongHuman)) return 'human';
  // "我们被列入异常名录了吗" asks for the status; a repair question states the listing instead
  if (signals.includes('S:listing-asked-now') && facts.listed === undefined) return 'check_status';
  return undefined;
}

function softmax(xs: number[], temperature: number): number[] {
  const max = Math.max(...xs);
  const exps = xs.map((x) => Math.exp((x - max) / temperature));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

/**
 * The intent classifier as a turn runs it (segmentation, features, scores), set up on what
 * understanding read from the text, so the benchmark times that step alone: the facts it reads are
 * understanding's work, timed with understand().
 */
export function classifierStep(text: string, now = new Date()): () => Ranked {
  const s = normalize(text);
  const { facts, signals } = statedFacts(s, now);
  return () => classify(s, facts, signals, tokenize(s));
}

function classify(s: string, facts: Facts, signals: string[], words: string[]): Ranked {
  const m = nluModel();
  const { scores, tokens } = scoreText(m, s, facts, signals, words);
  // Naive Bayes adds one log term per token and grows overconfident with length; dividing by a
  // temperature that grows with the token count keeps the confidence usable as a floor.
  const probs = softmax(scores, 1 + tokens / 6);
  return m.labels
    .map((label, i) => ({ intent: label as Intent, confidence: probs[i] as number }))
    .sort((a, b) => b.confidence - a.confidence);
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Move `intent` to the top, keeping the displaced top's confidence for it. */
function promote(ranked: Ranked, intent: Intent): Ranked {
  const target = ranked.find((r) => r.intent === intent);
  const top = ranked[0];
  if (!top || top.intent === intent) return ranked;
  return [
    { intent, confidence: top.confidence },
    ...ranked.filter((r) => r !== target && r !== top),
    { ...top, confidence: target?.confidence ?? 0 },
  ];
}
type Ranked = { intent: Intent; confidence: number }[];

/**
 * Whether the text asks something: a question word of the lexicon, or an A-not-A form
 * (「严重不严重」, 「收不收费」, 「还能投标不」, 「报了没」) of the shared question cues (question-cues.ts).
 */
const asks = (s: string): boolean =>
  hasAny(withoutNonQuestions(s), lexicon().grammar.questionCues) ||
  s.split(/[，,。！!？?；;\s]+/).some((c) => A_NOT_A.test(c));

/** The spot check and the exclusions of a minor error (四(四)五, 五(二)三): facts told only of one. */
const MINOR_ERROR_CONDITIONS = [
  'firstSpotCheck',
  'safetyRelated',
  'repeatedSameError',
  'majorImpactOrDispute',
  'refusedInspection',
  'missedCorrectionDeadline',
  'intentional',
] as const;
/** Facts of a minor error's conditions, and none of a revocation (查无下落, taxes, years without reports). */
const minorErrorConditions = (facts: Facts): boolean =>
  MINOR_ERROR_CONDITIONS.some((f) => facts[f] !== undefined) &&
  facts.locatable === undefined &&
  facts.taxFiled === undefined &&
  facts.yearsWithoutAnnualReport === undefined;

/** What a minor error's story tells beyond its kind: the correction, intent, impact, conditions and exclusions. */
const MINOR_ERROR_STORY: readonly FactName[] = [
  ...MINOR_ERROR_CONDITIONS,
  'correctedAfterReminder',
  'adverseImpact',
  'parentPublishesFinancials',
  'proofProvided',
];
/** Facts told, every one of them of a minor error (an error kind of the six, or its conditions). */
const onlyMinorErrorFacts = (facts: Facts): boolean => {
  const told = Object.keys(facts) as FactName[];
  return (
    told.length > 0 &&
    told.every((f) => MINOR_ERROR_STORY.includes(f) || (f === 'errorKind' && facts.errorKind !== 'other'))
  );
};

let durationRe: RegExp | undefined;
/** A span of time asked (no 了 after it: 「几天了」 is time gone by), then the outcome awaited. */
function durationAsked(s: string): boolean {
  const d = lexicon().grammar.durationAsked;
  durationRe ??= new RegExp(`${alt(d.spans)}(?!了)[^，,。;；\\s]{0,4}?${alt(d.outcomes)}`);
  return durationRe.test(s);
}

/** Move the runner-up to the top: the top intent is ruled out by what the text lacks. */
function demote(ranked: Ranked): Ranked {
  const [top, next, ...rest] = ranked;
  if (!top || !next) return ranked;
  return [{ ...next, confidence: top.confidence }, { ...top, confidence: next.confidence }, ...rest];
}
const topOf = (ranked: Ranked): Intent | undefined => ranked[0]?.intent;

/** The intent of normalised text with its facts: classifier, then the named intent rules. */
function decide(s: string, facts: Facts, signals: string[], words: string[]): Ranked {
  const g = lexicon().grammar;
  let ranked = classify(s, facts, signals, words);
  let rule = ruleIntent(s, facts, signals);
  // seriousListStepsQuestion: 「严重违法失信名单提前移出要交什么材料」, asked with no record of one's
  // own, asks for the documents (or the time) of that route, which the classifier reads; the list is
  // explained only when nothing more is asked (one's own listing is a repair case, below)
  const asked = topOf(ranked);
  if (
    rule === 'policy_info' &&
    SERIOUS_LIST.test(s) &&
    (facts as Record<string, unknown>).recordType === undefined &&
    (asked === 'documents' || asked === 'timeline')
  )
    rule = undefined;
  if (rule) {
    ranked = [
      { intent: rule, confidence: RULE_CONFIDENCE },
      ...ranked
        .filter((r) => r.intent !== rule)
        .map((r) => ({ ...r, confidence: r.confidence * (1 - RULE_CONFIDENCE) })),
    ];
  }
  // DOMAIN.md §6: address_change is about moving while not yet listed; once listed it is a repair
  // (a change registration told done, not listed unsaid, is a step of that repair: 四(三)二 removes a
  // listing for being unreachable once the change is registered; moving before a listing needs none)
  if (
    (facts.listed === true || (facts.addressChangeRegistered === true && facts.listed === undefined)) &&
    topOf(ranked) === 'address_change'
  )
    ranked = promote(ranked, 'repair');
  // a web shop's or website's address that changed is a published-information error, not a move;
  // a published error of the exemption's kinds with no listing told is a minor-error case (五(二)),
  // not a repair (「崇阳县的公司 年报上的电话填错哒 还冇被列异常」)
  if (
    facts.errorKind &&
    facts.errorKind !== 'other' &&
    facts.operatingAtRegisteredAddress === undefined &&
    (topOf(ranked) === 'address_change' ||
      (topOf(ranked) === 'repair' && facts.listed !== true && facts.recordType === undefined))
  )
    ranked = promote(ranked, 'minor_error');
  const f = facts as Record<string, unknown>;
  // consequenceQuestion: 「被列入经营异常名录会影响什么」 asks what follows, not how to get off the list
  const consequence = hasAny(s, g.consequenceCues) && asks(s) && !hasAny(s, g.repairAsk) && !facts.docType;
  const revocationFacts = facts.taxFiled !== undefined || facts.locatable !== undefined;
  // a story with its listing year or cause is someone's own case, whatever else they ask
  const story =
    facts.listedYear !== undefined || facts.listingReason !== undefined || Object.keys(facts).length > 2;
  if (consequence && f.recordType === undefined && !revocationFacts && !story) {
    const t = topOf(ranked);
    if (t === 'repair' || t === 'check_status' || t === 'timeline' || t === 'revocation_risk')
      ranked = promote(ranked, 'policy_info');
  }
  // deregisterInsteadAsked: 「我们公司在异常名录里 能不能不修复直接注销」 asks about ending the business
  // instead of a repair; told with no more of the case than the listing, it is a policy question
  if (
    hasAny(s, g.deregisterInstead.words) &&
    asks(s) &&
    f.recordType === undefined &&
    !story &&
    (topOf(ranked) === 'repair' || topOf(ranked) === 'check_status')
  )
    ranked = promote(ranked, 'policy_info');
  // penaltyOrSeriousListStory: a penalty or the serious list stated as one's own is a repair case;
  // a question of time stays one only when it names a time (「要等多久」), not for a year in the story
  // (a private matter the rules put out of scope, 「开车被交警罚了」, is no one's record here)
  if (f.recordType !== undefined && !hasAny(s, g.definitionCues) && rule !== 'out_of_scope') {
    const t = topOf(ranked);
    // (how long one's own serious-list listing lasts is asked as part of its early removal)
    // (「停业期限还冇满 … 这个能修复不」: the time word in a statement, the question about the repair)
    // (「处罚的修复申请交上去以后 几个工作日能批下来」: a span, then the outcome awaited, asks it too)
    const timeAsked =
      t === 'timeline' &&
      f.recordType !== 'serious_list' &&
      (durationAsked(s) ||
        clauses(s).some((c) => asks(c.text) && hasAny(c.text, loadKeywords().groups.time ?? [])));
    // (「决定书上写的从轻处罚」 tells what the paper says; it asks for no draft)
    const paperSays = t === 'draft' && !hasAny(s, g.draftRequest) && hasAny(s, g.writtenSays.words);
    // (「市监所就给了我一个警告 …要申请修复吗」: a draft read from no word of writing or of a document)
    const kws = loadKeywords().groups;
    const noDraftWords =
      t === 'draft' &&
      !facts.docType &&
      ![g.draftRequest, kws.draft ?? [], kws.doc ?? []].some((ws) => hasAny(s, ws));
    if (t !== 'repair' && !timeAsked && t !== 'documents' && (t !== 'draft' || paperSays || noDraftWords))
      ranked = promote(ranked, 'repair');
  }
  // durationAsked: 「申请交上去几天有结果」 asks how long, not where the application stands
  if (topOf(ranked) === 'check_status' && durationAsked(s)) ranked = promote(ranked, 'timeline');
  // draftNeedsAWritingAsk: 「要不要申请修复」 names no document and asks nobody to write one
  const kw = loadKeywords();
  if (
    topOf(ranked) === 'draft' &&
    !facts.docType &&
    !hasAny(s, g.draftRequest) &&
    !hasAny(s, kw.groups.draft ?? []) &&
    !hasAny(s, kw.groups.doc ?? [])
  )
    ranked = demote(ranked);
  // errorStoryIsNotRevocation: a published-information error whose trouble is not revocation
  // (「电话填错了客户找不到人」), or the spot check and exclusions of one (「不是第一次被抽查了」「不涉及
  // 安全 头一回 冇造成么影响」) with nothing of a revocation told, is a minor-error matter
  if (
    topOf(ranked) === 'revocation_risk' &&
    ((facts.errorKind && facts.errorKind !== 'other') || minorErrorConditions(facts)) &&
    !hasAny(s, kw.revocationNamed)
  )
    ranked = promote(ranked, 'minor_error');
  // needQuestionIsDocuments: 「要写书面申请吗」 asks whether a document is needed
  if (topOf(ranked) === 'draft' && !facts.docType && asksWhetherNeeded(s))
    ranked = promote(ranked, 'documents');
  // draftNeedsADocument: 「帮我写一份租房合同」 asks for a text this bot does not write; a message that
  // tells the case (「罚了五万二 决定书上写的从轻处罚」) is no such request
  const domain =
    hasAny(s, kw.coreDomain) || hasAny(s, kw.domainWords) || hasAny(s, g.documentWords) || situational(facts);
  if (topOf(ranked) === 'draft' && !facts.docType && (!domain || hasAny(s, g.offTopicRequests)))
    ranked = promote(ranked, 'out_of_scope');
  // movedAndListed: asking to be removed or repaired after an address change is a repair, not a move
  if (topOf(ranked) === 'address_change' && facts.listed !== false && hasAny(s, g.repairWords))
    ranked = promote(ranked, 'repair');
  // conditionsToldAreMinorError: a message that only tells how a minor error stands (「工作人员提醒以后
  // 我们还没改」「抽查时要的材料都提供了」「冇得人跟我们打官司」) and asks nothing speaks of that error:
  // the person or the papers it names ask for no one and no documents
  if (topOf(ranked) !== 'minor_error' && !asks(s) && onlyMinorErrorFacts(facts))
    ranked = promote(ranked, 'minor_error');
  // storyThenWhatToBring: 「…被列异常哒 我代他去办要带么东西」: a listing told, then a last clause that
  // asks what to bring or prepare, asks for the documents (the story's facts are kept all the same)
  const last = clauses(s).at(-1)?.text ?? '';
  if (topOf(ranked) === 'repair' && facts.listed === true && asks(last) && hasAny(last, kw.groups.docs ?? []))
    ranked = promote(ranked, 'documents');
  // notListedAsks: 「我们没有被列入异常还需要做什么吗」 asks what applies to them, not how to get off the list
  if (topOf(ranked) === 'repair' && facts.listed === false && Object.keys(facts).length === 1)
    ranked = promote(ranked, 'policy_info');
  return ranked;
}

/** 「是2021年列的，因为年报没报」: a year told right before a listing verb dates the listing, whatever filing words follow. */
function yearBeforeListingVerb(s: string): boolean {
  LISTED_YEAR.lastIndex = 0;
  return LISTED_YEAR.test(s);
}

/**
 * errorToldAcrossMessages: 「人力资源服务许可证换了新证」 then 「结果忘了在20个工作日里公示」 — a published
 * field or licence named in the message before and what went wrong with it told in this one are read
 * as one story (error-kind.ts), when neither message names the kind on its own. A listing told with
 * its cause is not a minor error to exempt (as in one message).
 */
function errorToldAcrossMessages(s: string, before: string | undefined, facts: Facts): void {
  if (!before || facts.errorKind !== undefined || (facts.listed === true && facts.listingReason)) return;
  const earlier = normalize(before);
  if (errorKind(earlier) || errorKind(s)) return;
  const kind = errorKind(`${earlier}，${s}`);
  if (kind) facts.errorKind = kind.value;
}

/**
 * causeToldAcrossMessages: 「公司改名冇登记」 then 「被列异常了」 — a cause of listing told in the message
 * before, which told no listing (nor asked about one, nor named another record), is why the listing
 * this message tells was made: the two read as one story. Only where the case holds no cause yet.
 */
function causeToldAcrossMessages(before: string | undefined, facts: Facts, now: Date): void {
  if (!before || facts.listed !== true || facts.listingReason !== undefined) return;
  const earlier = normalize(before);
  const { facts: told, signals } = statedFacts(earlier, now);
  if (told.listed !== undefined || told.recordType !== undefined) return;
  // (「地址联系不上会不会被列异常」: a listing feared for that cause, not told)
  if (signals.some((x) => x.startsWith('S:listing-asked'))) return;
  const cause = listingReason(earlier);
  if (cause?.value) facts.listingReason = cause.value;
}

/**
 * issuerToldAcrossMessages: 「我们店被市场监管局查了」 then 「最后只给了个警告」 — the bureau that
 * inspected, named in the message before, is the one whose penalty this message tells (总局令第107号
 * 第四条: the bureau that decided repairs). Read as one story when this message tells the penalty and
 * not who issued it, and the earlier one tells a bureau acting on the business (penalties.json
 * inspectedBy); that message named no penalty, so nothing was read from it then.
 */
function issuerToldAcrossMessages(s: string, before: string | undefined, facts: Facts, now: Date): void {
  const untold = TOLD_WITH_INSPECTION.filter((f) => facts[f] === undefined);
  if (!before || facts.recordType !== 'admin_penalty' || !untold.length) return;
  // (「在市场监管局办的执照」 names where the business registered, not who penalised it)
  const earlier = normalize(before);
  if (!hasAny(earlier, lexicon().penalties.inspectedBy)) return;
  const whole = statedFacts(`${earlier}，${s}`, now).facts;
  for (const f of untold) if (whole[f] !== undefined) (facts as Record<string, unknown>)[f] = whole[f];
}

/**
 * seriousListToldAcrossMessages: 「严重失信名单咋出」 then 「25年3月10号列的」 — the list the message before
 * asked about is the one this bare listing speaks of: its date is the serious listing's, no 经营异常名录
 * listing (which only a message naming 异常 tells).
 */
function seriousListToldAcrossMessages(s: string, before: string | undefined, facts: Facts, now: Date): void {
  if (!before || facts.recordType !== undefined || s.includes('异常')) return;
  const earlier = normalize(before);
  if (!SERIOUS_LIST.test(earlier) || earlier.includes('异常')) return;
  // (the date read as the answer to 「是哪天被列入严重违法失信名单的？」 is, beside a verb of listing)
  if (!/列|进的|上的|纳入/.test(s)) return;
  const date = parseAnswer('seriousListedDate', s, { now });
  if (typeof date !== 'string' || date === 'unknown') return;
  const f = facts as Record<string, unknown>;
  delete f.listed;
  delete f.listedYear;
  f.recordType = 'serious_list';
  f.seriousListedDate = date;
}

/**
 * What the inspection's story tells of the penalty that follows it: who issued it, and the trade it
 * was found in (「我屋里开了个卤菜店…被市场监管局查了」 then 「罚了6万」: a food-sector penalty, 第八条).
 */
const TOLD_WITH_INSPECTION = ['issuedByMarketSupervision', 'keySector'] as const;

/**
 * deadlineToldAcrossMessages: 「所里提醒我们改 给了十天期限」 then 「拖了一个多月才公示上去」 — the
 * period the bureau set, told in the message before, is the one this message's delay overruns (五(二)三
 * 未在责令改正期限内改正): the two read as one story give the deadline missed, when neither alone does.
 */
function deadlineToldAcrossMessages(s: string, before: string | undefined, facts: Facts, now: Date): void {
  if (!before || facts.missedCorrectionDeadline !== undefined) return;
  const earlier = normalize(before);
  if (statedFacts(earlier, now).facts.missedCorrectionDeadline !== undefined) return;
  if (statedFacts(`${earlier}，${s}`, now).facts.missedCorrectionDeadline === true)
    facts.missedCorrectionDeadline = true;
}

/**
 * `record`: the record the case is about (stored recordType), so a later message that does not name
 * the penalty or the serious list is still read as speaking of it. `listedFor`: the listing reason
 * the case holds, so 「变更登记冇办」 after 「住所联系不上被列了」 is the address change. `errorStory`:
 * the case holds a published-information error and no listing, so a bare 「还冇来得及改」 is that
 * error's correction not yet made. `before`: the
 * user's message before this one (errorToldAcrossMessages, issuerToldAcrossMessages,
 * deadlineToldAcrossMessages).
 */
export function understand(
  text: string,
  opts: {
    now?: Date;
    pending?: FactName;
    record?: Facts['recordType'];
    listedFor?: Facts['listingReason'];
    alsoListedFor?: Facts['listingReason'];
    bufferStory?: boolean;
    errorStory?: boolean;
    before?: string;
  } = {},
): Understanding {
  const now = opts.now ?? new Date();
  const s = normalize(text);
  // the segmenter runs once per message: the classifier and the caller share its words
  const tokens = tokenize(s);
  const frame: CaseFrame = {
    ...(opts.record && { record: opts.record }),
    ...(opts.listedFor && { listedFor: opts.listedFor }),
    ...(opts.alsoListedFor && { alsoListedFor: opts.alsoListedFor }),
    ...(opts.bufferStory && { bufferStory: opts.bufferStory }),
    ...(opts.errorStory && { errorStory: opts.errorStory }),
  };
  const { facts, hedged, signals, patterned, implied } = statedFacts(s, now, {
    ...frame,
    ...(opts.pending && { pending: opts.pending }),
  });
  if (opts.listedFor === undefined && opts.record === undefined) {
    errorToldAcrossMessages(s, opts.before, facts);
    causeToldAcrossMessages(opts.before, facts, now);
    issuerToldAcrossMessages(s, opts.before, facts, now);
    seriousListToldAcrossMessages(s, opts.before, facts, now);
    // (only where the case holds a published error: it reads the two messages again, twice)
    if (opts.errorStory) deadlineToldAcrossMessages(s, opts.before, facts, now);
  }
  licenceObtainedAfterUnlicensed(s, opts.before, facts, opts.record);
  const corrections = correctionsIn(s, (t) => statedFacts(t, now, frame).facts, now);
  // 「刚才说冇违法是说错了」: the yes or no taken back, said the other way round, replaces the stored one
  // (read without the case's frame: the quoted words are a bare statement of their own)
  for (const [k, v] of Object.entries(retractedFacts(s, (t) => statedFacts(t, now).facts)))
    if (!(k in corrections)) (corrections as Record<string, unknown>)[k] = v;
  // 「之前讲X 其实…」 that tells nothing of X: what X told is no longer known
  for (const k of retractedUntold(s, (t) => statedFacts(t, now).facts))
    if (!(k in corrections)) delete facts[k];
  Object.assign(facts, corrections);
  guessTakesBack(s, facts, hedged, corrections, now, frame);
  if (!(opts.pending === 'listingReason' && facts.listingReason === undefined))
    secondListing(s, facts, opts.listedFor);
  // a rule heard from someone and asked about states nothing of the writer's case (scope.ts)
  const relayed = relayedRule(s);
  if (relayed) {
    for (const k of Object.keys(facts)) delete (facts as Record<string, unknown>)[k];
    for (const k of Object.keys(corrections)) delete (corrections as Record<string, unknown>)[k];
    hedged.length = 0;
  }
  // what the text says in reply to the pending question; kept whatever the intent ("被罚过款")
  const answered: Facts = {};
  if (opts.pending && !relayed && !hedged.includes(opts.pending)) {
    // the answer is read against the question's own wording, which a general statement pattern
    // cannot know (「没提供」 to 「是否…没有提供受检材料？」 is a yes)
    const scope = {
      facts,
      // the question's context goes with each clause: 「证明还冇弄」 answering a minor-error question is
      // about the proof (a rule that needs that topic), not a "no" to the question
      read: (clause: string) => statedFacts(clause, now, { ...frame, pending: opts.pending }).facts,
    };
    // 「…只补了21和22 我以为她都弄完了」: a belief taken back is no yes or no (mistaken-belief.ts); a date
    // or a year settled on after a belief (「开始以为是去年9月 翻了记录是9月25号」) takes its year from it
    const yesNo = FACT_KINDS[opts.pending].kind === 'boolean';
    const replied = withoutRetractedSayings(
      yesNo && believedIn(s) ? withoutMistakenBeliefs(s) : text,
      (t) => statedFacts(t, now).facts,
    );
    const { value, corrected } = readAnswer(opts.pending, replied, { now, stated: patterned, scope });
    const said = facts[opts.pending];
    if (value === 'unknown') {
      if (said === undefined) hedged.push(opts.pending);
    } else if (
      value !== undefined &&
      (said === undefined || said === value || opts.pending in corrections || typeof value !== 'boolean')
    )
      (answered as Record<string, unknown>)[opts.pending] = value;
    // 「是税务局罚的 不是你们市场监管」: its leading 是 is no yes; what the message states about the
    // question's own fact is the answer
    else if (value !== undefined) (answered as Record<string, unknown>)[opts.pending] = said;
    // causeAnswersListed: 「年报 冇按时报」 to "are you listed?" (or "why?") tells the cause of a listing,
    // so the listing happened: its 冇 is the report's, no "not listed". An error in published
    // information told with its kind (「年报上公示的网店名字对不上 年报上忘记改了」) is a minor error,
    // its report words no cause of a listing
    const errorTold = facts.errorKind !== undefined && facts.errorKind !== 'other';
    if ((opts.pending === 'listed' || opts.pending === 'listingReason') && said === undefined && !errorTold) {
      const cause = listingReason(s)?.value;
      if (cause && cause !== 'other' && facts.listed === undefined) {
        if (opts.pending === 'listed') (answered as Record<string, unknown>).listed = true;
        (answered as Record<string, unknown>).listingReason ??= cause;
      }
    }
    // "不对，是2022年": what is corrected replaces the earlier value
    for (const [k, v] of Object.entries(corrected ?? {})) {
      if (!(k in facts)) (answered as Record<string, unknown>)[k] = v;
      if (!(k in corrections)) (corrections as Record<string, unknown>)[k] = v;
    }
    Object.assign(facts, answered);
    if (
      answered[opts.pending] === true &&
      answeredOnGuess(s, opts.pending, (t) => reread(t, opts.pending as FactName, now, frame))
    ) {
      delete answered[opts.pending];
      delete facts[opts.pending];
      if (!hedged.includes(opts.pending)) hedged.push(opts.pending);
    }
    // 「补报了 准备下个礼拜去公示」 to "filed and published?": a yes the publication's words take back
    if ((FILED_FACTS as readonly FactName[]).includes(opts.pending) && answered[opts.pending] === true) {
      filedMeansPublished(s, answered, hedged);
      const still = answered[opts.pending];
      if (still === undefined) delete facts[opts.pending];
      else (facts as Record<string, unknown>)[opts.pending] = still;
    }
  }
  const g0 = lexicon().grammar;
  // seriousListAnswersNoListing: 「被列入严重违法失信名单了」 to "are you on the 经营异常名录?" names the
  // other list (its 列入 is no yes), unless the message names the abnormal list too
  if (
    opts.pending === 'listed' &&
    facts.recordType === 'serious_list' &&
    !hasAny(s, loadKeywords().listingMatters)
  ) {
    delete (answered as Record<string, unknown>).listed;
    delete facts.listed;
  }
  // 「被列进去之后冇再受过处罚」 in a serious-list case: the list the bare listing verb speaks of is
  // that one, no 经营异常名录 listing (which only a message naming 异常 tells)
  if (
    (opts.record === 'serious_list' || facts.recordType === 'serious_list') &&
    facts.listed === true &&
    !s.includes('异常')
  ) {
    delete (answered as Record<string, unknown>).listed;
    delete facts.listed;
  }
  // yearByRole: 「去年的年报我已经补了」 answering "which year were you listed?" is about the filing
  if (
    opts.pending === 'listedYear' &&
    hasAny(s, g0.filingWords) &&
    !hasAny(s, g0.listingWords) &&
    !yearBeforeListingVerb(s) &&
    corrections.listedYear === undefined
  ) {
    delete (answered as Record<string, unknown>).listedYear;
    if (facts.listedYear !== undefined && !hasAny(s, g0.listingWords)) delete facts.listedYear;
  }
  // correctedIsInfoCorrected: listed for false, unpublished or unregistered information (told before),
  // 「到现在还冇改过来」 tells whether that information is corrected, not a minor error's correction
  if (
    opts.listedFor &&
    INFO_CORRECTION_REASONS.has(opts.listedFor) &&
    facts.correctedAfterReminder !== undefined &&
    facts.listed !== false &&
    facts.infoCorrected === undefined
  ) {
    facts.infoCorrected = facts.correctedAfterReminder;
    delete facts.correctedAfterReminder;
  }
  const beforeRead = opts.before === undefined ? undefined : normalize(opts.before);
  const oneYear = !filesTheOnlyYearOwed(s, beforeRead) && withholdOneYearFiling(s, facts, answered);
  // 「那份2023年度的早就补上了」: another year's report says nothing of the previous year's (四(三)一)
  if (namesOnlyOtherReportYears(s, now) && corrections.previousYearReportFiled === undefined)
    for (const f of [facts, answered] as Record<string, unknown>[]) delete f.previousYearReportFiled;
  // 「补了一份 哪一年度的不知道」: a report of a year not known is not the previous year's (四(三)一);
  // the question stays open, asked back as unsure
  const yearUnknown = reportYearUnknown(s, now) && corrections.previousYearReportFiled === undefined;
  if (yearUnknown) {
    for (const fact of ['previousYearReportFiled', 'allOverdueReportsFiled'] as const) {
      const read = [facts, answered] as Record<string, unknown>[];
      // (a report of some year not filed leaves the rest owed: only "all filed" is withheld)
      const told = (f: Record<string, unknown>) =>
        fact === 'previousYearReportFiled' ? f[fact] !== undefined : f[fact] === true;
      const withheld = read.some(told);
      for (const f of read) if (told(f)) delete f[fact];
      if ((withheld || opts.pending === fact) && !hedged.includes(fact)) hedged.push(fact);
    }
  }
  // 「去年补的那份是2024年度的，2025年度那份还没交」: the earlier "filed" was another year's report
  if (facts.previousYearReportFiled === false && setsReportYearsApart(s, now))
    corrections.previousYearReportFiled = false;
  const base = { corrections, tokens };
  if (!/[\u3400-\u9fffa-z]/.test(s)) {
    const answer = answerTo(opts.pending, answered, facts);
    // a bare 👍 or 🙏 is a reaction in the conversation, not an unrelated request
    const reaction = /\p{Extended_Pictographic}/u.test(s);
    return {
      intent: reaction ? 'smalltalk' : 'out_of_scope',
      confidence: reaction ? RULE_CONFIDENCE : 0,
      alternatives: [],
      facts,
      hedged,
      ...base,
      questions: [],
      topics: [],
      ...(answer ? { answer } : {}),
    };
  }
  // 「我要问的不是多久能移出 是到哪里去办」: the question put instead of the one denied is the one asked
  const instead = QUESTION_INSTEAD.exec(s)?.[1];
  const ranked = instead
    ? decide(instead, facts, signals, tokenize(instead))
    : decide(s, facts, signals, tokens);
  const [best, ...rest] = ranked;
  const intent = best?.intent ?? 'out_of_scope';
  // consequence questions about the list in general describe nobody's business
  const g = lexicon().grammar;
  if (
    (intent === 'policy_info' || intent === 'revocation_risk') &&
    hasAny(s, g.consequenceCues) &&
    asks(s) &&
    !hasAny(s, loadKeywords().firstPerson) &&
    Object.keys(facts).every((k) => k === 'listed' || k === 'entityType' || k === 'adverseImpact')
  ) {
    delete facts.listed;
    delete facts.entityType;
    // 「…有没有影响」 asks about an impact; it states none
    delete facts.adverseImpact;
  }
  const { questions, topics } = askedIn(instead ?? s, now, intent);
  const answer = answerTo(opts.pending, answered, facts);
  // (a fact stated or answered after all, or a message about something else, implies nothing)
  for (const f of Object.keys(implied) as FactName[])
    if (facts[f] !== undefined || hedged.includes(f)) delete implied[f];
  const implies = intent !== 'out_of_scope' && !relayed && Object.keys(implied).length > 0;
  return {
    intent,
    confidence: round(best?.confidence ?? 0),
    alternatives: rest.slice(0, 3).map((r) => ({ intent: r.intent, confidence: round(r.confidence) })),
    // what someone says about an unrelated matter is not about their business
    facts: intent === 'out_of_scope' ? answered : facts,
    hedged: intent === 'out_of_scope' ? hedged.filter((f) => f === opts.pending) : hedged,
    ...base,
    questions,
    topics,
    ...(answer ? { answer } : {}),
    ...(oneYear ? { oneYearReport: true as const } : {}),
    ...(yearUnknown ? { reportYearUnknown: true as const } : {}),
    ...(implies ? { implied } : {}),
  };
}

/** 「要问的不是X 是Y」「想问的不是X 而是Y」: a question denied and the one asked instead (Y) */
const QUESTION_INSTEAD =
  /(?:要问|想问|问)的?不是[^，,。;；!！?？]{1,16}?[，,\s]*(?:而|其实)?是([^，,。;；!！]{2,})/;

/**
 * answeredOnGuess: 「交了 应该也公示了吧」「当天应该就改了吧」 in reply to whether a step is done: the
 * yes the answer reader found rests on a guess — the publication of a report filed (四(三)一: 补报并公示,
 * filedMeansPublished), or the step itself, no longer answered once the guesses are taken out
 * (guessed-progress.ts) — so it is asked back, as a hedged statement is.
 */
function answeredOnGuess(s: string, fact: FactName, reread: (text: string) => unknown): boolean {
  if (!isStep(fact)) return false;
  if ((FILED_FACTS as readonly FactName[]).includes(fact) && publicationAfterFiling(s) === 'guessed')
    return true;
  const plain = withoutGuesses(s);
  return plain !== undefined && reread(plain) !== true;
}

/** The answer to `fact` a text gives, read as understand reads one (without the later checks). */
function reread(t: string, fact: FactName, now: Date, frame: CaseFrame): unknown {
  const { facts, patterned } = statedFacts(t, now, { ...frame, pending: fact });
  const scope = { facts, read: (c: string) => statedFacts(c, now, { ...frame, pending: fact }).facts };
  const { value } = readAnswer(fact, t, { now, stated: patterned, scope });
  return facts[fact] ?? value;
}

/**
 * guessTakesBack: 「这是第一次被抽查 不对 好像前年也被抽过 我再去查查」 — what the message said before
 * its correction marker is taken back, and what replaces it is only a guess: the fact is not known
 * (asked back as unsure), neither the value taken back nor the guess.
 */
function guessTakesBack(
  s: string,
  facts: Facts,
  hedged: FactName[],
  corrections: Facts,
  now: Date,
  frame: CaseFrame,
): void {
  const tail = correctionTail(s);
  if (tail === undefined) return;
  for (const f of statedFacts(tail, now, frame).hedged) {
    if (facts[f] === undefined || f in corrections) continue;
    delete facts[f];
    if (!hedged.includes(f)) hedged.push(f);
  }
}

/** The value the message gives for the pending question, read as an answer or stated. */
function answerTo(pending: FactName | undefined, answered: Facts, facts: Facts): Understanding['answer'] {
  if (!pending) return undefined;
  const value = (answered as Record<string, unknown>)[pending] ?? facts[pending];
  return value === undefined ? undefined : { fact: pending, value: value as Facts[FactName] };
}

/** Each question of the message classified on its own, in order; the FAQ topic of each where one is recognised. */
function askedIn(s: string, now: Date, whole: Intent): { questions: Intent[]; topics: string[] } {
  const parts = questionClauses(s);
  const questions: Intent[] = [];
  const topics: string[] = [];
  if (parts.length <= 1) {
    if (parts.length === 1) questions.push(whole);
  } else {
    for (const part of parts) {
      const { facts, signals } = statedFacts(part, now);
      let intent = decide(part, facts, signals, tokenize(part))[0]?.intent;
      // 「要多少钱」 with an FAQ topic (no fees) is a policy question, whatever the classifier says alone
      if (intent === 'out_of_scope' && findFaq(part)) intent = 'policy_info';
      // 「么样搞 能不能先把我们移出来」: the 怎么办 clause is part of the request beside it
      if (
        intent === 'out_of_scope' &&
        whole !== 'out_of_scope' &&
        hasAny(part, lexicon().grammar.whatNow.words)
      )
        continue;
      if (intent && !questions.includes(intent)) questions.push(intent);
    }
  }
  for (const part of parts) {
    const id = findFaq(part)?.id;
    if (id && !topics.includes(id)) topics.push(id);
  }
  return { questions, topics };
}
