// Why a business was listed (DOMAIN.md §4 listingReason): named rules tried in order, the first
// stated cause wins; a denied cause ("不是年报的事") is skipped.
import type { Facts } from '../../../rules/types.ts';
import { matchesOf } from '../matches.ts';
import { believedIn } from '../mistaken-belief.ts';
import { FALSE_INFO } from './error-kind.ts';
import { type PatternRule, type RuleSet, rule, ruleSet } from './pattern-rule.ts';

// Instant information (企业信息公示暂行条例 art.10) by what it is about
const INSTANT_INFO =
  '(?:行政处罚|股权(?:变更|转让|出质|变了|变动)|股东(?:变更|出资|认缴|实缴|变了|换了|变动)|出资|知识产权出质|(?:行政)?许可(?:证)?)';

/** In the order they are tried. */
export const REASON_RULES: PatternRule[] = [
  rule('reason.falseInfo', 'listingReason', FALSE_INFO, 'false_public_info'),
  rule(
    'reason.instantInfo',
    'listingReason',
    [
      // (「许可信息冇按期公示」: the licence, and 冇 of the spoken register)
      new RegExp(`即时信息|${INSTANT_INFO}(?:信息)?[^。;；]{0,14}?(?:没有?|冇|未|逾期)[^。;；]{0,10}?公示`),
      // 「被责令限期公示 过了期限也冇弄」「所里让我们限期公示 冇按时弄」: ordered to publish by a deadline
      // and missed it (实施办法 art.4)
      /(?<!年报[^。;；]{0,10})(?:责令(?:限期|在?期限内)?|(?:让|要求|叫|通知)(?:我们?|咱们?|俺们?|公司)?(?:限期|在?期限内))(?:公示|补公示)(?!年报|年度报告)[^。;；]{0,14}?(?:没有?|未|逾期|过了?期限|超过期限|超期)/,
    ],
    'instant_info_not_published',
  ),
  rule(
    'reason.nameChange',
    'listingReason',
    /(?:名称|名字|店名|厂名|改名|更名|改了名)[^。;；]{0,20}?(?:没有?|未)(?:去)?(?:按规定|按时|及时|依法|按要求)?(?:去)?(?:办|做|登记|变更)/,
    'name_change_not_registered',
  ),
  rule(
    'reason.unreachable',
    'listingReason',
    [
      /(?:住所|地址|经营场所|注册地|登记地|(?:登记|注册)的(?:地方|地点))[^，,。;；]{0,8}?(?:联系不上|无法(?:取得)?联系|不能(?:取得)?联系|联系不到|没有?联系[上到]|找不到|没有?找到人|失联|查无|没人|没有人|人不在)/,
      /(?:联系不上|无法(?:取得)?联系|联系不到|没有?找到人)[^，,。;；]{0,4}?(?:被|列)/,
      /(?:联系不上|无法(?:取得)?联系|联系不到|没有?找到人)[，,](?:就|所以|然后|结果|于是)?(?:被|给)?列/,
      /(?:住所|地址|经营场所)异常/,
      // 「地址那条异常」「住所的异常」: the listing named by what it was about
      /(?<!邮寄|通信|网店|网站|邮箱)(?:住所|地址|经营场所)(?:的|那条|那个|这条)(?:经营)?异常/,
      // 「说我们被列入经营异常名录 地址的问题」: the address named as what the listing was about
      /(?<!邮寄|通信|网店|网站|邮箱)(?:住所|地址|经营场所)的?(?:问题|原因|事)/,
      // 「现在就只剩地址那条」: the listing left on the record, pointed at by its cause
      /(?:只剩|就剩|还剩|只剩下|就剩下|(?:还|就)?挂着)(?:的是|的就是|了)?(?<!邮寄|通信|网店|网站|邮箱)(?:住所|地址|经营场所)(?:那条|那个|的)/,
      // 「地址那边也被列了」: the address as the topic the listing is told of
      /(?<!邮寄|通信|网店|网站|邮箱)(?:住所|地址|经营场所)(?:那边|那块|那里|这边|这块|方面|那头)?(?:也|还|又)?(?:被|给)(?:列|标)/,
      /(?:没|没有)(?:找到|找着|联系上|联系到)我们?/,
      /找不到我们?/,
      // 「被列异常了 说是联系不上」「理由是联系不到人」: the cause as the bureau gave it, with no place
      // named (the bureau reaches a business at its registered place, 企业经营异常名录管理办法)
      /(?:说是|讲是|原因是|理由是)(?:因为|由于)?(?:我们?|人|店里|公司)?(?:联系不上|联系不到|无法联系|失联)(?:人|了)?(?=[，,。;；\s]|$)/,
    ],
    'unreachable_at_address',
  ),
  rule(
    'reason.annualReport',
    'listingReason',
    [
      // 「没报 nianbao」: a pinyin word keeps the space typed before it (normalize.ts), so one space may
      // stand between the verb and the report
      /(?:没有?|未|忘了?|忘记|漏|不)(?:去)?(?:按时|按期|及时|如期|按规定|依照规定|按照规定|依法|按要求)?(?:(?:报送?|交|申报|公示|填报|提交|上报|递交|搞|弄|做|办) ?)?(?:年报|年度报告)/,
      /(?:年报|年度报告)[^，,。;；补]{0,3}?(?:没有?|未|逾期|忘|迟|漏|晚)(?:按时|按期|及时)?(?:报|交|公示)?/,
      /年报逾期/,
      // 「因未在规定期限内报送2021年度年度报告」: the formal wording, a period and the report's year between
      /(?:没有?|未)(?:在|按)?(?:规定|法定)?的?(?:期限|时间|期|时)内?(?:报送?|公示|提交|报)[^，,。;；]{0,10}?(?:年报|年度报告)/,
      // 「未按照《个体工商户年度报告暂行办法》规定的期限报送2021年度年度报告」: the rule named between
      /(?:没有?|未)(?:按照?|依照)[^，,。;；]{0,24}?规定的?(?:期限|时间)内?(?:报送?|公示|提交|报)[^，,。;；]{0,10}?(?:年报|年度报告)/,
      // 「就漏了一年年报」: a count of years between the verb and the report
      /漏(?:报|交)?了?[一两二三四五几]个?年(?:度)?的?(?:年报|年度报告)/,
      /(?:因为|因|由于)年报/,
      // 「冇报的是2021年度那份年报」: what was not filed, named after 的是
      /(?:没有?|未)(?:报|交|公示)的是[^，,。;；]{0,10}?(?:年报|年度报告)/,
      /年报的?(?:问题|事|原因)/,
      // 「现在就只剩年报那个」: the listing left on the record, pointed at by its cause
      /(?:只剩|就剩|还剩|只剩下|就剩下|(?:还|就)?挂着)(?:的是|的就是|了)?(?:年报|年度报告)(?:那条|那个|的)/,
      // 「年报那边也被列了」: the report as the topic the listing is told of
      /年报(?:那边|那块|这边|这块|方面|那头)(?:也|还|又)?(?:被|给)(?:列|标)/,
      // 「年报的异常还没移出来」「年报那条异常」
      /年报(?:的|那条|那个|这条)?(?:经营)?异常/,
      // 「那时候不懂年报 后来一直冇管」: not knowing the report was due
      // 「冇晓得个体户也要报年报」: who must file between
      /(?:(?:不|没)(?:懂|知道|晓得|了解)|没想到)[^，,。;；]{0,6}?(?:要|得|需要)?(?:报|交)?(?:年报|年度报告)/,
      /(?:没有?|未)(?:顾上|顾得上|来得及|空|时间|精力|心思|人)(?:去)?(?:报送?|交|申报|公示|填报|弄|搞|做|管)?(?:年报|年度报告)/,
    ],
    'annual_report_overdue',
  ),
  rule('reason.other', 'listingReason', /(?:别的|其他|其它)(?:的)?(?:原因|事情?|问题)/, 'other'),
];

