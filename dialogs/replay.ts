// Whole conversations replayed against the engine (format of conversations.jsonl, docs/domain.md §5):
// each in a fresh in-memory session, the user's messages in order and nothing else typed. The
// determination after the last message is compared with the expected route and eligibility.
import type { Determination, PathId } from '../rules/types.ts';
import { createEngine } from './engine.ts';
import { silentLogger } from './log.ts';
import type { Session } from './session.ts';
import { memoryStore } from './store.ts';
import type { Reply } from './types.ts';

export interface ConversationLine {
  line: number;
  id: string;
  turns: string[];
  /** `eligible` left out is not compared, as in scenario files (routes such as not-covered have none). */
  expected: { path: PathId | string; eligible?: boolean | null };
}

export interface ReplayResult {
  id: string;
  line: number;
  ok: boolean;
  expected: ConversationLine['expected'];
  got: { path: string; eligible: boolean | null };
  /** user and bot lines, in order, for the human report */
  transcript: { from: 'user' | 'bot'; text: string }[];
}

export class ConversationInputError extends Error {
  override name = 'ConversationInputError';
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether a JSONL text holds conversations (its first object has `turns`). */
export function isConversationFile(text: string): boolean {
  const first = text.split(/\r?\n/).find((l) => l.trim());
  if (!first) return false;
  try {
    const obj = JSON.parse(first) as unknown;
    return isObject(obj) && 'turns' in obj;
  } catch {
    return false;
  }
}

const jsonOrProblem = (raw: string): unknown => {
  try {
    return JSON.parse(raw);
  } catch (err) {
    return err as Error;
  }
};

/** One conversation line, checked; throws ConversationInputError naming the line. */
function conversationLine(raw: string, line: number): ConversationLine {
  const fail = (why: string): never => {
    throw new ConversationInputError(`line ${line}: ${why}`);
  };
  const obj = jsonOrProblem(raw);
  if (obj instanceof Error) return fail(`not valid JSON (${obj.message}); each line must be one JSON object`);
  if (!isObject(obj)) return fail('expected {"id": "...", "turns": ["..."], "expected": {...}}');
  const turns = obj.turns;
  if (!Array.isArray(turns) || !turns.length || !turns.every((t) => typeof t === 'string'))
    return fail('"turns" must be a non-empty list of the user\'s messages (strings)');
  const expected = obj.expected;
  if (!isObject(expected) || typeof expected.path !== 'string')
    return fail('"expected" must be an object with "path" (a route id) and, when it is compared, "eligible"');
  const eligible = expected.eligible;
  if (eligible !== undefined && typeof eligible !== 'boolean' && eligible !== null)
    return fail('"expected.eligible" must be true, false or null (or left out when it is not compared)');
  return {
    line,
    id: typeof obj.id === 'string' ? obj.id : `line ${line}`,
    turns: turns as string[],
    expected: { path: expected.path, ...(eligible !== undefined && { eligible }) },
  };
}

/** Parses a conversation file; throws ConversationInputError naming the line for anything malformed. */
export function parseConversations(text: string): ConversationLine[] {
  const out = text
    .split(/\r?\n/)
    .map((raw, i) => ({ raw: raw.trim(), line: i + 1 }))
    .filter(({ raw }) => raw)
    .map(({ raw, line }) => conversationLine(raw, line));
  if (!out.length) throw new ConversationInputError('no conversations in the file');
  return out;
}

/** The replies of a turn as one text: choices numbered, files and private-chat moves named. */
export function replyText(replies: Reply[]): string {
  return replies
    .map((r) =>
      r.kind === 'text'
        ? r.text +
          (r.choices?.length ? `\n${r.choices.map((c, n) => `${n + 1}. ${c.label}`).join('\n')}` : '')
        : r.kind === 'file'
          ? `[file ${r.fileName}]`
          : `[private] ${r.text}`,
    )
    .join('\n');
}
/** Replays one conversation in a fresh in-memory session. */
export async function replayConversation(c: ConversationLine, now?: () => Date): Promise<ReplayResult> {
  const engine = await createEngine({
    store: memoryStore<Session>(),
    log: silentLogger,
    now,
    purgeEveryMs: 0,
  });
  const transcript: ReplayResult['transcript'] = [];
  let det: Determination | undefined;
  try {
    for (const text of c.turns) {
      transcript.push({ from: 'user', text });
      const result = await engine.handle({
        channel: 'cli',
        chatId: c.id,
        userId: 'eval',
        addressed: true,
        text,
      });
      transcript.push({ from: 'bot', text: replyText(result.replies) });
      det = result.determination;
    }
  } finally {
    await engine.close();
  }
  const got = { path: det?.path ?? 'undetermined', eligible: det?.eligible ?? null };
  return {
    id: c.id,
    line: c.line,
    ok:
      got.path === c.expected.path &&
      (c.expected.eligible === undefined || got.eligible === c.expected.eligible),
    expected: c.expected,
    got,
    transcript,
  };
}

export async function replayAll(
  lines: ConversationLine[],
  now?: () => Date,
): Promise<{ results: ReplayResult[]; conversationAccuracy: number }> {
  const results: ReplayResult[] = [];
  for (const c of lines) results.push(await replayConversation(c, now));
  const right = results.filter((r) => r.ok).length;
  return { results, conversationAccuracy: results.length ? right / results.length : 0 };
}
