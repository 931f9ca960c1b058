// The repair routes of the 通城县 plan (DOMAIN.md §2), the national routes for the 经营异常名录 (§3) and
// for published penalties and the serious list (§3a, 总局令第107号), as data. A route *applies* when every
// test in `when` holds; its `conditions` then decide whether the user can use it now. Order is priority:
// a pilot route stands before the standard route it relaxes.
import { addWorkingDays } from './deadline.ts';
import { dayAfterPeriod, firstDayOf, isYearOnly, lastDayOf, periodOver, periodState } from './periods.ts';
import {
  type Deadline,
  type DocumentId,
  ERROR_KINDS,
  type ErrorKind,
  type FactName,
  type Facts,
  type ListingReason,
  type PathId,
  type RouteDates,
} from './types.ts';

/** The day the rules are applied (YYYY-MM-DD): waiting periods are counted to it. */
export interface RuleContext {
  today: string;
}

export type Outcome = 'holds' | 'fails' | 'unknown';

/**
 * One test on one fact. `test` receives a known (non-undefined) value. `whenAbsent` says what an unknown
 * fact means where it is not asked (inJurisdiction absent = the configured county; recordType absent =
 * the 经营异常名录). `assess` replaces `test` where the outcome rests on several facts (the class of a
 * penalty, a waiting period); it names the facts still unknown, most useful first.
 */
export interface Test {
  fact: FactName;
  test: (value: NonNullable<Facts[FactName]>, facts: Facts, ctx: RuleContext) => boolean;
  whenAbsent?: 'holds' | 'fails';
  assess?: (facts: Facts, ctx: RuleContext) => { outcome: Outcome; unknown: FactName[] };
}

export interface Condition extends Test {
  /** stable id; the Chinese wording of met/unmet is in knowledge/reasons.json */
  id: string;
  citation: string;
  /** the condition only matters in some situations (e.g. kind-specific minor-error conditions) */
  only?: (facts: Facts) => boolean;
  /** values for the reason's wording (the earliest date to apply) */
  values?: (facts: Facts, ctx: RuleContext) => Record<string, string> | undefined;
}

export interface Route {
  /** stable id of this rule (several rules may share a path) */
  id: string;
  path: PathId;
  when: Test[];
  conditions: Condition[];
  documents: DocumentId[];
  deadline: Deadline | null;
  citations: string[];
  /** step ids when the user can go ahead, and when a condition is still unmet */
  steps: { eligible: string[]; notEligible: string[] };
  /**
   * A fixed verdict for routes that are not applied for: revocation-risk is a warning (null),
   * not-covered means no repair route of the plan or the national rules fits (false).
   */
  verdict?: boolean | null;
  /**
   * Whether the documents still apply when a condition is unmet. A repair route's unmet condition is
   * a step to take first (file the report, register the change), so its documents stay; an exemption
   * that is ruled out has nothing to apply for.
   */
  documentsOnlyWhenEligible?: boolean;
  /** clauses that depend on the facts, e.g. the 四(四) case of the error kind */
  citeAlso?: (facts: Facts, eligible: boolean | null) => string[];
  /** calendar dates of the route (earliest day to apply, end of publication) */
  dates?: (facts: Facts, ctx: RuleContext) => RouteDates;
  /** notes that are no condition but change what the user should know (met reasons, with values) */
  notes?: (
    facts: Facts,
    ctx: RuleContext,
  ) => { id: string; citation?: string; values?: Record<string, string> }[];
}

const is =
  <T>(expected: T) =>
  (v: unknown) =>
    v === expected;
const oneOf =
  (...values: string[]) =>
  (v: unknown) =>
    values.includes(v as string);

export const PILOT_SINCE_YEAR = 2020;
/** the county plan's promise for its own 容缺 routes: 「5个工作日内」 (四(三)一、四(三)二) */
export const PILOT_DECISION_WORKING_DAYS = 5;
/** 总局令第107号第十四条: accepted (or every missing document named) within 2 working days of receipt */
export const ACCEPTANCE_WORKING_DAYS = 2;
/** 总局令第107号第十六条第一款: 经营异常名录 removal decided within 2 working days */
export const ABNORMAL_LIST_DECISION_WORKING_DAYS = 2;
/** 总局令第107号第十六条第二款、第三款: penalties and the serious list, 7 working days (+10 with approval) */
export const PENALTY_DECISION_WORKING_DAYS = 7;
export const PENALTY_EXTENSION_WORKING_DAYS = 10;
/** 总局令第107号第七条第三款: 较低数额罚款 is at most 50,000 yuan for a business */
export const LOWER_FINE_LIMIT_YUAN = 50_000;
/** the day 总局令第107号 took effect (第三十一条) */
export const SAMR_107_IN_FORCE = '2025-12-25';

