// The penalty interview asks what an owner knows (how much, when published, paid?, food?), and the
// bare answers to the amount and date questions are read (a month alone counts as its last day).
import { describe, expect, it } from 'vitest';
import { parseAnswer } from '../../dialogs/nlu/index.ts';
import { loadKnowledge } from '../../knowledge/load.ts';

const k = loadKnowledge();
const NOW = new Date('2026-12-02T04:00:00Z');

describe("penalty questions in an owner's words", () => {
  it.each([
    ['fineAmountYuan', '罚了多少钱'],
    ['penaltyPublishedDate', '公示'],
    ['obligationsFulfilled', '罚款交了没有'],
    ['keySector', '食品'],
    ['issuedByMarketSupervision', '市场监管局'],
  ] as const)('%s asks 「%s」', (fact, words) => {
    expect(k.questions[fact].question).toContain(words);
  });

  it('no legal class is asked for: 轻微/一般/严重 never appear in a question', () => {
    for (const fact of ['penaltyKind', 'fineAmountYuan', 'fineMitigated', 'keySector'] as const)
      expect(k.questions[fact].question).not.toMatch(/轻微|一般违法|严重违法失信信息/);
  });
});

describe('bare answers to the amount and date questions', () => {
  it.each([
    ['2万', 20_000],
    ['罚了两万块', 20_000],
    ['一万五', 15_000],
    ['八千', 8_000],
    ['20000元', 20_000],
    ['2.5万', 25_000],
  ])('%s → %d yuan', (text, yuan) => {
    expect(parseAnswer('fineAmountYuan', text, { now: NOW })).toBe(yuan);
  });

  it.each([
    ['2026-03-15', '2026-03-15'],
    ['2026年3月15日', '2026-03-15'],
    ['今年三月', '2026-03-31'],
    ['去年9月', '2025-09-30'],
    ['3月5号', '2026-03-05'],
  ])('%s → %s', (text, iso) => {
    expect(parseAnswer('penaltyPublishedDate', text, { now: NOW })).toBe(iso);
  });

  it('no date, no value', () => {
    expect(parseAnswer('penaltyPublishedDate', '好久以前了', { now: NOW })).toBeUndefined();
  });
});
