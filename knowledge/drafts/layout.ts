// The page geometry of GB/T 9704-2012 (DOMAIN.md §8) and an estimate of how many lines a draft takes
// on it. The Word builder uses the same numbers, so "fits one page" can be checked without a word
// processor: a counter clerk hands back a letter whose signature stands alone on a second page.
import type { Block, DraftStructure } from './render.ts';

/** A4 in twips (1/20 pt). */
export const PAGE_TWIPS = { width: 11906, height: 16838 } as const;
export const MARGINS_MM = { top: 37, bottom: 35, left: 28, right: 26 } as const;
/** Twips in a millimetre (1440 per inch). */
const TWIPS_PER_MM = 1440 / 25.4;
/** Exactly 28 pt a line: 22 lines fit the 225 mm between the top and bottom margins. */
export const LINE_TWIPS = 560;
/** One 3号 (16 pt) body character. */
export const CHAR_TWIPS = 320;
/** One 2号 (22 pt) title character. */
export const TITLE_CHAR_TWIPS = 440;

const textWidth = PAGE_TWIPS.width - Math.round((MARGINS_MM.left + MARGINS_MM.right) * TWIPS_PER_MM);
const textHeight = PAGE_TWIPS.height - Math.round((MARGINS_MM.top + MARGINS_MM.bottom) * TWIPS_PER_MM);

/**
 * Body characters on one line. GB/T 9704 speaks of 28; at 16 pt without a character grid the 156 mm
 * line holds 27 whole characters, which is what a word processor sets, so the estimate uses that.
 */
export const CHARS_PER_LINE = Math.floor(textWidth / CHAR_TWIPS);
export const TITLE_CHARS_PER_LINE = Math.floor(textWidth / TITLE_CHAR_TWIPS);
/** Lines on one page: 22. */
export const LINES_PER_PAGE = Math.floor(textHeight / LINE_TWIPS);

/** Width in body-character cells: ASCII letters and digits take about half a cell. */
export function cells(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\x20-\x7e]/.test(ch) ? 0.55 : 1;
  return w;
}

/** Indent (in characters) a block starts with: the body's 2-character first-line indent, etc. */
export const FIRST_LINE_INDENT: Partial<Record<Block['style'], number>> = { p: 2, field: 2, annex: 2 };
export const LEFT_INDENT: Partial<Record<Block['style'], number>> = { attach: 5 };
export const RIGHT_INDENT: Partial<Record<Block['style'], number>> = { sign: 2 };

/**
 * A blank line (after the title, before the signature) is half a line high: the title and the seal
 * still stand apart, and the letter keeps two lines of text it would otherwise lose.
 */
export const GAP_LINES = 0.5;

/** Lines one block takes on the page. */
export function blockLines(block: Block): number {
  if (block.style === 'gap') return GAP_LINES;
  const text = block.segments.map((s) => s.text).join('');
  if (block.style === 'title') return Math.max(1, Math.ceil(cells(text) / TITLE_CHARS_PER_LINE));
  const width = CHARS_PER_LINE - (LEFT_INDENT[block.style] ?? 0) - (RIGHT_INDENT[block.style] ?? 0);
  const used = (FIRST_LINE_INDENT[block.style] ?? 0) + cells(text);
  return Math.max(1, Math.ceil(used / width));
}

/** Lines the whole draft takes, and the pages that makes at 22 lines a page. */
export function estimateLayout(structure: DraftStructure): { lines: number; pages: number } {
  const lines = structure.blocks.reduce((n, b) => n + blockLines(b), 0);
  return { lines, pages: Math.max(1, Math.ceil(lines / LINES_PER_PAGE)) };
}

/**
 * Index of the first block that must stay on the page of the closing: the last body paragraph before
 * the closing (「特此申请」, attachments, signature, seal, date). A page break moves them over together.
 */
export function closingStart(blocks: readonly Block[]): number {
  let i = blocks.length;
  while (i > 0 && CLOSING_STYLES.has(blocks[i - 1]?.style ?? 'p')) i--;
  // 「特此申请。」「特此说明。」「特此委托。」 are the closing formula, not body text.
  while (i > 0 && isClosingFormula(blocks[i - 1])) i--;
  return Math.max(0, i - 1);
}

const CLOSING_STYLES = new Set<Block['style']>(['sign', 'gap', 'annex', 'attach']);

function isClosingFormula(block: Block | undefined): boolean {
  if (block?.style !== 'p') return false;
  return /^特此\S{1,4}[。！]?$/.test(block.segments.map((s) => s.text).join(''));
}
