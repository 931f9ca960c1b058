// What a message does beside stating facts: corrections of earlier statements ("说错了，不是公司，
// 是个体户"), and the questions it asks, in order ("要多少钱 多久能好"). Word classes come from the
// lexicon; the facts inside a correction are read by the same extractors as any statement.
import type { Facts } from '../../rules/types.ts';
import { alt, factLexicon } from './fact-lexicon.ts';
import { hasAny, lexicon } from './lexicon.ts';
import { withoutMistakenBeliefs } from './mistaken-belief.ts';
import { readAmountYuan } from './money-date.ts';
import { clauses } from './normalize.ts';
import { QUESTION_CLAUSE } from './question-cues.ts';
import { errorKind } from './rules/error-kind.ts';
import { resolveYear, smallNumber, YEAR_SRC } from './years.ts';

/** Reads the facts a piece of text states (facts.ts + named rules), passed in to avoid a cycle. */
export type FactReader = (text: string) => Facts;

// (Cantonese says 系 for 是: 「唔系一九年 系二〇二〇年」); a short aside may stand between the two
// (「不是个体户 我翻了下她的执照 是有限责任公司」), one without a 是 of its own
const NOT_X_BUT_Y =
  /不是([^，,。；;!！?？]{1,10}?)(?:[\s，,][^\s，,。；;!！?？是系]{1,14})?[，,\s]?(?:而|应该|其实|我们)?(?:是|系(?![统列数]))(?!不是)(.+)$/;
const LEADING_NO = /^(?:哦|噢|啊|呃|嗯)?不对/;
/** 「是两万五」「应该是3万块」: an amount and nothing else (no year, no count of something) */
/** an amount of money with its 万/千 or its unit */
const AMOUNT_SRC =
  '(?:(?:\\d+(?:\\.\\d+)?|[零〇一二两三四五六七八九十百千]+)(?:万[零〇一二两三四五六七八九\\d]*|千)(?:块钱?|元)?|\\d{3,}(?:块钱?|元))';
const AMOUNT_ALONE = new RegExp(`^(?:应该|其实)?是?${AMOUNT_SRC}$`);
/**
 * 「决定书上是四万五 减轻处罚 不是五万五」: an amount put first with 是, the one it replaces denied with 不是
 * after it (short clauses may stand between).
 */
const AMOUNT_FIRST = new RegExp(
  `(?<!不)是(${AMOUNT_SRC})(?=[\\s，,])(?:[\\s，,]+[^\\s，,。；;!！?？]{1,8}?)*?[\\s，,]+不是(${AMOUNT_SRC})(?![\\d万千])`,
);
let paperLeadRe: RegExp | undefined;
/** 「决定书上写的是」: the length of a paper named at the start, with 上/里 and 写的 (0 when none) */
function paperLead(clause: string): number {
  paperLeadRe ??= new RegExp(
    `^${alt(lexicon().grammar.correctionPapers)}(?:上面?|里面?)?(?:写的|写着|开的)?(?=是)`,
  );
  const m = paperLeadRe.exec(clause);
  return m ? m[0].length : 0;
}
/** The amount put first against a denied one, when they differ. */
function amountPutFirst(text: string): number | undefined {
  const m = AMOUNT_FIRST.exec(text);
  const put = m?.[1] ? readAmountYuan(m[1]) : undefined;
  return put !== undefined && put !== readAmountYuan(m?.[2] ?? '') ? put : undefined;
}
/** 「一九年」「是2021年」: a year and nothing else */
const YEAR_ALONE = new RegExp(`^(?:应该|其实)?是?(?:${YEAR_SRC})$`);
const yearAlone = (t: string): boolean => YEAR_ALONE.test(t);
/** 「21年被标的」「是2021年6月」: a year opening its clause (not a report's 年度) */
const YEAR_LEADS = new RegExp(`^(?:应该|其实)?是?(?:${YEAR_SRC})(?!度)`);
const yearLeads = (t: string): boolean => YEAR_LEADS.test(t);
/** 「通知书上写的是二〇一六年 不是21年」: the year put first, the one it replaces denied after it */
const Y_NOT_X = /是([^，,。；;!！?？\s是]{2,8})[，,\s]*不是([^，,。；;!！?？\s]{2,8})/;
/** 「19年那个是年报的年份」「21年是我接手的时候」: a year said to be of something else, with its clause */
const YEAR_GIVEN_A_ROLE = new RegExp(
  `(${YEAR_SRC})(?:那个|那|的那个)?(?:说的是|指的是|是)([^，,。；;!！?？\\s]{1,12})`,
);
/** 「是两年」 at the start of a correction: a count of years, not a year */
const YEARS_COUNT = /^[，,\s]*(?:应该|其实)?是?([两俩二三四五六七八九十]|\d)个?年(?![度前])/;

