// Draft requests, online applications and status questions. The fact tables that were here are now
// lines of test/nlu/corpus/<fact>.jsonl.
import { describe, expect, it } from 'vitest';
import { understand } from '../../dialogs/nlu/index.ts';

const now = new Date('2026-11-26T12:00:00Z');
const read = (text: string) => understand(text, { now });

describe('draft, online and status questions', () => {
  it('a draft request for the removal keeps its document type', () => {
    const u = read('给我起草一份申请书，用来移出经营异常名录');
    expect(u.intent).toBe('draft');
    expect(u.facts.docType).toBe('application');
  });

  it.each([
    ['申请移出异常名录能不能在网上提交材料', 'how_to_apply'],
    ['我们递上去的修复申请进行到哪一步了', 'check_status'],
  ])('%s → %s', (text, intent) => {
    expect(read(text).intent).toBe(intent);
  });
});
