// A free-form answer to the question the engine asked about one fact: 是/否/对/没有/补了/还没,
// years, counts, entity types, reasons, error kinds, document kinds.

import { PILOT_SINCE_YEAR } from '../../rules/routes.ts';
import { FACT_KINDS, type FactName, type Facts } from '../../rules/types.ts';
import { corrections, listingYearOf } from './discourse.ts';
import { factLexicon } from './fact-lexicon.ts';
import { extractFacts } from './facts.ts';
import { type AnswerCue, blankOut, lexicon } from './lexicon.ts';
import { matchesOf } from './matches.ts';
import { readAmountYuan, readDate, readYearOnly, toldBySeasonOnly, withoutDatesOf } from './money-date.ts';
import { clauses, normalize } from './normalize.ts';
import { pastListingClauses, removedIn } from './past-listing.ts';
import { QUESTION_CLAUSE as QUESTION_CLAUSE_RE, QUESTION_CUE_SOURCES } from './question-cues.ts';
import { recordContrast } from './record-contrast.ts';
import { negatedBefore } from './rules/scope.ts';
import { resolveYear, smallNumber, YEAR_SRC, yearsAgoStraddles } from './years.ts';

type Answer = Facts[FactName] | 'unknown' | undefined;

type Cue = [boolean, RegExp];

/** The answer words of knowledge/lexicon/answers.json and choices.json as regular expressions. */
interface AnswerRegexes {
  unknown: RegExp;
  /** 「我晚点问她」: to be found out later, so not known now */
  askLater: RegExp;
  /** 「我还真不知道」: a whole clause that says it is not known */
  unknownAnywhere: RegExp;
  /** 「其他年份的我还冇去查」: not having gone to look, anywhere */
  notLookedAt: RegExp;
  /** 「不晓得弄好冇」: a clause opening with not knowing and ending asking whether */
  unknownWhetherDone: RegExp;
  /** 「行」「好的」「嗯」 anywhere: yes words that say nothing of their own */
  bareAffirmations: RegExp;
  /** the same words leading a reply, with what follows them */
  bareLead: RegExp;
  /** 「好的，」「嗯嗯 知道了」 at the start: an acknowledgement of what the bot said, then the answer */
  acknowledgementLead: RegExp;
  storyOpener: RegExp;
  acknowledgementWord: RegExp;
  /** the first word decides: "没有，…" / "还没" / "不是" → no; "是的" / "对" / "补了" / "已经办了" → yes */
  no: RegExp;
  yes: RegExp;
  pureNo: RegExp;
  pureYes: RegExp;
  filler: RegExp;
  negatedAnywhere: RegExp;
  completedAnywhere: RegExp;
  /** the later clause says how it stands now: "之前没补，现在补了", "交了，但还没公示" */
  clauses: RegExp;
  unstated: RegExp;
  /** "不对，是2022年": a correction of something else, not a "no" to the question asked */
  correction: RegExp;
  reportWords: RegExp;
  zeroCount: RegExp;
  inverted: Set<FactName>;
  sceneFacts: Set<string>;
  kin: Record<string, string[] | string>;
  stateFacts: Set<string>;
  /** 「改了」「交了」: yes words that tell a task done, no yes to a question about a state */
  taskYes: string[];
  /** 「能免列异」: yes words of what is possible, no yes to whether a task is done */
  modalYes: RegExp;
  cues: Partial<Record<FactName, Cue[]>>;
  /** the shared task cues' "not done" wordings (「变更登记还冇去办」) */
  taskUndone: RegExp[];
  /** facts whose question is about a task (their cues include the shared task cues) */
  taskFacts: Set<FactName>;
  choices: Partial<Record<FactName, [string, RegExp][]>>;
}

const any = (alternatives: readonly string[]) => `(?:${alternatives.join('|')})`;

/** A lexicon cue list as [value, regex] pairs; {use: "task"} stands for the shared task cues. */
function cueList(entries: AnswerCue[], task: Cue[]): Cue[] {
  return entries.flatMap((e): Cue[] =>
    'use' in e ? task : 'yes' in e ? [[true, new RegExp(any(e.yes))]] : [[false, new RegExp(any(e.no))]],
  );
}

