// The listing itself (DOMAIN.md §4 listed): passive or completed listing wording, read with what
// comes before it in its clause — a question ("会被列入吗"), a negation ("还没列入"), a listing to
// avoid ("不想被列异常") — into stated, asked or not listed.

import { alt, counterpartyBefore, factLexicon, setAsideBefore } from '../fact-lexicon.ts';
import { hasAny, lexicon } from '../lexicon.ts';
import { matchesOf } from '../matches.ts';
import type { Clause } from '../normalize.ts';
import { YEAR_SRC } from '../years.ts';
import { FIRST_PERSON } from './cues.ts';
import { COMPARED } from './entity.ts';
import { type PatternRule, type RuleSet, rule, ruleSet } from './pattern-rule.ts';
import { clauseAt } from './scope.ts';

/** 「12月」「6月份」「7月20号」: a month, and a day, after a year */
const MONTH_DAY_SRC =
  '(?:\\d{1,2}|[一二三四五六七八九十]{1,3})月份?(?:(?:\\d{1,2}|[一二三四五六七八九十]{1,3})[日号])?';
/** 「还没被列」「还冇把我们列进去」: the business as 被's subject or 把's object */
const NEG_BEFORE =
  /(?:没有?|未|还没有?|并没有?|尚未|从没|从来没有?)(?:被|(?:把|将)(?:我们?|咱们?|俺们?|我家|店子?|公司|厂))?(?:列|拉|放|弄|搞|划)?$/;
const QUESTION_BEFORE =
  /会|是否|有没有?|是不是|在不$|能否|避免|以免|防止|担心|怕|如果|要是|万一|怎么知道|(?<![检抽核审调巡排])查(?![了到出过])/;
interface ListingHit {
  /**
   * 'asked-now': the text asks whether the business is listed now; 'asked': whether it would be;
   * 'asked-self': the user asks whether their own business would be, so it is not yet (d05)
   */
  value: boolean | 'asked' | 'asked-now' | 'asked-self';
  pos: number;
  clause: Clause;
}

