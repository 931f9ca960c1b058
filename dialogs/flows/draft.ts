// Drafting: the one gate every channel drafts through (chat, Telegram, Discord, console, the staff web
// console). Pick the document(s), ask only the fields still missing (prefilled from the situation),
// confirm a summary, then deliver the text and a Word file. Fields typed by the user or by staff live
// in the session (`s.draft.fields`).
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
} from '../../knowledge/drafts/fields.ts';
import { validateDraftData } from '../../knowledge/drafts/validate.ts';
import { proseDate } from '../../knowledge/explain.ts';
import { pathLabel } from '../../knowledge/lookup.ts';
import {
  type Determination,
  DOCUMENT_IDS,
  type DocumentId,
  type EntityType,
  FACT_KINDS,
  type FactName,
  type PathId,
} from '../../rules/types.ts';
import { type Command, commandId } from '../command.ts';
import { askUser, type Ctx, reply } from '../context.ts';
import { parseAnswer } from '../nlu/index.ts';
import type { Frame, Session } from '../session.ts';
import { dialog, say } from '../texts.ts';
import type { Choice } from '../types.ts';
import { done, type Flow, type Step, wait } from './flow.ts';
import { isoDay, isWord, resultActions } from './shared.ts';

type DraftFrame = Extract<Frame, { flow: 'draft' }>;
type Fields = Record<string, string | number>;

/** What `want` holds when the user asked for "a document" without naming one. */
const ANY_DOCUMENT = '-';

function docs(s: Session): DocumentId[] {
  return (s.draft?.docTypes ?? []).filter((d): d is DocumentId =>
    (DOCUMENT_IDS as readonly string[]).includes(d),
  );
}

/** A generic 「申请书」 means the application of the user's own route. */
function wantedDoc(hint: string | undefined, documents: DocumentId[]): DocumentId | undefined {
  if (!hint || hint === 'all' || hint === ANY_DOCUMENT) return undefined;
  if (hint === 'application') return documents.find((d) => d.endsWith('application')) ?? resolveDocType(hint);
  return resolveDocType(hint);
}

/** 「申请书和承诺书」: several documents named in one request mean all of the route's documents. */
export function docHint(text: string, named: string | undefined): string | undefined {
  const words = (dialog.docWords ?? {}) as Record<string, string[]>;
  const mentioned = DOCUMENT_IDS.filter((d) => (words[d] ?? []).some((w) => text.includes(w)));
  return mentioned.length > 1 ? 'all' : named;
}

function routesOf(doc: DocumentId): string {
  return docTypeDef(doc)
    .paths.map((p) => pathLabel(p))
    .join('、');
}

export type Gate =
  | { ok: true }
  | {
      ok: false;
      why: 'needs-facts' | 'undetermined' | 'other-route' | 'not-eligible' | 'no-documents';
      message: string;
    };

/**
 * Whether `doc` (or any document of the route) may be drafted for this determination. A letter states
 * the facts of its route (listed since 2020, report filed, not intentional …), so only an eligible case
 * is drafted, whatever the channel.
 */
export function draftGate(
  det: Determination,
  doc: DocumentId | undefined,
  unknown: readonly FactName[] = [],
): Gate {
  if (det.eligible === null && det.missing.some((f) => !unknown.includes(f)))
    return { ok: false, why: 'needs-facts', message: say('draftNotApplicableUnknown') };
  if (det.path === 'undetermined')
    return { ok: false, why: 'undetermined', message: say('draftNotApplicableUnknown') };
  if (doc && !docTypeDef(doc).paths.includes(det.path))
    return {
      ok: false,
      why: 'other-route',
      message: say('draftNotApplicableRoute', { route: routesOf(doc) }),
    };
  if (det.eligible !== true)
    return {
      ok: false,
      why: 'not-eligible',
      message: det.documents.length ? say('draftNotYet') : say('draftNotApplicableIneligible'),
    };
  if (doc && !det.documents.includes(doc))
    return {
      ok: false,
      why: 'other-route',
      message: say('draftNotApplicableRoute', { route: routesOf(doc) }),
    };
  if (!det.documents.length) return { ok: false, why: 'no-documents', message: say('decidedNoDraft') };
  return { ok: true };
}

