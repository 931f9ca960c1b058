// Requests that look like the bot's matter but are not (out of scope). The fact tables that were here
// are now lines of test/nlu/corpus/<fact>.jsonl.
import { describe, expect, it } from 'vitest';
import { understand } from '../../dialogs/nlu/index.ts';

const now = new Date('2026-11-26T12:00:00Z');
const _facts = (text: string) => understand(text, { now }).facts as Record<string, unknown>;

describe('out-of-scope lookalikes', () => {
  it.each([
    '帮我写一份辞职信',
    '汽车年检要带什么材料',
    '贷款审批要几天',
    '明天开会的名单发一下',
    '县城去咸宁的客车最早几点发',
  ])('%s is out of scope', (text) => {
    expect(understand(text, { now }).intent).toBe('out_of_scope');
  });
});

describe('a case told with 写 reporting a paper', () => {
  // 「决定书上写的…」 tells what the decision says: the facts stay and the case is a repair, not a
  // request for a text the bot does not write
  it.each([
    '处罚通知上写着罚款一万 从轻',
    '被罚了三千块，决定书上写明是减轻处罚',
    '工商罚了八千 处罚决定书写的减轻',
  ])('%s keeps its facts', (text) => {
    const r = understand(text, { now });
    expect(r.intent).toBe('repair');
    expect(r.facts.fineMitigated).toBe(true);
  });
});
