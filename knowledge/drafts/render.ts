// Renders a draft letter. The nunjucks template (knowledge/templates/<docType>.njk) produces a small
// line structure; txt, md and docx are all mapped from that one structure, so their content is the
// same. User values never pass through the template as text: the template sees opaque markers
// (private-use characters that cleanText strips from input), which are swapped for the values only
// after rendering — so `{{ 7*7 }}` in a name is printed as typed, and each format escapes values its own way.
import { fileURLToPath } from 'node:url';
import type { Environment } from 'nunjucks';
import type { DocumentId } from '../../rules/types.ts';
import { loadJurisdiction } from '../jurisdiction.ts';
import {
  choiceLabel,
  type DraftData,
  docTypeDef,
  FIELD_NAMES,
  type FieldName,
  fieldDef,
  impliedPath,
} from './fields.ts';
import {
  type DraftProblem,
  stripUnsafe,
  todayInChina,
  type ValidateOptions,
  validateDraftData,
} from './validate.ts';

export type DraftFormat = 'txt' | 'md' | 'docx';
export const DRAFT_FORMATS: readonly DraftFormat[] = ['txt', 'md', 'docx'];

export type BlockStyle = 'title' | 'to' | 'p' | 'field' | 'annex' | 'attach' | 'sign' | 'gap';
export interface Segment {
  text: string;
  /** fixed = template text; value = user data; blank = a missing value shown as ＿＿＿＿ */
  kind: 'fixed' | 'value' | 'blank';
}
export interface Block {
  style: BlockStyle;
  segments: Segment[];
}
export interface DraftStructure {
  docType: DocumentId;
  title: string;
  blocks: Block[];
}
export interface RenderedDraft {
  fileName: string;
  mimeType: string;
  data: Uint8Array;
  /** the draft as text: the txt/md content itself, or for docx the plain-text version of the same letter */
  text: string;
}

/** Draft data that failed validation; `problems` name each field. */
export class DraftDataError extends Error {
  override name = 'DraftDataError';
  constructor(readonly problems: DraftProblem[]) {
    super(problems.map((p) => p.message).join('；'));
  }
}

export const BLANK = '＿＿＿＿＿＿';
const DATE_BLANK = '＿＿＿＿年＿＿月＿＿日';
const MARK_OPEN = '\uE000';
const MARK_CLOSE = '\uE001';
const MARK_RE = /\uE000(\w+)\uE001/g;
const TEMPLATES_DIR = fileURLToPath(new URL('../templates/', import.meta.url));
const DATE_KINDS = new Set(['date', 'pastDate', 'partialPastDate']);
const STYLES = new Set<BlockStyle>(['title', 'to', 'p', 'field', 'annex', 'attach', 'sign', 'gap']);

let envPromise: Promise<Environment> | undefined;

/** One Environment for the process: nunjucks caches each compiled template in it after first use. */
function environment(): Promise<Environment> {
  envPromise ??= import('nunjucks').then(({ default: nunjucks }) => {
    const loader = new nunjucks.FileSystemLoader(TEMPLATES_DIR, { noCache: false, watch: false });
    return new nunjucks.Environment(loader, {
      autoescape: false,
      throwOnUndefined: true,
      trimBlocks: true,
      lstripBlocks: true,
    });
  });
  return envPromise;
}

/** Chinese date with Arabic numerals (GB/T 9704): 2023-03-15 → 2023年3月15日; 2021 → 2021年＿＿月＿＿日. */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  const part = (s: string | undefined) => (s ? String(Number(s)) : '＿＿');
  return `${y}年${part(m)}月${part(d)}日`;
}

function displayValue(field: FieldName, data: DraftData, today: string): Segment {
  const kind = fieldDef(field).kind;
  let value = data[field];
  if (field === 'applicationDate' && value === undefined) value = today;
  if (value === undefined || value === '') {
    return { text: DATE_KINDS.has(kind) ? DATE_BLANK : BLANK, kind: 'blank' };
  }
  if (DATE_KINDS.has(kind)) return { text: chineseDate(String(value)), kind: 'value' };
  if (kind === 'enum') return { text: choiceLabel(field, String(value)) ?? String(value), kind: 'value' };
  return { text: String(value), kind: 'value' };
}

