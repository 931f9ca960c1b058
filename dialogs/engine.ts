// The conversation engine: one Turn in, replies out. Channel-free: the console, Telegram, Discord
// and the web page all call handle() and render what comes back.
import { join } from 'node:path';
import { explain, readAloud, reasonSentence } from '../knowledge/explain.ts';
import { evaluate } from '../rules/evaluate.ts';
import { FACT_KINDS, type FactName } from '../rules/types.ts';
import { validateFacts } from '../rules/validate.ts';
import { onChoice } from './choices.ts';
import { greet, NAV, onCommand } from './commands.ts';
import { type Ctx, type EngineOptions, reply } from './context.ts';
import { startDraft } from './draft-flow.ts';
import { isoDay } from './interview.ts';
import { createLogger, type Logger } from './log.ts';
import { isSession, newSession, remember, type Session, sessionKey, setFact, snapshot } from './session.ts';
import { openSessionStore, type SessionStore } from './storage/index.ts';
import { lowdbStore, type Store } from './store.ts';
import { onText } from './text-turn.ts';
import { say } from './texts.ts';
import type { CaseView, Engine, SessionKey, Turn, TurnResult } from './types.ts';

export type { CaseView } from './types.ts';

/** Longer messages are cut before understanding: nobody describes their case in 2,000 characters. */
export const MAX_TEXT = 2000;
export const DEFAULT_TTL_DAYS = 7;

export interface CreateEngineOptions {
  dataDir?: string;
  store?: Store<Session>;
  now?: () => Date;
  log?: Logger;
  /** idle time after which a session is dropped */
  ttlMs?: number;
  draftDir?: string;
  /** how often expired sessions are purged in the background (0 = never; default hourly) */
  purgeEveryMs?: number;
}

export interface FullEngine extends Engine {
  getCase(key: SessionKey): Promise<CaseView>;
  /** validated; throws an Error listing every problem for invalid facts */
  setFacts(key: SessionKey, facts: Record<string, unknown>): Promise<CaseView>;
  /** drops sessions idle for longer than the retention time; returns how many */
  purgeExpired(): Promise<number>;
  store: Store<Session>;
}

function ttlFromEnv(): number {
  const days = Number(process.env.CREDIT_BOT_SESSION_TTL_DAYS ?? DEFAULT_TTL_DAYS);
  return (Number.isFinite(days) && days > 0 ? days : DEFAULT_TTL_DAYS) * 86_400_000;
}

/**
 * Strips what no chat message needs (control characters, lone surrogates) so every layer after this
 * sees well-formed text.
 */
export function cleanInput(text: string): string {
  return (
    text
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '')
      .trim()
  );
}

/**
 * The database by default (dialogs/storage: SQLite in the data directory, PostgreSQL when
 * DATABASE_URL is set): each turn is committed before its reply. `CREDIT_BOT_STORE=lowdb` keeps the
 * single lowdb file for tiny installations (written ~200 ms after the reply, one process only).
 */
async function defaultStore(dataDir: string, log: Logger): Promise<Store<Session>> {
  return process.env.CREDIT_BOT_STORE === 'lowdb'
    ? lowdbStore<Session>({ dir: dataDir, log })
    : openSessionStore({ dataDir, log });
}

