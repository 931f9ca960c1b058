// Facts from free Chinese text. Precision first: a fact is only reported when the wording states it.
// The statements are small named rules (rules/*.ts) read through one scope (rules/scope.ts: questions
// "会被列入吗", negations "并没有重复出错", hedges "好像", hearsay); what remains here is the listing
// reader, the done/not-done slots and the named derivations between facts.
import type { FactName, Facts } from '../../rules/types.ts';
import { alt, anyOf, factLexicon } from './fact-lexicon.ts';
import { type Clause, clauses } from './normalize.ts';
import { FIRST_PERSON } from './rules/cues.ts';
import { factRuleSet } from './rules/index.ts';
import { runRules } from './rules/pattern-rule.ts';
import { clauseAt, scopeOf, statedAt } from './rules/scope.ts';
import { resolveYear, YEAR_SRC } from './years.ts';

export interface Extracted {
  facts: Facts;
  hedged: FactName[];
  /** what the wording does beside stating facts, for the intent features (e.g. asks whether listed) */
  signals: string[];
}

type Value = Facts[FactName];
interface Hit {
  fact: FactName;
  value: Value;
  pos: number;
}

/** A clause's own characters (no clause punctuation). */
const IN_CLAUSE = '[^，,。;；!?！？]';

const NEG_BEFORE = /(?:没有?|未|还没有?|并没有?|尚未|从没|从来没有?)(?:被)?$/;
const QUESTION_BEFORE =
  /会|是否|有没有|是不是|在不$|能否|避免|以免|防止|担心|怕|如果|要是|万一|怎么知道|(?<![检抽核审调巡排])查(?![了到出过])/;

// Field → the error kind its misstatement belongs to (DOMAIN.md §2.3), checked in this order.
const ERROR_CUE = alt([...factLexicon().errorCues.words, ...factLexicon().errorCues.otherPerson]);
const FALSE_WORDS = factLexicon().falseInfo;
/** 「虚假」「弄虚作假」, 「从业人数填的假的」「填了假数据」, 「假的信息」: information told as false */
const FALSE_INFO = new RegExp(
  `${alt(FALSE_WORDS.words)}|${alt(FALSE_WORDS.fillVerbs)}${alt(FALSE_WORDS.fillLinks)}?${alt(FALSE_WORDS.fake)}|假(?:的)?(?:数据|信息|材料|年报)`,
);
const GAP = '[^，,。;；!?！？]{0,12}?';
const ERROR_KIND_RULES: [Facts['errorKind'], RegExp][] = [
  [
    'branch_zero_financials',
    /(?:财务|营业收入|营收|资产|利润|数据|报表)[^，,。;；]{0,8}?(?:(?:填|报|写)(?:的|了|成|为)?(?:是)?|(?:都|全|全部)(?:是|为))(?:0|零)(?!点)/,
  ],
  [
    'decimal_or_unit',
    /小数点|万元[^，,。;；]{0,6}?元|(?<!万)元[^，,。;；]{0,6}?万元|单位[^，,。;；]{0,4}?(?:错|搞|弄|填|写)|(?:多|少)(?:填|写|打)了?(?:一?个|几个)?(?:0|零)/,
  ],
  [
    'license_info_late',
    anyOf([
      /许可[^。;；]{0,24}?(?:没有?|未|忘了?|忘记)[^，,。;；]{0,12}?公示/,
      /(?:超过|超出|过了)[^。;；]{0,8}?(?:20|二十)多?个?工作日[^。;；]{0,8}?(?:没有?|未|才)[^。;；]{0,6}?公示/,
      /许可[^。;；]{0,20}?(?:过了|超过)[^。;；]{0,10}?才[^。;；]{0,10}?公示/,
      /许可[^。;；]{0,24}?(?:个多?月|周|星期|天)[^。;；]{0,4}?才[^。;；]{0,6}?公示/,
      /许可[^。;；]{0,24}?(?:晚|迟|延迟|推迟|滞后|拖)了?(?:几天|一段时间)?公示/,
      /许可[^。;；]{0,24}?公示(?:得)?(?:晚|迟|滞后)了/,
    ]),
  ],
  ['party_building_info', new RegExp(`(?:党建|党员|党组织)${GAP}${ERROR_CUE}`)],
  [
    'website_or_shop',
    new RegExp(
      `(?:网站|网址|网店|微店|小程序|网页|链接|域名|url|网络店铺|(?:网上|线上)店铺的?(?:名称|名字)?|店铺名称?|店铺网址|店名|小店名)(?:${GAP}${ERROR_CUE}|[^，,。;；]{0,6}?(?:换了|变了|改了|打不开|失效|过期了|停用))`,
    ),
  ],
  [
    'contact_info',
    new RegExp(
      `(?:电话|手机号|邮政编码|邮编|邮箱|电子邮件|email|e-mail|联系方式|传真)(?:${GAP}${ERROR_CUE}|[^，,。;；]{0,4}?(?:变了|换了|改了)[^，,。;；]{0,2}?(?:没|未|还没)(?:有)?(?:改|更新|变更|公示|同步))`,
    ),
  ],
  [
    'other',
    new RegExp(`(?:从业人数|员工人数|经营范围|股东|出资|注册资本|成立日期|社保人数)${GAP}${ERROR_CUE}`),
  ],
];