/** Listing reasons repaired once the information is corrected, published or registered (infoCorrected, 总局令第107号 art. 12). */
export const INFO_CORRECTION_REASONS: ReadonlySet<ListingReason> = new Set<ListingReason>([
  'false_public_info',
  'instant_info_not_published',
  'name_change_not_registered',
]);

/** the six kinds of 四(四)一–六; `other` is outside the exemption */
const SIX_ERROR_KINDS = ERROR_KINDS.filter((k) => k !== 'other');

/** The clause of 四(四) each minor-error kind falls under. */
export const ERROR_KIND_CLAUSE: Record<ErrorKind, string | null> = {
  contact_info: '四(四)一',
  website_or_shop: '四(四)二',
  party_building_info: '四(四)三',
  license_info_late: '四(四)四',
  decimal_or_unit: '四(四)五',
  branch_zero_financials: '四(四)六',
  other: null,
};

const listedFor = (...reasons: string[]): Test[] => [
  abnormalList,
  { fact: 'listed', test: is(true) },
  { fact: 'listingReason', test: oneOf(...reasons) },
];

/** Every standard annual-report route: removal once each missing year is filed (107号 第十二条). */
const ALL_OVERDUE_FILED: Condition = {
  id: 'all-overdue-reports-filed',
  fact: 'allOverdueReportsFiled',
  test: is(true),
  citation: 'samr107-art12',
};
const REPAIR_DOCS: DocumentId[] = ['repair-application', 'credit-commitment'];
const pilotPromise = (clause: string): Deadline => ({
  workingDays: PILOT_DECISION_WORKING_DAYS,
  from: 'receipt',
  rule: clause,
});
/** 总局令第107号第十四条、第十六条第一款: accepted within 2, decided within 2 working days of acceptance */
const NATIONAL_ABNORMAL_LIST: Deadline = {
  workingDays: ABNORMAL_LIST_DECISION_WORKING_DAYS,
  from: 'acceptance',
  acceptanceWorkingDays: ACCEPTANCE_WORKING_DAYS,
  rule: 'samr107-art16',
};
/** 第十六条第一款: an unreachable-address listing is decided within 2 working days of verification */
const NATIONAL_ABNORMAL_LIST_VERIFIED: Deadline = { ...NATIONAL_ABNORMAL_LIST, from: 'verification' };
const NATIONAL_PENALTY: Deadline = {
  workingDays: PENALTY_DECISION_WORKING_DAYS,
  from: 'acceptance',
  acceptanceWorkingDays: ACCEPTANCE_WORKING_DAYS,
  extensionWorkingDays: PENALTY_EXTENSION_WORKING_DAYS,
  rule: 'samr107-art16',
};
const SUBMIT = ['prepare-repair-documents', 'submit-application', 'await-decision'];
/** Outside the county: the same national steps, but at the bureau where the business is registered. */
const SUBMIT_AT_HOME = ['prepare-repair-documents', 'submit-at-registration-bureau', 'await-decision'];

/** inJurisdiction absent means the configured county: only a stated other county turns the pilot off. */
const inCounty: Test = { fact: 'inJurisdiction', test: is(true), whenAbsent: 'holds' };
const outOfCounty: Test = { fact: 'inJurisdiction', test: is(false), whenAbsent: 'fails' };
/** recordType absent means the 经营异常名录, as before penalties were covered */
const abnormalList: Test = { fact: 'recordType', test: is('abnormal_list'), whenAbsent: 'holds' };
const recordIs = (...types: string[]): Test => ({
  fact: 'recordType',
  test: oneOf(...types),
  whenAbsent: 'fails',
});

const exclusion = (id: string, fact: FactName): Condition => ({
  id,
  fact,
  test: is(false),
  citation: '五(二)三',
});
const minorErrorOnly =
  (kind: ErrorKind) =>
  (f: Facts): boolean =>
    f.errorKind === kind;

/** Revocation risk is checked on its own: it wins whenever its three conditions hold. */
export const REVOCATION_RISK: Route = {
  id: 'zombie-enterprise',
  path: 'revocation-risk',
  when: [
    { fact: 'locatable', test: is(false) },
    { fact: 'yearsWithoutAnnualReport', test: (v) => (v as number) >= 2 },
    { fact: 'taxFiled', test: is(false) },
  ],
  conditions: [],
  documents: [],
  deadline: null,
  citations: ['五(二)二'],
  steps: {
    eligible: [],
    notEligible: ['revocation-act-now', 'file-all-overdue-reports', 'file-tax-returns', 'contact-bureau'],
  },
  verdict: null,
};