function parseLines(output: string, values: (field: FieldName) => Segment): Block[] {
  const blocks: Block[] = [];
  for (const rawLine of output.split('\n')) {
    const line = rawLine.trim();
    if (line === '') continue;
    const m = /^@(\w+)(?: (.*))?$/.exec(line);
    const style = (m && STYLES.has(m[1] as BlockStyle) ? m[1] : 'p') as BlockStyle;
    const body = m && STYLES.has(m[1] as BlockStyle) ? (m[2] ?? '').trim() : line;
    const segments: Segment[] = [];
    let last = 0;
    for (const hit of body.matchAll(MARK_RE)) {
      if (hit.index > last) segments.push({ text: body.slice(last, hit.index), kind: 'fixed' });
      segments.push(values(hit[1] as FieldName));
      last = hit.index + hit[0].length;
    }
    if (last < body.length) segments.push({ text: body.slice(last), kind: 'fixed' });
    blocks.push({ style, segments });
  }
  return blocks;
}

export interface RenderOptions extends ValidateOptions {
  /**
   * The enterprise is a branch (分支机构): the letter says 分支机构 and 负责人. Default: guessed from the
   * name, as a branch's registered name ends in 分公司, 分厂, 分店 and the like.
   */
  isBranch?: boolean;
}

const BRANCH_NAME = /(分公司|分厂|分店|分行|分部|分所|营业部|办事处|分支机构)[)）]?$/;

/** Whether an enterprise of this name is a branch, going by the ending its registered name must have. */
export function looksLikeBranch(name: string | undefined): boolean {
  return BRANCH_NAME.test(name?.trim() ?? '');
}

/** Renders the template of `docType` for already validated data into the shared line structure. */
export async function draftStructure(
  docType: DocumentId,
  data: DraftData,
  options: { today?: string; isBranch?: boolean } = {},
): Promise<DraftStructure> {
  const env = await environment();
  const def = docTypeDef(docType);
  const today = options.today ?? todayInChina();
  const v: Record<string, string> = {};
  const has: Record<string, boolean> = {};
  for (const f of FIELD_NAMES) {
    v[f] = `${MARK_OPEN}${f}${MARK_CLOSE}`;
    has[f] = data[f] !== undefined;
  }
  const path = data.path ?? impliedPath(docType);
  // A document for one entity type only (the minor-error letter: enterprises) is that type's letter.
  const entityType = data.entityType ?? (def.entityTypes?.length === 1 ? def.entityTypes[0] : null) ?? null;
  const context = {
    title: def.title,
    bureau: loadJurisdiction().bureau,
    v,
    has,
    path: path ?? null,
    entityType,
    isBranch: entityType === 'enterprise' && (options.isBranch ?? looksLikeBranch(data.name)),
    listingReason: data.listingReason ?? null,
    errorKind: data.errorKind ?? null,
    codeKind: data.creditCode ? (data.creditCode.length === 15 ? 'regno' : 'uscc') : null,
    label: {
      entityType: choiceLabel('entityType', data.entityType) ?? null,
      listingReason: choiceLabel('listingReason', data.listingReason) ?? null,
      errorKind: data.errorKind === 'other' ? null : (choiceLabel('errorKind', data.errorKind) ?? null),
      path: choiceLabel('path', path) ?? null,
    },
  };
  const output = env.render(`${docType}.njk`, context);
  return { docType, title: def.title, blocks: parseLines(output, (f) => displayValue(f, data, today)) };
}

// ---- txt -------------------------------------------------------------------------------------------

const LINE_CHARS = 28; // GB/T 9704: 28 characters a line

/** Width in full-width character cells: ASCII letters and digits take half a cell. */
function cells(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\x20-\x7e]/.test(ch) ? 0.5 : 1;
  return w;
}

const joinText = (b: Block) => b.segments.map((s) => s.text).join('');