// Passive or completed listing wording; the verb must be followed by list wording so that
// "给我列个清单" is not a listing.
const LISTING: PatternRule[] = [
  rule(
    'listing.passive',
    'listed',
    // (「被通城县市场监督管理局依法列入」: the deciding authority may stand between; 「投标被废标了」
    // is a tender lost, no mark; a space ends a spoken clause: 「被罚了 处罚信息也挂在网上了」 is no listing)
    /(?:被|给|遭|让)(?:[^，,。;；\s]{0,8}?|[^，,。;；\s]{0,6}?(?:市场监督管理局|市场监管局|市监局|工商局)(?:依法)?\s?)(?:列|拉|(?<![废投中招竞流])标|弄|纳入|打入|挂|放|搞|划|归|整)(?=入|进|到|为|异|了|黑|记|注|在|上|经|异常|名录|成|的(?:经营)?异常|的名录)/,
    true,
  ),
  // 「2021年被列 没年报」: a bare passive 被列 ending its clause is the listing (nothing else is 被列 here)
  rule('listing.barePassive', 'listed', /(?:被|给)列(?:了|过)?(?=[\s，,。;；!！?？]|$)/, true),
  // "因未年报列入经营异常名录": a listing told by its cause needs no 被
  rule(
    'listing.byCause',
    'listed',
    /(?<=(?:因为|因|由于)[^，,。;；]{1,16}?)(?<!被)(?:列入|列进|列为|纳入)(?=[^，,。;；]{0,4}?(?:异常|名录|黑名单))/,
    true,
  ),
  // "二零二三年列入异常", 「2023年12月列入异常名录」: a listing dated by its year (and month) is told, not asked
  rule(
    'listing.byYear',
    'listed',
    new RegExp(
      `(?<=${YEAR_SRC}(?:${MONTH_DAY_SRC})?(?:就|已经?)?)(?:列入|列进|列为|纳入)(?=[^，,。;；]{0,4}?(?:异常|名录))`,
    ),
    true,
  ),
  // 「联系不上 直接列经营异常了」: listed, told after its cause without 被
  rule(
    'listing.thenListed',
    'listed',
    [
      /(?:直接|就|又|然后)(?:给)?(?:列|拉|弄|搞)(?:入|进|到)?了?(?:经营)?(?=异常)/,
      // 「二一年冇报年报列了异常」: the bare verb done, told after its cause
      /(?<=(?:年报|年度报告)[^，,。;；]{0,2})列了(?:经营)?(?=异常)/,
    ],
    true,
  ),
  // 「列到那个异常名录里头克了」: put into the list without 被, a demonstrative between
  rule(
    'listing.intoList',
    'listed',
    [
      /(?<!被|给)(?:列到|列进|列入|搞到|弄到)了?(?:那个|这个|那|这)(?:经营)?(?=异常|名录)/,
      /(?<!被|给|会|怕|不|差点|差一点|别|以免|免得|要|就要)(?:搞到|弄到)(?:了)?(?:经营)?(?=异常名录)/,
    ],
    true,
  ),
  // 「今年一查 又在名录里头」: found on the list (不在/没在 deny it)
  rule(
    'listing.inList',
    'listed',
    /(?<!不|没|冇|没有)在(?:那个)?(?:经营)?(?:异常)?名录(?:里头|里面|里|上)/,
    true,
  ),
  // 「年报那个异常到现在还挂着」「住所的异常要怎么处理」: the listing named by what it was about
  rule(
    'listing.namedByCause',
    'listed',
    /(?<!邮寄|通信|网店|网站|邮箱)(?:年报|住所|地址|经营场所)(?:的|那条|那个|这条)(?:经营)?(?=异常(?!吗|么|不))/,
    true,
  ),
  // 「现在还有一条 是2023年因为年报」: one more listing, counted beside one told before (its cause
  // follows; 「还有一条是行政处罚」 is no listing)
  rule(
    'listing.anotherOne',
    'listed',
    /(?:还有|还剩|另外还有|另有)(?:一|1)条(?=\s?(?:经营)?异常|[^，,。;；]{0,4}(?:是|因为|由于)[^，,。;；]{0,10}?(?:年报|地址|住所|联系不上|名称))/,
    true,
  ),
  // "没年报进了异常"
  rule(
    'listing.enteredList',
    'listed',
    // (「16年因为年报冇报进的异常名录」: 是…的 tells it done)
    /(?:进了|上了|进入了|掉进了?|进到了|列入了|列进了|(?<![怎么咋])进的|列进的|列入的)(?:经营)?(?=异常|名录|黑名单)/,
    true,
  ),
  // (「一九年就标记成经营异常状态了」: marked as it, the old word for an individual's listing)
  rule(
    'listing.abnormalState',
    'listed',
    /(?<!不)(?:是|处于|成了|变成了?|标记?成了?|弄成了?|搞成了?)(?:经营)?异常(?:状态)/,
    true,
  ),
  // (「网上一查是经营异常」: what a look-up showed)
  rule(
    'listing.shownAbnormal',
    'listed',
    /(?:显示|状态是|状态为|状态显示|一查|查出来|查到)(?:为|是|成|的是)?(?:经营)?异常/,
    true,
  ),
  // 「现在还挂着的是年报那个」「就只剩地址那条」: a listing still on the record, pointed at by its cause
  rule(
    'listing.stillOn',
    'listed',
    /(?:(?:还|就|现在)?挂着的(?:是|就是)|只剩下?|就剩下?)(?:年报|年度报告|住所|地址|经营场所)(?:那条|那个)/,
    true,
  ),
  // 「现决定将你户标记为经营异常状态」「本局已决定将你单位列入经营异常名录」: the decision pasted from the
  // notice, addressed to the business (你 there is the writer's own business, not this bot)
  rule(
    'listing.decided',
    'listed',
    /(?<![会要])(?:将(?:你|您|本|该|我)?(?:们|单位|户|公司|企业|社|店|合作社|厂)?|决定)(?:依法)?(?:列入|列进|标记为|标注为|纳入)(?:经营)?(?=异常)/,
    true,
    // (「逾期不改正的，本局将依法将你单位列入…」「如果不报…」: a warning of what will follow, no decision)
    { when: (s) => !hasAny(s, factLexicon().noticeWarning.words) },
  ),
  // 「所里联系不上就把我们列了」: 把 and the business, the bare verb ending its clause
  rule(
    'listing.baListed',
    'listed',
    /(?<![不别没])把(?:我们|我|咱们|他们|他|她|公司|店子?|厂子?)(?:给)?列(?:了|进去了?|上了|入了)(?=[\s，,。;；!！?？]|$)/,
    true,
  ),
  // 「平台上显示我们公司有经营异常记录」「一查有条经营异常」: a record found is the listing
  rule(
    'listing.recordFound',
    'listed',
    /(?:显示|查到|查出来?|一查|查了一下)[^，,。;；没冇]{0,8}?(?<![没冇])有(?:[一两二三几]?条|个)?(?:经营)?异常(?:记录|名录)?/,
    true,
  ),
  // 「系统里有一条 写的登记的经营场所无法联系」: a record shown in a system in the listing's own wording
  // (通过登记的住所或者经营场所无法联系, a ground of listing as the rules word it), which no other record
  // carries; the same words said of a call or a visit (「所里说登记的地址联系不上」) are no record
  rule(
    'listing.reasonOnRecord',
    'listed',
    /(?:系统|网上|网站|平台|公示系统|信用网|查到|查出来?)[^。;；]{0,12}?(?:有一?条|记录|显示|写的|写着)[^。;；]{0,10}?(?:通过)?登记的(?:住所|经营场所|地址)(?:或者?(?:住所|经营场所))?无法(?:取得)?联系/,
    true,
  ),
  // "把公司从异常名录里弄出来" presupposes the listing
  rule(
    'listing.removalFrom',
    'listed',
    /把[^，,。;；]{0,8}?从[^，,。;；]{0,4}?(?:经营异常|异常名录|异常状态|名录)/,
    true,
  ),
  // "还没列入异常", "现在还没列入": the negation is read from what comes before; the list may be
  // left unsaid when the clause ends with the verb
  rule(
    'listing.notYet',
    'listed',
    // (「目前还没列」: a bare 列 ending its clause after 还没, the list understood from the talk;
    // 「还冇列进克」: 列进去, 克 for 去; 「所里还冇把我们列进去」)
    /(?<=(?:没有?|未|尚未)(?:被|(?:把|将)(?:我们?|咱们?|俺们?|我家|店子?|公司|厂))?)列(?:入|进)?(?=[^，,。;；]{0,3}?(?:异常|名录|黑名单)|(?<=列[入进])(?:去|克)?[，,。;；!！\s]|(?<=列[入进])(?:去|克)?$|(?<=(?:还|也|都|并)(?:没有?|未)被?列)(?:[，,。;；!！\s]|$))/,
    true,
  ),
  rule('listing.already', 'listed', /(?:已经?)(?:列入|列进|被列|标记)/, true),
  // "20年被列的", "还没被列，要不要紧"; 「被列是因为年报没报」: the listing named as what a cause explains
  rule(
    'listing.bareListed',
    'listed',
    /(?:被|遭)列(?=的|过|[，,。;；!?！？]|$|(?:主要|就|都)?是(?:因为|由于))/,
    true,
  ),
  // 「列异常是因为住所联系不上」「列入异常名录的原因是年报没报」: the listing named as what a cause explains
  rule(
    'listing.causeExplained',
    'listed',
    /(?:列入|列进|标记)(?:经营)?(?:异常)?(?:名录|状态)?(?:的原因|原因)?(?:主要|就|都)?(?:是因为|是由于|是)(?=因为|由于|[^，,。;；]{0,12}?(?:没|未|联系不上|联系不到))/,
    true,
  ),
  rule(
    'listing.onList',
    'listed',
    /(?:进了|上了|进入了?|进|上|在)(?:经营)?(?:异常名录|异常名单|异常状态|黑名单)/,
    true,
  ),
  rule(
    'listing.listedInto',
    'listed',
    /(?:列入|列进)[^，,。;；]{0,6}?(?:异常|名录|黑名单)[^，,。;；]{0,4}?了/,
    true,
  ),
  // "没找到人，就列了异常": a listing told as what followed
  rule(
    'listing.followed',
    'listed',
    /(?<=(?:就|结果|然后|于是|所以|才|便)(?:给|把我们?)?)列(?:入|进)?了(?=(?:经营)?(?:异常|名录))/,
    true,
  ),
  // 「就把我列到经营异常名录里头去了」: the bureau put the business onto the list (把, not 被)
  rule(
    'listing.putOnto',
    'listed',
    /把[^，,。;；]{0,6}?列(?:到|进|入)(?:了|咗)?(?=(?:经营)?(?:异常|名录|黑名单))/,
    true,
  ),
  // 「年报没报列入异常」: the cause right before the listing verb, without 因为 or 被
  rule(
    'listing.afterUnfiled',
    'listed',
    /(?<=(?:没有?|未)(?:按时)?(?:报|交|公示)|逾期)(?:就)?(?:列入|列进|列了|列为)(?=[^，,。;；]{0,4}?(?:异常|名录))/,
    true,
  ),
  // 「二三年列的」「2021年进的经营异常名录」: a year and the listing verb, the list named or not
  // (「前年列进去的」「是2024年列入的」: the verb with its direction, 克 for 去)
  rule(
    'listing.yearVerb',
    'listed',
    new RegExp(
      `(?<=${YEAR_SRC}(?:就|已经?)?)(?:列(?:入|进)?(?:去|克)?|纳入|进|标|上)的(?=(?:经营)?异常|名录|$|[\\s，,。;；])`,
    ),
    true,
  ),
  // 「列了经营异常」 opening its clause (the subject left out), 「列咗入异常名录」
  rule(
    'listing.clauseOpens',
    'listed',
    /(?<=^|[\s，,。;；])(?:就)?列(?:了|咗)入?(?=(?:经营)?(?:异常|名录))/,
    true,
  ),
  // 「经营异常名录里面有我们公司」: the writer found on the list
  rule(
    'listing.foundOnList',
    'listed',
    /(?:异常名录|异常名单|经营异常)(?:里面?|上面?|中间?|里头)有(?=我|俺|咱|本)/,
    true,
  ),
  // 「经营异常了 么样修护」「个体户 经营异常 原因是…」: the state named as one's own
  rule(
    'listing.abnormalNow',
    'listed',
    /(?<=^|[\s，,。;；])经营异常(?=了|[\s，,]{0,2}(?:的)?(?:原因|理由))/,
    true,
  ),
  // "没年报被异常"
  rule('listing.madeAbnormal', 'listed', /被(?:经营)?异常(?!名录)/, true),
  // 「个体户经营异常了」, 「我们公司异常了」「有限公司 异常了」: the business itself became abnormal
  rule(
    'listing.becameAbnormal',
    'listed',
    new RegExp(`(?<=${alt(factLexicon().abnormalSaidOf.holders)}\\s?)(?:经营)?(?:状态)?(?:变成)?异常了`),
    true,
  ),
  // 「21年异常」「2023被异常」「18年进异常」「年报异常」「找不到人异常了」: in a terse message 异常 dated
  // by a year or named by its cause is the writer's listing (lexicon abnormalSaidOf); the list itself
  // (「21年异常名录…」) is read by the rules above, 「去年异常的企业多不多」 names a kind of business
  // (a 的 ending the clause tells it done: 「21年异常的」), and 「年报异常是什么意思」 asks a term
  rule(
    'listing.terse',
    'listed',
    (() => {
      const w = factLexicon().abnormalSaidOf;
      const notAttributive = '(?!名录|的[^\\s，,。;；!?！？])';
      return [
        new RegExp(`(?<=${YEAR_SRC}\\s?${alt(w.yearVerbs)}?)(?:经营)?异常${notAttributive}`),
        new RegExp(`(?<=${alt(w.causes)})(?:经营)?异常${notAttributive}`),
        // 「有限公司 年报冇报 列异常」: a piece of its own that is just the listing
        /(?<=(?:^|[\s，,。;；])(?:被|给)?列(?:入|进)?了?)(?:经营)?异常(?:名录)?(?=$|[\s，,。;；!！?？]|了|哒)/,
      ];
    })(),
    true,
    { when: (s) => !termDefined().test(s) },
  ),
];
let defined: RegExp | undefined;
/** 「年报异常是什么意思」: 异常 as the term whose meaning is asked */
const termDefined = () =>
  (defined ??= new RegExp(`异常(?:名录)?(?:${alt(lexicon().grammar.definitionCues)})`));
