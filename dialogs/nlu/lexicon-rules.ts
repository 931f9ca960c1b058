// Facts from small named rules over lexicon word classes, in the spirit of Duckling: each rule has a
// name, the words (a lexicon class) that state it and a production (the value). Scope is read for
// every rule by the shared machinery of rules/scope.ts (wordScope): a supposition or consequence
// question states nothing, a hedge in the clause makes the fact `hedged`, a negator right before the
// words flips a yes/no fact (the same negation reading the pattern rules go through).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ROUTES } from '../../rules/routes.ts';
import type { FactName, Facts } from '../../rules/types.ts';
import { alt, factLexicon } from './fact-lexicon.ts';
import {
  hasAny,
  type Lexicon,
  lexicon,
  listMarker,
  withoutNonQuestions,
  withoutSureWords,
} from './lexicon.ts';
import { amountNear, readAmountYuan, readDate, readYearOnly, withoutDatesOf } from './money-date.ts';
import { clauses } from './normalize.ts';
import { A_NOT_A_VERB } from './question-cues.ts';
import { recordContrast } from './record-contrast.ts';
import { NOTICE_DATE_SRC } from './rules/listed-year.ts';
import { namedAsNot, negatedBefore, negatedExistence, wordScope } from './rules/scope.ts';

/** Facts of DOMAIN.md §4 read here; kept as a record until every name is in rules/types.ts. */
export type RuleFacts = Record<string, string | number | boolean>;

export interface RuleContext {
  s: string;
  now: Date;
  /** facts the older patterns (facts.ts) found, for rules that depend on the situation */
  facts: Facts;
  /** what the text is about, decided before the rules run */
  about: { penalty: boolean; seriousList: boolean };
  /** the question the text may answer */
  pending?: FactName;
  /** the record the case is about, told in earlier messages */
  record?: Facts['recordType'];
  /** the record this message names against another (record-contrast.ts), whatever the frame */
  named?: Facts['recordType'];
  /** earlier messages told an error in published information, and no listing (a minor-error story) */
  errorStory?: boolean;
}

export interface NamedRule {
  name: string;
  fact: string;
  words: (lx: Lexicon) => readonly string[];
  /** the production; undefined drops the hit */
  value: boolean | string | ((hit: Hit, ctx: RuleContext) => string | number | boolean | undefined);
  when?: (ctx: RuleContext) => boolean;
  /** a negator right before the words flips the (boolean) value; off for words that carry their own polarity */
  negatable?: boolean;
  /** words inside a question or supposition ("可以代办吗") state nothing */
  statementOnly?: boolean;
  /** the words of the production hedge it (「整改嘛应该算搞好了」: 应该 between the noun and its verb) */
  hedgedIn?: (hit: Hit) => boolean;
  /** several hits: the later one wins (default) or the one ranked highest */
  rank?: (value: string | boolean, hit: Hit) => number;
  /** a hedged hit ranked above every stated one leaves the fact unsure (a doubted registration is not
   * replaced by where the shop is) */
  hedgeOutranks?: boolean;
}

export interface Hit {
  word: string;
  pos: number;
  clause: string;
  /** the clause text before the word */
  before: string;
  after: string;
  /** the message before the clause (a year told there may be the year of a date in the clause) */
  preceding?: string;
  /** the message after the clause (「执照是崇阳的吧 我也不确定」: a doubt told next) */
  following?: string;
}

/** 「在通城注册的」「崇阳县登记的」「注册地在嘉鱼」: the county named as where the business is registered */
// 「是通城县市场监督管理局登记的」: the bureau of the county named before the registration verb
// 「执照是通山办的」: the licence's county told last, with 办的 closing the clause
const REGISTERED_THERE_AFTER =
  /^(?:县|市|区)?(?:这边|那边)?(?:市场监督管理局|市场监管局|工商局|市场监管所|工商所)?(?:注册|登记|(?:办|发|领)的?(?:营业)?执照|办照|(?:办|办理|发|领)的$)/;
// 「店子和执照都在通城县」「执照是在赤壁办的」: the licence's place
const REGISTERED_THERE_BEFORE = /(?:注册|登记|执照)(?:地|地址)?(?:都|也)?(?:是在|是|在)$/;
const penalty = (ctx: RuleContext) => ctx.about.penalty;
const serious = (ctx: RuleContext) => ctx.about.seriousList;
const either = (ctx: RuleContext) => ctx.about.penalty || ctx.about.seriousList;
const penaltyOnly = (ctx: RuleContext) => penalty(ctx) && !serious(ctx);
let minorErrorAsks: ReadonlySet<string> | undefined;
/** the facts the minor-error route asks about (rules/routes.ts): a question of these is asked in its story */
const askedForMinorError = (fact: FactName | undefined): boolean => {
  minorErrorAsks ??= new Set(ROUTES.find((r) => r.id === 'minor-error')?.conditions.map((c) => c.fact));
  return fact !== undefined && minorErrorAsks.has(fact);
};
/**
 * a published-information error told, not a penalty or the serious list (the exclusions of 五(二)三);
 * also a reply while the bot asks about such an error (「我们是卖液化气的」 after the error was told)
 */
const minorErrorStory = (ctx: RuleContext) =>
  !ctx.about.penalty &&
  !ctx.about.seriousList &&
  (ctx.facts.errorKind !== undefined || ctx.errorStory === true || askedForMinorError(ctx.pending));
/**
 * a penalty that restricts the business (停产停业, 限制, 暂扣): whether the restriction ended is asked;
 * 「许可证还冇还给我」 speaks of it by what was seized (penalties.json seizedItems)
 */
const restricted = (ctx: RuleContext) =>
  penalty(ctx) && (/停产|停业|限制|暂扣/.test(ctx.s) || hasAny(ctx.s, lexicon().penalties.seizedItems));

export const KIND_ORDER = ['warning', 'criticism', 'fine', 'confiscation', 'restriction', 'revocation'];
export const kindOf = (lx: Lexicon, word: string) =>
  Object.entries(lx.penalties.penaltyKinds).find(([, ws]) => ws.includes(word))?.[0];

/**
 * The penalty kind a kind word states. 「处罚了」 says there was a penalty, not that it was a fine;
 * 「罚款交了」「罚款还冇交完」 tell a fine was imposed, nothing heavier (a confiscation told earlier
 * stands beside the fine that came with it: the heaviest counts, stated-over-stored.ts); the other
 * kind words with a payment verb (「没收的钱交了」) name none; a denied one names none.
 */
export function statedKind(hit: Hit, s: string): string | undefined {
  const lx = lexicon();
  // 「冇再被罚过」「冇再因为标签的事被罚」 deny a penalty (the cause between), they name none
  if (negatedBefore(hit.before.replace(CAUSE_BEFORE_PENALTY, '')) || isFeared(hit.before)) return undefined;
  if (offeredWithAnother(hit, s)) return undefined;
  // 「处罚了」 names no kind, but 「处罚了两万」 imposes a sum: a fine
  if (hit.before.endsWith('处')) return SUM_IMPOSED.test(hit.after) ? 'fine' : undefined;
  // 「今年又因为明码标价的事被罚了」: the later penalty's kind is not the record's (laterPenaltyClause)
  if (laterPenaltyClause(hit.clause)) return undefined;
  // the paying verb right after the word (a word or two between: 「罚款早就交了」, or the other items of
  // what was paid: 「罚款和没收的钱都交了」) or right before it
  const after =
    s.slice(hit.pos + hit.word.length, hit.pos + hit.word.length + 10).split(/[，,。;；\s]/)[0] ?? '';
  const before = hit.before.replace(/了$/, '');
  // a fine paid or owed (「罚款还冇交完」) was imposed: a fine; with a heavier kind stored the heavier
  // one stands (dialogs/stated-over-stored.ts, art. 6)
  if (lx.penalties.paymentVerbs.some((v) => after.includes(v) || before.endsWith(v)))
    return kindOf(lx, hit.word) === 'fine' ? 'fine' : undefined;
  if (deniedInClause(lx).test(after)) return undefined;
  return kindOf(lx, hit.word);
}

const OR_BEFORE = /还是\s*$/;
const OR_AFTER = /^\s*(?:了|呢|哒)?\s*还是/;
/**
 * 「好像是吊销了 还是暂扣 我搞不清」「是罚款还是警告」: two kinds offered with 还是 (a kind word or the
 * revocation verb on the other side), neither of them told.
 */
function offeredWithAnother(hit: Hit, s: string): boolean {
  const p = lexicon().penalties;
  const kinds = [...Object.values(p.penaltyKinds).flat(), ...p.licenceRevoked];
  const before = s.slice(Math.max(0, hit.pos - 14), hit.pos);
  const after = s.slice(hit.pos + hit.word.length, hit.pos + hit.word.length + 14);
  return (
    (OR_BEFORE.test(before) && kinds.some((w) => before.replace(OR_BEFORE, '').includes(w))) ||
    (OR_AFTER.test(after) && kinds.some((w) => after.replace(OR_AFTER, '').includes(w)))
  );
}

/** a sum of money right after the verb, with its unit (「处罚了两万」「处罚了3000元」) */
const SUM_IMPOSED = /^[\d零〇一二两三四五六七八九十百千万.]+(?:万|元|块)/;

