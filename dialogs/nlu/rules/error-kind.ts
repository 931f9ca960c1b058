// The kind of a published-information error (DOMAIN.md §2.3): named rules tried in order, the first
// that matches names the kind. A field (lexicon errorFields) and a cue that it is wrong (errorCues)
// in one clause; zero financials and decimal or unit slips by their own shapes.
import type { Facts } from '../../../rules/types.ts';
import { alt, factLexicon } from '../fact-lexicon.ts';
import { blankOut } from '../lexicon.ts';
import { type PatternRule, type RuleSet, rule, ruleSet } from './pattern-rule.ts';

const lx = factLexicon();
/** 「填的是代账公司的」: the published contact is someone else's (facts.json errorCues.otherPerson) */
const OTHER_PERSON = `${alt(lx.errorCues.otherPerson.fills)}(?:是)?${alt(lx.errorCues.otherPerson.parties)}`;
/** 「写的是5个 实际是3个」: the published value, then the real one (facts.json errorCues.statedVsActual) */
const STATED_VS_ACTUAL = `${alt(lx.errorCues.statedVsActual.stated)}[^，,。;；]{1,8}?${alt(lx.errorCues.statedVsActual.actual)}`;
const ERROR_CUE = `(?:${alt(lx.errorCues.words)}|${OTHER_PERSON}|${STATED_VS_ACTUAL})`;
const FALSE_WORDS = lx.falseInfo;
/** 「虚假」「弄虚作假」, 「从业人数填的假的」「填了假数据」, 「假的信息」: information told as false */
// (「虚假宣传」「虚假广告」 are advertising offences, penalised, not false published information)
export const FALSE_INFO = new RegExp(
  `${alt(FALSE_WORDS.words)}(?!宣传|广告)|${alt(FALSE_WORDS.fillVerbs)}${alt(FALSE_WORDS.fillLinks)}?${alt(FALSE_WORDS.fake)}|假(?:的)?(?:数据|信息|材料|年报)`,
);
const GAP = '[^，,。;；!?！？]{0,12}?';
const field = (kind: keyof typeof lx.errorFields) => alt(lx.errorFields[kind] as string[]);

/** 「把年报里填错的电话改过来」: the cue as a modifier before the field (「填错的」, 「写反的」) */
const cueBefore = (kind: keyof typeof lx.errorFields) =>
  new RegExp(`${ERROR_CUE}了?的[^，,。;；]{0,4}?${field(kind)}`);

/** 「故意冇写真实邮箱」: the field, not filled with the real value (facts.json errorCues.notTheRealOne) */
const notRealBefore = (kind: keyof typeof lx.errorFields) =>
  new RegExp(
    `${alt(lx.errorCues.notTheRealOne.fills)}${alt(lx.errorCues.notTheRealOne.real)}[^，,。;；\\s]{0,2}?${field(kind)}`,
  );

/** 「年报上的联系电话打不通」: the number published in the report reaches nobody */
export const PUBLISHED_NUMBER = `${alt(lx.errorCues.publishedPlaces)}[^，,。;；\\s]{0,6}?${field('contact_info')}`;
const DEAD_NUMBER = new RegExp(`${PUBLISHED_NUMBER}${GAP}${alt(lx.errorCues.deadNumber)}`);

