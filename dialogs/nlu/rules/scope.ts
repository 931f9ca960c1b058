// The one reading of where a fact is stated, shared by every pattern rule, the listing reader, the
// done/not-done slots and the derivations: a question right after the words, a negator right before
// a positive statement, the topic of a document, hearsay and a hedge in the clause. A rule carries
// only its words and its production; whether those words state the fact is decided here.
import type { FactName } from '../../../rules/types.ts';
import { alt, factLexicon } from '../fact-lexicon.ts';
import { blankOut, type Lexicon, lexicon, withoutSureWords } from '../lexicon.ts';
import { believedIn } from '../mistaken-belief.ts';
import type { Clause } from '../normalize.ts';
import { A_NOT_A_VERB, aNotAAhead } from '../question-cues.ts';
import { YEAR_SRC } from '../years.ts';

/**
 * Hedges: the shared lexicon's (the same words the named rules' scope reads), and 不知道 unless it
 * asks how (「不知道怎么办」 is a question, not a doubt about a fact) or tells what one was unaware had
 * to be done (「那时候根本不晓得年报要报」: the cause, told plainly).
 */
let hedgeRe: RegExp | undefined;
const hedge = () =>
  (hedgeRe ??= new RegExp(
    `${alt(lexicon().grammar.hedges)}|不知道(?!怎么|咋|如何|该|去哪|在哪|要|[^，,。;；\\s]{1,4}?要[报交做填])`,
  ));
let negScope: RegExp | undefined;
/**
 * Whether a negator ends right before a statement ("并没有重复出错", "没有产生任何纠纷", "没有被罚"):
 * the shared negators of grammar.json and facts.json negationScope. Every rule's negation is read
 * here: the pattern rules drop a negated positive statement, the word rules flip theirs.
 */
export function negatedBefore(before: string): boolean {
  if (!negScope) {
    const n = factLexicon().negationScope;
    negScope = new RegExp(
      `${alt([...lexicon().grammar.negators, ...n.existence])}${alt(n.fillers)}*${alt(n.bridges)}?${alt(n.determiners)}?${alt(n.fillers)}*$`,
    );
  }
  return negScope.test(before);
}

let negExistence: RegExp | undefined;
/**
 * 「也没有法定的管理措施还在执行」, 「冇得什么措施还在执行期内」: a negator of existence (没有, 冇得,
 * 无, 不存在 — not 不, whose 「不过」 is no denial) before a noun phrase denies that any such thing is
 * going on; the statement after the phrase is negated with it. The phrase is a determiner and up to
 * 14 words, a modifier with 的, or at most two words.
 */
export function negatedExistence(before: string): boolean {
  if (!negExistence) {
    const n = factLexicon().negationScope;
    const deny = alt([...lexicon().grammar.negators.filter((w) => /[没冇无未]/.test(w)), ...n.existence]);
    const gap = '[^，,。;；\\s]';
    negExistence = new RegExp(
      `${deny}(?:${alt(n.determiners)}${gap}{0,14}|${gap}{0,10}的${gap}{0,4}|${gap}{0,2})$`,
    );
  }
  return negExistence.test(before);
}

/** one item of a list and its joiner, at the end of the text before the next item */
const LIST_ITEM = /[^，,。;；、和及与或\s]{1,10}(?:或者|或是|[、和及与或])$/;
let spokenItemRe: RegExp | undefined;
/** 「公共安全 」: a trade or safety noun and one space, as a voice message lists (grammar.json spokenListItems) */
const SPOKEN_ITEM = () => (spokenItemRe ??= new RegExp(`(?:${alt(lexicon().grammar.spokenListItems)}) $`));
/**
 * 「不涉及公共安全、安全生产和人身安全」: a negator before a list reaches every item of it. Whether
 * the text before the words, once the list items standing before them are taken off, ends in a
 * negator (checked item by item: the 及 of 涉及 is no joiner).
 */
function negatedBeforeList(before: string): boolean {
  let b = before;
  for (let i = 0; i < 4; i++) {
    const m = LIST_ITEM.exec(b) ?? SPOKEN_ITEM().exec(b);
    if (!m) return false;
    b = b.slice(0, m.index);
    if (negatedBefore(b)) return true;
  }
  return false;
}

