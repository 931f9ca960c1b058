// What kind of business the user runs (DOMAIN.md §4 entityType, isBranch). A parent (上级/总/母公司)
// is not the user's own type, and a type named in general ("查无下落的个体户会怎么处理") is not theirs.

import { entityOfCodePrefix } from '../../../rules/identifiers.ts';
import {
  anotherBusinessAfter,
  comparedKind,
  counterpartyBefore,
  otherBusinessBefore,
  severalBusinessesBefore,
} from '../fact-lexicon.ts';
import { lexicon } from '../lexicon.ts';
import { YEAR_SRC } from '../years.ts';
import { FIRST_PERSON } from './cues.ts';
import { type PatternRule, rule } from './pattern-rule.ts';

/** "朋友的个体户", "客户的公司", "她的个体经营部": someone's own business told for them, not a kind in general */
const OWNERS =
  '(?:朋友|亲戚|客户|老板|同学|同事|邻居|老乡|爸|妈|爹|娘|哥|姐|弟|妹|舅|叔|伯|姨|姑|婶|嫂|老公|老婆|爱人|媳妇|儿子|女儿|表[哥姐弟妹]|堂[哥姐弟妹])';
const OWNER_BEFORE = new RegExp(`(?:屋里|屋头|家里|自家|(?<!其)[他她]|${OWNERS})的$`);
/** 「个体户是我老婆的」: the type told as someone else's, not the writer's business */
const OWNER_AFTER = new RegExp(`^(?:是|属于|归)(?:我|俺)?(?:们|家)?的?${OWNERS}(?:的|开的|名下)`);

/**
 * 「开早点铺的个体户 …被列进异常了」: the user's trade at the start of the message, told of their own;
 * 「来电人讲她是开服装店的个体户」: or after the one told of and 是
 */
const OWN_TRADE_BEFORE =
  /(?:^(?:我家|家里|俺家|屋里)?(?:在[^，,。;；!?！？\s的]{1,8}?(?:上|里|边|那边))?|(?:我|俺|她|他|咱)(?:们|家)?(?:也)?是)(?:开|做|卖|搞|干)[^，,。;；!?！？\s]{1,6}的$/;
/** 「执照办的个体工商户」「营业执照上登记的合作社」: the type the licence was issued as, the writer's own */
const LICENCE_BEFORE = /(?:执照|营业执照)(?:上面?)?(?:办的|办成的?|注册的|登记的|写的)(?:是)?$/;

/** 「个体户能用吗」「合作社能不能走容缺」: whether a kind of business may use a procedure */
const KIND_ASKED_AFTER =
  /^(?:的)?(?:也|都)?(?:会(?:怎么?样|怎样|被)|能用|能不能用|可以用|可不可以用|适用|适不适用|能申请|能不能申请|可以申请|能走|能不能走|可以走|能办|能不能办)/;
/** 「听说个体户补交年报5天就能恢复」「听别个讲…」: a rule heard about, not one's own business */
const HEARSAY = '(?:听(?:别个|别人|人家|人|朋友|他们|亲戚)?(?:说|讲)|据说|网上说|都说|有人说)';
const HEARSAY_LEAD = new RegExp(`^${HEARSAY}`);
/** right before the type: heard about, treated as (按), or what the business was (以前是) */
const HEARD_OR_FORMER_BEFORE = new RegExp(
  `(?:${HEARSAY}|按(?:照)?|当成|当作|(?:以前|原来|之前|原先|过去)(?:也)?(?:是|属于|办的|登记的是)?)$`,
);
/** a comparison asked (区别, 有什么不同): what it compares are kinds or states in general */
export const COMPARED = /区别|有什么不同|有啥不同|不一样吗|一样吗/;
/** 「崇阳县的公司」「咸安区注册的合作社」: a place (or its registration) names where the one business is */
const PLACE_BEFORE =
  /\p{Script=Han}(?:县|市|镇|乡|区)(?:注册|登记)?的$|(?:注册|登记)在\p{Script=Han}{1,6}的$/u;

/**
 * "查无下落的个体户会怎么处理": a type after a describing 的 in a text without 我/我们 names a kind
 * of business in general, not the user's own.
 */