let kindDeniedRe: RegExp | undefined;
/** 「罚款倒是冇罚」「罚款是没有的」「罚款什么的都冇得」: the rest of the kind word's clause denies it (penalties.json kindDeniedAfter) */
function deniedInClause(lx: Lexicon): RegExp {
  const k = lx.penalties.kindDeniedAfter;
  kindDeniedRe ??= new RegExp(
    `^${alt(k.topics)}*${alt(lx.grammar.negators)}${alt(k.verbs)}?${alt(k.endings)}*$`,
  );
  return kindDeniedRe;
}

let redoneRe: { lead: RegExp; end: RegExp } | undefined;
/**
 * redoneAt: a verb of redoing (penalties.json redone) with a thing named before its adverb
 * (「收费牌也按标准改了」) and its completion right after it, or after a place (「挂在前台了」), ending
 * the clause. Not in a clause about the penalty, its payment or where it is published, and not denied.
 */
function redoneAt(hit: Hit): boolean {
  const { redone } = lexicon().penalties;
  redoneRe ??= {
    lead: new RegExp(`[^，,。;；\\s]${alt(redone.leads)}[^，,。;；\\s]{0,6}$`),
    // after a place: 「挂在前台了」「挂上墙了」「贴到门口了」
    end: new RegExp(`^(?:[在到上][^，,。;；\\s]{1,6}?)?${alt(redone.endings)}$`),
  };
  if (!redoneRe.lead.test(hit.before) || !redoneRe.end.test(hit.after)) return false;
  if (aboutOtherThanTheViolation(hit.clause)) return false;
  return !scopeOf(hit).negated && !/[没冇未不]/.test(hit.before);
}

/** a clause about the penalty, its payment, its publication or the application's papers */
function aboutOtherThanTheViolation(clause: string): boolean {
  const { redone, penaltyWords, paymentVerbs } = lexicon().penalties;
  return [
    ...penaltyWords,
    ...paymentVerbs,
    ...redone.publicPlaces,
    ...redone.paperwork,
    ...redone.otherRegistrations,
  ].some((w) => clause.includes(w));
}

let notRedoneRe: { lead: RegExp; end: RegExp } | undefined;
/**
 * notRedoneAt: the thing the violation was about, named, then a negator right before a verb of redoing
 * it, ending the clause (「那块违规的广告牌还冇拆」「标签还没换掉」): not yet put right. Not in a clause
 * about the penalty, its payment or where it is published (as redoneAt).
 */
function notRedoneAt(hit: Hit): boolean {
  const { grammar } = lexicon();
  notRedoneRe ??= {
    lead: new RegExp(`[^，,。;；\\s]{2}(?:还|都|也|一直)?${alt(grammar.negators)}$`),
    end: /^(?:掉|完|好|下来)?(?:呢|哒|的)?$/,
  };
  if (!notRedoneRe.lead.test(hit.before) || !notRedoneRe.end.test(hit.after)) return false;
  return !aboutOtherThanTheViolation(hit.clause);
}

/** A date said near a word, never one in the future (a month alone: its last day, see money-date.ts). */
function dateIn(text: string, now: Date): string | undefined {
  const iso = readDate(text, now);
  return iso && iso <= now.toISOString().slice(0, 10) ? iso : undefined;
}

/**
 * The last `n` characters of a text, and the year of a date the cut falls inside:
 * 「2025年7月8日被赤壁市市场监督管理局列入」 keeps its 2025.
 */
export function lastChars(text: string, n: number): string {
  let from = Math.max(0, text.length - n);
  const year = /(?:\d{4}|[〇零一二三四五六七八九]{2,4})年$/.exec(text.slice(0, from));
  if (year && /^(?:\d{1,2}|[一二三四五六七八九十]{1,2})月/.test(text.slice(from))) from -= year[0].length;
  return text.slice(from);
}

/** Other events a date may belong to (立案, 检查 …), not the words of being penalised themselves. */
function eventsBesidePenalty(): string[] {
  const { penalties } = lexicon();
  const penalising = new Set([...penalties.decidedVerbs, ...penalties.penaltyWords]);
  return penalties.otherEventWords.filter((w) => !penalising.has(w));
}

/**
 * 「前年被列入严重违法失信名单」「去年被市场监管局罚了」: a year alone in the clause before the words, no
 * other event's word beside it (立案, 检查 …) — the year of the listing or the decision (YYYY; the
 * rules decide from it only where every day of that year gives the same answer)
 */
function yearAloneBefore(hit: Hit, ctx: RuleContext): string | undefined {
  // (「今年被列入的 具体是2026年3月15号」: a day told anywhere in the message is read by the date readers)
  if (hasAny(hit.before, eventsBesidePenalty()) || readDate(ctx.s, ctx.now) !== undefined) return undefined;
  return readYearOnly(hit.before, ctx.now);
}

/**
 * 「…就被转到严重违法失信名单里去了 前年的事」: the year of the matter told in the clause right after
 * (no day told in the message: the date readers read one)
 */
function yearOfTheMatterAfter(hit: Hit, ctx: RuleContext): string | undefined {
  const next = (hit.following ?? '').replace(/^[\s，,。;；]+/, '').split(/[\s，,。;；!！?？]/)[0] ?? '';
  const m = /^(?:是|都是|那是)?(.{2,5}?)(?:的事|那会儿?|那时候?|那阵)(?:了|哒|情)?$/.exec(next);
  if (!m?.[1] || readDate(ctx.s, ctx.now) !== undefined) return undefined;
  return readYearOnly(m[1], ctx.now);
}

/**
 * decisionDate: the date a clause gives the penalty decision — told after the decision's document
 * (「决定书上的日期是二〇二五年七月八号」) or standing before it or before the verb of being penalised
 * (「25年10月被市场监管局暂扣了」). A clause that tells the publication or a payment dates those instead,
 * and a date owned by another event (立案, 检查 …) is not the decision's.
 */
function decisionDate(hit: Hit, ctx: RuleContext): string | undefined {
  const { answers, penalties } = lexicon();
  if (
    hasAny(hit.clause, penalties.publishedWords) ||
    hasAny(hit.clause, penalties.paymentVerbs) ||
    laterPenaltyClause(hit.clause)
  )
    return undefined;
  const paper = answers.decisionDates.includes(hit.word);
  const after = paper ? dateIn(hit.after, ctx.now) : undefined;
  const events = eventsBesidePenalty();
  // 「今年5月份因为后厨卫生的问题被市场监管局罚了」: the cause told between the date and the penalty
  const before = hit.before.replace(CAUSE_BETWEEN, '');
  return (
    after ??
    dateIn(withoutDatesOf(yearCarried(hit) + lastChars(before, 16), events), ctx.now) ??
    dateToldAsTheMatter(ctx.s.slice(hit.pos + hit.word.length), ctx.now) ??
    // 「是去年5月20号 因为用了过期食材被崇阳县市场监管局罚了」: the date its own clause, then the
    // penalty's with its cause and the bureau that penalised before the verb
    dateClauseBefore(
      { ...hit, before: before.replace(PASSIVE_CAUSE, '').replace(PASSIVE_AGENT, '') },
      ctx.now,
    )
  );
}

/** 「因为用了过期食材被…」: the cause told before the passive 被 (or 给) */
const PASSIVE_CAUSE = /(?:因为|由于)[^，,。;；\d]{1,14}?(?=被|给)/;
/** 「被崇阳县市场监管局」: the passive's agent, closing the text before the verb */
const PASSIVE_AGENT = /(?:被|给)[^，,。;；\d年月日号]{0,12}$/;

/**
 * 「许可证被吊销了 2025年5月的事」「被罚了 那是去年8月份的事」: the date told right after, as the
 * matter's own (的事), is the decision's.
 */
function dateToldAsTheMatter(rest: string, now: Date): string | undefined {
  const m = /^[^，,。;；]{0,12}?[，,\s](?:那是|是)?([^，,。;；\s]{2,14}?)的事/.exec(rest);
  return m ? dateIn(m[1] ?? '', now) : undefined;
}

const CAUSE_BETWEEN = /(?:因为|由于)[^，,。;；\d]{1,14}?的?(?:问题|事情?|原因)/;
/** the cause told right before the penalty's word: 「冇再因为标签的事被罚」「再也没因为卖过期食品被罚过」 */
const CAUSE_BEFORE_PENALTY = new RegExp(
  `(?:${CAUSE_BETWEEN.source}(?:被|给)?|(?:因为|由于)[^，,。;；\\d]{1,14}?(?:被|给)?)$`,
);

let deniedAfterRe: RegExp | undefined;
/**
 * 「（那边）冇罚我们」: a negator then a verb of penalising the writer, ending the clause. 「市场监管局没罚款
 * 只给了警告」 denies a kind, not the bureau's penalty: it stays the issuer.
 */
function deniedPenaltyAfter(after: string): boolean {
  deniedAfterRe ??= new RegExp(
    `^[^，,。;；]{0,6}?${alt(lexicon().grammar.negators)}[^，,。;；]{0,2}?(?:罚|处罚)(?:过|了)?(?:[我咱][们家]?)?$`,
  );
  return deniedAfterRe.test(after);
}

