// The conversation engine: one Turn in, replies out. Channel-free: the console, Telegram, Discord
// and the web page all call handle() and render what comes back.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { explain, readAloud, reasonSentence } from '../knowledge/explain.ts';
import { loadKnowledge } from '../knowledge/load.ts';
import { evaluate } from '../rules/evaluate.ts';
import type { DocumentId, FactName } from '../rules/types.ts';
import { validateFacts } from '../rules/validate.ts';
import type { Command } from './command.ts';
import { type Ctx, type EngineOptions, newCtx, reply } from './context.ts';
import { clarification } from './flows/clarification.ts';
import { correction } from './flows/correction.ts';
import { draft, draftGate, type Gate, renderCaseDraft, withDraftFields } from './flows/draft.ts';
import type { Flow, Step } from './flows/flow.ts';
import { handoff } from './flows/handoff.ts';
import { interview } from './flows/interview.ts';
import { navigation } from './flows/navigation.ts';
import { isoDay } from './flows/shared.ts';
import { sideQuestion } from './flows/side-question.ts';
import { createLogger, type Logger } from './log.ts';
import { warmUp } from './nlu/index.ts';
import {
  type Frame,
  factsInForce,
  isSession,
  newSession,
  remember,
  type Session,
  sessionKey,
  setFact,
  snapshot,
  upgradeSession,
} from './session.ts';
import { openSessionStore, type SessionStore } from './storage/index.ts';
import { lowdbStore, type SaidLine, type Store } from './store.ts';
import { say } from './texts.ts';
import type { CaseView, Engine, Reply, SessionKey, Turn, TurnResult } from './types.ts';
import { turnCommands } from './understand-turn.ts';

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
  /**
   * Draft fields typed by staff for this case, checked as in the chat; stored in the session.
   * Throws an Error naming each invalid field. `null` or '' clears a field.
   */
  setDraftFields(key: SessionKey, fields: Record<string, unknown>): Promise<Record<string, string | number>>;
  /** The one drafting gate and renderer every channel uses (the web console included). */
  draftDocument(
    key: SessionKey,
    docType: DocumentId,
    format: 'txt' | 'md' | 'docx',
  ): Promise<{ gate: Gate; draft?: Awaited<ReturnType<typeof renderCaseDraft>> }>;
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

/** The text of a message, cleaned and cut to MAX_TEXT (saying so). */
function readText(ctx: Ctx, raw: string): string {
  const text = cleanInput(raw);
  if (text.length <= MAX_TEXT) return text;
  reply(ctx, say('tooLong', { n: MAX_TEXT }));
  return text.slice(0, MAX_TEXT);
}

