// Facts as business owners state them in their own words, where the older patterns read them wrongly
// or not at all: one negator over a run of coordinated words (「冇得从轻减轻」, 「不是食品药品行业」), a
// count of years before 年报 (「两年年报都冇报」), the list's name before its listing verb, a year several
// words before the listing (「前年被搞到经营异常里头」). Each is a named rule over word classes of
// knowledge/lexicon/spoken.json, run on the machinery of lexicon-rules.ts; what they find replaces what
// the older patterns found for the same fact, since they read the same words more closely.
import { readFileSync } from 'node:fs';
import type { FactName, Facts } from '../../../rules/types.ts';
import { alt, factLexicon } from '../fact-lexicon.ts';
import { hasAny, lexicon } from '../lexicon.ts';
import {
  applyRules,
  causeOfDeniedRepeat,
  type Hit,
  KIND_ORDER,
  lastChars,
  type NamedRule,
  type RuleContext,
  statedKind,
  yearCarried,
} from '../lexicon-rules.ts';
import { matchesOf } from '../matches.ts';
import { readDate } from '../money-date.ts';
import { clauses } from '../normalize.ts';
import { A_NOT_A_VERB } from '../question-cues.ts';
import { checkOnly } from '../settled-guess.ts';
import { resolveYear, smallNumber, YEAR_SRC } from '../years.ts';
import { nobodyAfterAll } from './address.ts';
import { namedAsNot, negatedBefore, negatorsAtEnd, wordScope } from './scope.ts';

interface Spoken {
  coordinators: string[];
  mitigation: string[];
  violations: string[];
  violationModifiers: string[];
  violationNouns: string[];
  noneAfter: string[];
  spotCheckWords: string[];
  notFirstOrdinals: string[];
  firstOrdinals: string[];
  ordinalSubjects: string[];
  withinDeadline: string[];
  notOverdue: string[];
  correctVerbs: string[];
  /** 「公示了」 told before a bare period: the late licence's correction */
  publishedVerbs: string[];
  deadlineLead: string[];
  registeredPlaces: string[];
  backVerbs: string[];
  presentThere: string[];
  nobodyThere: string[];
  listingByClause: string[];
  reportNouns: string[];
  reportsNotFiled: string[];
  reportsAllLead: string[];
  seriousListedVerbs: string[];
  licenceNouns: string[];
  /** the business licence, which only market supervision (the registration authority) revokes */
  businessLicenceNouns: string[];
  relativeListingVerbs: string[];
  abnormalListNouns: string[];
  lastYearWords: string[];
  filedAfter: string[];
  notFiledAfter: string[];
  activeListingVerbs: string[];
  registeredPremises: string[];
  unreachableWords: string[];
  fineNouns: string[];
  paidVerbs: string[];
  partPaid: string[];
  paidBetween: string[];
  unpaidVerbs: string[];
  unpaidBetweenStops: string[];
  repeatPenalised: string[];
  heavierPenalty: string[];
  measureWords: string[];
  backAtEnd: string[];
  negationGap: string[];
  causeHeads: string[];
  topicBetween: string[];
  hedgesBetween: string[];
  impactNouns: string[];
  disputeNouns: string[];
  rectifyNouns: string[];
  /** 「召回」「整改报告」: steps that correct the violation, besides the rectification itself */
  remedyNouns: string[];
  /** the steps of correcting that are a doing: denied or planned before them, not done */
  remedySteps: string[];
  /** 「还」「到现在」: adverbs before a "not yet" */
  notYetBetween: string[];
  /** 「搞」「交」「处理」: verbs of doing a remedy, after its negator */
  remedyVerbs: string[];
  doneAfter: string[];
  fixedActions: string[];
  fixedObjects: string[];
  repeatErrorOrdinals: string[];
  errorTalk: string[];
  safetyNouns: string[];
  unrelatedAfter: string[];
  unrelatedGap: string[];
  recordQuestions: string[];
  proofNouns: string[];
  minorErrorQuestions: string[];
  listingEvents: string[];
  yearIsLead: string[];
  licenceYearWords: string[];
  missedYearMarks: string[];
  reportsMissed: string[];
  abnormalShown: string[];
  noYearMissed: string[];
  othersBefore: string[];
  previousYearWords: string[];
  oldPlaces: string[];
  reasonLeads: string[];
  alternativeWords: string[];
  notFoundThere: string[];
  handedVerbs: string[];
  /** 「证明材料也开好了」: the proof obtained, ready to hand in */
  proofReadyVerbs: string[];
}

let cached: Spoken | undefined;
/** knowledge/lexicon/spoken.json, read once at first use; a broken file says which and how to fix it. */
const spoken = (): Spoken => (cached ??= readSpoken());
function readSpoken(): Spoken {
  const url = new URL('../../../knowledge/lexicon/spoken.json', import.meta.url);
  try {
    return JSON.parse(readFileSync(url, 'utf8')) as Spoken;
  } catch (err) {
    throw new Error(`knowledge/lexicon/spoken.json: ${(err as Error).message}; fix the JSON or restore it`);
  }
}

const endsWithAny = (s: string, words: readonly string[]) => words.some((w) => s.endsWith(w));
/** the longest negator (grammar.json) a text starts with */
const negatorsAtStart = (s: string): string | undefined =>
  lexicon()
    .grammar.negators.filter((n) => s.startsWith(n))
    .sort((a, b) => b.length - a.length)[0];

/**
 * A negator before a run of coordinated words of one class negates each of them: in 「不是食品药品行业」
 * 药品 is negated as much as 食品. The run (class words and coordinators) is stripped off the end of
 * what comes before the hit, then the negator is looked for.
 */
/** the text after a first clause that only tells the writer checked (settled-guess.ts checkOnly) */
function afterCheck(rest: string): string {
  const first = rest.split(/[\s，,。;；]/, 1)[0] ?? '';
  return first && checkOnly(first) ? rest.slice(first.length).replace(/^[\s，,]+/, '') : rest;
}

/** a denial right after what is denied, an adverb or two between (「违规肯定没有」) */
const NONE_RIGHT_AFTER =
  /^(?:的事?)?\s?(?:确实|肯定|绝对|真的|从来|根本|压根|完全|也|都|一样|同样){0,2}(?:没有|没得|没|无)(?![^，,。;；]{0,3}[吗么?])(?!处理|了结|结案|办完|整改)/;

