// Conversation files as `credit-bot eval` reads them: malformed lines are named, `eligible` left out is
// not compared (as in scenario files), and a replay ends on the determination after the last message.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ConversationInputError,
  isConversationFile,
  parseConversations,
  replayAll,
  replayConversation,
} from '../../dialogs/replay.ts';

const FIXED = () => new Date('2026-12-02T02:00:00Z');

describe('parseConversations', () => {
  it('names the line and says what is wrong', () => {
    const good = '{"id":"a","turns":["你好"],"expected":{"path":"undetermined","eligible":null}}';
    expect(() => parseConversations(`${good}\n{"id":"b","turns":[]}`)).toThrow(/line 2: "turns"/);
    expect(() => parseConversations(`${good}\nnot json`)).toThrow(ConversationInputError);
    expect(() =>
      parseConversations('{"id":"c","turns":["x"],"expected":{"path":"standard-repair","eligible":"yes"}}'),
    ).toThrow(/line 1: "expected.eligible" must be true, false or null/);
    expect(() => parseConversations('\n\n')).toThrow(/no conversations/);
  });

  it('keeps eligible when given, null included, and leaves it out when not', () => {
    const [a, b] = parseConversations(
      [
        '{"id":"a","turns":["x"],"expected":{"path":"undetermined","eligible":null}}',
        '{"id":"b","turns":["x"],"expected":{"path":"not-covered"}}',
      ].join('\n'),
    );
    expect(a?.expected).toEqual({ path: 'undetermined', eligible: null });
    expect(b?.expected).toEqual({ path: 'not-covered' });
    expect('eligible' in (b?.expected ?? {})).toBe(false);
  });

  it('tells conversation files from utterance files', () => {
    expect(isConversationFile('{"id":"a","turns":["x"],"expected":{"path":"undetermined"}}')).toBe(true);
    expect(isConversationFile('{"id":"a","text":"x","intent":"repair"}')).toBe(false);
  });
});

describe('replayConversation', () => {
  it('compares eligible only when the line gives it', async () => {
    const turns = ['我是个体户 2021年没报年报被列入经营异常名录了', '上一年的纸质年报已经补报并公示了'];
    const right = await replayConversation(
      { line: 1, id: 'r', turns, expected: { path: 'tolerant-repair-annual-report', eligible: true } },
      FIXED,
    );
    expect(right.got).toEqual({ path: 'tolerant-repair-annual-report', eligible: true });
    expect(right.ok).toBe(true);
    const wrongEligible = await replayConversation(
      { line: 2, id: 'w', turns, expected: { path: 'tolerant-repair-annual-report', eligible: false } },
      FIXED,
    );
    expect(wrongEligible.ok).toBe(false);
    const pathOnly = await replayConversation(
      { line: 3, id: 'p', turns, expected: { path: 'tolerant-repair-annual-report' } },
      FIXED,
    );
    expect(pathOnly.ok).toBe(true);
    const wrongPath = await replayConversation(
      { line: 4, id: 'q', turns, expected: { path: 'standard-repair' } },
      FIXED,
    );
    expect(wrongPath.ok).toBe(false);
    expect(right.transcript.map((t) => t.from)).toEqual(['user', 'bot', 'user', 'bot']);
  });

  it('the public sample conversations stay at their floor (8 of 9 today; raise it, never lower it)', async () => {
    const text = readFileSync(new URL('../fixtures/eval-dev/conversations.jsonl', import.meta.url), 'utf8');
    const { results, conversationAccuracy } = await replayAll(parseConversations(text));
    expect(results).toHaveLength(9);
    expect(conversationAccuracy).toBeGreaterThanOrEqual(8 / 9);
  }, 60_000);

  // Conversations written in owners' own voices while fixing the classes they found (moving back,
  // answers inside long messages, years by role, hedges, corrections, out of county): all must stay right.
  // conversations-minor-errors: the minor-error exemption told across turns in owners' words (session 13,
  // written blind); -2: a second round written after reading the rules (trades, refusals, lawsuits)
  it.each([
    'conversations.jsonl',
    'conversations-2.jsonl',
    'conversations-3.jsonl',
    'conversations-minor-errors.jsonl',
    'conversations-minor-errors-2.jsonl',
  ])(
    'the own-voice conversations %s all end on the right route',
    async (file) => {
      const text = readFileSync(new URL(`../fixtures/own-voices/${file}`, import.meta.url), 'utf8');
      const { results } = await replayAll(parseConversations(text), FIXED);
      expect(results.filter((r) => !r.ok).map((r) => `${r.id}: ${r.got.path} ${r.got.eligible}`)).toEqual([]);
    },
    60_000,
  );
});