/**
 * 「同类的更没有」「食品那块的也冇得」: the words named first, then denied at the end of their clause (a
 * topic, then 也/更/都 and a negator of existence, nothing after it).
 */
const DENIED_AT_END =
  /^(?:的[^，,。;；\s]{0,4})?(?:也|更|都|就|倒|还|是)?(?:没有|没|冇得|冇|无)(?:过|了|的)?$/;

/** the rest of a clause that only asks yes or no about what precedes it: 「冇」, 「了没有」, 「不？」 */
const ASKED_AT_END = /^了?(?:吗|么|没有?|不)[?？]?$/;
const ASKED_THEN_UNKNOWN = /^了?(?:没有?|冇)(?=[我你他她也都还呢啊吧嘛]|不晓得|不知道|不清楚)/;
/** "变更办好了吗", "年报补完了没有": a question about the state states nothing */
// (「去年的纸质年报补了没有我也不晓得」: 没有 then who does not know, or a particle, asks too)
const ASKED_AFTER =
  /^了?(?:吗|么|没有?(?:$|[，,。?？\s]|(?=[我你他她也都还呢啊吧嘛]|不晓得|不知道|不清楚))|\?)/;
/** "年报补了就能移出吗": supposed done, and what would follow is asked — a condition, not a statement */
const SUPPOSED_AFTER = /^了?就(?:能|可以|会|行|可)[^，,。;；!！]*(?:[吗么?？]|不$)/;
/** "一份不在登记住所经营的情况说明": a modifier of the document names its topic, not the user's state */
export const DOC_TOPIC = /^[^，,。;；\s]{0,8}?的(?:情况说明|说明材料|申请书|承诺书|书面申请)/;
/** "听说…会被吊照": a rule heard about, told as a consequence, not the user's own situation */
const HEARSAY = /^(?:听说|据说|听人说|听别人说|有人说|网上说|都说)[^，,。;；]*会/;

/** 「有人跟我讲…」: a message that opens by relaying what someone else said */
const RELAYED_OPEN =
  /^(?:我)?(?:听说|据说|听(?:别人|人家|人|朋友|同行|亲戚|别个|同事)?(?:说|讲)|(?:有人|别人|人家|朋友|同行|亲戚|同事|网上)(?:跟我|和我|同我|对我)?(?:说|讲|话)(?:过)?)/;
/** 「…是这样吗」「…对不对」: and asks whether it is so, or whether it holds for the writer too
 * (「我们公司能不能也这样」) */
const CONFIRM_END =
  /(?:是这样吗|是这样的吗|是不是这样|是不是真的|是真的吗|真的吗|对吗|对不对|是吗|係咪咁|系咪咁|系唔系咁|是不是啊?|(?:能不能|可不可以|能否|行不行|可以|能)也?(?:这样|这么办|这么弄|这么搞|照这样)(?:办|弄|搞)?(?:吗|么|不|呢)?)[?？啊呀]*$/;

/**
 * relayedRule: 「有人跟我讲 五万以下从轻的罚款算轻微的 三个月自己就撤了 是这样吗」 retells a rule heard
 * from someone and asks whether it holds: the whole message is about the rule, none of it states the
 * writer's own case (nor answers a question the bot asked).
 */
export function relayedRule(s: string): boolean {
  return RELAYED_OPEN.test(s.trim()) && CONFIRM_END.test(s.trim());
}

export function clauseAt(cls: Clause[], pos: number): Clause | undefined {
  return cls.find((c) => pos >= c.start && pos < c.end);
}

/**
 * 「如果我去办了变更」「准备下个月搬厂」「补了的话」: words after a supposition or a plan in their clause,
 * or in a clause that ends in 的话, tell what has not happened (facts.json unrealised).
 */