export function negatedRun(before: string, classWords: readonly string[]): boolean {
  const sp = spoken();
  const parts = [...classWords, ...sp.coordinators].sort((a, b) => b.length - a.length);
  const words = new Set(classWords);
  let rest = before;
  for (let changed = true; changed; ) {
    changed = false;
    for (const p of parts) {
      if (!p || !rest.endsWith(p)) continue;
      const cut = rest.slice(0, -p.length);
      // a coordinator joins two words of the class (「食品及药品」); the 及 of 「不涉及」 is no joiner
      if (!words.has(p) && !classWords.some((w) => w && cut.endsWith(w))) continue;
      rest = cut;
      changed = true;
    }
  }
  // 「冇写从轻」「不是属于」: a verb of saying or being may stand between the negator and the words
  // (「不是」「不属于」 end in 「不」 once the verb is gone; 「并非」 is a negator itself)
  // 「冇得么违法违规的事」: a determiner (什么, 么, 啥, 任何) may stand there too
  // 「从来冇得过么子违法违规的事」: the shared negation scope (a negator of existence with its 过, the
  // determiners of the lexicon) reaches the words as it does for every other rule
  if (negatedBefore(rest)) return true;
  rest = rest.replace(
    /(?:被|再|去|有|是|属于|在|写|说|讲|提|算|给|沾|涉及|碰|搞|做|卖|什么|么|啥|任何)+$/,
    '',
  );
  return negatorsAtEnd(rest).length > 0;
}

const penalty = (ctx: RuleContext) => ctx.about.penalty;
/** the text names a listing (被列入, 经营异常 …): a listing story */
const tellsListing = (s: string) => lexicon().grammar.listingWords.some((w) => s.includes(w));
const notPenalty = (ctx: RuleContext) => !ctx.about.penalty && !ctx.about.seriousList;
/**
 * recordAsked: the penalty or the serious list was named in an earlier message, and the open question
 * is about it (spoken.json recordQuestions): the reply is read as penalty talk.
 */
const either = (ctx: RuleContext) =>
  ctx.about.penalty ||
  ctx.about.seriousList ||
  (ctx.pending !== undefined && spoken().recordQuestions.includes(ctx.pending));
/**
 * A published-information error told: its kind named, the bureau's reminder about it, or the open
 * question is one of the minor-error interview's (topicFromQuestion: the kind was told earlier).
 */
const minorErrorTalk = (ctx: RuleContext) =>
  notPenalty(ctx) &&
  (ctx.facts.errorKind !== undefined ||
    ctx.s.includes('提醒') ||
    (ctx.pending !== undefined && spoken().minorErrorQuestions.includes(ctx.pending))) &&
  // 「冇被列异常」 names the listing only to deny it: still the unlisted error's story
  (!tellsListing(ctx.s) || ctx.facts.listed === false);

let revokedRe: RegExp | undefined;
/** 「吊销了」, 「被…吊销」: the revocation verb (lexicon penalties.licenceRevoked) told as done. */
const revokedDone = () =>
  (revokedRe ??= new RegExp(
    lexicon()
      .penalties.licenceRevoked.map((w) => `${w}了|被[^，,。；;]{0,12}${w}`)
      .join('|'),
    'g',
  ));

/**
 * 「药品经营许可证被市场监督管理局吊销了」: a licence revoked by the bureau, told as done; 「会不会被吊销
 * 执照」 asks about a revocation that has not happened (the shared scope: a supposition states nothing).
 */
function licenceRevoked(ctx: RuleContext): boolean {
  const lx = lexicon();
  const sp = spoken();
  if (ctx.about.seriousList) return false;
  if (!sp.licenceNouns.some((w) => ctx.s.includes(w))) return false;
  // the business licence is revoked only by the registration authority, market supervision: it need
  // not be named (「被吊销了营业执照」) when the revocation is told done, not feared (「怕被吊销执照」
  // is the risk of 五(二)二); another licence may be another department's
  const named = lx.penalties.marketSupervision.some((w) => ctx.s.includes(w));
  const cls = clauses(ctx.s);
  // 「(决定书上)写的是吊销食品经营许可证」: the decision's own words, in a case already about a penalty
  // (whose maker was told before), state the revocation done
  if ((named || ctx.record === 'admin_penalty') && cls.some((c) => revocationOnPaper(c.text))) return true;
  // 「是行政处罚 市场监管局作出的 吊销食品经营许可证」: the penalty named as a noun phrase, the verb
  // straight before the licence, told by someone who said the bureau made it; a fear or a question
  // in front of it (「会不会吊销许可证」) states nothing
  if (named && cls.some((c) => revocationNamed(c.text))) return true;
  if (!named && !sp.businessLicenceNouns.some((w) => ctx.s.includes(w))) return false;
  for (const m of matchesOf(revokedDone(), ctx.s)) {
    const pos = m.index ?? 0;
    const c = cls.find((x) => pos >= x.start && pos < x.end);
    if (!c) continue;
    const hit = {
      before: ctx.s.slice(c.start, pos),
      after: ctx.s.slice(pos + m[0].length, c.end),
      clause: c.text,
    };
    if (wordScope(hit).moot) continue;
    if (named || (toldDone(m[0], hit.after) && !hasAny(hit.before, lx.penalties.feared))) return true;
  }
  return false;
}

/** 「写的是吊销食品经营许可证」: a paper's words (grammar.json writtenSays), the revocation verb, a licence. */
function revocationOnPaper(clause: string): boolean {
  const { writtenSays } = lexicon().grammar;
  return lexicon().penalties.licenceRevoked.some((w) => {
    const i = clause.indexOf(w);
    return (
      i > 0 &&
      writtenSays.words.some((x) => clause.slice(0, i).endsWith(x)) &&
      spoken().licenceNouns.some((n) => clause.slice(i + w.length).includes(n))
    );
  });
}

/** 「吊销食品经营许可证」: the revocation verb with its licence straight after, nothing hedging before it. */
function revocationNamed(clause: string): boolean {
  const lx = lexicon();
  return lx.penalties.licenceRevoked.some((w) => {
    const i = clause.indexOf(w);
    if (i < 0) return false;
    const before = clause.slice(0, i);
    if (hasAny(before, lx.penalties.feared) || lx.penalties.revocationAhead.some((x) => before.endsWith(x)))
      return false;
    // the licence's own name may come first (「食品经营许可证」): the noun within a few characters
    const after = clause.slice(i + w.length);
    const scope = wordScope({ before, after, clause });
    return (
      spoken().licenceNouns.some((n) => after.slice(0, 8).includes(n)) &&
      !scope.moot &&
      !scope.hedged &&
      !scope.negated
    );
  });
}

/** 「吊销了」「被吊销了」「被…吊销哒」: the revocation with its completion */
const toldDone = (match: string, after: string): boolean => match.endsWith('了') || /^[了哒]/.test(after);

/** A date said before the words, never one in the future. */
function pastDate(text: string, now: Date): string | undefined {
  const iso = readDate(text, now);
  return iso && iso <= now.toISOString().slice(0, 10) ? iso : undefined;
}