const FIELD_OF_KIND: [Facts['errorKind'], RegExp][] = [
  ['party_building_info', /党建|党员|党组织/],
  ['website_or_shop', /网站|网址|网店|网络店铺|店铺网址|域名/],
  ['contact_info', /电话|手机号|邮政编码|邮编|邮箱|电子邮件|联系方式/],
];

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
const LISTING = [
  /(?:被|给|遭)[^，,。;；]{0,8}?(?:列|拉|标|弄|纳入|打入|挂|放|搞|划|归|整)(?=入|进|到|为|异|了|黑|记|注|在|上|经|异常|名录|成)/g,
  // "因未年报列入经营异常名录": a listing told by its cause needs no 被
  /(?<=(?:因为|因|由于)[^，,。;；]{1,16}?)(?<!被)(?:列入|列进|列为|纳入)(?=[^，,。;；]{0,4}?(?:异常|名录|黑名单))/g,
  // "二零二三年列入异常": a listing dated by its year is told, not asked
  new RegExp(`(?<=${YEAR_SRC}(?:就|已经?)?)(?:列入|列进|列为|纳入)(?=[^，,。;；]{0,4}?(?:异常|名录))`, 'g'),
  // "没年报进了异常"
  /(?:进了|上了|进入了|掉进了?|进到了)(?:经营)?(?=异常|名录|黑名单)/g,
  /(?<!不)(?:是|处于|成了|变成了?)(?:经营)?异常(?:状态)/g,
  /(?:显示|状态是|状态为|状态显示)(?:为|是|成)?(?:经营)?异常/g,
  // "把公司从异常名录里弄出来" presupposes the listing
  /把[^，,。;；]{0,8}?从[^，,。;；]{0,4}?(?:经营异常|异常名录|异常状态|名录)/g,
  // "还没列入异常": the negation is read from what comes before
  /(?<=(?:没有?|未|尚未)被?)列(?:入|进)?(?=[^，,。;；]{0,3}?(?:异常|名录|黑名单))/g,
  /(?:已经?)(?:列入|列进|被列|标记)/g,
  // "20年被列的", "还没被列，要不要紧"
  /(?:被|遭)列(?=的|过|[，,。;；!?！？]|$)/g,
  /(?:进了|上了|进入了?|进|上|在)(?:经营)?(?:异常名录|异常名单|异常状态|黑名单)/g,
  /(?:列入|列进)[^，,。;；]{0,6}?(?:异常|名录|黑名单)[^，,。;；]{0,4}?了/g,
  // "没找到人，就列了异常": a listing told as what followed
  /(?<=(?:就|结果|然后|于是|所以|才|便)(?:给|把我们?)?)列(?:入|进)?了(?=(?:经营)?(?:异常|名录))/g,
  // "没年报被异常"
  /被(?:经营)?异常(?!名录)/g,
];
/** 严重违法失信名单 (not a court's 失信被执行人 list, which is out of scope) */
export const SERIOUS_LIST = /严重(?:违法)?失信|严重违法(?:名单|黑名单)|失信(?:黑)?名单/;
/** "会列入异常吗" without 被 only asks: it never states the user is not listed by itself */
const LISTING_ASKED = /(?<=会(?:不会)?被?)列(?:入|进)?(?=[^，,。;；]{0,3}?(?:异常|名录)|吗|么|[?？]|$)/g;
const AVOID_BEFORE = /(?:不想|不要|不愿意?|不|别)$/;

function listingHits(s: string, cls: Clause[]): ListingHit[] {
  const firstPerson = FIRST_PERSON.test(s);
  const hits: ListingHit[] = [];
  for (const re of LISTING) {
    re.lastIndex = 0;
    for (const m of s.matchAll(re)) {
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
      // "还在异常名录上吗": the listing itself is what is asked
      // "被列入异常的话怎么办": a supposition states nothing and asks nothing about the status
      if (/^[^，,。;；]{0,6}?的话/.test(after)) continue;
      // "不想被列异常", "有啥办法不被列": a listing to avoid has not happened
      if (/^[被列]/.test(m[0]) && AVOID_BEFORE.test(before)) {
        hits.push({ value: firstPerson ? false : 'asked', pos, clause });
        continue;
      }
      const asking =
        QUESTION_BEFORE.test(before) ||
        /^[上里中内]?了?(?:吗|么|没有?|\?)/.test(after) ||
        // "被列入经营异常名录了吗" asks about the listing; "被列入异常还能贷款吗" presupposes it
        (/^[^能会怎影可要还]{0,10}?了?(?:吗|么|没有?|\?)$/.test(after) && !/了[^吗么?]/.test(after));
      if (!asking && (NEG_BEFORE.test(before) || /^(?:没|未)/.test(tail)))
        hits.push({ value: false, pos, clause });
      else if (asking) {
        // "我们…会被列入吗": asking whether they will be listed means they are not yet
        const future = /会/.test(before);
        hits.push({ value: future ? (firstPerson ? 'asked-self' : 'asked') : 'asked-now', pos, clause });
      } else hits.push({ value: true, pos, clause });
    }
  }
  LISTING_ASKED.lastIndex = 0;
  for (const m of s.matchAll(LISTING_ASKED)) {
    const pos = m.index ?? 0;
    const clause = clauseAt(cls, pos);
    if (clause && !hits.some((h) => h.clause === clause)) hits.push({ value: 'asked', pos, clause });
  }
  return hits;
}

/** Verbs of being put on the list (「被列入」, 「给弄进异常名录」, 「被搞成经营异常」 …), from the lexicon. */
const LISTING_VERB = alt(factLexicon().listingVerbs.words);
/** A calendar year as a listing year ("2021年", "21年"), not a report year ("21年度", "21年的"). */
const CAL_YEAR = '((?<!\\d)(?:19|20)\\d{2}年?|(?<!\\d)\\d{2}年)(?![的度年\\d])';
/** 没报年报 / 年报逾期: the annual report not filed, told as the cause. */
const REPORT_UNFILED =
  '(?:(?:没有?|未)(?:按时|按期|及时)?(?:报送?|交|申报|公示)?(?:年报|年度报告)|(?:年报|年度报告)(?:逾期|没报|未报|没交|未交|晚报|迟报)(?:未报)?)';
/** …then put on the list, in the same clause or right after a comma. */
const THEN_LISTED = `[^，,。;；]{0,4}?[，,]?(?:被|给|就)?${LISTING_VERB}`;

const LISTED_YEAR = new RegExp(
  `(${YEAR_SRC})(?:起|开始|以来)?[^，,。;；!?！？报没未交缴填补]{0,8}?(?:(?:因为|由于|因)[^，,。;；]{0,12}?)?(?:被|给|就|已经?|又)?[^，,。;；]{0,2}?${LISTING_VERB}`,
  'g',
);

/**
 * "2022年没报年报被列了": a calendar year dates the events of the story, so it is the listing year.
 * A relative year before 年报 ("去年没报年报") usually names the report ("去年的年报"), whose listing
 * follows a year later (see REPORT_YEAR_LISTED).
 */
/** "…被列了异常，2021年的事": the year of the story told just before. */
const LISTED_YEAR_EVENT = new RegExp(
  `(?:(${YEAR_SRC})(?:的事|那次|那会儿?|那时候?))|(?:列入|列进去?|列进来|被列|标记|列异常|列上)的?(?:时间|日期|时候|年份)(?:是|为|在)?(${YEAR_SRC})`,
  'g',
);

