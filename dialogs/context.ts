// The state of one turn while the flows work on it.
import type { FactName, Facts } from '../rules/types.ts';
import type { Logger } from './log.ts';
import { remember, type Session, snapshot } from './session.ts';
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
  understood: Facts;
  /** set when the greeting was already sent this turn */
  greeted?: boolean;
  /** a document to draft once the interview's result has been shown */
  afterResult?: string;
  /** the facts before this turn are saved for 返回 already */
  checkpointed?: boolean;
}

/** Saves the facts as they were before this turn, once per turn: one 返回 undoes one message. */
export function checkpoint(ctx: Ctx): void {
  if (ctx.checkpointed) return;
  snapshot(ctx.s);
  ctx.checkpointed = true;
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

export type FactValue = Facts[FactName];
