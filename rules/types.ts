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

export interface Facts {
  entityType?: EntityType;
  isBranch?: boolean;
  listed?: boolean;
  listingReason?: ListingReason;
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
  /** Only ever set by NLU: which document the user asked for. Not a rules input. */
  docType?: DocTypeHint;
}

export type FactName = keyof Facts;

/** Every fact name with its kind; the single list that validation, questions and NLU share. */
export const FACT_KINDS = {
  entityType: { kind: 'enum', values: ENTITY_TYPES },
  isBranch: { kind: 'boolean' },
  listed: { kind: 'boolean' },
  listingReason: { kind: 'enum', values: LISTING_REASONS },
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
  docType: { kind: 'enum', values: DOC_TYPE_HINTS },
} as const satisfies Record<
  FactName,
  { kind: 'boolean' } | { kind: 'year' } | { kind: 'count' } | { kind: 'enum'; values: readonly string[] }
>;

export const FACT_NAMES = Object.keys(FACT_KINDS) as FactName[];

export const PATHS = [
  'tolerant-repair-annual-report',
  'tolerant-repair-address-change',
  'minor-error-exemption',
  'punishment-buffer',
  'revocation-risk',
  'standard-repair',
  'not-covered',
  'undetermined',
] as const;
export type PathId = (typeof PATHS)[number];

export const DOCUMENT_IDS = [
  'repair-application',
  'credit-commitment',
  'minor-error-application',
  'situation-explanation',
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
  citation?: CitationId;
}

export interface Deadline {
  workingDays: number;
  /** what the count starts from: receipt of the application, or verification */
  from: 'receipt' | 'verification';
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
}