const LISTED_YEAR_AFTER_REASON = new RegExp(
  `${CAL_YEAR}[^，,。;；!?！？报没未]{0,6}?${REPORT_UNFILED}${THEN_LISTED}`,
  'g',
);

/** Any calendar year, captured; a relative one names the report only with 的/度 (「去年的年报」, not 「去年年报没报」, which may date the event). */
const CAL_YEAR_ANY = '((?<!\\d)(?:19|20)\\d{2}年?|(?<!\\d)\\d{2}年)';
const RELATIVE_YEAR = '大前年|前年|去年';
let reportYearRe: RegExp | undefined;
/**
 * reportYearListed: 「21年年报冇报 被列入异常」「2021年度的年报没报被列了」 name the REPORT's year; that
 * report was due by 30 June of the next year (企业信息公示暂行条例 第八条), so the listing for it
 * is in the year after. Returns the listing year.
 */
function reportYearListed(s: string, now: Date): { year: number; pos: number } | undefined {
  const r = factLexicon().reportYearListing;
  reportYearRe ??= new RegExp(
    `(?:${CAL_YEAR_ANY}(?:度)?的?|(${RELATIVE_YEAR})(?:度的?|的))${alt(r.reportNouns)}${IN_CLAUSE}{0,3}?${alt(r.unfiled)}${THEN_LISTED}`,
  );
  const m = reportYearRe.exec(s);
  const year = m ? resolveYear(m[1] ?? m[2] ?? '', now) : undefined;
  if (!m || year === undefined || year + 1 > now.getFullYear()) return undefined;
  return { year: year + 1, pos: m.index };
}

// Instant information (企业信息公示暂行条例 art.10) by what it is about
const INSTANT_INFO =
  '(?:行政处罚|股权(?:变更|转让|出质)|股东(?:变更|出资|认缴|实缴)|出资|知识产权出质|行政许可)';

function listingReason(s: string): { value: Facts['listingReason']; pos: number } | undefined {
  const cues: [Facts['listingReason'], RegExp][] = [
    ['false_public_info', FALSE_INFO],
    [
      'instant_info_not_published',
      new RegExp(`即时信息|${INSTANT_INFO}(?:信息)?[^。;；]{0,14}?(?:没有?|未|逾期)[^。;；]{0,10}?公示`),
    ],
    [
      'name_change_not_registered',
      /(?:名称|名字|改名|更名|改了名)[^。;；]{0,20}?(?:没有?|未)(?:去)?(?:办|做|登记|变更)/,
    ],
    [
      'unreachable_at_address',
      anyOf([
        /(?:住所|地址|经营场所|注册地|登记地|(?:登记|注册)的(?:地方|地点))[^，,。;；]{0,8}?(?:联系不上|无法(?:取得)?联系|不能(?:取得)?联系|联系不到|没有?联系[上到]|找不到|没有?找到人|失联|查无|没人|没有人|人不在)/,
        /(?:联系不上|无法(?:取得)?联系|联系不到|没有?找到人)[^，,。;；]{0,4}?(?:被|列)/,
        /(?:联系不上|无法(?:取得)?联系|联系不到|没有?找到人)[，,](?:就|所以|然后|结果|于是)?(?:被|给)?列/,
        /(?:住所|地址|经营场所)异常/,
        /(?:没|没有)(?:找到|找着|联系上|联系到)我们?/,
        /找不到我们?/,
      ]),
    ],
    [
      'annual_report_overdue',
      anyOf([
        /(?:没有?|未|忘了?|忘记|漏|不)(?:去)?(?:按时|按期|及时|如期|按规定|依法|按要求)?(?:报送?|交|申报|公示|填报|提交|上报|递交|搞|弄|做|办)?(?:年报|年度报告)/,
        /(?:年报|年度报告)[^，,。;；补]{0,3}?(?:没有?|未|逾期|忘|迟|漏|晚)(?:按时|按期|及时)?(?:报|交|公示)?/,
        /年报逾期/,
        /(?:因为|因|由于)年报/,
        /年报的?(?:问题|事|原因)/,
        /(?:没有?|未)(?:顾上|顾得上|来得及|空|时间|精力|心思|人)(?:去)?(?:报送?|交|申报|公示|填报|弄|搞|做|管)?(?:年报|年度报告)/,
      ]),
    ],
  ];
  for (const [value, re] of cues) {
    for (const m of s.matchAll(new RegExp(re.source, 'g'))) {
      if (!NEGATED_CAUSE.test(s.slice(Math.max(0, m.index - 4), m.index))) return { value, pos: m.index };
    }
  }
  const other = /(?:别的|其他|其它)(?:的)?(?:原因|事情?|问题)/.exec(s);
  return other ? { value: 'other', pos: other.index } : undefined;
}
/** "不是年报的事", "并非因为地址": a cause denied */
const NEGATED_CAUSE = /(?:不是|并非|并不是|跟)(?:因为|由于)?$/;

function errorKind(s: string): { value: Facts['errorKind']; pos: number } | undefined {
  for (const [value, re] of ERROR_KIND_RULES) {
    const m = re.exec(s);
    if (!m) continue;
    if (value === 'branch_zero_financials' && !/分公司|分支|上级|总公司|母公司|总部/.test(s)) continue;
    return { value, pos: m.index };
  }
  // "年报里的电话是前台座机，后来换号了没更新，被抽查发现不一致": the field and the mismatch told in
  // different clauses of one sentence about the published report
  if (!/年报|公示|抽查|检查/.test(s)) return undefined;
  // "责令改正的期限过了，年报里的电子邮箱还没改过来": a field ordered corrected is in error
  const cue = /责令|整改|改正|期限|提醒/.test(s)
    ? `(?:${ERROR_CUE}|(?:还没有?|没有?)(?:改|更正))`
    : ERROR_CUE;
  for (const [value, field] of FIELD_OF_KIND) {
    const m = field.exec(s);
    if (m && new RegExp(`^[^。;；!?！？]{0,30}?${cue}`).test(s.slice(m.index + m[0].length)))
      return { value, pos: m.index };
  }
  return undefined;
}