let compiled: AnswerRegexes | undefined;
function answerRegexes(): AnswerRegexes {
  if (compiled) return compiled;
  const { answers: a, choices } = lexicon();
  const task = cueList(a.task, []);
  const cues: Partial<Record<FactName, Cue[]>> = {};
  for (const [fact, entries] of Object.entries(a.cues)) cues[fact as FactName] = cueList(entries, task);
  const tables: Partial<Record<FactName, [string, RegExp][]>> = {};
  for (const [fact, values] of Object.entries(choices)) {
    const table = Object.entries(values).flatMap(([value, v]): [string, RegExp][] =>
      // (a cue followed by what tells that thing in order, 「年报是报了的」, names no value: `cleared`)
      v.cues?.length
        ? [[value, new RegExp(any(v.cues) + (v.cleared?.length ? `(?!${any(v.cleared)})` : ''))]]
        : [],
    );
    if (table.length) tables[fact as FactName] = table;
  }
  compiled = {
    acknowledgementLead: new RegExp(
      `^(?:(?:${any(a.fillers)}|${any(a.acknowledgements)})[啊呀哈吧的了，,。！!~\\s]*)+`,
      'i',
    ),
    acknowledgementWord: new RegExp(any(a.acknowledgements), 'i'),
    storyOpener: new RegExp(
      `^(?:${any(a.fillers)}[，,\\s]*)*${any(a.storyOpeners)}[啊呀哈嘛]?[，,。:：\\s]+(?=\\S)`,
    ),
    unknown: new RegExp(`^${any(a.unknownSubject)}?${any(a.unknownAdverb)}?${any(a.unknown)}`),
    askLater: new RegExp(any(a.askLater)),
    notLookedAt: new RegExp(a.notLookedAt),
    unknownWhetherDone: new RegExp(
      `^${any(a.unknownSubject)}?[还也真都就]{0,2}${any(a.unknown)}[^，,。;；]{0,10}?(?:冇|没有?|没得|吗|么|了没)[啊呀哦的]*$`,
    ),
    unknownAnywhere: new RegExp(
      `^(?:${any(a.unknownSubject)}|[这那]个|[她他]|老板)?[还也真都就实在确实]{0,3}${any(a.unknown)}(?:[啊呀哦了的哒]*)$`,
    ),
    bareAffirmations: new RegExp(`${any([...a.bareAffirmations, ...a.fillers])}`, 'gi'),
    bareLead: new RegExp(`^${any(a.bareAffirmations)}[\\s，,。.!！~～]*`, 'i'),
    no: new RegExp(`^${any(a.leadingNo)}`),
    // (「会计填表的时候…」: a yes word that only begins another word, answers.json notYes)
    yes: new RegExp(`^(?!${any(a.notYes)})${any(a.leadingYes)}`),
    pureNo: new RegExp(`^${any(a.pureNo)}${any(a.pureNoParticles)}?(?:$|[，,。！!\\s])`),
    pureYes: new RegExp(`^(?!${any(a.notYes)})${any(a.pureYes)}`),
    filler: new RegExp(`^${any(a.fillers)}[,，\\s]*`),
    negatedAnywhere: new RegExp(any(a.negatedAnywhere)),
    completedAnywhere: new RegExp(any(a.completedAnywhere)),
    clauses: new RegExp(`[，,。;；!?！？\\s]+|${a.clauseTurns.join('|')}`),
    unstated: new RegExp(any([...QUESTION_CUE_SOURCES, ...a.unstatedClauses])),
    correction: new RegExp(
      `^${any(a.correctionLead)}${any(a.correctionParticles)}?[，,。！!\\s]+${any(a.correctionThen)}?(.+)$`,
    ),
    reportWords: new RegExp(any(a.reportWords)),
    zeroCount: new RegExp(`^${any(a.zeroCount)}`),
    inverted: new Set(a.inverted as FactName[]),
    sceneFacts: new Set(a.sceneFacts),
    kin: a.kin,
    stateFacts: new Set(a.stateFacts.facts),
    taskYes: a.stateFacts.taskYes,
    modalYes: new RegExp(`^${any(a.modalYes)}$`),
    cues,
    taskUndone: task.filter(([value]) => !value).map(([, cue]) => cue),
    taskFacts: new Set(
      Object.entries(a.cues)
        .filter(([, entries]) => entries.some((e) => 'use' in e))
        .map(([fact]) => fact as FactName),
    ),
    choices: tables,
  };
  return compiled;
}

/** each choice pattern's global copy, made once (matchesOf needs one) */
const globalOf = new WeakMap<RegExp, RegExp>();
/** Whether some occurrence of a choice's words stands without a negator right before it. */
function saidUndenied(re: RegExp, t: string): boolean {
  if (!re.test(t)) return false;
  let all = globalOf.get(re);
  if (!all) {
    all = new RegExp(re.source, 'g');
    globalOf.set(re, all);
  }
  for (const m of matchesOf(all, t))
    if (!negatedBefore(t.slice(Math.max(0, m.index - 7), m.index))) return true;
  return false;
}

function firstMatch(table: [string, RegExp][] | undefined, s: string): string | undefined {
  return table?.find(([, re]) => re.test(s))?.[0];
}

function cueAnswer(fact: FactName, s: string): boolean | undefined {
  const re = answerRegexes();
  const cues = re.cues[fact];
  if (!cues) return undefined;
  const parts = s.split(re.clauses).filter(Boolean);
  for (const part of parts.reverse()) {
    let best: { value: boolean; pos: number; len: number } | undefined;
    for (const [value, cue] of cues) {
      const m = cue.exec(part);
      if (!m) continue;
      const len = m[0].length;
      if (!best || m.index < best.pos || (m.index === best.pos && len > best.len))
        best = { value, pos: m.index, len };
    }
    if (best) return best.value;
  }
  return undefined;
}

