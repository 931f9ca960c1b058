// Checks and normalises draft data from the chat, the CLI or an API caller. Every problem names the
// field by its Chinese label and says how to fix it; the wording lives in fields.json.
import { checkCreditCode, normalizeCreditCode } from '../../rules/identifiers.ts';
import type { DocumentId, PathId } from '../../rules/types.ts';
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

function toHalfWidthDigits(s: string): string {
  return s.replace(/[\uFF10-\uFF19\uFF0D\uFF0F]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Days back from today that people say by word. */
const RELATIVE_DAYS: Record<string, number> = { 今天: 0, 今日: 0, 昨天: 1, 昨日: 1, 前天: 2 };

function daysBefore(today: string, days: number): string {
  const d = new Date(`${today.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

/** Years back from this one that people say by word: 今年4月, 去年3月5日. */
const RELATIVE_YEARS: Record<string, number> = { 今年: 0, 去年: 1, 前年: 2 };
/** Months back from this one: 上个月 (the listing date people remember as "last month"). */
const RELATIVE_MONTHS: Record<string, number> = { 本月: 0, 这个月: 0, 这月: 0, 上个月: 1, 上月: 1 };

/**
 * Parses 2023-05-01, 2023/5/1, 2023.5.1, 2023年5月1日(号), 今天/昨天/前天, 5月1日 (this year) and
 * 今年/去年/前年 for the year; if allowed, also 2023年 / 2023年5月(份) / 今年4月 / 上个月.
 */
function parseDate(
  raw: string,
  partial: boolean,
  today: string,
): { iso: string; y: number; m?: number; d?: number } | 'format' | 'invalid' {
  const thisYear = Number(today.slice(0, 4));
  const s = toHalfWidthDigits(raw)
    .replace(/\s+/g, '')
    .replace(/^(今年|去年|前年)/, (w) => `${thisYear - (RELATIVE_YEARS[w] ?? 0)}年`);
  const monthsBack = Object.hasOwn(RELATIVE_MONTHS, s) ? RELATIVE_MONTHS[s] : undefined;
  if (monthsBack !== undefined) {
    if (!partial) return 'format';
    const d = new Date(Date.UTC(thisYear, Number(today.slice(5, 7)) - 1 - monthsBack, 1));
    const [y, mo] = [d.getUTCFullYear(), d.getUTCMonth() + 1];
    return { iso: `${y}-${pad(mo)}`, y, m: mo };
  }
  const back = Object.hasOwn(RELATIVE_DAYS, s) ? RELATIVE_DAYS[s] : undefined;
  if (back !== undefined) {
    const iso = daysBefore(today, back);
    return { iso, y: Number(iso.slice(0, 4)), m: Number(iso.slice(5, 7)), d: Number(iso.slice(8, 10)) };
  }
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s) ?? /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$/.exec(s);
  // 「5月1日」 without a year means this year.
  const short = m ? null : /^(\d{1,2})月(\d{1,2})[日号]$/.exec(s);
  const ymd = m ? [m[1], m[2], m[3]] : short ? [today.slice(0, 4), short[1], short[2]] : null;
  if (ymd) {
    const [y, mo, d] = ymd.map(Number) as [number, number, number];
    if (!isRealDate(y, mo, d)) return 'invalid';
    return { iso: `${y}-${pad(mo)}-${pad(d)}`, y, m: mo, d };
  }
  if (!partial) return 'format';
  m = /^(\d{4})[-/.](\d{1,2})$/.exec(s) ?? /^(\d{4})年(\d{1,2})月份?$/.exec(s);
  // 「3月份」 without a year means this year, like 「5月1日」.
  const monthOnly = m ? null : /^(\d{1,2})月份?$/.exec(s);
  if (monthOnly) m = [s, String(thisYear), monthOnly[1] as string] as unknown as RegExpExecArray;
  if (m) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    if (mo < 1 || mo > 12) return 'invalid';
    return { iso: `${y}-${pad(mo)}`, y, m: mo };
  }
  m = /^(\d{4})年?$/.exec(s);
  if (m) return { iso: String(m[1]), y: Number(m[1]) };
  return 'format';
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
    const text =
      typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? toHalfWidthDigits(raw) : null;
    if (text === null) return { problem: msg('notText', { label }) };
    const t = text.trim().replace(/年度?$/, '');
    if (t === '') return { empty: true };
    const thisYear = Number(today.slice(0, 4));
    const year = Number(t);
    if (!/^\d{4}$/.test(t) || year < 1980 || year > thisYear)
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
      if (!check.ok) return { problem: msg('creditCode', { label, reason: check.message }) };
      return { value: normalizeCreditCode(compact) };
    }
    case 'phone': {
      const s = toHalfWidthDigits(text)
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
      const parsed = parseDate(text, partial, today);
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
