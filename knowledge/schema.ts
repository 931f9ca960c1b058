// Zod schemas of the knowledge data files. Key sets that are part of the rules contract (fact names,
// enum values, path ids, document ids) are exact, so a missing or misspelt key is caught at load.
import { z } from 'zod';
import {
  DOC_TYPE_HINTS,
  DOCUMENT_IDS,
  ENTITY_TYPES,
  ERROR_KINDS,
  FACT_KINDS,
  FACT_NAMES,
  type FactName,
  LISTING_REASONS,
  PATHS,
  type PathId,
  PENALTY_KINDS,
  RECORD_TYPES,
} from '../rules/types.ts';

const text = z.string().trim().min(1, 'must be non-empty text');

const PLACEHOLDER = /\{(\w+)\}/g;

/** Text that must contain every `required` placeholder and may use only `allowed` ones. */
function template(required: string[], allowed: string[] = required) {
  return text.superRefine((s, ctx) => {
    for (const name of required) {
      if (!s.includes(`{${name}}`))
        ctx.addIssue({ code: 'custom', message: `must contain the placeholder {${name}}` });
    }
    for (const [, name] of s.matchAll(PLACEHOLDER)) {
      if (!allowed.includes(name as string)) {
        ctx.addIssue({
          code: 'custom',
          message: `unknown placeholder {${name}}; allowed here: ${allowed.map((a) => `{${a}}`).join(' ') || 'none'}`,
        });
      }
    }
  });
}

/** Placeholders filled from the jurisdiction config wherever bureau-specific wording appears. */
export const JURISDICTION_PLACEHOLDERS = ['bureau', 'portals'];
const jurisdictionText = template([], JURISDICTION_PLACEHOLDERS);

function exactKeys<K extends string, T extends z.ZodType>(keys: readonly K[], value: T) {
  return z.strictObject(Object.fromEntries(keys.map((k) => [k, value])) as Record<K, T>);
}

const citationId = z.string().min(1);

// ---- labels.json ----
export const LabelsSchema = z.strictObject({
  facts: exactKeys(FACT_NAMES, text),
  values: z.strictObject({
    entityType: exactKeys(ENTITY_TYPES, text),
    listingReason: exactKeys(LISTING_REASONS, text),
    alsoListedFor: exactKeys(LISTING_REASONS, text),
    errorKind: exactKeys(ERROR_KINDS, text),
    docType: exactKeys(DOC_TYPE_HINTS, text),
    recordType: exactKeys(RECORD_TYPES, text),
    penaltyKind: exactKeys(PENALTY_KINDS, text),
  }),
  paths: exactKeys(PATHS, text),
  documents: exactKeys(DOCUMENT_IDS, text),
  /** every citation id of rules/citations.ts, plus the clauses only the FAQ cites */
  citations: z.record(citationId, text),
});
export type Labels = z.infer<typeof LabelsSchema>;

// ---- questions.json ----
/** Every fact evaluate can ask about; docType only ever comes from NLU. */
export const ASKED_FACTS = FACT_NAMES.filter((f): f is Exclude<FactName, 'docType'> => f !== 'docType');

const ChoiceSchema = z.strictObject({ value: z.union([z.string(), z.boolean()]), label: text });
export type Choice = z.infer<typeof ChoiceSchema>;

const QuestionSchema = z.strictObject({
  question: text,
  choices: z.array(ChoiceSchema).optional(),
  /** said when an answer cannot be used: how to answer */
  hint: text,
  /** said on 「不清楚」: where to look the answer up */
  howToFindOut: text,
});
export type Question = z.infer<typeof QuestionSchema>;

export const QuestionsSchema = exactKeys(ASKED_FACTS, QuestionSchema).superRefine((questions, ctx) => {
  for (const fact of ASKED_FACTS) {
    const spec = FACT_KINDS[fact];
    const choices = questions[fact].choices;
    const path = [fact, 'choices'];
    const expected: (string | boolean)[] | null =
      spec.kind === 'enum' ? [...spec.values] : spec.kind === 'boolean' ? [true, false] : null;
    if (!expected) {
      if (choices)
        ctx.addIssue({
          code: 'custom',
          path,
          message: `a ${spec.kind} fact takes a typed answer, no choices`,
        });
      continue;
    }
    const given = (choices ?? []).map((c) => c.value);
    const missing = expected.filter((v) => !given.includes(v));
    const extra = given.filter((v) => !expected.includes(v));
    if (missing.length) {
      ctx.addIssue({
        code: 'custom',
        path,
        message: `needs a choice for ${missing.map((v) => JSON.stringify(v)).join(', ')}`,
      });
    }
    if (extra.length || given.length !== new Set(given).size) {
      ctx.addIssue({
        code: 'custom',
        path,
        message: `choices must be exactly ${expected.map((v) => JSON.stringify(v)).join(', ')}, each once`,
      });
    }
  }
});
export type Questions = z.infer<typeof QuestionsSchema>;