/**
 * statedClauses: the clauses that tell how things stand. 「年报还冇交 现在交还来得及吧 交了以后么样申请」
 * answers "filed?" with its first clause; the 交了 of a question or a supposition (answers.json
 * unstatedClauses) is no "yes", however late it comes. Punctuation stays on its clause so a
 * trailing 「？」 still marks it.
 */
function statedClauses(s: string): string {
  const re = answerRegexes();
  const pieces = s.match(/[^，,。;；!?！？\s]+[，,。;；!?！？\s]*/g) ?? [];
  return (
    pieces
      // 「我要问下代账的 她过两天回我」 speaks of finding out, not of how things stand
      .filter((p) => !re.unstated.test(p.replace(/[，,。;；!！\s]+$/, '')) && !re.askLater.test(p))
      .join('')
      .trim()
  );
}

/**
 * copulaOfATime: 「是今年3月10号公示的」「是2021年弄的」 — a 是 that introduces when something happened
 * answers a "when?", not a yes/no question: its 是 is no "yes".
 */
function copulaOfATime(t: string, now: Date): boolean {
  const m = /^是(?:在)?(.*)$/.exec(t);
  if (!m?.[1]) return false;
  const head = m[1].slice(0, 12);
  return readDate(head, now) !== undefined || new RegExp(`^${YEAR_SRC}`).test(head);
}

/**
 * A bare yes or no; questions asked in negative terms (answers.json "inverted") take only a pure one.
 * `leadingOnly`: the message is about another fact (ownClauses), so only a yes or no word that leads
 * it answers; the 冇 of 「这之后冇再因为同样的问题被罚过」 denies a repeat, not "has the closure ended?".
 */
function polarity(
  fact: FactName,
  s: string,
  now: Date,
  leadingOnly: false | 'kin' | 'other' = false,
): boolean | undefined {
  const re = answerRegexes();
  const t = s.replace(re.filler, '');
  if (copulaOfATime(t, now)) return undefined;
  if (re.inverted.has(fact)) {
    if (re.pureNo.test(t)) return false;
    if (re.pureYes.test(t)) return true;
    return undefined;
  }
  const no = re.no.exec(t);
  const yes = re.yes.exec(t);
  // the yes or no word of a clause about another fact (not a kin of this one) answers only when it
  // stands alone (「没有，这之后冇再被罚过」); run on into the clause (「冇得其他违法违规记录」 asked "can
  // you be reached by other means?") it is that statement's own negator
  const alone = (m: RegExpExecArray) =>
    /^[的啊呀吧哦呢了哒]*(?:[，,。;；!！\s]|$)/.test(t.slice(m[0].length));
  if (leadingOnly === 'other' && !(no && alone(no)) && !(yes && alone(yes))) return undefined;
  if (no) return false;
  // 「改了的」 tells a task done, no "yes" to a question about a state (answers.json taskYes)
  if (yes && re.stateFacts.has(fact) && re.taskYes.some((w) => yes[0].startsWith(w))) return undefined;
  // 「能免列异」「可以申请了」 tell what is possible, no yes to whether a task is done (answers.json modalYes)
  // (a bare 「可以」 still agrees; run on into its clause it is that clause's own modal)
  if (yes && re.taskFacts.has(fact) && re.modalYes.test(yes[0]) && !alone(yes)) return undefined;
  // a leading 已经 tells something done, no "yes" to a question about a state (「已经过了三个月了」)
  if (yes && !(re.stateFacts.has(fact) && yes[0].startsWith('已'))) return true;
  if (leadingOnly) return undefined;
  // no leading yes/no word: a negation anywhere ("材料还没交") or a completed action ("上周办好了");
  // a task not done yet (「变更登记还冇去办」) is no "no" to a question about something else (listed?)
  if (!re.taskFacts.has(fact) && re.taskUndone.some((cue) => cue.test(t))) return undefined;
  if (re.negatedAnywhere.test(t)) return false;
  // completedOnlyForTasks: 「期限内就弄好了」 is done, which says nothing of "any adverse impact?"
  if (re.completedAnywhere.test(t) && !re.stateFacts.has(fact)) return true;
  return undefined;
}

function correction(fact: FactName, s: string, now: Date): Facts | undefined {
  const re = answerRegexes();
  const m = re.correction.exec(s);
  const rest = m?.[1];
  if (!rest) return undefined;
  const stated = extractFacts(rest, now).facts;
  // "不是，是不小心弄错的", "不对，是总公司": the "no" said again in other words
  if (cueAnswer(fact, rest) === false || stated[fact] === false) return undefined;
  const other: Facts = { ...stated };
  delete other[fact];
  const year = listingYearOf(rest);
  // a year named alone corrects the listing year, the one year the interview asks; a report year
  // ("不对，是2022年的年报") is not one
  if (year && other.listedYear === undefined && !re.reportWords.test(rest)) {
    const y = resolveYear(year[0], now);
    if (y !== undefined) other.listedYear = y;
  }
  return Object.keys(other).length || year ? other : undefined;
}

/** Which facts speak of the question about `fact` (itself and its answers.json kin), and whether a
 * reading states any other (scene facts such as who or which record do not count). */
