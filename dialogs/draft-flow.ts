// Draft interview: pick the document(s), ask only the fields still missing (prefilled from the
// situation interview), confirm a summary, then deliver the text and a Word file.
import {
  docTypeDef,
  FIELD_NAMES,
  type FieldName,
  fieldDef,
  impliedPath,
  missingFields,
  prefillFromFacts,
  resolveDocType,
} from '../knowledge/drafts/fields.ts';
import { validateDraftData } from '../knowledge/drafts/validate.ts';
import { evaluate } from '../rules/evaluate.ts';
import { DOCUMENT_IDS, type DocumentId, type PathId } from '../rules/types.ts';
import { type Ctx, reply } from './context.ts';
import { isoDay } from './interview.ts';
import { dialog, say } from './texts.ts';
import type { Choice } from './types.ts';

type Fields = Record<string, string | number>;

function docs(ctx: Ctx): DocumentId[] {
  return (ctx.s.draft?.docTypes ?? []).filter((d): d is DocumentId =>
    (DOCUMENT_IDS as readonly string[]).includes(d),
  );
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
  const wanted = hint ? resolveDocType(hint) : undefined;
  const candidates: DocumentId[] = wanted
    ? [wanted]
    : det.documents.length
      ? [...det.documents]
      : [...DOCUMENT_IDS];
  if (candidates.length === 1) return begin(ctx, candidates);
  const choices: Choice[] = candidates.map((d) => ({ id: `d:${d}`, label: docTypeDef(d).title }));
  if (det.documents.length > 1 && !wanted) choices.push({ id: 'd:all', label: say('draftAll') });
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
  // Keep what was typed for an earlier draft of the same case (name, code, phone …).
  ctx.s.draft = { docTypes, fields: { ...prefilled, ...(ctx.s.draft?.fields ?? {}) }, skipped: [] };
  return next(ctx);
}

function neededFields(ctx: Ctx): FieldName[] {
  const d = ctx.s.draft;
  if (!d) return [];
  const all = docs(ctx).flatMap((doc) => missingFields(doc, d.fields));
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
  reply(ctx, `${prefix ? `${prefix}\n` : ''}${def.question}${say('draftFieldPrompt')}`, choices);
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
    const def = docTypeDef(doc);
    const path = pathFor(ctx, doc);
    const own = new Set(path ? (def.requiredByPath[path] ?? []) : []);
    const otherRoutes = new Set(
      Object.entries(def.requiredByPath)
        .filter(([p]) => p !== path)
        .flatMap(([, fields]) => fields ?? [])
        .filter((f) => !own.has(f)),
    );
    for (const f of def.fields) if (!otherRoutes.has(f) || ctx.s.draft?.fields[f] !== undefined) shown.add(f);
  }
  return FIELD_NAMES.filter((f) => shown.has(f) && f !== 'path');
}

function valueLabel(field: FieldName, value: string | number | undefined): string {
  if (value === undefined || value === '') return say('draftBlank');
  return fieldDef(field).choices?.find((c) => c.value === value)?.label ?? String(value);
}

function confirm(ctx: Ctx): void {
  const d = ctx.s.draft;
  if (!d) return;
  ctx.s.pending = { kind: 'draft-confirm' };
  const titles = docs(ctx)
    .map((doc) => `《${docTypeDef(doc).title}》`)
    .join('');
  const lines = fieldsShown(ctx)
    .filter((f) => f !== 'applicationDate')
    .map((f) => `· ${fieldDef(f).label}：${valueLabel(f, d.fields[f])}`);
  reply(ctx, `${say('draftSummary')}${titles}\n${lines.join('\n')}`, dialog.draftConfirmActions);
}

/** Checks one field's value with the same validation the CLI uses; returns the normalised value. */
function checkValue(
  ctx: Ctx,
  field: FieldName,
  raw: string,
): { value: string | number } | { problem: string } {
  const doc = docs(ctx)[0] as DocumentId;
  const result = validateDraftData(doc, { [field]: raw }, { today: isoDay(ctx.now) });
  if (!result.ok) return { problem: result.problems.map((p) => p.message).join('；') };
  const value = (result.data as Record<string, unknown>)[field];
  return value === undefined ? { problem: fieldDef(field).question } : { value: value as string | number };
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
    if (/^(取消|不写了|算了)$/.test(text.trim())) return cancel(ctx);
    const checked = checkValue(ctx, field, text);
    if ('problem' in checked) return askField(ctx, field, say('draftInvalid', { message: checked.problem }));
    ctx.s.draft.fields[field] = checked.value;
    return next(ctx);
  }
  if (p?.kind === 'draft-confirm') {
    const t = text.trim();
    if (!opts.repeat && /^(确认|确定|好|好的|可以|对|是|没问题|生成|ok)$/i.test(t)) return deliver(ctx);
    if (/^(取消|不要了|算了)$/.test(t)) return cancel(ctx);
    return confirm(ctx);
  }
}

function cancel(ctx: Ctx): void {
  ctx.s.pending = undefined;
  if (ctx.s.draft) ctx.s.draft.docTypes = [];
  reply(ctx, say('draftCancelled'));
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
  if (!ctx.s.draft) return startDraft(ctx);
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
    const choices = fieldsShown(ctx).map((f) => ({
      id: `g:${f}`,
      label: `${fieldDef(f).label}：${valueLabel(f, ctx.s.draft?.fields[f])}`,
    }));
    return reply(ctx, say('draftEditPrompt'), choices);
  }
  if (kind === 'g' && (FIELD_NAMES as readonly string[]).includes(arg)) {
    ctx.s.draft.skipped = ctx.s.draft.skipped.filter((f) => f !== arg);
    return askField(ctx, arg as FieldName);
  }
  return confirm(ctx);
}

async function deliver(ctx: Ctx): Promise<void> {
  const d = ctx.s.draft;
  if (!d) return;
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
      const text = await renderDraft(doc, data, 'txt', { today });
      const file = await renderDraft(doc, data, 'docx', { today });
      reply(ctx, text.text);
      ctx.replies.push({
        kind: 'file',
        fileName: file.fileName,
        mimeType: file.mimeType,
        data: file.data,
        caption: docTypeDef(doc).title,
      });
    } catch (err) {
      ctx.opts.log.error({ err: (err as Error).message, docType: doc }, 'draft rendering failed');
      reply(ctx, say('draftFailed'));
      return;
    }
  }
  reply(
    ctx,
    say('draftDelivered'),
    dialog.resultActions.filter((a) => a.id !== 'a:draft'),
  );
}
