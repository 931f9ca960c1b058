// The conversation engine: one Turn in, replies out. Channel-free: the console, Telegram, Discord
// and the web page all call handle() and render what comes back.
import { join } from 'node:path';
import { explain, findFaq, readAloud, reasonSentence } from '../knowledge/explain.ts';
import { loadJurisdiction } from '../knowledge/jurisdiction.ts';
import { factLabel } from '../knowledge/lookup.ts';
import { evaluate } from '../rules/evaluate.ts';
import { FACT_KINDS, FACT_NAMES, type FactName, type Facts } from '../rules/types.ts';
import { factProblem, validateFacts } from '../rules/validate.ts';
import { type Ctx, checkpoint, type EngineOptions, reply } from './context.ts';
import { draftChoice, draftText, startDraft } from './draft-flow.ts';
import { answerFaq, faqChoice, faqMenu } from './faq.ts';
import {
  advance,
  answer,
  answerUnknown,
  ask,
  choiceValue,
  describeFact,
  isoDay,
  readAnswer,
  reaskWithHint,
  UNKNOWN_CHOICE,
} from './interview.ts';
import { createLogger, type Logger } from './log.ts';
import { CONFIDENCE_FLOOR, type Intent, parseAnswer, understand } from './nlu/index.ts';
import { isSession, newSession, remember, type Session, sessionKey, setFact, snapshot } from './session.ts';
import { dirStore, lowdbStore, type Store } from './store.ts';
import { dialog, say } from './texts.ts';
import type { CaseView, Choice, Engine, SessionKey, Turn, TurnResult } from './types.ts';

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

const NAV: Record<string, string> = {
  返回: 'undo',
  撤销: 'undo',
  上一步: 'undo',
  修改: 'edit',
  修改回答: 'edit',
  重新开始: 'reset',
  重来: 'reset',
  帮助: 'help',
  菜单: 'menu',
  主菜单: 'menu',
  退出: 'bye',
};

const STAFF_CHANNELS = new Set<string>(['staff', 'web', 'cli']);
const COMMANDS = new Set([
  'start',
  'help',
  'reset',
  'forget',
  'human',
  'repair',
  'draft',
  'faq',
  'set',
  'menu',
]);

/**
 * One file per session by default: lowdb's single file is rewritten whole on every flush, which with
 * thousands of sessions stalls every chat (see `npm run bench`). `CREDIT_BOT_STORE=lowdb` keeps the
 * single lowdb file for small installations.
 */
function defaultStore(dataDir: string, log: Logger): Store<Session> {
  return process.env.CREDIT_BOT_STORE === 'lowdb'
    ? lowdbStore<Session>({ dir: dataDir, log })
    : dirStore<Session>({ dir: dataDir, log });
}