/**
 * The year a correction gives the listing: the one it names, or where it names several (「21年那个是我老婆
 * 的服装店 我这个五金店确实是2019年被标的」) the one in the only clause that tells the listing; none
 * where such clauses do not settle it, the first where no clause tells the listing.
 */
export function listingYearOf(rest: string): RegExpExecArray | null {
  const all = [...rest.matchAll(new RegExp(YEAR_SRC, 'g'))] as RegExpExecArray[];
  if (new Set(all.map((m) => m[0])).size <= 1) return all[0] ?? null;
  const listing = lexicon().grammar.listingWords;
  const told = clauses(rest).filter((c) => /被标/.test(c.text) || listing.some((w) => c.text.includes(w)));
  const inTold = all.filter((m) => told.some((c) => m.index >= c.start && m.index < c.end));
  // (no clause telling the listing: the first year, as a correction names it — 「是今年 2026年9月12号
  // 不是25年」 redates another record)
  if (told.length === 0) return all[0] ?? null;
  return inTold.length === 1 ? (inTold[0] ?? null) : null;
}

/** The first clause of a text that has any words. */
const firstClause = (text: string): string => text.split(/[，,。；;\s]/).find((c) => c.length > 0) ?? '';

/** 「不是公司，是个体户」: X and Y give values of one fact, the one corrected. */
const sameFactBothSides = (x: Facts, y: Facts): boolean => Object.keys(x).some((f) => f in y);

/** The topic noun (grammar correctionTopics) right before 「不是X」 or closing X (「不是地址的原因」). */
function topicOf(before: string, x: string): string | undefined {
  return lexicon().grammar.correctionTopics.find((t) => before.trimEnd().endsWith(t) || x.endsWith(t));
}

/** 「原因」 + 是 + Y's own clause: what the topic names is said there (the rest is read as any statement) */
const topicClause = (topic: string, y: string): string =>
  `${topic}是${y.split(/[，,。；;\s]/).find((c) => c.length > 0) ?? y}`;

/** The clause before 「不是」 when it closes with the topic noun (「列异常的原因」), or the topic alone. */
function topicLead(before: string, topic: string): string {
  const clause =
    before
      .trimEnd()
      .split(/[，,。；;!！?？\s]/)
      .at(-1) ?? '';
  return clause.endsWith(topic) ? clause : topic;
}

/**
 * 「年报营业收入单位搞错了」「电话弄错了」: the clause ending at `end` tells a published field in error,
 * the error of a minor-error story, not the writer's slip in what they said before.
 */
function fieldToldWrong(s: string, end: number): boolean {
  const clause =
    s
      .slice(0, end)
      .split(/[，,。；;!！?？\s]/)
      .pop() ?? '';
  return errorKind(clause) !== undefined;
}

/** the clause that starts the text ends in a tentative ending (grammar.json tentativeEndings) */
function guessedAfter(rest: string): boolean {
  const clause = rest.split(/[，,。；;!！\s]/, 1)[0] ?? '';
  return clause !== '' && lexicon().grammar.tentativeEndings.words.some((e) => clause.endsWith(e));
}

