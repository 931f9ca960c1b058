// A turn into commands: a pressed button is a serialised command; a typed number or label picks an
// offered one; /commands and navigation words are navigation; free text is understood ONCE and its
// corrections, the answer to the open question, other stated facts and the questions asked become
// commands, in that order.

import { findFaq } from '../knowledge/explain.ts';
import { evaluate } from '../rules/evaluate.ts';
import { isYearOnly } from '../rules/periods.ts';
import type { FactName, Facts } from '../rules/types.ts';
import { FACT_KINDS } from '../rules/types.ts';
import { validateFacts } from '../rules/validate.ts';
import { type Command, type InterviewTopic, type NavTarget, parseCommandId } from './command.ts';
import type { Ctx } from './context.ts';
import { docHint, draftWord } from './flows/draft.ts';
import {
  afterBareYes,
  askedThenUnknown,
  leadsWithYesOrNo,
  retold,
  saysUnknown,
  volunteered,
} from './nlu/answer.ts';
import { extractFacts } from './nlu/facts.ts';
import { isStep } from './nlu/guessed-progress.ts';
import {
  CONFIDENCE_FLOOR,
  FILED_FACTS,
  type Intent,
  parseAnswer,
  type Understanding,
  understand,
} from './nlu/index.ts';
import { lexicon, withoutSureWords } from './nlu/lexicon.ts';
import { readDate } from './nlu/money-date.ts';
import { asRead, clauses, normalize } from './nlu/normalize.ts';
import { tellsRemoved } from './nlu/past-listing.ts';
import { A_NOT_A, askedAsTold, QUESTION_CLAUSE } from './nlu/question-cues.ts';
import { takesBackSaying } from './nlu/retracted-saying.ts';
import { relativeYearListed, yearOfUnfiledReport } from './nlu/rules/listed-year.ts';
import { listingReason } from './nlu/rules/listing-reason.ts';
import { publicationAfterFiling } from './nlu/rules/publication.ts';
import { withSettledGuesses } from './nlu/settled-guess.ts';
import { factsInForce, openFact, openFrame, type Session, sessionKey, setFact } from './session.ts';
import { overStored, toldAsProgress } from './stated-over-stored.ts';
import { dialog } from './texts.ts';

/** Words that act as commands anywhere (返回, 修改 …), from knowledge/dialog.json. */
const NAV = dialog.navWords as Record<string, NavTarget>;

const SLASH: Record<string, NavTarget> = {
  start: 'start',
  help: 'help',
  reset: 'reset',
  forget: 'forget',
  menu: 'menu',
  faq: 'faq-menu',
  undo: 'undo',
  edit: 'edit',
  bye: 'bye',
};

const INFO_INTENTS = new Set<string>([
  'documents',
  'timeline',
  'how_to_apply',
  'check_status',
  'policy_info',
]);
const INTERVIEW_INTENTS = new Set<string>(['repair', 'address_change', 'minor_error', 'revocation_risk']);
/** What an intent asks for, as commands (also what a clarification's pick runs). */
export function intentCommands(intent: Intent, text: string, docType?: string): Command[] {
  if (INTERVIEW_INTENTS.has(intent)) return [{ type: 'interview', topic: intent as InterviewTopic }];
  if (intent === 'draft') return [{ type: 'draft', doc: docHint(text, docType) }];
  if (intent === 'human') return [{ type: 'hand-off' }];
  if (intent === 'out_of_scope') {
    // 「注销行不行」 reads as another matter, but the FAQ has an answer for it
    const topic = specificFaq(text);
    return topic ? [{ type: 'ask-topic', topic, text }] : [{ type: 'out-of-scope', text }];
  }
  if (intent === 'smalltalk') {
    const has = (list: string) =>
      ((dialog[list] ?? []) as string[]).some((w) => text.toLowerCase().includes(w));
    return [{ type: 'small-talk', kind: has('thanksWords') ? 'thanks' : has('byeWords') ? 'bye' : 'hello' }];
  }
  return [{ type: 'ask-topic', intent, topic: specificFaq(text), text }];
}

/**
 * An FAQ entry that answers the text better than the generic answer of its intent (fees, 另册管理,
 * 注销, 年报时间 …).
 */
function specificFaq(text: string): string | undefined {
  const hit = findFaq(text);
  return hit && !Object.values(dialog.faqIntent as Record<string, string>).includes(hit.id)
    ? hit.id
    : undefined;
}

