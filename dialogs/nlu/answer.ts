// A free-form answer to the question the engine asked about one fact: 是/否/对/没有/补了/还没,
// years, counts, entity types, reasons, error kinds, document kinds.
import { type ENTITY_TYPES, FACT_KINDS, type FactName, type Facts } from '../../rules/types.ts';
import { extractFacts } from './facts.ts';
import { readAmountYuan, readDate } from './money-date.ts';
import { normalize } from './normalize.ts';
import { resolveYear, smallNumber, YEAR_SRC } from './years.ts';

type Answer = Facts[FactName] | 'unknown' | undefined;

const UNKNOWN =
  /^(?:我|我们)?(?:也|真)?(?:不清楚|不知道|不确定|不太清楚|不太确定|不记得|记不清|记不得|说不准|说不好|忘了|没印象|不晓得|不懂|搞不清)|^(?:不清楚|不知道|不确定)$/;
// the first word decides: "没有，…" / "还没" / "不是" → no; "是的" / "对" / "补了" / "已经办了" → yes
const NO = /^(?:不是|不对|不会|不能|不可以|不行|不用|没有|没|未|还没|尚未|否|无|不|no\b|n$|nope)/;
const YES =
  /^(?:是|对|有|嗯|恩|好|已经?|补了|补报了|交了|办了|办好|改了|改好|能|可以|会|行|当然|确实|没错|yes\b|y$|ok\b|yep|都)/;

const ENTITY_WORDS: [(typeof ENTITY_TYPES)[number], RegExp][] = [
  ['cooperative', /合作社/],
  ['individual', /个体|个人经营|小卖部|摊/],
  ['enterprise', /公司|企业|厂|分支机构|集团/],
];

const REASON_WORDS: [NonNullable<Facts['listingReason']>, RegExp][] = [
  ['false_public_info', /隐瞒|虚假|弄虚作假|不真实|造假/],
  ['instant_info_not_published', /即时信息/],
  ['name_change_not_registered', /名称|名字|改名|更名/],
  ['unreachable_at_address', /地址|住所|场所|联系不上|联系不到|无法联系|找不到/],
  ['annual_report_overdue', /年报|年度报告/],
  ['other', /其他|其它|别的/],
];

const ERROR_WORDS: [NonNullable<Facts['errorKind']>, RegExp][] = [
  ['branch_zero_financials', /分支|分公司|填0|填零|报0|为0/],
  ['decimal_or_unit', /小数点|单位|万元|元/],
  ['license_info_late', /许可/],
  ['party_building_info', /党建|党员|党组织/],
  ['website_or_shop', /网站|网址|网店|店铺|链接|域名/],
  ['contact_info', /电话|手机|邮编|邮政编码|邮箱|邮件|联系方式|传真/],
  ['other', /其他|其它|别的|人数|经营范围|股东|注册资本/],
];

const DOC_WORDS: [NonNullable<Facts['docType']>, RegExp][] = [
  ['minor-error-application', /免列异|轻微差错|书面申请/],
  ['situation-explanation', /情况说明|说明/],
  ['commitment', /承诺/],
  ['application', /申请/],
];

function firstMatch<T>(table: [T, RegExp][], s: string): T | undefined {
  return table.find(([, re]) => re.test(s))?.[0];
}

type Cue = [boolean, RegExp];

// What an answer says about a task the question asks is done (补报, 变更登记, 改正): a negated or
// future verb is "not yet", a completed one is "done".
const NOT_DONE =
  /(?:还没有?|没有?|未|尚未|没来得及|没顾上|没空)(?:去)?(?:补|报|交|办|改|更正|纠正|公示|登记|变更|弄|搞|做|提交|拿|领|换)/;
const UNDER_WAY =
  /还在|正在|在走|走流程|准备|打算|计划|要去|得去|下(?:个)?(?:周|星期|礼拜|月)|明天|后天|过(?:几|两)天|回头|改天|等[^，,。]{0,6}再|办理中|审核中|没下来|还要|还得/;
