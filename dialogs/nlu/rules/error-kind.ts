// The kind of a published-information error (DOMAIN.md §2.3), by the field misstated and a cue that it
// is wrong; rules tried in order, the first that matches names the kind.
import type { Facts } from '../../../rules/types.ts';
import { alt, anyOf, factLexicon } from '../fact-lexicon.ts';

// Field → the error kind its misstatement belongs to (DOMAIN.md §2.3), checked in this order.
const ERROR_CUE = alt([...factLexicon().errorCues.words, ...factLexicon().errorCues.otherPerson]);
const FALSE_WORDS = factLexicon().falseInfo;
/** 「虚假」「弄虚作假」, 「从业人数填的假的」「填了假数据」, 「假的信息」: information told as false */
export const FALSE_INFO = new RegExp(
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

export function errorKind(s: string): { value: Facts['errorKind']; pos: number } | undefined {
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