// ---- guide.json ----
/** Paths that have a service guide: every path but 'undetermined', which is not a route. */
export const GUIDE_PATHS = PATHS.filter((p): p is Exclude<PathId, 'undetermined'> => p !== 'undetermined');

const GuidePathSchema = z.strictObject({
  title: text,
  summary: text,
  /** added to the summary for one entity type only (the pre-2025 wording concerns individual businesses) */
  entityNotes: z.partialRecord(z.enum(ENTITY_TYPES), text).optional(),
  /** replaces the summary for one rule of the path (rules/routes.ts id), e.g. another department's penalty */
  routeSummaries: z.record(z.string().regex(/^[a-z0-9-]+$/), text).optional(),
  /** replaces where-to-apply (and the county's contacts) for one rule of the path */
  routeWhere: z.record(z.string().regex(/^[a-z0-9-]+$/), jurisdictionText).optional(),
  conditions: z.array(text).min(1),
  /** what each document of the route must contain on this route */
  documents: z.array(
    z.strictObject({
      id: z.enum(DOCUMENT_IDS),
      contains: text,
      /** added only when a fact has the given value (e.g. the branch "0" proof for that error kind) */
      extras: z
        .array(
          z.strictObject({
            fact: z.enum(FACT_NAMES as [FactName, ...FactName[]]),
            equals: z.union([z.string(), z.boolean(), z.number()]),
            text,
          }),
        )
        .optional(),
    }),
  ),
  /** proofs and agent papers that are not drafted documents */
  otherMaterials: z.array(text),
  notes: z.array(text),
  whereToApply: z.array(jurisdictionText).min(1),
  /** the where-to-apply sentence hotline staff read out */
  hotline: jurisdictionText,
  /** extra deadline text; required where the route has no working-day deadline */
  deadline: text.nullable(),
  basis: z.array(citationId).min(1),
  disclaimer: text,
});
export type GuidePath = z.infer<typeof GuidePathSchema>;

const CommonSchema = z.strictObject({
  headings: z.strictObject({
    route: text,
    /** not-covered and revocation-risk are no route to apply for: their own headings */
    routeNone: text,
    routeWarning: text,
    why: text,
    whyNone: text,
    whyWarning: text,
    status: text,
    notice: text,
    missing: text,
    known: text,
    steps: text,
    documents: text,
    deadline: text,
    where: text,
    consult: text,
    basis: text,
    dates: text,
  }),
  status: z.strictObject({
    eligible: text,
    notEligible: text,
    notCovered: text,
    /** an exemption ruled out (minor error, punishment buffer): nothing to apply for */
    ruledOut: text,
    pending: text,
    warning: text,
    /** a minor penalty: publication stops by itself (总局令第107号第七条) */
    nothingToApply: text,
    /** a revocation-class penalty: no repair (第八条) */
    notRepairable: text,
  }),
  met: template(['text']),
  unmet: template(['text']),
  /** a condition taken as met because its fact was not stated (a presumption the user can correct) */
  presumed: template(['text']),
  undetermined: text,
  stillNeeded: text,
  /** replaces the where-to-apply text when a ruled-out exemption leaves nothing to submit */
  ruledOutWhere: jurisdictionText,
  noDocuments: text,
  ruledOutDeadline: jurisdictionText,
  /** DOMAIN §3: individual businesses listed 2+ years are kept in a special register */
  separateRegister: template(['listedYear']),
  /** said for a fact placeholder ({entityType}, {listingReason}) while the fact is unknown */
  factFallback: z.strictObject({ entityType: text, listingReason: text }),
  deadline: z.strictObject({
    receipt: template(['days']),
    verification: template(['days']),
    dateReceipt: template(['submitted', 'days', 'date']),
    /** a count crossing a year whose holiday schedule is unpublished: no 「已按节假日计算」 claim */
    dateReceiptEstimated: template(['submitted', 'days', 'date']),
    calendarMissing: template(['years']),
    /** counted from verification: the day verification ends is unknown, so no calendar date */
    verificationNoDate: template(['days']),
    /** the route's precondition is unmet: nothing is submitted yet, so no calendar date */
    notYetEligible: text,
    /** 总局令第107号第十四条、第十六条: accepted within {acceptDays}, decided within {days} of acceptance */
    acceptance: template(['acceptDays', 'days']),
    acceptanceVerification: template(['acceptDays', 'days']),
    extension: template(['days']),
    dateAcceptance: template(['submitted', 'date']),
    dateAcceptanceEstimated: template(['submitted', 'date']),
    /** which rule the deadline comes from */
    rule: template(['rule']),
    /** the county plan's own promise for its routes */
    pilotRule: template(['rule']),
  }),
  /** dates counted to the day the rules are applied (RouteDates) */
  dates: z.strictObject({
    earliestApply: template(['date']),
    publicationEnds: template(['date']),
    publicationEndsList: template(['date']),
    counting: text.refine((s) => s.includes('以市场监管部门答复为准'), 'must say 以市场监管部门答复为准'),
  }),
  /** what a 授权委托书 contains, on every route where an agent applies (DOMAIN §7) */
  agentAuthorization: text,
  /** where a business registered outside the county applies: its own bureau, not this one */
  outOfCountyWhere: jurisdictionText,
  /** a penalty of a business registered outside the county: the bureau that decided it, likely not this one */
  outOfCountyPenalty: jurisdictionText,
  /** a calendar date in prose (2026年12月28日) */
  date: template(['year', 'month', 'day']),
  dateMonth: template(['year', 'month']),
  dateYear: template(['year']),
  /**
   * A step's wording when a fact says it is already done (the error corrected after the reminder):
   * the user is told to keep it so rather than asked to do it again.
   */
  stepVariants: z.array(
    z.strictObject({
      step: z.string().min(1),
      fact: z.enum(FACT_NAMES as [FactName, ...FactName[]]),
      equals: z.union([z.string(), z.boolean(), z.number()]),
      text: jurisdictionText,
    }),
  ),
  portal: template(['name', 'module']),
  contacts: z.strictObject({
    bureau: template(['bureau']),
    address: template(['address']),
    phone: template(['phone']),
    hours: template(['hours']),
  }),
  noContacts: text.refine((s) => s.includes('请咨询当地市场监管部门'), 'must say 请咨询当地市场监管部门'),
  partialContacts: text,
  disclaimer: text,
  values: z.strictObject({
    year: template(['value']),
    count: template(['value']),
    amount: template(['value']),
    yes: text,
    no: text,
  }),
  readAloud: z.strictObject({
    route: template(['title']),
    warningRoute: template(['title']),
    noRoute: text,
    undeterminedRoute: text,
    eligible: text,
    pending: template(['question']),
    warning: text,
    firstQuestion: template(['question']),
    documents: template(['documents']),
    deadlineReceipt: template(['days']),
    deadlineVerification: template(['days']),
    deadlineAcceptance: template(['acceptDays', 'days']),
    earliestApply: template(['date']),
    nothingToApply: text,
    notRepairable: text,
    ruledOut: jurisdictionText,
    disclaimer: text,
  }),
});
export type GuideCommon = z.infer<typeof CommonSchema>;