function relatedness(fact: FactName) {
  const re = answerRegexes();
  const kin = re.kin[fact];
  const same = (f: string) => f === fact || (Array.isArray(kin) && kin.includes(f));
  const other = (facts: Facts) => Object.keys(facts).some((f) => !same(f) && !re.sceneFacts.has(f));
  return { same, other };
}

/**
 * ownClauses: a yes or no to the question asked is read only from the clauses that do not speak of
 * another question. In 「第二天就改过来了，冇被列入异常」 the 冇 answers "listed?", not "corrected?";
 * in 「不涉及安全 这种错也是第一次 期限内就改好了」 nothing answers "any adverse impact?". Facts that only
 * set the scene (answers.json sceneFacts: who, which record) do not make a clause about something else.
 * A message that states no other fact is read whole, as before.
 */
function ownClauses(fact: FactName, told: string, scope: AnswerScope): string {
  const re = answerRegexes();
  const { same, other } = relatedness(fact);
  // 「下个月想办贷款 这个不搞好银行不批」: a clause about the business's other dealings answers nothing
  const elsewhere = lexicon().answers.elsewhere;
  const all = told.split(re.clauses).filter(Boolean);
  // 「地址那条上个月已经移出来了」: a clause telling a listing removed is about that listing
  const parts = all.filter(
    (p) => (!elsewhere.some((w) => p.includes(w)) && !removedIn(p)) || Object.keys(scope.read(p)).some(same),
  );
  const s = parts.length < all.length ? parts.join('，') : told;
  // one clause is the answer itself (「改了」 to "corrected?" may also read as another fact)
  if (parts.length < 2 || !other({ ...scope.facts, ...wordedFacts(s) })) return s;
  const back = lexicon().answers.occasionBack;
  let keptBefore = true;
  return parts
    .filter((part) => {
      // 「哦不对 刚查了 没有被列」: the 不对 takes back what the message said of another fact; it is no
      // "no" to the question asked
      if (correctionOnly(part)) {
        keptBefore = false;
        return false;
      }
      const facts = { ...scope.read(part), ...wordedFacts(part) };
      const said = Object.keys(facts).some(same);
      // 「21年也被抽到过一次 那次冇问题」: the occasion pointed back at belongs to the clause before
      if (!said && !keptBefore && back.some((w) => part.startsWith(w))) return false;
      keptBefore = said || !other(facts);
      return keptBefore;
    })
    .join('，');
}

/** a clause that is only a correction marker of the lexicon (「哦不对」「说错了」): it takes back what was just said */
let markers: Set<string> | undefined;
/** grammar.json correctionMarkers without the punctuation some carry at their end */
const correctionMarkerWords = () =>
  (markers ??= new Set(lexicon().grammar.correctionMarkers.map((m) => m.replace(/[，,\s]+$/, ''))));
function correctionOnly(part: string): boolean {
  const t = part.trim();
  return correctionMarkerWords().has(t) || correctionMarkerWords().has(t.replace(/^[哦噢啊呃嗯哎唉]/, ''));
}

/**
 * wordedFacts: the facts a clause speaks of in the strict wordings of answers.json `volunteered`
 * (「原来那个地址早就退租了」 is about reaching the business there), whatever the case on record, for the
 * facts of answers.json wordedAbout (states of the business, not scene words such as 过期的原料 that a
 * clause about a penalty also holds); the value is not read here, only what the clause is about.
 */
function wordedFacts(clause: string): Facts {
  const out: Record<string, boolean> = {};
  const about = new Set(lexicon().answers.wordedAbout);
  for (const [fact, read] of volunteeredReadings())
    if (about.has(fact) && (read.yes?.test(clause) || read.no?.test(clause))) out[fact] = true;
  return out as Facts;
}

/**
 * aboutAnotherFact: one clause that states another fact and not this one (「罚款还没交」 asked "rectified?")
 * is about that fact; its negation or 了 somewhere inside answers nothing here.
 */
function aboutAnotherFact(fact: FactName, own: string, scope: AnswerScope): boolean {
  const { same, other } = relatedness(fact);
  const facts = { ...scope.read(own), ...wordedFacts(own) };
  return other(facts) && !Object.keys(facts).some(same);
}

/**
 * toldOfKinOnly: the clauses kept state a kin fact and not the one asked (「也冇超过规定的期限」 asked
 * "corrected?" states the deadline met): the negation or 了 in them belongs to that statement, whose
 * yes is not this question's yes (a period not overrun may still be running, nothing corrected yet);
 * only a leading yes or no word answers.
 */
function toldOfKinOnly(fact: FactName, own: string, scope: AnswerScope): boolean {
  const { same } = relatedness(fact);
  const told = Object.keys({ ...scope.read(own), ...wordedFacts(own) });
  return !told.includes(fact) && told.some((f) => f !== fact && same(f));
}

/**
 * 「已经补交了。请问还要准备哪些材料？」: a sentence the user ends with a question mark asks something
 * (its 「还要」 is not "not yet"); it answers nothing. A message that is only questions is read whole.
 */
