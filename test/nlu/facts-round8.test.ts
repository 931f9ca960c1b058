// Round 8: the last probe-f misses, each read through a general pattern and checked here on other
// wordings than the probe lines.
import { describe, expect, it } from 'vitest';
import { understand } from '../../dialogs/nlu/index.ts';
import type { FactName } from '../../rules/types.ts';

const now = new Date('2026-11-26T12:00:00Z');
const read = (text: string) => understand(text, { now });

const CASES: [string, FactName, unknown][] = [
  // not moved back after a listing for being unreachable: still away, and not reachable there
  ['公司因为住所联系不上被列入异常名录了，人到现在还没迁回去', 'operatingAtRegisteredAddress', false],
  ['公司因为住所联系不上被列入异常名录了，人到现在还没迁回去', 'reachableAtRegisteredAddress', false],
  // living or working there again is being reachable there
  ['个体户因为地址联系不上被列异常了，现在我又住回登记的地址了', 'reachableAtRegisteredAddress', true],
  ['个体户因为地址联系不上被列异常了，现在我又住回登记的地址了', 'operatingAtRegisteredAddress', undefined],
  // "列进去的时间" dates the listing itself
  ['个体户没报年报被列了异常，列进去的时间是2023年', 'listedYear', 2023],
];

describe('round 8 patterns', () => {
  it.each(CASES)('%s → %s = %s', (text, fact, value) => {
    expect((read(text).facts as Record<string, unknown>)[fact]).toBe(value);
  });

  it('a "which cases" question about a measure is not a request to write a document', () => {
    const u = read('容错免列异一共分哪几类？');
    expect(u.facts.docType).toBeUndefined();
    expect(['policy_info', 'minor_error']).toContain(u.intent);
  });

  it('asks for materials after a finished change registration as a documents question', () => {
    expect(read('变更登记已经办好了，申请移出要准备哪些材料').intent).toBe('documents');
  });
});