export const ROUTES: Route[] = [
  {
    id: 'tolerant-annual-report',
    path: 'tolerant-repair-annual-report',
    when: [
      ...listedFor('annual_report_overdue'),
      { fact: 'entityType', test: oneOf('individual', 'cooperative') },
      { fact: 'listedYear', test: (v) => (v as number) >= PILOT_SINCE_YEAR },
      inCounty,
    ],
    conditions: [
      {
        id: 'previous-year-report-filed',
        fact: 'previousYearReportFiled',
        test: is(true),
        citation: '四(三)一',
      },
    ],
    documents: REPAIR_DOCS,
    deadline: pilotPromise('四(三)一'),
    citations: ['四(三)一'],
    steps: { eligible: SUBMIT, notEligible: ['file-previous-year-paper-report', ...SUBMIT] },
  },
  {
    id: 'standard-annual-report-enterprise',
    path: 'standard-repair',
    when: [...listedFor('annual_report_overdue'), { fact: 'entityType', test: is('enterprise') }],
    conditions: [ALL_OVERDUE_FILED],
    documents: REPAIR_DOCS,
    deadline: NATIONAL_ABNORMAL_LIST,
    citations: ['samr107-art12', 'samr107-art16', 'abnormal-list-measures'],
    steps: { eligible: SUBMIT, notEligible: ['file-all-overdue-reports', ...SUBMIT] },
  },
  {
    id: 'standard-annual-report-before-pilot',
    path: 'standard-repair',
    // listed before 2020 it is the standard route whatever the type (DOMAIN.md §5), so a type nobody
    // can tell (「执照上到底是个体户还是公司我也不清楚」) is not asked for; an enterprise takes the route above
    when: [
      ...listedFor('annual_report_overdue'),
      { fact: 'listedYear', test: (v) => (v as number) < PILOT_SINCE_YEAR },
    ],
    conditions: [ALL_OVERDUE_FILED],
    documents: REPAIR_DOCS,
    deadline: NATIONAL_ABNORMAL_LIST,
    citations: ['samr107-art12', 'samr107-art16', 'annual-report-measures'],
    steps: { eligible: SUBMIT, notEligible: ['file-all-overdue-reports', ...SUBMIT] },
  },
  {
    id: 'tolerant-address-change',
    path: 'tolerant-repair-address-change',
    when: [
      ...listedFor('unreachable_at_address'),
      { fact: 'addressChangeRegistered', test: is(true) },
      inCounty,
    ],
    conditions: [],
    documents: REPAIR_DOCS,
    deadline: pilotPromise('四(三)二'),
    citations: ['四(三)二'],
    steps: { eligible: SUBMIT, notEligible: [] },
  },
  {
    id: 'standard-reachable-again',
    path: 'standard-repair',
    when: [
      ...listedFor('unreachable_at_address'),
      { fact: 'addressChangeRegistered', test: is(false) },
      { fact: 'reachableAtRegisteredAddress', test: is(true) },
    ],
    conditions: [],
    documents: REPAIR_DOCS,
    deadline: NATIONAL_ABNORMAL_LIST_VERIFIED,
    citations: ['samr107-art12', 'samr107-art16', 'abnormal-list-measures'],
    steps: { eligible: ['declare-reachable-at-registered-address', ...SUBMIT], notEligible: [] },
  },
  // Not reachable at the registered address: the change registration is the only way back, so the
  // route is this one whether the change is not done or not yet known (then eligible stays open).
  {
    id: 'tolerant-address-change-pending',
    path: 'tolerant-repair-address-change',
    when: [
      ...listedFor('unreachable_at_address'),
      { fact: 'reachableAtRegisteredAddress', test: is(false) },
      inCounty,
    ],
    conditions: [
      {
        id: 'address-change-registered',
        fact: 'addressChangeRegistered',
        test: is(true),
        citation: '四(三)二',
      },
    ],
    documents: REPAIR_DOCS,
    deadline: pilotPromise('四(三)二'),
    citations: ['四(三)二'],
    steps: { eligible: SUBMIT, notEligible: ['register-address-change', ...SUBMIT] },
  },
  {
    id: 'standard-information-corrected',
    path: 'standard-repair',
    when: listedFor('false_public_info', 'name_change_not_registered'),
    conditions: [{ id: 'info-corrected', fact: 'infoCorrected', test: is(true), citation: 'samr107-art12' }],
    documents: REPAIR_DOCS,
    // 第十六条第一款 counts from verification only for unreachable-address listings
    deadline: NATIONAL_ABNORMAL_LIST,
    citations: ['samr107-art12', 'samr107-art16', 'abnormal-list-measures'],
    steps: { eligible: SUBMIT, notEligible: ['correct-listed-information', ...SUBMIT] },
  },
  {
    id: 'standard-instant-info-published',
    path: 'standard-repair',
    when: listedFor('instant_info_not_published'),
    conditions: [{ id: 'info-corrected', fact: 'infoCorrected', test: is(true), citation: 'samr107-art12' }],
    documents: REPAIR_DOCS,
    deadline: NATIONAL_ABNORMAL_LIST,
    citations: ['samr107-art12', 'samr107-art16', 'abnormal-list-measures'],
    steps: { eligible: SUBMIT, notEligible: ['correct-listed-information', ...SUBMIT] },
  },
  {
    id: 'listed-other-reason',
    path: 'not-covered',
    when: listedFor('other'),
    conditions: [],
    documents: [],
    deadline: null,
    citations: ['samr107-art12'],
    steps: { eligible: [], notEligible: ['ask-bureau-for-listing-decision', 'contact-bureau'] },
    verdict: false,
  },
  // Registered outside the configured county (DOMAIN §5): the county's pilot measures do not apply; the
  // national route of 总局令第107号第十二条 does, at the bureau where the business is registered (第四条第三项).
  {
    id: 'national-annual-report-out-of-county',
    path: 'standard-repair',
    when: [
      ...listedFor('annual_report_overdue'),
      { fact: 'entityType', test: oneOf('individual', 'cooperative') },
      outOfCounty,
    ],
    conditions: [ALL_OVERDUE_FILED],
    documents: REPAIR_DOCS,
    deadline: NATIONAL_ABNORMAL_LIST,
    citations: ['samr107-art12', 'samr107-art16', 'annual-report-measures'],
    steps: { eligible: SUBMIT_AT_HOME, notEligible: ['file-all-overdue-reports', ...SUBMIT_AT_HOME] },
  },
  {
    id: 'national-address-change-out-of-county',
    path: 'standard-repair',
    when: [
      ...listedFor('unreachable_at_address'),
      { fact: 'addressChangeRegistered', test: is(true) },
      outOfCounty,
    ],
    conditions: [],
    documents: REPAIR_DOCS,
    deadline: NATIONAL_ABNORMAL_LIST_VERIFIED,
    citations: ['samr107-art12', 'samr107-art16', 'abnormal-list-measures'],
    steps: { eligible: SUBMIT_AT_HOME, notEligible: [] },
  },
  {
    id: 'national-address-pending-out-of-county',
    path: 'standard-repair',
    when: [
      ...listedFor('unreachable_at_address'),
      { fact: 'reachableAtRegisteredAddress', test: is(false) },
      outOfCounty,
    ],
    conditions: [
      {
        id: 'address-change-registered',
        fact: 'addressChangeRegistered',
        test: is(true),
        citation: 'samr107-art12',
      },
    ],
    documents: REPAIR_DOCS,
    deadline: NATIONAL_ABNORMAL_LIST_VERIFIED,
    citations: ['samr107-art12', 'samr107-art16', 'abnormal-list-measures'],
    steps: { eligible: SUBMIT_AT_HOME, notEligible: ['register-address-change', ...SUBMIT_AT_HOME] },
  },
  {
    id: 'pilot-measure-out-of-county',
    path: 'not-covered',
    when: [
      abnormalList,
      { fact: 'listed', test: is(false) },
      { fact: 'errorKind', test: oneOf(...SIX_ERROR_KINDS) },
      outOfCounty,
    ],
    conditions: [],
    documents: [],
    deadline: null,
    citations: ['四(四)'],
    steps: { eligible: [], notEligible: ['correct-error', 'ask-home-bureau-for-similar-measure'] },
    verdict: false,
  },
  {
    id: 'buffer-out-of-county',
    path: 'not-covered',
    when: [
      abnormalList,
      { fact: 'listed', test: is(false) },
      { fact: 'operatingAtRegisteredAddress', test: is(false) },
      outOfCounty,
    ],
    conditions: [],
    documents: [],
    deadline: null,
    citations: ['四(五)'],
    steps: { eligible: [], notEligible: ['register-address-change', 'ask-home-bureau-for-similar-measure'] },
    verdict: false,
  },
  {
    id: 'minor-error',
    path: 'minor-error-exemption',
    when: [
      abnormalList,
      { fact: 'listed', test: is(false) },
      { fact: 'errorKind', test: oneOf(...SIX_ERROR_KINDS) },
      inCounty,
    ],
    conditions: [
      // Presumed when unsaid, as DOMAIN §5 decides this route from the error and its handling alone; the
      // reason says so (is-enterprise-presumed), so an individual business or cooperative corrects it.
      {
        id: 'is-enterprise',
        fact: 'entityType',
        test: is('enterprise'),
        whenAbsent: 'holds',
        citation: '四(四)',
      },
      { id: 'corrected-after-reminder', fact: 'correctedAfterReminder', test: is(true), citation: '四(四)' },
      { id: 'not-intentional', fact: 'intentional', test: is(false), citation: '四(四)' },
      { id: 'no-adverse-impact', fact: 'adverseImpact', test: is(false), citation: '四(四)' },
      {
        id: 'first-spot-check',
        fact: 'firstSpotCheck',
        test: is(true),
        citation: '四(四)五',
        only: minorErrorOnly('decimal_or_unit'),
      },
      {
        id: 'is-branch',
        fact: 'isBranch',
        test: is(true),
        citation: '四(四)六',
        only: minorErrorOnly('branch_zero_financials'),
      },
      {
        id: 'parent-publishes-financials',
        fact: 'parentPublishesFinancials',
        test: is(true),
        citation: '四(四)六',
        only: minorErrorOnly('branch_zero_financials'),
      },
      {
        id: 'proof-provided',
        fact: 'proofProvided',
        test: is(true),
        citation: '四(四)六',
        only: minorErrorOnly('branch_zero_financials'),
      },
      exclusion('not-safety-related', 'safetyRelated'),
      exclusion('not-repeated-error', 'repeatedSameError'),
      exclusion('no-major-impact-or-dispute', 'majorImpactOrDispute'),
      exclusion('cooperated-with-inspection', 'refusedInspection'),
      exclusion('met-correction-deadline', 'missedCorrectionDeadline'),
    ],
    documents: ['minor-error-application'],
    documentsOnlyWhenEligible: true,
    deadline: null,
    citations: ['四(四)', '五(二)三'],
    citeAlso: (facts, eligible) => [
      ...(facts.errorKind && ERROR_KIND_CLAUSE[facts.errorKind]
        ? [ERROR_KIND_CLAUSE[facts.errorKind] as string]
        : []),
      ...(eligible === true ? ['四(四)七'] : []),
    ],
    steps: {
      eligible: ['correct-error', 'submit-minor-error-application', 'spot-check-marking'],
      notEligible: ['correct-error', 'expect-listing-procedure', 'contact-bureau'],
    },
  },
  {
    id: 'minor-error-other-kind',
    path: 'not-covered',
    when: [abnormalList, { fact: 'listed', test: is(false) }, { fact: 'errorKind', test: is('other') }],
    conditions: [],
    documents: [],
    deadline: null,
    citations: ['四(四)'],
    steps: { eligible: [], notEligible: ['correct-error', 'contact-bureau'] },
    verdict: false,
  },
  {
    id: 'punishment-buffer',
    path: 'punishment-buffer',
    when: [
      abnormalList,
      { fact: 'listed', test: is(false) },
      { fact: 'operatingAtRegisteredAddress', test: is(false) },
      inCounty,
    ],
    conditions: [
      { id: 'reachable-by-other-means', fact: 'reachableByOtherMeans', test: is(true), citation: '四(五)' },
      { id: 'no-other-violations', fact: 'otherViolations', test: is(false), citation: '四(五)' },
    ],
    documents: ['situation-explanation'],
    documentsOnlyWhenEligible: true,
    deadline: null,
    citations: ['四(五)'],
    steps: {
      eligible: ['explain-situation', 'register-address-change'],
      notEligible: ['register-address-change', 'expect-listing-procedure', 'contact-bureau'],
    },
  },
];