/** `text` without any of `words` at its start, repeatedly (「也全部」 before 「撤下来了」). */
function stripLeading(text: string, list: readonly string[]): string {
  const words = [...list].sort((a, b) => b.length - a.length);
  let rest = text;
  for (let changed = true; changed; ) {
    changed = false;
    // longest first, starting over after each strip (「什么」 must not lose only its 么)
    for (const w of words)
      if (w && rest.startsWith(w)) {
        rest = rest.slice(w.length);
        changed = true;
        break;
      }
  }
  return rest;
}

/**
 * 「三天内就公示了 期限之内」: the period told as a clause of its own (whose period, 在 and particles
 * only) right after a clause telling the correction done: that correction was in time.
 */
function correctedJustBefore(hit: Hit): boolean {
  const sp = spoken();
  if (!/^(?:都|也|还)?(?:是)?(?:在|按|按照)?(?:[^，,。;；\s没未冇不]{0,6}?的)?$/.test(hit.before))
    return false;
  if (!/^[的了啊呀哒嘛]*$/.test(hit.after)) return false;
  const last =
    (hit.preceding ?? '')
      .trimEnd()
      .split(/[，,。;；\s]/)
      .pop() ?? '';
  const negators = lexicon().grammar.negators;
  return [...sp.correctVerbs, ...sp.publishedVerbs].some((v) => {
    const at = last.lastIndexOf(v);
    return (
      at >= 0 &&
      /^(?:过来|好|完|正)?(?:了|的|哒)/.test(last.slice(at + v.length)) &&
      !negators.some((n) => last.slice(Math.max(0, at - 4), at).includes(n))
    );
  });
}

/**
 * negationAcrossFillers: a negator before the words with only filler words between (spoken.json
 * negationGap: 「没有幺子限制措施」「没跟哪个有纠纷」「没造成幺后果」「没因为同样的事被罚过」). The gap
 * words are stripped off the end, longest first, then the negator is looked for at the end; a short
 * object of 因为 (「同样的事」「这个」「这类问题」, spoken.json causeHeads) may stand in the gap too.
 */
let causeRe: RegExp | undefined;
/** 「因为同样的事」「因为这个」 at the end of a text: the cause a denial reaches over */
const causeAtEnd = () =>
  (causeRe ??= new RegExp(`(?:因为|为了)[^，,。；;\\s]{0,6}?${alt(spoken().causeHeads)}$`));

function deniedNear(before: string): boolean {
  const sp = spoken();
  const gap = [...sp.negationGap].sort((a, b) => b.length - a.length);
  let rest = before.replace(causeAtEnd(), '');
  for (let changed = true; changed; ) {
    changed = false;
    // longest first, starting over after each strip (「什么」 must not lose only its 么)
    for (const w of gap)
      if (w && rest.endsWith(w)) {
        rest = rest.slice(0, -w.length);
        changed = true;
        break;
      }
    const because = rest.replace(causeAtEnd(), '');
    if (because !== rest) {
      rest = because;
      changed = true;
    }
  }
  // 「不是因为这个被罚的」 denies the cause, not the penalty
  if (/(?:是|非)$/.test(rest) && /^(?:因为|为了)/.test(before.slice(rest.length))) return false;
  // 「有没有」「是不是」 ask; they deny nothing
  return negatorsAtEnd(rest).some((n) => !/(?:有|是|会)$/.test(rest.slice(0, -n.length)));
}

/** 「跟食品药品那些都不沾边」: the denial after a named trade (and the others listed with it) */
function deniedAfter(after: string, items: readonly string[]): boolean {
  const rest = stripLeading(after, [...items, ...spoken().unrelatedGap]);
  return spoken().unrelatedAfter.some((w) => rest.startsWith(w));
}

/** a time told before the paying verb (「三月份」「2月20号」「上个礼拜」「前几天」) */
const PAID_WHEN =
  /^(?:(?:\d{4}年|今年|去年|前年)?(?:\d{1,2}|[一二三四五六七八九十]{1,2})月(?:份|底|初|(?:\d{1,2}|[一二三四五六七八九十]{1,3})[号日])?|上个?(?:月|礼拜|星期|周)|当天|前几天|年前|年后|(?:今天|昨天|前天)(?:上午|下午|早上|晚上)?)/;

/** 「5000」「2万块」「两千元」: the sum right after the fine's noun (not a date's number: 「钱2月20号交的」) */
const FINE_SUM =
  /^(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+)(?![\d.一二两三四五六七八九十月日号年])(?:万|千)?(?:块钱?|元)?/;

const YEAR_BEFORE = new RegExp(`(${YEAR_SRC})[^，,。；;]{0,6}$`);

