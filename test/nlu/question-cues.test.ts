// The question cues are one list (knowledge/lexicon/questions.json): the turn, the intent rules and
// the answer reader read the same cues, and the fact readers take a question (「办没办」) for no statement.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { understand } from '../../dialogs/nlu/index.ts';
import { A_NOT_A, QUESTION_CLAUSE } from '../../dialogs/nlu/question-cues.ts';

const root = join(import.meta.dirname, '../..');
const now = new Date('2026-12-02T12:00:00Z');

describe('question cues', () => {
  it.each(['那几年交没交', '营业执照换没换', '需不需要带公章', '这样能移出不', '年报报了没', '算不算轻微'])(
    '「%s」 asks',
    (clause) => expect(A_NOT_A.test(clause) || QUESTION_CLAUSE.test(clause)).toBe(true),
  );

  it.each([
    '不是不是',
    '没有没有',
    '还没有交呢',
    '没呢',
    '晚了好几天',
    '我们也不',
    '已经不经营了',
    '两年年报没报',
  ])('「%s」 asks nothing', (clause) =>
    expect(A_NOT_A.test(clause) || QUESTION_CLAUSE.test(clause)).toBe(false),
  );

  it('live in one list: no reader keeps its own copy', () => {
    const questions = JSON.parse(readFileSync(join(root, 'knowledge/lexicon/questions.json'), 'utf8'));
    const answers = JSON.parse(readFileSync(join(root, 'knowledge/lexicon/answers.json'), 'utf8'));
    const shared = new Set([...questions.asks, ...questions.aNotA, ...questions.tags]);
    expect((answers.unstatedClauses as string[]).filter((c) => shared.has(c))).toEqual([]);
    for (const file of ['dialogs/understand-turn.ts', 'dialogs/nlu/index.ts']) {
      const src = readFileSync(join(root, file), 'utf8');
      expect(src, file).not.toMatch(/const (?:QUESTION_CLAUSE|A_NOT_A)\s*=/);
    }
  });

  it.each([
    ['因为住所联系不上被列了，地址变更办冇办我要问问老板', 'addressChangeRegistered'],
    ['上年度的纸质年报交没交我也搞不清', 'previousYearReportFiled'],
  ])('「%s」 states no %s', (text, fact) => {
    expect((understand(text, { now }).facts as Record<string, unknown>)[fact]).toBeUndefined();
  });
});