function withoutQuestions(s: string): string {
  const kept = (s.match(/[^。！!？?；;]+[。！!？?；;]?/g) ?? [])
    .filter((part) => !/[？?]$/.test(part))
    .join('');
  return kept.trim() ? kept : s;
}

/** What the whole message states, and how to read one clause of it, for ownClauses. */
export interface AnswerScope {
  facts: Facts;
  read: (clause: string) => Facts;
}

export interface ReadAnswer {
  value: Answer;
  /** facts a correction states instead of answering ("不对，是2022年" → listedYear 2022) */
  corrected?: Facts;
}

/** Reads an answer to the question about `fact`, and what a correction says instead. */
export function readAnswer(
  fact: FactName,
  text: string,
  opts: { now?: Date; stated?: Facts; scope?: AnswerScope } = {},
): ReadAnswer {
  const read = answerOf(fact, text, opts);
  // 「会计搞的 不晓得」: a yes said beside a clause that says it is not known is not sure enough to grant
  // anything on (a no is kept: it only holds the case back)
  // (so is one beside 「不晓得弄好冇」: not knowing whether it is done, asked over)
  if (read.value === true && (saysUnknown(text) || unknownWhetherDone(text))) return { value: 'unknown' };
  // 「行 我先去补上」「是要补的」「会改的」: a yes word, then a plan — what will be done, not done yet
  if (read.value === true && yesThenPlan(fact, text))
    return { value: answerRegexes().taskFacts.has(fact) ? false : undefined };
  return read;
}

let plannedRes: RegExp[] | undefined;
/**
 * yesThenPlan: the reply to a question whether a step is done (answers.json doneQuestions) opens with
 * a yes word that tells no step done (not 补了 or 已经), and what follows it is a plan or an obligation
 * (answers.json plannedAfterYes, facts.json unrealised.intend): the yes agrees to do it.
 */
function yesThenPlan(fact: FactName, text: string): boolean {
  const { answers } = lexicon();
  if (!answers.doneQuestions.includes(fact)) return false;
  const re = answerRegexes();
  const t = normalize(text).replace(re.filler, '');
  const yes = re.yes.exec(t)?.[0];
  // (only a word that agrees: 补了, 办好, 已经 or 都 tell something done themselves)
  const plain = new Set([...answers.bareAffirmations, ...answers.pureYes, ...answers.modalYes]);
  if (!yes || !plain.has(yes)) return false;
  const rest = t.slice(yes.length);
  // 「会补的」「能改」: what can or will be done (answers.json modalYes), nothing told done after it
  if (answers.modalYes.includes(yes) && rest.trim() && !/[了过哒]/.test(rest)) return true;
  if (answers.nextStepWords.some((w) => rest.includes(w))) return false;
  plannedRes ??= answers.plannedAfterYes.map((r) => new RegExp(r));
  if (plannedRes.some((r) => r.test(rest))) return true;
  const u = factLexicon().unrealised;
  const first = rest.split(/[，,。;；!！?？]/).find((c) => c.trim()) ?? '';
  return u.intend.some((w) => first.includes(w)) && !u.ready.some((r) => first.includes(r));
}

/** 「不晓得弄好冇」「不知道办了没有」: a clause that opens with not knowing and ends asking whether. */
function unknownWhetherDone(text: string): boolean {
  const re = answerRegexes().unknownWhetherDone;
  return clauses(normalize(text)).some((c) => re.test(c.text));
}