// ---- Published penalties and the serious list (总局令第107号) ----

/** The classes of 第六条–第九条, by what the decision imposed (the heaviest penalty in it, 第六条第二款). */
export type PenaltyClass = 'minor' | 'general' | 'key-sector' | 'restriction' | 'revocation';

/**
 * The class of a penalty, or the facts still needed to tell it. 第七条: only a warning, only 通报批评, or
 * only a 较低数额罚款 (从轻/减轻 and ≤ 50,000 yuan) is minor; 第八条: a non-minor penalty in a key sector,
 * a restriction, a revocation is serious; 第九条: everything else is general.
 */
export function penaltyClass(f: Facts): {
  cls?: PenaltyClass;
  unknown: FactName[];
  possible?: PenaltyClass[];
} {
  const kind = f.penaltyKind;
  if (kind === undefined) return { unknown: ['penaltyKind'] };
  if (kind === 'warning' || kind === 'criticism') return { cls: 'minor', unknown: [] };
  if (kind === 'revocation' || kind === 'restriction') return { cls: kind, unknown: [] };
  if (kind === 'fine') {
    const amount = f.fineAmountYuan;
    const bigFine = amount !== undefined && amount > LOWER_FINE_LIMIT_YUAN;
    if (!bigFine && f.fineMitigated !== false) {
      if (f.fineMitigated === true && amount !== undefined) return { cls: 'minor', unknown: [] };
      const unknown: FactName[] = [];
      if (amount === undefined) unknown.push('fineAmountYuan');
      if (f.fineMitigated === undefined) unknown.push('fineMitigated');
      return { unknown };
    }
  }
  // a fine that is not 较低数额, or 没收: general unless it is in a key sector
  // only the sector is open: the class is one of these two, never minor or a revocation
  if (f.keySector === undefined) return { unknown: ['keySector'], possible: ['general', 'key-sector'] };
  return { cls: f.keySector ? 'key-sector' : 'general', unknown: [] };
}

