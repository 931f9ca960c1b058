// A free-form answer to the question the engine asked about one fact: 是/否/对/没有/补了/还没,
// years, counts, entity types, reasons, error kinds, document kinds.
import { type ENTITY_TYPES, FACT_KINDS, type FactName, type Facts } from '../../rules/types.ts';
import { extractFacts } from './facts.ts';
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

function polarity(s: string): boolean | undefined {
  const t = s.replace(/^(?:嗯|恩|呃|额|哦|那个)[,，\s]*/, '');
  if (NO.test(t)) return false;
  if (YES.test(t)) return true;
  // no leading yes/no word: a negation anywhere ("材料还没交") or a completed action ("上周办好了")
  if (/还没|没有|尚未|未|没/.test(t)) return false;
  if (/已经?|好了|完了|过了/.test(t)) return true;
  return undefined;
}

export function parseAnswer(fact: FactName, text: string, opts: { now?: Date } = {}): Answer {
  const now = opts.now ?? new Date();
  const s = normalize(text);
  if (!s) return undefined;
  const spec = FACT_KINDS[fact];
  if (!spec) return undefined;
  if (UNKNOWN.test(s)) return 'unknown';

  // a full statement ("补了，上个月交的纸质年报") is read the same way as anywhere else
  const stated = extractFacts(s, now).facts[fact];
  if (stated !== undefined) return stated;

  switch (spec.kind) {
    case 'boolean':
      return polarity(s);
    case 'year': {
      const m = new RegExp(YEAR_SRC).exec(s);
      return m ? resolveYear(m[0], now) : undefined;
    }
    case 'count': {
      if (/^(?:没有?|都报了|一直(?:在)?报|0年?$|零)/.test(s)) return 0;
      const m = /(\d{1,2}|[一两二三四五六七八九十])(?:年|次|个)?/.exec(s);
      return m ? smallNumber(m[1] ?? '') : undefined;
    }
    case 'enum': {
      if (fact === 'entityType') return firstMatch(ENTITY_WORDS, s);
      if (fact === 'listingReason') return firstMatch(REASON_WORDS, s);
      if (fact === 'errorKind') return firstMatch(ERROR_WORDS, s);
      if (fact === 'docType') return firstMatch(DOC_WORDS, s);
      return undefined;
    }
  }
}