/**
 * causeOfDeniedRepeat: 「这一年多冇再因为食品的事被罚」 — the words name the cause of a later penalty that
 * is denied (a negator with 再 before the cause, the verb of penalising after the words): that says no
 * penalty came again (repeatSameTypePenalty), nothing of the sector of the record to repair.
 */
export function causeOfDeniedRepeat(hit: Hit): boolean {
  const m = /(?:因为|由于)[^，,。;；]{0,8}$/.exec(hit.before);
  if (!m || !/^[^，,。;；]{0,10}?(?:罚|处罚)/.test(hit.after)) return false;
  const lead = hit.before.slice(0, m.index);
  return /再/.test(lead.slice(-4)) && negatedBefore(lead.replace(/再$/, '').replace(/再(?=[没冇未不])/, ''));
}

let laterPenaltyRe: RegExp | undefined;
/**
 * laterPenaltyClause: 「今年又因为明码标价的事被罚了」 tells a penalty after the one to repair (its repeat,
 * 总局令第107号 第十一条): the kind, sector, amount, date and cause told in that clause are the later
 * penalty's, not the record's. A negated one (「冇又被罚」) tells no penalty at all.
 */
function laterPenaltyClause(clause: string): boolean {
  const p = lexicon().penalties;
  laterPenaltyRe ??= new RegExp(`${alt(p.againFor)}[^，,。;；]{0,18}?(?:被|给)?(?:罚|处罚)`);
  const m = laterPenaltyRe.exec(clause);
  return m !== null && !negatedBefore(clause.slice(0, m.index));
}

/**
 * datesByRole: the date of the event a word names. 「公示是今年4月」 says it after the word; otherwise
 * it stands before the word, but not one that belongs to another event of the case (「去年11月是立案」,
 * penalties.json otherEventWords).
 */
function dateByRole(hit: Hit, ctx: RuleContext, window: number) {
  // 「公示是今年4月」「公示日期2026年6月30日」「公示出来是九月十号」
  const told = /^(?:出来|出去|上网)?(?:的)?(?:(?:时间|日期|日子)(?:是|在|于|为|[:：])?|是|在|于)/.exec(
    hit.after,
  );
  // a noun of time (日期, 时间) says a date follows in its clause, after an aside of looking it up
  // (「公示日期我刚才查了下是2025年6月18号」)
  const reach = told && /时间|日期|日子/.test(told[0]) ? 24 : 10;
  const after = told ? dateIn(hit.after.slice(told[0].length, told[0].length + reach), ctx.now) : undefined;
  const events = lexicon().penalties.otherEventWords;
  return (
    after ??
    dateIn(withoutDatesOf(yearCarried(hit) + lastChars(hit.before, window), events), ctx.now) ??
    dateClauseBefore(hit, ctx.now)
  );
}

/** a whole date (its day told) and nothing else, closing the text before a clause (「是去年5月20号」) */
const DATE_CLAUSE =
  /(?:^|[\s，,。；;])(?:就是|是)?((?:(?:19|20)?\d{2}|[〇零一二三四五六七八九]{2,4})年|今年|去年|前年)?(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}|[一二三四五六七八九十]{1,3})[日号](?:那天)?[\s，,；;]*$/;

/**
 * dateClauseBefore: 「二〇二六年二月九日 市场监管局公示了…」 — said the way one speaks, the date stands
 * alone as its own clause and the event's clause follows with only its subject before the word: the
 * date is the event's. A clause that tells more than a subject before the word (a date, another
 * event) does not take it.
 */
function dateClauseBefore(hit: Hit, now: Date): string | undefined {
  if (hit.before.length > 8 || /[\d年月日号]/.test(hit.before)) return undefined;
  const m = DATE_CLAUSE.exec(hit.preceding ?? '');
  return m ? dateIn(m[0], now) : undefined;
}

/**
 * 「2025年清明前 三月二十八号被列入的」: a year closing the previous clause, a few words after it, is the
 * year of a month told without one at the start of this clause (readDate takes a year a few words before
 * the month); a year further back, or a clause that tells its own year, carries nothing.
 */
const YEAR_OF_OTHER_EVENT = /[开办立成注登查罚]/;

export function yearCarried(hit: Hit): string {
  const tail = /(?:19|20)\d{2}年([^\d年月，,。；;！!？?]{0,4})[\s，,；;]*$/.exec(hit.preceding ?? '');
  // 「2023年开的厂 3月28号被列入」: a year of another event (开业, 立案 …) is not the date's
  if (!tail || /年/.test(hit.before) || YEAR_OF_OTHER_EVENT.test(tail[1] ?? '')) return '';
  return tail[0].replace(/[\s，,；;]+$/, '');
}

/** 「有没有被公示的」「有冇受过的」: whether there is one, asked, the words describing it between */
const ASKED_WITH_ITS_DESCRIPTION = /(?:有没有?|有冇|是不是)(?:被|受过?|挨过?)[^，,。;；\s]{0,6}的$/;
const SAME_DAY_BEFORE = /(?:当天|同一天|当日)(?:就|也)?(?:在网上)?$/;
let periodOverRe: RegExp | undefined;
let periodNotYetRe: RegExp | undefined;

/** Words that carry their own polarity (「没交」, 「罚过」): a negator before them does not flip them. */
const OWN = { negatable: false } as const;
/** Words inside a question or supposition state nothing. */
const STATEMENT = { statementOnly: true } as const;

/** A rule whose production is a fixed value, the common case: name, fact, words, value, when. */
function fixed(
  name: string,
  fact: string,
  words: WordPath,
  value: boolean | string,
  when?: NamedRule['when'],
  opts: Partial<NamedRule> = {},
): NamedRule {
  return { name, fact, words: wordsAt(words), value, ...(when ? { when } : {}), ...opts };
}

/** A word class by its place in the lexicon: 'penalties.paid' is knowledge/lexicon/penalties.json's "paid". */
type WordPath = {
  [F in keyof Lexicon]: {
    [K in keyof Lexicon[F]]: Lexicon[F][K] extends string[] ? `${F}.${K & string}` : never;
  }[keyof Lexicon[F]];
}[keyof Lexicon];

function wordsAt(path: WordPath): NamedRule['words'] {
  const [file, key] = path.split('.') as [keyof Lexicon, string];
  return (lx) => (lx[file] as unknown as Record<string, string[]>)[key] ?? [];
}

/** A fixed-value rule whose words carry their own polarity. */
const own = (
  name: string,
  fact: string,
  words: WordPath,
  value: boolean | string,
  when?: NamedRule['when'],
  opts: Partial<NamedRule> = {},
) => fixed(name, fact, words, value, when, { ...OWN, ...opts });

/**
 * otherRecordDenied: 「不是严重违法失信名单」 or, shortened, 「不是严重违法那个」「不是严重失信的」: a
 * 不是 followed by one of the other records' names, whole or cut after its first four characters.
 */
function otherRecordDenied(s: string, names: readonly string[]): boolean {
  return s
    .split('不是')
    .slice(1)
    .some((after) =>
      names.some((w) => after.startsWith(w) || (w.length > 4 && w.startsWith(after.slice(0, 4)))),
    );
}