/** Where the corrected statement starts, or -1 when the message corrects nothing. */
function correctionStart(s: string): number {
  let start = -1;
  let closing = false;
  for (const w of lexicon().grammar.correctionMarkers) {
    const i = s.lastIndexOf(w);
    // a marker closing the message (「…是个体工商户 她自己搞混哒」) corrects what comes before it:
    // the correction starts at an earlier marker with words after it, or else at the start
    // (「上面写的是2020年6月列入的 不是19年 我记错了」)
    const end = i + w.length;
    if (i < 0) continue;
    if (fieldToldWrong(s, end)) continue;
    // 「执照应该是崇阳的吧」: a marker whose clause ends in a tentative 吧 guesses; it corrects nothing
    if (guessedAfter(s.slice(end))) continue;
    if (/[\u4e00-\u9fff\d]{2}/.test(s.slice(end))) {
      if (end > start) start = end;
    } else closing = true;
  }
  if (start < 0 && closing) start = 0;
  const lead = LEADING_NO.exec(s);
  if (lead && lead[0].length > start) start = lead[0].length;
  return start;
}

/**
 * What a correction marker starts (「这是第一次被抽查 不对 好像前年也被抽过」: 「好像前年也被抽过」), or
 * undefined when the message corrects nothing with a marker.
 */
export function correctionTail(s: string): string | undefined {
  const at = correctionStart(s);
  return at > 0 ? s.slice(at) : undefined;
}

/**
 * Facts the user explicitly corrects in this message: what follows a correction marker, or the Y of
 * "不是X，是Y". A bare year in a correction is the listing year unless the words before it are about
 * filing ("年报补的是2023年").
 */
