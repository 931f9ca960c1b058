// The rules contract of docs/domain.md §4–5. Outside checks rely on these
// exact names: change them only together with DOMAIN.md.

export const ENTITY_TYPES = ['enterprise', 'individual', 'cooperative'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const LISTING_REASONS = [
  'annual_report_overdue',
  'unreachable_at_address',
  'false_public_info',
  'instant_info_not_published',
  'name_change_not_registered',
  'other',
] as const;
export type ListingReason = (typeof LISTING_REASONS)[number];

export const ERROR_KINDS = [
  'contact_info',
  'website_or_shop',
  'party_building_info',
  'license_info_late',
  'decimal_or_unit',
  'branch_zero_financials',
  'other',
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

export const DOC_TYPE_HINTS = [
  'application',
  'commitment',
  'minor-error-application',
  'situation-explanation',
] as const;
export type DocTypeHint = (typeof DOC_TYPE_HINTS)[number];

/** What the user wants repaired (DOMAIN §4); absent = the 经营异常名录, as before penalties were covered. */
export const RECORD_TYPES = ['abnormal_list', 'admin_penalty', 'serious_list'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/**
 * The heaviest penalty in the decision (DOMAIN §4): restriction = 限制开展生产经营活动 / 责令停产停业 /
 * 限制从业 / 暂扣; revocation = 降低资质等级 / 吊销许可证件 / 吊销营业执照 / 责令关闭.
 */
export const PENALTY_KINDS = [
  'warning',
  'criticism',
  'fine',
  'confiscation',
  'restriction',
  'revocation',
] as const;
export type PenaltyKind = (typeof PENALTY_KINDS)[number];

export interface Facts {
  entityType?: EntityType;
  isBranch?: boolean;
  listed?: boolean;
  listingReason?: ListingReason;
  /**
   * A second listing still on the record beside the one of `listingReason` (「年报冇报被列了 地址那边也
   * 被列了」): each is removed on its own conditions, so the case can be applied for only when both can
   */
  alsoListedFor?: ListingReason;
  listedYear?: number;
  previousYearReportFiled?: boolean;
  allOverdueReportsFiled?: boolean;
  addressChangeRegistered?: boolean;
  reachableAtRegisteredAddress?: boolean;
  infoCorrected?: boolean;
  errorKind?: ErrorKind;
  correctedAfterReminder?: boolean;
  intentional?: boolean;
  adverseImpact?: boolean;
  firstSpotCheck?: boolean;
  parentPublishesFinancials?: boolean;
  proofProvided?: boolean;
  safetyRelated?: boolean;
  repeatedSameError?: boolean;
  majorImpactOrDispute?: boolean;
  refusedInspection?: boolean;
  missedCorrectionDeadline?: boolean;
  operatingAtRegisteredAddress?: boolean;
  reachableByOtherMeans?: boolean;
  otherViolations?: boolean;
  locatable?: boolean;
  yearsWithoutAnnualReport?: number;
  taxFiled?: boolean;
  // Penalties and the serious list (DOMAIN §3a–4).
  recordType?: RecordType;
  issuedByMarketSupervision?: boolean;
  penaltyKind?: PenaltyKind;
  /** the fine was set at the 从轻 or 减轻 level */
  fineMitigated?: boolean;
  fineAmountYuan?: number;
  /** food, drugs, medical devices, cosmetics, special equipment, key industrial products */
  keySector?: boolean;
  /** YYYY-MM-DD; the waiting period counts from publication */
  penaltyPublishedDate?: string;
  /**
   * YYYY-MM-DD: the day the penalty was decided (处罚决定书的日期), told where the publication date is
   * not; it bounds the publication (no earlier, and within 20 working days)
   */
  penaltyDecisionDate?: string;
  restrictionEnded?: boolean;
  obligationsFulfilled?: boolean;
  rectified?: boolean;
  repeatSameTypePenalty?: boolean;
  /** YYYY-MM-DD */
  seriousListedDate?: string;
  laterHeavierPenalty?: boolean;
  statutoryMeasureRunning?: boolean;
  /** false when the business is registered outside the configured county; absent = inside */
  inJurisdiction?: boolean;
  /** someone (a relative, an accountant, an agent) applies on the business's behalf */
  applicantIsAgent?: boolean;
  /** Only ever set by NLU: which document the user asked for. Not a rules input. */
  docType?: DocTypeHint;
}

export type FactName = keyof Facts;

/**
 * Facts the bot keeps beyond the contract of DOMAIN.md §4, whose names are what outside checks
 * compare: `applicantIsAgent` only adds the 授权委托书 of §7; `penaltyDecisionDate` bounds a publication
 * date not told (令第45号 arts. 9–10: published within 20 working days of the decision);
 * `alsoListedFor` is a second listing, decided on its own conditions beside the first (evaluate.ts).
 * `ask` and `eval` report them apart.
 */
export const OWN_FACTS: ReadonlySet<FactName> = new Set<FactName>([
  'applicantIsAgent',
  'penaltyDecisionDate',
  'alsoListedFor',
]);

/** The §4 facts and the bot's own ones, apart. */
export function contractFacts(facts: Facts): { facts: Facts; own: Facts } {
  const out: Record<string, unknown> = {};
  const own: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(facts)) (OWN_FACTS.has(k as FactName) ? own : out)[k] = v;
  return { facts: out as Facts, own: own as Facts };
}

/** Every fact name with its kind; the single list that validation, questions and NLU share. */
export const FACT_KINDS = {
  entityType: { kind: 'enum', values: ENTITY_TYPES },
  isBranch: { kind: 'boolean' },
  listed: { kind: 'boolean' },
  listingReason: { kind: 'enum', values: LISTING_REASONS },
  alsoListedFor: { kind: 'enum', values: LISTING_REASONS },
  listedYear: { kind: 'year' },
  previousYearReportFiled: { kind: 'boolean' },
  allOverdueReportsFiled: { kind: 'boolean' },
  addressChangeRegistered: { kind: 'boolean' },
  reachableAtRegisteredAddress: { kind: 'boolean' },
  infoCorrected: { kind: 'boolean' },
  errorKind: { kind: 'enum', values: ERROR_KINDS },
  correctedAfterReminder: { kind: 'boolean' },
  intentional: { kind: 'boolean' },
  adverseImpact: { kind: 'boolean' },
  firstSpotCheck: { kind: 'boolean' },
  parentPublishesFinancials: { kind: 'boolean' },
  proofProvided: { kind: 'boolean' },
  safetyRelated: { kind: 'boolean' },
  repeatedSameError: { kind: 'boolean' },
  majorImpactOrDispute: { kind: 'boolean' },
  refusedInspection: { kind: 'boolean' },
  missedCorrectionDeadline: { kind: 'boolean' },
  operatingAtRegisteredAddress: { kind: 'boolean' },
  reachableByOtherMeans: { kind: 'boolean' },
  otherViolations: { kind: 'boolean' },
  locatable: { kind: 'boolean' },
  yearsWithoutAnnualReport: { kind: 'count' },
  taxFiled: { kind: 'boolean' },
  recordType: { kind: 'enum', values: RECORD_TYPES },
  issuedByMarketSupervision: { kind: 'boolean' },
  penaltyKind: { kind: 'enum', values: PENALTY_KINDS },
  fineMitigated: { kind: 'boolean' },
  fineAmountYuan: { kind: 'amount' },
  keySector: { kind: 'boolean' },
  penaltyPublishedDate: { kind: 'date' },
  penaltyDecisionDate: { kind: 'date' },
  restrictionEnded: { kind: 'boolean' },
  obligationsFulfilled: { kind: 'boolean' },
  rectified: { kind: 'boolean' },
  repeatSameTypePenalty: { kind: 'boolean' },
  seriousListedDate: { kind: 'date' },
  laterHeavierPenalty: { kind: 'boolean' },
  statutoryMeasureRunning: { kind: 'boolean' },
  inJurisdiction: { kind: 'boolean' },
  applicantIsAgent: { kind: 'boolean' },
  docType: { kind: 'enum', values: DOC_TYPE_HINTS },
} as const satisfies Record<
  FactName,
  | { kind: 'boolean' }
  | { kind: 'year' }
  | { kind: 'count' }
  /** a sum of money in yuan, ≥ 0 */
  | { kind: 'amount' }
  /** a calendar date, YYYY-MM-DD */
  | { kind: 'date' }
  | { kind: 'enum'; values: readonly string[] }
>;

export const FACT_NAMES = Object.keys(FACT_KINDS) as FactName[];

export const PATHS = [
  'tolerant-repair-annual-report',
  'tolerant-repair-address-change',
  'minor-error-exemption',
  'punishment-buffer',
  'revocation-risk',
  'standard-repair',
  'penalty-publicity-repair',
  'penalty-auto-expiry',
  'penalty-not-repairable',
  'serious-list-early-removal',
  'not-covered',
  'undetermined',
] as const;
export type PathId = (typeof PATHS)[number];

export const DOCUMENT_IDS = [
  'repair-application',
  'credit-commitment',
  'minor-error-application',
  'situation-explanation',
  'agent-authorization',
] as const;
export type DocumentId = (typeof DOCUMENT_IDS)[number];

/** A citation id: a policy clause (e.g. '四(三)一') or a national rule id (see rules/citations.ts). */
export type CitationId = string;

/**
 * A reason is a stable id plus the fact it rests on; the Chinese wording lives in knowledge/.
 * `met: true` records a satisfied condition (so the explanation can say what is fine),
 * `met: false` an unmet condition or an exclusion that applies.
 */
export interface Reason {
  id: string;
  fact?: FactName;
  met: boolean;
  /** met only because the fact was not stated and the rule presumes it (knowledge/reasons.json `presumed`) */
  presumed?: true;
  citation?: CitationId;
  /** values the wording needs, e.g. the earliest date to apply {date: '2027-04-01'} */
  values?: Record<string, string>;
}

export interface Deadline {
  /** working days for the decision */
  workingDays: number;
  /**
   * what the count starts from: receipt of the application (the county plan's promise), acceptance
   * (总局令第107号第十六条), or verification (unreachable-address listings and information corrections)
   */
  from: 'receipt' | 'acceptance' | 'verification';
  /** working days from receipt to acceptance, where the rule sets them (总局令第107号第十四条: 2) */
  acceptanceWorkingDays?: number;
  /** extra working days the head of the bureau may approve (总局令第107号第十六条: 10) */
  extensionWorkingDays?: number;
  /** the citation id of the rule the deadline comes from (every route of rules/routes.ts sets it) */
  rule?: CitationId;
}

/** Calendar dates that follow from the facts and the day the rules are applied (YYYY-MM-DD). */
export interface RouteDates {
  /** the earliest day to apply, when a waiting period has not yet run out */
  earliestApply?: string;
  /** the day publication stops by itself (minor penalties, non-repairable ones, the serious list) */
  publicationEnds?: string;
}

export interface Determination {
  path: PathId;
  /** null while undetermined, or where the path is not something to apply for (revocation-risk) */
  eligible: boolean | null;
  missing: FactName[];
  reasons: Reason[];
  /** step ids; their text is in knowledge/ */
  steps: string[];
  documents: DocumentId[];
  deadline: Deadline | null;
  citations: CitationId[];
  /** dates counted to the day the rules were applied; absent when none applies */
  dates?: RouteDates;
}