/** The named rules. Order does not matter: every hit is collected, then the later (or higher-ranked) one wins. */
export const RULES: NamedRule[] = [
  // what is to be repaired
  {
    name: 'record.seriousList',
    fact: 'recordType',
    words: (lx) => lx.penalties.seriousList,
    // 「被列入严重违法失信名单」 is one's own record; 「严重违法失信名单怎么移出 / 有什么区别」 asks about the list
    // 「严重违法失信名单上了两年了」: the verb may follow the list's name
    // 「被告知在严重违法失信名单上」: on the list (「不在…名单上」 is not)
    // (the question about the list in its own clause: 「上了严重违法失信名单 这个跟经营异常名录有么区别」
    // tells the listing, then asks)
    value: (hit) => {
      const p = lexicon().penalties;
      if (namedAsNot(hit.before) || hasAny(hit.clause, lexicon().grammar.definitionCues)) return undefined;
      const at = p.onListBefore.find((w) => hit.before.endsWith(w));
      const on =
        at !== undefined &&
        p.onListAfter.some((w) => hit.after.startsWith(w)) &&
        !negatedBefore(hit.before.slice(0, -at.length));
      return on || p.listedVerbs.some((v) => hit.before.includes(v) || hit.after.startsWith(v))
        ? 'serious_list'
        : undefined;
    },
    when: (ctx) => !hasAny(ctx.s, lexicon().penalties.seriousCheckCues),
    negatable: false,
  },
  {
    // 「严重违法失信名单 整改还冇做完」「列严以后又被罚了一次」: words beside the list's name that tell it
    // is the writer's own record, anywhere in the message; 「…上有没有我们」 asks for the status instead
    name: 'record.seriousListOwn',
    fact: 'recordType',
    words: (lx) => lx.penalties.seriousList,
    value: (hit, ctx) => {
      const { seriousOwnCues, seriousCheckCues } = lexicon().penalties;
      if (namedAsNot(hit.before) || hasAny(hit.clause, lexicon().grammar.definitionCues)) return undefined;
      // (「是严重违法失信名单 不是经营异常名录」: named against another record, it is the writer's own)
      const own =
        (hasAny(ctx.s, seriousOwnCues) && !hasAny(ctx.s, seriousCheckCues)) || ctx.named === 'serious_list';
      return own ? 'serious_list' : undefined;
    },
    negatable: false,
  },
  // (「不是行政处罚 上面写的是列入经营异常名录」: a penalty named as not the record)
  fixed('record.penalty', 'recordType', 'penalties.penaltyWords', 'admin_penalty', penaltyOnly, {
    ...OWN,
    // 「改完了多久能移出来 要不要交罚款」: an A-not-A right before the penalty's word asks whether one
    // is due, it tells no penalty on record
    // (「怕被罚款」 fears one)
    // (「查自己有没有被公示的行政处罚」: the A-not-A before what describes the penalty asked about)
    value: (hit) =>
      namedAsNot(hit.before) ||
      A_NOT_A_VERB.test(hit.before.slice(-5)) ||
      ASKED_WITH_ITS_DESCRIPTION.test(hit.before) ||
      isFeared(hit.before)
        ? undefined
        : 'admin_penalty',
  }),
  {
    // 「罚款那个无所谓了 我主要是想把经营异常名录这个修复掉」: of the two records told, the listing is the one
    // to repair (DOMAIN.md §4 recordType abnormal_list); the later hit wins over the penalty's words
    name: 'record.abnormalWanted',
    fact: 'recordType',
    words: wordsAt('penalties.abnormalListNouns'),
    // 「是经营异常名录 不是严重违法失信」: the other list denied beside it
    value: (hit, ctx) => {
      const p = lexicon().penalties;
      // (「主要是怕被列入经营异常名录」 fears a listing: no record to repair)
      if (/(?:怕|担心|会不会|会|以免|免得|不想)[^，,。;；]{0,3}$/.test(hit.before)) return undefined;
      // 「是经营异常名录 不是处罚」「不是行政处罚 上面写的是列入经营异常名录」: the other record denied beside it
      return p.abnormalWanted.some((w) => hit.before.includes(w)) ||
        otherRecordDenied(ctx.s, [...p.seriousList, ...p.penaltyWords])
        ? 'abnormal_list'
        : undefined;
    },
    // (「不是处罚 是经营异常名录」 after a move told: named against the penalty, whatever the case's frame
    // makes of that penalty; a listing told beside it, 「…是被列入了经营异常名录」, needs no record named,
    // the listing being the record where none other is on file)
    when: (ctx) =>
      ctx.about.penalty ||
      ctx.record === 'admin_penalty' ||
      ctx.record === 'serious_list' ||
      (ctx.named === 'abnormal_list' && !listingBackground(ctx.facts)),
    negatable: false,
    statementOnly: true,
  },
  {
    name: 'penalty.kind',
    fact: 'penaltyKind',
    words: (lx) => Object.values(lx.penalties.penaltyKinds).flat(),
    value: (hit, ctx) => statedKind(hit, ctx.s),
    when: penalty,
    negatable: false,
    rank: (v) => KIND_ORDER.indexOf(String(v)),
  },
  // 「是不是找市场监管局」 asks where to go; it does not say who issued the penalty
  fixed(
    'penalty.marketSupervision',
    'issuedByMarketSupervision',
    'penalties.marketSupervision',
    true,
    penalty,
    {
      ...STATEMENT,
      // 「是税务局罚的 不是你们市场监管」: the bureau addressed, denied, is not the one that fined
      value: (hit) => {
        // 「消防大队罚了一万 市场监管那边冇罚我们」: the bureau named, its penalising denied after it
        if (deniedPenaltyAfter(hit.after) || bureauOfferedWithAnother(hit)) return undefined;
        const addressee = factLexicon().addressee.words.find((w) => hit.before.endsWith(w));
        if (!addressee) return true;
        const rest = hit.before.slice(0, -addressee.length);
        return !lexicon().grammar.negators.some((n) => rest.endsWith(n) || rest.endsWith(`${n}是`));
      },
    },
  ),
  {
    // 「市场监管局吊销营业执照的处罚记录能不能修复」: the bureau inside the name of the record a question is
    // about (its penalty told between, then 的 and the record) is presupposed, not asked
    name: 'penalty.marketSupervisionOfRecord',
    fact: 'issuedByMarketSupervision',
    words: wordsAt('penalties.marketSupervision'),
    value: (hit) => (bureauOfTheRecord(hit) ? true : undefined),
    when: penalty,
    negatable: false,
  },
  fixed('penalty.otherAuthority', 'issuedByMarketSupervision', 'penalties.otherAuthorities', false, penalty, {
    ...OWN,
    value: (hit) => (bureauOfferedWithAnother(hit) ? undefined : false),
  }),
  fixed('penalty.mitigated', 'fineMitigated', 'penalties.mitigated', true, penalty),
  {
    // 「按标准罚的」「顶格罚的」: not mitigated; 「不是顶格罚的」「没有从重」 deny the heavier end only, which
    // says nothing of 从轻 or 减轻
    name: 'penalty.aggravated',
    fact: 'fineMitigated',
    words: wordsAt('penalties.aggravated'),
    value: (hit) => (scopeOf(hit).negated ? undefined : false),
    when: penalty,
    negatable: false,
  },
  {
    name: 'penalty.fineAmount',
    fact: 'fineAmountYuan',
    words: (lx) => [...(lx.penalties.penaltyKinds.fine ?? []), ...lx.penalties.fineAmountLeads],
    // 罚了两万 / 罚款5万元 / 罚了一万 (after the word) or 两万块的罚款 (before it, same clause)
    value: (hit, ctx) => {
      const counters = factLexicon().amountCounters.words;
      if (laterPenaltyClause(hit.clause)) return undefined;
      // 「罚款还差一万冇交」: the sum after a word of what remains is the part owed, not the fine
      const owed = lexicon().penalties.remainder.some((w) => hit.after.slice(0, 4).includes(w));
      return (
        (owed ? undefined : amountNear(hit.after, counters, { within: 8 })) ??
        amountNear(hit.before, counters, { within: 8, last: true }) ??
        amountClauseAfter(ctx.s.slice(hit.pos + hit.word.length + hit.after.length))
      );
    },
    when: penalty,
    negatable: false,
  },
  own('penalty.keySector', 'keySector', 'penalties.keySectors', true, penalty, {
    value: (hit) => (causeOfDeniedRepeat(hit) ? undefined : true),
  }),
  // nonKeySectorViolation: 「因为虚假广告被罚了8万」 is a general penalty (penalties.json); a text that
  // also names a key sector or a trade in such products leaves the question open
  {
    name: 'penalty.nonKeySectorViolation',
    fact: 'keySector',
    words: wordsAt('penalties.nonKeySectorViolations'),
    // 「没有虚假广告」 names no cause: nothing is read; 「没有明码标价」 names it (a lawful state denied is
    // the violation)
    value: (hit) =>
      (scopeOf(hit).negated && !lexicon().penalties.lawfulStates.includes(hit.word)) ||
      laterPenaltyClause(hit.clause)
        ? undefined
        : false,
    when: (ctx) =>
      penalty(ctx) &&
      hasAny(ctx.s, lexicon().penalties.penaltyWords) &&
      !hasAny(ctx.s, lexicon().penalties.keySectors) &&
      !hasAny(ctx.s, lexicon().penalties.keySectorTrades),
    negatable: false,
    statementOnly: true,
  },
  {
    // 「我们是做服装的」 with one's own penalty: a trade in none of the key-sector products
    name: 'penalty.nonKeySectorTrade',
    fact: 'keySector',
    words: () => factLexicon().nonKeySectorTrades.words,
    value: (hit) => (scopeOf(hit).negated ? undefined : false),
    when: (ctx) =>
      penalty(ctx) &&
      !hasAny(ctx.s, lexicon().penalties.keySectors) &&
      !hasAny(ctx.s, lexicon().penalties.keySectorTrades),
    negatable: false,
    statementOnly: true,
  },
  {
    name: 'penalty.publishedDate',
    fact: 'penaltyPublishedDate',
    words: (lx) => lx.penalties.publishedWords,
    // 「2025年8月20日市场监管局的行政处罚信息公示了」: the date may stand a whole subject before the word
    // 「去年6月1号…下了处罚 当天就公示了」: published the day told before, the decision's
    value: (hit, ctx) =>
      SAME_DAY_BEFORE.test(hit.before)
        ? dateIn(`${hit.preceding ?? ''}${hit.before}`, ctx.now)
        : dateByRole(hit, ctx, 26),
    // 「是今年5月8号公示的」 in a case already about a published penalty dates that publication
    when: (ctx) => penalty(ctx) || ctx.record === 'admin_penalty',
    negatable: false,
  },
  {
    // 「处罚决定书日期是2026年4月16号」「去年5月20号被市场监管局罚了」: the day of the decision, which
    // bounds the publication the waiting period counts from (rules/routes.ts penaltyWaitOver)
    name: 'penalty.decisionDate',
    fact: 'penaltyDecisionDate',
    words: (lx) => [...lx.answers.decisionDates, ...lx.penalties.decidedVerbs],
    value: (hit, ctx) => decisionDate(hit, ctx) ?? yearAloneBefore(hit, ctx),
    when: (ctx) =>
      (penalty(ctx) || ctx.record === 'admin_penalty') && !serious(ctx) && ctx.record !== 'serious_list',
    negatable: false,
    statementOnly: true,
  },
  fixed('penalty.restrictionEnded', 'restrictionEnded', 'penalties.restrictionEnded', true, restricted),
  own('penalty.restrictionRunning', 'restrictionEnded', 'penalties.restrictionRunning', false, restricted),
  {
    // 「到现在还冇复产」「还冇让复工」: not resumed yet, so the restriction still runs (总局令第107号 第八条:
    // repair only once it has ended); a resumption said without a negator is read by the words above
    name: 'penalty.notResumed',
    fact: 'restrictionEnded',
    words: wordsAt('penalties.resumed'),
    value: (hit) => {
      const allowed = lexicon().penalties.allowedBy.find((w) => hit.before.endsWith(w));
      const before = allowed ? hit.before.slice(0, -allowed.length) : hit.before;
      return negatedBefore(before) ? false : undefined;
    },
    when: restricted,
    negatable: false,
    statementOnly: true,
  },
  {
    // 「停业那一个月早就过哒」「暂扣的期限已经满了」: the restriction named, its time over later in the clause
    name: 'penalty.restrictionPeriodOver',
    fact: 'restrictionEnded',
    words: wordsAt('penalties.restrictionPeriod'),
    // 「这个限制要到明年7月才满」: its end told still to come (periodNotYet), it runs
    value: (hit) => {
      const p = lexicon().penalties;
      periodOverRe ??= new RegExp(`^([^，,。;；]{0,12}?)${alt(p.periodOver)}`);
      periodNotYetRe ??= new RegExp(`^[^，,。;；]{0,14}?${alt(p.periodNotYet)}`);
      if (periodNotYetRe.test(hit.after)) return false;
      const m = periodOverRe.exec(hit.after);
      return m ? !negatedBefore(m[1] ?? '') : undefined;
    },
    when: restricted,
    negatable: false,
    statementOnly: true,
  },
  fixed('obligations.paid', 'obligationsFulfilled', 'penalties.paid', true, either),
  own('obligations.unpaid', 'obligationsFulfilled', 'penalties.unpaid', false, either),
  {
    // 「罚款10万，已交」, 「罚没款都交了」: a bare paid clause speaks of the fine named in it or in the
    // clause right before it; so does an unpaid one (「罚款五万八 到现在还冇交」)
    name: 'obligations.paidAfterFine',
    fact: 'obligationsFulfilled',
    words: () => [...factLexicon().penaltyFollowUps.paid, ...factLexicon().penaltyFollowUps.unpaid],
    value: (hit, ctx) => {
      const { fineNouns, unpaid } = factLexicon().penaltyFollowUps;
      // 「年报该交的都交了」 files the reports, it pays nothing
      if (hasAny(hit.clause, factLexicon().reportUnfiled.nouns)) return undefined;
      const paid = !unpaid.includes(hit.word);
      const start = hit.pos - hit.before.length;
      const previous =
        ctx.s
          .slice(0, Math.max(0, start - 1))
          .split(/[，,。;；!！?？\s]/)
          .at(-1) ?? '';
      return fineNouns.some((w) => hit.before.includes(w) || previous.includes(w)) ? paid : undefined;
    },
    when: either,
    statementOnly: true,
  },
  fixed('rectified.done', 'rectified', 'penalties.rectified', true, either),
  own('rectified.notDone', 'rectified', 'penalties.notRectified', false, either),
  {
    // 「现在都明码标价了」: the state the rules require, back; 「说是收费没有明码标价」 describes the violation
    // and says nothing of its rectification
    name: 'rectified.lawfulState',
    fact: 'rectified',
    words: (lx) => [...lx.penalties.lawfulStates, ...lx.penalties.lawfulNow],
    // 「因为明码标价的事被罚了」 names the cause of a penalty, not the state put right; 「明码标价不规范
    // 罚款8万」 names it as the violation: the state is put right only when told as now or done
    // (「现在都明码标价了」「已经明码标价」「明码标价也弄好了」)
    // (「我们一直都是合法经营的」: a state claimed of the whole past tells nothing put right: lawfulNow
    // only with a word of now)
    value: (hit) =>
      scopeOf(hit).negated ||
      /(?:因为?|由于)$/.test(hit.before) ||
      /^的?(?:事|问题|原因)/.test(hit.after) ||
      /(?:一直|从来|向来)[^，,。;；\s]{0,3}$/.test(hit.before)
        ? undefined
        : lexicon().penalties.lawfulNow.includes(hit.word)
          ? /(?:现在|已经|目前|如今)[^，,。;；\s]{0,3}$/.test(hit.before)
            ? true
            : undefined
          : /(?:现在|已经|早就|目前|如今|重新|全部|全都|按要求|都|也)[^，,。;；\s]{0,3}$/.test(hit.before) ||
              /^(?:了|哒|也?(?:弄|搞|做|整|改)?好了|也?(?:到位|规范)了)/.test(hit.after)
            ? true
            : undefined,
    when: either,
    negatable: false,
    statementOnly: true,
  },
  {
    // 「收费牌也按标准改了」「标签也全部重新印了」「价目表也挂在前台了」: the thing the violation was
    // about, redone (penalties.json redone); the conditions of 总局令第107号 第十一条 ask it as 纠正违法行为.
    // Denied (「那块违规的广告牌还冇拆」), it is not yet corrected.
    name: 'rectified.redone',
    fact: 'rectified',
    words: (lx) => lx.penalties.redone.verbs,
    value: (hit) => (redoneAt(hit) ? true : notRedoneAt(hit) ? false : undefined),
    when: either,
    negatable: false,
    statementOnly: true,
  },
  // 「之前有冇被罚过同类的」 asks whether there was one: a question, no statement
  fixed(
    'penalty.repeatSameType',
    'repeatSameTypePenalty',
    'penalties.repeatSame',
    true,
    penaltyOnly,
    STATEMENT,
  ),
  {
    // 「今年八月份又因为另一台电梯冇年检被罚了一次」: penalised again, the cause told between 又 and the
    // penalty (a negator before 又 denies it, the shared scope)
    name: 'penalty.againFor',
    fact: 'repeatSameTypePenalty',
    words: wordsAt('penalties.againFor'),
    value: (hit) => (/^[^，,。;；]{1,18}?(?:被|给)?(?:罚|处罚)/.test(hit.after) ? true : undefined),
    when: penaltyOnly,
    statementOnly: true,
  },
  own('penalty.noRepeat', 'repeatSameTypePenalty', 'penalties.noRepeat', false, penaltyOnly),
  {
    name: 'serious.listedDate',
    fact: 'seriousListedDate',
    words: (lx) => lx.penalties.seriousList,
    value: (hit, ctx) =>
      dateByRole(hit, ctx, 16) ?? yearAloneBefore(hit, ctx) ?? yearOfTheMatterAfter(hit, ctx),
    when: serious,
    negatable: false,
  },
  {
    // 「……决定将你单位列入严重违法失信名单。2025年8月6日」: a pasted decision, dated under it
    name: 'serious.noticeDate',
    fact: 'seriousListedDate',
    words: (lx) => lx.penalties.seriousList,
    value: (hit, ctx) => {
      if (!/决定将[^。;；]{0,30}?(?:列入|纳入)$/.test(ctx.s.slice(0, hit.pos))) return undefined;
      const m = NOTICE_DATE_AFTER.exec(ctx.s.slice(hit.pos + hit.word.length));
      return m ? readDate(m[0], ctx.now) : undefined;
    },
    when: serious,
    negatable: false,
  },
  {
    // 「再冇受过比较重的处罚」「比较重的也没有」: a heavier penalty denied anywhere in its clause;
    // 「罚得重不重我不清楚」 asks it (A-not-A), it states nothing
    name: 'serious.heavierLater',
    fact: 'laterHeavierPenalty',
    words: wordsAt('penalties.heavierLater'),
    value: (hit) =>
      hit.after.startsWith('不') ||
      negatedBefore(hit.before) ||
      /没|未|不/.test(hit.before) ||
      /^[^，,。;；]{0,3}?(?:没|未)/.test(hit.after)
        ? undefined
        : true,
    when: serious,
    negatable: false,
  },
  own('serious.noLaterPenalty', 'laterHeavierPenalty', 'penalties.noRepeat', false, serious),

  {
    // 「也冇得什么法律规定的管理措施还在执行期内」, 「没有法定的管理措施还在执行」: "no measure is
    // still running"; the negator reaches over the description of the measure (scope.ts)
    name: 'serious.measureRunning',
    fact: 'statutoryMeasureRunning',
    words: wordsAt('penalties.measureRunning'),
    // 「有没有什么措施还在执行」 asks (A-not-A); 「没有什么措施还在执行」 states, though 什么 reads as a
    // question word elsewhere
    value: (hit) => (A_NOT_A_VERB.test(hit.clause) ? undefined : !negatedExistence(hit.before)),
    when: serious,
  },
  own('serious.measureEnded', 'statutoryMeasureRunning', 'penalties.measureEnded', false, serious),

  // where the business is registered
  {
    name: 'place.county',
    fact: 'inJurisdiction',
    words: (lx) => Object.values(lx.places.counties).flat(),
    value: (hit, ctx) => {
      const lx = lexicon();
      const county = Object.entries(lx.places.counties).find(([, ws]) => ws.includes(hit.word))?.[0];
      const movedHere = registrationMovedTo(hit);
      // a short name counts only as a place ("崇阳的店", "崇阳县", 「我的店在崇阳」 at the clause's
      // end), not inside another word; 「你们通城的免列异」 is the bureau addressed, not the business
      if (
        !county ||
        (hit.word === county ||
        movedHere ||
        (hit.after === '' && factLexicon().placeBefore.words.some((w) => hit.before.endsWith(w)))
          ? false
          : !lx.places.placeSuffixes.some((x) => hit.after.startsWith(x)) && !registrationTold(hit))
      )
        return undefined;
      if (factLexicon().addressee.words.some((w) => hit.before.endsWith(w))) return undefined;
      // 「我人是崇阳的」「老家在崇阳」: where the person is from, not where the business is registered
      // 「我是崇阳人 店子是在通城登记的」「我是湖南岳阳人」: a person of that county, not the business
      const person = factLexicon().personPlace;
      if (person.words.some((w) => hit.before.endsWith(w))) return undefined;
      if (
        person.after.some((w) => hit.after.startsWith(w)) &&
        !person.afterLookalikes.some((w) => hit.after.startsWith(w))
      )
        return undefined;
      // 「通城到武汉的班车」「店搬到崇阳去了」: where someone goes, not where it is registered
      if (!movedHere && factLexicon().destinationBefore.words.some((w) => hit.before.endsWith(w)))
        return undefined;
      if (!movedHere && notTheRegistration(hit)) return undefined;
      // 「原来在嘉鱼 前年迁移登记到通城来哒」: where it was registered before a move of the registration
      const former = factLexicon().formerPlace;
      if (former.leads.some((w) => hit.before.endsWith(w)) && former.moves.some((w) => ctx.s.includes(w)))
        return undefined;
      // 「能在崇阳那边办吗」: the place asked about to apply, not where it is registered
      if (applyPlaceAsked(hit.before, hit.after)) return undefined;
      // 「总公司在武汉 我们是通城这边的分公司」: the parent's county says nothing of the branch's
      if (factLexicon().parentPlace.words.some((w) => hit.before.slice(-6).includes(w))) return undefined;
      // 「不在通城」: not in the configured county says it is outside; not in another says nothing
      if (lx.grammar.negators.some((n) => hit.before.endsWith(`${n}在`)))
        return configuredCounty().includes(county) ? false : undefined;
      // the configured county itself: true only where it is tied to the business, or as the whole
      // of a clause 「是通城县的」 (what 「不是崇阳的 是通城县的」 corrects to)
      if (!configuredCounty().includes(county)) return false;
      return movedHere || tiedToBusiness(hit) || CLAUSE_IS_PLACE.test(hit.clause) ? true : undefined;
    },
    // 「执照是通城的还是崇阳的我记不清哒」「执照是崇阳的吧 我也不确定」: told with a doubt
    hedgedIn: (hit) => countyDoubted(hit),
    hedgeOutranks: true,
    negatable: false,
    // 「执照是在嘉鱼县办的，人一直在通城这边干活」: another county named in the message is where it is
    // registered; the configured one beside it is where they work or whom they ask (a correction
    // back to this county is read by corrections, index.ts)
    // 「我人在崇阳 不过店是在通城注册的」: the county told with the registration is it, whichever
    rank: (v, hit) => (registrationTold(hit) || registrationMovedTo(hit) ? 2 : v === false ? 1 : 0),
  },

  // 「最近一年的年报补了」: one year's report, the previous one, never all of them (issue 11)
  {
    name: 'report.recentYearFiled',
    fact: 'previousYearReportFiled',
    words: (lx) => lx.grammar.recentYearReport,
    // 「上一年度的年报交了吗」 asks
    statementOnly: true,
    value: (hit) => {
      const g = lexicon().grammar;
      const next = hit.after.slice(0, 8);
      if (g.notDone.some((w) => next.includes(w))) return false;
      return g.done.some((w) => next.includes(w)) ? true : undefined;
    },
  },

  {
    // 「搬走以后原来的手机号也停了，市场监管那边联系不上我们」: moved, not listed, and no other way
    // to reach the business either (buffer condition 四(五))
    name: 'reach.lostAfterMove',
    fact: 'reachableByOtherMeans',
    words: () => factLexicon().unreachableAfterMove.words,
    value: false,
    when: (ctx) => ctx.facts.operatingAtRegisteredAddress === false && ctx.facts.listed !== true,
    statementOnly: true,
  },

  // who applies
  {
    name: 'agent.forSomeone',
    fact: 'applicantIsAgent',
    words: (lx) => lx.agents.principals,
    value: (hit) => {
      const lx = lexicon();
      const helped = lx.agents.helpers.some((h) => hit.before.endsWith(h));
      return helped ? true : undefined;
    },
    negatable: false,
  },
  {
    // 「我是会计」, 「委托我去办」; 「要交几千块代办费」 names a fee, not the writer's role
    name: 'agent.role',
    fact: 'applicantIsAgent',
    words: wordsAt('agents.roles'),
    value: (hit) =>
      factLexicon().roleAsModifier.words.some((w) => hit.after.startsWith(w)) ? undefined : true,
    ...OWN,
    ...STATEMENT,
  },

  // businesses the minor-error exemption excludes (policy 五(二)三)
  own('industry.safetyRelated', 'safetyRelated', 'industries.safetyRelated', true, minorErrorStory),
];