const sameWords = (a: string, b: string) => {
  const norm = (x: string) => x.replace(/[\s。！!.,，、/／:：「」“”"']/g, '');
  return norm(a) === norm(b);
};

/** A pending year or count question takes a bare number as its answer, not as a menu pick. */
function expectsNumber(s: Session): boolean {
  const fact = openFact(s);
  return fact !== undefined && FACT_KINDS[fact].kind !== 'boolean' && FACT_KINDS[fact].kind !== 'enum';
}

const has = (list: string, text: string) => ((dialog[list] ?? []) as string[]).some((w) => text.includes(w));

/**
 * The questions asked in the message, in order. Understanding names them (`questions`, `topics`);
 * until it does, each clause that reads as a question is looked up in the FAQ by its words.
 */
function questionsOf(u: Understanding, text: string, whole: boolean, now: Date): Command[] {
  return distinctQuestions(questionsAsked(u, text, whole, now));
}

/**
 * distinctQuestions: one answer per question. Two questions that come to the same FAQ entry get it once
 * (「我能替他去办吗 要带什么」), and a question an earlier entry already answers (dialog.json faqCovers:
 * the annual report window answers 「截止到哪天」) gets no second, generic answer.
 */
function distinctQuestions(cmds: Command[]): Command[] {
  const byIntent = dialog.faqIntent as Record<string, string>;
  const covers = (dialog.faqCovers ?? {}) as Record<string, string[]>;
  const kept: Command[] = [];
  const answered = new Set<string>();
  for (const c of cmds) {
    if (c.type !== 'ask-topic') {
      kept.push(c);
      continue;
    }
    const topic = c.topic ?? byIntent[c.intent ?? ''];
    const generic = !c.topic || c.topic === byIntent[c.intent ?? ''];
    const covered = [...answered].some((t) => covers[t]?.includes(c.intent ?? ''));
    if ((topic && answered.has(topic)) || (generic && covered)) continue;
    if (topic) answered.add(topic);
    kept.push(c);
  }
  return kept;
}

function questionsAsked(u: Understanding, text: string, whole: boolean, now: Date): Command[] {
  const named = (u as Understanding & { questions?: Intent[]; topics?: string[] }).questions;
  // 「要交钱不 大概几多天能搞好」: understanding names one question, the clauses ask two
  const byClause = named?.length === 1 ? clauseQuestions(text, now) : [];
  if (byClause.length > 1) return byClause;
  if (named?.length) {
    const topics = (u as Understanding & { topics?: string[] }).topics ?? [];
    // the FAQ entries found and the questions named are two lists: they pair up only one to one
    const paired = topics.length === named.length;
    const only = named.length === 1 ? specificFaq(text) : undefined;
    const cmds = named.flatMap((intent, i): Command[] => {
      const topic = (paired ? topics[i] : undefined) ?? only;
      if (topic) return [{ type: 'ask-topic', intent, topic, text }];
      if (intent === 'out_of_scope') return [{ type: 'out-of-scope', text }];
      if (intent === 'human') return [{ type: 'hand-off' }];
      return INFO_INTENTS.has(intent) ? [{ type: 'ask-topic', intent, text }] : [];
    });
    // 「要带些啥 几天能办好」 named as one question: the time asked is an entry of its own
    const extra = paired ? [] : topics.filter((t) => t !== only);
    return [...cmds, ...extra.map((topic): Command => ({ type: 'ask-topic', topic, text }))];
  }
  const clauses = text
    .split(/(?<=[。！!？?；;\n，,])|\s+/)
    .map((c) => c.trim())
    .filter(Boolean);
  const out: Command[] = [];
  for (const clause of clauses) {
    if (!QUESTION_CLAUSE.test(clause)) continue;
    const topic = findFaq(clause)?.id;
    if (topic && !out.some((c) => c.type === 'ask-topic' && c.topic === topic))
      out.push({ type: 'ask-topic', topic, text: clause });
  }
  // no clause names a topic by itself: the message as a whole may (「没有被列入 要注意什么」)
  const overall = out.length ? undefined : findFaq(text)?.id;
  if (overall && !whole) out.push({ type: 'ask-topic', topic: overall, text });
  // one question that is the whole message: a specific FAQ entry for the whole of it (代办, 注销 …)
  // wins; otherwise its intent answers it (route-specific where it can be)
  const whole1 = whole && out.length === 1 ? specificFaq(text) : undefined;
  if (whole1) return [{ type: 'ask-topic', topic: whole1, text }];
  if (whole && out.length === 1 && INFO_INTENTS.has(u.intent) && u.confidence >= CONFIDENCE_FLOOR) {
    const faqIntentTopic = (dialog.faqIntent as Record<string, string>)[u.intent];
    if (out[0]?.type === 'ask-topic' && out[0].topic === faqIntentTopic)
      return [{ type: 'ask-topic', intent: u.intent, text }];
  }
  return out;
}

/**
 * clauseQuestions: each clause that asks (「…不」 at its end too), in order, with the FAQ entry its words
 * name or else the topic of its own intent; one command per topic.
 */
function clauseQuestions(text: string, now: Date): Command[] {
  const out: Command[] = [];
  const topics = dialog.faqIntent as Record<string, string>;
  for (const clause of text.split(/[\s，,。！!？?；;]+/).filter(Boolean)) {
    if (!QUESTION_CLAUSE.test(clause) && !A_NOT_A.test(clause)) continue;
    const faq = findFaq(clause)?.id;
    const u = faq ? undefined : understand(clause, { now });
    const intent = u && u.confidence >= CONFIDENCE_FLOOR && INFO_INTENTS.has(u.intent) ? u.intent : undefined;
    const topic = faq ?? (intent ? topics[intent] : undefined);
    if (!topic || out.some((c) => c.type === 'ask-topic' && (c.topic ?? topics[c.intent ?? '']) === topic))
      continue;
    out.push(faq ? { type: 'ask-topic', topic, text: clause } : { type: 'ask-topic', intent, text: clause });
  }
  return out;
}

/**
 * After a result that is not yet eligible, a reply like 「全部补报了」 answers the condition it hinged
 * on: that condition is read as the open question. After an eligible one, a retraction
 * (「说错了 变更还没办下来」) takes back the met condition it denies: 「可以申请」 must not outlive it.
 */
function resultHinge(ctx: Ctx, text: string): FactName | undefined {
  if (ctx.s.flows.length || !ctx.s.shown) return undefined;
  const det = ctx.det();
  if (det.eligible === false)
    return det.reasons.find((r) => !r.met && r.fact !== undefined)?.fact as FactName | undefined;
  // 「打电话问了 纸质的收到了 但还冇公示」: news after an eligible result that a report held filed is not
  // published takes back the filing (a report counts only once published: 四(三)一); no 不对 needed
  const met = (r: (typeof det.reasons)[number]) => r.met && r.fact !== undefined;
  if (det.eligible === true && publicationAfterFiling(normalize(text)) !== undefined) {
    const filed = det.reasons.find(
      (r) => met(r) && (FILED_FACTS as readonly string[]).includes(r.fact as string),
    );
    if (filed) return filed.fact as FactName;
  }
  if (det.eligible !== true || !has('correctionCues', text)) return undefined;
  const denied = det.reasons.filter((r) => {
    if (!r.met || r.fact === undefined || FACT_KINDS[r.fact as FactName]?.kind !== 'boolean') return false;
    const said = parseAnswer(r.fact as FactName, text, { now: ctx.now });
    return typeof said === 'boolean' && said !== ctx.s.facts[r.fact as FactName];
  });
  // 「哦不对 有一个 上个月被税务罚过」: its 不对 reads as a "no" to any condition; the one whose subject
  // the message names is the one it takes back
  const named = denied.find((r) => onSubject(r.fact as FactName, text));
  return (named ?? denied[0])?.fact as FactName | undefined;
}

/**
 * 「行 我晚点问她」 after a result: the condition the result hinges on was never asked, so a yes said
 * without saying what (answers.json bareAffirmations) meets nothing; what follows it must state it.
 */
function bareYes(text: string, fact: FactName, now: Date): boolean {
  const rest = afterBareYes(text);
  return rest !== undefined && (!rest || parseAnswer(fact, rest, { now }) === undefined);
}

/**
 * 「是不是要写个情况说明 么样写」 while a yes/no question is open: a message made only of questions
 * asks; its 「是」 is no "yes".
 */
function askedBack(text: string, pending: FactName): boolean {
  if (FACT_KINDS[pending].kind !== 'boolean') return false;
  // (the clauses of normalize.ts: voice input without punctuation is cut where a question opens)
  const parts = clauses(normalize(text))
    .map((c) => c.text)
    .filter(Boolean);
  return (
    parts.length > 0 &&
    parts.every((p, i) => asks(p) || (i > 0 && ALTERNATIVE.test(p) && asks(parts[i - 1] ?? '')))
  );
}

const asks = (clause: string) => QUESTION_CLAUSE.test(clause) || A_NOT_A.test(clause);
/** 「先交申请书行不行 还是非要先把那份补了」: a 还是 after a question offers its other alternative, and
 * its 补了 tells nothing done (a 还是 after a statement is "still": 「还是没交」). */
const ALTERNATIVE = /^(?:那|那么)?还是(?!没|冇|未|不)/;

/**
 * The record being repaired is the subject of the whole case: once it is the serious list, 「罚款都交清了」
 * tells what was paid for it, not a second record (a change of record needs a correction cue).
 */
function keepRecord(stored: Facts, facts: Facts, correcting: boolean): void {
  const f = facts as Record<string, unknown>;
  const was = (stored as Record<string, unknown>).recordType;
  // (the 经营异常名录 is read as the record only where it is named so — 「不是严重违法失信名单 是经营异常名录」
  // — and then replaces the list below, as a correction would)
  if (correcting || was !== 'serious_list' || f.recordType === undefined || f.recordType === was) return;
  if (f.recordType === 'abnormal_list') return;
  delete f.recordType;
  delete f.penaltyKind;
  delete f.fineAmountYuan;
  delete f.fineMitigated;
}

/**
 * A message that states other facts answers the open question only if it speaks of the question's
 * subject (knowledge/dialog.json answerSubjects): 「去年的纸质年报是交了的」 says nothing about a change
 * registration, however its 「交了」 reads as a "yes". Another fact hedged counts too, and among the
 * penalty questions (dialog.json answerSubjectRivals) another one's subject named: 「整改应该算弄好了吧
 * 也没人来看过」 speaks of rectification, not of the sector asked about.
 */
function offSubject(
  pending: FactName,
  text: string,
  facts: Facts,
  value: unknown,
  hedged: FactName[],
): boolean {
  const all = (dialog.answerSubjects ?? {}) as Record<string, string[] | string>;
  const subjects = all[pending];
  if (!Array.isArray(subjects)) return false;
  const s = normalize(text);
  if (subjects.some((w) => s.includes(w))) return false;
  const rivals = (dialog.answerSubjectRivals ?? []) as string[];
  const otherSubject =
    rivals.includes(pending) &&
    rivals.some((f) => f !== pending && (all[f] as string[] | undefined)?.some((w) => s.includes(w)));
  if (otherSubject || [...Object.keys(facts), ...hedged].some((f) => f !== pending)) return true;
  // 「那阵子厂里停工 大半年没人 门卫也撤了」: a story that never names the subject and does not begin
  // with a yes or no has its 没 about something else; it says no "no" to the question
  return (
    value === false &&
    s.split(/[\s，,。！!；;]+/).filter(Boolean).length > 1 &&
    !leadsWithYesOrNo(s) &&
    !hedgedMessage(text)
  );
}

/** The message names the open question's subject (dialog.json answerSubjects). */
function onSubject(pending: FactName, text: string): boolean {
  const subjects = (dialog.answerSubjects as Record<string, string[] | string> | undefined)?.[pending];
  const s = normalize(text);
  return Array.isArray(subjects) && subjects.some((w) => s.includes(w));
}

/**
 * A hedge word in the message (好像, 可能, 说不准 …), not one that also marks a correction (应该是), nor
 * one that only guesses when something still under way will be done: in 「变更还在办，估计下周能好」
 * the 估计 is about next week, and 还在办 is a plain "not yet" (grammar.json forecasts).
 */
function hedgedMessage(
  text: string,
  pending?: FactName,
  now = new Date(),
  understoodHedged: readonly FactName[] = [],
): boolean {
  // 「好像是2019年的事 是年报冇报」: understanding gave the message's hedge to another fact (the year),
  // so the answer told beside it stands
  if (pending && understoodHedged.length > 0 && !understoodHedged.includes(pending)) return false;
  const g = lexicon().grammar;
  const parts = withoutSureWords(withSettledGuesses(normalize(text))).split(/[，,。；;!！\s]+/);
  return parts.some((part, i) => {
    // 「交了 应该」: a bare 应该 after what it guesses (应该是 before a value corrects, 「应该是2020年」);
    // 「大概交了」: 大概 before the act guesses it (before a time, 「大概两年前」, it only rounds)
    if (i > 0 && /^应该(?:吧|的)?$/.test(part)) return true;
    const tentative = g.tentativeEndings.words.some((w) => part.endsWith(w));
    const hedge = (w: string) =>
      part.includes(w) && (tentative || !g.correctionMarkers.includes(w)) && !asksHowAfter(part, w);
    if (!g.hedges.some(hedge) && !/大概(?![\d一二两三四五六七八九十几半是有])/.test(part)) return false;
    // a hedge said on its own (「估计 下周能好」) belongs to the clause after it
    const reach = part.length <= 3 ? `${part}${parts[i + 1] ?? ''}` : part;
    if (g.forecasts.words.some((w) => reach.includes(w))) return false;
    // 「电话找得到我 其他违法违规的 应该冇得吧」: the guess is about another question's subject (the clause,
    // or the topic clause before a short comment such as 「记不清了」), not about the one asked
    const topical = topicOf(parts, i);
    return !(
      pending &&
      (hedgeOnOtherSubject(pending, topical) || hedgeReadForAnother(pending, topical, now))
    );
  });
}

/**
 * The clause a hedge speaks of: its own, or with a short one (「应该冇得吧」) the one before; short
 * comments in a row (「别的违规嘛 我也不清楚 应该冇得吧」) reach back to the topic the first of them
 * follows, while none of them names a question's subject (dialog.json answerSubjects).
 */
function topicOf(parts: readonly string[], i: number): string {
  const part = parts[i] ?? '';
  if (part.length > 6) return part;
  let topic = `${parts[i - 1] ?? ''}${part}`;
  for (let j = i - 1; j > 0 && j >= i - 3 && (parts[j] ?? '').length <= 6 && !namesSubject(topic); j--)
    topic = `${parts[j - 1] ?? ''}${topic}`;
  return topic;
}

function namesSubject(clause: string): boolean {
  const all = (dialog.answerSubjects ?? {}) as Record<string, string[] | string>;
  return Object.values(all).some(
    (words) => Array.isArray(words) && words.some((w) => w.length > 1 && clause.includes(w)),
  );
}

/**
 * 「他年纪大了不太清楚要怎么弄」: every use of the hedge word in the clause is followed by a
 * how-question (grammar.json howUnknown), so the writer does not know how to proceed, not whether
 * something is so.
 */
function asksHowAfter(part: string, hedge: string): boolean {
  const { leads, words } = lexicon().grammar.howUnknown;
  const uses = part.split(hedge).slice(1);
  const asks = (rest: string) => words.some((w) => rest.startsWith(w));
  return uses.every(
    (rest) => asks(rest) || leads.some((l) => rest.startsWith(l) && asks(rest.slice(l.length))),
  );
}

/**
 * The statement reader already gave the clause's hedge to another fact: in 「已经按期改好了 …
 * 好像以前也抽到过」 the 好像 is about the spot check, not about the correction asked.
 */
function hedgeReadForAnother(pending: FactName, clause: string, now: Date): boolean {
  const { hedged } = extractFacts(clause, now);
  if (hedged.length > 0) return !hedged.includes(pending);
  // 「以前是不是也出过这种事 我记不太清了 可能有一次」: the guess answers the writer's own question,
  // whose matter (the question put as told) is another fact
  const asked = askedAsTold(clause);
  if (asked === clause) return false;
  const told = extractFacts(asked, now);
  const about = [...Object.keys(told.facts), ...told.hedged];
  return about.length > 0 && !about.includes(pending);
}

/** The clause names another question's subject (dialog.json answerSubjects) and none of `pending`'s. */
function hedgeOnOtherSubject(pending: FactName, clause: string): boolean {
  const all = (dialog.answerSubjects ?? {}) as Record<string, string[] | string>;
  const own = all[pending];
  if (Array.isArray(own) && own.some((w) => clause.includes(w))) return false;
  // (a one-character subject such as 办 or 改 names no subject of its own)
  return Object.entries(all).some(
    ([f, words]) =>
      f !== pending && Array.isArray(words) && words.some((w) => w.length > 1 && clause.includes(w)),
  );
}

/** The kinds a 「不是X，是Y」 may correct: what the case is about, told as a choice. */
const CHOICE_FACTS: FactName[] = ['listingReason', 'entityType', 'errorKind', 'recordType', 'penaltyKind'];
const NOT_THIS_BUT_THAT =
  /不是([^，,。；;!！?？]{1,12}?)[，,\s]*(?:而|应该|其实)?是(?!不是)([^。；;!！?？]+)/;

/** 「原因其实不是年报」「被列的原因并不是没报年报」「不是因为年报的事」: the cause, then what it is not. */
const CAUSE_DENIED =
  /(?:原因|因为|被列的?|列进去的?|列入的?)[^，,。；;!！?？]{0,6}?(?:其实|根本|压根)?(?:并|也)?不是(?:因为)?([^，,。；;!！?？\s]{1,10})/;

/**
 * deniedReason: the listing cause on record named after 不是 in a clause about the cause, with no other
 * cause told in its place (notThisButThat reads that one first): the cause is no longer known. What the denied
 * words would state (「没报年报」: a report not filed) is not stated either.
 */
function deniedReason(text: string, stored: Facts, now: Date): { read: Facts } | undefined {
  if (stored.listingReason === undefined) return undefined;
  const s = normalize(text);
  const m = CAUSE_DENIED.exec(s);
  if (!m?.[1]) return undefined;
  if (parseAnswer('listingReason', m[1], { now }) !== stored.listingReason) return undefined;
  return { read: extractFacts(m[1], now).facts };
}

/**
 * notThisButThat: 「不是没报年报 是地址联系不上」 corrects a choice already stored: X reads as the
 * stored value (or as nothing), Y as another value of the same fact, read the way an answer to that
 * question is read — the story around it was told in earlier messages.
 */
function notThisButThat(text: string, stored: Facts, now: Date): Facts {
  const m = NOT_THIS_BUT_THAT.exec(normalize(text));
  if (!m?.[1] || !m[2]) return {};
  const out: Facts = {};
  // (「不是22 是23年」: the listing year is corrected the same way, a bare year read as its answer is)
  for (const f of [...CHOICE_FACTS, 'listedYear'] as FactName[]) {
    const was = stored[f];
    if (was === undefined) continue;
    const x = parseAnswer(f, m[1], { now });
    const y = parseAnswer(f, m[2], { now });
    if (y === undefined || y === 'unknown' || y === was) continue;
    if (x !== was && x !== undefined) continue;
    (out as Record<string, unknown>)[f] = y;
  }
  return out;
}

/**
 * 「现在已经公示上去了 上个礼拜弄好的 去哪里申请 要几天」: the clauses that ask nothing answer the open
 * question on their own, so the questions after them are side questions, not the whole message.
 */
function answeredBeforeAsking(text: string, pending: FactName, now: Date): boolean {
  const told = normalize(text)
    .split(/[\s，,。！!；;？?]+/)
    .filter((p) => p && !QUESTION_CLAUSE.test(p) && !A_NOT_A.test(p));
  if (told.length === 0) return false;
  const value = parseAnswer(pending, told.join('，'), { now });
  if (value !== undefined && value !== 'unknown') return true;
  // 「到现在都还冇公示 会计辞职哒冇得人搞 先问下要么样修复」: the told clauses state it in their own words
  return understand(told.join('，'), { now, pending }).facts[pending] !== undefined;
}

/**
 * listingYearEitherWay: 「前年冇报年报 被搞成经营异常了」 dates the listing in 前年 or, if the year names
 * the report, the year after. Understanding leaves the year open; when both readings fall on the same
 * side of the pilot's 2020 line the route is the same either way, so the earlier year is taken (the
 * summary line before a verdict shows it, and one sentence corrects it).
 */
function listingYearEitherWay(text: string, stored: Facts, facts: Facts, now: Date): number | undefined {
  if (stored.listedYear !== undefined || facts.listedYear !== undefined) return undefined;
  if ((facts.listingReason ?? stored.listingReason) !== 'annual_report_overdue') return undefined;
  const s = normalize(text);
  // (「说是二二年那会儿年报冇报」 with the listing already told: the year of the report not filed)
  const listed = (facts.listed ?? stored.listed) === true;
  return (relativeYearListed(s, now) ?? (listed ? yearOfUnfiledReport(s, now) : undefined))?.year;
}

/**
 * retoldFacts: 「不对，我记错了，…我们拖了差不多一个月才改好」 tells again the event an earlier message
 * told (「当天就改了」); each yes/no fact read from the user's words before is read again from the
 * correction's own words for it, and a different value replaces it (behaviour 1).
 */
function retoldFacts(ctx: Ctx, text: string, stated: Facts): Facts {
  const out: Facts = {};
  for (const f of ctx.s.fromText ?? []) {
    const was = ctx.s.facts[f];
    if (typeof was !== 'boolean' || f in stated) continue;
    const now = retold(f, text, ctx.now);
    if (now !== undefined && now !== was) (out as Record<string, unknown>)[f] = now;
  }
  return out;
}

/**
 * toldBeforeAsked: 「地址冇变更，现在又回来了，还在原来那个门面开」 answers the change question and the
 * next one (「能联系到您吗」) too; no question is asked whose answer was already given (behaviour 2).
 * Only strict wordings count (nlu/answer.ts volunteered), never for the open question (its own reading
 * ran), a fact on record, one the message states, or in a hedged message.
 */
/** What one message told, as the readers of volunteered facts below need it. */
interface Told {
  ctx: Ctx;
  text: string;
  cmds: Command[];
  facts: Facts;
  pending: FactName | undefined;
  hedged: FactName[];
}

function toldBeforeAsked({ ctx, text, cmds, facts, pending, hedged }: Told): Facts {
  if (hedgedMessage(text)) return {};
  const known: Facts = { ...ctx.s.facts };
  for (const c of cmds) {
    if (c.type === 'correct') Object.assign(known, c.facts);
    if (c.type === 'answer') (known as Record<string, unknown>)[c.fact] = c.value;
  }
  Object.assign(known, facts);
  // 「刚打电话问了 有一年的年报还冇补上」 after 「欠的都补齐了」: a yes on record meets a strict no; it goes to
  // the merge like any stated value (stated-over-stored.ts: taken as a setback, or asked back — and a
  // fact in dispute grants nothing), so a step taken back never leaves 「可以申请」 standing
  const told = volunteered(
    text,
    known,
    (f) =>
      f === pending ||
      hedged.includes(f) ||
      // what this message itself says of the fact stands; only a yes told before is met again
      (known[f] !== undefined && (known[f] !== true || ctx.s.facts[f] !== true || f in facts)),
  );
  for (const f of Object.keys(told) as FactName[]) if (known[f] === told[f]) delete told[f];
  return told;
}

/** 「…公示出来没有」「…补了没」: a clause that ends by asking whether it was done */
const DONE_ASKED_AT_END = /了?(?:没有?|冇)$/;

let doubtRe: RegExp | undefined;
/** 「我也说不准」「其实也不知道」: who does not know, a few adverbs, the words of not knowing (answers.json unknown) */
function doubtWords(): RegExp {
  const a = lexicon().answers;
  doubtRe ??= new RegExp(
    `(?:${a.unknownSubject.join('|')})?[也还真都就实在其确]{0,4}(?:${a.unknown.join('|')})`,
  );
  return doubtRe;
}

/**
 * hedgedOverRecord: 「好像还有一年冇补 不晓得」 after 「欠的都补齐哒」, 「好像是19年列的 记不清了」 after
 * 「20年列的」: a fact on record that the message now only guesses at is no longer known (behaviour 5) —
 * unless the guess, its hedge words taken out, says the same as the record (「好像是20年吧」).
 */
function hedgedOverRecord(
  text: string,
  stored: Facts,
  hedged: FactName[],
  read: (t: string) => Facts,
): FactName[] {
  // (yes/no facts and the listing year: a kind compared in a guess — 「跟填错电话差不多吧」 — is no doubt of
  // the kind told)
  const onRecord = hedged.filter(
    (f) => stored[f] !== undefined && (FACT_KINDS[f]?.kind === 'boolean' || f === 'listedYear'),
  );
  if (!onRecord.length) return [];
  const { hedges } = lexicon().grammar;
  let plain = normalize(text).replace(new RegExp(doubtWords().source, 'g'), '');
  for (const h of hedges) plain = plain.split(h).join('');
  const said = read(plain.replace(/吧/g, ''));
  return onRecord.filter((f) => said[f] !== stored[f]);
}

/**
 * doubted: 「不过去年那份年报到底公示出来没有 我也不太确定」 — the message asks whether something is so
 * and says the writer does not know (behaviour 5: no fact without a statement). What it asks about is
 * found by reading each asking clause put as the statement it asks about (「公示出来了」), in the case's
 * frame; those facts are no longer known, whatever was told of them before. A message that asks and
 * knows (「公示了没有？我刚查了 公示了」) doubts nothing.
 */
function doubted(text: string, stored: Facts, read: (t: string) => Facts): FactName[] {
  // (「变更办没办好我也不清楚」「不晓得公示冇公示」: the doubt may close or open the asking clause itself)
  const doubt = doubtWords();
  const parts = clauses(normalize(text)).flatMap((c) => {
    const t = c.text.trim();
    const m = doubt.exec(t);
    if (!m) return [t];
    const end = m.index + m[0].length;
    if (m.index > 0) return [t.slice(0, m.index), t.slice(m.index)];
    return end < t.length ? [t.slice(0, end), t.slice(end)] : [t];
  });
  const doubting = (t: string) => doubt.exec(t)?.index === 0 && !QUESTION_CLAUSE.test(t);
  if (!parts.some(doubting)) return [];
  const subjects = (dialog.answerSubjects ?? {}) as Record<string, string[] | string>;
  const out = new Set<FactName>();
  for (const c of parts) {
    if (doubting(c)) continue;
    const plain = c.replace(/到底|究竟/g, '');
    let told = askedAsTold(plain).replace(DONE_ASKED_AT_END, '了');
    if (told === plain) continue;
    // (「交没交」 put as told is 「交」: done, as the question asks)
    if (!told.endsWith('了')) told += '了';
    for (const f of Object.keys(read(told)) as FactName[]) out.add(f);
    // a step on record the question names by its words (「网上到底公示出来没有」: the report's 公示)
    for (const [f, v] of Object.entries(stored) as [FactName, unknown][]) {
      const words = subjects[f];
      if (v === true && isStep(f) && Array.isArray(words) && words.some((w) => plain.includes(w))) out.add(f);
    }
  }
  // (what the question takes for granted stays: 「之前有冇被罚过同类的」 doubts a repeat, not the penalty;
  // a yes/no is what such a question asks)
  return [...out].filter((f) => f !== 'listed' && FACT_KINDS[f]?.kind === 'boolean');
}

/**
 * stateNow: 「那阵子厂里停工 信都退回去了」 then 「现在复工了 还在执照上那个老地方干」 — a state told for
 * the present (dialog.json presentMarkers) replaces the one told of a time gone by: where the business
 * can be reached is how it is now. Only the strict wordings of answers.json volunteered count.
 */
function stateNow({ ctx, text, cmds, facts, pending, hedged }: Told): Facts {
  const markers = (dialog.presentMarkers ?? []) as string[];
  if (hedgedMessage(text) || !markers.some((w) => normalize(text).includes(w))) return {};
  const states = new Set((dialog.presentStates ?? []) as string[]);
  const told = volunteered(
    text,
    ctx.s.facts,
    (f) =>
      f === pending || !states.has(f) || f in facts || hedged.includes(f) || ctx.s.facts[f] === undefined,
  );
  const out: Facts = {};
  for (const [f, v] of Object.entries(told) as [FactName, unknown][])
    if (ctx.s.facts[f] !== v && !cmds.some((c) => c.type === 'correct' && f in c.facts))
      (out as Record<string, unknown>)[f] = v;
  return out;
}

/**
 * reasonWithTheYes: 「是冇按时报年报 疫情那几年店子都冇开」 to "are you listed?" says yes by giving the
 * reason; the reason is read the way an answer to the reason question is (its choice words), since
 * that question comes next and would only be asked again.
 */
function reasonWithTheYes(ctx: Ctx, text: string, cmds: Command[], facts: Facts): Facts {
  const yes = cmds.some((c) => c.type === 'answer' && c.fact === 'listed' && c.value === true);
  if (!yes || facts.listingReason !== undefined || ctx.s.facts.listingReason !== undefined) return {};
  if (ctx.s.unknown.includes('listingReason') || hedgedMessage(text)) return {};
  const reason = parseAnswer('listingReason', text, { now: ctx.now });
  return typeof reason === 'string' && reason !== 'unknown' && reason !== 'other'
    ? { listingReason: reason as Facts['listingReason'] }
    : {};
}

/**
 * dateOfTheList: 「公司去年被列入了严重违法失信名单 日期是二〇二五年六月十八号」 — the one date told in
 * the message that names the serious list is its listing date, read the way the answer to that
 * question is (the date of a penalty or another event told beside it is not). Two dates, or none:
 * the question is asked.
 */
function dateOfTheList(ctx: Ctx, text: string, facts: Facts, pending: FactName | undefined): Facts {
  const record = facts.recordType ?? ctx.s.facts.recordType;
  if (record !== 'serious_list' || pending === 'seriousListedDate') return {};
  // (a year told alone on record is no day: the day told now replaces or refines it)
  const stored = ctx.s.facts.seriousListedDate;
  if (facts.seriousListedDate !== undefined || (stored !== undefined && !isYearOnly(stored))) return {};
  if (hedgedMessage(text)) return {};
  const s = normalize(text);
  const first = readDate(s, ctx.now);
  if (!first) return {};
  const rest = s.split(/[\s，,。！!；;？?]+/).filter((c) => readDate(c, ctx.now) !== undefined);
  if (rest.length !== 1) return {};
  const date = parseAnswer('seriousListedDate', text, { now: ctx.now });
  return typeof date === 'string' && date !== 'unknown' ? { seriousListedDate: date } : {};
}

let verdictRe: RegExp | undefined;
let papersRe: RegExp | undefined;
/**
 * 「现在可以申请了吧」「那还能免列异吗」 (dialog.json verdictQuestions); 「还是我拿授权委托书和身份证就能办」
 * asks whether those papers will do (papersSufficeQuestions), a documents question
 */
function asksVerdict(text: string): boolean {
  verdictRe ??= new RegExp((dialog.verdictQuestions as string[]).join('|'));
  papersRe ??= new RegExp((dialog.papersSufficeQuestions as string[]).join('|'));
  const s = normalize(text);
  return verdictRe.test(s) && !papersRe.test(s);
}

/** A question answered by its intent's generic entry (where to apply, policy), no FAQ entry of its own. */
function genericQuestion(c: Command): boolean {
  if (c.type !== 'ask-topic') return false;
  const byIntent = dialog.faqIntent as Record<string, string>;
  return !c.topic || c.topic === byIntent[c.intent ?? ''];
}

/** The date that dates each record: a correction of 「是二〇二五年六月二十号」 re-dates it. */
const RECORD_DATE: Partial<Record<string, FactName>> = {
  serious_list: 'seriousListedDate',
  admin_penalty: 'penaltyPublishedDate',
};

/**
 * redatedRecord: 「说错了 是二〇二五年六月二十号」 in a case about a published penalty or the serious
 * list corrects the date told for that record, not a listing year the case does not have: the year
 * read from the correction becomes the whole date it was said with — also where no date was told
 * before (「公示的时间我记错了 是去年6月」 while the date is being asked).
 */
function redatedRecord(stored: Facts, corrections: Facts, text: string, now: Date): void {
  // 「搞错哒 …是在严重违法失信名单里面 列入日期是2025年8月6号」: the record the correction names
  const fact = RECORD_DATE[corrections.recordType ?? stored.recordType ?? ''];
  if (!fact || corrections.listedYear === undefined || stored.listedYear !== undefined) return;
  delete corrections.listedYear;
  const date = readDate(normalize(text), now);
  if (date && stored[fact] !== date) (corrections as Record<string, unknown>)[fact] = date;
}

/**
 * newListingAfterRemoval: the case's listing was told removed (listed false, past-listing.ts), before
 * or in this message, and this message tells a listing again (「今年一查 又在名录里头 这回写的是未按规定
 * 报送年度报告」「地址那个已经移出来了 现在就只剩年报那个」): its cause and year are the one left on the
 * record, replacing the removed one's as a correction would, not a contradiction to ask 以哪个为准 about.
 */
function newListingAfterRemoval(stored: Facts, facts: Facts, corrections: Facts, text: string): void {
  if (facts.listed !== true) return;
  const removed =
    stored.listed === false ||
    (stored.listingReason !== undefined && tellsRemoved(normalize(text), stored.listingReason));
  if (!removed) return;
  for (const f of ['listingReason', 'listedYear'] as const)
    if (facts[f] !== undefined && stored[f] !== undefined && facts[f] !== stored[f]) {
      (corrections as Record<string, unknown>)[f] = facts[f];
      delete facts[f];
    }
}

/**
 * 「网上查到一个处罚记录 说通过登记的住所无法联系」 then 「那个是经营异常名录 不是处罚」: what the earlier
 * messages said of the listing was read as a penalty's story and dropped; once the record is named the
 * listing, those messages are read again for its reason and year (never over what is stored or said now).
 */
function listingToldBefore(ctx: Ctx, facts: Facts): Facts {
  const out: Facts = {};
  const earlier = ctx.s.history.filter((h) => h.from === 'user' && !h.text.startsWith('[')).slice(0, -1);
  const unknown = (f: FactName) =>
    facts[f] === undefined && ctx.s.facts[f] === undefined && out[f] === undefined;
  // (a message that only guessed — 「好像是地址的问题」 — told no reason then and tells none now)
  for (const h of earlier.filter((x) => !hedgedMessage(x.text))) {
    const u = understand(h.text, { now: ctx.now, record: 'abnormal_list' });
    const reason = listingReason(normalize(h.text))?.value;
    if (reason && unknown('listingReason')) out.listingReason = reason;
    if (u.facts.listedYear !== undefined && !u.hedged.includes('listedYear') && unknown('listedYear'))
      out.listedYear = u.facts.listedYear;
  }
  return out;
}

/**
 * 「以哪个为准？」 open, a reply that tells how the disputed fact stands now, as news or as looked up
 * (「又问了一下 那笔上个月已经交清哒」), is read as an answer about it. A bare yes or no (「对」「没有」)
 * or a reply that picks one of the two values (「之前那个对」) tells no news, and is read as before.
 */
function disputedFact(s: Session, text: string): FactName | undefined {
  const frame = openFrame(s);
  if (frame?.flow !== 'correction') return undefined;
  if (leadsWithYesOrNo(text) && normalize(text).length <= 6) return undefined;
  if (has('pickWords', text)) return undefined;
  return has('progressMarkers', text) || has('lookedUpMarkers', text) ? frame.fact : undefined;
}

/** Free text, understood once, as commands. */
function textCommands(ctx: Ctx, text: string): Command[] {
  const s = ctx.s;
  const asked = openFact(s);
  const hinge = asked ? undefined : resultHinge(ctx, text);
  const pending = asked ?? hinge ?? disputedFact(s, text);
  const record = s.facts.recordType;
  const listedFor = s.facts.listingReason;
  const alsoListedFor = s.facts.alsoListedFor;
  // moved away and not listed, no record named: a punishment-buffer story (四(五))
  const bufferStory =
    s.facts.operatingAtRegisteredAddress === false && s.facts.listed !== true && record === undefined;
  // an error in published information told and no listing: a minor-error story (四(四))
  const errorStory =
    s.facts.errorKind !== undefined &&
    s.facts.errorKind !== 'other' &&
    s.facts.listed !== true &&
    record === undefined;
  // the user's message before this one (this one is already in the history); a tapped button is none
  const said = s.history.filter((h) => h.from === 'user');
  const before = said.length > 1 ? said[said.length - 2]?.text : undefined;
  const u = understand(text, {
    now: ctx.now,
    pending,
    ...(record && { record }),
    ...(listedFor && { listedFor }),
    ...(alsoListedFor && { alsoListedFor }),
    ...(bufferStory && { bufferStory }),
    ...(errorStory && { errorStory }),
    ...(before && !before.startsWith('[') && { before }),
  });
  ctx.intent = u.intent;
  ctx.confidence = u.confidence;
  const cmds: Command[] = [];
  const facts: Facts = { ...u.facts };
  // the hinge was not asked: a message about something else (「还冇被列入」) does not answer it,
  // neither as a statement nor through its 冇 read as a "no"
  // (what the user already told, said again — 「罚款」 naming the penalty — is nothing else; a value
  // the case only presumed, 「还没有被列入」 after a minor-error story, is)
  const toldBefore = (f: FactName) => facts[f] === s.facts[f] && (s.fromText ?? []).includes(f);
  const aboutElse =
    hinge !== undefined && (Object.keys(facts) as FactName[]).some((f) => f !== hinge && !toldBefore(f));
  // (news of progress on the hinge itself — 「今天把新手机号报给所里了 能打通」 — is no stray 冇)
  if (hinge && aboutElse && !toldAsProgress(hinge, s.facts[hinge], facts[hinge], text)) delete facts[hinge];
  keepRecord(s.facts, facts, has('correctionCues', text));
  const eitherYear = listingYearEitherWay(text, s.facts, facts, ctx.now);
  if (eitherYear !== undefined && pending !== 'listedYear') facts.listedYear = eitherYear;
  // Corrections: named by understanding, or a stated value that differs from the stored one in a
  // message that says it corrects (「说错了」「不对」「记错了」).
  const corrections: Facts = {
    ...notThisButThat(text, s.facts, ctx.now),
    ...((u as Understanding & { corrections?: Facts }).corrections ?? {}),
  };
  // 「罚款那个无所谓了 我主要是想把经营异常名录这个修复掉」: the listing is only ever read as the record
  // to repair when the user names it so (lexicon-rules record.abnormalWanted), so it replaces the
  // penalty or serious list on record at once, as a correction would
  if (facts.recordType === 'abnormal_list' && s.facts.recordType && s.facts.recordType !== 'abnormal_list')
    corrections.recordType = 'abnormal_list';
  newListingAfterRemoval(s.facts, facts, corrections, text);
  if (corrections.recordType === 'abnormal_list') Object.assign(facts, listingToldBefore(ctx, facts));
  // 「原因其实不是年报 具体么原因我也不清楚」: the cause on record denied, no other named
  const denied = corrections.listingReason === undefined ? deniedReason(text, s.facts, ctx.now) : undefined;
  if (denied) {
    for (const f of Object.keys(denied.read) as FactName[]) delete facts[f];
    delete facts.listingReason;
    cmds.push({ type: 'dont-know', fact: 'listingReason' });
  }
  for (const f of Object.keys(corrections) as FactName[]) if (facts[f] === corrections[f]) delete facts[f];
  // a correction only replaces what it may replace (stated-over-stored.ts): 「公示时间记错了 是去年9月
  // 当时罚了3万」 corrects the date, its fine leaves the 停产停业 of the same decision standing
  for (const [f, v] of Object.entries(corrections) as [FactName, unknown][])
    if (overStored(f, s.facts[f], v, text) === 'keep') delete corrections[f];
  // (「前面讲第一次是错的 …连着两年了」: a saying taken back marks a correction as 说错了 does)
  const cue = has('correctionCues', text) || takesBackSaying(normalize(text));
  for (const [f, v] of Object.entries(facts) as [FactName, unknown][]) {
    if (f in corrections) delete facts[f];
    else if (
      cue &&
      s.facts[f] !== undefined &&
      f !== 'docType' &&
      overStored(f, s.facts[f], v, text) === 'ask'
    ) {
      (corrections as Record<string, unknown>)[f] = v;
      delete facts[f];
    }
  }
  if (cue) Object.assign(corrections, retoldFacts(ctx, text, { ...facts, ...corrections }));
  redatedRecord(s.facts, corrections, text, ctx.now);
  if (Object.keys(corrections).length) cmds.push({ type: 'correct', facts: corrections });
  // 「要去哪里办」 while a yes/no question is open is a question, not a "no"
  const onlyPending = Object.keys(facts).every((f) => f === pending);
  const sideQuestion =
    pending !== undefined &&
    onlyPending &&
    QUESTION_CLAUSE.test(text) &&
    !answeredBeforeAsking(text, pending, ctx.now) &&
    u.confidence >= CONFIDENCE_FLOOR &&
    (INFO_INTENTS.has(u.intent) || u.intent === 'human');
  if (sideQuestion && pending) delete facts[pending];
  if (pending && !(pending in corrections) && !sideQuestion) {
    const named = (u as Understanding & { answer?: { fact: FactName; value: unknown } }).answer;
    // 「不对，说错了，不是公司…」 corrects what was said before; its 「不对」 is no answer to a yes/no question
    const correctsOther =
      (cue && Object.keys(facts).some((f) => f !== pending)) ||
      Object.keys(corrections).some((f) => f !== pending);
    // 「不对不对 我搞错了 …是2021年」: the 不对 says no to what was said before, not to the question
    // (「刚问了 去年那一年度的到现在都还没报 之前说错了」 states the no in a strict wording of its own:
    // that no stands)
    const correctionsNo =
      correctsOther &&
      FACT_KINDS[pending].kind === 'boolean' &&
      named?.value === false &&
      volunteered(text, s.facts, (f) => f !== pending)[pending] !== false;
    // a hinge was never asked: neither a bare yes nor 「我晚点问」 (not known) changes what was stated
    const bare =
      hinge !== undefined &&
      (bareYes(text, hinge, ctx.now) || parseAnswer(hinge, text, { now: ctx.now }) === 'unknown');
    // a message made only of questions states nothing of the question either (「…还是非要先补了」)
    const askedOnly = askedBack(text, pending);
    // 「按三个月算 八月二十五到今天早就满了吧 怎么还不让我申请」: a hinge already told, named again in a
    // message that asks (the user's own reckoning, often from another date of the case), is no new value
    // (「今天上午把变更登记办好了 现在么样申请」 tells a step taken since: progress, no reckoning)
    const reckoned =
      hinge !== undefined &&
      s.facts[hinge] !== undefined &&
      QUESTION_CLAUSE.test(text) &&
      !(hinge in corrections) &&
      !cue &&
      !toldAsProgress(hinge, s.facts[hinge], facts[hinge], text);
    if (bare || askedOnly || reckoned) delete facts[pending];
    const value =
      askedOnly || correctionsNo || bare || reckoned
        ? undefined
        : named?.fact === pending && !aboutElse
          ? named.value
          : correctsOther
            ? undefined
            : facts[pending];
    if (correctsOther && (named?.fact !== pending || correctionsNo)) delete facts[pending];
    if (value !== undefined && offSubject(pending, text, facts, value, u.hedged)) {
      delete facts[pending];
    } else if (value !== undefined && hedgedMessage(text, pending, ctx.now, u.hedged)) {
      // 「好像是年报的问题吧 也可能是地址」: a hedged answer is asked back, never taken (behaviour 5)
      delete facts[pending];
      cmds.push({ type: 'hedge', fact: pending });
    } else if (value !== undefined) {
      cmds.push({ type: 'answer', fact: pending, value });
      delete facts[pending];
    } else if (
      !bare &&
      hinge !== undefined &&
      value === undefined &&
      !u.hedged.includes(pending) &&
      onSubject(pending, text) &&
      saysUnknown(text)
    ) {
      // 「材料递上去了 到底批下来没有 我还真不知道」: the user does not know how it stands now, so
      // what was said before (「变更没登记」) no longer decides; the result waits for it
      cmds.push({ type: 'dont-know', fact: pending });
    } else if (!bare && u.hedged.includes(pending) && u.reportYearUnknown) {
      // 「补了一份 哪一年度的我也没注意」: filed, of a year not known; asked back with where to look
      cmds.push({ type: 'hedge', fact: pending, reportYearUnknown: true });
    } else if (!bare && u.hedged.includes(pending)) {
      cmds.push(
        parseAnswer(pending, text, { now: ctx.now }) === 'unknown'
          ? { type: 'dont-know', fact: pending }
          : { type: 'hedge', fact: pending },
      );
    }
  }
  const told: Told = { ctx, text, cmds, facts, pending, hedged: u.hedged };
  Object.assign(facts, toldBeforeAsked(told));
  // (what a question asks about is read as a statement would be: in the case's frame, with the strict
  // wordings that only speak in its context)
  const reread = (t: string): Facts => ({
    ...volunteered(t, s.facts, () => false),
    ...understand(t, {
      now: ctx.now,
      ...(record && { record }),
      ...(listedFor && { listedFor }),
      ...(bufferStory && { bufferStory }),
      ...(errorStory && { errorStory }),
    }).facts,
  });
  for (const f of hedgedOverRecord(text, s.facts, u.hedged, reread)) {
    if (f === pending || cmds.some((c) => 'fact' in c && c.fact === f)) continue;
    delete facts[f];
    cmds.push({ type: 'dont-know', fact: f });
  }
  for (const f of doubted(text, s.facts, reread)) {
    // (the open question keeps what its own reading made of the message, if anything)
    const readForPending = cmds.some(
      (c) => (c.type === 'answer' || c.type === 'hedge' || c.type === 'dont-know') && c.fact === f,
    );
    if (f === pending && readForPending) continue;
    delete facts[f];
    if (s.facts[f] !== undefined) cmds.push({ type: 'dont-know', fact: f });
  }
  const now = stateNow(told);
  if (Object.keys(now).length) cmds.push({ type: 'correct', facts: now });
  Object.assign(facts, reasonWithTheYes(ctx, text, cmds, facts));
  Object.assign(facts, dateOfTheList(ctx, text, facts, pending));
  // one year's report filed is not every year's (nlu/one-year-report.ts): asked back
  if (u.oneYearReport) cmds.push({ type: 'hedge', fact: 'allOverdueReportsFiled', oneYear: true });
  // what follows from the message without its saying it fills what the case does not know yet
  // (never the open question, which the reply answers or leaves open)
  for (const [f, v] of Object.entries(u.implied ?? {}) as [FactName, Facts[FactName]][])
    if (facts[f] === undefined && s.facts[f] === undefined && f !== pending)
      (facts as Record<string, unknown>)[f] = v;
  if (Object.keys(facts).length) cmds.push({ type: 'set-facts', facts, hedged: u.hedged });
  const stated = cmds.length > 0;
  // (understanding reads the normalised words: 「要带么东西」 asks as 「要带什么东西」 does)
  // (「具体哪天记不清了」「之前有没有被罚过 我真记不得了」: the question restated before not knowing asks nothing)
  const asking = (QUESTION_CLAUSE.test(text) || u.questions.length > 0) && !askedThenUnknown(normalize(text));
  const questions = asking ? questionsOf(u, text, !stated, ctx.now) : [];
  const sure = u.confidence >= CONFIDENCE_FLOOR;
  if (stated) {
    // a story told with its topic (「被列入了，怎么恢复」) starts that interview
    // (an unsure reading presumes none of the topic's facts: 「我们公司是在嘉鱼县登记的」 is no listing)
    if (INTERVIEW_INTENTS.has(u.intent) && !s.flows.some((f) => f.flow === 'interview'))
      cmds.push({ type: 'interview', topic: u.intent as InterviewTopic, ...(sure ? {} : { guessed: true }) });
    if (u.intent === 'draft' && sure) cmds.push(...intentCommands('draft', text, u.facts.docType));
    return [...cmds, ...questions];
  }
  // 「现在可以申请了吧」 asks where the case stands: the verdict, not the generic where-to-apply text
  if (asksVerdict(text) && (s.shown || Object.keys(s.facts).length))
    return [{ type: 'verdict' }, ...questions.filter((c) => !genericQuestion(c))];
  if (questions.length) return questions;
  // (a result's hinge was never asked: a message that does not meet it is read as any other message)
  if (asked) {
    // Not an answer. A question on the side gets its answer and the open question again.
    if (sure && (INFO_INTENTS.has(u.intent) || u.intent === 'human' || u.intent === 'out_of_scope'))
      return intentCommands(u.intent, text);
    // after a result nothing was asked: a message that does not touch what it hinged on is read as
    // any other message, not as a failed answer
    if (asked) return [{ type: 'unclear', why: 'not-an-answer' }];
  }
  // 「能不能先把我们移出来」 while 「以哪个为准」 is open asks about this very case: the case goes on
  // (the open question comes back), not a menu of what the message might be about
  if (openFrame(s)?.flow === 'correction' && INTERVIEW_INTENTS.has(u.intent))
    return intentCommands(u.intent, text);
  if (sure) return intentCommands(u.intent, text, u.facts.docType);
  const topic = specificFaq(text);
  if (topic) return [{ type: 'ask-topic', topic, text }];
  // No Chinese, nothing understood: a menu of topics is more useful than guessing.
  if (!/[\u3400-\u9fff]/.test(text)) return [{ type: 'unclear', why: 'no-chinese' }];
  const options = [u.intent, ...u.alternatives.map((a) => a.intent)]
    .filter((i, n, all) => all.indexOf(i) === n && i !== 'out_of_scope' && i !== 'smalltalk')
    .slice(0, 3);
  if (!options.length) return [{ type: 'out-of-scope', text }];
  return [{ type: 'clarify', options, text }];
}

/** `/draft <doc> from:<group chat>`: a draft moved out of a group keeps the facts told there. */
async function fromGroup(ctx: Ctx, chat: string): Promise<void> {
  if (ctx.turn.isGroup) return;
  const group = await ctx.opts.readSession(sessionKey({ ...ctx.turn, chatId: chat }));
  if (group)
    for (const [f, v] of Object.entries(group.facts))
      if (!(f in ctx.s.facts)) setFact(ctx.s, f as FactName, v as never);
}

async function slashCommand(ctx: Ctx, line: string): Promise<Command[]> {
  const [rawName = '', ...args] = line.trim().split(/\s+/);
  const name = rawName.toLowerCase().replace(/@.*$/, '');
  ctx.intent = 'command';
  if (Object.hasOwn(SLASH, name)) return [{ type: 'navigate', to: SLASH[name] as NavTarget }];
  if (name === 'human') return [{ type: 'hand-off' }];
  if (name === 'repair') return [{ type: 'interview', topic: 'repair' }];
  if (name === 'set') return [{ type: 'staff-set', args }];
  if (name === 'draft') {
    const from = args.find((a) => a.startsWith('from:'))?.slice(5);
    if (from) await fromGroup(ctx, from);
    const hint = args[0] && args[0] !== '-' && !args[0].startsWith('from:') ? args[0] : undefined;
    return [{ type: 'draft', doc: hint }];
  }
  return [{ type: 'unclear', why: 'unknown-command', detail: name }];
}

/**
 * A typed draft field may restate the case (the listing reason, why the business moved, what was put
 * right), but one that contradicts a fact on record (「哦不对 我办好的是税务那边的地址变更 市场监管这边
 * 的还冇办」) corrects the case: it is no field's value. So is one that tells something new that
 * changes the verdict (「刚想起来 我们的执照是崇阳县发的」): the draft cannot be written on a case
 * that no longer holds. Judged on the turn's one reading, its commands.
 */
function changesTheCase(ctx: Ctx, cmds: Command[]): boolean {
  const told: Record<string, unknown> = {};
  for (const c of cmds) if (c.type === 'set-facts' || c.type === 'correct') Object.assign(told, c.facts);
  delete told.docType;
  const had = ctx.s.facts as Record<string, unknown>;
  if (Object.keys(told).some((f) => had[f] !== undefined && had[f] !== told[f])) return true;
  // (「不过变更到底批下来没有 我也不敢打包票」: a fact on record put in doubt)
  if (cmds.some((c) => c.type === 'dont-know' && had[c.fact] !== undefined)) return true;
  const news = Object.fromEntries(Object.entries(told).filter(([f]) => had[f] === undefined)) as Facts;
  if (!Object.keys(news).length) return false;
  const checked = validateFacts(news, ctx.now);
  if (!checked.ok) return false;
  const now = ctx.det();
  const then = evaluate({ ...factsInForce(ctx.s), ...checked.facts });
  return then.path !== now.path || then.eligible !== now.eligible;
}

/** The commands of one turn; `text` is the cleaned message (undefined for a button). */
export async function turnCommands(ctx: Ctx, raw: string | undefined): Promise<Command[]> {
  const s = ctx.s;
  const top = openFrame(s);
  if (ctx.turn.choiceId !== undefined) {
    ctx.intent = 'choice';
    return [parseCommandId(ctx.turn.choiceId, top) ?? { type: 'unclear', why: 'stale' }];
  }
  if (!raw) return [{ type: 'unclear', why: 'empty' }];
  // Every reader below sees the message as the lexicon reads it (normalize.ts asRead: 「不對」 is
  // 「不对」 to the correction cues too, 「喂 个体哈」 is 「个体」); a draft field keeps what was typed.
  const text = asRead(raw);
  // A bare number picks one of the choices last offered (the console and plain-text channels).
  const number = /^[0-9０-９]{1,2}$/.test(text)
    ? Number(text.replace(/[０-９]/g, (c) => String(c.charCodeAt(0) - 0xff10)))
    : Number.NaN;
  const picked = Number.isInteger(number) ? s.choices[number - 1] : undefined;
  // The label itself, typed instead of its number (「确认生成」「全部」「常见问题」).
  const typed = picked ?? s.choices.find((c) => sameWords(c.label, text));
  if (typed) {
    ctx.intent = 'choice';
    return [parseCommandId(typed.id, top) ?? { type: 'unclear', why: 'stale' }];
  }
  if (Number.isInteger(number) && s.choices.length && !expectsNumber(s))
    return [{ type: 'unclear', why: 'number-range' }];
  if (text.startsWith('/') || text.startsWith('／')) return slashCommand(ctx, text.slice(1));
  const navWord = text.replace(/[。！!.\s]/g, '');
  // own keys only: 「toString」 or 「__proto__」 typed by a user is text, not a command
  if (Object.hasOwn(NAV, navWord)) {
    ctx.intent = 'command';
    return [{ type: 'navigate', to: NAV[navWord] as NavTarget }];
  }
  if (((dialog.detailWords ?? []) as string[]).includes(navWord)) return [{ type: 'explain' }];
  if (top?.flow === 'draft' && (top.step === 'field' || top.step === 'confirm')) {
    // In the draft, what is typed is the field's value (or 跳过 / 取消 / 确认).
    const word = draftWord(text);
    if (word === 'skip' && top.step === 'field') return [{ type: 'skip' }];
    if (word === 'cancel') return [{ type: 'cancel' }];
    if (word === 'confirm' && top.step === 'confirm') return [{ type: 'confirm' }];
    // a correction of the case is no field's value: it goes to the case, and the draft resumes on what
    // the case then allows
    const { intent, confidence } = ctx;
    const read = textCommands(ctx, text);
    if (changesTheCase(ctx, read)) return read;
    // (a field's value is no reading of intent: the turn reports what it did before the reading)
    Object.assign(ctx, { intent, confidence });
    return [{ type: 'field-value', value: raw }];
  }
  return textCommands(ctx, text);
}