const RULES: NamedRule[] = [
  {
    // 「就一个警告 冇罚款」: a negated kind is no kind; the heaviest stated one counts (art. 6)
    name: 'penalty.kindStated',
    fact: 'penaltyKind',
    words: (lx) => Object.values(lx.penalties.penaltyKinds).flat(),
    value: (hit, ctx) => statedKind(hit, ctx.s),
    when: penalty,
    rank: (v) => KIND_ORDER.indexOf(String(v)),
  },
  {
    name: 'penalty.mitigatedScope',
    fact: 'fineMitigated',
    words: () => spoken().mitigation,
    value: (hit) => !negatedRun(hit.before, spoken().mitigation),
    when: penalty,
    negatable: false,
  },
  {
    name: 'penalty.keySectorScope',
    fact: 'keySector',
    words: (lx) => lx.penalties.keySectors,
    value: (hit) =>
      causeOfDeniedRepeat(hit)
        ? undefined
        : !negatedRun(hit.before, lexicon().penalties.keySectors) &&
          !deniedAfter(hit.after, lexicon().penalties.keySectors),
    when: penalty,
    negatable: false,
    statementOnly: true,
  },
  {
    name: 'penalty.licenceRevokedRecord',
    fact: 'recordType',
    words: (lx) => lx.penalties.licenceRevoked,
    value: 'admin_penalty',
    when: licenceRevoked,
    negatable: false,
  },
  {
    name: 'penalty.licenceRevokedKind',
    fact: 'penaltyKind',
    words: (lx) => lx.penalties.licenceRevoked,
    value: 'revocation',
    when: licenceRevoked,
    negatable: false,
  },
  {
    name: 'penalty.licenceRevokedIssuer',
    fact: 'issuedByMarketSupervision',
    words: (lx) => lx.penalties.marketSupervision,
    value: true,
    when: licenceRevoked,
    negatable: false,
  },
  {
    // 「是县生态环境局罚的 跟市场监管没关系」: the market-supervision bureau named and denied after it
    name: 'penalty.marketSupervisionDenied',
    fact: 'issuedByMarketSupervision',
    words: (lx) => lx.penalties.marketSupervision,
    value: (hit) => (deniedAfter(hit.after, []) ? false : undefined),
    when: penalty,
    negatable: false,
  },
  {
    // 「别的违法违规的事一件都冇得」 / 「有一次无证经营被查了」 (buffer condition 四(五))
    name: 'buffer.otherViolations',
    fact: 'otherViolations',
    words: () => spoken().violations,
    value: (hit, ctx) => {
      const sp = spoken();
      if (negatedRun(hit.before, [...sp.violations, ...sp.violationModifiers])) return false;
      // 「其他违法违规的 应该冇得吧」: the words end their clause as a topic; the next clause comments on it
      // (「别的违法违规记录 …」: a noun for what is on record may close the topic)
      const afterNoun = hit.after.replace(new RegExp(`^的?${alt(sp.violationNouns)}`), '');
      // (「…记录 我查过 确实一条都没有」: a clause that only tells a check stands before the comment)
      const comment = /^[的呢啊嘛]?$/.test(afterNoun)
        ? afterCheck(ctx.s.slice(hit.pos + hit.word.length + hit.after.length).replace(/^[\s，,]+/, ''))
        : '';
      const tail = (comment || hit.after).slice(0, 8);
      // 「应该冇得吧」: a guess after the words states neither way
      if (lexicon().grammar.hedges.some((h) => tail.includes(h)) || /^[^，,。;；]{0,6}吧/.test(tail))
        return undefined;
      // 「肯定没有」「确实冇得」: denied after the words, an adverb between
      if (sp.noneAfter.some((w) => tail.includes(w)) || NONE_RIGHT_AFTER.test(comment || hit.after))
        return false;
      return true;
    },
    when: (ctx) => notPenalty(ctx) && ctx.facts.listed !== true,
    negatable: false,
    statementOnly: true,
  },
  {
    // 「这是第二回被抽查了」: not the first spot check (四(四)五)
    name: 'minorError.spotCheckOrdinal',
    fact: 'firstSpotCheck',
    words: () => spoken().spotCheckWords,
    value: (hit) => {
      const sp = spoken();
      const before = hit.before.replace(/被$/, '');
      // 「到底是不是头一次被抽查」 asks: the 不 of an A-not-A question denies nothing
      if (A_NOT_A_VERB.test(before)) return undefined;
      if (endsWithAny(before, sp.notFirstOrdinals)) return false;
      const first = sp.firstOrdinals.find((w) => before.endsWith(w));
      if (!first) return undefined;
      const lead = before.slice(0, -first.length);
      // (「不是他们第一次」: the negator before whose check it is)
      const subject = sp.ordinalSubjects.find((w) => lead.endsWith(w));
      return !negatedRun(subject ? lead.slice(0, -subject.length) : lead, []);
    },
    when: notPenalty,
    negatable: false,
  },
  {
    // 「检查都配合了 没超期限」: not late, the words carry their own denial
    name: 'minorError.notOverdue',
    fact: 'missedCorrectionDeadline',
    words: () => spoken().notOverdue,
    value: false,
    when: notPenalty,
    negatable: false,
    statementOnly: true,
  },
  {
    // 「也是在规定时间内改的」: corrected within the period; 「没在期限内改」: missed it
    name: 'minorError.withinDeadline',
    fact: 'missedCorrectionDeadline',
    words: () => spoken().withinDeadline,
    value: (hit) => {
      const sp = spoken();
      const next = hit.after.slice(0, 5);
      if (!sp.correctVerbs.some((v) => next.includes(v))) return correctedJustBefore(hit) ? false : undefined;
      const lead = sp.deadlineLead.find((w) => hit.before.endsWith(w));
      const before = lead ? hit.before.slice(0, -lead.length) : hit.before;
      const negators = lexicon().grammar.negators;
      // 「没有在责令改正期限内改正」: the negator may stand several words before
      return negators.some((n) => before.slice(-8).includes(n) || next.startsWith(n));
    },
    when: notPenalty,
    negatable: false,
    // 「在期限内弄好就行吗」 asks what would do
    statementOnly: true,
  },
  {
    // back at the registered address and working there, or nobody there (listed as unreachable)
    name: 'address.atRegisteredPlace',
    fact: 'reachableAtRegisteredAddress',
    words: () => spoken().registeredPlaces,
    value: (hit, ctx) => {
      const sp = spoken();
      // 「按登记的地址联系不上」 is why they were listed, not where things stand now
      if (endsWithAny(hit.before, sp.listingByClause)) return undefined;
      // 「搬回登记的地址办公」「回到执照上写的那个地址了」: back there, now
      // (「但是白天一般没人在」「是别人在租」 told too: being reached there is not told)
      if (
        endsWithAny(hit.before, sp.backVerbs) &&
        (sp.presentThere.some((w) => hit.after.slice(0, 4).includes(w)) ||
          sp.backAtEnd.some((w) => hit.after.startsWith(w)))
      )
        return nobodyAfterAll(ctx.s) ? undefined : true;
      // nobody at the old address tells where things stand only in a listing story; before a
      // listing (「搬走了 注册地址那里没人」) it is the move itself (operatingAtRegisteredAddress)
      // (a change not yet registered after a move, with no listing told, is still the move — unless
      // it answers the listed case's question about the change or the address)
      const listingStory =
        ctx.facts.listed === true ||
        ctx.facts.listingReason === 'unreachable_at_address' ||
        ctx.pending === 'addressChangeRegistered' ||
        ctx.pending === 'reachableAtRegisteredAddress' ||
        (ctx.facts.addressChangeRegistered !== undefined && ctx.facts.operatingAtRegisteredAddress !== false);
      // 「在注册地址联系不上被列了」 in one clause is the listing's reason, not where things stand now
      if (lexicon().grammar.listingWords.some((w) => hit.clause.includes(w))) return undefined;
      return listingStory && sp.nobodyThere.some((w) => hit.after.slice(0, 8).includes(w))
        ? false
        : undefined;
    },
    when: notPenalty,
    negatable: false,
    statementOnly: true,
  },
  {
    // 「21年22年两年年报都冇报」: a count of years before the report noun, then "not filed"
    name: 'revocation.yearsWithoutReport',
    fact: 'yearsWithoutAnnualReport',
    words: () => spoken().reportNouns,
    value: (hit) => {
      const sp = spoken();
      // 「两年年报都冇报」 counts years; 「2019年度年报冇报」 names one (a digit before the count is a year)
      const count = hit.before.match(
        /(?<![\d零〇一二三四五六七八九])([两俩二三四五六七八九十]|\d)个?年(?:度)?的?$/,
      )?.[1];
      if (!count || /\d{2}年$/.test(hit.before.slice(-3))) return undefined;
      const rest = hit.after.replace(new RegExp(`^(?:${sp.reportsAllLead.join('|')})`), '');
      return sp.reportsNotFiled.some((w) => rest.startsWith(w)) ? smallNumber(count) : undefined;
    },
    when: notPenalty,
    negatable: false,
  },
  {
    // 「严重违法失信名单 我们公司是…被列进去的」: the listing verb may follow the list's name
    name: 'record.seriousListVerbAfter',
    fact: 'recordType',
    words: (lx) => lx.penalties.seriousList,
    value: (hit, ctx) => {
      // 「是经营异常名录 不是严重违法失信 …20年列的」: the list denied; the verb after is the other list's
      if (namedAsNot(hit.before)) return undefined;
      const later = ctx.s.slice(hit.pos);
      return spoken().seriousListedVerbs.some((v) => later.includes(v)) ? 'serious_list' : undefined;
    },
    when: (ctx) => !lexicon().grammar.definitionCues.some((w) => ctx.s.includes(w)),
    negatable: false,
    statementOnly: true,
  },
  {
    // 「是2025年5月12号列的」: the date right before the listing verb
    name: 'serious.dateBeforeVerb',
    fact: 'seriousListedDate',
    words: () => spoken().seriousListedVerbs,
    value: (hit, ctx) => pastDate(yearCarried(hit) + lastChars(hit.before, 24), ctx.now),
    when: (ctx) => ctx.about.seriousList,
    negatable: false,
  },
  {
    // 「他前年被搞到经营异常里头」: the year before a passive listing verb, words between allowed
    name: 'listing.yearBeforeVerb',
    fact: 'listedYear',
    words: () => spoken().relativeListingVerbs,
    value: (hit, ctx) => {
      const sp = spoken();
      if (!sp.abnormalListNouns.some((w) => hit.after.includes(w))) return undefined;
      const m = hit.before.match(YEAR_BEFORE);
      // 「去年没报年报被列入」: a year next to the report is the report's year (yearByRole)
      if (!m?.[1] || sp.reportNouns.some((w) => m[0].includes(w))) return undefined;
      return resolveYear(m[1], ctx.now);
    },
    when: notPenalty,
    negatable: false,
  },
  {
    // 「去年那年的纸质年报上个月…交了」: last year's report, filed (only that year, never all)
    name: 'report.lastYearFiled',
    fact: 'previousYearReportFiled',
    words: () => spoken().reportNouns,
    value: (hit) => {
      const sp = spoken();
      if (!sp.lastYearWords.some((w) => hit.before.includes(w))) return undefined;
      if (sp.notFiledAfter.some((w) => hit.after.includes(w))) return false;
      return sp.filedAfter.some((w) => hit.after.includes(w)) ? true : undefined;
    },
    when: notPenalty,
    negatable: false,
    statementOnly: true,
  },
  {
    // 「市场监管说…列入了经营异常名录」: the active 列入了 states the listing as much as 被列入; a
    // negator before the verb (「没有显示列入经营异常名录」) denies it
    name: 'listing.activeVerb',
    fact: 'listed',
    words: () => spoken().abnormalListNouns,
    value: (hit) => {
      const verb = spoken().activeListingVerbs.find((v) => hit.before.endsWith(v));
      if (!verb) return undefined;
      return !negatedBefore(hit.before.slice(0, -verb.length));
    },
    when: notPenalty,
    negatable: false,
    statementOnly: true,
  },
  {
    // 「按登记的住所联系不到我们」 in a listing story: why they were listed
    name: 'listing.unreachableReason',
    fact: 'listingReason',
    words: () => spoken().registeredPremises,
    value: (hit, ctx) => {
      const sp = spoken();
      const listing = tellsListing(ctx.s);
      return listing &&
        endsWithAny(hit.before, sp.listingByClause) &&
        sp.unreachableWords.some((w) => hit.after.slice(0, 4).includes(w))
        ? 'unreachable_at_address'
        : undefined;
    },
    when: notPenalty,
    negatable: false,
    statementOnly: true,
  },
  {
    // 「罚款到现在还没缴」「罚款我们一直拖着没交」: the fine, a few words, then not paid (nothing else
    // that is paid named between: 「罚款交了 税没交」 is two clauses)
    name: 'obligations.fineUnpaid',
    fact: 'obligationsFulfilled',
    words: () => spoken().fineNouns,
    value: (hit) => {
      const sp = spoken();
      const near = hit.after.slice(0, 10);
      const at = Math.min(...sp.unpaidVerbs.map((v) => near.indexOf(v)).filter((i) => i >= 0));
      if (!Number.isFinite(at)) return undefined;
      const between = near.slice(0, at);
      return sp.unpaidBetweenStops.some((w) => between.includes(w)) ? undefined : false;
    },
    when: (ctx) => ctx.about.penalty || ctx.about.seriousList,
    negatable: false,
    statementOnly: true,
  },
  {
    // 「罚款当时就交清了」: the fine, a few adverbs, then paid
    name: 'obligations.finePaid',
    fact: 'obligationsFulfilled',
    words: () => spoken().fineNouns,
    value: (hit) => {
      const sp = spoken();
      // 「罚款三月份就交了」「钱是5月20号交的」: when it was paid may stand before the verb, and the
      // sum fined (「罚款5000去年3月交了」)
      let rest = hit.after.replace(FINE_SUM, '');
      for (let changed = true; changed; ) {
        const before = rest;
        rest = rest.replace(PAID_WHEN, '');
        for (const w of sp.paidBetween) if (rest.startsWith(w)) rest = rest.slice(w.length);
        changed = rest !== before;
      }
      const verb = sp.paidVerbs.find((v) => rest.startsWith(v));
      if (verb === undefined) return undefined;
      // 「罚款交了一半」: part of it paid, the rest owed
      return !sp.partPaid.some((w) => rest.slice(verb.length).startsWith(w));
    },
    when: (ctx) => ctx.about.penalty || ctx.about.seriousList,
    statementOnly: true,
  },
  {
    // 「后来再冇因为这类事被罚过」: not penalised again (a negator and 再 earlier in the clause)
    name: 'penalty.notPenalisedAgain',
    fact: 'repeatSameTypePenalty',
    words: () => spoken().repeatPenalised,
    value: (hit) => (againDenied(hit.before) ? false : undefined),
    when: (ctx) => ctx.about.penalty && !ctx.about.seriousList,
    negatable: false,
  },
  {
    // 「这是第一次被罚」「头一回挨罚」: penalised for the first time, so never before for the same thing;
    // not where the message goes on to a second one (「第一次被罚是前年 第二次是…」「…又因为同样的事被罚」)
    // or denies it (「不是第一次被罚了」)
    name: 'penalty.firstTime',
    fact: 'repeatSameTypePenalty',
    words: () => spoken().repeatPenalised,
    value: (hit, ctx) => {
      const sp = spoken();
      const before = hit.before.replace(/(?:是|才)$/, '');
      const first = sp.firstOrdinals.find((w) => before.endsWith(w));
      if (!first || negatorsAtEnd(before.slice(0, -first.length).replace(/是$/, '')).length) return undefined;
      const later = ctx.s.slice(hit.pos);
      const { repeatSame, againFor } = lexicon().penalties;
      const again = [...sp.notFirstOrdinals.filter((w) => w.length > 1), ...repeatSame, ...againFor];
      return again.some((w) => later.includes(w)) ? undefined : false;
    },
    when: (ctx) => ctx.about.penalty && !ctx.about.seriousList,
    negatable: false,
  },
  {
    name: 'serious.noHeavierLater',
    fact: 'laterHeavierPenalty',
    words: () => spoken().heavierPenalty,
    value: (hit) => (againDenied(hit.before) ? false : undefined),
    // the record may have been named in an earlier message: any penalty talk may carry it
    when: either,
    negatable: false,
  },
  {
    // 「冇造成么后果」「没造成什么不良影响」: no adverse impact (a negator across filler words)
    name: 'impact.noneCaused',
    fact: 'adverseImpact',
    words: () => spoken().impactNouns,
    value: (hit) => (deniedNear(hit.before) ? false : undefined),
    when: (ctx) => !ctx.about.seriousList,
    // 「没造成么后果」 states, though 么 reads as a question word
    negatable: false,
  },
  {
    // 「冇跟哪个有纠纷」: no dispute with anyone (the negator stands before the party)
    name: 'dispute.noneWithAnyone',
    fact: 'majorImpactOrDispute',
    words: () => spoken().disputeNouns,
    value: (hit) => (deniedNear(hit.before) ? false : undefined),
    // 「没跟哪个有纠纷」 states, though 哪个 reads as a question word
    negatable: false,
  },
  {
    // 「整改也做完了」: the rectification, a few adverbs, then done
    name: 'rectified.doneAfterAdverbs',
    fact: 'rectified',
    words: () => spoken().rectifyNouns,
    // 「整改嘛应该算搞好了吧」: a topic particle and a hedge may stand between too; the hedge makes it unsure
    value: (hit) => {
      const sp = spoken();
      const rest = stripLeading(hit.after, [...sp.paidBetween, ...sp.topicBetween, ...sp.hedgesBetween]);
      return sp.doneAfter.some((v) => rest.startsWith(v)) && !deniedNear(hit.before + hit.after.slice(0, 2))
        ? true
        : undefined;
    },
    hedgedIn: (hit) => {
      const sp = spoken();
      const between = hit.after.slice(
        0,
        hit.after.length -
          stripLeading(hit.after, [...sp.paidBetween, ...sp.topicBetween, ...sp.hedgesBetween]).length,
      );
      return sp.hedgesBetween.some((w) => between.includes(w));
    },
    when: either,
    negatable: false,
    statementOnly: true,
  },
  {
    // 「召回还冇搞完」「整改报告也没交」: a step of correcting the violation, then not yet done
    name: 'rectified.remedyNotDone',
    fact: 'rectified',
    // longest first: 「整改报告」 is read before the 「整改」 inside it
    words: () => [...spoken().remedyNouns, ...spoken().rectifyNouns].sort((a, b) => b.length - a.length),
    value: (hit) => {
      const sp = spoken();
      // 「广告撤了 还冇整改」「准备下个礼拜去整改」: the step itself denied or planned, before it
      if (remedyAheadOf(hit)) return false;
      const rest = stripLeading(hit.after, [...sp.paidBetween, ...sp.notYetBetween]);
      const negator = negatorsAtStart(rest);
      if (!negator || A_NOT_A_VERB.test(hit.after.slice(0, 6))) return undefined;
      const next = rest.slice(negator.length).replace(/^有/, '');
      return next === '' || /^(?:呢|哒|的)$/.test(next) || sp.remedyVerbs.some((v) => next.startsWith(v))
        ? false
        : undefined;
    },
    when: either,
    negatable: false,
    statementOnly: true,
  },
  {
    // 「广告也全部撤下来改了」「过期的货都清理掉了」: what was wrong, removed or put right
    name: 'rectified.wrongThingRemoved',
    fact: 'rectified',
    words: () => spoken().fixedObjects,
    value: (hit) => {
      const sp = spoken();
      const rest = stripLeading(hit.after, sp.paidBetween);
      return sp.fixedActions.some((v) => rest.startsWith(v)) ? true : undefined;
    },
    when: either,
    negatable: false,
    statementOnly: true,
  },
  {
    // 「总公司盖章的证明材料也交给所里了」: the proof, a few adverbs, then handed in or obtained
    // (「证明材料也开好了」); a negator before the verb, 「证明还没交」, denies it
    name: 'minorError.proofHandedIn',
    fact: 'proofProvided',
    words: () => spoken().proofNouns,
    value: (hit) => {
      const sp = spoken();
      const rest = stripLeading(hit.after, sp.paidBetween);
      const negated = lexicon().grammar.negators.some((n) => rest.startsWith(n) || rest.startsWith(`还${n}`));
      if (negated) return false;
      return [...sp.handedVerbs, ...sp.proofReadyVerbs].some((v) => rest.startsWith(v)) ? true : undefined;
    },
    when: minorErrorTalk,
    negatable: false,
    statementOnly: true,
  },
  {
    // yearsByRole: 「被标异常是2021年」「列入的时间是21年」: the listing, then 是 and its year
    name: 'listing.yearAfterIs',
    fact: 'listedYear',
    words: () => spoken().listingEvents,
    value: (hit, ctx) => {
      const sp = spoken();
      const lead = sp.yearIsLead.find((w) => hit.after.startsWith(w));
      if (!lead) return undefined;
      const m = new RegExp(`^(${YEAR_SRC})`).exec(hit.after.slice(lead.length));
      return m?.[1] ? resolveYear(m[1], ctx.now) : undefined;
    },
    when: notPenalty,
    negatable: false,
    statementOnly: true,
  },
  {
    // yearsByRole: 「2023年那年年报没按时报 系统里就显示我们经营异常」: the calendar year the report was
    // missed, in a listing story, is the year of the listing (a 年度 or 「的年报」 names the report's year)
    name: 'listing.yearOfMissedReport',
    fact: 'listedYear',
    words: () => spoken().missedYearMarks,
    value: (hit, ctx) => {
      const sp = spoken();
      const m = new RegExp(`(${YEAR_SRC})$`).exec(hit.before);
      if (!m?.[1] || /年度$/.test(hit.before)) return undefined;
      if (!sp.reportsMissed.some((w) => hit.after.slice(0, 10).includes(w))) return undefined;
      const listing = tellsListing(ctx.s) || sp.abnormalShown.some((w) => ctx.s.includes(w));
      return listing ? resolveYear(m[1], ctx.now) : undefined;
    },
    when: notPenalty,
    negatable: false,
    statementOnly: true,
  },
  {
    // 「年报冇按时报 系统里就显示我们经营异常」: a missed report told in a listing story is its reason
    name: 'listing.reasonMissedReport',
    fact: 'listingReason',
    words: () => spoken().reportsMissed,
    value: (_hit, ctx) =>
      spoken().abnormalShown.some((w) => ctx.s.includes(w)) ? 'annual_report_overdue' : undefined,
    when: notPenalty,
    negatable: false,
    statementOnly: true,
  },
  {
    // 「所里的人克老地方冇找到人 就把我们列进了异常名录」: nobody found at the old place, then listed
    name: 'listing.nobodyAtOldPlace',
    fact: 'listingReason',
    words: () => spoken().oldPlaces,
    value: (hit, ctx) => {
      const sp = spoken();
      // 「还没列异常」 is no listing story
      const listing = ctx.facts.listed !== false && tellsListing(ctx.s);
      return listing && sp.notFoundThere.some((w) => hit.after.slice(0, 6).includes(w))
        ? 'unreachable_at_address'
        : undefined;
    },
    when: notPenalty,
    negatable: false,
    statementOnly: true,
  },
  {
    // 「被列的异常 原因是年报」: the reason named by the report alone, in a listing story
    name: 'listing.reasonIsReport',
    fact: 'listingReason',
    words: () => spoken().reportNouns,
    value: (hit, ctx) => {
      const sp = spoken();
      const listing = tellsListing(ctx.s);
      const rest = hit.after.replace(/^(?:的事|的问题|的事情)?/, '');
      return listing && endsWithAny(hit.before, sp.reasonLeads) && /^(?:$|[，,。；;！!\s])/.test(rest)
        ? 'annual_report_overdue'
        : undefined;
    },
    when: notPenalty,
    negatable: false,
    statementOnly: true,
  },
  {
    // 「系统里就显示我们经营异常」: shown as abnormal is listed
    name: 'listing.shownAbnormal',
    fact: 'listed',
    words: () => spoken().abnormalShown,
    value: true,
    when: notPenalty,
    statementOnly: true,
  },
  {
    // 「一年都冇漏」「一年不落」: every year owed, filed (the reports named in the message)
    name: 'reports.noYearMissed',
    fact: 'allOverdueReportsFiled',
    words: () => spoken().noYearMissed,
    // (「年报以后我一年不落地报」 promises the years to come: nothing filed is told)
    value: (hit, ctx) =>
      /^地?(?:报|交|补|按时报)(?![了齐完上过])/.test(hit.after) ||
      /以后|今后|往后|将来/.test(hit.before) ||
      emphasisOfUndone(hit)
        ? undefined
        : spoken().reportNouns.some((w) => ctx.s.includes(w)) || ctx.pending === 'allOverdueReportsFiled'
          ? true
          : undefined,
    when: notPenalty,
    negatable: false,
    statementOnly: true,
  },
  {
    // 「跟安全不沾边」「和安全生产没关系」: the denial comes after the noun
    name: 'safety.unrelatedAfter',
    fact: 'safetyRelated',
    words: () => spoken().safetyNouns,
    value: (hit) => (deniedAfter(hit.after, spoken().safetyNouns) ? false : undefined),
    negatable: false,
    statementOnly: true,
  },
  {
    // 「这是连着第二回了」 of a published-information error: the same error again
    name: 'error.sameAgainOrdinal',
    fact: 'repeatedSameError',
    words: () => spoken().repeatErrorOrdinals,
    value: (hit, ctx) => {
      const sp = spoken();
      // 「抽查第二次了」 counts spot checks (firstSpotCheck), not errors
      if (sp.spotCheckWords.some((w) => hit.clause.includes(w))) return undefined;
      // 「不是连续两次」: the repeat denied (a negator right before the words)
      if (negatedBefore(hit.before)) return false;
      return sp.errorTalk.some((w) => ctx.s.includes(w)) ? true : undefined;
    },
    when: minorErrorTalk,
    negatable: false,
    statementOnly: true,
  },
  {
    // 「也冇得么措施还在执行的」: a negator a word or two before
    name: 'serious.noMeasureRunning',
    fact: 'statutoryMeasureRunning',
    words: () => spoken().measureWords,
    value: (hit) => (deniedNear(hit.before) ? false : undefined),
    // the record may have been named in an earlier message: any penalty talk may carry it
    when: either,
    negatable: false,
  },
];