function unrealisedIn(clause: string, at: number, len = 0): boolean {
  const u = factLexicon().unrealised;
  const before = clause.slice(0, at);
  if (/的话/.test(clause.slice(at))) return true;
  if (len > 0 && thenLaterAfter(clause.slice(at + len))) return true;
  if (u.suppose.some((w) => before.includes(w))) return true;
  // 「原来还以为是搬家的事」: a belief told as mistaken
  if (believedIn(before)) return true;
  // 「那我先把欠的年报都补上」: the task put as what one will do next, nothing after it telling it done
  if (plannedTaskIn(before, clause.slice(at))) return true;
  // inside the words only a verb of intending (「等到下个月中旬才弄好」 tells a past month)
  const inside = clause.slice(at, at + len);
  if (u.intendVerbs.some((w) => inside.includes(w) && !u.ready.some((r) => inside.includes(r)))) return true;
  return u.intend.some(
    (w) => before.includes(w) && !u.ready.some((r) => r.startsWith(w) && before.includes(r)),
  );
}

/** 「整改好了再申请」: the words, then 再 and the next step: the order of a plan, not a step done */
function thenLaterAfter(after: string): boolean {
  // (a few words may finish the step first: 「整改」 then 「好了再申请」)
  return factLexicon().unrealised.thenLater.some((w) => {
    const i = after.indexOf(w);
    if (i < 0 || i > 6) return false;
    const between = after.slice(0, i);
    return !/[，,。;；\s]/.test(between) && (i === 0 || /[了哒后]$/.test(between));
  });
}

/**
 * 「先把…补上」「准备把变更办好」: a plan word right before 把 (facts.json unrealised.plannedTask) in the
 * words before the task, and no 了, 过 or 哒 after it in its clause: the task is still to do.
 */
function plannedTaskIn(before: string, rest: string): boolean {
  // (the 把 may open the words read: 「把欠的…」)
  const lead = rest.startsWith('把') ? `${before}把` : before;
  return factLexicon().unrealised.plannedTask.some((w) => lead.includes(w)) && !/[了过哒]/.test(rest);
}

/**
 * A clause that guesses (「应该也公示了吧」「当天应该就改了吧」): a tentative ending (grammar.json
 * tentativeEndings) after 应该 or a hedge word, a particle or an emoji after it allowed.
 */
/** A clause ending in a tentative 吧 (「这是头一次抽查吧」), sure or not. */
export function tentativeClause(clause: string): boolean {
  const text = clause.replace(AFTER_TENTATIVE, '');
  return lexicon().grammar.tentativeEndings.words.some((w) => text.endsWith(w));
}

/** A short clause of doubt alone (「应该」「我记不太清」「也不太确定」), told after what it doubts. */
export function doubtClause(clause: string): boolean {
  const g = lexicon().grammar;
  const text = clause.replace(AFTER_TENTATIVE, '');
  return text.length <= 8 && (/^(?:我也?|也)?应该$/.test(text) || g.hedges.some((w) => text.includes(w)));
}

export function guessingClause(clause: string): boolean {
  const g = lexicon().grammar;
  const text = clause.replace(AFTER_TENTATIVE, '');
  if (!tentativeClause(clause)) return false;
  const unsure = withoutSureWords(text);
  return unsure.includes('应该') || g.hedges.some((w) => unsure.includes(w));
}

/** what may follow a tentative 吧 and still end the clause (「应该也公示了吧的」「…了吧👌」) */
const AFTER_TENTATIVE = /(?:[的啊呀哦嘛咯]|\p{Extended_Pictographic}|\uFE0F)+$/u;

export interface Scope {
  /** a hedge in the clause covers the words ("变更好像办好了"); see hedgedAt */
  hedgedAt: (pos: number, len?: number, fact?: FactName) => boolean;
  /** the words lie in a clause of hearsay */
  hearsayAt: (pos: number) => boolean;
  /** the words follow (or hold) a supposition or a plan in their clause (unrealisedIn) */
  unrealisedAt: (pos: number, len?: number) => boolean;
}