const classIs = (...classes: PenaltyClass[]): Test => ({
  fact: 'penaltyKind',
  test: () => false,
  assess: (f) => {
    const c = penaltyClass(f);
    if (!c.cls && c.possible && !c.possible.some((p) => classes.includes(p)))
      return { outcome: 'fails', unknown: [] };
    if (!c.cls) return { outcome: 'unknown', unknown: c.unknown };
    return { outcome: classes.includes(c.cls) ? 'holds' : 'fails', unknown: [] };
  },
});

const PENALTY_BY_US: Test[] = [
  recordIs('admin_penalty'),
  { fact: 'issuedByMarketSupervision', test: is(true) },
];

/** 第八条第三款–第五款、第九条第二款: the shortest period of publication, after which one may apply. */
const WAIT_MONTHS: Partial<Record<PenaltyClass, number>> = { general: 3, 'key-sector': 12, restriction: 12 };

const waited = (
  months: number,
  dateFact: 'penaltyPublishedDate' | 'seriousListedDate',
  citation: string,
): Condition => ({
  id: months === 3 ? 'waited-three-months' : 'waited-one-year',
  fact: dateFact,
  test: (v, _f, ctx) => periodState(v as string, months, ctx.today) === true,
  // a year told alone decides only where every day of it does (periods.ts periodState); else the day is asked
  assess: (f, ctx) => {
    const from = f[dateFact];
    const over = from === undefined ? undefined : periodState(from, months, ctx.today);
    return over === undefined
      ? { outcome: 'unknown', unknown: [dateFact] }
      : { outcome: over ? 'holds' : 'fails', unknown: [] };
  },
  citation,
  // (from a year told alone: its first day, the earliest the period can end)
  values: (f) => {
    const from = f[dateFact];
    return from ? { date: dayAfterPeriod(firstDayOf(from), months) } : undefined;
  },
});