// 说明 needs a verb that asks for writing, so "除了申请书还要啥" stays a documents question
const DRAFT_VERB =
  /写|生成|起草|拟|出(?:个|一份|一个|份)|需要(?:一个|一份)(?=[^吗?]*$)|(?:做|弄|搞|整|准备)(?:个|一份|一个|份)|模板|范本|范文|样本|样板|导出|下载|填一下|帮我填|帮忙填|弄一份|来一份|要一份|给我一份/;
const DOC_TERMS: [NonNullable<Facts['docType']>, RegExp][] = [
  ['minor-error-application', /(?:免列异|轻微差错|免列)(?:的)?(?:书面)?申请(?:书)?|书面申请/],
  ['situation-explanation', /情况说明|说明书|说明材料/],
  ['commitment', /承诺书|守信承诺|信用承诺书/],
  ['application', /申请书|修复申请|移出申请|申请(?!材料)/],
];

/** "申请书怎么写", "要写什么申请": asking how to write one, unless a request to write it follows */
const HOW_TO_WRITE = /(?:怎么|怎样|如何|咋)写|写(?:什么|啥)/g;

function docType(s: string): Facts['docType'] | undefined {
  if (!DRAFT_VERB.test(s.replace(HOW_TO_WRITE, ''))) return undefined;
  let rest = s;
  let best: { value: NonNullable<Facts['docType']>; pos: number } | undefined;
  for (const [value, re] of DOC_TERMS) {
    const m = re.exec(rest);
    if (!m) continue;
    if (!best || m.index < best.pos) best = { value, pos: m.index };
    // blank out the span so "免列异申请" is not counted again as a plain application
    rest = rest.slice(0, m.index) + '\u0000'.repeat(m[0].length) + rest.slice(m.index + m[0].length);
  }
  return best?.value;
}

// every overdue year filed: "现在已经全部补报了"; "后面几年的也都没报"
const ALL_FILED: [boolean, RegExp][] = [
  [true, /(?:全部|全都|统统|都已经?|都)(?:补报|补交|补齐|补上|补完|补|报|交)(?:了|完|齐|上|好)/g],
  [
    false,
    /(?:几年|后面|之后|其他|其余|剩下)的?(?:年报|年度报告)?(?:也|都|还|一直){0,3}(?:没有?|未)(?:报|补|交)/g,
  ],
];

const NOT_YET_AFTER_LISTING =
  /(?<!改|办|登记|公示|更正)(?:没有?|未|没去)(?:去)?(?:(?:办理?|做)(?:登记|变更)|登记|变更|改|更正|改正|纠正|公示)(?!期|的)/g;

const REPORTS_STILL_MISSING =
  /(?:年报|年度报告)(?:也|都|还|一直|至今|到现在|从来){1,3}(?:没有?|未)(?:报|弄|交|补|搞|整|做)/;
const NAME_CHANGE = /改名|更名|名称变更|名字改|改了名|名称改|名字变|换了名/;
const REMOVAL_ASK = /移出|移除|消除|弄掉|弄出来|搞出来|解除异常|恢复正常/;

const CORRECTABLE = new Set<Facts['listingReason']>([
  'false_public_info',
  'instant_info_not_published',
  'name_change_not_registered',
]);

const NOT_REACHABLE_THERE =
  /(?:注册|登记|原|原来)的?(?:地址|住所|场所|经营场所)[^，,。;；]{0,4}?(?:也|都|还|仍然?)?(?:联系不[到上]|找不到|联系不了)|(?:回不去|不回)(?:原来|原先|以前|原)?(?:的|那个)?(?:地方|地址|住所|场所)|(?:还没有?|没有?|未)(?:搬|迁|住)回(?:去|来|原|注册|登记)/;
const STILL_THERE =
  /(?:还|仍然?|一直|都)(?:是|都)?在(?:原|注册|登记|原来)的?(?:地址|住所|场所|地方|那里|那儿)|(?:现在|已经|又)(?:能|可以)(?:联系|找)(?:到|上|得到)了/;
const BARE_UNREACHABLE = /^(?:也|都|就|现在|完全|根本|彻底|已经|基本)*(?:联系不上|联系不到|找不到我们?)了?$/;
const BARE_REACHABLE =
  /^(?:人|我们?|老板)?(?:也|都|还|一直|随时)*(?:能|可以)?(?:联系得?[上到]|找得?到人?)(?:我们?|人)?(?:的|了)?$|^(?:电话|手机)号?码?(?:也|都|一直)*(?:没有?(?:变|换|停)|开着|通着|能打通|打得通)(?:的|了)?$/;
const ADDRESS_STORY = /住所|地址|经营场所|搬|迁/;
const BARE_CHANGE_TRIGGER =
  /(?<=^|[，,。;；!?！？ ])(?:变更|迁移)(?:登记|手续)?(?=[^，,。;；]{0,6}?(?:还|没|未|已|办|好|完|了))/g;
const ADDRESS_WORDS = /地址|住所|场所|搬|迁|址|门面|店面|门店|厂房/;
// "他们上没上异常名录": the listing itself is asked in an A-not-A question
const LISTING_A_NOT_A =
  /(?:上没上|进没进|列没列|有没有上|有没有进|是不是上了|在不在)[^，,。;；]{0,4}?(?:异常|名录|黑名单)/;
const DOC_MENTION = /申请书|承诺书|情况说明|书面申请/;
/** "用于移出经营异常名录": the purpose of a document asked for, not the user's own removal */
const PURPOSE_BEFORE = /(?:用于|用来|用在|为了|以便)[^，,。;；]{0,4}$/;
/** "帮我拟一份…": the user as the one helped, which says nothing about their business */
const HELP_ME = /[帮给替]我|帮忙/g;

// "Was it done?" read as a slot: a trigger names the task, the verbs around it in the same clause
// say done / not done / under way, whatever the exact wording (办好了, 搞定了, 已经去办了, 还在走流程).
const NOT_DONE_BEFORE = /(?:没有?|未|还没有?|尚未|没去|没来得及)(?:去)?(?:办理?|做|弄|搞)?$/;
const NOT_DONE_AFTER =
  /^[^，,。;；]{0,4}?(?:没有?|未|还没|尚未|没去|没来得及|正在|在走|还在(?:办|准备|弄|补|做|整理)|在准备|准备中|办理中|没下来|还是(?:老|旧|原来|以前)的)/;
