// The one-page rule without a word processor: lines estimated from the text of each paragraph at the
// characters a GB/T 9704 line holds, 22 lines a page; and the closing kept with the last paragraph.
// The same typical cases were rendered through LibreOffice to one page each (see the README).
import { readdirSync, readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import {
  blockLines,
  CHARS_PER_LINE,
  closingStart,
  estimateLayout,
  LINES_PER_PAGE,
} from '../../knowledge/drafts/layout.ts';
import { draftStructure, renderDraft } from '../../knowledge/drafts/render.ts';
import { validateDraftData } from '../../knowledge/drafts/validate.ts';
import { DOCUMENT_IDS, type DocumentId } from '../../rules/types.ts';

const TODAY = '2026-12-02';
const DIR = new URL('./typical/', import.meta.url);
const typical = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => {
    const j = JSON.parse(readFileSync(new URL(f, DIR), 'utf8')) as { docType: DocumentId; data: object };
    return { file: f, docType: j.docType, data: j.data };
  });

async function structure(docType: DocumentId, data: object) {
  const v = validateDraftData(docType, data, { today: TODAY });
  if (!v.ok) throw new Error(v.problems.map((p) => p.message).join('; '));
  return draftStructure(docType, v.data, { today: TODAY });
}

async function paragraphsXml(docType: DocumentId, data: object): Promise<string[]> {
  const docx = await renderDraft(docType, data, 'docx', { today: TODAY });
  const zip = await JSZip.loadAsync(docx.data);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  return xml.split('<w:p>').slice(1);
}

describe('page geometry', () => {
  it('is GB/T 9704: 22 lines of 27–28 characters on A4 with 37/35/28/26 mm margins', () => {
    expect(LINES_PER_PAGE).toBe(22);
    expect(CHARS_PER_LINE).toBeGreaterThanOrEqual(27);
    expect(CHARS_PER_LINE).toBeLessThanOrEqual(28);
  });

  it('counts a wrapped paragraph by its length and its 2-character indent', async () => {
    const p = (text: string) => ({ style: 'p' as const, segments: [{ text, kind: 'fixed' as const }] });
    expect(blockLines(p('字'.repeat(CHARS_PER_LINE - 2)))).toBe(1);
    expect(blockLines(p('字'.repeat(CHARS_PER_LINE - 1)))).toBe(2);
    expect(blockLines(p('字'.repeat(3 * CHARS_PER_LINE)))).toBe(4);
  });
});

describe('a typical draft fits one page', () => {
  it('there is a typical case for every document', () => {
    expect(new Set(typical.map((t) => t.docType))).toEqual(new Set(DOCUMENT_IDS));
  });

  it.each(typical.map((t) => [t.file, t] as const))('%s', async (_, t) => {
    const layout = estimateLayout(await structure(t.docType, t.data));
    expect(layout.lines).toBeLessThanOrEqual(LINES_PER_PAGE);
    expect(layout.pages).toBe(1);
  });

  it('a long letter takes two pages by the same estimate (the estimate is not always "one")', async () => {
    const t = typical.find((x) => x.docType === 'situation-explanation');
    if (!t) throw new Error('no typical situation-explanation');
    const long = { ...t.data, reasonNotAtAddress: '原租赁的门面到期后房东收回自用，'.repeat(12) + '已搬迁' };
    expect(estimateLayout(await structure(t.docType, long)).pages).toBe(2);
  });
});

describe('the closing stays with the last paragraph', () => {
  it.each(typical.map((t) => [t.file, t] as const))(
    '%s: keepNext from the last body paragraph on',
    async (_, t) => {
      const s = await structure(t.docType, t.data);
      const from = closingStart(s.blocks);
      const text = (i: number) => s.blocks[i]?.segments.map((x) => x.text).join('') ?? '';
      // the kept block is body text, and everything after it is the closing
      expect(s.blocks[from]?.style).toBe('p');
      expect(
        s.blocks.slice(from + 1).every((b) => ['sign', 'gap', 'annex', 'attach'].includes(b.style)),
      ).toBe(true);
      expect(s.blocks.slice(from).some((b) => b.style === 'sign')).toBe(true);
      expect(text(from)).not.toBe('');

      const paragraphs = await paragraphsXml(t.docType, t.data);
      expect(paragraphs).toHaveLength(s.blocks.length);
      paragraphs.forEach((p, i) => {
        const kept = p.includes('<w:keepNext/>') && p.includes('<w:keepLines/>');
        // every paragraph from the last body paragraph to the one before the date holds on to the next
        expect(kept, `paragraph ${i}: ${text(i)}`).toBe(i >= from && i < paragraphs.length - 1);
      });
    },
  );

  it('「特此申请。」 on a line of its own counts as closing, with the paragraph before it kept', () => {
    const b = (style: 'p' | 'sign' | 'gap' | 'annex', text: string) => ({
      style,
      segments: [{ text, kind: 'fixed' as const }],
    });
    const blocks = [
      b('p', '正文一'),
      b('p', '正文二'),
      b('p', '特此申请。'),
      b('annex', '附件：守信承诺书'),
      b('gap', ''),
      b('sign', '落款'),
    ];
    expect(closingStart(blocks)).toBe(1);
  });
});