/**
 * 「再冇…被罚过」「没再受过」「冇因为同样的事被处罚过」: a negator with 再 before the words, or one
 * across filler words (deniedNear), in the same clause.
 */
/** A filing verb (not the 报 of 年报 or 报告). */
const FILING_VERB = /补报|补交|补齐|补上|补|(?<!年)报(?!告)|交|公示/g;
let othersBeforeRe: RegExp | undefined;

/**
 * 「一年都不差」 has no verb of its own: it stresses the filing told before it in the sentence. A filing
 * told as not done (「欠的年报他还没补上 一年都不差」), planned (「准备下个礼拜全部补齐 一年不落」) or
 * supposed leaves nothing stressed, and 「其他的一年都不差」 stresses the years other than those owed.
 * Without a filing told before it (an answer to 「欠的年报都补了吗」), it stands alone.
 */
function emphasisOfUndone(hit: Hit): boolean {
  othersBeforeRe ??= new RegExp(`${alt(spoken().othersBefore)}的?(?:那?几年|年份|年度)?的?$`);
  if (othersBeforeRe.test(hit.before)) return true;
  const sentence = `${hit.preceding ?? ''}${hit.before}`.split(/[。！？!?]/).at(-1) ?? '';
  const verb = matchesOf(FILING_VERB, sentence).at(-1);
  if (!verb) return false;
  const clause =
    sentence
      .slice(0, verb.index)
      .split(/[，,；;\s]/)
      .at(-1) ?? '';
  const u = factLexicon().unrealised;
  return (
    negatorsAtEnd(clause.replace(/[去来再]$/, '')).length > 0 || hasAny(clause, [...u.intend, ...u.suppose])
  );
}