/**
 * 「执照是在通城办的」「注册在赤壁」: the county told as the registration's, a doubt about it set aside
 * (「执照应该是通城办的吧」 still names the registration, the doubt is read by countyDoubted)
 */
function registrationTold(hit: Hit): boolean {
  const g = lexicon().grammar;
  const plainBefore = g.hedges.reduce((t, w) => t.split(w).join(w.endsWith('是') ? '是' : ''), hit.before);
  const tentative = g.tentativeEndings.words.find((w) => hit.after.endsWith(w));
  const plainAfter = tentative ? hit.after.slice(0, -tentative.length) : hit.after;
  return REGISTERED_THERE_AFTER.test(plainAfter) || REGISTERED_THERE_BEFORE.test(plainBefore);
}

/**
 * 「通城的个体户」「通城这边的公司」「执照是在通城办的」「分公司在通城登记」: the county tied to the
 * business by a business noun right after it or by a registration word (facts.json countyStatement)
 */
function tiedToBusiness(hit: Hit): boolean {
  if (registrationTold(hit)) return true;
  const cs = factLexicon().countyStatement;
  const rest = hit.after.replace(/^(?:县|市(?!场)|区)?(?:这边|那边|本地)?/, '');
  return cs.businessNouns.some(
    (n) => rest.startsWith(n) || rest.startsWith(`的${n}`) || cs.pointers.some((p) => rest.startsWith(p + n)),
  );
}