const DONE =
  /(?:补|报|交|办|改|更正|改正|纠正|公示|登记|变更|弄|搞|做|提交|上报|换|领|拿)(?:报|交|好|完|齐|上|过|正|理|到)?了|搞定|弄好|办妥|办结|已经?|早就/;
const TASK: Cue[] = [
  [false, NOT_DONE],
  [false, UNDER_WAY],
  [true, DONE],
];

/**
 * Answers read relative to each question's own wording (knowledge/questions.json). The last clause
 * with a cue decides; within it the earliest cue, one starting at the same place but longer
 * ("没提供" over "提供"), then the order here. The exclusion questions are asked in
 * negative terms (「是否…没有提供受检材料」), so there a negated verb is a yes.
 */
const CUES: Partial<Record<FactName, Cue[]>> = {
  // 「是本人去办，还是请别人代办？」: a bare 是 says nothing; who goes does
  applicantIsAgent: [
    [false, /本人|自己|亲自|我去|我自己/],
    [true, /代办|代理|委托|别人|亲戚|会计|中介|帮(?:忙|我|他|她|别人)/],
  ],
  fineMitigated: [
    [false, /没(?:有)?写|没(?:有)?说|一般罚款|不是从轻|不是减轻/],
    [true, /写了|有写|写的是|从轻|减轻/],
  ],
  obligationsFulfilled: [
    [false, /还没(?:有)?(?:交|缴|付|做完)|没(?:交|缴|付)|分期|还欠|没缴完|没交完/],
    [true, /(?:交|缴|付)(?:清|齐|完)?了|都做完|做完了|已经?(?:交|缴|付)/],
  ],
  repeatSameTypePenalty: [
    [false, /没(?:有)?(?:再|又)|没(?:有)?被?(?:处)?罚过?|就(?:这|那)一次/],
    [true, /(?:又|再|还)被?(?:处)?罚|又有|罚过(?:两|好几|几)次/],
  ],
  laterHeavierPenalty: [
    [false, /没(?:有)?(?:再|又)|没(?:有)?被?(?:处)?罚过?/],
    [true, /(?:又|再|还)被?(?:处)?罚/],
  ],
  restrictionEnded: [
    [false, /还没(?:有)?(?:到期|过|结束|满)|还在|没到期|未到期/],
    [true, /(?:已经?)?(?:到期|过|结束|满)了|已经?(?:到期|过期|结束|解除)|解除了|恢复了/],
  ],
  statutoryMeasureRunning: [
    [false, /没有?(?:这种|这个|什么)?限制|(?:已经?)?(?:到期|过|结束|解除)了|已经?(?:到期|结束|解除)/],
    [true, /还在|没到期|未到期|还没(?:有)?(?:到期|结束|解除)/],
  ],
  isBranch: [
    [false, /不是分|总公司|总部|总店|独立|母公司|单独的?(?:公司|企业)/],
    [true, /分公司|分店|分支|分部|分厂/],
  ],
  listed: [
    [
      false,
      /(?:还没有?|没有?|未|尚未)(?:被)?(?:列|标记|进|上)|(?:只是?|就)(?:收到|接到)了?|提醒|不在(?:名录|名单|异常)/,
    ],
    [
      true,
      /(?:被|已经?)(?:列|标记|标)|列(?:入|进)?了|(?:在|进了|上了)(?:经营)?(?:异常|名录|名单)|异常了|有异常/,
    ],
  ],
  previousYearReportFiled: TASK,
  allOverdueReportsFiled: [
    [false, /还有|还差|还欠|只(?:补|报|交)了?|一部分|有的|没(?:补|报)(?:完|齐|全)/],
    ...TASK,
  ],
  addressChangeRegistered: [[true, /新(?:的)?(?:营业)?执照(?:拿到|领到|下来|办好)/], ...TASK],
  infoCorrected: TASK,
  correctedAfterReminder: [
    [true, /(?:当天|当场|马上|立刻|立即|很快|及时|第二天)就?(?:改|更正|纠正)/],
    ...TASK,
  ],
  intentional: [
    [
      false,
      /不是故意|非故意|不故意|没有?故意|不小心|无意|手误|笔误|疏忽|粗心|马虎|大意|没注意|没留意|失误|(?:填|写|弄|搞|打|点)错|看错/,
    ],
    [true, /故意|有意|成心|存心/],
  ],
  adverseImpact: [
    [false, /(?:没有?|未|无|并没有?)(?:什么|任何|啥)?(?:造成|产生|带来|影响|损失|后果|人投诉|人索赔|人找)/],
    [true, /造成了|有(?:人)?(?:投诉|损失|影响|索赔|找上门)|受了?损失|赔了?钱|(?:要|找我们?)赔/],
  ],
  firstSpotCheck: [
    [false, /不是(?:第一|头一?|首)次/],
    [true, /(?:没有?|未|从没有?|从来没有?)(?:被)?(?:抽查|抽到|抽中|抽过|查过|检查)(?:过)?/],
    [false, /第[二三四五2-5]次|又|(?:抽查|抽|查)过|好几次|多次|几次|两次|不止一次|以前也|之前也/],
    [true, /第一次|头一?次|首次|头回/],
  ],
  parentPublishesFinancials: [
    [false, /(?:没有?|未|不)(?:是|由|在)?[^，,。]{0,6}?(?:公示|报|披露)|(?:自己|单独|分公司)(?:报|公示|填)/],
    [true, /(?:总公司|上级|母公司|总部|集团)[^，,。]{0,6}?(?:公示|报|披露)/],
  ],
  proofProvided: [
    [
      false,
      /(?:提供|拿|开|给|弄|出)不(?:了|出|到)|(?:没法|没办法|无法|不能|不可以|没有?)(?:提供|拿|开|给|弄|出)?/,
    ],
    [true, /(?:提供|拿|开|给|弄|出)得(?:了|出|到)|(?:能|可以|已经?)(?:提供|拿|开|给|弄|出)|有(?:证明|材料)/],
  ],
  safetyRelated: [
    [false, /(?:不|没有?|并不|并没有?)(?:涉及|相关|属于)|无关|没关系|不沾边|扯不上/],
    [true, /涉及|相关|有关|属于|沾边/],
  ],
  repeatedSameError: [
    [true, /不是(?:第一|头一?|首)次/],
    [
      false,
      /第一次|头一?次|首次|头回|就这一次|只有?这一次|只错了?一次|(?:没有?|不是|并非|没)(?:重复|连续)|以前(?:从来)?(?:没有?|未)(?:错|出)/,
    ],
    [true, /连续|又|两次|第二次|第[二三四五2-5]次|好几次|多次|几次|以前也|之前也|重复|经常|老是/],
  ],
  majorImpactOrDispute: [
    [
      false,
      /(?:没有?|未|无|并没有?)(?:什么|任何|啥)?(?:造成|引起|产生|重大|纠纷|影响|人投诉|闹|人告)|没那么严重|不严重|没(?:啥|什么)事/,
    ],
    [true, /纠纷|起诉|告了|被告|投诉|索赔|媒体|报道|曝光|上了新闻|闹|造成了|引起了/],
  ],
  refusedInspection: [
    [false, /(?:没有?|未|不曾|从没有?|从来没有?|并没有?)(?:拒绝|拒|不配合|不提供|不给)/],
    [
      true,
      /(?:没有?|未|不|拒不|不肯|没能)(?:积极|及时|按时)?(?:配合|提供|给|交|让)|拒|不开门|(?:材料|资料)[^，,。]{0,4}?(?:没有?|不)(?:给|交|提供|带)/,
    ],
    [false, /配合|提供了|(?:都|也|全)(?:给|交|提供)了|(?:给|交)了|按要求/],
  ],
  missedCorrectionDeadline: [
    [
      false,
      /(?:没有?|未|并没有?)(?:被)?(?:超|晚|逾期|过期|拖)|不晚|(?:没有?|未)(?:被|让|要求)?(?:责令|限期)|(?:没有?|未)(?:让|要求)(?:我们?)?(?:限期)?改/,
    ],
    [true, /(?:还没有?|没有?|未|尚未|没来得及)(?:去)?(?:改|整改|更正|纠正)/],
    [
      false,
      /按期|按时|如期|准时|期限内|限期内|期内|时间内|时限内|及时|当天|当场|马上|立刻|立即|很快|第二天|提前/,
    ],
    [true, /超|逾期|晚|迟|过了|拖|过期|才改/],
  ],
  operatingAtRegisteredAddress: [
    [false, /不在|没在|搬|迁|换了?(?:个)?(?:地方|地址|位置)|挪|关了|不干了/],
    [
      true,
      /(?:还|一直|都|是|仍然?)?在(?:那|这|登记|注册|原|执照|老地方)|在的|^(?:还|一直|都|是)?在(?:呢|啊|呀)?$/,
    ],
  ],
  reachableAtRegisteredAddress: [
    [false, /(?:联系|找)不(?:到|上|着)|收不到|不在|没人|搬|迁|不能|不行/],
    [true, /(?:联系|找)得(?:到|上|着)|能(?:联系|找|收)|收得到|(?:还|一直|都|又)?在(?:那|登记|注册|原)/],
  ],
  reachableByOtherMeans: [
    [false, /(?:联系|找)不(?:到|上|着)|打不通|停机|空号|没人接|不接|换号|关机|不能|不行/],
    [
      true,
      /(?:联系|找)得(?:到|上|着)|(?:能|可以)(?:打通|联系|找到)|打得通|(?:电话|手机|微信)[^，,。不没]{0,4}(?:通|在用|能)/,
    ],
  ],
  otherViolations: [
    [
      false,
      /(?:没有?|无|不存在)(?:任何|什么|其他|别的|其它|违法|违规|处罚|被罚|罚款|了)|就这(?:一|个)|只有这/,
    ],
    [true, /有(?:过)?(?:行政)?(?:处罚|违法|违规|罚款)|被罚|罚过|处罚过/],
  ],
  locatable: [
    [false, /找不(?:到|着|见)|查无|下落不明|(?:不能|没法|没办法)找|没人|失联|人不在/],
    [true, /找得(?:到|着|见)|(?:能|可以)找|找到|人(?:一直|都|还)?在/],
  ],
  taxFiled: [
    [false, /(?:没有?|未|不)(?:进行)?(?:报|申报|交|缴|纳)|停了|断了/],
    [
      true,
      /零申报|(?:报|申报|交|缴)(?:了|着|过)|(?:一直|都|按时|按月|正常|每月)(?:在)?(?:报|申报|交)|有(?:报|申报)|在报/,
    ],
  ],
};

