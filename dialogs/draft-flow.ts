// Draft interview: pick the document(s), ask only the fields still missing (prefilled from the
// situation interview), confirm a summary, then deliver the text and a Word file.
import {
  docTypeDef,
  FIELD_NAMES,
  type FieldName,
  fieldDef,
  fieldDefaultValue,
  fieldLabel,
  fieldQuestion,
  fieldsOnPath,
  fieldsToAsk,
  impliedPath,
  matchChoice,
  prefillFromFacts,
  resolveDocType,
} from '../knowledge/drafts/fields.ts';
import { validateDraftData } from '../knowledge/drafts/validate.ts';
import { proseDate } from '../knowledge/explain.ts';
import { pathLabel } from '../knowledge/lookup.ts';
import { evaluate } from '../rules/evaluate.ts';
import {
  DOCUMENT_IDS,
  type DocumentId,
  type EntityType,
  FACT_KINDS,
  type FactName,
  type PathId,
} from '../rules/types.ts';
import { type Ctx, reply } from './context.ts';
import { advance, isoDay, resultActions } from './interview.ts';
import { parseAnswer } from './nlu/index.ts';
import { dialog, say } from './texts.ts';
import type { Choice } from './types.ts';

type Fields = Record<string, string | number>;

function docs(ctx: Ctx): DocumentId[] {
  return (ctx.s.draft?.docTypes ?? []).filter((d): d is DocumentId =>
    (DOCUMENT_IDS as readonly string[]).includes(d),
  );
}

/** A generic 「申请书」 means the application of the user's own route. */
function wantedDoc(hint: string | undefined, documents: DocumentId[]): DocumentId | undefined {
  if (!hint || hint === 'all') return undefined;
  if (hint === 'application') return documents.find((d) => d.endsWith('application')) ?? resolveDocType(hint);
  return resolveDocType(hint);
}

/** 「申请书和承诺书」: several documents named in one request mean all of the route's documents. */
export function docHint(text: string, named: string | undefined): string | undefined {
  const words = (dialog.docWords ?? {}) as Record<string, string[]>;
  const mentioned = DOCUMENT_IDS.filter((d) => (words[d] ?? []).some((w) => text.includes(w)));
  return mentioned.length > 1 ? 'all' : named;
}

/** What `draftAfter` holds when the user asked for "a document" without naming one. */
const ANY_DOCUMENT = '-';

function notApplicable(ctx: Ctx, doc: DocumentId | undefined, why: string): void {
  ctx.s.pending = undefined;
  const what = doc ? `《${docTypeDef(doc).title}》` : say('draftAnyTitle');
  reply(ctx, say('draftNotApplicable', { what, why }), resultActions(evaluate(ctx.s.facts)));
}

function routesOf(doc: DocumentId): string {
  return docTypeDef(doc)
    .paths.map((p) => pathLabel(p))
    .join('、');
}

export async function startDraft(ctx: Ctx, hint?: string): Promise<void> {
  ctx.intent = ctx.intent === 'none' || ctx.intent === 'command' ? 'draft' : ctx.intent;
  if (ctx.turn.isGroup) {
    // Names, codes and phone numbers are never asked for in a group.
    ctx.replies.push({
      kind: 'move-to-private',
      text: say('groupPrivacy'),
      privateStart: `/draft ${hint ?? '-'} from:${ctx.turn.chatId}`,
    });
    return;
  }
  const det = evaluate(ctx.s.facts);
  const wanted = wantedDoc(hint === ANY_DOCUMENT ? undefined : hint, det.documents);
  // A letter states the facts of its route (listed since 2020, report filed, not intentional …), so
  // the interview confirms them first; nothing is assumed for the sake of a draft.
  if (det.eligible === null && det.missing.some((f) => !ctx.s.unknown.includes(f))) {
    ctx.s.draftAfter = wanted ?? ANY_DOCUMENT;
    reply(
      ctx,
      say('draftNeedsFacts', { what: wanted ? `《${docTypeDef(wanted).title}》` : say('draftAnyTitle') }),
    );
    return advance(ctx);
  }
  if (det.path === 'undetermined') return notApplicable(ctx, wanted, say('draftNotApplicableUnknown'));
  if (wanted && !docTypeDef(wanted).paths.includes(det.path)) {
    return notApplicable(ctx, wanted, say('draftNotApplicableRoute', { route: routesOf(wanted) }));
  }
  if (det.eligible !== true) {
    const why = det.documents.length ? say('draftNotYet') : say('draftNotApplicableIneligible');
    return notApplicable(ctx, wanted, why);
  }
  if (hint === 'all' && det.documents.length > 1) return begin(ctx, [...det.documents]);
  const candidates: DocumentId[] = wanted ? [wanted] : [...det.documents];
  if (!candidates.length) {
    ctx.s.pending = undefined;
    return reply(ctx, say('decidedNoDraft'), resultActions(det));
  }
  if (candidates.length === 1) return begin(ctx, candidates);
  const choices: Choice[] = candidates.map((d) => ({ id: `d:${d}`, label: docTypeDef(d).title }));
  choices.push({ id: 'd:all', label: say('draftAll') });
  ctx.s.pending = undefined;
  reply(ctx, say('draftPickDoc'), choices);
}

