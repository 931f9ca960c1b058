// Metamorphic: a conversation told in traditional characters, with the fillers of speech around its
// messages (「嗯 …」「…哈」「… 谢谢」) or without punctuation (a voice transcript, 「2026 3 20」 for a
// date) means what it meant before, so the bot must end on the same route and the same verdict. The
// originals are the public evaluation samples and a few conversations of our own
// (test/fixtures/rewrites); the rewrites are small and deterministic, and what is compared is the
// result of the original, not an expected label.
import { readFileSync } from 'node:fs';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { parseConversations, replayConversation } from '../../../dialogs/replay.ts';

const FIXED = () => new Date('2026-12-02T02:00:00Z');
const fixture = (path: string) => readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8');

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
const OPENERS = ['嗯 ', '那个 ', '喂 ', '哦 ', '呃 '];
const SOFTENERS = ['哈', '啊', '啊啊'];

/** The message and the punctuation it ends with (「移出？」 → 移出 + ？). */
const split = (t: string): [string, string] => {
  const end = /[。！？!?.]*$/.exec(t)?.[0] ?? '';
  return [t.slice(0, t.length - end.length), end];
};

const REWRITES: Record<string, (turn: string, i: number) => string> = {
  'in traditional characters': (t) => toTraditional(t),
  // an opener on every message, a softener before its closing punctuation, thanks after every other one
  'with fillers of speech': (t, i) => {
    const [body, end] = split(t);
    return `${OPENERS[i % OPENERS.length]}${body}${SOFTENERS[i % SOFTENERS.length]}${end}${i % 2 ? ' 谢谢' : ''}`;
  },
  // punctuation spoken as pauses; a date's dots or dashes too (「2026.3.20」 → 「2026 3 20」), never a
  // decimal point (「2.5万」)
  'without punctuation': (t) =>
    t
      .replace(/(\d{4})[.\-/](\d{1,2})[.\-/](\d{1,2})/g, '$1 $2 $3')
      .replace(/[，。,!?！？、；;：:~～…]+|(?<!\d)\.|\.(?!\d)/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
};

interface Told {
  id: string;
  turns: string[];
}

const conversations: Told[] = [
  ...parseConversations(fixture('eval-dev/conversations.jsonl')),
  ...parseConversations(fixture('rewrites/conversations.jsonl')),
  // each sample message alone is a one-message conversation
  ...fixture('eval-dev/utterances.jsonl')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { id: string; text: string })
    .map((u) => ({ id: u.id, turns: [u.text] })),
];

const resultOf = async (id: string, turns: string[]) => {
  const r = await replayConversation({ line: 0, id, turns, expected: { path: '' } }, FIXED);
  return r.got;
};
// each original is replayed once, for all the rewrites
const originals = new Map<Told, ReturnType<typeof resultOf>>();
const originalOf = (c: Told) => {
  if (!originals.has(c)) originals.set(c, resultOf(c.id, c.turns));
  return originals.get(c) as ReturnType<typeof resultOf>;
};

describe('a rewrite that keeps the meaning keeps the result', () => {
  for (const [name, rewrite] of Object.entries(REWRITES))
    it(name, async () => {
      const changed: string[] = [];
      for (const c of conversations) {
        const turns = c.turns.map(rewrite);
        if (turns.every((t, i) => t === c.turns[i])) continue;
        const [before, after] = [await originalOf(c), await resultOf(c.id, turns)];
        if (before.path !== after.path || before.eligible !== after.eligible)
          changed.push(
            `${c.id}: ${before.path} ${before.eligible} → ${after.path} ${after.eligible}\n  ${turns.join('\n  ')}`,
          );
      }
      expect(changed.join('\n')).toBe('');
    });

  it('the rewrites change what they should', () => {
    const [traditional, fillers, unpunctuated] = Object.values(REWRITES) as [
      (t: string, i: number) => string,
      (t: string, i: number) => string,
      (t: string, i: number) => string,
    ];
    expect(traditional('不对 我问了会计', 0)).toBe('不對 我問了會計');
    expect(fillers('现在怎么申请移出？', 1)).toBe('那个 现在怎么申请移出啊？ 谢谢');
    expect(unpunctuated('日期是2026.3.20，罚了2.5万。', 0)).toBe('日期是2026 3 20 罚了2.5万');
  });
});