const DONE_AFTER =
  /^[^，,。;；]{0,6}?(?:(?:已经?|都|早就?)(?:去|按要求|按提醒)?(?:办理?|弄|搞|做|跑|换|改|变更|迁|登记|完成)|(?:办|弄|搞|做|跑|换|改|变更|登记)(?:理)?(?:好|完|妥|完成|过来|成|定)|搞定|办结|下来了)/;
/** "已经补交", "补齐了", "我们已经补齐公示": a report filed */
const FILED_AFTER =
  /^[^，,。;；]{0,6}?(?:(?:已经?|都|早就?|也)(?:全部|全都|都|全)?(?:去|按要求)?(?:补报|补交|补齐|补上|补完|补|提交|交|上报|报送|报|公示)|(?:补报|补交|补|提交|交|上报|报送|报|公示|弄|搞|做)(?:好|完|齐|上|过|完成)|搞定)/;
/** A whole message that is only a cause: "因为没报年报", "是因为地址联系不上" */
const BARE_CAUSE = /^(?:就是|是|主要是|应该是)?(?:因为|由于|原因是)[^，,。;；?？吗么]{1,14}[。.!！]?$/;
/** "刚去交了纸质年报": the filing verb before the report it is about */
const FILED_BEFORE = /(?:补交|补报|补齐|补上|补|交|提交|上报|报送?)(?:好|完)?了$/;
/** "年报已经补交了" as a whole clause: which report depends on the business (enterprise: every one) */
const BARE_REPORT_FILED =
  /^[^，,。;；没未不\d年]{0,6}?(?:的)?(?:年报|年度报告)(?:已经?|都|也|刚刚?|今天|昨天|现在)*(?:去)?(?:补交|补报|补齐|补上|补|交|提交|上报|报送?|公示)(?:好|完|齐|上)?了$/;
const DONE_BEFORE =
  /(?:(?:已经?|都|也|早就?)(?:去|依法|按要求|按规定|及时|正式)?(?:办理?|完成|做|搞定|弄好|办好|办完)|完成|办好|办完|搞定|做好|做完)了?$/;

// the previous year's (paper) report, and every overdue one, as tasks done or not
const PREVIOUS_REPORT_TRIGGER =
  /(?:上一?个?年度?|去年|前一年|上年)的?(?:纸质|纸版|纸质版)?(?:年报|年度报告)|(?:上一?个?年度?|去年|前一年|上年)的?(?:纸质版?|纸版)|纸质(?:版)?(?:的)?(?:年报|年度报告)/g;
const ALL_REPORTS_TRIGGER =
  /(?:所有|全部|之前|以前|前几年|这几年|历年|往年|欠的|缺的|拖欠的|漏报的|漏掉的|没报的|欠报的|各年度?|每年|几年)的?[^，,。;；]{0,6}?(?:年报|年度报告)|(?:漏报|欠报|没报|缺报|拖欠|漏掉)的?(?:年度|年份|那几年|几年)|(?:欠|缺|漏)的?那?几(?:年|个年度)/g;

const ADDRESS_CHANGE_TRIGGER =
  /(?:住所|地址|经营场所|场所)的?(?:变更|迁移|迁址)(?:登记)?|(?:变更|迁移|迁址)登记|执照(?:上)?的?(?:地址|住所)|(?:注册|登记)的?(?:地址|住所)(?=[^，,。;；]{0,3}?(?:已|都|也|改|换|变更|还是))/g;

/** "去年三月补的", "早就交了" as the whole clause before the task it is about */
const DONE_BARE = /^[^，,。;；]{0,8}?(?:补报|补交|补|交|提交|报|公示|办)(?:的|了|好了|完了)$/;
const LISTED_NEXT = /^(?:就|所以|结果|然后|才|于是)?(?:被|给|遭)[^，,。;；]{0,6}?(?:列|标|弄|拉|纳入|搞)/;
const LISTED_AFTER = /(?:被|给|遭)[^，,。;；]{0,6}?(?:列|标|弄|拉|纳入|搞)|列入|列进/;

/** Each hit spans the rest of its clause: a hedge there ("变更好像办好了") covers it. */
function doneSlot(
  s: string,
  cls: Clause[],
  trigger: RegExp,
  done = DONE_AFTER,
  causeClauseSkips = false,
): { value: boolean; pos: number; len: number }[] {
  const out: { value: boolean; pos: number; len: number }[] = [];
  trigger.lastIndex = 0;
  for (const m of s.matchAll(trigger)) {
    const pos = m.index ?? 0;
    const c = clauseAt(cls, pos);
    if (!c) continue;
    const before = s.slice(Math.max(c.start, pos - 8), pos);
    const after = s.slice(pos + m[0].length, c.end);
    // "变更办好了吗" asks; "办好了能移出吗" states and then asks something else
    if (/[吗么?]|没有?$/.test(after) && !/能|可以|会|还|要/.test(after)) continue;
    const len = c.end - pos;
    const prev = cls[cls.indexOf(c) - 1];
    if (pos === c.start && /^的?$/.test(after.trim()) && prev && DONE_BARE.test(prev.text)) {
      out.push({ value: !/没|未/.test(prev.text), pos, len });
      continue;
    }
    if (NOT_DONE_BEFORE.test(before) || NOT_DONE_AFTER.test(after)) {
      // "之前年报没报被弄成异常了" tells why it was listed, not how the reports stand now
      const next = cls[cls.indexOf(c) + 1];
      if (causeClauseSkips && (LISTED_AFTER.test(after) || (next && LISTED_NEXT.test(next.text)))) continue;
      out.push({ value: false, pos, len });
    } else if (
      DONE_BEFORE.test(before) ||
      done.test(after) ||
      (done === FILED_AFTER && FILED_BEFORE.test(before) && !/没|未/.test(before))
    )
      out.push({ value: true, pos, len });
  }
  return out;
}