export function toText(structure: DraftStructure): string {
  const lines: string[] = [];
  for (const b of structure.blocks) {
    const text = joinText(b);
    switch (b.style) {
      case 'title':
        lines.push('　'.repeat(Math.max(0, Math.floor((LINE_CHARS - cells(text)) / 2))) + text);
        break;
      case 'gap':
        lines.push('');
        break;
      case 'to':
        lines.push(text);
        break;
      case 'attach':
        lines.push(`　　　　　${text}`);
        break;
      case 'sign':
        lines.push('　'.repeat(Math.max(0, Math.ceil(LINE_CHARS - 2 - cells(text)))) + text);
        break;
      default:
        lines.push(`　　${text}`);
    }
  }
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n')}\n`;
}

// ---- md --------------------------------------------------------------------------------------------

/** Escapes a user value so Markdown shows it as typed (no links, emphasis, HTML or code). */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_[\]<>#|~&$]/g, (c) => `\\${c}`);
}

function mdLine(b: Block): string {
  const text = b.segments.map((s) => (s.kind === 'value' ? escapeMarkdown(s.text) : s.text)).join('');
  // Template text such as "2.授权委托书" must not turn into a Markdown list at the start of a line.
  return text.replace(/^(\d+)\./, '$1\\.').replace(/^([-+=>])/, '\\$1');
}

export function toMarkdown(structure: DraftStructure): string {
  const out: string[] = [];
  let signLines: string[] = [];
  const flushSign = () => {
    if (signLines.length) out.push(signLines.join('  \n'));
    signLines = [];
  };
  for (const b of structure.blocks) {
    if (b.style !== 'sign') flushSign();
    switch (b.style) {
      case 'title':
        out.push(`# ${mdLine(b)}`);
        break;
      case 'gap':
        break;
      case 'sign':
        signLines.push(mdLine(b));
        break;
      case 'attach': {
        // Continues the attachment list in the paragraph above, aligned as a hard line break.
        const prev = out.pop() ?? '';
        out.push(`${prev}  \n　　　${mdLine(b)}`);
        break;
      }
      default:
        out.push(mdLine(b));
    }
  }
  flushSign();
  return `${out.join('\n\n')}\n`;
}

// ---- file names ------------------------------------------------------------------------------------

const MAX_FILE_NAME = 80;

/** A safe file name: no path separators, control or reserved characters, no leading dots, ≤ 80 chars. */
export function draftFileName(name: string | undefined, title: string, ext: string): string {
  const clean = (s: string) =>
    stripUnsafe(s.normalize('NFC'))
      .replace(/[/\\:*?"<>|]+/g, '_')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^[.\s_-]+/, '')
      .replace(/[.\s]+$/, '');
  const suffix = `-${title}.${ext}`;
  const room = MAX_FILE_NAME - Array.from(suffix).length;
  const base = Array.from(clean(name ?? ''))
    .slice(0, Math.max(0, room))
    .join('')
    .replace(/[.\s]+$/, '');
  return base ? `${base}${suffix}` : `${title}.${ext}`;
}

// ---- entry -----------------------------------------------------------------------------------------

const MIME: Record<DraftFormat, string> = {
  txt: 'text/plain; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/**
 * Validates `data` (throws DraftDataError listing the problems) and renders the draft. The docx
 * builder is imported only here, so nothing that merely imports this module loads the docx package.
 */
export async function renderDraft(
  docType: DocumentId,
  data: unknown,
  format: DraftFormat,
  options: RenderOptions = {},
): Promise<RenderedDraft> {
  if (!DRAFT_FORMATS.includes(format)) {
    throw new DraftDataError([
      { field: '(format)', message: `格式只能是 ${DRAFT_FORMATS.join('、')}，收到「${format}」` },
    ]);
  }
  const checked = validateDraftData(docType, data, options);
  if (!checked.ok) throw new DraftDataError(checked.problems);
  const structure = await draftStructure(docType, checked.data, options);
  const fileName = draftFileName(checked.data.name, structure.title, format);
  const text = format === 'md' ? toMarkdown(structure) : toText(structure);
  if (format === 'docx') {
    const { toDocx } = await import('./docx.ts');
    return { fileName, mimeType: MIME.docx, data: await toDocx(structure), text };
  }
  return { fileName, mimeType: MIME[format], data: new TextEncoder().encode(text), text };
}