function pathFor(det: Determination, docType: DocumentId): PathId | undefined {
  return docTypeDef(docType).paths.includes(det.path) ? det.path : impliedPath(docType);
}

/**
 * The data a document is rendered from: what the facts say, then the fields typed for this case. What
 * the facts say wins for the situation (a corrected year or type must reach the letter); a listing date
 * typed in full is kept while it still lies in the year the facts give.
 */
export function draftData(
  s: Session,
  det: Determination,
  doc: DocumentId,
  today: string,
): Record<string, unknown> {
  const path = pathFor(det, doc);
  const prefilled = prefillFromFacts(s.facts, path) as Fields;
  const typed = s.draft?.fields ?? {};
  const merged: Fields = { ...typed, ...prefilled };
  const typedDate = typed.listedDate;
  if (
    typeof typedDate === 'string' &&
    typeof prefilled.listedDate === 'string' &&
    typedDate.startsWith(prefilled.listedDate)
  )
    merged.listedDate = typedDate;
  const data: Record<string, unknown> = {};
  for (const f of docTypeDef(doc).fields) if (merged[f] !== undefined) data[f] = merged[f];
  if (path && docTypeDef(doc).fields.includes('path')) data.path = path;
  if (!data.applicationDate && docTypeDef(doc).fields.includes('applicationDate'))
    data.applicationDate = today;
  return data;
}

function notApplicable(ctx: Ctx, doc: DocumentId | undefined, why: string): Step {
  const what = doc ? `《${docTypeDef(doc).title}》` : say('draftAnyTitle');
  askUser(ctx, say('draftNotApplicable', { what, why }), resultActions(ctx.det()));
  return done();
}

function open(ctx: Ctx, hint: string | undefined): Step {
  const det = ctx.det();
  const wanted = wantedDoc(hint, det.documents);
  const gate = draftGate(det, wanted, ctx.s.unknown);
  if (!gate.ok && gate.why === 'needs-facts') {
    const what = wanted ? `《${docTypeDef(wanted).title}》` : say('draftAnyTitle');
    reply(ctx, say('draftNeedsFacts', { what }));
    return wait(
      { flow: 'draft', step: 'waiting', want: wanted ?? hint ?? ANY_DOCUMENT },
      { flow: 'interview' },
    );
  }
  if (!gate.ok && gate.why === 'no-documents') {
    askUser(ctx, gate.message, resultActions(det));
    return done();
  }
  if (!gate.ok) return notApplicable(ctx, wanted, gate.message);
  if (hint === 'all' && det.documents.length > 1) return begin(ctx, [...det.documents]);
  const candidates: DocumentId[] = wanted ? [wanted] : [...det.documents];
  if (candidates.length === 1) return begin(ctx, candidates);
  const choices: Choice[] = candidates.map((d) => ({
    id: commandId({ type: 'draft', doc: d }),
    label: docTypeDef(d).title,
  }));
  choices.push({ id: commandId({ type: 'draft', doc: 'all' }), label: say('draftAll') });
  askUser(ctx, say('draftPickDoc'), choices);
  return wait({ flow: 'draft', step: 'pick' });
}

function begin(ctx: Ctx, docTypes: DocumentId[]): Step {
  ctx.s.draft = { docTypes, fields: { ...(ctx.s.draft?.fields ?? {}) }, skipped: [] };
  return next(ctx);
}

function entityOf(ctx: Ctx): EntityType | undefined {
  const typed = ctx.s.draft?.fields.entityType;
  return (typeof typed === 'string' ? typed : ctx.s.facts.entityType) as EntityType | undefined;
}

/** What the document will say: prefill from the facts and the fields typed so far. */
function current(ctx: Ctx): Fields {
  const first = docs(ctx.s)[0];
  if (!first) return {};
  const det = ctx.det();
  return Object.assign({}, ...docs(ctx.s).map((d) => draftData(ctx.s, det, d, isoDay(ctx.now)))) as Fields;
}

function neededFields(ctx: Ctx): FieldName[] {
  const d = ctx.s.draft;
  if (!d) return [];
  const data = current(ctx);
  const all = docs(ctx.s).flatMap((doc) => fieldsToAsk(doc, data));
  return [...new Set(all)].filter((f) => !d.skipped.includes(f));
}