/** 「一年都不差」「一份也没落下」: a clause that stresses a filing told before it (spoken.json noYearMissed). */
export function stressesFiling(clause: string): boolean {
  return spoken().noYearMissed.some((w) => clause.includes(w));
}

function againDenied(told: string): boolean {
  const negators = lexicon().grammar.negators;
  // 「后来有冇得再被罚过更重的」「有没有再被罚」: the 没 of an A-not-A question denies nothing
  const before = told.replace(/有(?:没|冇)(?:有|得)?/g, '有');
  if (deniedNear(before)) return true;
  const i = before.lastIndexOf('再');
  if (i < 0) return false;
  const around = before.slice(Math.max(0, i - 3), i + 3);
  return negators.some((n) => around.includes(n));
}

/**
 * A hedge anywhere in the clause (「去年的纸质年报好像补了」「整改嘛估计搞好了吧」) leaves the fact unsure
 * (hedged), never stated: these rules read words far apart, so a hedge after the words counts as much
 * as one before them.
 */
function unhedged(rule: NamedRule): NamedRule {
  const { hedgedIn } = rule;
  return {
    ...rule,
    hedgedIn: (hit) =>
      lexicon().grammar.hedges.some((w) => hit.clause.includes(w)) || hedgedIn?.(hit) === true,
  };
}