/**
 * 《市场监督管理行政处罚信息公示规定》第九条、第十条 (research/credit-repair-rules-2025.md Q4): a penalty is
 * published within 20 working days of its decision (10 + 10 across provinces).
 */
const PUBLISHED_WITHIN_WORKING_DAYS = 20;

/** The last day a penalty decided on `decided` may have been published; unknown where the holidays are. */
export function publishedBy(decided: string): string | undefined {
  const r = addWorkingDays(decided, PUBLISHED_WITHIN_WORKING_DAYS);
  return r.yearsWithoutCalendar.length ? undefined : r.date;
}

/**
 * Whether a penalty's waiting period is over. It counts from publication (DOMAIN §4); where only the
 * decision's date is told, that bounds it: publication comes no earlier than the decision (a period not
 * over from the decision is not over), and no later than 20 working days after it (a period over from
 * that day is over). In between the publication date is asked.
 */
function penaltyWaitOver(f: Facts, months: number, today: string): boolean | undefined {
  if (f.penaltyPublishedDate) return periodState(f.penaltyPublishedDate, months, today);
  if (!f.penaltyDecisionDate) return undefined;
  // (a decision told by its year alone: its first day bounds the one, its last day the other)
  if (!periodOver(firstDayOf(f.penaltyDecisionDate), months, today)) return false;
  const by = publishedBy(lastDayOf(f.penaltyDecisionDate));
  return by && periodOver(by, months, today) ? true : undefined;
}

const penaltyWaited = (months: number, citation: string): Condition => ({
  ...waited(months, 'penaltyPublishedDate', citation),
  assess: (f, ctx) => {
    const over = penaltyWaitOver(f, months, ctx.today);
    return over === undefined
      ? { outcome: 'unknown', unknown: ['penaltyPublishedDate'] }
      : { outcome: over ? 'holds' : 'fails', unknown: [] };
  },
  // from the decision: the earliest the period can end (publication may come later)
  values: (f) => {
    const from = f.penaltyPublishedDate ?? f.penaltyDecisionDate;
    return from ? { date: dayAfterPeriod(firstDayOf(from), months) } : undefined;
  },
});

/** The period counted from the decision's date, the publication date untold: say so, and what decides. */
const countedFromDecision = (f: Facts) => {
  if (f.penaltyPublishedDate || !f.penaltyDecisionDate) return [];
  const by = publishedBy(lastDayOf(f.penaltyDecisionDate));
  return [
    {
      id: by ? 'wait-counted-from-decision' : 'wait-counted-from-decision-no-calendar',
      citation: 'penalty-publicity-rules',
      values: { decided: f.penaltyDecisionDate, ...(by ? { publishedBy: by } : {}) },
    },
  ];
};

/** The day publication stops by itself, `months` after it began; none from a year told alone (no day to name). */
const publicationEndsAfter = (from: string | undefined, months: number): RouteDates =>
  from && !isYearOnly(from) ? { publicationEnds: dayAfterPeriod(from, months) } : {};