function answerOf(
  fact: FactName,
  text: string,
  opts: { now?: Date; stated?: Facts; scope?: AnswerScope } = {},
): ReadAnswer {
  const now = opts.now ?? new Date();
  const s = normalize(text);
  if (!s) return { value: undefined };
  const spec = FACT_KINDS[fact];
  if (!spec) return { value: undefined };
  const re = answerRegexes();
  if (re.unknown.test(s) || askedThenUnknown(s)) return { value: 'unknown' };
  if (spec.kind === 'boolean' && re.notLookedAt.test(s)) return { value: 'unknown' };
  if (spec.kind === 'boolean') {
    // acknowledgedFirst: 「嗯嗯 好的」 only acknowledges what was said, no yes (嗯 alone still is one);
    // 「好的 不是」 answers with what follows the acknowledgement
    const lead = re.acknowledgementLead.exec(s)?.[0] ?? '';
    if (re.acknowledgementWord.test(lead)) {
      const rest = s.slice(lead.length);
      if (!rest) return { value: undefined };
      return readAnswer(fact, rest, opts);
    }
    // 「是这样的 会计把号码填反了」: the opener of a story, then the story, which alone may answer
    const opener = re.storyOpener.exec(s)?.[0];
    if (opener) return readAnswer(fact, s.slice(opener.length), opts);
  }

  // 「不是行政处罚 是经营异常名录」「是严重违法失信名单 不是经营异常名录」: its 是 and 不是 name which record
  // the case is (record-contrast.ts), no yes or no; to "listed?" the listing named is the yes, the
  // listing denied the no; any other question is answered only by what the message states
  const contrast = spec.kind === 'boolean' ? recordContrast(s) : undefined;
  if (contrast) {
    if (fact === 'listed' && contrast.named === 'abnormal_list') return { value: true };
    if (fact === 'listed' && contrast.denied.includes('abnormal_list')) return { value: false };
    return { value: (opts.stated ?? extractFacts(s, now).facts)[fact] };
  }
  // to "listed?", 「已经移出来了」 says not listed now; a message that also names a listing is read whole
  // with its history set aside (past-listing.ts), not as a yes or no here
  if (fact === 'listed' && removedIn(s))
    return { value: pastListingClauses(s).length === 0 ? false : undefined };

  const statedAll = opts.stated ?? extractFacts(s, now).facts;
  // the clauses that may answer a yes/no question (ownClauses)
  const scope = opts.scope ?? { facts: statedAll, read: (t: string) => extractFacts(t, now).facts };
  const mine = spec.kind === 'boolean' ? ownClauses(fact, withoutQuestions(s), scope) : s;
  const own = spec.kind === 'boolean' ? statedClauses(mine) : s;
  // 「不晓得有冇被列入 我也冇查过 电话是通的」: once the clauses about other facts are set aside, what is
  // left asks the question over and says it is not known
  // (a reply that opens with its yes or no, 「没有 不知道有没有别的问题」, has answered)
  const whether = unknownWhether(mine) && !leadsWithYesOrNo(s);
  if (spec.kind === 'boolean' && mine && ((mine !== s && askedThenUnknown(mine)) || whether))
    return { value: 'unknown' };
  if (spec.kind === 'boolean') {
    const corrected = correction(fact, s, now);
    if (corrected) return { value: undefined, corrected };
    // 「不是个体户 是有限责任公司」: its 不是 takes back another fact, no "no" to this question
    if (/^不是/.test(s.replace(re.filler, ''))) {
      const other = corrections(s, (t) => extractFacts(t, now).facts, now);
      if (Object.keys(other).length && !(fact in other)) return { value: statedAll[fact] };
      // 「不是黑名单 我儿子讲叫经营异常名录 我搞错哒」: the 不是 takes back a word said before (a
      // correction marker says so), it is no "no" to this question
      if ([...correctionMarkerWords()].some((w) => s.includes(w))) return { value: statedAll[fact] };
    }
    // a clause about another fact (aboutAnotherFact) has no task word answering this one
    const cued = own && !aboutAnotherFact(fact, own, scope) ? cueAnswer(fact, own) : undefined;
    if (cued !== undefined) return { value: cued };
  }

  // a full statement ("补了，上个月交的纸质年报") is read the same way as anywhere else
  const stated = statedAll[fact];
  if (stated !== undefined) return { value: stated };

  switch (spec.kind) {
    case 'boolean':
      // 「行 我晚点问她」: its 行 is no yes; nothing else in the reply says how it stands
      if (re.askLater.test(s) && !own.replace(re.bareAffirmations, '').replace(/[\s，,。.!！~～]/g, ''))
        return { value: 'unknown' };
      return {
        value: own
          ? polarity(
              fact,
              own,
              now,
              aboutAnotherFact(fact, own, scope) ? 'other' : toldOfKinOnly(fact, own, scope) ? 'kin' : false,
            )
          : undefined,
      };
    case 'year': {
      const m = new RegExp(YEAR_SRC).exec(s);
      // 「六年前」 of a listing may be either side of the pilot's line: told loosely, asked again
      if (m && fact === 'listedYear' && yearsAgoStraddles(m[0], now, PILOT_SINCE_YEAR))
        return { value: 'unknown' };
      if (m) return { value: resolveYear(m[0], now) };
      // 「21」: two bare digits as the whole reply to "which year?" are its year (not one to come)
      const bare = /^(\d{2})的?$/.exec(s.trim());
      const year = bare ? 2000 + Number(bare[1]) : undefined;
      return { value: year !== undefined && year <= now.getFullYear() ? year : undefined };
    }
    case 'count': {
      if (re.zeroCount.test(s)) return { value: 0 };
      // 「从二〇二三年度开始就没报 三年了」: the digits of a year name no count; a number with its 年/次/个
      // is the count, before a bare one
      // is the count; else the years named (「2024年度和2025年度都冇报」 is two); a bare number only
      // as a short reply (「3」「两个」), never the 一 of 一直
      const yearForms = /(?:19|20)\d{2}(?:年度?)?|[一二〇零○]{4}年度?/g;
      const noYears = s.replace(yearForms, ' ');
      const counted = /(\d{1,2}|[一两二三四五六七八九十])(?:个)?(?:年|次|个)/.exec(noYears);
      if (counted) return { value: smallNumber(counted[1] ?? '') };
      const named = new Set((s.match(yearForms) ?? []).map((y) => y.replace(/年度?$/, '')));
      // 「从2023年度起就没报」: every report year from that one to last year's
      const since = /从((?:19|20)\d{2})年度?(?:开始|起|以来|以后)/.exec(s);
      if (since?.[1] && named.size === 1) {
        const years = now.getFullYear() - Number(since[1]);
        return { value: years > 0 ? years : undefined };
      }
      if (named.size) return { value: named.size };
      const bare = noYears.trim().length <= 6 ? /(\d{1,2}|[一两二三四五六七八九十])/.exec(noYears) : null;
      return { value: bare ? smallNumber(bare[1] ?? '') : undefined };
    }
    case 'amount':
      return { value: readAmountYuan(s) };
    case 'date': {
      // 「去年11月是立案 公示是今年4月」: the date of another event answers no date question
      const own = withoutDatesOf(s, lexicon().penalties.otherEventWords);
      // 「前年的事」: a year alone, when no day is told (the rules decide from it only where they can)
      return {
        value:
          lastDate(own, now, datesOfDecision(fact)) ??
          (datesOfDecision(fact)?.(own) ? undefined : readYearOnly(own, now)),
      };
    }
    case 'enum': {
      // 「所里打电话讲…不一样」: a call holds the word of the phone choice without naming it
      const t = blankOut(s, factLexicon().fieldLookalikes.words);
      // 「没有别的违法违规」「不是党建那块」: a choice's word right after a negator does not choose it
      const table = (re.choices[fact] ?? []).filter(([, r]) => saidUndenied(r, t));
      // 「到底是个体户还是公司我也搞不清」: two choices offered with 还是 choose neither
      const offered = new Set(table.map(([v]) => v));
      // (「一下说是公司一下说是个体」: told in turn, unsure, the same)
      const wavering = factLexicon().typeWavering.words.some((w) => t.includes(w));
      if (offered.size > 1 && (t.includes('还是') || wavering))
        return { value: saysUnknown(t) ? 'unknown' : undefined };
      return { value: firstMatch(table, t) as Facts[FactName] };
    }
  }
}

