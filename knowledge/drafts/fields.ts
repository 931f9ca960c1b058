// The draft field set and the document types, as data (fields.json), plus what the chat needs to ask
// only for what it lacks: prefillFromFacts and missingFields. Light on purpose (no nunjucks, no docx):
// the dialog layer imports this at start.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { lexicon } from '../../dialogs/nlu/lexicon.ts';
import {
  DOCUMENT_IDS,
  type DocumentId,
  ENTITY_TYPES,
  type EntityType,
  ERROR_KINDS,
  type ErrorKind,
  type Facts,
  LISTING_REASONS,
  type ListingReason,
  PATHS,
  type PathId,
} from '../../rules/types.ts';

export const FIELD_NAMES = [
  'name',
  'creditCode',
  'entityType',
  'representative',
  'phone',
  'address',
  'newAddress',
  'listingReason',
  'listedDate',
  'listingAuthority',
  'decisionNumber',
  'reportYear',
  'reportFiledDate',
  'changeRegisteredDate',
  'correctedDate',
  'errorKind',
  'errorDescription',
  'reasonNotAtAddress',
  'contactMethod',
  'plannedCorrection',
  'reminderDate',
  'correctionDescription',
  'penaltyAuthority',
  'penaltyDecisionNumber',
  'penaltyContent',
  'penaltyPublishedDate',
  'seriousListedDate',
  'obligationsDescription',
  'rectificationDescription',
  'agentName',
  'agentIdNumber',
  'agentPhone',
  'termEnd',
  'applicationDate',
  'path',
] as const;
export type FieldName = (typeof FIELD_NAMES)[number];

/**
 * Validated, normalised draft data. Dates are ISO `YYYY-MM-DD`; `listedDate` may be only `YYYY` or
 * `YYYY-MM` because people often remember just the year they were listed.
 */
export interface DraftData {
  name?: string;
  creditCode?: string;
  entityType?: EntityType;
  representative?: string;
  phone?: string;
  address?: string;
  newAddress?: string;
  listingReason?: ListingReason;
  listedDate?: string;
  listingAuthority?: string;
  decisionNumber?: string;
  reportYear?: number;
  reportFiledDate?: string;
  changeRegisteredDate?: string;
  correctedDate?: string;
  errorKind?: ErrorKind;
  errorDescription?: string;
  reasonNotAtAddress?: string;
  contactMethod?: string;
  plannedCorrection?: string;
  /** the day the bureau reminded the enterprise of the error (四(四): 经提醒指导，及时改正) */
  reminderDate?: string;
  /** how the wrong item was corrected */
  correctionDescription?: string;
  /** the bureau that made the penalty decision (总局令第107号 art. 4 decides the repair too) */
  penaltyAuthority?: string;
  /** 行政处罚决定书文号 */
  penaltyDecisionNumber?: string;
  /** what the decision imposed: 警告，罚款人民币2万元 */
  penaltyContent?: string;
  penaltyPublishedDate?: string;
  seriousListedDate?: string;
  /** how the obligations of the decision were fulfilled (fine paid …) */
  obligationsDescription?: string;
  /** how the violation was corrected */
  rectificationDescription?: string;
  agentName?: string;
  /** 公民身份号码, GB 11643 check character verified */
  agentIdNumber?: string;
  agentPhone?: string;
  termEnd?: string;
  applicationDate?: string;
  path?: PathId;
}

export const FIELD_KINDS = [
  'name',
  'text',
  'longText',
  'creditCode',
  'idNumber',
  'phone',
  /** an address: lead-ins (「我们店在」) and fillers dropped; refused when it names no place */
  'address',
  /** an authority's full name: 「县市场监管局」 → the configured bureau */
  'authority',
  /** a clause in the letter's register; an address or a bare phone number is refused */
  'reason',
  /** as reason, relative deadlines as dates, and it must name something to do */
  'plan',
  /** how the bureau reaches the business: 「打我手机就行139…」 → 联系电话139… */
  'contact',
  /** a factual description in the letter's register */
  'description',
  'date',
  'pastDate',
  'partialPastDate',
  'year',
  'enum',
] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