// information corrected / published / registered after a listing for it
const INFO_CORRECTED: [boolean, RegExp][] = [
  [
    true,
    anyOf(
      [
        /(?:已经?|都|也|现在|早就?)(?:把)?[^，,。;；没未]{0,6}?(?:补公示|公示|改正|更正|纠正|改过来|改好|改了|登记|变更)/,
        /(?:已经?|都|也)(?:去)?(?:补办|补登|办理|办好|办完)(?:了|好|完)?(?!吗)/,
        /(?:变更登记|登记|变更|公示|更正|改正)[^，,。;；]{0,2}?(?:办|做|弄)?(?:好|完)了/,
        /(?:变更登记|登记|变更)(?:已经?|都|也)(?:办|做|弄)(?:好|完)?了/,
        /(?:已经?)?整改(?:好|完)了/,
        /已经?整改(?:好|完)?/,
      ],
      'g',
    ),
  ],
  // only the present state: "改名了没去登记，被列入" tells why it was listed, "还没去办" how it stands
  [
    false,
    /(?:还没有?|还未|尚未|仍未|至今没有?|现在还?没有?)(?:去)?(?:(?:办理?|做|弄)(?:登记|变更)?|登记|变更|改|更正|改正|纠正|公示|补(?:充)?(?:公示|登记|办)?)(?!期|的)/g,
  ],
];

// minor-error story: "已经改好了", "提醒了还没来得及改"
const FIXED_NOW: [boolean, RegExp][] = [
  [
    true,
    /(?:已经?|都|马上|立即|立刻|当天就?|当场|及时|随即)(?:就)?(?:按要求|按提醒)?(?:改正|改了|改好|改过来|更正|修改|纠正|补上|补正|修正|整改|更改|订正)/g,
  ],
  [false, /(?:还没有?|没来得及|尚未)(?:来得及|顾上|顾得上|空)?(?:去)?(?:改|更正|修改|纠正)/g],
];
/** "已经改好了", "改过来了", "还没改呢" on their own, as an answer about the error */
const SHORT_FIX_ANSWER =
  /^(?:已经?|都|早就?)?(?:改|更正|改正)(?:好|正|过来|完)?了?$|^(?:还没有?|没有?|没来得及)(?:改|更正)(?:呢|好)?$/;
const ERROR_STORY = /错|不一致|不符|有误|不对|对不上|不一样|差错/;

function lastHit(s: string, rules: [boolean, RegExp][], ok: (pos: number) => boolean) {
  let best: { value: boolean; pos: number } | undefined;
  for (const [value, re] of rules) {
    re.lastIndex = 0;
    for (const m of s.matchAll(re)) {
      const pos = m.index ?? 0;
      if (ok(pos) && (!best || pos >= best.pos)) best = { value, pos };
    }
  }
  return best;
}

/** What a derivation reads and writes: the text, the first-pass facts and the one way to add a fact. */
interface Derive {
  s: string;
  now: Date;
  cls: Clause[];
  facts: Facts;
  signals: string[];
  /** where the text states the listing (undefined: it does not) */
  listedPos: number | undefined;
  /** the user asked whether their own business would be listed */
  askedSelf: boolean;
  /** adds a derived fact unless a more direct statement gave it; a hedged clause makes it hedged */
  set: (fact: FactName, value: Value | undefined, pos: number) => void;
  hedgedClause: (pos: number) => boolean;
}

/**
 * The inferences between facts, named and applied in this order after the statements are read (a
 * later one may rely on an earlier one's fact). Each says why it holds; the corpus lines of the
 * facts they set test them.
 */