/** The scope of one text, computed once per message. */
export function scopeOf(s: string, cls: Clause[]): Scope {
  const hearsay = cls.filter((c) => HEARSAY.test(c.text));
  // methods, not arrow functions: under tsx (esbuild keepNames) each named arrow function costs a
  // defineProperty call every time it is created, here on every message (facts.ts extractFacts)
  return {
    hedgedAt(pos: number, len = 1, fact?: FactName) {
      const c = clauseAt(cls, pos);
      if (c === undefined) return false;
      // 「应该还冇被列异常吧」: a guess of the whole clause (应该 with a tentative 吧 at its end), the same
      // reading as a word rule's (wordScope guessed)
      const guess = c.text.indexOf('应该');
      const guessed = guess >= 0 && lexicon().grammar.tentativeEndings.words.some((w) => c.text.endsWith(w));
      const h = guessed ? { index: guess, 0: '应该' } : hedge().exec(withoutSureWords(c.text));
      if (h === null || c.start + h.index >= pos + len) return false;
      // "好像是2022年被列的", "可能是因为年报被列的": the hedge focuses the year or cause of a listing
      // that is itself presupposed
      if (fact === 'listed') {
        const focus = s.slice(c.start + h.index + h[0].length, pos);
        if (LISTING_FOCUS.test(focus)) return false;
      }
      return true;
    },
    hearsayAt(pos: number) {
      return hearsay.some((c) => pos >= c.start && pos < c.end);
    },
    // a plan inside the words themselves counts too: 「欠的年报我打算下个月全部补上」
    unrealisedAt(pos: number, len = 0) {
      const c = clauseAt(cls, pos);
      return c !== undefined && unrealisedIn(c.text, pos - c.start, len);
    },
  };
}

/** What a hedge before a listing focuses instead of the listing: its year or its cause. */
const LISTING_FOCUS = new RegExp(`^是?(?:${YEAR_SRC}|因为|由于|因)`);

/** How a rule's words stand in the text. */
export type Reading = 'stated' | 'moot' | 'hedged';

/**
 * The one function every pattern rule's hit goes through. `kind`: the words name a kind of thing (an
 * entity type), which a document's topic does not change; `yesNo`: the production is a yes/no value,
 * which a following question takes back; `positive`: it says yes, which a negator before it takes out.
 */
export function readHit(
  s: string,
  scope: Scope,
  hit: { pos: number; len: number; fact: FactName; kind?: boolean; yesNo?: boolean; positive?: boolean },
): Reading {
  const end = hit.pos + hit.len;
  if (!hit.kind && DOC_TOPIC.test(s.slice(end, end + 12))) return 'moot';
  // 「变更登记办没办」「年报交没交」: an A-not-A form in or right after the words asks about them
  if (
    hit.yesNo &&
    (ASKED_AFTER.test(s.slice(end, end + 4)) ||
      aNotAAhead(s.slice(end, end + 8)) ||
      A_NOT_A_VERB.test(s.slice(hit.pos, end + 2)))
  )
    return 'moot';
  if (hit.yesNo && SUPPOSED_AFTER.test(s.slice(end, end + 20))) return 'moot';
  if (hit.positive) {
    // a "done" with a plan inside its words (「欠的年报我打算下个月全部补上」) has not happened; a "not
    // yet" keeps its plan (「还在准备」 is not filed)
    if (scope.unrealisedAt(hit.pos, hit.len)) return 'moot';
    if (negatedBefore(s.slice(Math.max(0, hit.pos - 7), hit.pos))) return 'moot';
    if (negatedBeforeList(s.slice(Math.max(0, hit.pos - 40), hit.pos))) return 'moot';
  }
  return statedAt(scope, hit.pos, hit.len, hit.fact);
}

/** Hearsay and hedges alone: for readers that have judged questions and negation themselves (slots, listing). */
export function statedAt(scope: Scope, pos: number, len: number, fact: FactName): Reading {
  if (scope.hearsayAt(pos) || scope.unrealisedAt(pos)) return 'moot';
  return scope.hedgedAt(pos, len, fact) ? 'hedged' : 'stated';
}

/**
 * The negators that end `rest` (text before some words, with the rule's own gap words already
 * stripped), longest first: the one negator list every rule reads (grammar.json negators).
 */