/** "不是年报的事", "并非因为地址": a cause denied */
const NEGATED_CAUSE = /(?:不是|并非|并不是|跟)(?:因为|由于)?$/;

let reasons: RuleSet | undefined;
let last: { s: string; reason: ReturnType<typeof read> } | undefined;

/** The stated listing reason and where it is said; several derivations ask, so the last answer is kept. */
export function listingReason(s: string): { value: Facts['listingReason']; pos: number } | undefined {
  if (last?.s !== s) last = { s, reason: read(s) };
  return last.reason;
}

function read(s: string): { value: Facts['listingReason']; pos: number } | undefined {
  reasons ??= ruleSet(REASON_RULES);
  for (const r of reasons.candidates(s)) {
    const pos = undeniedAt(r, s);
    if (pos !== undefined) return { value: r.value as Facts['listingReason'], pos };
  }
  return undefined;
}

/**
 * Where a rule's cause is first told and not denied ('other' is never denied: "不是年报，是别的原因"), nor
 * only believed before the writer learnt better (「我一直以为是搬家地址的事」, facts.json mistakenBelief).
 */
function undeniedAt(r: PatternRule, s: string): number | undefined {
  r.re.lastIndex = 0;
  for (const m of matchesOf(r.re, s)) {
    if (believedAt(s, m.index)) continue;
    if (r.value === 'other' || !NEGATED_CAUSE.test(s.slice(Math.max(0, m.index - 4), m.index)))
      return m.index;
  }
  return undefined;
}

/** The clause before `pos` holds a belief told as mistaken. */
function believedAt(s: string, pos: number): boolean {
  const before =
    s
      .slice(0, pos)
      .split(/[，,。;；\s]/)
      .pop() ?? '';
  return believedIn(before);
}

/**
 * Every cause told in the text, each once, in the order told (「年报冇报被列了 地址那边也被列了」:
 * annual_report_overdue, then unreachable_at_address); denied causes are skipped.
 */
export function listingReasons(s: string): { value: NonNullable<Facts['listingReason']>; pos: number }[] {
  reasons ??= ruleSet(REASON_RULES);
  const found: { value: NonNullable<Facts['listingReason']>; pos: number }[] = [];
  for (const r of reasons.candidates(s)) {
    const value = r.value as NonNullable<Facts['listingReason']>;
    if (found.some((f) => f.value === value)) continue;
    const pos = undeniedAt(r, s);
    if (pos !== undefined) found.push({ value, pos });
  }
  return found.sort((a, b) => a.pos - b.pos);
}

/** 「地址那条」「年报那个」: a listing pointed at by its cause (only where a listing is being told of) */
const POINTED_CAUSE: [RegExp, NonNullable<Facts['listingReason']>][] = [
  [/(?<!邮寄|通信|网店|网站|邮箱)(?:住所|地址|经营场所)(?:那条|那个|这条|那次)/, 'unreachable_at_address'],
  [/年报(?:那条|那个|这条|那次)/, 'annual_report_overdue'],
];

/**
 * The cause of a listing told of (a removed one, past-listing.ts): stated as a cause, or pointed at
 * by it (「地址那条上个月已经移出来了」), which alone would be too loose to read as a cause.
 */
export function causeOfToldListing(s: string): Facts['listingReason'] {
  return listingReason(s)?.value ?? POINTED_CAUSE.find(([re]) => re.test(s))?.[1];
}