/** The turn's lines in the order the history got them: replies before the user's line, it, the rest. */
function saidLines(replies: Reply[], before: number, user: SaidLine | undefined): SaidLine[] {
  const bot = (r: Reply): SaidLine[] => (r.kind === 'text' ? [{ from: 'bot', text: r.text }] : []);
  return [
    ...replies.slice(0, before).flatMap(bot),
    ...(user ? [user] : []),
    ...replies.slice(before).flatMap(bot),
  ];
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

  // Knowledge, the intent model, the lexicon, the segmenter and OpenCC load now, not in a user's
  // first turn.
  loadKnowledge();
  warmUp();

  async function load(key: string, at: number): Promise<{ s: Session; expired: boolean; fresh: boolean }> {
    const stored = await store.read(key);
    if (!isSession(stored)) return { s: newSession(at), expired: false, fresh: true };
    if (at - stored.updatedAt > ttlMs) {
      await store.delete(key);
      return { s: newSession(at), expired: true, fresh: true };
    }
    return { s: upgradeSession(stored), expired: false, fresh: false };
  }

  /** One turn: load, understand into commands, run them through the flows, save once. */
  async function handle(turn: Turn): Promise<TurnResult> {
    const key = sessionKey(turn);
    return serial(key, async () => {
      const at = now();
      const { s, expired, fresh } = await load(key, at.getTime());
      // what the case's texts rest on now: the web console sends them again only when a turn changes it
      const textsKeyBefore = fresh ? undefined : textsKeyFor(factsInForce(s));
      const ctx = newCtx(s, turn, at, opts);
      if (expired) reply(ctx, say('expired'));
      // what was said this turn in full, for the store's transcript (history keeps excerpts)
      const offered = s.choices;
      let userLine: SaidLine | undefined;
      let repliesBefore = ctx.replies.length;
      try {
        const text = turn.choiceId === undefined ? readText(ctx, turn.text ?? '') : undefined;
        remember(s, 'user', turn.choiceId !== undefined ? `[${turn.choiceId}]` : (text ?? ''), at.getTime());
        repliesBefore = ctx.replies.length;
        userLine =
          turn.choiceId !== undefined
            ? {
                from: 'user',
                text: offered.find((c) => c.id === turn.choiceId)?.label ?? turn.choiceId,
                choice: turn.choiceId,
              }
            : text
              ? { from: 'user', text }
              : undefined;
        ctx.commands = await turnCommands(ctx, text);
        // First contact: still answer what they wrote, the greeting just comes first.
        if (fresh && text && ctx.commands.every((c) => c.type !== 'navigate' && c.type !== 'unclear')) {
          reply(ctx, say('greeting'));
          ctx.greeted = true;
        }
        await dispatch(ctx, ctx.commands);
      } catch (err) {
        log.error(
          { err: (err as Error)?.message, stack: (err as Error)?.stack, channel: turn.channel },
          'turn failed',
        );
        ctx.replies.push({ kind: 'text', text: say('internalError') });
      }
      s.updatedAt = at.getTime();
      const determination = ctx.det();
      // the one save of the turn
      if (ctx.forget) await store.delete(key);
      else
        await store.write(key, s, { determination, said: saidLines(ctx.replies, repliesBefore, userLine) });
      // the session object is this turn's own: later turns load their own copy from the store
      const view = ctx.forget ? undefined : () => caseView(s, determination);
      return {
        replies: ctx.replies,
        intent: ctx.intent,
        confidence: ctx.confidence,
        facts: ctx.understood,
        determination,
        commands: ctx.commands,
        ...(view && { view }),
        ...(textsKeyBefore && { textsKeyBefore }),
        choices: s.choices,
      };
    });
  }

  /**
   * The texts staff read for a case depend only on its facts and the day; most turns (a question
   * asked, a button pressed, a draft field given) leave the facts as they were. The last few are kept.
   */
  const explained = new Map<
    string,
    Pick<CaseView, 'determination' | 'explanation' | 'readAloud' | 'unmetReasons' | 'textsKey'>
  >();
  const textsMemo = (facts: Session['facts']) => `${isoDay(now())}\n${JSON.stringify(facts)}`;
  /** the key of the texts for these facts today: the one the last turn's texts were kept under */
  const textsKeyFor = (facts: Session['facts']) => {
    const memo = textsMemo(facts);
    return explained.get(memo)?.textsKey ?? textsKeyOf(memo);
  };
  function explainedFor(facts: Session['facts'], known?: CaseView['determination']) {
    const today = isoDay(now());
    const memo = textsMemo(facts);
    const hit = explained.get(memo);
    if (hit) return hit;
    const determination = known ?? evaluate(facts);
    const texts = {
      textsKey: textsKeyOf(memo),
      determination,
      explanation: explain(determination, facts, { submissionDate: today, today }),
      readAloud: readAloud(determination, facts, { submissionDate: today, today }),
      unmetReasons: determination.reasons.filter((r) => !r.met).map((r) => reasonSentence(r, facts)),
    };
    explained.set(memo, texts);
    if (explained.size > 500) explained.delete(explained.keys().next().value as string);
    return texts;
  }

  function caseView(s: Session, known?: CaseView['determination']): CaseView {
    return {
      facts: s.facts,
      ...explainedFor(factsInForce(s), known),
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
        // staff changed the facts: an open question may no longer be the right one
        s.flows = s.flows.filter((f) => f.flow === 'draft' && f.step !== 'waiting');
        s.updatedAt = now().getTime();
        await store.write(key, s);
        return caseView(s);
      });
    },
    purgeExpired,
    async setDraftFields(k, input) {
      const key = sessionKey(k);
      return serial(key, async () => {
        const { s } = await load(key, now().getTime());
        const det = evaluate(factsInForce(s));
        const fields = withDraftFields(s, det, input, now());
        s.draft = { docTypes: s.draft?.docTypes ?? [], skipped: s.draft?.skipped ?? [], fields };
        s.updatedAt = now().getTime();
        await store.write(key, s);
        return fields;
      });
    },
    async draftDocument(k, docType, format) {
      const key = sessionKey(k);
      return serial(key, async () => {
        const { s } = await load(key, now().getTime());
        const det = evaluate(factsInForce(s));
        const gate = draftGate(det, docType, s.unknown);
        if (!gate.ok) return { gate };
        return { gate, draft: await renderCaseDraft(s, det, docType, format, isoDay(now())) };
      });
    },
  };
}