export function corrections(text: string, read: FactReader, now: Date): Facts {
  // 「我一直以为是个体户」 names what was wrongly believed, neither the corrected value nor a 是 to pair
  const s = withoutMistakenBeliefs(text);
  let tail: string | undefined;
  let head = '';
  // the X of 「不是X 是Y」 when the message corrects that way
  let x = '';
  let ofListing = false;
  const at = correctionStart(s);
  // 「不是一九年 是二一年 我看错了 一九年是我办执照的时间」: one year put against another is the
  // correction, whatever a marker after it goes on to explain (below, a year alone is the listing's)
  const years = NOT_X_BUT_Y.exec(s);
  const yearFirst = Y_NOT_X.exec(s);
  // (「不是19年是21年被标的」: the year put against it may lead the clause that tells what happened in it)
  if (years?.[1] && years[2] && yearAlone(years[1].trim()) && yearLeads(firstClause(years[2]))) {
    tail = firstClause(years[2]);
    head = s.slice(0, years.index);
    x = years[1];
  } else if (yearFirst?.[1] && yearFirst[2] && yearAlone(yearFirst[1]) && yearAlone(yearFirst[2])) {
    // (the same put the other way round: 「写的是2016年 不是21年 21年是我接手的时候」)
    tail = yearFirst[1];
    head = s.slice(0, yearFirst.index);
    x = yearFirst[2];
  } else if (at >= 0) {
    tail = s.slice(at);
    head = s.slice(0, at);
    // 「哦不是公司 是个体户」: a marker ending in 不是 opens the 「不是X 是Y」 itself
    const inner = NOT_X_BUT_Y.exec(head.endsWith('不是') ? `不是${tail}` : tail);
    if (inner?.[2]) {
      x = inner[1] ?? '';
      const topic = topicOf(tail.slice(0, inner.index), inner[1] ?? '');
      tail = topic ? topicClause(topic, inner[2]) : inner[2];
    }
  } else {
    const m = NOT_X_BUT_Y.exec(s);
    const topic = m?.[1] ? topicOf(s.slice(0, m.index), m[1]) : undefined;
    // "不是公司，是个体户" corrects; "不是故意的" or "是不是被列入了" does not; 「原因不是地址 是年报冇按时报」
    // corrects what its topic noun names, though 「地址」 alone states nothing
    if (m?.[1] && m[2] && topic && Object.keys(read(topicClause(topic, m[2]))).length) {
      // (「列异常的原因不是年报 是…」: the cause of a listing named so tells the listing too)
      ofListing = hasAny(topicLead(s.slice(0, m.index), topic), lexicon().grammar.listingWords);
      tail = topicClause(topic, m[2]);
      head = s.slice(0, m.index);
    } else if (m?.[1] && m[2] && sameFactBothSides(read(m[1]), read(m[2]))) {
      // (「不是故意的 这是头一回出这种错」 denies one fact and tells another: no correction)
      tail = m[2];
      head = s.slice(0, m.index);
      x = m[1];
    } else if (m?.[1] && m[2] && AMOUNT_ALONE.test(m[1].trim()) && AMOUNT_ALONE.test(firstClause(m[2]))) {
      // 「不是3万 是6万3」: one amount put against another
      tail = m[2];
      head = s.slice(0, m.index);
      x = m[1];
    }
  }
  if (tail === undefined) {
    const put = amountPutFirst(s);
    return put !== undefined ? { fineAmountYuan: put } : yearGivenAnotherRole(s, read, now);
  }
  const out: Facts = { ...read(tail) };
  if (ofListing && out.listingReason !== undefined && out.listed === undefined) out.listed = true;
  // 「三年没报年报，不对，是两年，2024年和2025年的」: a count of years corrects the count said before;
  // the years after it are the missed ones, not a listing year
  const count = YEARS_COUNT.exec(tail);
  if (count?.[1] && read(head).yearsWithoutAnnualReport !== undefined) {
    const n = smallNumber(count[1]);
    if (n !== undefined) return { ...out, yearsWithoutAnnualReport: n };
  }
  // 「罚哒五万二 哦不对 是两万五」: an amount alone, first in the correction, corrects the fine said before;
  // so does one put against another amount alone (「说错哒 不是3万 是6万3」, the fine told in an earlier
  // message): money is only ever the fine here
  // (「决定书上是四万五」: read off the decision, the amount is the fine's whatever was said before)
  const paper = paperLead(firstClause(tail));
  if (
    out.fineAmountYuan === undefined &&
    (read(head).fineAmountYuan !== undefined || AMOUNT_ALONE.test(x.trim()) || paper > 0)
  ) {
    const first = firstClause(tail).slice(paper);
    const amount = AMOUNT_ALONE.test(first) ? readAmountYuan(first) : undefined;
    if (amount !== undefined) return { ...out, fineAmountYuan: amount };
  }
  const put = out.fineAmountYuan === undefined ? amountPutFirst(tail) : undefined;
  if (put !== undefined) return { ...out, fineAmountYuan: put };
  if (out.listedYear === undefined) {
    const g = lexicon().grammar;
    const y = listingYearOf(tail);
    const year = y ? resolveYear(y[0], now) : undefined;
    // 「是2022年的年报」 names a report year, not the listing
    // only the year's own clause counts: 「应该是2020年，个体户，上年纸质年报已经补了」 still corrects the listing
    const clause = y
      ? tail
          .slice(0, y.index + y[0].length + 6)
          .split(/[，,。；;\s]/)
          .find((c) => c.includes(y[0]))
      : '';
    // (「去年的到现在都还没报」: a one-character filing verb told not done, anywhere in the year's
    // clause, is filing too)
    const wholeClause = y ? tail.slice(y.index).split(/[，,。；;\s]/)[0] : '';
    const aboutFiling =
      hasAny(
        clause ?? '',
        g.filingWords.filter((w) => w.length > 1),
      ) || /(?:没有?|未)(?:补|报|交)/.test(wholeClause ?? '');
    // 「是今年3月10号公示的」: a year with its month told of a publication or decision is that date,
    // not the listing year (a listing dated that way is read by the listing-year rules)
    // (「公示日期我刚才查了下 是2025年6月18号」: the record named before a marker of looking it up)
    const partOfDate =
      y !== null &&
      /公示|处罚|罚|决定/.test(`${head.split(/[，,。；;\s]/).at(-1) ?? ''}${tail}`) &&
      /^\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2})月/.test(tail.slice(y.index + y[0].length));
    // 「变更登记应该是2022年办的」: the year of another event named in its clause (the head before the
    // correction marker too), when the clause does not speak of the listing; 「住所变更去年办好的 哦不对
    // 是前年」: the clause the marker takes back, not the marker's own
    const own = `${clauseTakenBack(head)}${clause ?? ''}`;
    const otherEvent = hasAny(own, g.correctionOtherEvents) && !hasAny(own, g.listingWords);
    // 「其实是2024年度的」: a 年度 names a report's year
    const reportYear = y !== null && tail.startsWith('度', y.index + y[0].length);
    // 「记错了 不是去年是前年 市场监管局给的行政处罚」「说错了 去年被城管罚过款」: the year corrected is
    // of the penalty (or the serious list) the message names, when it speaks of no listing
    // (read only when it could decide: the whole message read again is the costliest test here)
    const ofRecord = () => {
      if (hasAny(s, g.listingWords)) return false;
      if (hasAny(s, lexicon().penalties.penaltyWords)) return true;
      const record = read(s).recordType;
      return record === 'admin_penalty' || record === 'serious_list';
    };
    if (year !== undefined && !aboutFiling && !partOfDate && !otherEvent && !reportYear && !ofRecord())
      out.listedYear = year;
  }
  return out;
}