const ChoiceSchema = z.strictObject({
  value: z.string().min(1),
  label: z.string().min(1),
  /** what people type for this choice besides the names in knowledge/lexicon/choices.json, accepted like the label */
  aliases: z.array(z.string().min(1)).optional(),
});
const Wording = z.strictObject({
  label: z.string().min(1).optional(),
  question: z.string().min(1).optional(),
});
const FieldSchema = z.strictObject({
  label: z.string().min(1),
  /** may hold {title}: the document being drafted (see fieldQuestion) */
  question: z.string().min(1),
  kind: z.enum(FIELD_KINDS),
  choices: z.array(ChoiceSchema).optional(),
  default: z.literal('today').optional(),
  /**
   * Label and question on one route, where the field means something else there: on the
   * address-change route `address` is the former address, on the buffer route `newAddress` the
   * place actually operated from.
   */
  byPath: z.partialRecord(z.enum(PATHS), Wording).optional(),
  /**
   * Label and question for one entity type, where the role or the example differs: 经营者 for an
   * individual business, 法定代表人 for a cooperative; 通城县某某副食店 is an example for individuals only.
   */
  byEntityType: z.partialRecord(z.enum(ENTITY_TYPES), Wording).optional(),
});
const fieldName = z.enum(FIELD_NAMES);
const DocTypeSchema = z.strictObject({
  title: z.string().min(1),
  aliases: z.array(z.string().min(1)),
  paths: z.array(z.enum(PATHS)),
  entityTypes: z.array(z.enum(ENTITY_TYPES)).optional(),
  /** values a field may not take for this document, with the reason shown to the user */
  excluded: z
    .array(z.strictObject({ field: fieldName, values: z.array(z.string()), message: z.string().min(1) }))
    .optional(),
  fields: z.array(fieldName),
  required: z.array(fieldName),
  /**
   * Optional fields the chat still asks once, as the user may have them at hand (the deciding
   * authority, the decision number); 跳过 leaves them blank.
   */
  asked: z.array(fieldName).optional(),
  /** as `asked`, on one route only (the listing's decision number is not asked on a penalty route) */
  askedByPath: z.partialRecord(z.enum(PATHS), z.array(fieldName)).optional(),
  requiredByPath: z.partialRecord(z.enum(PATHS), z.array(fieldName)),
});
const FieldsFileSchema = z.strictObject({
  fields: z.record(fieldName, FieldSchema),
  docTypes: z.record(z.enum(DOCUMENT_IDS), DocTypeSchema),
  pathRules: z.partialRecord(
    z.enum(PATHS),
    z.strictObject({
      listingReason: z.enum(LISTING_REASONS).optional(),
      entityTypes: z.array(z.enum(ENTITY_TYPES)).optional(),
      /** the route covers listings from this year on (四(三)一: 2020年至今) */
      listedFromYear: z.number().int().optional(),
    }),
  ),
  messages: z.record(z.string(), z.string()),
});

export type FieldDef = z.infer<typeof FieldSchema>;
export type DocTypeDef = z.infer<typeof DocTypeSchema>;
export type FieldsFile = z.infer<typeof FieldsFileSchema>;

const FIELDS_FILE = new URL('./fields.json', import.meta.url);

function loadFieldsFile(): FieldsFile {
  const parsed = FieldsFileSchema.safeParse(JSON.parse(readFileSync(FIELDS_FILE, 'utf8')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`knowledge/drafts/fields.json: ${problems.join('; ')}`);
  }
  const data = parsed.data;
  // what people type for a choice (个体户 → individual) is the lexicon's names for that value
  const { choices: named } = lexicon();
  for (const [name, def] of Object.entries(data.fields))
    for (const c of def?.choices ?? []) {
      const names = named[name]?.[c.value]?.names;
      if (names) c.aliases = [...(c.aliases ?? []), ...names];
    }
  // Cross-checks a schema cannot express: every field defined, enum choices matching rules/types.ts.
  const enums: Partial<Record<FieldName, readonly string[]>> = {
    entityType: ENTITY_TYPES,
    listingReason: LISTING_REASONS,
    errorKind: ERROR_KINDS,
  };
  for (const name of FIELD_NAMES) {
    const def = data.fields[name];
    if (!def) throw new Error(`knowledge/drafts/fields.json: field "${name}" is not defined`);
    const expected = enums[name];
    const values = def.choices?.map((c) => c.value) ?? [];
    if (expected && values.join() !== expected.join()) {
      throw new Error(`knowledge/drafts/fields.json: ${name} choices must be ${expected.join(', ')}`);
    }
    if (name === 'path' && values.some((v) => !(PATHS as readonly string[]).includes(v))) {
      throw new Error('knowledge/drafts/fields.json: path choices must be path ids of rules/types.ts');
    }
    // An alias that two choices share could never be resolved.
    const owner = new Map<string, string>();
    for (const c of def.choices ?? []) {
      for (const a of [c.label, ...(c.aliases ?? [])]) {
        const key = choiceKey(a);
        const prev = owner.get(key);
        if (prev !== undefined && prev !== c.value) {
          throw new Error(
            `knowledge/drafts/fields.json, knowledge/lexicon/choices.json: ${name}: "${a}" is given for both ${prev} and ${c.value}`,
          );
        }
        owner.set(key, c.value);
      }
    }
  }
  for (const id of DOCUMENT_IDS) {
    const doc = data.docTypes[id];
    if (!doc) throw new Error(`knowledge/drafts/fields.json: docType "${id}" is not defined`);
    const stray = [...(doc.asked ?? []), ...Object.values(doc.askedByPath ?? {}).flat()].filter(
      (f) => !doc.fields.includes(f),
    );
    if (stray.length)
      throw new Error(`knowledge/drafts/fields.json: ${id}.asked: ${stray.join(', ')} not among its fields`);
  }
  return data;
}

