// Every citation id a route or condition may carry. Policy clauses use the plan's own numbering
// (四(三)一 = section 四, item (三), case 一); national rules use short ids. Titles are in knowledge/.
export const POLICY_CLAUSES = [
  '四(三)一',
  '四(三)二',
  '四(四)',
  '四(四)一',
  '四(四)二',
  '四(四)三',
  '四(四)四',
  '四(四)五',
  '四(四)六',
  '四(四)七',
  '四(五)',
  '五(二)二',
  '五(二)三',
] as const;

export const NATIONAL_RULES = [
  'samr-credit-repair',
  // 《市场监督管理信用修复管理办法》（总局令第107号）, article by article (docs/rules-2025.md)
  'samr107-art4',
  'samr107-art7',
  'samr107-art8',
  'samr107-art9',
  'samr107-art11',
  'samr107-art12',
  'samr107-art13',
  'samr107-art14',
  'samr107-art16',
  'samr107-art23',
  'samr107-art31',
  // 《市场监督管理行政处罚信息公示规定》（总局令第45号）: when a penalty is published
  'penalty-publicity-rules',
  'civil-code-periods',
  'abnormal-list-measures',
  'annual-report-measures',
  'enterprise-info-disclosure',
  'ndrc-credit-repair',
  'serious-violation-list',
] as const;

export const CITATION_IDS: readonly string[] = [...POLICY_CLAUSES, ...NATIONAL_RULES];