/**
 * lastDate: 「我记得是今年4月 查了一下是4月12号」 — the date told last is the one the user settled on; a
 * later date without a year keeps the year of the one before it; a season after a date (「四月底 反正就是
 * 今年春上」) only restates it roughly.
 */
function lastDate(s: string, now: Date, skip?: (clause: string) => boolean): string | undefined {
  let year: string | undefined;
  let last: string | undefined;
  let skipped = false;
  for (const clause of s.split(/[，,。;；!！?？\s]+/).filter(Boolean)) {
    if (skip?.(clause)) {
      skipped = true;
      continue;
    }
    const own = /((?:19|20)\d{2}年|(?<!\d)\d{2}年|今年|去年|前年)/.exec(clause)?.[1];
    // the month of a clause without a year, with the year of the date before it put in front
    const month = /(?:\d{1,2}|[一二三四五六七八九十]{1,2})月/.exec(clause);
    const date = readDate(own || !year || !month ? clause : `${year}${clause.slice(month.index)}`, now);
    if (date === undefined || (last !== undefined && toldBySeasonOnly(clause))) continue;
    last = date;
    if (own) year = own;
  }
  return last ?? (skipped ? undefined : readDate(s, now));
}

/**
 * datesOfDecision: 「处罚决定书上写的日子是二〇二五年十一月二十号」 dates the decision, not its publication
 * (DOMAIN §5 counts from publication): a clause that names the decision (answers.json decisionDates) and
 * no publishing (penalties.json publishedWords) answers no "when was it published?".
 */
function datesOfDecision(fact: FactName): ((clause: string) => boolean) | undefined {
  if (fact !== 'penaltyPublishedDate') return undefined;
  const { answers, penalties } = lexicon();
  const published = (clause: string) => penalties.publishedWords.some((w) => clause.includes(w));
  // 「从八月底算到今天都三个多月了」: the day the user counts from, not a publication told
  // 「今年三月最后一期也交完了」: the day the fine was paid
  return (clause) =>
    (answers.decisionDates.some((w) => clause.includes(w)) ||
      RECKONED_FROM.test(clause) ||
      penalties.paymentVerbs.some((w) => clause.includes(w))) &&
    !published(clause);
}

/** 「从八月底算」「从决定那天起」「打五月份开始到现在」: a day someone counts a period from */
const RECKONED_FROM = /^(?:我们?|我|要是|如果)?(?:从|打|自)[^，,。;；]{1,12}?(?:算|起|开始|到今天|到现在)/;

let whetherRe: RegExp | undefined;
/**
 * unknownWhether: 「也不知道有没有被列进去」「不晓得是不是这个原因」 — not knowing, then the question itself
 * in its A-not-A form: whatever else the message says, this question is not known.
 */
function unknownWhether(s: string): boolean {
  whetherRe ??= new RegExp(
    `(?:${lexicon().answers.unknown.join('|')})[^，,。;；]{0,3}?(?:有没有|有冇|有没|是不是|是否|有无)`,
  );
  return whetherRe.test(s);
}

/**
 * askedThenUnknown: 「之前有没有因为同类的事被罚过 我真记不得了」 says the question over and that the user
 * does not know: every clause asks or says so, and one says so. (A clause that states something else
 * is read as usual.)
 */
export function askedThenUnknown(s: string): boolean {
  const parts = s.split(/[\s，,。！!；;？?]+/).filter(Boolean);
  // (「…我记不清了 要问一下他们老板」: finding out later is not knowing now, answers.json askLater)
  const later = answerRegexes().askLater;
  return (
    parts.some(notKnownClause) &&
    parts.every((c) => notKnownClause(c) || QUESTION_CLAUSE_RE.test(c) || later.test(c))
  );
}