export const GuideSchema = z.strictObject({
  common: CommonSchema,
  paths: exactKeys(GUIDE_PATHS, GuidePathSchema),
});
export type Guide = z.infer<typeof GuideSchema>;

// ---- steps.json, reasons.json ----
const idKey = z.string().regex(/^[a-z0-9-]+$/, 'ids are lower-case words joined by hyphens');
export const StepsSchema = z.record(idKey, jurisdictionText);
export type Steps = z.infer<typeof StepsSchema>;

/** Facts a reason text may name, filled in from the user's facts (their own type, their own reason). */
export const REASON_PLACEHOLDERS = [
  'entityType',
  'listingReason',
  'alsoListedFor',
  'date',
  'decided',
  'publishedBy',
];
const reasonText = template([], REASON_PLACEHOLDERS);
export const ReasonsSchema = z.record(
  z.string().regex(/^(route:)?[a-z0-9-]+$/, 'reason ids are condition ids or route:<route id>'),
  // `presumed`: for a condition taken as met while its fact is unsaid (whenAbsent in rules/routes.ts)
  z.strictObject({ met: reasonText, unmet: reasonText, presumed: reasonText.optional() }),
);
export type Reasons = z.infer<typeof ReasonsSchema>;

// ---- faq.json ----
const FaqEntrySchema = z.strictObject({
  id: idKey,
  question: text,
  keywords: z.array(text).min(1),
  /** may name the bureau, the portals and the configured contacts ({contacts}: 请咨询… while unset) */
  answer: template([], [...JURISDICTION_PLACEHOLDERS, 'contacts']),
  citations: z.array(citationId).min(1),
});
export type FaqEntry = z.infer<typeof FaqEntrySchema>;

/** FAQ entries the engine answers for an intent without running the interview. */
export const INTENT_FAQ_IDS = ['documents', 'timeline', 'how-to-apply', 'check-status'] as const;

export const FaqSchema = z.array(FaqEntrySchema).superRefine((entries, ctx) => {
  const seen = new Set<string>();
  entries.forEach((e, i) => {
    if (seen.has(e.id))
      ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate FAQ id "${e.id}"` });
    seen.add(e.id);
  });
  for (const id of INTENT_FAQ_IDS) {
    if (!seen.has(id)) ctx.addIssue({ code: 'custom', path: [], message: `needs an entry with id "${id}"` });
  }
});
export type Faq = z.infer<typeof FaqSchema>;