export function genericMention(s: string, pos: number, len: number): boolean {
  if (OWNER_AFTER.test(s.slice(pos + len))) return true;
  // 「个体户那家是另外一个客户」: another business than the one asked about
  if (anotherBusinessAfter(s.slice(pos + len))) return true;
  // 「是不是跟个体户一样交一年的就行」: a kind the writer's business is compared with
  if (comparedKind(s.slice(0, pos), s.slice(pos + len))) return true;
  // 「一次帮好几家企业申请」: several businesses, none of them told as the case
  if (severalBusinessesBefore(s.slice(0, pos))) return true;
  // 「那边早就换了别的公司」: someone else's business, not the writer's
  if (otherBusinessBefore(s.slice(0, pos))) return true;
  // 「到底是个体户还是公司我也搞不清」: either type offered, neither told
  if (/^(?:呢)?还是/.test(s.slice(pos + len)) || /还是$/.test(s.slice(0, pos))) return true;
  // 「个体户能用吗」「合作社也适用不」: whether a kind of business may use something; 「听说个体户…」: hearsay
  if (!FIRST_PERSON.test(s) && (KIND_ASKED_AFTER.test(s.slice(pos + len)) || HEARSAY_LEAD.test(s)))
    return true;
  // 「我听别个说个体户可以容缺修复」: a kind in what was heard; 「能不能按个体户的走」: a kind to be
  // treated as; 「我以前是个体户」: the type it was, not the one it is
  if (HEARD_OR_FORMER_BEFORE.test(s.slice(Math.max(0, pos - 8), pos))) return true;
  // 「个体户进异常和企业进异常有什么区别」: kinds compared, none of them the writer's
  if (!FIRST_PERSON.test(s) && COMPARED.test(s)) return true;
  const clauseBefore =
    s
      .slice(0, pos)
      .split(/[，,。;；!?！？\s]/)
      .at(-1) ?? '';
  if (
    s[pos - 1] === '的' &&
    !FIRST_PERSON.test(s) &&
    !OWNER_BEFORE.test(s.slice(Math.max(0, pos - 5), pos)) &&
    !LICENCE_BEFORE.test(clauseBefore) &&
    // (「四庄的 做早点的个体户」: the trade opens its own clause after a place)
    !OWN_TRADE_BEFORE.test(s.slice(0, pos)) &&
    !OWN_TRADE_BEFORE.test(clauseBefore) &&
    // 「2020年被标记为经营异常状态的个体户」「崇阳县的公司」: a dated story or a place singles one business out
    !new RegExp(YEAR_SRC).test(clauseBefore) &&
    !PLACE_BEFORE.test(clauseBefore) &&
    // 「嘉鱼的合作社」: a county of the lexicon by its short name
    !Object.values(lexicon().places.counties).some((ws) => ws.some((w) => clauseBefore.endsWith(`${w}的`)))
  )
    return true;
  // "在哪查公司是不是异常": a business only looked up; "对个体户适用吗": a kind asked about
  if (/查(?:一下|询|查|看|到|得到)?的?$/.test(s.slice(Math.max(0, pos - 4), pos)) && !FIRST_PERSON.test(s))
    return true;
  // "怎么查我们公司有没有被列异常": asking how to look one up, whoever's it is
  if (
    /(?:怎么|如何|在哪|哪里|去哪|咋)查(?:询|查|看)?(?:一下)?(?:我们?|咱们?|自己|俺们?)?的?[间家个]?$/.test(
      s.slice(0, pos),
    )
  )
    return true;
  return /对$/.test(s.slice(0, pos)) && /^(?:也)?(?:适用|能用|有用|管用)/.test(s.slice(pos + len));
}

const own = {
  keep: (s: string, pos: number, len: number) =>
    !genericMention(s, pos, len) && !counterpartyBefore(s.slice(Math.max(0, pos - 12), pos)),
};

/**
 * 「我们是特种设备企业」「食品生产企业」: 企业 after a trade of the safety clause (industries.json) or
 * 生产 names the trade the exclusion question is about, not the type (the tests and dev set d31 read
 * it so); 「我们企业」「企业没按时年报」 state the type.
 */
const tradeEnterprise = (s: string, pos: number, len: number) =>
  s.slice(pos, pos + len) === '企业' &&
  (/生产$/.test(s.slice(0, pos)) ||
    lexicon().industries.safetyRelated.some((w) => s.slice(0, pos).endsWith(w)));

/** 「信用代码是93开头的」「执照号码92打头」: the first two characters of the code, told */
const CODE_PREFIX_TOLD =
  /(?:信用代码|代码|执照号码?|注册号|编号|编码)[^，,。;；!?！？]{0,6}?(9[123])(?:开头|打头|开始)/;

export const ENTITY_RULES: PatternRule[] = [
  rule('entity.cooperative', 'entityType', /合作社/, 'cooperative', own),
  rule(
    'entity.individual',
    'entityType',
    [
      /个体(?:工商)?户|个体经营|个体工商|个体商户/,
      /个体(?=$|[，,。;；!?！？ ]|(?:19|20)\d{2}|\d{2}年|老板|的?小?(?:店|饭馆|饭店|餐馆|馆|铺|摊|作坊|门面|门店|生意|执照|营业执照)|的(?:$|[，,。;；!?！？ ]))/,
      /(?<=(?:开|干|做|是|属于)(?:的是|的)?)个体/,
      // 「开了一家个体裁缝店」「个体五金铺」「他的个体小卖部」: 个体 naming a shop of some trade
      // (the words before keep 「一个体育馆」 out)
      /(?<=(?:开|干|做|是|属于|家|个|的)(?:了|的是|的)?(?:一家|一个|个|家)?)个体[^，,。;；!?！？\s的]{1,4}?(?:店|铺|馆|摊|行|坊|厂|档|部)/,
    ],
    'individual',
    own,
  ),
  rule(
    'entity.enterprise',
    'entityType',
    [
      /(?<!上级|总|母|集团|上面的?|注册|开|办|代账|记账|财税|中介|代理)(?:有限责任|股份有限|有限)?公司/,
      /个人独资企业|合伙企业|我司|本司/,
      // 「企业没按时年报被列异常」; not the 企业信用信息公示系统, a list's name or a kind (僵尸企业)
      /(?<!僵尸|失信|国有|外资|上级|关联|重点|涉企|小微|独资|合伙)企业(?!信用|信息|名单|公示系统|主体|所得)/,
    ],
    'enterprise',
    { keep: (s, pos, len) => own.keep(s, pos, len) && !tradeEnterprise(s, pos, len) },
  ),
  // 「执照上的代码是92开头的」: the kind the code's prefix registers (rules/identifiers.ts), told in words
  rule('entity.codePrefix', 'entityType', CODE_PREFIX_TOLD, (m) => entityOfCodePrefix(m[1] ?? ''), own),
  rule('entity.branch', 'isBranch', /分公司|分支机构/, true),
  // 「是单独注册的子公司 有独立执照」: a subsidiary is its own legal person, not a branch (四(四)六)
  // 「不是子公司」「没有独立法人」 deny it: no statement either way
  rule('entity.subsidiary', 'isBranch', /子公司|独立法人|单独注册|独立(?:的)?(?:营业)?执照/, false, {
    negatedDrops: true,
  }),
];
