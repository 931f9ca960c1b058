// Checks and normalises draft data from the chat, the CLI or an API caller. Every problem names the
// field by its Chinese label and says how to fix it; the wording lives in fields.json.
import { checkCreditCode, checkIdNumber, normalizeCreditCode } from '../../rules/identifiers.ts';
import type { DocumentId, PathId } from '../../rules/types.ts';
import { parseDraftDate, parseYear, toHalfWidth } from './dates.ts';
import {
  choiceLabel,
  type DraftData,
  docTypeDef,
  FIELD_NAMES,
  FIELDS,
  type FieldName,
  fieldDef,
  fieldLabel,
  impliedPath,
  matchChoice,
} from './fields.ts';
import {
  extractPhone,
  formalSentence,
  type Normalized,
  normalizeAddress,
  normalizeAuthority,
} from './normalize.ts';

export interface DraftProblem {
  field: string;
  message: string;
}
export type DraftValidation = { ok: true; data: DraftData } | { ok: false; problems: DraftProblem[] };

export interface ValidateOptions {
  /** today's date as YYYY-MM-DD; defaults to the date in China (Asia/Shanghai) */
  today?: string;
}

const MAX_LENGTH: Record<string, number> = { name: 100, text: 200, longText: 1000 };

function msg(key: string, vars: Record<string, string | number>): string {
  const template = FIELDS.messages[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}

/** Today in China, where the bureau is; a server in another zone must not shift the date. */
export function todayInChina(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

const UNSAFE_RANGES: [number, number][] = [
  [0x0000, 0x001f], // C0 controls
  [0x007f, 0x009f], // DEL, C1 controls
  [0x200b, 0x200f], // zero-width characters, LRM/RLM
  [0x202a, 0x202e], // bidi embeddings and overrides
  [0x2060, 0x2069], // word joiner, bidi isolates
  [0xfeff, 0xfeff], // byte-order mark
  [0xe000, 0xf8ff], // private use: the renderer's field markers
];

/** Drops control, zero-width, bidi-override and private-use characters. */
export function stripUnsafe(value: string): string {
  let out = '';
  for (const ch of value) {
    const cp = ch.codePointAt(0) ?? 0;
    if (!UNSAFE_RANGES.some(([lo, hi]) => cp >= lo && cp <= hi)) out += ch;
  }
  return out;
}

/**
 * User text is data: control, bidi-override and private-use characters are dropped (the renderer
 * uses private-use characters as field markers) and line breaks become spaces, so a value can never
 * change the layout or pose as template markup.
 */
export function cleanText(value: string): string {
  return stripUnsafe(value.normalize('NFC').replace(/[\r\n\t\u2028\u2029\v\f]+/g, ' '))
    .replace(/[ \u3000]{2,}/g, ' ')
    .trim();
}

function checkField(
  name: FieldName,
  raw: unknown,
  today: string,
): { value: DraftData[FieldName] } | { problem: string } | { empty: true } {
  const def = fieldDef(name);
  const label = def.label;
  if (raw === undefined || raw === null) return { empty: true };

  if (def.kind === 'year') {
    const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? cleanText(raw) : null;
    if (text === null) return { problem: msg('notText', { label }) };
    if (text === '') return { empty: true };
    const thisYear = Number(today.slice(0, 4));
    // 2025, 2025年度的, 去年
    const year = parseYear(text, thisYear);
    if (year === undefined || year < 1980 || year > thisYear)
      return { problem: msg('year', { label, thisYear }) };
    return { value: year };
  }

  if (typeof raw !== 'string') return { problem: msg('notText', { label }) };
  const text = cleanText(raw);
  if (text === '') return { empty: true };

  switch (def.kind) {
    case 'name':
    case 'text':
    case 'longText': {
      const max = MAX_LENGTH[def.kind] ?? 200;
      if (Array.from(text).length > max) return { problem: msg('tooLong', { label, max }) };
      return { value: text };
    }
    case 'creditCode': {
      // Codes are often copied with spaces or hyphens between groups (9144 0300 0859 4815 8H).
      const compact = text.replace(/[\s\u3000\-\u2010-\u2015\uFF0D]+/g, '');
      const check = checkCreditCode(compact);
      // A wrong check character is reported as a wrong code, never with the character that would
      // make it pass: a digit mistyped in the middle would otherwise be "fixed" into a wrong code.
      if (!check.ok) {
        const reason = check.problem === 'check' ? msg('creditCodeCheck', {}) : check.message;
        return { problem: msg('creditCode', { label, reason }) };
      }
      return { value: normalizeCreditCode(compact) };
    }
    case 'idNumber': {
      const check = checkIdNumber(text.replace(/[\s\u3000-]+/g, ''), today);
      if (!check.ok) return { problem: msg('idNumber', { label, reason: check.message }) };
      return { value: normalizeCreditCode(text.replace(/[\s\u3000-]+/g, '')) };
    }
    case 'address':
      return usable(normalizeAddress(text), label, 200);
    case 'authority':
      return usable(normalizeAuthority(text), label, 100);
    case 'reason':
    case 'plan':
    case 'contact':
    case 'description':
      return usable(formalSentence(text, def.kind, today), label, 1000);
    case 'phone': {
      // 「打我手机就行13907151234」: the number out of the sentence.
      const found =
        /\d/.test(text) && !/^[\d\s()（）+\-转ext.]+$/i.test(toHalfWidth(text))
          ? extractPhone(text)
          : undefined;
      const s = toHalfWidth(found ?? text)
        .replace(/\s+/g, '')
        .replace(/^\+?86-?/, '')
        .replace(/^[（(](0\d{2,3})[)）]-?/, '$1-');
      if (/^1[3-9]\d{9}$/.test(s.replace(/-/g, '')) && /^[\d-]+$/.test(s))
        return { value: s.replace(/-/g, '') };
      if (/^0\d{2,3}-\d{7,8}(?:(?:-|转|ext\.?)\d{1,6})?$/i.test(s) || /^0\d{9,11}$/.test(s))
        return { value: s };
      return { problem: msg('phone', { label }) };
    }
    case 'date':
    case 'pastDate':
    case 'partialPastDate': {
      const partial = def.kind === 'partialPastDate';
      const parsed = parseDraftDate(text, { partial, past: def.kind !== 'date', today });
      if (parsed === 'format') return { problem: msg(partial ? 'partialDate' : 'date', { label }) };
      if (parsed === 'invalid') return { problem: msg('noSuchDate', { label, value: text }) };
      // A partial date is in the future only if even its earliest day is.
      if (def.kind !== 'date' && parsed.iso > today.slice(0, parsed.iso.length)) {
        return { problem: msg('future', { label, today }) };
      }
      return { value: parsed.iso };
    }
    case 'enum': {
      const choices = def.choices ?? [];
      const hit = matchChoice(name, text);
      if (hit === undefined) {
        const list = choices.map((c) => `${c.value}（${c.label}）`).join('、');
        return { problem: msg('enum', { label, choices: list }) };
      }
      return { value: hit as DraftData[FieldName] };
    }
  }
}

function usable(result: Normalized, label: string, max: number): { value: string } | { problem: string } {
  if ('problem' in result) return { problem: msg(result.problem, { label }) };
  if (Array.from(result.value).length > max) return { problem: msg('tooLong', { label, max }) };
  return { value: result.value };
}

/** Validates and normalises draft data for one document type; unknown field names are problems. */
export function validateDraftData(
  docType: DocumentId,
  data: unknown,
  options: ValidateOptions = {},
): DraftValidation {
  const today = options.today ?? todayInChina();
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, problems: [{ field: '(data)', message: msg('notObject', {}) }] };
  }
  const problems: DraftProblem[] = [];
  const out: Record<string, unknown> = {};
  const known = new Set<string>(FIELD_NAMES);
  for (const [key, raw] of Object.entries(data)) {
    if (!known.has(key)) {
      problems.push({
        field: key,
        message: msg('unknownField', { field: key, known: FIELD_NAMES.join(', ') }),
      });
      continue;
    }
    const result = checkField(key as FieldName, raw, today);
    if ('problem' in result) problems.push({ field: key, message: result.problem });
    else if ('value' in result) out[key] = result.value;
  }

  const doc = docTypeDef(docType);
  const draft = out as DraftData;
  const pathLabel = (p: PathId | undefined) => choiceLabel('path', p) ?? p ?? '';
  const entityLabel = (e: string | undefined) => choiceLabel('entityType', e) ?? e ?? '';
  if (draft.path && !doc.paths.includes(draft.path)) {
    problems.push({
      field: 'path',
      message: msg('pathNotForDoc', {
        label: fieldDef('path').label,
        value: pathLabel(draft.path),
        title: `《${doc.title}》`,
        choices: doc.paths.map(pathLabel).join('、'),
      }),
    });
  }
  if (draft.entityType && doc.entityTypes && !doc.entityTypes.includes(draft.entityType)) {
    problems.push({
      field: 'entityType',
      message: msg('entityTypeNotForDoc', {
        title: `《${doc.title}》`,
        allowed: doc.entityTypes.map(entityLabel).join('、'),
        label: fieldDef('entityType').label,
        value: entityLabel(draft.entityType),
      }),
    });
  }
  for (const ex of doc.excluded ?? []) {
    const value = draft[ex.field];
    if (value !== undefined && ex.values.includes(String(value)))
      problems.push({ field: ex.field, message: ex.message });
  }
  const path = draft.path ?? impliedPath(docType);
  const rule = path ? FIELDS.pathRules[path] : undefined;
  if (rule?.entityTypes && draft.entityType && !rule.entityTypes.includes(draft.entityType)) {
    problems.push({
      field: 'entityType',
      message: msg('entityTypeNotForPath', {
        pathLabel: pathLabel(path),
        allowed: rule.entityTypes.map(entityLabel).join('、'),
        label: fieldDef('entityType').label,
        value: entityLabel(draft.entityType),
      }),
    });
  }
  if (rule?.listingReason && draft.listingReason && draft.listingReason !== rule.listingReason) {
    problems.push({
      field: 'listingReason',
      message: msg('reasonNotForPath', {
        pathLabel: pathLabel(path),
        expected: choiceLabel('listingReason', rule.listingReason) ?? rule.listingReason,
        value: choiceLabel('listingReason', draft.listingReason) ?? draft.listingReason,
      }),
    });
  }
  if (
    rule?.listedFromYear &&
    draft.listedDate &&
    Number(draft.listedDate.slice(0, 4)) < rule.listedFromYear
  ) {
    problems.push({
      field: 'listedDate',
      message: msg('listedTooEarly', {
        pathLabel: pathLabel(path),
        label: fieldDef('listedDate').label,
        value: draft.listedDate,
      }),
    });
  }
  // The listing for an unreachable address comes first, the change registration after it; a change
  // dated before the listing means one of the two dates is wrong. A partial listing date (2021,
  // 2021-06) is compared only as far as it goes.
  if (draft.changeRegisteredDate && draft.listedDate) {
    const listed = draft.listedDate;
    if (draft.changeRegisteredDate.slice(0, listed.length) < listed) {
      problems.push({
        field: 'changeRegisteredDate',
        message: msg('changeBeforeListing', {
          changeLabel: fieldLabel('changeRegisteredDate', path),
          changed: draft.changeRegisteredDate,
          listedLabel: fieldLabel('listedDate', path),
          listed,
        }),
      });
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, data: draft };
}