export async function createEngine(options: CreateEngineOptions = {}): Promise<FullEngine> {
  const log = options.log ?? createLogger();
  const dataDir = options.dataDir ?? process.env.CREDIT_BOT_DATA_DIR ?? './data';
  const store = options.store ?? (await defaultStore(dataDir, log));
  const now = options.now ?? (() => new Date());
  const ttlMs = options.ttlMs ?? ttlFromEnv();
  const opts: EngineOptions = {
    now,
    log,
    draftDir: options.draftDir ?? join(dataDir, 'drafts'),
    readSession: async (key) => {
      const s = await store.read(key);
      return isSession(s) ? s : undefined;
    },
  };
  // Turns of one session run one after another, so two quick messages never lose a fact; a store
  // shared by several processes (PostgreSQL) also locks the session there for the whole turn and
  // commits the turn when it ends.
  const queues = new Map<string, Promise<unknown>>();
  const { exclusive } = store as Partial<SessionStore>;

  const serial = <T>(key: string, work: () => Promise<T>): Promise<T> => {
    const prev = queues.get(key) ?? Promise.resolve();
    const locked = exclusive ? () => exclusive(key, work) : work;
    const next = prev.then(locked, locked);
    const settled = next.catch(() => undefined);
    queues.set(key, settled);
    void settled.then(() => {
      if (queues.get(key) === settled) queues.delete(key);
    });
    return next;
  };

  async function load(key: string, at: number): Promise<{ s: Session; expired: boolean; fresh: boolean }> {
    const stored = await store.read(key);
    if (!isSession(stored)) return { s: newSession(at), expired: false, fresh: true };
    if (at - stored.updatedAt > ttlMs) {
      await store.delete(key);
      return { s: newSession(at), expired: true, fresh: true };
    }
    return { s: stored, expired: false, fresh: false };
  }

  async function handle(turn: Turn): Promise<TurnResult> {
    const key = sessionKey(turn);
    return serial(key, async () => {
      const at = now();
      const { s, expired, fresh } = await load(key, at.getTime());
      const ctx: Ctx = { s, turn, now: at, opts, replies: [], intent: 'none', confidence: 1, understood: {} };
      if (expired) reply(ctx, say('expired'));
      let forgotten = false;
      try {
        forgotten = await dispatch(ctx, fresh);
      } catch (err) {
        log.error(
          { err: (err as Error)?.message, stack: (err as Error)?.stack, channel: turn.channel },
          'turn failed',
        );
        ctx.replies.push({ kind: 'text', text: say('internalError') });
      }
      s.updatedAt = at.getTime();
      if (forgotten) await store.delete(key);
      else await store.write(key, s);
      return {
        replies: ctx.replies,
        intent: ctx.intent,
        confidence: ctx.confidence,
        facts: ctx.understood,
        determination: evaluate(s.facts),
      };
    });
  }

  async function caseView(s: Session): Promise<CaseView> {
    const determination = evaluate(s.facts);
    const today = isoDay(now());
    return {
      facts: s.facts,
      determination,
      explanation: explain(determination, s.facts, { submissionDate: today, today }),
      readAloud: readAloud(determination, s.facts, { submissionDate: today, today }),
      unmetReasons: determination.reasons.filter((r) => !r.met).map((r) => reasonSentence(r, s.facts)),
      history: s.history.map(({ from, text }) => ({ from, text })),
      draftFields: s.draft?.fields ?? {},
    };
  }

  async function purgeExpired(): Promise<number> {
    const cutoff = now().getTime() - ttlMs;
    // a database store deletes them in one statement
    const { expire } = store as Partial<SessionStore>;
    if (expire) {
      const n = await expire(cutoff);
      if (n) log.info({ count: n }, 'purged expired sessions');
      return n;
    }
    const expired = (s: unknown) => !isSession(s) || s.updatedAt < cutoff;
    const old: string[] = [];
    for await (const [key, s] of store.entries()) if (expired(s)) old.push(key);
    let purged = 0;
    for (const key of old) {
      // Checked again in the session's queue: the user may have come back while the scan ran.
      await serial(key, async () => {
        if (!expired(await store.read(key))) return;
        await store.delete(key);
        purged++;
      });
    }
    if (purged) log.info({ count: purged }, 'purged expired sessions');
    return purged;
  }
  // Retention is enforced for sessions nobody comes back to, too; the timer never keeps the process alive.
  const purgeEvery = options.purgeEveryMs ?? 3_600_000;
  const purgeTimer =
    purgeEvery > 0
      ? setInterval(() => {
          purgeExpired().catch((err: unknown) => log.error({ err: (err as Error).message }, 'purge failed'));
        }, purgeEvery)
      : undefined;
  purgeTimer?.unref();

  return {
    handle,
    store,
    async forget(k) {
      const key = sessionKey(k);
      await serial(key, () => store.delete(key));
    },
    async close() {
      if (purgeTimer) clearInterval(purgeTimer);
      await Promise.allSettled([...queues.values()]);
      await store.flush();
    },
    async getCase(k) {
      const key = sessionKey(k);
      return serial(key, async () => caseView((await load(key, now().getTime())).s));
    },
    async setFacts(k, input) {
      const key = sessionKey(k);
      return serial(key, async () => {
        const checked = validateFacts(input, now());
        if (!checked.ok) throw new Error(checked.problems.join('; '));
        const { s } = await load(key, now().getTime());
        snapshot(s);
        for (const [name, value] of Object.entries(checked.facts))
          setFact(s, name as FactName, value as never);
        // explicit nulls clear a fact (the web panel's "unknown")
        for (const [name, value] of Object.entries(input))
          if (value === null) delete s.facts[name as FactName];
        s.pending = undefined;
        s.updatedAt = now().getTime();
        await store.write(key, s);
        return caseView(s);
      });
    },
    purgeExpired,
  };
}