/** In the order they are tried. */
export const ERROR_KIND_RULES: PatternRule[] = [
  rule(
    'errorKind.branchZero',
    'errorKind',
    [
      /(?:财务|营业收入|营收|资产|利润|数据|报表)[^，,。;；]{0,8}?(?:(?:填|报|写)(?:的|了|成|为)?(?:是)?|(?:都|全|全部)(?:是|为))(?:0|零)(?!点)/,
      // 「财务数据没单独报，填的0」: the figures named, then across one comma what was filed for them
      /(?:财务|营业收入|营收|资产|利润|报表)[^，,。;；]{0,8}?[，,][^，,。;；]{0,4}?(?:填|报|写)(?:的|了|成|为)(?:是)?(?:0|零)(?![点\d])/,
    ],
    'branch_zero_financials',
    // zero financials are a branch's (its parent publishes them) only when a branch is told
    { when: (s) => /分公司|分支|分店|上级|总公司|母公司|总部|总店/.test(s) },
  ),
  rule(
    'errorKind.decimalOrUnit',
    'errorKind',
    [
      /小数点/,
      // (no pause between: 「应该是万元 会计当成元报了」 is the filing told after a pause, below)
      /万元[^，,。;；\s]{0,6}?元/,
      /(?<!万)元[^，,。;；\s]{0,6}?万元/,
      /单位[^，,。;；]{0,4}?(?:错|搞|弄|填|写)/,
      /(?:多|少)(?:填|写|打)了?(?:一?个|几个|[两二三四五六七八\d]个)?(?:0|零)/,
      // 「单位是万元，他们按元的数填进去了」「数字放大了一万倍」: the unit slip told across a comma
      /按(?:元|万元)(?:的数|为单位|来)?[^，,。;；]{0,4}?(?:填|写|报)/,
      /(?:放大|扩大|大)了?(?:一万|1万|10000|一千|1000)倍/,
      // 「营业额应该是万元的，我填成元了」: the right unit, then across a comma the one it was filed in
      // (the hit is the filing: the 应该是 before the right unit says what ought to be, no hedge)
      /(?<=万元[^。;；]{0,12}?)(?:填|写|报|当|弄|搞)成了?元/,
      /(?<=(?<!万)元[^。;；]{0,12}?)(?:填|写|报|当|弄|搞)成了?万元/,
      // 「万元那一栏填成了3200000」: a field counted in 万元 filled with the figure in yuan (five digits
      // or more, which in 万元 would be billions)
      /(?<=万元[^。;；]{0,12}?)(?:填|写|报)(?:成|了|的|进去)*(?:是|为)?\d{5,}/,
      // (the figure told first: 「利润填的是86000 单位万元」)
      /(?:填|写|报)(?:成|了|的)*(?:是|为)?\d{5,}[^。;；]{0,4}?单位(?:是|为)?万元/,
    ],
    'decimal_or_unit',
  ),
  rule(
    'errorKind.licenceLate',
    'errorKind',
    [
      // (the negator's verb is 公示 itself, not one told before a pause: 「许可证被暂扣了 还冇还回来 这个处罚公示…」)
      /许可[^。;；]{0,24}?(?:没有?|未|忘了?|忘记)[^，,。;；\s]{0,12}?公示/,
      /(?:超过|超出|过了)[^。;；]{0,8}?(?:20|二十)多?个?工作日[^。;；]{0,8}?(?:没有?|未|才)[^。;；]{0,6}?公示/,
      /许可[^。;；]{0,20}?(?:过了|超过)[^。;；]{0,10}?才[^。;；]{0,10}?公示/,
      /许可[^。;；]{0,24}?(?:个多?月|周|星期|天)[^。;；]{0,4}?才[^。;；]{0,6}?公示/,
      /许可[^。;；]{0,24}?(?:晚|迟|延迟|推迟|滞后|拖)了?(?:几天|一段时间)?公示/,
      /许可[^。;；]{0,24}?公示(?:得)?(?:晚|迟|滞后)了/,
    ],
    'license_info_late',
  ),
  rule(
    'errorKind.partyBuilding',
    'errorKind',
    [new RegExp(`${field('party_building_info')}${GAP}${ERROR_CUE}`), cueBefore('party_building_info')],
    'party_building_info',
  ),
  rule(
    'errorKind.websiteOrShop',
    'errorKind',
    [
      new RegExp(
        `${field('website_or_shop')}(?:${GAP}${ERROR_CUE}|[^，,。;；]{0,6}?(?:换了|变了|改了|改过来|更正了|改正了|打不开|失效|过期了|停用))`,
      ),
      // 「网站早就关了 年报上还挂着」: closed, and still in the report (「网店关了还要报年报吗」 says
      // nothing of what the report shows)
      new RegExp(
        `${field('website_or_shop')}[^，,。;；]{0,6}?(?:关了|关掉了|关闭了|不开了)(?=[^。;；]{0,16}?(?:年报|公示)[^。;；]{0,6}?(?:还|仍|依然|照样)(?:挂着|是|写着|在|有|显示|留着))`,
      ),
      cueBefore('website_or_shop'),
      notRealBefore('website_or_shop'),
    ],
    'website_or_shop',
  ),
  rule(
    'errorKind.contactInfo',
    'errorKind',
    [
      new RegExp(
        `${field('contact_info')}(?:${GAP}${ERROR_CUE}|[^，,。;；]{0,4}?(?:变了|换了|改了)[^，,。;；]{0,2}?(?:没|未|还没)(?:有)?(?:改|更新|变更|公示|同步))`,
      ),
      cueBefore('contact_info'),
      notRealBefore('contact_info'),
      DEAD_NUMBER,
    ],
    'contact_info',
  ),
  rule('errorKind.other', 'errorKind', new RegExp(`${field('other')}${GAP}${ERROR_CUE}`), 'other'),
];

let kinds: RuleSet | undefined;
const FIELD_OF_KIND = Object.entries(lx.errorFields.acrossClauses).map(
  ([kind, words]) => [kind as Facts['errorKind'], new RegExp(alt(words))] as const,
);

export function errorKind(text: string): { value: Facts['errorKind']; pos: number } | undefined {
  kinds ??= ruleSet(ERROR_KIND_RULES);
  // 「所里打电话讲…不一样」: a call names no field (the length kept, so positions stay valid)
  const s = blankOut(text, lx.fieldLookalikes.words);
  for (const r of kinds.candidates(s)) {
    if (r.when && !r.when(s)) continue;
    r.re.lastIndex = 0;
    const m = r.re.exec(s);
    if (m) return { value: r.value as Facts['errorKind'], pos: m.index };
  }
  // "年报里的电话是前台座机，后来换号了没更新，被抽查发现不一致": the field and the mismatch told in
  // different clauses of one sentence about the published report
  if (!/年报|公示|抽查|检查|责令|限期|改正|提醒/.test(s)) return undefined;
  // "责令改正的期限过了，年报里的电子邮箱还没改过来": a field ordered corrected is in error; so is one
  // corrected after the reminder ("经提醒后第二天就把电话改过来了")
  const cue = /责令|整改|改正|期限|提醒/.test(s)
    ? `(?:${ERROR_CUE}|(?:还没有?|没有?|还冇|冇)(?:改|更正)|^(?:号码|号)?(?:改过来|改正|更正|改对)了)`
    : ERROR_CUE;
  for (const [value, field] of FIELD_OF_KIND) {
    const m = field.exec(s);
    if (m && new RegExp(`^[^。;；!?！？]{0,30}?${cue}`).test(s.slice(m.index + m[0].length)))
      return { value, pos: m.index };
  }
  return undefined;
}