/** A short name for what a case's texts rest on (the same in every process: a hash, not a counter). */
function textsKeyOf(memo: string): string {
  return createHash('sha256').update(memo).digest('base64url').slice(0, 16);
}

const FLOWS: Record<Frame['flow'], Flow<never>> = { interview, correction, clarification, draft };

/** Which flow starts with a command when the flow on top does not take it. */
const OWNER: Record<Command['type'], Flow<never>> = {
  'set-facts': interview,
  answer: interview,
  hedge: interview,
  'dont-know': interview,
  'edit-fact': interview,
  interview,
  explain: interview,
  verdict: interview,
  correct: correction,
  keep: correction,
  clarify: clarification,
  choose: clarification,
  'ask-topic': sideQuestion,
  'out-of-scope': sideQuestion,
  'small-talk': sideQuestion,
  draft,
  'field-value': draft,
  'pick-field': draft,
  'edit-field': draft,
  skip: draft,
  confirm: draft,
  cancel: draft,
  'draft-edit': draft,
  navigate: navigation,
  'staff-set': navigation,
  unclear: navigation,
  'hand-off': handoff,
};

/** Applies a flow's step to the stack: `own` says whether the flow's frame is the top one. */
function apply(s: Session, step: Step, own: boolean): Command[] {
  if (step.next === 'wait') {
    if (own) s.flows[s.flows.length - 1] = step.frame;
    else s.flows.push(step.frame);
    if (step.above) s.flows.push(step.above);
    return [];
  }
  if (step.next === 'push') {
    s.flows.push(step.frame);
    return [];
  }
  if (step.clear) s.flows = [];
  else if (own) s.flows.pop();
  return step.followUp ?? [];
}

/** Runs the commands through the flows; then the flow on top shows where the conversation stands. */
async function dispatch(ctx: Ctx, commands: Command[]): Promise<void> {
  const s = ctx.s;
  const queue = [...commands];
  // a bound on follow-up commands: a flow handing back what it was given must not loop for ever
  for (let n = 0; queue.length && n < 20; n++) {
    const cmd = queue.shift() as Command;
    const top = s.flows.at(-1);
    const topFlow = top ? (FLOWS[top.flow] as Flow<Frame>) : undefined;
    const own = Boolean(top && topFlow?.accepts(cmd, top, ctx));
    const step = own
      ? await (topFlow as Flow<Frame>).handle(ctx, top as Frame, cmd)
      : await (OWNER[cmd.type] as Flow<Frame>).start(ctx, cmd);
    queue.unshift(...apply(s, step, own));
  }
  // New facts re-decide the case even after its result was shown: the interview takes it up again.
  if (ctx.factsChanged && !s.flows.some((f) => f.flow === 'interview') && s.flows.at(-1)?.flow !== 'draft')
    s.flows.push({ flow: 'interview' });
  for (let n = 0; !ctx.asked && n < 6; n++) {
    const top = s.flows.at(-1);
    if (!top) break;
    const step = await (FLOWS[top.flow] as Flow<Frame>).resume(ctx, top);
    const more = apply(s, step, true);
    if (more.length) await dispatch(ctx, more);
  }
}