const earliestApply =
  (months: number, dateFact: 'penaltyPublishedDate' | 'seriousListedDate') =>
  (f: Facts, ctx: RuleContext): RouteDates => {
    const from = f[dateFact];
    // (a year told alone gives no day to name)
    if (!from || isYearOnly(from) || periodOver(from, months, ctx.today)) return {};
    return { earliestApply: dayAfterPeriod(from, months) };
  };

const PENALTY_CONDITIONS: Condition[] = [
  { id: 'obligations-fulfilled', fact: 'obligationsFulfilled', test: is(true), citation: 'samr107-art11' },
  { id: 'rectified', fact: 'rectified', test: is(true), citation: 'samr107-art11' },
  { id: 'no-repeat-same-type', fact: 'repeatSameTypePenalty', test: is(false), citation: 'samr107-art11' },
];

const PENALTY_STEPS = {
  eligible: [
    'gather-penalty-proof',
    'prepare-repair-documents',
    'submit-to-deciding-bureau',
    'await-repair-decision',
  ],
  notEligible: [
    'meet-penalty-conditions',
    'gather-penalty-proof',
    'prepare-repair-documents',
    'submit-to-deciding-bureau',
    'await-repair-decision',
  ],
};

/**
 * 107号 has no transitional article: for a penalty published before it took effect the periods above
 * are our reading, not a stated rule (said beside the answer with 「以市场监管部门答复为准」).
 */
const publishedBefore107 = (f: Facts) =>
  f.penaltyPublishedDate !== undefined && lastDayOf(f.penaltyPublishedDate) < SAMR_107_IN_FORCE
    ? [{ id: 'published-before-107', citation: 'samr107-art31' }]
    : [];

/** 第九条第二款 / 第八条第三款: publication should already have stopped by itself. */
const maxPeriodPassed = (maxMonths: number, id: string, citation: string) => (f: Facts, ctx: RuleContext) =>
  f.penaltyPublishedDate && periodState(f.penaltyPublishedDate, maxMonths, ctx.today) === true
    ? [{ id, citation, values: { date: dayAfterPeriod(lastDayOf(f.penaltyPublishedDate), maxMonths) } }]
    : [];

const penaltyRepair = (cls: 'general' | 'key-sector', clause: string, maxMonths: number): Route => {
  const months = WAIT_MONTHS[cls] as number;
  return {
    id: `penalty-${cls}`,
    path: 'penalty-publicity-repair',
    when: [...PENALTY_BY_US, classIs(cls)],
    conditions: [penaltyWaited(months, clause), ...PENALTY_CONDITIONS],
    documents: REPAIR_DOCS,
    deadline: NATIONAL_PENALTY,
    citations: [clause, 'samr107-art11', 'samr107-art14', 'samr107-art16'],
    steps: PENALTY_STEPS,
    dates: earliestApply(months, 'penaltyPublishedDate'),
    notes: (f, ctx) => [
      ...publishedBefore107(f),
      ...countedFromDecision(f),
      ...maxPeriodPassed(maxMonths, 'publication-should-have-ended', clause)(f, ctx),
    ],
  };
};

