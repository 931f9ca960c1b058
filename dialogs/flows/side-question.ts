// Questions beside the case (materials, time, where to apply, the FAQ topics), small talk and
// requests outside the bot's field. Answered from knowledge/, specific to the user's route once it is
// decided; the open question, if any, comes back after the answer.
import { faqAnswer } from '../../knowledge/explain.ts';
import { routeSpecifics } from '../../knowledge/lookup.ts';
import { askUser, type Ctx, reply } from '../context.ts';
import { extractDate } from '../dates.ts';
import { dialog, say } from '../texts.ts';
import { done, type Flow } from './flow.ts';
import { isoDay } from './shared.ts';

const faqIds = (): Record<string, string> => (dialog.faqIntent ?? {}) as Record<string, string>;

function answerTopic(ctx: Ctx, said: string | undefined, topic: string | undefined, text: string): void {
  const ids = faqIds();
  // 「去哪里申请」 names the generic where-to-apply entry; once the route is known, that route's own
  // answer is the right one (an out-of-county business goes to its own county's bureau)
  const intent = said ?? Object.keys(ids).find((i) => ids[i] === topic);
  const byIntent = intent && Object.hasOwn(ids, intent) ? ids[intent] : undefined;
  const det = ctx.det();
  if (byIntent && (!topic || topic === byIntent) && det.path !== 'undetermined') {
    // this message decided the case: its first full result follows at once and has this very section
    // (materials, time limit, where to go), so it is not printed twice
    const decided = det.missing.every((f) => ctx.s.unknown.includes(f));
    if (decided && ctx.s.shown === undefined && ctx.factsChanged) return;
    const submissionDate = extractDate(text, ctx.now) ?? isoDay(ctx.now);
    const specific = routeSpecifics(det, ctx.s.facts, intent as string, { submissionDate });
    if (specific) {
      reply(ctx, specific);
      return;
    }
  }
  const id = topic ?? byIntent;
  const answer = id ? faqAnswer(id) : undefined;
  reply(ctx, answer ?? say('faqNotFound'));
}

export const sideQuestion: Flow = {
  start(ctx, cmd) {
    const open = ctx.s.flows.length > 0;
    if (cmd.type === 'ask-topic') answerTopic(ctx, cmd.intent, cmd.topic, cmd.text);
    else if (cmd.type === 'out-of-scope') {
      reply(ctx, say('outOfScope'));
      // with a question open, that question follows instead of a second numbered list
      if (!open) askUser(ctx, say('menuPrompt'), dialog.menu);
    } else if (cmd.type === 'small-talk') {
      const line =
        cmd.kind === 'thanks' ? 'smalltalkThanks' : cmd.kind === 'bye' ? 'smalltalkBye' : 'smalltalkHello';
      if (line !== 'smalltalkHello' || !ctx.greeted) reply(ctx, say(line));
      if (line === 'smalltalkHello' && !open) askUser(ctx, say('menuPrompt'), dialog.menu);
    }
    return done();
  },
  accepts: () => false,
  handle: () => done(),
  resume: () => done(),
};