/** 严重违法失信名单 (not a court's 失信被执行人 list, which is out of scope) */
export const SERIOUS_LIST = /严重(?:违法)?失信|严重违法(?:名单|黑名单)|失信(?:黑)?名单/;
/** "会列入异常吗" without 被 only asks: it never states the user is not listed by itself */
const LISTING_ASKED = /(?<=会(?:不会)?被?)列(?:入|进)?(?=[^，,。;；]{0,3}?(?:异常|名录)|吗|么|[?？]|$)/g;
let listingRules: RuleSet | undefined;
const listingSet = () => (listingRules ??= ruleSet(LISTING));
const AVOID_BEFORE = /(?:不想|不要|不愿意?|不|别)$/;

/** Every listing pattern, named (for the trigger test). */
export const LISTING_RULES_ALL = LISTING;

export function listingHits(s: string, cls: Clause[]): ListingHit[] {
  const firstPerson = FIRST_PERSON.test(s);
  const hits: ListingHit[] = [];
  for (const { re, when } of listingSet().candidates(s)) {
    if (when && !when(s)) continue;
    re.lastIndex = 0;
    for (const m of matchesOf(re, s)) {
      const pos = m.index ?? 0;
      const clause = clauseAt(cls, pos);
      if (!clause) continue;
      const before = s.slice(clause.start, pos);
      const tail = s.slice(pos, pos + m[0].length + 2);
      // 免列异 is the exemption, not a listing
      if (/免列|免于列/.test(s.slice(Math.max(clause.start, pos - 2), pos + m[0].length + 1))) continue;
      const after = s.slice(pos + m[0].length, clause.end);
      // 严重违法失信名单 is another, heavier list: `listed` is about the 经营异常名录 only
      if (
        SERIOUS_LIST.test(s.slice(pos, clause.end)) &&
        !/经营异常|异常名录|异常状态/.test(s.slice(pos, clause.end))
      )
        continue;
      // 「不是我被列入了，是我供应商的公司被列了」: another business's listing, not the writer's
      if (
        /不是(?:我|咱|俺)(?:们|家)?$/.test(before) ||
        counterpartyBefore(before) ||
        setAsideBefore(s, before)
      )
        continue;
      // 「被标记经营异常状态和列入异常名录有区别吗」: two states compared, neither told of oneself
      if (!firstPerson && COMPARED.test(s)) {
        hits.push({ value: 'asked', pos, clause });
        continue;
      }
      // "还在异常名录上吗": the listing itself is what is asked
      // "被列入异常的话怎么办": a supposition states nothing and asks nothing about the status
      if (/^[^，,。;；]{0,6}?的话/.test(after)) continue;
      // "不想被列异常", "有啥办法不被列": a listing to avoid has not happened
      if (/^[被列将]/.test(m[0]) && AVOID_BEFORE.test(before)) {
        hits.push({ value: firstPerson ? false : 'asked', pos, clause });
        continue;
      }
      const asking =
        QUESTION_BEFORE.test(before) ||
        /^[上里中内]?了?(?:吗|么|没有?|\?)/.test(after) ||
        // "被列入经营异常名录了吗" asks about the listing; "被列入异常还能贷款吗" presupposes it
        (/^[^能会怎影可要还]{0,10}?了?(?:吗|么|没有?|\?)$/.test(after) && !/了[^吗么?]/.test(after));
      // 「年报没弄被列了」: a verb before the passive's 被 ends another predicate (the report not done),
      // its 没 does not reach the listing
      const negated =
        NEG_BEFORE.test(before) && !(/^[被给遭让]/.test(m[0]) && /[列拉放弄搞划]$/.test(before));
      if (!asking && (negated || /^(?:没|未)/.test(tail))) hits.push({ value: false, pos, clause });
      else if (asking) {
        // "我们…会被列入吗": asking whether they will be listed means they are not yet
        const future = /会/.test(before);
        hits.push({ value: future ? (firstPerson ? 'asked-self' : 'asked') : 'asked-now', pos, clause });
      } else hits.push({ value: true, pos, clause });
    }
  }
  LISTING_ASKED.lastIndex = 0;
  for (const m of matchesOf(LISTING_ASKED, s)) {
    const pos = m.index ?? 0;
    const clause = clauseAt(cls, pos);
    if (clause && !hits.some((h) => h.clause === clause)) hits.push({ value: 'asked', pos, clause });
  }
  return hits;
}

// "他们上没上异常名录": the listing itself is asked in an A-not-A question
export const LISTING_A_NOT_A =
  /(?:上没上|进没进|列没列|有没有上|有没有进|是不是上了|在不在)[^，,。;；]{0,4}?(?:异常|名录|黑名单)/;
