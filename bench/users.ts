// Simulated users for the turn benchmark: each one talks to the engine the way people do in the
// console or Telegram — presses offered buttons, types a choice's number, or writes free text
// (sentences from the NLU held-out set, short answers, draft field values).
import { readFileSync } from 'node:fs';
import type { FullEngine } from '../dialogs/engine.ts';
import type { Choice, Turn, TurnResult } from '../dialogs/types.ts';
import { pick } from './stats.ts';

export const UTTERANCES: string[] = readFileSync(
  new URL('../knowledge/nlu/heldout.jsonl', import.meta.url),
  'utf8',
)
  .split('\n')
  .filter(Boolean)
  .map((line) => (JSON.parse(line) as { text: string }).text);

const SHORT_ANSWERS = [
  '是的',
  '不是',
  '没有',
  '已经办了',
  '不清楚',
  '2021年',
  '去年',
  '个体户',
  '公司',
  '两年',
  '返回',
  '材料要哪些',
  '多久能办好',
  '谢谢',
];

const FIELD_VALUES = [
  '通城县某某副食店',
  '91110000600037341L',
  '张三',
  '13800138000',
  '通城县隽水镇某某路1号',
  '2021年',
  '跳过',
];

/**
 * Choices that end the measured conversation mix: draft delivery renders a docx (measured on its
 * own as docxMs), /forget and restart are rare and make sessions vanish from the stored set.
 */
const AVOID = new Set(['k:ok', 'a:restart', 'm:human', 'a:human']);

export interface SimUser {
  key: Pick<Turn, 'channel' | 'chatId' | 'userId'>;
  choices: Choice[];
  turns: number;
  /** turns per conversation before this user starts over */
  length: number;
}

export function newUser(id: number, r: () => number): SimUser {
  return {
    key: { channel: 'telegram', chatId: String(100000 + id), userId: String(100000 + id) },
    choices: [],
    turns: 0,
    length: 8 + Math.floor(r() * 10),
  };
}

/** The next thing this user sends, given what the bot offered last. */
export function nextTurn(u: SimUser, r: () => number): Turn {
  const base = { ...u.key, addressed: true };
  if (u.turns === 0 || u.turns >= u.length) {
    u.turns = 0;
    return r() < 0.5 ? { ...base, text: '/start' } : { ...base, text: pick(r, UTTERANCES) };
  }
  const choices = u.choices.filter((c) => !AVOID.has(c.id));
  const roll = r();
  if (choices.length && roll < 0.6) return { ...base, choiceId: pick(r, choices).id };
  if (choices.length && roll < 0.75) {
    const n = u.choices.indexOf(pick(r, choices));
    return { ...base, text: String(n + 1) };
  }
  const pool = roll < 0.85 ? UTTERANCES : roll < 0.93 ? SHORT_ANSWERS : FIELD_VALUES;
  return { ...base, text: pick(r, pool) };
}

export function observe(u: SimUser, result: TurnResult): void {
  u.turns++;
  const offered = result.replies.flatMap((x) => (x.kind === 'text' && x.choices ? [x.choices] : []));
  u.choices = offered.at(-1) ?? [];
}

/** One turn for one user, timed in milliseconds (hrtime). */
export async function step(engine: FullEngine, u: SimUser, r: () => number): Promise<number> {
  const turn = nextTurn(u, r);
  const t = process.hrtime.bigint();
  const result = await engine.handle(turn);
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  observe(u, result);
  return ms;
}