export const PENALTY_ROUTES: Route[] = [
  {
    // 信用中国 and the deciding department (NDRC 令第36号); market supervision repairs only its own records
    id: 'penalty-other-department',
    path: 'not-covered',
    when: [recordIs('admin_penalty', 'serious_list'), { fact: 'issuedByMarketSupervision', test: is(false) }],
    conditions: [],
    documents: [],
    deadline: null,
    citations: ['samr107-art4', 'ndrc-credit-repair'],
    steps: { eligible: [], notEligible: ['repair-through-credit-china', 'ask-deciding-department'] },
    verdict: false,
  },
  {
    id: 'penalty-minor',
    path: 'penalty-auto-expiry',
    when: [...PENALTY_BY_US, classIs('minor')],
    conditions: [],
    documents: [],
    deadline: null,
    citations: ['samr107-art7'],
    steps: { eligible: [], notEligible: ['wait-for-publication-to-end', 'keep-clean-record'] },
    verdict: false,
    dates: (f) => (f.penaltyKind !== 'warning' ? publicationEndsAfter(f.penaltyPublishedDate, 3) : {}),
    notes: (f) =>
      f.penaltyKind === 'warning' ? [{ id: 'warning-not-published', citation: 'samr107-art7' }] : [],
  },
  {
    id: 'penalty-revocation',
    path: 'penalty-not-repairable',
    when: [...PENALTY_BY_US, classIs('revocation')],
    conditions: [],
    documents: [],
    deadline: null,
    citations: ['samr107-art8'],
    steps: {
      eligible: [],
      notEligible: ['wait-for-publication-to-end', 'keep-clean-record', 'contact-bureau'],
    },
    verdict: false,
    dates: (f) => publicationEndsAfter(f.penaltyPublishedDate, 36),
  },
  {
    id: 'penalty-restriction',
    path: 'penalty-publicity-repair',
    when: [...PENALTY_BY_US, classIs('restriction')],
    conditions: [
      penaltyWaited(12, 'samr107-art8'),
      { id: 'restriction-ended', fact: 'restrictionEnded', test: is(true), citation: 'samr107-art8' },
      ...PENALTY_CONDITIONS,
    ],
    documents: REPAIR_DOCS,
    deadline: NATIONAL_PENALTY,
    citations: ['samr107-art8', 'samr107-art11', 'samr107-art14', 'samr107-art16'],
    steps: PENALTY_STEPS,
    dates: earliestApply(12, 'penaltyPublishedDate'),
    notes: (f) => [...publishedBefore107(f), ...countedFromDecision(f)],
  },
  penaltyRepair('key-sector', 'samr107-art8', 36),
  penaltyRepair('general', 'samr107-art9', 12),
  {
    id: 'serious-list',
    path: 'serious-list-early-removal',
    when: [
      recordIs('serious_list'),
      { fact: 'issuedByMarketSupervision', test: is(true), whenAbsent: 'holds' },
    ],
    conditions: [
      waited(12, 'seriousListedDate', 'samr107-art13'),
      {
        id: 'obligations-fulfilled',
        fact: 'obligationsFulfilled',
        test: is(true),
        citation: 'samr107-art13',
      },
      { id: 'rectified', fact: 'rectified', test: is(true), citation: 'samr107-art13' },
      {
        id: 'no-later-heavier-penalty',
        fact: 'laterHeavierPenalty',
        test: is(false),
        citation: 'samr107-art13',
      },
      {
        id: 'no-statutory-measure-running',
        fact: 'statutoryMeasureRunning',
        test: is(false),
        citation: 'samr107-art13',
      },
    ],
    documents: REPAIR_DOCS,
    deadline: NATIONAL_PENALTY,
    citations: ['samr107-art13', 'samr107-art14', 'samr107-art16', 'serious-violation-list'],
    steps: {
      eligible: [
        'gather-serious-list-proof',
        'prepare-repair-documents',
        'submit-to-listing-bureau',
        'await-repair-decision',
      ],
      notEligible: [
        'meet-serious-list-conditions',
        'gather-serious-list-proof',
        'prepare-repair-documents',
        'submit-to-listing-bureau',
        'await-repair-decision',
      ],
    },
    dates: (f, ctx) => ({
      ...earliestApply(12, 'seriousListedDate')(f, ctx),
      ...publicationEndsAfter(f.seriousListedDate, 36),
    }),
  },
];

/**
 * The order in which unknown facts are asked when several could decide the route: the broad
 * questions first (listed? why?), then the ones that only narrow a branch.
 */
export const QUESTION_ORDER: FactName[] = [
  'locatable',
  'yearsWithoutAnnualReport',
  'taxFiled',
  'listed',
  'listingReason',
  'entityType',
  'listedYear',
  'previousYearReportFiled',
  'allOverdueReportsFiled',
  'addressChangeRegistered',
  'reachableAtRegisteredAddress',
  'infoCorrected',
  'errorKind',
  'operatingAtRegisteredAddress',
  // penalties, asked the way an owner knows them: who fined, what, how much, when published, done?
  'issuedByMarketSupervision',
  'penaltyKind',
  'fineAmountYuan',
  'fineMitigated',
  'keySector',
  'penaltyPublishedDate',
  'seriousListedDate',
  'restrictionEnded',
  'obligationsFulfilled',
  'rectified',
  'repeatSameTypePenalty',
  'laterHeavierPenalty',
  'statutoryMeasureRunning',
];

/**
 * Facts that choose between families of routes (listed or not, why, which error): while one of them
 * is unknown, the questions of any single branch would assume an answer the user has not given.
 */
export const BRANCHING_FACTS: readonly FactName[] = [
  'listed',
  'listingReason',
  'errorKind',
  'issuedByMarketSupervision',
  'penaltyKind',
  'fineAmountYuan',
  'fineMitigated',
  'keySector',
];

/** Every route, the revocation warning first, in the order evaluate tries them. */
export const ALL_ROUTES: Route[] = [REVOCATION_RISK, ...PENALTY_ROUTES, ...ROUTES];

/**
 * Reason ids that routes add as notes (not conditions), and evaluate where every route still possible
 * is met (wait-over-whichever-class) or where a second listing is decided beside the first
 * (second-listing), for the knowledge cross-check.
 */
export const NOTE_REASON_IDS = [
  'second-listing',
  'published-before-107',
  'publication-should-have-ended',
  'warning-not-published',
  'wait-over-whichever-class',
  'wait-counted-from-decision',
  'wait-counted-from-decision-no-calendar',
];

/**
 * Step ids evaluate adds to a route's own: the agent's ID, the home bureau outside the county, and
 * nothing to wait out for a warning alone.
 */
export const ADDED_STEP_IDS = ['agent-brings-id', 'submit-at-registration-bureau', 'warning-not-published'];