function askField(ctx: Ctx, field: FieldName, prefix?: string): Step {
  const def = fieldDef(field);
  // A route choice only offers the routes the chosen documents serve.
  const allowed =
    field === 'path' ? new Set(docs(ctx.s).flatMap((d) => docTypeDef(d).paths as string[])) : undefined;
  const choices = def.choices
    ?.filter((c) => !allowed || allowed.has(c.value))
    .map((c) => ({ id: commandId({ type: 'pick-field', field, value: c.value }), label: c.label }));
  const doc = docs(ctx.s)[0] as DocumentId;
  const question = fieldQuestion(field, doc, pathFor(ctx.det(), doc), entityOf(ctx));
  askUser(ctx, `${prefix ? `${prefix}\n` : ''}${question}${say('draftFieldPrompt')}`, choices);
  return wait({ flow: 'draft', step: 'field', field });
}

function next(ctx: Ctx): Step {
  const field = neededFields(ctx)[0];
  if (field) return askField(ctx, field);
  return confirm(ctx);
}

/** The fields of the chosen documents that matter on this route (not those only another route needs). */
function fieldsShown(ctx: Ctx): FieldName[] {
  const shown = new Set<FieldName>();
  const det = ctx.det();
  const data = current(ctx);
  for (const doc of docs(ctx.s)) {
    const onPath = fieldsOnPath(doc, pathFor(det, doc));
    for (const f of docTypeDef(doc).fields) if (onPath.includes(f) || data[f] !== undefined) shown.add(f);
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

function confirm(ctx: Ctx): Step {
  const titles = docs(ctx.s)
    .map((doc) => `《${docTypeDef(doc).title}》`)
    .join('');
  const first = docs(ctx.s)[0];
  const path = first ? pathFor(ctx.det(), first) : undefined;
  const data = current(ctx);
  const lines = fieldsShown(ctx).map(
    (f) =>
      `· ${fieldLabel(f, path, entityOf(ctx))}：${valueLabel(f, data[f] ?? fieldDefaultValue(f, isoDay(ctx.now)))}`,
  );
  askUser(ctx, `${say('draftSummary')}${titles}\n${lines.join('\n')}`, dialog.draftConfirmActions);
  return wait({ flow: 'draft', step: 'confirm' });
}

/** Checks one field's value with the same validation the CLI uses; returns the normalised value. */
export function checkFieldValue(
  s: Session,
  det: Determination,
  field: FieldName,
  raw: string,
  now: Date,
): { value: string | number } | { problem: string } {
  const doc = (docs(s)[0] ?? det.documents[0] ?? 'repair-application') as DocumentId;
  const def = fieldDef(field);
  if (def.kind === 'enum') {
    // The same words the interview understands (个体户, 公司, 没报年报 …) work here too.
    const byLabel = matchChoice(field, raw);
    const understood = field in FACT_KINDS ? parseAnswer(field as FactName, raw, { now }) : undefined;
    const value =
      byLabel ?? (typeof understood === 'string' && understood !== 'unknown' ? understood : undefined);
    if (value === undefined || !def.choices?.some((c) => c.value === value))
      return { problem: say('draftPickOne') };
    raw = value;
  }
  const result = validateDraftData(doc, { [field]: raw }, { today: isoDay(now) });
  if (!result.ok) return { problem: result.problems.map((p) => p.message).join('；') };
  const value = (result.data as Record<string, unknown>)[field];
  const entity = (s.draft?.fields.entityType ?? s.facts.entityType) as EntityType | undefined;
  return value === undefined
    ? { problem: fieldQuestion(field, doc, pathFor(det, doc), entity) }
    : { value: value as string | number };
}

/**
 * Staff-typed fields for a case (the web console), checked one by one as in the chat; '' or null
 * clears a field. Throws an Error with `problems` (field and message) when one is invalid.
 */
export function withDraftFields(
  s: Session,
  det: Determination,
  input: Record<string, unknown>,
  now: Date,
): Record<string, string | number> {
  const fields: Record<string, string | number> = { ...(s.draft?.fields ?? {}) };
  const problems: { field: string; message: string }[] = [];
  for (const [name, raw] of Object.entries(input)) {
    if (raw === null || raw === '' || raw === undefined) {
      delete fields[name];
      continue;
    }
    if (!(FIELD_NAMES as readonly string[]).includes(name)) {
      problems.push({ field: name, message: `没有「${name.slice(0, 40)}」这一项` });
      continue;
    }
    const checked = checkFieldValue(s, det, name as FieldName, String(raw), now);
    if ('problem' in checked) problems.push({ field: name, message: checked.problem });
    else fields[name] = checked.value;
  }
  if (problems.length)
    throw Object.assign(new Error(problems.map((p) => p.message).join('；')), { problems });
  return fields;
}

function cancel(ctx: Ctx): Step {
  if (ctx.s.draft) ctx.s.draft = { ...ctx.s.draft, docTypes: [] };
  askUser(ctx, say('draftCancelled'), resultActions(ctx.det()));
  return done();
}

function editMenu(ctx: Ctx): Step {
  const first = docs(ctx.s)[0];
  const path = first ? pathFor(ctx.det(), first) : undefined;
  const data = current(ctx);
  const choices = fieldsShown(ctx)
    .filter((f) => !FACT_FIELDS.has(f))
    .map((f) => ({
      id: commandId({ type: 'edit-field', field: f }),
      label: `${fieldLabel(f, path, entityOf(ctx))}：${valueLabel(f, data[f] ?? fieldDefaultValue(f, isoDay(ctx.now)))}`,
    }));
  askUser(ctx, say('draftEditPrompt'), choices);
  return wait({ flow: 'draft', step: 'edit' });
}

/** Renders the documents as text and Word files; any channel's adapter shows them its own way. */
export async function renderCaseDraft(
  s: Session,
  det: Determination,
  doc: DocumentId,
  format: 'txt' | 'md' | 'docx',
  today: string,
) {
  const { renderDraft } = await import('../../knowledge/drafts/render.ts');
  return renderDraft(doc, draftData(s, det, doc, today), format, { today, isBranch: s.facts.isBranch });
}

async function deliver(ctx: Ctx): Promise<Step> {
  const d = ctx.s.draft;
  if (!d || !docs(ctx.s).length) {
    askUser(ctx, say('draftNoDocument'), resultActions(ctx.det()));
    return done();
  }
  const det = ctx.det();
  const today = isoDay(ctx.now);
  for (const doc of docs(ctx.s)) {
    try {
      const text = await renderCaseDraft(ctx.s, det, doc, 'txt', today);
      const file = await renderCaseDraft(ctx.s, det, doc, 'docx', today);
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
        askUser(
          ctx,
          say('draftInvalid', { message: problems.map((p) => p.message).join('；') }),
          dialog.draftConfirmActions.filter((a) => a.id !== 'confirm'),
        );
        return wait({ flow: 'draft', step: 'confirm' });
      }
      ctx.opts.log.error({ err: (err as Error).message, docType: doc }, 'draft rendering failed');
      reply(ctx, say('draftFailed'));
      return done();
    }
  }
  const delivered = docs(ctx.s);
  ctx.s.draft = { ...d, docTypes: [] };
  // The route's other letter (the commitment goes with the application) is one tap away.
  const others = det.documents.filter((doc) => !delivered.includes(doc));
  askUser(ctx, say('draftDelivered'), [
    ...others.map((doc) => ({
      id: commandId({ type: 'draft', doc }),
      label: say('draftAlso', { title: docTypeDef(doc).title }),
    })),
    ...dialog.resultActions.filter((a) => a.id !== 'draft'),
  ]);
  return done();
}

function startWith(ctx: Ctx, cmd: Command): Step {
  // a field, confirm or edit button with no draft open is stale (or forged)
  if (cmd.type !== 'draft') return done([{ type: 'unclear', why: 'stale' }]);
  if (ctx.turn.isGroup) {
    // Names, codes and phone numbers are never asked for in a group.
    ctx.replies.push({
      kind: 'move-to-private',
      text: say('groupPrivacy'),
      privateStart: `/draft ${cmd.doc ?? '-'} from:${ctx.turn.chatId}`,
    });
    return done();
  }
  if (cmd.doc && cmd.doc !== 'all' && cmd.doc !== ANY_DOCUMENT && ctx.s.flows.at(-1)?.flow === 'draft') {
    const chosen = resolveDocType(cmd.doc);
    if (chosen && draftGate(ctx.det(), chosen, ctx.s.unknown).ok) return begin(ctx, [chosen]);
  }
  if (cmd.doc === 'all' && draftGate(ctx.det(), undefined, ctx.s.unknown).ok)
    return begin(ctx, [...ctx.det().documents]);
  return open(ctx, cmd.doc);
}

const ACCEPTS = new Set<Command['type']>([
  'draft',
  'field-value',
  'pick-field',
  'skip',
  'confirm',
  'cancel',
  'draft-edit',
  'edit-field',
]);

export const draft: Flow<DraftFrame> = {
  start: (ctx, cmd) => {
    ctx.intent =
      ctx.intent === 'none' || ctx.intent === 'command' || ctx.intent === 'choice' ? 'draft' : ctx.intent;
    return startWith(ctx, cmd);
  },
  accepts: (cmd, frame) => frame.step !== 'waiting' && ACCEPTS.has(cmd.type),
  async handle(ctx, frame, cmd) {
    const d = ctx.s.draft;
    switch (cmd.type) {
      case 'draft':
        return startWith(ctx, cmd);
      case 'cancel':
        return cancel(ctx);
      case 'confirm':
        return frame.step === 'confirm' ? deliver(ctx) : draft.resume(ctx, frame);
      case 'draft-edit':
        return d && docs(ctx.s).length ? editMenu(ctx) : open(ctx, undefined);
      case 'edit-field':
        if (!d || !(FIELD_NAMES as readonly string[]).includes(cmd.field) || FACT_FIELDS.has(cmd.field))
          return confirm(ctx);
        d.skipped = d.skipped.filter((f) => f !== cmd.field);
        return askField(ctx, cmd.field as FieldName);
      case 'skip':
        if (d && frame.step === 'field' && frame.field) d.skipped.push(frame.field);
        return next(ctx);
      case 'pick-field': {
        if (!d || frame.step !== 'field' || frame.field !== cmd.field) return draft.resume(ctx, frame);
        const value = fieldDef(cmd.field as FieldName).choices?.find((c) => c.value === cmd.value)?.value;
        if (value === undefined) return askField(ctx, cmd.field as FieldName);
        d.fields[cmd.field] = value;
        return next(ctx);
      }
      case 'field-value': {
        if (!d || frame.step !== 'field' || !frame.field) return draft.resume(ctx, frame);
        const field = frame.field as FieldName;
        const checked = checkFieldValue(ctx.s, ctx.det(), field, cmd.value, ctx.now);
        if ('problem' in checked)
          return askField(ctx, field, say('draftInvalid', { message: checked.problem }));
        d.fields[field] = checked.value;
        return next(ctx);
      }
      default:
        return draft.resume(ctx, frame);
    }
  },
  resume(ctx, frame) {
    if (frame.step === 'waiting') return open(ctx, frame.want);
    if (!ctx.s.draft || !docs(ctx.s).length) return open(ctx, undefined);
    // 「哦不对 我办好的是税务那边的地址变更」 told while a field was asked: the case changed under the
    // draft; a document its facts no longer allow is not drafted on (open says why, or asks what is missing)
    if (ctx.factsChanged) {
      const det = ctx.det();
      const blocked = docs(ctx.s).find((d) => !draftGate(det, d, ctx.s.unknown).ok);
      if (blocked) return open(ctx, blocked);
    }
    if (frame.step === 'field' && frame.field) return askField(ctx, frame.field as FieldName);
    if (frame.step === 'edit') return editMenu(ctx);
    if (frame.step === 'pick') return open(ctx, undefined);
    return confirm(ctx);
  },
};

/** Whether a typed text is a word of one of the draft's lists (跳过, 取消, 确认). */
export function draftWord(text: string): 'skip' | 'cancel' | 'confirm' | undefined {
  if ((dialog.draftSkipWords as string[]).includes(text.trim().toLowerCase())) return 'skip';
  if (isWord('draftCancelWords', text)) return 'cancel';
  if (isWord('draftConfirmWords', text)) return 'confirm';
  return undefined;
}
