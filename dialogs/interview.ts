// The situation interview: ask what evaluate() reports missing, one question at a time, and explain
// the determination once the route is decided. There is no decision tree here: the rules decide.
import { explain, summariseFacts } from '../knowledge/explain.ts';
import { loadKnowledge } from '../knowledge/load.ts';
import type { Question } from '../knowledge/schema.ts';
import { evaluate } from '../rules/evaluate.ts';
import { BRANCHING_FACTS } from '../rules/routes.ts';
import { type Determination, FACT_KINDS, type FactName, type Facts } from '../rules/types.ts';
import { factProblem } from '../rules/validate.ts';
import { type Ctx, checkpoint, reply } from './context.ts';
import { parseAnswer } from './nlu/index.ts';
import { setFact } from './session.ts';
import { dialog, say } from './texts.ts';
import type { Choice } from './types.ts';

export const UNKNOWN_CHOICE = 'v:?';

/** Choice id for a fact value: short ASCII, well within Telegram's 64-byte callback limit. */
export function valueChoiceId(value: unknown): string {
  return `v:${String(value)}`;
}

export function choiceValue(fact: FactName, id: string): unknown {
  const raw = id.slice(2);
  const spec = FACT_KINDS[fact];
  if (spec.kind === 'boolean') return raw === 'true' ? true : raw === 'false' ? false : undefined;
  if (spec.kind === 'enum') return (spec.values as readonly string[]).includes(raw) ? raw : undefined;
  const n = Number(raw);
  return Number.isInteger(n) ? n : undefined;
}

function question(fact: FactName) {
  const questions = loadKnowledge().questions as Record<string, Question | undefined>;
  const q = Object.hasOwn(questions, fact) ? questions[fact] : undefined;
  if (!q) throw new Error(`knowledge/questions.json has no question for "${fact}"`);
  return q;
}

function choicesFor(fact: FactName): Choice[] {
  const q = question(fact);
  const choices: Choice[] = (q.choices ?? []).map((c) => ({
    id: valueChoiceId(c.value),
    label: c.label,
  }));
  return [...choices, { id: UNKNOWN_CHOICE, label: say('unknownChoiceLabel') }];
}

export function ask(ctx: Ctx, fact: FactName, prefix?: string): void {
  ctx.s.pending = { kind: 'fact', fact };
  const q = question(fact);
  reply(ctx, prefix ? `${prefix}\n${q.question}` : q.question, choicesFor(fact));
}

/** Label + value in the user's words, e.g. 「主体类型：个体工商户」. */
export function describeFact(fact: FactName, value: unknown): string {
  return summariseFacts({ [fact]: value } as Facts)[0] ?? `${fact}: ${String(value)}`;
}

/**
 * Records an answer (undoable) and moves the interview on. `alsoSaid` merges facts mentioned beside
 * the answer; it returns true when it had to ask a question of its own (a contradiction).
 */
export function answer(ctx: Ctx, fact: FactName, value: unknown, alsoSaid?: () => boolean): void {
  if (factProblem(fact, value, ctx.now)) {
    reaskWithHint(ctx, fact);
    return;
  }
  checkpoint(ctx);
  setFact(ctx.s, fact, value as never);
  ctx.understood[fact] = value as never;
  ctx.s.pending = undefined;
  if (alsoSaid?.()) return;
  advance(ctx);
}

export function reaskWithHint(ctx: Ctx, fact: FactName): void {
  ask(ctx, fact, `${say('askAgainPrefix')}${question(fact).hint}`);
}

/** 「不清楚」: say how to find out, then go on with what can be decided without it. */
export function answerUnknown(ctx: Ctx, fact: FactName): void {
  checkpoint(ctx);
  if (!ctx.s.unknown.includes(fact)) ctx.s.unknown.push(fact);
  ctx.s.pending = undefined;
  if (BRANCHING_FACTS.includes(fact)) {
    reply(ctx, `${say('unknownAnswer')}${question(fact).howToFindOut}\n${say('branchUnknown')}`);
    reply(ctx, say('resultNote'), resultActions(evaluate(ctx.s.facts)));
    return;
  }
  reply(ctx, `${say('unknownAnswer')}${question(fact).howToFindOut}\n${say('skippedUnknown')}`);
  advance(ctx);
}

/** What can follow a result: drafting only where the route has something to submit. */
export function resultActions(det: Determination): Choice[] {
  return dialog.resultActions.filter(
    (a) => a.id !== 'a:draft' || (det.eligible === true && det.documents.length > 0),
  );
}

/** Tries to read `text` as the answer to the pending question about `fact`. */
export function readAnswer(ctx: Ctx, fact: FactName, text: string): unknown | 'unknown' | undefined {
  const byLabel = choicesFor(fact).find((c) => c.label === text.trim());
  if (byLabel) return byLabel.id === UNKNOWN_CHOICE ? 'unknown' : choiceValue(fact, byLabel.id);
  return parseAnswer(fact, text, { now: ctx.now });
}

/** Asks the next missing fact, or explains the determination when nothing more can be asked. */
export function advance(ctx: Ctx): void {
  const det = evaluate(ctx.s.facts);
  const next = det.missing.find((f) => !ctx.s.unknown.includes(f));
  if (next) {
    ask(ctx, next);
    return;
  }
  ctx.s.pending = undefined;
  reply(ctx, explain(det, ctx.s.facts, { submissionDate: isoDay(ctx.now), today: isoDay(ctx.now) }));
  const waiting = ctx.s.draftAfter;
  if (waiting) {
    // The document asked for earlier can be drafted now that the route is decided (or not at all).
    ctx.s.draftAfter = undefined;
    ctx.afterResult = waiting;
    return;
  }
  reply(ctx, say('resultNote'), resultActions(det));
}

export function isoDay(d: Date): string {
  // the bureau's calendar: China Standard Time, whatever the server's zone
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