/**
 * clauseTakenBack: the last clause of the words before a correction that says something, the marker
 * itself set aside (「住所变更去年办好的 哦不对」 → 「住所变更去年办好的」): what the correction replaces.
 */
function clauseTakenBack(head: string): string {
  const markers = lexicon()
    .grammar.correctionMarkers.map((m) => m.trim())
    .filter(Boolean);
  const clauses = head.split(/[，,。；;\s]/).filter((c) => c.length > 0);
  for (let i = clauses.length - 1; i >= 0; i--) {
    let c = clauses[i] ?? '';
    for (const m of markers) c = c.split(m).join('');
    if (/[\u4e00-\u9fff\d]/.test(c.replace(/^[哦噢啊呃嗯哎唉]+|不是$|^不对/g, ''))) return clauses[i] ?? '';
  }
  return '';
}

/**
 * yearGivenAnotherRole: 「19年那个是年报的年份 列入是2020年9月」 tells what a year said before was
 * (a report's year, the year of another event) and which year the listing is: the listing year
 * told with it corrects the one said before, as an explicit correction would.
 */
function yearGivenAnotherRole(s: string, read: FactReader, now: Date): Facts {
  const m = YEAR_GIVEN_A_ROLE.exec(s);
  if (!m?.[1] || !m[2]) return {};
  const g = lexicon().grammar;
  const role = m[2];
  const another =
    (hasAny(role, factLexicon().reportYearListing.reportNouns) || hasAny(role, g.correctionOtherEvents)) &&
    !hasAny(role, g.listingWords);
  if (!another) return {};
  const listedYear = read(`${s.slice(0, m.index)} ${s.slice(m.index + m[0].length)}`).listedYear;
  return listedYear !== undefined && listedYear !== resolveYear(m[1], now) ? { listedYear } : {};
}

const QUESTION_SPLIT = /[？?。!！;；\n]|\s+|，(?=[^，]*[吗么呢?？])/;

/**
 * The parts of a message that ask something, in order: the one list of question cues
 * (question-cues.ts), so 「收不收费」 asks and the 几天 of 「打算过几天去改」 does not.
 */
export function questionClauses(s: string): string[] {
  const parts = s
    .split(QUESTION_SPLIT)
    .map((c) => c?.trim() ?? '')
    .filter(Boolean);
  return parts.filter((c, i) => c.length > 1 && QUESTION_CLAUSE.test(c) && !unrememberedNext(parts[i + 1]));
}

/**
 * 「以前是不是也出过这种事 我记不太清了」: the clause after the question says the writer does not
 * remember (grammar.json unremembered): the question is their own doubt, asked of nobody.
 */
function unrememberedNext(next: string | undefined): boolean {
  if (!next || QUESTION_CLAUSE.test(next)) return false;
  const words = lexicon().grammar.unremembered.words;
  return words.some((w) => next.includes(w)) && next.length <= 8;
}