export function negatorsAtEnd(rest: string): string[] {
  return lexicon().grammar.negators.filter((n) => rest.endsWith(n));
}

/**
 * A question about consequences: 吗, ？, 会, or 么 — but 么 after a negator is "any" in a denial
 * (「冇造成么后果」 states that nothing came of it).
 */
const consequenceQuestion = (clause: string) =>
  /吗|\?|？|会/.test(clause) || (/么/.test(clause) && !/(?:没|冇|未|不)[^么，,]{0,4}么/.test(clause));

/** How a word rule's hit stands (lexicon-rules.ts, spoken.ts). */
export interface WordScope {
  /** states nothing: a supposition or a question about consequences */
  moot: boolean;
  hedged: boolean;
  negated: boolean;
}

/**
 * The scope of a word in its clause: a supposition before it or a consequence question around it
 * states nothing, a hedge before it makes it hedged, a negator right before it negates it.
 */
/**
 * 「不是严重违法失信」「不是进了严重违法失信名单」: the words named only to be denied as what the case is (a
 * choice, not a state), the verb of being put on it between
 */
export const namedAsNot = (before: string): boolean =>
  /(?:不是|并非|并不是)(?:被|给)?(?:列入了?|列进了?|进了|上了|在)?$/.test(before);

/**
 * 「是经营异常名录」「上面写的是列入经营异常名录」「是被列入了异常名录」: the words named as what the case
 * is, the verb of being put on it between (a 是 of 不是, 还是, 要是 or 可是 names nothing); or told
 * put on it, the passive opening the clause (「被列入严重违法失信名单了」)
 */
export const namedAsIs = (before: string): boolean =>
  /(?:^|[^不还要可])(?:是|系)(?:被|给)?(?:列入了?|列进了?|进了|上了|在)?$|^(?:已经)?(?:被|给)(?:列入了?|列进了?|纳入了?)$/.test(
    before,
  );

/** Whether a hedge word occurs once the sure words are blanked (blanked once, not once per hedge word). */
function hedgeIn(text: string, g: Lexicon['grammar']): boolean {
  const sure = withoutSureWords(text);
  return g.hedges.some((w) => sure.includes(w));
}

export function wordScope(
  hit: { before: string; after: string; clause: string },
  g: Lexicon['grammar'] = lexicon().grammar,
): WordScope {
  // (「主要是」 holds a 要是 that supposes nothing: grammar.json suppositionLookalikes)
  const supposing = blankOut(hit.before, g.suppositionLookalikes);
  // (「去年的纸质年报如果交了的话」: the supposition after the words, before their verb, supposes them too,
  // as a clause ending in 的话 does for the pattern rules: unrealisedIn)
  const supposedAfter = blankOut(hit.after, g.suppositionLookalikes);
  const moot =
    g.suppositions.some((w) => supposing.includes(w)) ||
    g.suppositionsAfter.some((w) => supposedAfter.includes(w)) ||
    hit.after.includes('的话') ||
    thenLaterAfter(hit.after) ||
    // 「要罚款冇」, 「罚款交了没」: the words themselves are what a yes/no question at the clause's end asks
    ASKED_AT_END.test(hit.after) ||
    // 「罚款交了没有我也不晓得」: asked, then who does not know
    ASKED_THEN_UNKNOWN.test(hit.after) ||
    // 「上一年度纸质年报交没交」: the A-not-A form right after the words asks about them
    aNotAAhead(hit.after) ||
    g.consequenceCues.some((w) => hit.clause.includes(w) && consequenceQuestion(hit.clause));
  // 「整改应该算整改好哒吧」: a guess of the whole clause — 应该 or a hedge in it, a tentative 吧 at its end
  const guessed =
    g.tentativeEndings.words.some((w) => hit.clause.endsWith(w)) &&
    (hit.clause.includes('应该') || hedgeIn(hit.clause, g));
  const hedged = guessed || hedgeIn(hit.before, g);
  return { moot, hedged, negated: negatedBefore(hit.before) || DENIED_AT_END.test(hit.after) };
}
