// The one interface every flow has (start / handle a command / resume), and the step it returns.
// Flows never call each other: a flow says what comes next (wait, finish, put another flow's frame on
// top, or hand commands back to the engine), and the engine does it.
import type { Command } from '../command.ts';
import type { Ctx } from '../context.ts';
import type { Frame } from '../session.ts';

export type Step =
  /**
   * this flow waits with `frame` (pushed by start, replacing its own frame otherwise); `above` is
   * another flow's frame to put on top of it first (a draft waits below the interview it needs)
   */
  | { next: 'wait'; frame: Frame; above?: Frame }
  /**
   * finished (its frame, if any, is popped); `followUp` are commands for the engine to run next; `clear`
   * closes every open flow (the menu, a reset)
   */
  | { next: 'done'; followUp?: Command[]; clear?: boolean }
  /** another flow's frame goes on top; this one stays below and resumes when that one is done */
  | { next: 'push'; frame: Frame };

export const done = (followUp?: Command[]): Step => ({
  next: 'done',
  ...(followUp?.length ? { followUp } : {}),
});
export const closeAll = (): Step => ({ next: 'done', clear: true });
export const wait = (frame: Frame, above?: Frame): Step => ({
  next: 'wait',
  frame,
  ...(above ? { above } : {}),
});
export const push = (frame: Frame): Step => ({ next: 'push', frame });

export interface Flow<F extends Frame = Frame> {
  /** a command arriving while no frame of this flow is on top */
  start(ctx: Ctx, cmd: Command): Step | Promise<Step>;
  /** whether this flow, on top, takes the command (otherwise its owner starts with it) */
  accepts(cmd: Command, frame: F, ctx: Ctx): boolean;
  handle(ctx: Ctx, frame: F, cmd: Command): Step | Promise<Step>;
  /** show the open question again (after a side answer, or when the frame above is done) */
  resume(ctx: Ctx, frame: F): Step | Promise<Step>;
}