const DERIVATIONS: { name: string; run: (d: Derive) => void }[] = [
  {
    // "我们是有限公司…异常名录移出要怎么操作": asking to get one's own business off the list presupposes it
    name: 'removalAskPresupposesListing',
    run: ({ s, facts, set }) => {
      if (facts.listed !== undefined) return;
      const removal = REMOVAL_ASK.exec(s);
      if (
        removal &&
        /异常|名录/.test(s) &&
        !PURPOSE_BEFORE.test(s.slice(0, removal.index)) &&
        (FIRST_PERSON.test(s.replace(HELP_ME, '')) ||
          facts.entityType !== undefined ||
          listingReason(s) ||
          facts.allOverdueReportsFiled !== undefined ||
          facts.previousYearReportFiled !== undefined) &&
        !/如果|假如|万一|要是|的(?:企业|公司|个体户|合作社|商户)/.test(s)
      )
        set('listed', true, removal.index);
    },
  },
  {
    // a listing told with its cause: the cause is the listing reason
    name: 'listingReasonOfListing',
    run: ({ s, facts, set }) => {
      if (facts.listed !== true) return;
      const reason = listingReason(s);
      if (reason) set('listingReason', reason.value, reason.pos);
    },
  },
  {
    // "2022年没报年报被列了", "…被列了异常，2021年的事": the year of the listing story
    name: 'listedYearOfStory',
    run: ({ s, now, facts, set }) => {
      if (facts.listed !== true) return;
      for (const re of [LISTED_YEAR, LISTED_YEAR_AFTER_REASON, LISTED_YEAR_EVENT]) {
        re.lastIndex = 0;
        for (const m of s.matchAll(re)) set('listedYear', resolveYear(m[1] ?? m[2] ?? '', now), m.index ?? 0);
      }
      const byReport = reportYearListed(s, now);
      if (byReport) set('listedYear', byReport.year, byReport.pos);
    },
  },
  {
    // "已经补公示了", "还没去办变更" from someone listed for false, unpublished or unregistered information
    name: 'infoCorrectedAfterListing',
    run: ({ s, facts, set, hedgedClause, listedPos }) => {
      if (facts.listed !== true) return;
      const reason = listingReason(s);
      if (!reason || !CORRECTABLE.has(reason.value)) return;
      const c =
        lastHit(s, INFO_CORRECTED, (pos) => !hedgedClause(pos)) ??
        lastHit(s, [[false, NOT_YET_AFTER_LISTING]], (pos) => listedPos !== undefined && pos > listedPos);
      if (c) set('infoCorrected', c.value, c.pos);
    },
  },
  {
    // "年报一直没弄": every report is still missing, the previous year's too
    name: 'reportsStillMissing',
    run: ({ s, facts, set }) => {
      if (facts.listed !== true || facts.listingReason !== 'annual_report_overdue') return;
      const still = REPORTS_STILL_MISSING.exec(s);
      if (!still) return;
      if (facts.entityType === 'enterprise') set('allOverdueReportsFiled', false, still.index);
      else if (facts.entityType) set('previousYearReportFiled', false, still.index);
    },
  },
  {
    // listed after moving without registering it: the listing is for being unreachable there
    name: 'movedUnregisteredIsUnreachable',
    run: ({ s, facts, set }) => {
      if (facts.listed !== true || listingReason(s)) return;
      if (
        facts.addressChangeRegistered !== true &&
        (facts.addressChangeRegistered === false ||
          facts.reachableAtRegisteredAddress !== undefined ||
          facts.operatingAtRegisteredAddress === false)
      )
        set('listingReason', 'unreachable_at_address', 0);
    },
  },
  {
    // listed for unfiled reports: "全部补齐了" / "后面几年的也没报" tell every overdue year
    name: 'allReportsAfterListing',
    run: ({ s, facts, set, hedgedClause }) => {
      if (facts.listed !== true || facts.listingReason !== 'annual_report_overdue') return;
      const all = lastHit(s, ALL_FILED, (pos) => !hedgedClause(pos));
      if (all) set('allOverdueReportsFiled', all.value, all.pos);
    },
  },
  {
    // "因为没报年报" told on its own: the cause of the listing already talked about
    name: 'bareCauseIsListingReason',
    run: ({ s, facts, set }) => {
      if (facts.listed !== undefined || facts.listingReason !== undefined || !BARE_CAUSE.test(s)) return;
      const reason = listingReason(s);
      if (reason) set('listingReason', reason.value, reason.pos);
    },
  },
  {
    // "年报已经补交了" told on its own (after being told what is missing): an enterprise must file every
    // overdue report, other businesses the previous year's paper one
    name: 'bareReportFiledByEntity',
    run: ({ facts, cls, set }) => {
      if (facts.previousYearReportFiled !== undefined || facts.allOverdueReportsFiled !== undefined) return;
      const c = cls.find((x) => BARE_REPORT_FILED.test(x.text));
      if (c)
        set(
          facts.entityType === 'enterprise' ? 'allOverdueReportsFiled' : 'previousYearReportFiled',
          true,
          c.start,
        );
    },
  },
  {
    // "公司改名了没去登记，还没办": not listed (yet), the name change is still to be registered
    name: 'nameChangeCorrected',
    run: ({ s, facts, set, hedgedClause }) => {
      if (facts.listed === true || !NAME_CHANGE.test(s)) return;
      const c = lastHit(s, INFO_CORRECTED, (pos) => !hedgedClause(pos));
      if (c) set('infoCorrected', c.value, c.pos);
    },
  },
  {
    // a registered change moves the registered address too: "搬了，变更也办好了" is at the new one
    name: 'registeredMoveIsAtAddress',
    run: ({ s, facts }) => {
      if (
        facts.addressChangeRegistered === true &&
        facts.operatingAtRegisteredAddress === false &&
        !/(?:不在|没在)[^，,。;；]{0,8}?(?:那|经营|办公|营业)|不在(?:注册|登记|执照|原)/.test(s)
      )
        delete facts.operatingAtRegisteredAddress;
    },
  },
  {
    // after a listing, a later clause "原注册地址也联系不到我们" tells how it stands now, not why it was
    // listed; "其实我们还在原地址，现在可以联系到了" after a listing for being unreachable there is
    // reachable there (README: back at the address → reachable only)
    name: 'reachableThereAfterListing',
    run: ({ facts, cls, set, listedPos }) => {
      if (
        facts.listed !== true ||
        listedPos === undefined ||
        facts.reachableAtRegisteredAddress !== undefined
      )
        return;
      for (const c of cls) {
        if (c.start <= listedPos || /被|列|因为|由于|原因|理由|说是/.test(c.text)) continue;
        const m = NOT_REACHABLE_THERE.exec(c.text);
        if (m) set('reachableAtRegisteredAddress', false, c.start + m.index);
      }
      if (facts.listingReason !== 'unreachable_at_address') return;
      const back = cls.find((c) => c.start > listedPos && STILL_THERE.test(c.text));
      if (back) {
        facts.reachableAtRegisteredAddress = true;
        if (facts.operatingAtRegisteredAddress === true) delete facts.operatingAtRegisteredAddress;
      }
    },
  },
  {
    // "搬了，电话也换了，联系不上": in a move told by someone not listed, a bare "联系不上" is about them;
    // "能联系上", "手机号没变" said after the move are about reaching the user elsewhere
    name: 'bareReachAfterMove',
    run: ({ facts, cls, set }) => {
      if (
        facts.listed === true ||
        facts.operatingAtRegisteredAddress !== false ||
        facts.reachableByOtherMeans !== undefined
      )
        return;
      const c = cls.find((x) => BARE_UNREACHABLE.test(x.text));
      if (c) set('reachableByOtherMeans', false, c.start);
      const r = cls.find((x) => BARE_REACHABLE.test(x.text));
      if (r) set('reachableByOtherMeans', true, r.start);
    },
  },
  {
    // "搬了…会不会被列入" from someone describing their own move: not listed yet
    name: 'movedAndAskingIsNotListed',
    run: ({ facts, signals, set }) => {
      if (
        facts.listed === undefined &&
        facts.operatingAtRegisteredAddress === false &&
        signals.includes('S:listing-asked')
      )
        set('listed', false, 0);
    },
  },
  {
    // "改了名字没去做变更登记" is about the name, not the address
    name: 'changeWithoutAddressIsNotAddress',
    run: ({ s, facts }) => {
      if (facts.addressChangeRegistered !== undefined && !ADDRESS_WORDS.test(s))
        delete facts.addressChangeRegistered;
    },
  },
  {
    // a listing told with its cause ("因为行政许可信息没公示被列进异常") is not a minor error to exempt
    name: 'errorKindUnlessListedForIt',
    run: ({ s, facts, set }) => {
      const kind = facts.listed === true && facts.listingReason ? undefined : errorKind(s);
      if (kind) set('errorKind', kind.value, kind.pos);
    },
  },
  {
    // "已经改好了", "提醒了还没来得及改" in a minor-error story; a missed deadline can only leave it
    // uncorrected ("过了整改期限还没改"), never corrected in time
    name: 'fixedNowInErrorStory',
    run: ({ s, facts, set, hedgedClause }) => {
      if (facts.listed === true || !(facts.errorKind || ERROR_STORY.test(s) || SHORT_FIX_ANSWER.test(s)))
        return;
      const fixed = lastHit(s, FIXED_NOW, (pos) => !hedgedClause(pos));
      if (fixed && !(fixed.value && facts.missedCorrectionDeadline))
        set('correctedAfterReminder', fixed.value, fixed.pos);
      else if (SHORT_FIX_ANSWER.test(s)) set('correctedAfterReminder', true, 0);
    },
  },
  {
    // past the deadline and "没能改": not corrected after the reminder
    name: 'missedDeadlineNotCorrected',
    run: ({ s, facts, set }) => {
      if (
        facts.missedCorrectionDeadline === true &&
        facts.correctedAfterReminder === undefined &&
        /(?:没有?|未|还没有?)(?:能|来得及)?(?:改|更正|纠正|整改)(?![好完])/.test(s) &&
        !/才(?:改|更正|纠正|整改)|(?:已经?|现在)[^，,。;；没未]{0,4}?(?:改|更正|纠正|整改)/.test(s)
      )
        set('correctedAfterReminder', false, 0);
    },
  },
  {
    // a branch's zero financials are a branch's
    name: 'zeroFinancialsIsBranch',
    run: ({ facts }) => {
      if (facts.errorKind === 'branch_zero_financials') facts.isBranch ??= true;
    },
  },
  {
    // being unreachable at the registered address, or having moved, is not "查无下落"
    // ("在登记地址能找到" after such a listing is told as reachableAtRegisteredAddress instead)
    name: 'unreachableIsNotUnlocatable',
    run: ({ facts }) => {
      if (
        facts.locatable !== undefined &&
        (facts.listingReason === 'unreachable_at_address' ||
          facts.operatingAtRegisteredAddress === false ||
          facts.reachableAtRegisteredAddress !== undefined)
      )
        delete facts.locatable;
    },
  },
  {
    // a branch is part of an enterprise only when it is called 分公司
    name: 'branchCompanyIsEnterprise',
    run: ({ s, facts }) => {
      if (facts.isBranch && /分公司/.test(s)) facts.entityType ??= 'enterprise';
    },
  },
  {
    // "党建信息公示错了，我们会不会被列入": asking about a minor error is not being unlisted (d11), unlike
    // asking after a move (d05)
    name: 'errorQuestionIsNotUnlisted',
    run: ({ facts, askedSelf }) => {
      if (
        askedSelf &&
        facts.listed === false &&
        facts.errorKind &&
        facts.operatingAtRegisteredAddress !== false
      )
        delete facts.listed;
    },
  },
];

