// Revocation risk: whether the business can be found at all (查无下落), how many years went without
// an annual report, and whether taxes are still filed.
import { smallNumber, YEARS_BACK } from '../years.ts';
import { type PatternRule, rule } from './pattern-rule.ts';

/** How many years a list of consecutive years names (「2024年和2025年」 → 2); undefined when not consecutive. */
function consecutiveYears(list: string): number | undefined {
  const years = [...list.matchAll(/(?<!\d)(\d{4}|\d{2})(?!\d)/g)].map((y) => Number(y[1]) % 100);
  const distinct = [...new Set(years)].sort((a, b) => a - b);
  if (distinct.length < 2) return undefined;
  return distinct.every((y, i) => i === 0 || y === (distinct[i - 1] as number) + 1)
    ? distinct.length
    : undefined;
}

/** 「前年去年」「大前年、前年和去年」: how many consecutive past years the relative words name. */
function consecutiveRelativeYears(list: string): number | undefined {
  const back = [...list.matchAll(/大前年|前年|去年/g)].map((m) => YEARS_BACK[m[0]] as number);
  const distinct = [...new Set(back)].sort((a, b) => a - b);
  if (distinct.length < 2) return undefined;
  return distinct.every((y, i) => i === 0 || y === (distinct[i - 1] as number) + 1)
    ? distinct.length
    : undefined;
}

