// Corrections. An explicit one (「说错了，不是公司，是个体户」「年份记错了，是2020年」) replaces the fact
// at once and is confirmed in one line; a bare contradiction (a new value without a correction word)
// is asked back: 「以哪个为准」, with both values one tap away.
import type { FactName, Facts } from '../../rules/types.ts';
import { validateFacts } from '../../rules/validate.ts';
import { type Command, commandId } from '../command.ts';
import { askUser, type Ctx, changeFact, reply } from '../context.ts';
import type { Frame } from '../session.ts';
import { say } from '../texts.ts';
import { done, type Flow, wait } from './flow.ts';
import { describeFact } from './shared.ts';

type CorrectionFrame = Extract<Frame, { flow: 'correction' }>;

function replace(ctx: Ctx, facts: Facts): void {
  const checked = validateFacts(facts, ctx.now);
  if (!checked.ok) return;
  const changed = (Object.entries(checked.facts) as [FactName, unknown][]).filter(
    ([f, v]) => ctx.s.facts[f] !== v,
  );
  for (const [f, v] of changed) {
    changeFact(ctx, f, v, ctx.turn.text !== undefined);
    ctx.understood[f] = v as never;
  }
  if (changed.length)
    reply(ctx, say('corrected', { facts: changed.map(([f, v]) => describeFact(f, v)).join('，') }));
}

export const correction: Flow<CorrectionFrame> = {
  start(ctx, cmd) {
    if (cmd.type === 'correct') replace(ctx, cmd.facts);
    // 「以之前的为准」 with no question open is a stale button
    return cmd.type === 'keep' ? done([{ type: 'unclear', why: 'stale' }]) : done();
  },
  // Only a reply about the disputed fact settles it. Anything else (a side question, 「能不能先把我们移出来」)
  // goes to its own flow and the question stays open, so the disputed fact grants nothing meanwhile
  // (session.ts factsInForce) — an unanswered 「以哪个为准」 must not fall back to the earlier value.
  accepts: (cmd, frame) =>
    cmd.type === 'keep' ||
    cmd.type === 'correct' ||
    (cmd.type === 'answer' && cmd.fact === frame.fact) ||
    (cmd.type === 'set-facts' && cmd.facts[frame.fact] !== undefined),
  handle(ctx, frame, cmd: Command) {
    if (cmd.type === 'keep') return done();
    if (cmd.type === 'correct') {
      replace(ctx, cmd.facts);
      return done();
    }
    const said =
      cmd.type === 'answer' && cmd.fact === frame.fact
        ? cmd.value
        : cmd.type === 'set-facts'
          ? cmd.facts[frame.fact]
          : undefined;
    if (said !== undefined) {
      replace(ctx, { [frame.fact]: said } as Facts);
      const rest = cmd.type === 'set-facts' ? { ...cmd.facts } : {};
      delete (rest as Record<string, unknown>)[frame.fact];
      return done(Object.keys(rest).length ? [{ type: 'set-facts', facts: rest }] : []);
    }
    return done([cmd]);
  },
  resume(ctx, frame) {
    const oldText = describeFact(frame.fact, ctx.s.facts[frame.fact]);
    const newText = describeFact(frame.fact, frame.value);
    askUser(ctx, say('contradiction', { old: oldText, new: newText }), [
      { id: commandId({ type: 'keep', fact: frame.fact }), label: say('keepOld', { old: oldText }) },
      {
        id: commandId({ type: 'correct', facts: { [frame.fact]: frame.value } as Facts }),
        label: say('takeNew', { new: newText }),
      },
    ]);
    return wait(frame);
  },
};