/** 「迁到通城来哒 迁移登记办完了」: the county moved to, with the registration's move told (facts.json countyStatement) */
function registrationMovedTo(hit: Hit): boolean {
  const cs = factLexicon().countyStatement;
  const s = (hit.preceding ?? '') + hit.clause + (hit.following ?? '');
  return cs.moveVerbs.some((w) => hit.before.endsWith(w)) && cs.registrationMoved.some((w) => s.includes(w));
}

/** 「是通城县的」「通城的」: a clause that is only the county, as the second half of 「不是崇阳的 是通城县的」 */
const CLAUSE_IS_PLACE = /^(?:是|就是|应该是|其实是)?[^，,。;；\s]{2,4}(?:县|市|区)?的?$/;

/**
 * The county named, but not as the business's registration now: the bureau that punished (「咸安区市场
 * 监管局就给了个警告」), an earlier business's place (「我以前在通山开过服装店」), or the place moved from
 * (「从嘉鱼迁过来」) (facts.json countyStatement)
 */
function notTheRegistration(hit: Hit): boolean {
  const cs = factLexicon().countyStatement;
  // (「咸安区市场监管局」: the 市 of 市场 is no suffix of the county's name)
  const rest = /^(?:县|区)|^市(?!场)/.test(hit.after) ? hit.after.slice(1) : hit.after;
  const bureau = cs.bureaus.find((b) => rest.startsWith(b));
  if (bureau) {
    const then = rest.slice(bureau.length);
    if (cs.penaltyVerbs.some((v) => then.includes(v)) && !cs.registrationWords.some((w) => then.includes(w)))
      return true;
  }
  if (cs.origin.some((w) => hit.before.endsWith(w))) return true;
  if (cs.earlier.some((w) => hit.before.includes(w)) && !REGISTERED_THERE_AFTER.test(rest)) return true;
  return cs.experienced.some((w) => rest.startsWith(w) || hit.after.slice(0, 4).includes(w));
}

