// The state of one turn while the flows work on it.
import { evaluate } from '../rules/evaluate.ts';
import type { Determination, FactName, Facts } from '../rules/types.ts';
import type { Command } from './command.ts';
import type { Logger } from './log.ts';
import {
  disputedFacts,
  factsInForce,
  openFact,
  remember,
  type Session,
  setFact,
  snapshot,
} from './session.ts';
import type { Choice, Reply, Turn } from './types.ts';

export interface EngineOptions {
  now: () => Date;
  log: Logger;
  /** where the console writes docx drafts (channels that take files get them as files instead) */
  draftDir: string;
  /** reads another stored session (the group session a private draft continues) */
  readSession: (key: string) => Promise<Session | undefined>;
}

export interface Ctx {
  s: Session;
  turn: Turn;
  now: Date;
  opts: EngineOptions;
  replies: Reply[];
  intent: string;
  confidence: number;
  /** facts understood from this turn */
  understood: Facts;
  /** what this turn was understood as */
  commands: Command[];
  /** a flow put a question (or a menu) on screen: nothing resumes after it this turn */
  asked?: boolean;
  /** set when the greeting was already sent this turn */
  greeted?: boolean;
  /** the facts before this turn are saved for 返回 already */
  checkpointed?: boolean;
  /** the session is to be deleted (/forget) */
  forget?: boolean;
  /** facts changed this turn (the interview re-decides) */
  factsChanged?: boolean;
  /** which facts got a new value this turn (a question asked again says what was taken) */
  changed: FactName[];
  /** the question open when the turn began */
  openedWith?: FactName;
  /** the determination for the session's facts, evaluated once and again only after they change */
  det(): Determination;
  /** how many times evaluate ran this turn (kept low: once, plus once after facts change) */
  evaluations: number;
  /** cached determination; cleared when a fact changes */
  cached?: Determination;
  /** the facts in dispute (open 以哪个为准) the cached determination was made without */
  cachedWithout?: string;
}

export function newCtx(s: Session, turn: Turn, now: Date, opts: EngineOptions): Ctx {
  const ctx: Ctx = {
    s,
    turn,
    now,
    opts,
    replies: [],
    intent: 'none',
    confidence: 1,
    understood: {},
    commands: [],
    changed: [],
    evaluations: 0,
    ...(openFact(s) && { openedWith: openFact(s) }),
    det() {
      // a contradiction opened or settled in this turn changes which facts are in force
      const disputed = disputedFacts(ctx.s).join();
      if (!ctx.cached || ctx.cachedWithout !== disputed) {
        ctx.cached = evaluate(factsInForce(ctx.s));
        ctx.cachedWithout = disputed;
        ctx.evaluations++;
      }
      return ctx.cached;
    },
  };
  return ctx;
}

/** Saves the facts as they were before this turn, once per turn: one 返回 undoes one message. */
export function checkpoint(ctx: Ctx): void {
  if (ctx.checkpointed) return;
  snapshot(ctx.s);
  ctx.checkpointed = true;
}

/** Every change of a fact goes through here: undoable, and the next determination is fresh. */
export function changeFact(ctx: Ctx, fact: FactName, value: unknown, fromText = false): void {
  checkpoint(ctx);
  if (value === undefined) {
    delete ctx.s.facts[fact];
    ctx.s.unknown = ctx.s.unknown.filter((f) => f !== fact);
  } else setFact(ctx.s, fact, value as never);
  const fromTextNow = new Set(ctx.s.fromText ?? []);
  if (fromText && value !== undefined) fromTextNow.add(fact);
  else fromTextNow.delete(fact);
  ctx.s.fromText = [...fromTextNow];
  if (ctx.s.presumed?.includes(fact)) ctx.s.presumed = ctx.s.presumed.filter((f) => f !== fact);
  ctx.cached = undefined;
  ctx.factsChanged = true;
  if (value !== undefined && !ctx.changed.includes(fact)) ctx.changed.push(fact);
}

/** Replaces the whole fact set (返回, a reset). */
export function factsReplaced(ctx: Ctx): void {
  ctx.cached = undefined;
  ctx.factsChanged = true;
}

/** Adds a text reply; choices offered are remembered so a typed number can select one. */
export function reply(ctx: Ctx, text: string, choices?: Choice[]): void {
  if (choices?.length) {
    ctx.replies.push({ kind: 'text', text, choices });
    ctx.s.choices = choices;
  } else {
    ctx.replies.push({ kind: 'text', text });
  }
  remember(ctx.s, 'bot', text, ctx.now.getTime());
}

/** A reply that waits for the user's answer (a question, a menu): the turn ends on it. */
export function askUser(ctx: Ctx, text: string, choices?: Choice[]): void {
  reply(ctx, text, choices);
  ctx.asked = true;
}

export type FactValue = Facts[FactName];