function pathFor(ctx: Ctx, docType: DocumentId): PathId | undefined {
  const det = evaluate(ctx.s.facts);
  return docTypeDef(docType).paths.includes(det.path) ? det.path : impliedPath(docType);
}

function begin(ctx: Ctx, docTypes: DocumentId[]): Promise<void> {
  const first = docTypes[0] as DocumentId;
  const prefilled = prefillFromFacts(ctx.s.facts, pathFor(ctx, first)) as Fields;
  // Keep what was typed for an earlier draft of the same case (name, code, phone …), but what the
  // facts say wins: a corrected year or type must reach the letter. A listing date typed in full
  // is kept while it still lies in the year the facts give.
  const earlier = ctx.s.draft?.fields ?? {};
  const fields: Fields = { ...earlier, ...prefilled };
  const typedDate = earlier.listedDate;
  if (
    typeof typedDate === 'string' &&
    typeof prefilled.listedDate === 'string' &&
    typedDate.startsWith(prefilled.listedDate)
  )
    fields.listedDate = typedDate;
  ctx.s.draft = { docTypes, fields, skipped: [] };
  return next(ctx);
}

function entityOf(ctx: Ctx): EntityType | undefined {
  const typed = ctx.s.draft?.fields.entityType;
  return (typeof typed === 'string' ? typed : ctx.s.facts.entityType) as EntityType | undefined;
}

function firstPath(ctx: Ctx): PathId | undefined {
  const first = docs(ctx)[0];
  return first ? pathFor(ctx, first) : undefined;
}

function neededFields(ctx: Ctx): FieldName[] {
  const d = ctx.s.draft;
  if (!d) return [];
  const all = docs(ctx).flatMap((doc) => fieldsToAsk(doc, d.fields));
  return [...new Set(all)].filter((f) => !d.skipped.includes(f));
}

function askField(ctx: Ctx, field: FieldName, prefix?: string): void {
  const def = fieldDef(field);
  ctx.s.pending = { kind: 'draft-field', field };
  // A route choice only offers the routes the chosen documents serve.
  const allowed =
    field === 'path' ? new Set(docs(ctx).flatMap((d) => docTypeDef(d).paths as string[])) : undefined;
  const choices = def.choices
    ?.filter((c) => !allowed || allowed.has(c.value))
    .map((c) => ({ id: `w:${c.value}`, label: c.label }));
  const doc = docs(ctx)[0] as DocumentId;
  const question = fieldQuestion(field, doc, pathFor(ctx, doc), entityOf(ctx));
  reply(ctx, `${prefix ? `${prefix}\n` : ''}${question}${say('draftFieldPrompt')}`, choices);
}

async function next(ctx: Ctx): Promise<void> {
  const field = neededFields(ctx)[0];
  if (field) return askField(ctx, field);
  return confirm(ctx);
}

/** The fields of the chosen documents that matter on this route (not those only another route needs). */
function fieldsShown(ctx: Ctx): FieldName[] {
  const shown = new Set<FieldName>();
  for (const doc of docs(ctx)) {
    for (const f of docTypeDef(doc).fields)
      if (fieldsOnPath(doc, pathFor(ctx, doc)).includes(f) || ctx.s.draft?.fields[f] !== undefined)
        shown.add(f);
  }
  return FIELD_NAMES.filter((f) => shown.has(f) && f !== 'path');
}

