// Answers to questions on the side (materials, time, where to apply, policy measures) from the FAQ
// in knowledge/, made specific to the user's route when the interview has decided it.
import { faqAnswer, findFaq } from '../knowledge/explain.ts';
import { faqEntries, routeSpecifics } from '../knowledge/lookup.ts';
import { evaluate } from '../rules/evaluate.ts';
import { type Ctx, reply } from './context.ts';
import { extractDate } from './dates.ts';
import { isoDay } from './interview.ts';
import { dialog, say } from './texts.ts';

const faqIds = (): Record<string, string> => (dialog.faqIntent ?? {}) as Record<string, string>;

export function answerFaq(ctx: Ctx, intent: string, text: string): void {
  const ids = faqIds();
  const byIntent = Object.hasOwn(ids, intent) ? ids[intent] : undefined;
  const entry = (byIntent ? undefined : findFaq(text)) ?? (byIntent ? { id: byIntent } : undefined);
  const general = entry ? faqAnswer(entry.id) : undefined;
  const det = evaluate(ctx.s.facts);
  const submissionDate = extractDate(text, ctx.now) ?? isoDay(ctx.now);
  const specific =
    byIntent && det.path !== 'undetermined'
      ? routeSpecifics(det, ctx.s.facts, intent, { submissionDate })
      : undefined;
  if (specific) {
    reply(ctx, specific);
    return;
  }
  reply(ctx, general ?? say('faqNotFound'));
}

export function faqMenu(ctx: Ctx): void {
  const entries = faqEntries();
  const ids = [...(dialog.faqMenu as string[]), ...entries.map((e) => e.id)].filter(
    (id, i, all) => all.indexOf(id) === i,
  );
  const choices = ids
    .map((id) => entries.find((e) => e.id === id))
    .filter((e): e is NonNullable<typeof e> => Boolean(e))
    .slice(0, 10)
    .map((e) => ({ id: `f:${e.id}`, label: e.question }));
  ctx.s.pending = undefined;
  reply(ctx, say('faqPrompt'), choices);
}

export function faqChoice(ctx: Ctx, id: string): void {
  const answer = faqAnswer(id);
  if (!answer) {
    reply(ctx, say('faqNotFound'));
    return;
  }
  reply(ctx, answer);
}