/**
 * 「执照是通城的还是崇阳的我记不清哒」, 「执照是崇阳的吧 我也不确定」: a doubt after the county in its
 * clause, a tentative 吧 ending it, or the next clause a doubt on its own
 */
function countyDoubted(hit: Hit): boolean {
  const cs = factLexicon().countyStatement;
  if (cs.unsureAfter.some((w) => hit.after.includes(w))) return true;
  // 「登记在崇阳还是通山」: two counties put as alternatives, neither told
  if (cs.alternative.some((w) => hit.clause.includes(w))) {
    const others = Object.values(lexicon().places.counties)
      .flat()
      .filter((w) => !w.includes(hit.word) && !hit.word.includes(w));
    if (others.some((w) => hit.clause.includes(w))) return true;
  }
  if (lexicon().grammar.tentativeEndings.words.some((w) => hit.clause.endsWith(w))) return true;
  const next = (hit.following ?? '').replace(/^[\s，,。;；]+/, '').split(/[\s，,。;；!！?？]/)[0] ?? '';
  const bare = next
    .replace(/^(?:我|也|都|具体|反正|真|实在|这会儿|一时|现在)+/, '')
    .replace(/(?:了|哒|啊|呀|的|咯)+$/, '');
  return bare !== '' && cs.unsureAfter.some((w) => bare === w || bare === `有点${w}` || bare === `太${w}`);
}

let applyPlaceRe: RegExp | undefined;
/** 「能在崇阳那边办吗」: a county asked about as where to apply (facts.json applyPlaceAsked) */
function applyPlaceAsked(before: string, after: string): boolean {
  const w = factLexicon().applyPlaceAsked;
  if (!w.before.some((b) => before.endsWith(b))) return false;
  applyPlaceRe ??= new RegExp(`^(?:县|区|市)?${alt(w.places)}?${alt(w.verbs)}(?:吗|么|不|呢|没|[?？]|$)`);
  return applyPlaceRe.test(after) && /[吗么呢?？]|不$/.test(after);
}

let county: string | undefined;
/** The configured jurisdiction's region text ("湖北省咸宁市通城县"). */
function configuredCounty(): string {
  county ??=
    (
      JSON.parse(
        readFileSync(fileURLToPath(new URL('../../knowledge/jurisdiction.json', import.meta.url)), 'utf8'),
      ) as { region?: string; bureau?: string }
    ).region ?? '';
  return county;
}

const NOTICE_DATE_AFTER = new RegExp(`^[^。;；]{0,10}?${NOTICE_DATE_SRC}`);

let recordOfRe: RegExp | undefined;
let kindToRepairRe: RegExp | undefined;
/**
 * bureauOfTheRecord: the bureau, then a penalty of its (a kind word or a verb of penalising) and 的 and
 * the record (penalties.json recordNouns) — 「市场监管局罚款的记录」「市场监管局给的警告」「市场监管局的罚款」;
 * or its kind word and a word of repair (「市监局罚款咋修复」). Not after 是 (「是市场监管局的处罚吗」 asks whose it is), an A-not-A, a negator or a fear.
 */
function bureauOfTheRecord(hit: Hit): boolean {
  const p = lexicon().penalties;
  const kinds = [...Object.values(p.penaltyKinds).flat(), ...p.decidedVerbs, ...p.licenceRevoked];
  recordOfRe ??= new RegExp(
    `^(?:[^，,。;；\\s]{0,12}?${alt(kinds)}[^，,。;；\\s]{0,8}?)?的(?:[那这][条个次份件])?(?:行政)?${alt([...p.recordNouns, ...kinds])}`,
  );
  // 「市监局罚款咋修复」: the bureau's penalty, named by its kind right after it, is what is to be repaired
  kindToRepairRe ??= new RegExp(`^${alt(kinds)}[^，,。;；\\s]{0,6}?${alt(lexicon().grammar.repairWords)}`);
  const m = recordOfRe.exec(hit.after) ?? kindToRepairRe.exec(hit.after);
  if (!m || !hasAny(m[0], kinds)) return false;
  return (
    !/(?:是|为|属于)$/.test(hit.before) &&
    !A_NOT_A_VERB.test(hit.before) &&
    !negatedBefore(hit.before) &&
    !isFeared(hit.before) &&
    !bureauOfferedWithAnother(hit)
  );
}

/**
 * 「不晓得是税务的还是工商的」: one of two bureaus offered, neither told as the one that fined. The other
 * side of 还是 must name an authority: 「市场监管局还是给了个警告」 is the adverb (all the same).
 */
const bureauOfferedWithAnother = (hit: { before: string; after: string }): boolean => {
  const p = lexicon().penalties;
  const names = (t: string) =>
    hasAny(t, [...p.otherAuthorities, ...p.marketSupervision, ...p.authorityHeads]);
  const after = hit.after.replace(/^的/, '');
  return (
    (OR_BEFORE.test(hit.before) && names(hit.before.replace(OR_BEFORE, '').slice(-10))) ||
    (OR_AFTER.test(after) && names(after.replace(OR_AFTER, '').slice(0, 10)))
  );
};

/** A listing story or a move told: a penalty said with it is background, not the record to repair. */
/**
 * 「罚款是减轻处罚的 六万块」: the clause right after the fine's is an amount with its unit and nothing
 * else (a count or a date has no 万/千/块/元 of money).
 */
function amountClauseAfter(rest: string): number | undefined {
  const clauses = rest.replace(/^[\s，,]+/, '').split(/[\s，,。;；!！?？]+/);
  // 「罚的 从轻处罚 两千块」: a clause telling how the fine was weighed may stand between word and amount
  const { mitigated, aggravated } = lexicon().penalties;
  const weighs = (c: string) => hasAny(c, mitigated) || hasAny(c, aggravated);
  const next = (weighs(clauses[0] ?? '') ? clauses[1] : clauses[0]) ?? '';
  if (
    !/^(?:是|有)?[\d零〇一二两三四五六七八九十百千万.壹贰叁肆伍陆柒捌玖拾佰仟]+(?:万|千)?(?:块钱?|元)?$/.test(
      next,
    )
  )
    return undefined;
  return /[万千块元]/.test(next) ? readAmountYuan(next.replace(/^(?:是|有)/, '')) : undefined;
}

/** The punishment buffer's questions (四(五)): a penalty told in reply is an other violation. */
const BUFFER_QUESTIONS: readonly FactName[] = [
  'otherViolations',
  'reachableByOtherMeans',
  'operatingAtRegisteredAddress',
];

const listingBackground = (facts: Facts) =>
  facts.listed === true ||
  facts.listingReason !== undefined ||
  facts.operatingAtRegisteredAddress !== undefined;

/** the hit a fact's value is taken from, of all the rules' hits */
type BestHit = { value: string | number | boolean; pos: number; rank: number; rule: string };

/**
 * measureOfTheList: on the serious list, a restriction told still running (「法定代表人那个限制还冇到期」)
 * is a statutory measure of the list still running (总局令第107号 第十三条), not a penalty's restriction,
 * which only a published penalty asks. One told over says nothing of the list's other measures: it
 * grants nothing (the measure question stays open).
 */
function measureOfTheList(best: Map<string, BestHit>, ctx: RuleContext): void {
  const ended = best.get('restrictionEnded');
  if (ended?.value !== false || !ctx.about.seriousList || ctx.record === 'admin_penalty') return;
  best.delete('restrictionEnded');
  if (!best.has('statutoryMeasureRunning')) best.set('statutoryMeasureRunning', { ...ended, value: true });
}

/** What the text is about, before any rule runs: a penalty decision or the serious list. */
export function aboutOf(s: string, facts: Facts, record?: Facts['recordType']): RuleContext['about'] {
  const lx = lexicon();
  const seriousList = lx.penalties.seriousList.some((w) => s.includes(w));
  // 「许可证被市场监管局吊销了」: the bureau told between 被 and the verb splits the listed words
  // (「许可证被吊销了」); read without it, they are found as they would be with the bureau unsaid
  const bare = s.replace(agentOfPassive(), '被');
  const penaltyWord = lx.penalties.penaltyWords.some((w) => toldNotFeared(bare, w));
  // a penalty told inside an 经营异常名录 story (行政处罚信息 not published → listed) or as an
  // "other violation" beside a move is background, not the record to repair
  const background =
    listingBackground(facts) ||
    // (in a case already about a penalty, 「网页也改了」 is how it was put right, not an error of 四(四))
    (facts.errorKind !== undefined && record !== 'admin_penalty');
  // 「较低数额罚款是指多少钱以下」: a term of the rules asked for its meaning tells no penalty
  const defining = hasAny(s, lx.penalties.ruleTerms) && hasAny(s, lx.grammar.definitionCues);
  return { seriousList, penalty: (penaltyWord && !background && !defining) || seriousList };
}

let agentRe: RegExp | undefined;
/** 「被县市场监管局」「被工商所的人」: a bureau as the agent of a passive, right after 被 */
function agentOfPassive(): RegExp {
  agentRe ??= new RegExp(
    `被[^，,。;；!！?？\\s被]{0,6}?${alt(lexicon().penalties.marketSupervision)}(?:的人)?`,
    'g',
  );
  return agentRe;
}