/**
 * A clause that says the user does not know: no question in it, or the question only embedded before
 * the words of not knowing (「具体哪天记不清了」「哪一年列的我也不晓得」), not asked at its end.
 */
function notKnownClause(c: string): boolean {
  const re = answerRegexes();
  if (re.unknownAnywhere.test(c)) return !QUESTION_CLAUSE_RE.test(c);
  embeddedUnknown ??= new RegExp(`^${EMBEDDED_ASK}[^，,。]{0,6}?${re.unknownAnywhere.source.slice(1)}`);
  return embeddedUnknown.test(c);
}
/** what an embedded question asks for, before the words of not knowing (「具体哪天」「哪年列的」「具体日子」) */
const EMBEDDED_ASK =
  '(?:具体)?(?:(?:哪一?|几)(?:天|年|月|号|日|个月)|什么时候|啥时候|么时候|几月几[号日]|具体(?:日子|时间|日期)|日子|时间|日期)';
let embeddedUnknown: RegExp | undefined;

/**
 * saysUnknown: 「到底批下来没有 我还真不知道」 — a clause that asks nothing says the user does not know
 * (answers.json unknown words, a subject and adverbs such as 还真 before them).
 */
export function saysUnknown(text: string): boolean {
  return normalize(text)
    .split(/[\s，,。！!；;？?]+/)
    .some(notKnownClause);
}

/** 「没有，…」「已经办了」「不是」: the reply begins with a yes or no word (after fillers such as 嗯). */
export function leadsWithYesOrNo(text: string): boolean {
  const re = answerRegexes();
  const t = normalize(text).replace(re.filler, '');
  return re.no.test(t) || re.yes.test(t);
}

/** 「行 我晚点问她」: what follows a leading yes that says nothing of its own, or undefined without one */
export function afterBareYes(text: string): string | undefined {
  const s = normalize(text);
  const lead = answerRegexes().bareLead.exec(s);
  return lead ? s.slice(lead[0].length) : undefined;
}

export function parseAnswer(fact: FactName, text: string, opts: { now?: Date } = {}): Answer {
  return readAnswer(fact, text, opts).value;
}

/**
 * retold: what a correction (「不对，我记错了，…拖了一个月才改好」) says of a fact stated earlier, read only
 * from its own words for that fact (answers.json cues) in the clauses after the correction lead that
 * speak of it. Its 「不对」 is no "no" to every fact on record, and a bare 是/没有 says nothing here.
 */
export function retold(fact: FactName, text: string, now: Date): boolean | undefined {
  if (FACT_KINDS[fact]?.kind !== 'boolean') return undefined;
  const re = answerRegexes();
  const s = normalize(text);
  const rest = re.correction.exec(s)?.[1] ?? s;
  const scope = { facts: extractFacts(rest, now).facts, read: (t: string) => extractFacts(t, now).facts };
  const own = statedClauses(ownClauses(fact, withoutQuestions(rest), scope));
  return own ? cueAnswer(fact, own) : undefined;
}

interface VolunteeredReading {
  when: Record<string, string>;
  yes?: RegExp;
  no?: RegExp;
  veto?: RegExp;
}
const anyOf = (words?: string[]) => (words?.length ? new RegExp(any(words)) : undefined);
let volunteeredCompiled: [FactName, VolunteeredReading][] | undefined;
function volunteeredReadings(): [FactName, VolunteeredReading][] {
  volunteeredCompiled ??= Object.entries(lexicon().answers.volunteered).map(([fact, spec]) => [
    fact as FactName,
    { when: spec.when, yes: anyOf(spec.yes), no: anyOf(spec.no), veto: anyOf(spec.veto) },
  ]);
  return volunteeredCompiled;
}

/**
 * volunteered: the answers a message gives to questions not asked yet (「还在原来那个门面开」 before
 * 「能联系到您吗」, 「抽查的时候资料都是配合提供的」). Only the strict wordings of answers.json
 * `volunteered` count, each naming its subject, and only in a case where that question can come up
 * (`when`: facts on record or stated); a wording read both ways, a yes beside a `veto` wording (「搬走了」),
 * a question or a supposition states nothing.
 */
export function volunteered(text: string, known: Facts, skip: (fact: FactName) => boolean): Facts {
  const s = statedClauses(withoutQuestions(normalize(text)));
  const out: Facts = {};
  if (!s) return out;
  for (const [fact, read] of volunteeredReadings()) {
    if (skip(fact)) continue;
    const inCase = Object.entries(read.when).every(([f, v]) => {
      const had = (known as Record<string, unknown>)[f];
      return had !== undefined && (v === '*' || String(had) === v);
    });
    if (!inCase) continue;
    const yes = (read.yes?.test(s) ?? false) && !read.veto?.test(s);
    const no = read.no?.test(s) ?? false;
    if (yes !== no) (out as Record<string, unknown>)[fact] = yes;
  }
  return out;
}
