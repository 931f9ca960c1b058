// A pressed button (or a typed menu number): menu topics, answers, results, edits, drafts.
import { FACT_KINDS, type FactName } from '../rules/types.ts';
import { applyPreset, editMenu, handoff, mainMenu, onCommand, resumePending } from './commands.ts';
import { type Ctx, checkpoint, reply } from './context.ts';
import { draftChoice, startDraft } from './draft-flow.ts';
import { faqChoice, faqMenu } from './faq.ts';
import {
  advance,
  answer,
  answerUnknown,
  ask,
  choiceValue,
  reaskWithHint,
  UNKNOWN_CHOICE,
} from './interview.ts';
import type { Intent } from './nlu/index.ts';
import { setFact } from './session.ts';
import { onIntent } from './text-turn.ts';
import { dialog, say } from './texts.ts';

export async function onChoice(ctx: Ctx, id: string): Promise<void> {
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
