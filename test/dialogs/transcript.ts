// Conversation tests that read like a transcript: send(...) then expect what the bot said.
import { expect } from 'vitest';
import { createEngine, type FullEngine } from '../../dialogs/engine.ts';
import { silentLogger } from '../../dialogs/log.ts';
import { replyText } from '../../dialogs/replay.ts';
import type { Session } from '../../dialogs/session.ts';
import { memoryStore, type Store } from '../../dialogs/store.ts';
import type { Turn, TurnResult } from '../../dialogs/types.ts';

export const FIXED_NOW = new Date('2026-11-26T10:00:00+08:00');

/** The replies as the user reads them (the same rendering the conversation replay prints). */
export const textOf = replyText;

export interface Chat {
  engine: FullEngine;
  store: Store<Session>;
  last: TurnResult | undefined;
  /** sends text (or { choiceId }) and returns the reply text */
  send(input: string | { choiceId: string }, extra?: Partial<Turn>): Promise<string>;
  /** sends, then asserts the reply matches every pattern */
  says(input: string | { choiceId: string }, ...patterns: (RegExp | string)[]): Promise<string>;
  /** picks the offered choice whose label matches */
  pick(label: RegExp | string, ...patterns: (RegExp | string)[]): Promise<string>;
}

export async function chat(
  opts: { store?: Store<Session>; now?: () => Date; turn?: Partial<Turn> } = {},
): Promise<Chat> {
  const store = opts.store ?? memoryStore<Session>();
  const engine = await createEngine({ store, log: silentLogger, now: opts.now ?? (() => FIXED_NOW) });
  const base: Turn = { channel: 'console', chatId: 'c1', userId: 'u1', addressed: true, ...opts.turn };
  const c: Chat = {
    engine,
    store,
    last: undefined,
    async send(input, extra) {
      const turn =
        typeof input === 'string' ? { ...base, ...extra, text: input } : { ...base, ...extra, ...input };
      c.last = await engine.handle(turn);
      return textOf(c.last.replies);
    },
    async says(input, ...patterns) {
      const text = await c.send(input);
      for (const p of patterns) {
        if (typeof p === 'string') expect(text, `reply to ${JSON.stringify(input)}`).toContain(p);
        else expect(text, `reply to ${JSON.stringify(input)}`).toMatch(p);
      }
      return text;
    },
    async pick(label, ...patterns) {
      const choices = (c.last?.replies ?? []).flatMap((r) => (r.kind === 'text' ? (r.choices ?? []) : []));
      const hit = choices.find((ch) =>
        typeof label === 'string' ? ch.label.includes(label) : label.test(ch.label),
      );
      expect(
        hit,
        `a choice matching ${String(label)} among ${choices.map((ch) => ch.label).join(' | ')}`,
      ).toBeDefined();
      return c.says({ choiceId: hit?.id as string }, ...patterns);
    },
  };
  return c;
}