/** Questions asked in negative terms: a bare verb or 还没 is not a "no" there. */
const INVERTED = new Set<FactName>(['refusedInspection', 'missedCorrectionDeadline']);
const PURE_NO = /^(?:不是|不对|否|没有|没|无|不|no\b|n$|nope)(?:的|啊|呀|吧|哦|呢)?(?:$|[，,。！!\s])/;
const PURE_YES = /^(?:是|对|有|嗯|恩|确实|没错|yes\b|y$|yep)/;

function cueAnswer(fact: FactName, s: string): boolean | undefined {
  const cues = CUES[fact];
  if (!cues) return undefined;
  // the later clause says how it stands now: "之前没补，现在补了", "交了，但还没公示"
  const parts = s.split(/[，,。;；!?！？\s]+|但是?|可是|不过|就是还/).filter(Boolean);
  for (const part of parts.reverse()) {
    let best: { value: boolean; pos: number; len: number } | undefined;
    for (const [value, re] of cues) {
      const m = re.exec(part);
      if (!m) continue;
      const len = m[0].length;
      if (!best || m.index < best.pos || (m.index === best.pos && len > best.len))
        best = { value, pos: m.index, len };
    }
    if (best) return best.value;
  }
  return undefined;
}

function polarity(fact: FactName, s: string): boolean | undefined {
  const t = s.replace(/^(?:嗯|恩|呃|额|哦|那个)[,，\s]*/, '');
  if (INVERTED.has(fact)) {
    if (PURE_NO.test(t)) return false;
    if (PURE_YES.test(t)) return true;
    return undefined;
  }
  if (NO.test(t)) return false;
  if (YES.test(t)) return true;
  // no leading yes/no word: a negation anywhere ("材料还没交") or a completed action ("上周办好了")
  if (/还没|没有|尚未|未|没/.test(t)) return false;
  if (/已经?|好了|完了|过了/.test(t)) return true;
  return undefined;
}