/** The word told somewhere in the text with no fear of it (penalties.json feared) before it in its clause. */
function toldNotFeared(s: string, word: string): boolean {
  for (let i = s.indexOf(word); i >= 0; i = s.indexOf(word, i + 1)) {
    const clauseBefore =
      s
        .slice(0, i)
        .split(/[，,。;；!！?？\s]/)
        .at(-1) ?? '';
    if (!isFeared(clauseBefore)) return true;
  }
  return false;
}

/** 「怕被」「担心执照」: the clause before a penalty's word fears it */
export const isFeared = (before: string): boolean => hasAny(before, lexicon().penalties.feared);

/**
 * negatedList: 「不涉及食品药品」 denies each word of the list, the last as much as the first: the words
 * of the same rule (and a joiner) right before a hit are passed over to find the negator.
 */
function negatedList(before: string, words: readonly string[]): boolean {
  let rest = before;
  let passed = false;
  for (;;) {
    const bare = rest.replace(/[、和及与跟或/]$/, '');
    const w = words.find((x) => bare.endsWith(x));
    if (!w) break;
    rest = bare.slice(0, -w.length);
    passed = true;
  }
  return passed && negatedBefore(rest);
}

/**
 * 「整改好像冇弄完」: the word 整改好 ends on the first character of a hedge word (好像) running past
 * it, so the text says 整改 + 好像, not 整改好: no hit.
 */
function endsInsideHedge(clause: string, end: number, lx: Lexicon): boolean {
  return lx.grammar.hedges.some((h) => h.length > 1 && clause.startsWith(h, end - 1));
}

/** The scope of a word rule's hit, read by the shared machinery (rules/scope.ts). */
export const scopeOf = (hit: Hit, lx: Lexicon = lexicon()) => wordScope(hit, lx.grammar);

export interface RuleResult {
  facts: RuleFacts;
  hedged: string[];
  /** which named rule produced each fact (for `ask` and tests) */
  why: Record<string, string>;
  /** where in the text the hit that decided each fact stands */
  at: Record<string, number>;
}

const sortedWords = new WeakMap<NamedRule, string[]>();
/** A rule's words, longest first (so 罚款已经交 wins over 罚款), computed once. */
function wordsOf(rule: NamedRule, lx: Lexicon): string[] {
  let words = sortedWords.get(rule);
  if (!words) {
    words = [...rule.words(lx)].sort((a, b) => b.length - a.length);
    sortedWords.set(rule, words);
  }
  return words;
}

const scanners = new WeakMap<readonly NamedRule[], (s: string) => Uint8Array>();
/**
 * The word scan of a rule list (every word of every rule), built once per list: marks the rules
 * with a word in the text, so a rule none of whose words occur is skipped without looking at it.
 */
function scannerOf(rules: readonly NamedRule[], lx: Lexicon): (s: string) => Uint8Array {
  let scan = scanners.get(rules);
  if (!scan) {
    scan = listMarker(rules.map((r) => wordsOf(r, lx).filter((w) => w !== '')));
    scanners.set(rules, scan);
  }
  return scan;
}

export function applyRules(
  s: string,
  now: Date,
  facts: Facts,
  opts: {
    pending?: FactName;
    record?: Facts['recordType'];
    bufferStory?: boolean;
    errorStory?: boolean;
  } = {},
  rules: readonly NamedRule[] = RULES,
): RuleResult {
  const lx = lexicon();
  const about = aboutOf(s, facts, opts.record);
  // recordOfTheCase: once earlier messages made the case the serious list, 「以后再冇受过比较重的处罚」
  // or 「措施也解除了」 speaks of that record though this message does not name it. Not yet for a
  // published penalty: there every follow-up clause would read as a statement, and 「罚款早就交了…」
  // would no longer answer the open keySector question (today it does, wrongly, as a "yes").
  if (opts.record === 'serious_list') Object.assign(about, { seriousList: true, penalty: true });
  // The same for a published penalty: 「整改应该算整改好哒吧」「同类的更没有」 speak of it. (A 「罚款早就交了」
  // said while the sector is asked is kept from answering it by the question's subject words,
  // knowledge/dialog.json answerSubjects.)
  if (opts.record === 'admin_penalty' && !listingBackground(facts)) about.penalty = true;
  const named = recordContrast(s)?.named;
  // 「被罚过款」 answering "any other violations?" is that answer, not a penalty to repair; so is one
  // told while any question of the punishment buffer is open (「手机打得通 就是今年夏天被罚过一次款」);
  // a penalty named against the listing (「不是经营异常 是行政处罚」) is the record all the same
  const buffer = opts.bufferStory || (opts.pending !== undefined && BUFFER_QUESTIONS.includes(opts.pending));
  if (buffer && named !== 'admin_penalty') about.penalty = about.seriousList;
  const ctx: RuleContext = {
    s,
    now,
    facts,
    about,
    ...(opts.pending && { pending: opts.pending }),
    ...(opts.record && { record: opts.record }),
    ...(named && { named }),
    ...(opts.errorStory && { errorStory: true }),
  };
  const cls = clauses(s);
  const best = new Map<string, BestHit>();
  const hedged = new Set<string>();
  /** the highest rank of a hedged hit, for rules where that outranks (hedgeOutranks) */
  const doubted = new Map<string, number>();
  // one scan of the text for every rule's words first: a rule none of whose words occur is skipped
  const found = scannerOf(rules, lx)(s);
  for (let r = 0; r < rules.length; r++) {
    if (!found[r]) continue;
    const rule = rules[r] as NamedRule;
    const words = wordsOf(rule, lx);
    if (rule.when && !rule.when(ctx)) continue;
    for (const c of cls) {
      if (!words.some((w) => c.text.includes(w))) continue;
      const taken: [number, number][] = [];
      for (const w of words) {
        for (let i = c.text.indexOf(w); i >= 0; i = c.text.indexOf(w, i + 1)) {
          // a longer word already covers this place ("罚款" inside "罚款已经交")
          if (taken.some(([a, b]) => i < b && i + w.length > a)) continue;
          if (endsInsideHedge(c.text, i + w.length, lx)) continue;
          taken.push([i, i + w.length]);
          const hit: Hit = {
            word: w,
            pos: c.start + i,
            clause: c.text,
            before: c.text.slice(0, i),
            after: c.text.slice(i + w.length),
            preceding: s.slice(0, c.start),
            following: s.slice(c.end),
          };
          const scope = scopeOf(hit, lx);
          if (scope.moot) continue;
          // 「后来有没有再被罚过」: a word that opens with the 没 of an A-not-A (有没有, 有冇得) is asked
          if (/^(?:没|冇)/.test(w) && hit.before.endsWith('有')) continue;
          const asked =
            rule.statementOnly &&
            // (「跟安全什么的不沾边」「没造成什么影响」: a 什么 that lists, sweeps or denies any asks nothing)
            (hasAny(withoutNonQuestions(c.text), lx.grammar.questionCues) ||
              // 「之前有冇被罚过同类的」: an A-not-A before the words asks about them
              A_NOT_A_VERB.test(hit.before) ||
              /^(?:的话|不$|吗)/.test(hit.after) ||
              // 「整改搞完了没」: a clause ending in 了没 asks whether it is done
              /[吗不]$|了(?:没有?|冇)$/.test(c.text));
          let value = typeof rule.value === 'function' ? rule.value(hit, ctx) : rule.value;
          if (value === undefined) continue;
          if (asked) {
            // askedAndUnsure: 「之前有冇被罚过同类的我也记不清哒」 asks it and says the writer does not
            // know: the fact is unsure (hedged), neither a yes nor a no
            if (scope.hedged || hasAny(withoutSureWords(hit.after), lx.grammar.hedges)) hedged.add(rule.fact);
            continue;
          }
          if ((scope.negated || negatedList(hit.before, words)) && rule.negatable !== false) {
            if (typeof value !== 'boolean') continue;
            value = !value;
          }
          const rank = rule.rank && typeof value !== 'number' ? rule.rank(value, hit) : 0;
          if (scope.hedged || rule.hedgedIn?.(hit)) {
            hedged.add(rule.fact);
            if (rule.hedgeOutranks) doubted.set(rule.fact, Math.max(rank, doubted.get(rule.fact) ?? rank));
            continue;
          }
          const prev = best.get(rule.fact);
          if (!prev || rank > prev.rank || (rank === prev.rank && hit.pos >= prev.pos))
            best.set(rule.fact, { value, pos: hit.pos, rank, rule: rule.name });
        }
      }
    }
  }
  measureOfTheList(best, ctx);
  const out: RuleFacts = {};
  const why: Record<string, string> = {};
  const at: Record<string, number> = {};
  for (const [fact, b] of best) {
    if (b.rank < (doubted.get(fact) ?? Number.NEGATIVE_INFINITY)) continue;
    out[fact] = b.value;
    why[fact] = b.rule;
    at[fact] = b.pos;
    hedged.delete(fact);
  }
  return { facts: out, hedged: [...hedged], why, at };
}

/** Facts a rule here may set (the contract names of DOMAIN.md §4 they cover). */
export const RULE_FACTS = [...new Set(RULES.map((r) => r.fact))] as FactName[];
