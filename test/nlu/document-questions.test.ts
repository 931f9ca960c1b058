// Questions about measures and materials that are not draft requests. The fact tables that were here
// are now lines of test/nlu/corpus/<fact>.jsonl.
import { describe, expect, it } from 'vitest';
import { understand } from '../../dialogs/nlu/index.ts';

const now = new Date('2026-11-26T12:00:00Z');
const read = (text: string) => understand(text, { now });

describe('questions about measures and materials', () => {
  it('a "which cases" question about a measure is not a request to write a document', () => {
    const u = read('容错免列异一共分哪几类？');
    expect(u.facts.docType).toBeUndefined();
    expect(['policy_info', 'minor_error']).toContain(u.intent);
  });

  it('asks for materials after a finished change registration as a documents question', () => {
    expect(read('变更登记已经办好了，申请移出要准备哪些材料').intent).toBe('documents');
  });
});