/** How a choice is compared: case, spaces and punctuation do not matter. */
export function choiceKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, '');
}

export const FIELDS: FieldsFile = loadFieldsFile();

export function fieldDef(name: FieldName): FieldDef {
  return FIELDS.fields[name] as FieldDef;
}

export function docTypeDef(docType: DocumentId): DocTypeDef {
  return FIELDS.docTypes[docType] as DocTypeDef;
}

/**
 * The field's label on a route (e.g. 原住所 on the address-change route) and for an entity type
 * (经营者 for an individual business). The route's wording wins where both have one.
 */
export function fieldLabel(name: FieldName, path?: PathId, entityType?: EntityType): string {
  const def = fieldDef(name);
  return (
    (path && def.byPath?.[path]?.label) || (entityType && def.byEntityType?.[entityType]?.label) || def.label
  );
}

/**
 * The question to ask for a field while drafting `docType`, on `path` (default: the route the document
 * implies), for `entityType` (default: the only entity type the document serves, e.g. 企业 for the
 * minor-error letter), with the document's title filled in: 「起草《守信承诺书》：按哪种途径办理？」.
 */
export function fieldQuestion(
  name: FieldName,
  docType: DocumentId,
  path?: PathId,
  entityType?: EntityType,
): string {
  const def = fieldDef(name);
  const route = path ?? impliedPath(docType);
  const only = docTypeDef(docType).entityTypes;
  const type = entityType ?? (only?.length === 1 ? only[0] : undefined);
  const question =
    (route && def.byPath?.[route]?.question) || (type && def.byEntityType?.[type]?.question) || def.question;
  return question.replaceAll('{title}', docTypeDef(docType).title);
}

/**
 * The value a field takes when left empty, to show in a summary instead of 留空: today's date for
 * the signing date (default "today"); undefined for fields without a default.
 */
export function fieldDefaultValue(name: FieldName, today: string): string | undefined {
  return fieldDef(name).default === 'today' ? today : undefined;
}

/**
 * The choice a typed answer names: its value, its label or one of its aliases (个体户 → individual);
 * failing that, a short answer that contains the label or aliases of exactly one choice
 * (「我们是个体户」). Undefined when none or several fit.
 */
export function matchChoice(name: FieldName, text: string): string | undefined {
  const choices = fieldDef(name).choices ?? [];
  const key = choiceKey(text);
  if (!key) return undefined;
  const names = (c: (typeof choices)[number]) => [c.label, ...(c.aliases ?? [])].map(choiceKey);
  const exact = choices.find((c) => choiceKey(c.value) === key || names(c).includes(key));
  if (exact) return exact.value;
  if (Array.from(key).length > 20) return undefined;
  const within = choices.filter((c) => names(c).some((n) => n && key.includes(n)));
  return within.length === 1 ? within[0]?.value : undefined;
}

/** Chinese label of an enum value (entityType, listingReason, errorKind, path), or undefined. */
export function choiceLabel(field: FieldName, value: string | undefined): string | undefined {
  return fieldDef(field).choices?.find((c) => c.value === value)?.label;
}

/** Maps a document id or an NLU hint (application, commitment) to the document id. */
export function resolveDocType(id: string): DocumentId | undefined {
  const key = id.trim();
  if ((DOCUMENT_IDS as readonly string[]).includes(key)) return key as DocumentId;
  return DOCUMENT_IDS.find((d) => docTypeDef(d).aliases.includes(key));
}