function valueLabel(field: FieldName, value: string | number | undefined): string {
  if (value === undefined || value === '') return say('draftBlank');
  const choice = fieldDef(field).choices?.find((c) => c.value === value)?.label;
  if (choice) return choice;
  // dates as people write them: 2023年3月15日, 2024年3月, 2021年
  if (fieldDef(field).kind !== 'year' && /^\d{4}(-\d{2}){0,2}$/.test(String(value)))
    return proseDate(String(value));
  return String(value);
}

/** Fields that restate the situation: changed through 修改 (the interview), never in the draft. */
const FACT_FIELDS = new Set<string>(['entityType', 'listingReason', 'errorKind', 'path']);

function confirm(ctx: Ctx): void {
  const d = ctx.s.draft;
  if (!d) return;
  ctx.s.pending = { kind: 'draft-confirm' };
  const titles = docs(ctx)
    .map((doc) => `《${docTypeDef(doc).title}》`)
    .join('');
  const first = docs(ctx)[0];
  const path = first ? pathFor(ctx, first) : undefined;
  const lines = fieldsShown(ctx).map(
    (f) =>
      `· ${fieldLabel(f, path, entityOf(ctx))}：${valueLabel(f, d.fields[f] ?? fieldDefaultValue(f, isoDay(ctx.now)))}`,
  );
  reply(ctx, `${say('draftSummary')}${titles}\n${lines.join('\n')}`, dialog.draftConfirmActions);
}

/** Checks one field's value with the same validation the CLI uses; returns the normalised value. */
function checkValue(
  ctx: Ctx,
  field: FieldName,
  raw: string,
): { value: string | number } | { problem: string } {
  const doc = docs(ctx)[0] as DocumentId;
  const def = fieldDef(field);
  if (def.kind === 'enum') {
    // The same words the interview understands (个体户, 公司, 没报年报 …) work here too.
    const byLabel = matchChoice(field, raw);
    const understood =
      field in FACT_KINDS ? parseAnswer(field as FactName, raw, { now: ctx.now }) : undefined;
    const value =
      byLabel ?? (typeof understood === 'string' && understood !== 'unknown' ? understood : undefined);
    if (value === undefined || !def.choices?.some((c) => c.value === value))
      return { problem: say('draftPickOne') };
    raw = value;
  }
  const result = validateDraftData(doc, { [field]: raw }, { today: isoDay(ctx.now) });
  if (!result.ok) return { problem: result.problems.map((p) => p.message).join('；') };
  const value = (result.data as Record<string, unknown>)[field];
  return value === undefined
    ? { problem: fieldQuestion(field, doc, pathFor(ctx, doc), entityOf(ctx)) }
    : { value: value as string | number };
}

export async function draftText(ctx: Ctx, text: string, opts: { repeat?: boolean } = {}): Promise<void> {
  const p = ctx.s.pending;
  if (!ctx.s.draft) return;
  if (p?.kind === 'draft-field') {
    const field = p.field as FieldName;
    if (opts.repeat) return askField(ctx, field);
    if ((dialog.draftSkipWords as string[]).includes(text.trim().toLowerCase())) {
      ctx.s.draft.skipped.push(field);
      return next(ctx);
    }
    if (isWord('draftCancelWords', text)) return cancel(ctx);
    const checked = checkValue(ctx, field, text);
    if ('problem' in checked) return askField(ctx, field, say('draftInvalid', { message: checked.problem }));
    ctx.s.draft.fields[field] = checked.value;
    return next(ctx);
  }
  if (p?.kind === 'draft-confirm') {
    const t = text.trim();
    if (!opts.repeat && isWord('draftConfirmWords', t)) return deliver(ctx);
    if (isWord('draftCancelWords', t)) return cancel(ctx);
    return confirm(ctx);
  }
}

/** Whether the text is one of the words of a dialog.json list (确认, 取消 …), ignoring case and punctuation. */
function isWord(list: string, text: string): boolean {
  const word = text
    .trim()
    .replace(/[。！!.，,\s]/g, '')
    .toLowerCase();
  return ((dialog[list] ?? []) as string[]).includes(word);
}

function cancel(ctx: Ctx): void {
  ctx.s.pending = undefined;
  ctx.s.draft = undefined;
  reply(ctx, say('draftCancelled'), resultActions(evaluate(ctx.s.facts)));
}