/**
 * remedyAheadOf: 「还冇整改」「准备下个礼拜去整改」 — a negator (then 去 or 有) right before the step of
 * correcting, or a plan in its clause before it (facts.json unrealised.intend), with nothing after it
 * telling it done (「准备的整改也做完了」 is done): the step is still to come.
 */
function remedyAheadOf(hit: Hit): boolean {
  if (!spoken().remedySteps.includes(hit.word)) return false;
  if (/^[^，,。;；\s]{0,4}?(?:了|哒|过|完|好)/.test(hit.after)) return false;
  if (negatorsAtEnd(hit.before.replace(/(?:去|有)$/, '')).length) return true;
  const u = factLexicon().unrealised;
  return u.intend.some((w) => hit.before.includes(w)) && !u.ready.some((r) => hit.before.includes(r));
}

export const SPOKEN_RULES: NamedRule[] = RULES.map(unhedged);

/**
 * yearsByRole: 「19年是她办执照那年」 names when the licence was issued, not the listing: a listing
 * year the older patterns read from such a clause is dropped (a listing year read by a spoken rule
 * stays).
 */
function licenceYearIsNotListing(s: string, now: Date, facts: Facts, found: Facts): void {
  if (found.listedYear !== undefined || facts.listedYear === undefined) return;
  const sp = spoken();
  const listing = lexicon().grammar.listingWords;
  for (const clause of s.split(/[，,。；;！!？?\s]+/)) {
    if (!sp.licenceYearWords.some((w) => clause.includes(w))) continue;
    if (listing.some((w) => clause.includes(w))) continue;
    const m = new RegExp(YEAR_SRC).exec(clause);
    if (m && resolveYear(m[0], now) === facts.listedYear) delete facts.listedYear;
  }
  if (facts.listedYear !== undefined) return;
  // the year of the clause that tells the listing, if one does (「2019年开的店 2021年被列入」)
  for (const clause of s.split(/[，,。；;！!？?\s]+/)) {
    if (!listing.some((w) => clause.includes(w)) || sp.licenceYearWords.some((w) => clause.includes(w)))
      continue;
    const m = new RegExp(YEAR_SRC).exec(clause);
    const year = m ? resolveYear(m[0], now) : undefined;
    if (year !== undefined) facts.listedYear = year;
  }
}