/** The route a document implies when it serves one route only (minor error, explanation). */
export function impliedPath(docType: DocumentId): PathId | undefined {
  const paths = docTypeDef(docType).paths;
  return paths.length === 1 ? paths[0] : undefined;
}

/**
 * Draft fields that follow from the facts the interview already established, so the chat does not ask
 * them again. Only facts map across; dates, names and numbers are never guessed.
 */
export function prefillFromFacts(facts: Facts, path?: PathId): Partial<DraftData> {
  const out: Partial<DraftData> = {};
  if (facts.entityType) out.entityType = facts.entityType;
  if (facts.listingReason) out.listingReason = facts.listingReason;
  if (facts.errorKind) out.errorKind = facts.errorKind;
  // The year alone is a valid partial listedDate; the draft shows 2021年＿＿月＿＿日 for the rest.
  if (facts.listedYear) out.listedDate = String(facts.listedYear);
  if (path && fieldDef('path').choices?.some((c) => c.value === path)) out.path = path;
  // Penalty facts (DOMAIN §4) the interview may already hold; read loosely, as not every build of
  // rules/types.ts declares them yet.
  const more = facts as Record<string, unknown>;
  const route: string | undefined = path;
  const isoDay = (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);
  const published = isoDay(more.penaltyPublishedDate);
  if (published && route === 'penalty-publicity-repair') out.penaltyPublishedDate = published;
  const listed = isoDay(more.seriousListedDate);
  if (listed && route === 'serious-list-early-removal') out.seriousListedDate = listed;
  const fine = more.fineAmountYuan;
  if (
    route === 'penalty-publicity-repair' &&
    typeof fine === 'number' &&
    fine > 0 &&
    more.penaltyKind === 'fine'
  )
    out.penaltyContent = `罚款人民币${fine}元`;
  const rule = path ? FIELDS.pathRules[path] : undefined;
  if (rule?.listingReason && !out.listingReason) out.listingReason = rule.listingReason;
  return out;
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** Fields a complete draft needs and `data` lacks, in asking order; fields with a default never count. */
export function missingFields(docType: DocumentId, data: Partial<Record<string, unknown>>): FieldName[] {
  const def = docTypeDef(docType);
  const path = (data.path as PathId | undefined) ?? impliedPath(docType);
  const required = new Set<FieldName>([...def.required, ...((path && def.requiredByPath[path]) || [])]);
  return def.fields.filter((f) => required.has(f) && !fieldDef(f).default && isEmpty(data[f]));
}

/**
 * What the chat asks, in asking order: the missing required fields and the optional ones the document
 * asks for (`asked`: 作出列入决定的机关, 列入决定书文号), which the user may answer or 跳过. A field
 * the user skipped is the caller's to leave out.
 */
export function fieldsToAsk(docType: DocumentId, data: Partial<Record<string, unknown>>): FieldName[] {
  const def = docTypeDef(docType);
  const path = (data.path as PathId | undefined) ?? impliedPath(docType);
  const missing = new Set(missingFields(docType, data));
  const optional = [...(def.asked ?? []), ...((path && def.askedByPath?.[path]) || [])];
  const asked = new Set(optional.filter((f) => isEmpty(data[f])));
  return def.fields.filter((f) => missing.has(f) || asked.has(f));
}

/**
 * The document's fields that matter on `path`: those required or asked only on another route (the
 * listing's decision number on a penalty route, the penalty's on a listing route) are left out.
 */
export function fieldsOnPath(docType: DocumentId, path?: PathId): FieldName[] {
  const def = docTypeDef(docType);
  const own = new Set<FieldName>([
    ...((path && def.requiredByPath[path]) || []),
    ...((path && def.askedByPath?.[path]) || []),
  ]);
  const otherRoutes = new Set<FieldName>(
    [...Object.entries(def.requiredByPath), ...Object.entries(def.askedByPath ?? {})]
      .filter(([p]) => p !== path)
      .flatMap(([, fields]) => fields ?? [])
      .filter((f) => !own.has(f)),
  );
  return def.fields.filter((f) => !otherRoutes.has(f));
}

/** Whether a field may be left blank (跳过) without the draft being incomplete. */
export function isOptionalField(docType: DocumentId, field: FieldName, path?: PathId): boolean {
  const def = docTypeDef(docType);
  const route = path ?? impliedPath(docType);
  return !def.required.includes(field) && !((route && def.requiredByPath[route]) || []).includes(field);
}
