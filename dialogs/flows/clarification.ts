// Not sure what a message meant: offer the likely meanings; a pick is run as if it had been said.
import { commandId } from '../command.ts';
import { askUser } from '../context.ts';
import type { Intent } from '../nlu/index.ts';
import type { Frame } from '../session.ts';
import { dialog, say } from '../texts.ts';
import { intentCommands } from '../understand-turn.ts';
import { done, type Flow, wait } from './flow.ts';

type ClarificationFrame = Extract<Frame, { flow: 'clarification' }>;

export const clarification: Flow<ClarificationFrame> = {
  start(ctx, cmd) {
    // a pick with no question open is a stale or forged button
    if (cmd.type !== 'clarify') return done([{ type: 'unclear', why: 'stale' }]);
    const frame: ClarificationFrame = { flow: 'clarification', text: cmd.text, options: cmd.options };
    return clarification.resume(ctx, frame);
  },
  // Whatever else comes instead of a pick is taken as said; the question is dropped.
  accepts: () => true,
  handle(_ctx, frame, cmd) {
    // only a meaning that was actually offered: a forged or stale button is not an intent
    if (cmd.type === 'choose' && frame.options.includes(cmd.intent))
      return done(intentCommands(cmd.intent as Intent, frame.text));
    if (cmd.type === 'choose') return done([{ type: 'unclear', why: 'stale' }]);
    return done([cmd]);
  },
  resume(ctx, frame) {
    const labels = (dialog.intentLabels ?? {}) as Record<string, string>;
    askUser(
      ctx,
      say('clarify'),
      frame.options.map((i) => ({
        id: commandId({ type: 'choose', intent: i as Intent }),
        label: labels[i] ?? i,
      })),
    );
    return wait(frame);
  },
};