export async function draftChoice(ctx: Ctx, id: string): Promise<void> {
  const [kind, ...rest] = id.split(':');
  const arg = rest.join(':');
  if (kind === 'd') {
    if (ctx.turn.isGroup) return startDraft(ctx, arg === 'all' ? undefined : arg);
    const det = evaluate(ctx.s.facts);
    const chosen =
      arg === 'all' ? det.documents : [resolveDocType(arg)].filter((d): d is DocumentId => Boolean(d));
    if (chosen.length) return begin(ctx, chosen);
  }
  // Buttons of a draft that was cancelled or finished are stale.
  if (!ctx.s.draft || !docs(ctx).length) return startDraft(ctx);
  if (kind === 'w' && ctx.s.pending?.kind === 'draft-field') {
    const field = ctx.s.pending.field as FieldName;
    const value = fieldDef(field).choices?.find((c) => c.value === arg)?.value;
    if (value !== undefined) {
      ctx.s.draft.fields[field] = value;
      return next(ctx);
    }
    return askField(ctx, field);
  }
  if (kind === 'k' && arg === 'ok' && ctx.s.pending?.kind === 'draft-confirm') return deliver(ctx);
  if (kind === 'k' && arg === 'cancel') return cancel(ctx);
  if (kind === 'k' && arg === 'edit') {
    ctx.s.pending = undefined;
    const choices = fieldsShown(ctx)
      .filter((f) => !FACT_FIELDS.has(f))
      .map((f) => ({
        id: `g:${f}`,
        label: `${fieldLabel(f, firstPath(ctx), entityOf(ctx))}：${valueLabel(f, ctx.s.draft?.fields[f] ?? fieldDefaultValue(f, isoDay(ctx.now)))}`,
      }));
    return reply(ctx, say('draftEditPrompt'), choices);
  }
  if (kind === 'g' && (FIELD_NAMES as readonly string[]).includes(arg) && !FACT_FIELDS.has(arg)) {
    ctx.s.draft.skipped = ctx.s.draft.skipped.filter((f) => f !== arg);
    return askField(ctx, arg as FieldName);
  }
  return confirm(ctx);
}

async function deliver(ctx: Ctx): Promise<void> {
  const d = ctx.s.draft;
  if (!d || !docs(ctx).length) {
    ctx.s.pending = undefined;
    return reply(ctx, say('draftNoDocument'), resultActions(evaluate(ctx.s.facts)));
  }
  ctx.s.pending = undefined;
  const { renderDraft } = await import('../knowledge/drafts/render.ts');
  const today = isoDay(ctx.now);
  for (const doc of docs(ctx)) {
    const path = pathFor(ctx, doc);
    const data: Record<string, unknown> = {};
    for (const f of docTypeDef(doc).fields) if (d.fields[f] !== undefined) data[f] = d.fields[f];
    if (path && docTypeDef(doc).fields.includes('path')) data.path = path;
    if (!data.applicationDate && docTypeDef(doc).fields.includes('applicationDate'))
      data.applicationDate = today;
    try {
      const options = { today, isBranch: ctx.s.facts.isBranch };
      const text = await renderDraft(doc, data, 'txt', options);
      const file = await renderDraft(doc, data, 'docx', options);
      reply(ctx, text.text);
      ctx.replies.push({
        kind: 'file',
        fileName: file.fileName,
        mimeType: file.mimeType,
        data: file.data,
        caption: docTypeDef(doc).title,
      });
    } catch (err) {
      const problems = (err as { problems?: { message: string }[] }).problems;
      if (problems?.length) {
        // Fields that do not fit together (e.g. a route for another kind of business): say which, let them fix it.
        ctx.s.pending = { kind: 'draft-confirm' };
        reply(
          ctx,
          say('draftInvalid', { message: problems.map((p) => p.message).join('；') }),
          dialog.draftConfirmActions.filter((a) => a.id !== 'k:ok'),
        );
        return;
      }
      ctx.opts.log.error({ err: (err as Error).message, docType: doc }, 'draft rendering failed');
      reply(ctx, say('draftFailed'));
      return;
    }
  }
  const delivered = docs(ctx);
  ctx.s.draft = { ...d, docTypes: [] };
  // The route's other letter (the commitment goes with the application) is one tap away.
  const others = evaluate(ctx.s.facts).documents.filter((doc) => !delivered.includes(doc));
  reply(ctx, say('draftDelivered'), [
    ...others.map((doc) => ({ id: `d:${doc}`, label: say('draftAlso', { title: docTypeDef(doc).title }) })),
    ...dialog.resultActions.filter((a) => a.id !== 'a:draft'),
  ]);
}