export const REVOCATION_RULES: PatternRule[] = [
  rule(
    'locatable.no',
    'locatable',
    [
      /查无下落/,
      /查无此(?:人|企业|公司|户|店|单位|主体)/,
      /(?:实地|上门)(?:核查|核实|检查|调查)?[^，,。;；]{0,4}?(?:找不到|没找到|找不着)(?:我们?|人|公司|老板)?/,
      /找不到(?:老板|负责人|法人|经营者)/,
      /找不到人/,
      /下落不明/,
      /(?:公司|企业|人)失联/,
      /长期失联/,
      /(?:地址|人|公司|老板)(?:也|都)找不到(?![我咱])/,
      /(?:人|老板)找不到(?![我咱])/,
    ],
    false,
  ),
  rule(
    'locatable.yes',
    'locatable',
    [
      /(?<!(?:电话|手机|微信|邮箱)[^，,。;；]{0,6})(?:能|可以)找(?:到|得到)人/,
      /(?<!(?:电话|手机|微信|邮箱)[^，,。;；]{0,6})找得到人/,
      /(?:地址|住所)[^，,。;；]{0,4}?能找到/,
      /(?:人|老板|负责人|法人)(?:一直|都|还|也){0,2}(?:在|能|可以)[^，,。;；不]{0,3}?(?:找到|找得到|找得着|联系上|联系到|联系得上)/,
      /(?<![个别客])(?:人|老板|负责人|法人)(?:也|都|还|一直){1,2}(?:找得到|找得着|能找到|联系得上)/,
      // 「但是人找得到的」: the person found, said as a clause of its own
      /(?<![个别客])(?:人|老板|负责人|法人)(?:是)?(?:找得到|找得着)(?:的|了)?(?=[，,。;；\s]|$)/,
      /(?:我们?|老板|负责人)?人(?:一直|都|也|还){0,3}在(?:店里|厂里|公司里?|家里|这边|这里|本地|当地)?(?=[，,。;；]|$)/,
    ],
    true,
  ),
  rule(
    'report.yearsWithout',
    'yearsWithoutAnnualReport',
    [
      /(?:连续)?((?<![\d年])\d|(?<![年两二三四五六七八九十几])[两俩二三四五六七八九十])个?(?:年度|年)多?(?:都|一直|了)?(?:没有?|未|不)(?:报|交|申报|报送|公示|填报)?(?:年报|年度报告)/,
      /(?:年报|年度报告)\s?(?:已经?|都|有)?(?:连续|连着|整整)?(?<!\d)(\d|[两二三四五六七八九十])年(?:都|了)?(?:没有?|未)(?:报|交)/,
      /(?:年报|年度报告)(?:已经?|都)?(?:缺|欠|漏|断)了?(\d|[两二三四五六七八九十])个?(?:年度?)/,
      /((?<![\d年])\d|(?<![年两二三四五六七八九十几])[两俩二三四五六七八九十])个?(?:年度|年)的?(?:年报|年度报告)(?:都|也|一直|全)?(?:没有?|未)(?:报|交|申报|报送|公示|填报)/,
      /(?:年报|年度报告)[^，,。;；]{0,4}?(?:都|也)?(?:停|断)了?(?:有)?(\d|[两二三四五六七八九十])年/,
      // 「年报2024年度和2025年度连着两年都冇报」: the years named first, the run counted after them
      /(?:年报|年度报告)[^，,。;；]{0,16}?(?:连续|连着|整整)(\d|[两二三四五六七八九十])个?年度?(?:都|了|也)?(?:没有?|未)(?:报|交)/,
      // 「年报2024 2025两年都冇报」: the years named, then their count
      // (「年报24年25年两年都冇报」: 两 may follow the last year named; another numeral there is a year's)
      /(?:年报|年度报告)[^，,。;；]{0,16}?((?<!年)[二三四五六七八九十]|两)个?年度?(?:都|了|也)?(?:没有?|未|冇)(?:报|交)/,
      // 「这两年多冇得人管 年报冇报」: how long it has lain idle, then the reports not filed in that time
      /(?<![\d年第])(\d|[两俩二三四五六七八九十])年多?(?![前后底初中])(?:来|了|里|以来)?[^。;；？?]{0,8}?(?:年报|年度报告)(?:都|也|一直)?(?:没有?|未|冇)(?:报|交)/,
      // 「连续两年年报税都冇报」: the reports and the tax returns of the same years, neither filed
      /(?:连续|连着|整整)((?<![\d年])\d|(?<![年两二三四五六七八九十几])[两俩二三四五六七八九十])个?(?:年度|年)的?(?:年报|年度报告)(?:和|跟|与|、)?(?:纳)?税(?:务)?(?:都|也|一直)?(?:没有?|未|冇)(?:报|交|申报)/,
      // 「两年冇报税冇年报」: the count, the tax returns not filed, then the reports (negated again, or
      // joined to the tax by 和: 「两年没报税和年报」)
      /((?<![\d年])\d|(?<![年两二三四五六七八九十几])[两俩二三四五六七八九十])个?(?:年度|年)多?(?:都|一直|了)?(?:没有?|未|不)(?:报|交|缴|申报)?(?:纳)?税(?:(?:也|都)?(?:没有?|未)|和|跟|与|、)(?:报|交|申报|报送|公示|填报)?(?:年报|年度报告)/,
    ],
    // (the patterns are one alternation: each count is its own group)
    (m) => smallNumber(m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? m[6] ?? m[7] ?? m[8] ?? m[9] ?? m[10] ?? ''),
  ),
  // 「2024年和2025年的年报都没报」: consecutive years named before the reports, none filed
  rule(
    'report.yearsNamedWithout',
    'yearsWithoutAnnualReport',
    // (「22 23 24 25年的年报一个都冇报」: one 年 after the last of them)
    /((?:(?<!\d)(?:\d{4}|\d{2})(?:年度?)?[和、跟及与,，\s]*){2,4})年?度?的?(?:年报|年度报告)(?:都|也|一直|全|一个都|一年都|一份都)?(?:没有?|未|冇)(?:报|交)/,
    (m) => consecutiveYears(m[1] ?? ''),
  ),
  // 「年报前年去年都冇报」「大前年和前年的年报都没交」: past years named by their relative words
  rule(
    'report.relativeYearsWithout',
    'yearsWithoutAnnualReport',
    [
      /(?:年报|年度报告)((?:大前年|前年|去年)[和、跟及与,，\s]*){2,3}(?:都|也|一直|全)(?:没有?|未|冇)(?:报|交)/,
      /((?:大前年|前年|去年)(?:的)?[和、跟及与,，\s]*){2,3}的?(?:年报|年度报告)(?:都|也|一直|全)?(?:没有?|未|冇)(?:报|交)/,
      // 「前年和大前年两年都冇报年报」: the years, their count, then the reports not filed
      /((?:大前年|前年|去年)(?:的)?[和、跟及与,，\s]*){2,3}(?:这?[两三]年)?(?:都|也|一直|全)(?:没有?|未|冇)(?:报|交)(?:年报|年度报告)/,
    ],
    (m) => consecutiveRelativeYears(m[0]),
  ),
  rule(
    'tax.notFiled',
    'taxFiled',
    [
      /(?:没有?|未|不)(?:申报|报|交|缴|纳)过?(?:纳)?税/,
      /(?:没有?|未)(?:申报)?纳税/,
      /税(?!务)[^，,。;；没未不]{0,5}?(?:没有?|未)(?:报|交|缴|申报)/,
      /税务局?(?:那边|那里|上|方面)?(?:也|都|一直){0,2}(?:没有?|未)去?(?:申报|报|交|缴)/,
      /税务?[^，,。;；没未不]{0,8}?(?:都|也)(?:没有?|未)(?:报|交|缴|申报)/,
      /税务?[^，,。;；]{0,3}?(?:都|也)?(?:停|断)(?:了|报|交)/,
    ],
    false,
  ),
  rule(
    'tax.filed',
    'taxFiled',
    [
      /(?:一直|都|正常|按时|按月|每月|每个月)(?:在)?(?:报税|纳税|申报纳税|交税)/,
      // (「两年没报税 年报报了」: the 报了 of another piece is the report's)
      /税[^，,。;；\s没不未]{0,4}?(?:报着|在报|正常报|交着|按时报|按时交|正常交|都报了|报了|都在报)/,
      /(?:报税|纳税)(?:一直)?(?:正常|按时|没断)/,
      /(?<!没|没有|未|不)零申报(?![^，,。;；]{0,3}?(?:没|未|不))/,
      /税务?(?:也|都|一直|还){0,2}(?:在)?(?:正常|按时|按月|按期)(?:申报|报|交|缴)/,
      /税(?!务异常)[^，,。;；没未不]{0,5}?(?:都|一直|也|按时|正常)(?:在)?(?:报|交|缴|申报)(?:的|了|着)/,
      /(?<!没|没有|未)税务?[^，,。;；没未不]{0,3}?(?:都|一直|也|还|照样)有(?:在)?(?:报|交|缴|申报)/,
    ],
    true,
  ),
];