/**
 * 「19年还是20年被列的 记不清了」: two years offered as alternatives state no year; the interview asks.
 * So does a year offered as one side of a question (「是写今年的还是写被列进去那年的」).
 */
let twoYears: RegExp | undefined;
let yearOffered: RegExp | undefined;
function yearAlternativesSayNoYear(s: string, facts: Facts, found: Facts): void {
  const or = spoken().alternativeWords.join('|');
  twoYears ??= new RegExp(`(?:${YEAR_SRC})(?:${or})(?:${YEAR_SRC})`);
  // 「落款是写今年的还是写被列进去那年的」: a year offered as one side of a 是…还是 question, in its clause
  yearOffered ??= new RegExp(`是[^，,。；;\\s]{0,4}?(?:${YEAR_SRC})[^，,。；;\\s]{0,3}?还是`);
  if (!twoYears.test(s) && !yearOffered.test(s)) return;
  delete facts.listedYear;
  delete found.listedYear;
}

/**
 * 「按登记的地址找不到人」 is the listing as unreachable at the registered address; 查无下落 (locatable
 * false, a condition of revocation) is the bureau finding the business nowhere. A place named before
 * the 找不到 makes it the former, unless the message also says 查无下落 in so many words.
 */
function unreachableThereIsNotUnlocatable(s: string, facts: Facts, found: Facts): void {
  if (facts.locatable !== false && found.locatable !== false) return;
  const sp = spoken();
  const places = [...sp.registeredPremises, ...sp.registeredPlaces, ...sp.oldPlaces];
  const placeThenMissing = places.some((p) => {
    const i = s.indexOf(p);
    return i >= 0 && sp.unreachableWords.some((w) => s.slice(i + p.length, i + p.length + 6).includes(w));
  });
  if (!placeThenMissing || factLexicon().unlocatableWords.words.some((w) => s.includes(w))) return;
  delete facts.locatable;
  delete found.locatable;
}

/**
 * The spoken rules over one normalised text; their facts replace the older patterns' readings, and
 * the facts they found only hedged (「整改嘛应该算搞好了吧」) are reported as such.
 */
export function spokenFacts(
  s: string,
  now: Date,
  facts: Facts,
  frame: { pending?: FactName; record?: Facts['recordType']; bufferStory?: boolean } = {},
): { facts: Facts; hedged: FactName[]; at: Record<string, number> } {
  // the case told in earlier messages frames this one, as for the named rules (lexicon-rules.ts)
  const { facts: found, hedged, at } = applyRules(s, now, facts, frame, SPOKEN_RULES);
  const out = found as Facts;
  licenceYearIsNotListing(s, now, facts, out);
  yearAlternativesSayNoYear(s, facts, out);
  unreachableThereIsNotUnlocatable(s, facts, out);
  // seriousListIsNotTheAbnormalList: 「被列进去」 of the serious list says nothing of the 经营异常名录
  if ((out as Record<string, unknown>).recordType === 'serious_list') {
    delete facts.listed;
    delete facts.listedYear;
    delete facts.listingReason;
  }
  return { facts: out, hedged: hedged as FactName[], at };
}
