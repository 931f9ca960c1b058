// Word output in the GB/T 9704-2012 letter layout (DOMAIN.md §8): A4, margins 37/35/28/26 mm, body
// 3号 仿宋_GB2312 with exact 28 pt lines, title 2号 方正小标宋简体 centred. Imported lazily by render.ts:
// the docx package is large and the console chat must not pay for it at start.
import {
  AlignmentType,
  convertMillimetersToTwip,
  Document,
  Footer,
  type IParagraphOptions,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  TextRun,
} from 'docx';
import {
  CHAR_TWIPS as CHAR,
  closingStart,
  GAP_LINES,
  LINE_TWIPS as LINE,
  MARGINS_MM,
  PAGE_TWIPS,
} from './layout.ts';
import type { Block, DraftStructure } from './render.ts';

export const BODY_FONT = '仿宋_GB2312';
export const TITLE_FONT = '方正小标宋简体';
const PAGE_NUMBER_FONT = '宋体';
const BODY_SIZE = 32; // half-points: 16 pt = 3号
const TITLE_SIZE = 44; // 22 pt = 2号
const PAGE_NUMBER_SIZE = 28; // 14 pt = 4号
/**
 * The page number's own line: 4号 on a 14 pt line, so the footer (28 mm from the edge) ends inside the
 * 35 mm bottom margin and does not push the body up — a 28 pt footer line would cost the page a line.
 */
const PAGE_NUMBER_LINE = 280;

const font = (name: string) => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name });

// Fonts and sizes go on every run as well as in the document defaults, so the letter keeps its
// layout in editors that ignore docDefaults or when text is pasted into another document.
function runs(block: Block, size = BODY_SIZE, fontName = BODY_FONT): ParagraphChild[] {
  return block.segments
    .filter((s) => s.text !== '')
    .map((s) => new TextRun({ text: s.text, size, font: font(fontName) }));
}

/**
 * The closing (「特此申请」, attachments, signature, seal, date) is kept with the last body paragraph
 * (keepNext on each of them, keepLines so none of them splits): a page break moves them over as one,
 * and the signature never stands alone on a page (layout.ts `closingStart`).
 */
function paragraph(block: Block, keepWithNext: boolean): Paragraph {
  const p = paragraphOptions(block);
  return new Paragraph(keepWithNext ? { ...p, keepNext: true, keepLines: true } : p);
}

function paragraphOptions(block: Block): IParagraphOptions {
  switch (block.style) {
    case 'title':
      return { alignment: AlignmentType.CENTER, children: runs(block, TITLE_SIZE, TITLE_FONT) };
    case 'gap':
      return {
        spacing: { line: Math.round(LINE * GAP_LINES), lineRule: LineRuleType.EXACT, before: 0, after: 0 },
        children: [],
      };
    case 'to':
      return { alignment: AlignmentType.LEFT, children: runs(block) };
    case 'attach':
      // Aligned under the first attachment name, after 2 characters of indent plus "附件：".
      return { alignment: AlignmentType.LEFT, indent: { left: 5 * CHAR }, children: runs(block) };
    case 'sign':
      return { alignment: AlignmentType.RIGHT, indent: { right: 2 * CHAR }, children: runs(block) };
    case 'field':
    case 'annex':
      // Left-aligned: justifying a wrapped "label：code" line would spread the label's characters apart.
      return {
        alignment: AlignmentType.LEFT,
        indent: { firstLine: 2 * CHAR, firstLineChars: 200 },
        children: runs(block),
      };
    default:
      return {
        alignment: AlignmentType.JUSTIFIED,
        indent: { firstLine: 2 * CHAR, firstLineChars: 200 },
        children: runs(block),
      };
  }
}

export async function toDocx(structure: DraftStructure): Promise<Uint8Array> {
  const keepFrom = closingStart(structure.blocks);
  const last = structure.blocks.length - 1;
  const doc = new Document({
    creator: 'credit-repair-bot',
    title: structure.title,
    styles: {
      default: {
        document: {
          run: { font: font(BODY_FONT), size: BODY_SIZE },
          paragraph: { spacing: { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: PAGE_TWIPS,
            margin: {
              top: convertMillimetersToTwip(MARGINS_MM.top),
              bottom: convertMillimetersToTwip(MARGINS_MM.bottom),
              left: convertMillimetersToTwip(MARGINS_MM.left),
              right: convertMillimetersToTwip(MARGINS_MM.right),
              footer: convertMillimetersToTwip(28),
            },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                spacing: { line: PAGE_NUMBER_LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
                children: [
                  new TextRun({
                    children: ['— ', PageNumber.CURRENT, ' —'],
                    font: font(PAGE_NUMBER_FONT),
                    size: PAGE_NUMBER_SIZE,
                  }),
                ],
              }),
            ],
          }),
        },
        children: structure.blocks.map((b, i) => paragraph(b, i >= keepFrom && i < last)),
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
