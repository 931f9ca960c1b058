// The repair routes of the 通城县 plan (DOMAIN.md §2) and the national standard routes (§3), as data.
// A route *applies* when every test in `when` holds; its `conditions` then decide whether the user can
// use it now. Order is priority: a pilot route stands before the standard route it relaxes.
import {
  type Deadline,
  type DocumentId,
  ERROR_KINDS,
  type ErrorKind,
  type FactName,
  type Facts,
  type PathId,
} from './types.ts';

/** One test on one fact. `test` receives a known (non-undefined) value. */
export interface Test {
  fact: FactName;
  test: (value: NonNullable<Facts[FactName]>) => boolean;
}

export interface Condition extends Test {
  /** stable id; the Chinese wording of met/unmet is in knowledge/reasons.json */
  id: string;
  citation: string;
  /** the condition only matters in some situations (e.g. kind-specific minor-error conditions) */
  only?: (facts: Facts) => boolean;
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
export const DECISION_WORKING_DAYS = 5;

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
  { fact: 'listed', test: is(true) },
  { fact: 'listingReason', test: oneOf(...reasons) },
];

const REPAIR_DOCS: DocumentId[] = ['repair-application', 'credit-commitment'];
const FROM_RECEIPT: Deadline = { workingDays: DECISION_WORKING_DAYS, from: 'receipt' };
const AFTER_VERIFICATION: Deadline = { workingDays: DECISION_WORKING_DAYS, from: 'verification' };
const SUBMIT = ['prepare-repair-documents', 'submit-application', 'await-decision'];

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
    deadline: FROM_RECEIPT,
    citations: ['四(三)一'],
    steps: { eligible: SUBMIT, notEligible: ['file-previous-year-paper-report', ...SUBMIT] },
  },
  {
    id: 'standard-annual-report-enterprise',
    path: 'standard-repair',
    when: [...listedFor('annual_report_overdue'), { fact: 'entityType', test: is('enterprise') }],
    conditions: [
      {
        id: 'all-overdue-reports-filed',
        fact: 'allOverdueReportsFiled',
        test: is(true),
        citation: 'abnormal-list-measures',
      },
    ],
    documents: REPAIR_DOCS,
    deadline: FROM_RECEIPT,
    citations: ['abnormal-list-measures', 'samr-credit-repair'],
    steps: { eligible: SUBMIT, notEligible: ['file-all-overdue-reports', ...SUBMIT] },
  },
  {
    id: 'standard-annual-report-before-pilot',
    path: 'standard-repair',
    when: [
      ...listedFor('annual_report_overdue'),
      { fact: 'entityType', test: oneOf('individual', 'cooperative') },
      { fact: 'listedYear', test: (v) => (v as number) < PILOT_SINCE_YEAR },
    ],
    conditions: [
      {
        id: 'all-overdue-reports-filed',
        fact: 'allOverdueReportsFiled',
        test: is(true),
        citation: 'annual-report-measures',
      },
    ],
    documents: REPAIR_DOCS,
    deadline: FROM_RECEIPT,
    citations: ['annual-report-measures', 'samr-credit-repair'],
    steps: { eligible: SUBMIT, notEligible: ['file-all-overdue-reports', ...SUBMIT] },
  },
  {
    id: 'tolerant-address-change',
    path: 'tolerant-repair-address-change',
    when: [...listedFor('unreachable_at_address'), { fact: 'addressChangeRegistered', test: is(true) }],
    conditions: [],
    documents: REPAIR_DOCS,
    deadline: FROM_RECEIPT,
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
    deadline: AFTER_VERIFICATION,
    citations: ['abnormal-list-measures', 'samr-credit-repair'],
    steps: { eligible: ['declare-reachable-at-registered-address', ...SUBMIT], notEligible: [] },
  },
  {
    id: 'tolerant-address-change-pending',
    path: 'tolerant-repair-address-change',
    when: [
      ...listedFor('unreachable_at_address'),
      { fact: 'addressChangeRegistered', test: is(false) },
      { fact: 'reachableAtRegisteredAddress', test: is(false) },
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
    deadline: FROM_RECEIPT,
    citations: ['四(三)二'],
    steps: { eligible: SUBMIT, notEligible: ['register-address-change', ...SUBMIT] },
  },
  {
    id: 'standard-information-corrected',
    path: 'standard-repair',
    when: listedFor('false_public_info', 'name_change_not_registered'),
    conditions: [
      { id: 'info-corrected', fact: 'infoCorrected', test: is(true), citation: 'abnormal-list-measures' },
    ],
    documents: REPAIR_DOCS,
    deadline: AFTER_VERIFICATION,
    citations: ['abnormal-list-measures', 'samr-credit-repair'],
    steps: { eligible: SUBMIT, notEligible: ['correct-listed-information', ...SUBMIT] },
  },
  {
    id: 'standard-instant-info-published',
    path: 'standard-repair',
    when: listedFor('instant_info_not_published'),
    conditions: [
      { id: 'info-corrected', fact: 'infoCorrected', test: is(true), citation: 'abnormal-list-measures' },
    ],
    documents: REPAIR_DOCS,
    deadline: FROM_RECEIPT,
    citations: ['abnormal-list-measures', 'samr-credit-repair'],
    steps: { eligible: SUBMIT, notEligible: ['correct-listed-information', ...SUBMIT] },
  },
  {
    id: 'listed-other-reason',
    path: 'not-covered',
    when: listedFor('other'),
    conditions: [],
    documents: [],
    deadline: null,
    citations: ['samr-credit-repair'],
    steps: { eligible: [], notEligible: ['ask-bureau-for-listing-decision', 'contact-bureau'] },
    verdict: false,
  },
  {
    id: 'minor-error',
    path: 'minor-error-exemption',
    when: [
      { fact: 'listed', test: is(false) },
      { fact: 'errorKind', test: oneOf(...SIX_ERROR_KINDS) },
    ],
    conditions: [
      { id: 'is-enterprise', fact: 'entityType', test: is('enterprise'), citation: '四(四)' },
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
    when: [
      { fact: 'listed', test: is(false) },
      { fact: 'errorKind', test: is('other') },
    ],
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
      { fact: 'listed', test: is(false) },
      { fact: 'operatingAtRegisteredAddress', test: is(false) },
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
];

/**
 * Facts that choose between families of routes (listed or not, why, which error): while one of them
 * is unknown, the questions of any single branch would assume an answer the user has not given.
 */
export const BRANCHING_FACTS: readonly FactName[] = ['listed', 'listingReason', 'errorKind'];