export async function createEngine(options: CreateEngineOptions = {}): Promise<FullEngine> {
  const log = options.log ?? createLogger();
  const dataDir = options.dataDir ?? process.env.CREDIT_BOT_DATA_DIR ?? './data';
  const store = options.store ?? defaultStore(dataDir, log);
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
  // Turns of one session run one after another, so two quick messages never lose a fact.
  const queues = new Map<string, Promise<unknown>>();

  const serial = <T>(key: string, work: () => Promise<T>): Promise<T> => {
    const prev = queues.get(key) ?? Promise.resolve();
    const next = prev.then(work, work);
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

/** A pending year or count question takes a bare number as its answer, not as a menu pick. */
function expectsNumber(s: Session): boolean {
  const p = s.pending;
  return p?.kind === 'fact' && FACT_KINDS[p.fact].kind !== 'boolean' && FACT_KINDS[p.fact].kind !== 'enum';
}

function greet(ctx: Ctx): void {
  reply(ctx, say('greeting'));
  reply(ctx, say('menuPrompt'), dialog.menu);
}

function mainMenu(ctx: Ctx): void {
  ctx.s.pending = undefined;
  reply(ctx, say('menuPrompt'), dialog.menu);
}

function hasProgress(s: Session): boolean {
  return Object.keys(s.facts).length > 0 || s.pending !== undefined || s.draft !== undefined;
}

/** Repeats the open question after a side answer (FAQ, help), so the interview is not lost. */
function resumePending(ctx: Ctx): void {
  const p = ctx.s.pending;
  if (p?.kind === 'fact') ask(ctx, p.fact);
  else if (p?.kind === 'draft-field' || p?.kind === 'draft-confirm') draftText(ctx, '', { repeat: true });
  else if (p?.kind === 'contradiction') askContradiction(ctx, p.fact, p.value);
}

async function onCommand(ctx: Ctx, commandLine: string): Promise<boolean> {
  const [rawName = '', ...args] = commandLine.trim().split(/\s+/);
  const name = rawName.toLowerCase().replace(/@.*$/, '');
  const s = ctx.s;
  ctx.intent = 'command';
  switch (name) {
    case 'start':
      if (hasProgress(s)) {
        reply(ctx, say('resume'));
        if (s.pending) resumePending(ctx);
        else advance(ctx);
      } else greet(ctx);
      return false;
    case 'menu':
      mainMenu(ctx);
      return false;
    case 'help':
      reply(ctx, `${say('help')}\n${say('helpCommands')}`);
      resumePending(ctx);
      return false;
    case 'reset':
      Object.assign(s, newSession(ctx.now.getTime()), { history: s.history });
      reply(ctx, say('restarted'));
      mainMenu(ctx);
      return false;
    case 'forget':
      ctx.replies.push({ kind: 'text', text: say('forgotten') });
      return true;
    case 'human':
      handoff(ctx);
      return false;
    case 'repair':
      applyPreset(ctx, dialog.menuFacts['m:repair'] ?? {});
      advance(ctx);
      return false;
    case 'draft': {
      // `/draft <doc> from:<group chat>`: a draft moved out of a group keeps the facts told there.
      const from = args.find((a) => a.startsWith('from:'))?.slice(5);
      if (from && !ctx.turn.isGroup) {
        const group = await ctx.opts.readSession(sessionKey({ ...ctx.turn, chatId: from }));
        if (group)
          for (const [f, v] of Object.entries(group.facts))
            if (!(f in s.facts)) setFact(s, f as FactName, v as never);
      }
      const hint = args[0] && args[0] !== '-' && !args[0].startsWith('from:') ? args[0] : undefined;
      await startDraft(ctx, hint);
      return false;
    }
    case 'faq':
      faqMenu(ctx);
      return false;
    case 'set':
      // Entering facts wholesale is a staff tool; elsewhere it is just an unknown command.
      if (STAFF_CHANNELS.has(ctx.turn.channel)) staffSet(ctx, args);
      else reply(ctx, say('unknownCommand', { command: '/set' }));
      return false;
    case 'undo':
      undo(ctx);
      return false;
    case 'edit':
      editMenu(ctx);
      return false;
    case 'bye':
      reply(ctx, say('smalltalkBye'));
      return false;
    default:
      if (!COMMANDS.has(name)) reply(ctx, say('unknownCommand', { command: `/${name.slice(0, 20)}` }));
      return false;
  }
}

function handoff(ctx: Ctx): void {
  const j = loadJurisdiction();
  const contact = [
    j.phone && `电话 ${j.phone}`,
    j.address && `地址 ${j.address}`,
    j.hours && `办公时间 ${j.hours}`,
  ]
    .filter(Boolean)
    .join('，');
  reply(
    ctx,
    contact
      ? say('handoffWithContact', { bureau: j.bureau, contact })
      : say('handoffNoContact', { bureau: j.bureau }),
  );
}

function undo(ctx: Ctx): void {
  const s = ctx.s;
  const last = s.undo.pop();
  if (!last) {
    reply(ctx, say('nothingToUndo'));
    if (s.pending) resumePending(ctx);
    else mainMenu(ctx);
    return;
  }
  const changed = (Object.keys({ ...s.facts, ...last.facts }) as FactName[]).filter(
    (f) => s.facts[f] !== last.facts[f],
  );
  const label =
    changed.map((f) => describeFact(f, s.facts[f] ?? last.facts[f])).join('、') || say('unknownChoiceLabel');
  s.facts = last.facts;
  s.unknown = last.unknown;
  s.pending = undefined;
  reply(ctx, say('undone', { label }));
  // Ask the undone fact again first, as a user going "back" expects.
  const target = changed.find((f) => s.facts[f] === undefined);
  if (target) ask(ctx, target);
  else advance(ctx);
}

function editMenu(ctx: Ctx): void {
  const known = [
    ...(Object.keys(ctx.s.facts) as FactName[]).filter((f) => f !== 'docType'),
    ...ctx.s.unknown,
  ];
  if (!known.length) {
    reply(ctx, say('editNothing'));
    resumePending(ctx);
    return;
  }
  const choices: Choice[] = known.map((f) => ({
    id: `e:${f}`,
    label:
      ctx.s.facts[f] === undefined
        ? `${factLabel(f)}：${say('unknownChoiceLabel')}`
        : describeFact(f, ctx.s.facts[f]),
  }));
  ctx.s.pending = undefined;
  reply(ctx, say('editPrompt'), choices);
}

function staffSet(ctx: Ctx, args: string[]): void {
  if (!args.length) {
    const names = FACT_NAMES.filter((f) => f !== 'docType')
      .map((f) => `${f}（${factLabel(f)}）`)
      .join('、');
    reply(ctx, say('staffSetUsage', { names }));
    return;
  }
  const input: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const arg of args) {
    const m = /^([A-Za-z]+)=(.*)$/.exec(arg);
    if (!m) {
      problems.push(say('staffSetShape', { arg: arg.slice(0, 40) }));
      continue;
    }
    const [, name = '', rawValue = ''] = m;
    if (!Object.hasOwn(FACT_KINDS, name) || name === 'docType') {
      problems.push(say('staffSetBadName', { name: name.slice(0, 40) }));
      continue;
    }
    const fact = name as FactName;
    const value = parseSetValue(fact, rawValue, ctx.now);
    if (value === undefined || factProblem(fact, value, ctx.now)) {
      problems.push(
        say('staffSetBadValue', {
          label: factLabel(fact),
          name,
          value: rawValue.slice(0, 40),
          expected: expectedValue(fact),
        }),
      );
      continue;
    }
    input[fact] = value;
  }
  if (problems.length) {
    reply(ctx, say('staffSetProblems', { problems: problems.join('；') }));
    return;
  }
  checkpoint(ctx);
  for (const [name, value] of Object.entries(input)) setFact(ctx.s, name as FactName, value as never);
  Object.assign(ctx.understood, input);
  reply(
    ctx,
    say('staffSetDone', {
      facts: (Object.entries(input) as [FactName, unknown][]).map(([f, v]) => describeFact(f, v)).join('，'),
    }),
  );
  advance(ctx);
}

/** What a fact accepts, in the staff's words. */
function expectedValue(fact: FactName): string {
  const spec = FACT_KINDS[fact];
  if (spec.kind === 'boolean') return say('staffSetExpectBoolean');
  if (spec.kind === 'year') return say('staffSetExpectYear');
  if (spec.kind === 'count') return say('staffSetExpectCount');
  return say('staffSetExpectEnum', {
    choices: spec.values.map((v) => `${v}（${describeFact(fact, v).replace(/^.*?：/, '')}）`).join('、'),
  });
}

/** A /set value: the interview's own answer reading first (是/否, 个体户, 2021年), then the raw id. */
function parseSetValue(fact: FactName, raw: string, now: Date): unknown {
  const v = raw.trim();
  const spec = FACT_KINDS[fact];
  if (spec.kind === 'enum' && (spec.values as readonly string[]).includes(v)) return v;
  if ((spec.kind === 'year' || spec.kind === 'count') && /^\d+$/.test(v)) return Number(v);
  if (spec.kind === 'boolean' && /^(true|false)$/i.test(v)) return v.toLowerCase() === 'true';
  const understood = parseAnswer(fact, v, { now });
  return understood === 'unknown' ? undefined : understood;
}

function applyPreset(ctx: Ctx, preset: Record<string, unknown>): void {
  const fresh = Object.entries(preset).filter(([f]) => ctx.s.facts[f as FactName] === undefined);
  if (!fresh.length) return;
  checkpoint(ctx);
  for (const [f, v] of fresh) setFact(ctx.s, f as FactName, v as never);
}

async function onChoice(ctx: Ctx, id: string): Promise<void> {
  const s = ctx.s;
  const [kind] = id.split(':', 1);
  const arg = id.slice((kind?.length ?? 0) + 1);
  ctx.intent = 'choice';
  switch (kind) {
    case 'm':
      if (arg === 'draft') return startDraft(ctx);
      if (arg === 'faq') return faqMenu(ctx);
      if (arg === 'human') return handoff(ctx);
      if (dialog.menuFacts[id]) {
        applyPreset(ctx, dialog.menuFacts[id] ?? {});
        return advance(ctx);
      }
      break;
    case 'v': {
      const p = s.pending;
      if (p?.kind !== 'fact') break;
      if (id === UNKNOWN_CHOICE) return answerUnknown(ctx, p.fact);
      const value = choiceValue(p.fact, id);
      if (value === undefined) return reaskWithHint(ctx, p.fact);
      return answer(ctx, p.fact, value);
    }
    case 'a':
      if (arg === 'draft') return startDraft(ctx);
      if (arg === 'edit') return editMenu(ctx);
      if (arg === 'restart') {
        await onCommand(ctx, 'reset');
        return;
      }
      if (arg === 'human') return handoff(ctx);
      break;
    case 'e': {
      const fact = arg as FactName;
      if (!Object.hasOwn(FACT_KINDS, fact) || (!Object.hasOwn(s.facts, fact) && !s.unknown.includes(fact)))
        break;
      checkpoint(ctx);
      delete s.facts[fact];
      s.unknown = s.unknown.filter((f) => f !== fact);
      return ask(ctx, fact, say('editAsk'));
    }
    case 'x': {
      const p = s.pending;
      if (p?.kind !== 'contradiction') break;
      s.pending = undefined;
      if (arg === 'new') {
        checkpoint(ctx);
        setFact(s, p.fact, p.value as never);
        ctx.understood[p.fact] = p.value as never;
      }
      return advance(ctx);
    }
    case 'c': {
      const p = s.pending;
      // only a topic that was actually offered: a forged or stale button is not an intent
      if (p?.kind !== 'clarify' || !s.choices.some((c) => c.id === id)) break;
      s.pending = undefined;
      return onIntent(ctx, arg as Intent, p.text);
    }
    case 'f':
      return faqChoice(ctx, arg);
    case 'd':
    case 'k':
    case 'g':
    case 'w':
      return draftChoice(ctx, id);
  }
  // A button from an old message, or one that makes no sense now: say so and show where we are.
  reply(ctx, say('expiredChoice'));
  if (s.pending) resumePending(ctx);
  else mainMenu(ctx);
}

async function onText(ctx: Ctx, text: string): Promise<void> {
  const s = ctx.s;
  const p = s.pending;
  if (p?.kind === 'draft-field' || p?.kind === 'draft-confirm') {
    // Navigation-like questions still go to the NLU; everything else is the field's value.
    return draftText(ctx, text);
  }
  if (p?.kind === 'fact') {
    const value = readAnswer(ctx, p.fact, text);
    if (value === 'unknown') return answerUnknown(ctx, p.fact);
    if (value !== undefined) {
      // Facts mentioned besides the answer are kept too (「补了，去年3月交的纸质年报」).
      const u = understand(text, { now: ctx.now, pending: p.fact });
      ctx.intent = u.intent;
      ctx.confidence = u.confidence;
      return answer(ctx, p.fact, value, () => {
        if (mergeFacts(ctx, u.facts, p.fact)) return true;
        sideQuestion(ctx, text);
        return false;
      });
    }
  }
  const u = understand(text, { now: ctx.now, pending: p?.kind === 'fact' ? p.fact : undefined });
  ctx.intent = u.intent;
  ctx.confidence = u.confidence;
  const contradiction = mergeFacts(ctx, u.facts);
  if (contradiction) return;
  if (p?.kind === 'fact' && s.facts[p.fact] === undefined) {
    // Not an answer. A question on the side gets its answer and the open question again;
    // anything else gets a hint.
    if (Object.keys(u.facts).length) return advance(ctx);
    const faq = specificFaq(text, u.intent, u.confidence);
    if (faq) {
      faqChoice(ctx, faq);
      return ask(ctx, p.fact);
    }
    if (u.confidence >= CONFIDENCE_FLOOR && SIDE_INTENTS.has(u.intent)) {
      answerSide(ctx, u.intent, text);
      return ask(ctx, p.fact);
    }
    return reaskWithHint(ctx, p.fact);
  }
  const faq = Object.keys(u.facts).length ? undefined : specificFaq(text, u.intent, u.confidence);
  if (faq) {
    faqChoice(ctx, faq);
    return;
  }
  if (u.confidence < CONFIDENCE_FLOOR && !Object.keys(u.facts).length && !/[\u3400-\u9fff]/.test(text)) {
    // No Chinese, nothing understood: a menu of topics is more useful than guessing.
    ctx.s.pending = undefined;
    reply(ctx, say('notUnderstoodHint'), dialog.menu);
    return;
  }
  if (u.confidence < CONFIDENCE_FLOOR && !Object.keys(u.facts).length) {
    const options = [u.intent, ...u.alternatives.map((a) => a.intent)]
      .filter((i, n, all) => all.indexOf(i) === n && i !== 'out_of_scope' && i !== 'smalltalk')
      .slice(0, 3);
    if (!options.length) return answerSide(ctx, 'out_of_scope', text);
    s.pending = { kind: 'clarify', text };
    const labels = (dialog.intentLabels ?? {}) as Record<string, string>;
    reply(
      ctx,
      say('clarify'),
      options.map((i) => ({ id: `c:${i}`, label: labels[i] ?? i })),
    );
    return;
  }
  return onIntent(ctx, u.intent, text);
}

const QUESTION_CLAUSE = /[吗呢？?]|怎么|怎样|什么|多久|多少|几天|哪里|哪儿|要不要|能不能|会不会|有没有影响/;

/**
 * A question asked beside the story (「…想移出来。顺便问一下，要准备哪些材料？」) is answered too,
 * before the interview goes on. Only a clause that is itself an information question counts, so
 * 「被列入了，怎么恢复？」 stays the story it is.
 */
function sideQuestion(ctx: Ctx, text: string): void {
  const clauses = text
    .split(/(?<=[。！!？?；;\n])|[，,]\s*(?=顺便|另外|还有|对了|请问)/)
    .map((c) => c.trim());
  if (clauses.length < 2) return;
  for (const clause of clauses) {
    if (!QUESTION_CLAUSE.test(clause)) continue;
    const u = understand(clause, { now: ctx.now });
    if (Object.keys(u.facts).length) continue;
    const specific = specificFaq(clause, u.intent, u.confidence);
    if (specific) {
      faqChoice(ctx, specific);
      return;
    }
    if (u.confidence >= CONFIDENCE_FLOOR && SIDE_INTENTS.has(u.intent) && u.intent !== 'out_of_scope') {
      answerSide(ctx, u.intent, clause);
      return;
    }
  }
}

/**
 * An FAQ entry that answers the text better than the generic answer of its intent (fees, 另册管理,
 * 严重违法失信名单 …): used when the intent is an information question or unsure.
 */
function specificFaq(text: string, intent: string, confidence: number): string | undefined {
  if (confidence >= CONFIDENCE_FLOOR && !INFO_INTENTS.has(intent)) return undefined;
  const hit = findFaq(text);
  return hit && !Object.values(dialog.faqIntent as Record<string, string>).includes(hit.id)
    ? hit.id
    : undefined;
}

const INFO_INTENTS = new Set<string>([
  'documents',
  'timeline',
  'how_to_apply',
  'check_status',
  'policy_info',
  'out_of_scope',
]);
const SIDE_INTENTS = new Set<string>([
  'documents',
  'timeline',
  'how_to_apply',
  'check_status',
  'policy_info',
  'human',
  'out_of_scope',
]);
const INTERVIEW_INTENTS = new Set<string>(['repair', 'address_change', 'minor_error', 'revocation_risk']);

async function onIntent(ctx: Ctx, intent: Intent, text: string): Promise<void> {
  ctx.intent = intent;
  if (INTERVIEW_INTENTS.has(intent)) {
    applyPreset(ctx, dialog.intentFacts[intent] ?? {});
    sideQuestion(ctx, text);
    return advance(ctx);
  }
  if (intent === 'draft') return startDraft(ctx, ctx.s.facts.docType);
  if (intent === 'smalltalk') {
    const line = /谢|感谢|thank/i.test(text)
      ? 'smalltalkThanks'
      : /再见|拜拜|bye/i.test(text)
        ? 'smalltalkBye'
        : 'smalltalkHello';
    if (line !== 'smalltalkHello' || !ctx.greeted) reply(ctx, say(line));
    if (line === 'smalltalkHello') mainMenu(ctx);
    return;
  }
  answerSide(ctx, intent, text);
  // A question that also told us about the situation goes on with the interview.
  if (Object.keys(ctx.understood).length) advance(ctx);
}

function answerSide(ctx: Ctx, intent: string, text: string): void {
  if (intent === 'human') handoff(ctx);
  else if (intent === 'out_of_scope') {
    reply(ctx, say('outOfScope'));
    mainMenu(ctx);
  } else answerFaq(ctx, intent, text);
}

/**
 * Merges understood facts into the session. A fact that contradicts a stored one is not overwritten:
 * the user is asked which is right. Returns true when such a question was asked.
 */
function mergeFacts(ctx: Ctx, facts: Facts, except?: FactName): boolean {
  const s = ctx.s;
  const checked = validateFacts(facts, ctx.now);
  const clean: Facts = checked.ok ? checked.facts : {};
  let changed = false;
  for (const [name, value] of Object.entries(clean) as [FactName, unknown][]) {
    if (name === except) continue;
    ctx.understood[name] = value as never;
    const old = s.facts[name];
    if (old === undefined) {
      if (!changed) checkpoint(ctx);
      changed = true;
      setFact(s, name, value as never);
    } else if (old !== value && name !== 'docType') {
      askContradiction(ctx, name, value);
      return true;
    } else if (name === 'docType') s.facts.docType = value as Facts['docType'];
  }
  return false;
}

function askContradiction(ctx: Ctx, fact: FactName, value: unknown): void {
  const oldText = describeFact(fact, ctx.s.facts[fact]);
  const newText = describeFact(fact, value);
  ctx.s.pending = { kind: 'contradiction', fact, value };
  reply(ctx, say('contradiction', { old: oldText, new: newText }), [
    { id: 'x:old', label: say('keepOld', { old: oldText }) },
    { id: 'x:new', label: say('takeNew', { new: newText }) },
  ]);
}