/** Returns true when the session must be deleted (/forget). */
async function dispatch(ctx: Ctx, fresh: boolean): Promise<boolean> {
  const forgotten = await route(ctx, fresh);
  // A document asked for mid-interview is drafted as soon as the result has been shown.
  const waiting = ctx.afterResult;
  if (waiting) {
    ctx.afterResult = undefined;
    await startDraft(ctx, waiting);
  }
  return forgotten;
}

async function route(ctx: Ctx, fresh: boolean): Promise<boolean> {
  const { turn, s } = ctx;
  if (turn.choiceId) {
    remember(s, 'user', `[${turn.choiceId}]`, ctx.now.getTime());
    await onChoice(ctx, turn.choiceId);
    return false;
  }
  const raw = turn.text ?? '';
  let text = cleanInput(raw);
  if (text.length > MAX_TEXT) {
    text = text.slice(0, MAX_TEXT);
    reply(ctx, say('tooLong', { n: MAX_TEXT }));
  }
  remember(s, 'user', text, ctx.now.getTime());
  if (!text) {
    if (fresh) greet(ctx);
    else reply(ctx, say('emptyMessage'), s.choices.length ? s.choices : undefined);
    return false;
  }
  // A bare number picks one of the choices last offered (the console and plain-text channels).
  const number = /^[0-9０-９]{1,2}$/.test(text)
    ? Number(text.replace(/[０-９]/g, (c) => String(c.charCodeAt(0) - 0xff10)))
    : NaN;
  const picked = Number.isInteger(number) ? s.choices[number - 1] : undefined;
  if (picked) {
    await onChoice(ctx, picked.id);
    return false;
  }
  // The label itself, typed instead of its number (「确认生成」「全部」「常见问题」).
  const typed = s.choices.find((c) => sameWords(c.label, text));
  if (typed) {
    await onChoice(ctx, typed.id);
    return false;
  }
  if (Number.isInteger(number) && s.choices.length && !expectsNumber(s)) {
    reply(ctx, say('pickRange', { n: s.choices.length }), s.choices);
    return false;
  }
  if (text.startsWith('/') || text.startsWith('／')) return onCommand(ctx, text.slice(1));
  const navWord = text.replace(/[。！!.\s]/g, '');
  // own keys only: 「toString」 or 「__proto__」 typed by a user is text, not a command
  const nav = Object.hasOwn(NAV, navWord) ? NAV[navWord] : undefined;
  if (nav) return onCommand(ctx, nav);
  if (fresh && !s.pending) {
    // First contact: still answer what they wrote, the greeting just comes first.
    reply(ctx, say('greeting'));
    ctx.greeted = true;
  }
  await onText(ctx, text);
  return false;
}

function sameWords(a: string, b: string): boolean {
  const norm = (x: string) => x.replace(/[\s。！!.,，、/／:：「」“”"']/g, '');
  return norm(a) === norm(b);
}

/** A pending year or count question takes a bare number as its answer, not as a menu pick. */
function expectsNumber(s: Session): boolean {
  const p = s.pending;
  return p?.kind === 'fact' && FACT_KINDS[p.fact].kind !== 'boolean' && FACT_KINDS[p.fact].kind !== 'enum';
}