/** The derivations' names, in order (for tests and `ask`). */
export const DERIVATION_NAMES = DERIVATIONS.map((d) => d.name);

/** Extract facts from already-normalised text (see normalize.ts). */
export function extractFacts(s: string, now: Date, opts: { without?: string } = {}): Extracted {
  const cls = clauses(s);
  // a hedge covers what follows it in its clause ("合作社被列异常好像是因为年报": the type and the
  // listing are stated, the reason is not); hearsay states nothing (scope.ts)
  const scope = scopeOf(s, cls);
  const hedgedClause = (pos: number) => scope.hedgedAt(pos);
  const hits: Hit[] = [];
  const hedged = new Set<FactName>();
  const add = (fact: FactName, value: Value | undefined, pos: number, len = 1) => {
    if (value === undefined) return;
    const reading = statedAt(scope, pos, len, fact);
    if (reading === 'hedged') hedged.add(fact);
    else if (reading === 'stated') hits.push({ fact, value, pos });
  };
  for (const h of runRules(s, scope, factRuleSet())) {
    if (h.reading === 'hedged') hedged.add(h.fact);
    else hits.push({ fact: h.fact, value: h.value, pos: h.pos });
  }
  const signals: string[] = [];
  for (const h of doneSlot(s, cls, ADDRESS_CHANGE_TRIGGER))
    add('addressChangeRegistered', h.value, h.pos, h.len);
  // "因为住所联系不上被列异常了，变更还没办": a bare 变更 after an address story is the address change
  if (
    !hits.some((h) => h.fact === 'addressChangeRegistered') &&
    ADDRESS_STORY.test(s) &&
    !NAME_CHANGE.test(s)
  )
    for (const h of doneSlot(s, cls, BARE_CHANGE_TRIGGER))
      add('addressChangeRegistered', h.value, h.pos, h.len);
  for (const h of doneSlot(s, cls, PREVIOUS_REPORT_TRIGGER, FILED_AFTER, true))
    add('previousYearReportFiled', h.value, h.pos, h.len);
  for (const h of doneSlot(s, cls, ALL_REPORTS_TRIGGER, FILED_AFTER, true))
    add('allOverdueReportsFiled', h.value, h.pos, h.len);
  let askedSelf = false;
  for (const h of listingHits(s, cls)) {
    if (h.value === 'asked' || h.value === 'asked-now') signals.push(`S:listing-${h.value}`);
    else if (h.value === 'asked-self') {
      askedSelf = true;
      add('listed', false, h.pos, 2);
    } else add('listed', h.value, h.pos, 2);
  }
  if (LISTING_A_NOT_A.test(s)) signals.push('S:listing-asked-now');
  // a document named without a verb asking to write it is a question about it, not a draft request
  if (DOC_MENTION.test(s) && !DRAFT_VERB.test(s)) signals.push('S:doc-mentioned');

  const facts: Facts = {};
  // the later statement wins ("之前没补，现在补了"); for the entity type the first mention names the user
  const sorted = [...hits].sort((a, b) => a.pos - b.pos);
  for (const h of sorted) {
    if (h.fact === 'entityType' && facts.entityType) continue;
    (facts as Record<string, Value>)[h.fact] = h.value;
  }
  for (const name of Object.keys(facts) as FactName[]) hedged.delete(name);

  // facts derived after the first pass keep an earlier, more direct statement
  const set = (fact: FactName, value: Value | undefined, pos: number) => {
    if (value === undefined) return;
    if (hedgedClause(pos)) hedged.add(fact);
    else (facts as Record<string, Value>)[fact] ??= value;
  };

  const listedPos = sorted.find((h) => h.fact === 'listed' && h.value === true)?.pos;
  const derive: Derive = { s, now, cls, facts, signals, listedPos, askedSelf, set, hedgedClause };
  // `without` leaves one derivation out, so a test can show what it contributes
  for (const d of DERIVATIONS) if (d.name !== opts.without) d.run(derive);
  const doc = docType(s);
  if (doc) facts.docType = doc;

  for (const name of Object.keys(facts) as FactName[]) hedged.delete(name);
  return { facts, hedged: [...hedged], signals: [...new Set(signals)] };
}