/** "不对，是2022年": a correction of something else, not a "no" to the question asked. */
const CORRECTION =
  /^(?:不对|不是|错了|搞错了|说错了|弄错了|记错了)(?:的|啊|呀|哦)?[，,。！!\s]+(?:应该)?(.+)$/;

function correction(fact: FactName, s: string, now: Date): Facts | undefined {
  const m = CORRECTION.exec(s);
  const rest = m?.[1];
  if (!rest) return undefined;
  const stated = extractFacts(rest, now).facts;
  // "不是，是不小心弄错的", "不对，是总公司": the "no" said again in other words
  if (cueAnswer(fact, rest) === false || stated[fact] === false) return undefined;
  const other: Facts = { ...stated };
  delete other[fact];
  const year = new RegExp(YEAR_SRC).exec(rest);
  // a year named alone corrects the listing year, the one year the interview asks; a report year
  // ("不对，是2022年的年报") is not one
  if (year && other.listedYear === undefined && !/年报|年度报告|报/.test(rest)) {
    const y = resolveYear(year[0], now);
    if (y !== undefined) other.listedYear = y;
  }
  return Object.keys(other).length || year ? other : undefined;
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
  opts: { now?: Date; stated?: Facts } = {},
): ReadAnswer {
  const now = opts.now ?? new Date();
  const s = normalize(text);
  if (!s) return { value: undefined };
  const spec = FACT_KINDS[fact];
  if (!spec) return { value: undefined };
  if (UNKNOWN.test(s)) return { value: 'unknown' };

  if (spec.kind === 'boolean') {
    const corrected = correction(fact, s, now);
    if (corrected) return { value: undefined, corrected };
    const cued = cueAnswer(fact, s);
    if (cued !== undefined) return { value: cued };
  }

  // a full statement ("补了，上个月交的纸质年报") is read the same way as anywhere else
  const stated = (opts.stated ?? extractFacts(s, now).facts)[fact];
  if (stated !== undefined) return { value: stated };

  switch (spec.kind) {
    case 'boolean':
      return { value: polarity(fact, s) };
    case 'year': {
      const m = new RegExp(YEAR_SRC).exec(s);
      return { value: m ? resolveYear(m[0], now) : undefined };
    }
    case 'count': {
      if (/^(?:没有?|都报了|一直(?:在)?报|0年?$|零)/.test(s)) return { value: 0 };
      const m = /(\d{1,2}|[一两二三四五六七八九十])(?:年|次|个)?/.exec(s);
      return { value: m ? smallNumber(m[1] ?? '') : undefined };
    }
    case 'amount':
      return { value: readAmountYuan(s) };
    case 'date':
      return { value: readDate(s, now) };
    case 'enum': {
      if (fact === 'entityType') return { value: firstMatch(ENTITY_WORDS, s) };
      if (fact === 'listingReason') return { value: firstMatch(REASON_WORDS, s) };
      if (fact === 'errorKind') return { value: firstMatch(ERROR_WORDS, s) };
      if (fact === 'docType') return { value: firstMatch(DOC_WORDS, s) };
      return { value: undefined };
    }
  }
}

export function parseAnswer(fact: FactName, text: string, opts: { now?: Date } = {}): Answer {
  return readAnswer(fact, text, opts).value;
}
