// Free text: an answer to the open question, a story with facts, a side question, or a topic.
import { findFaq } from '../knowledge/explain.ts';
import type { FactName, Facts } from '../rules/types.ts';
import { validateFacts } from '../rules/validate.ts';
import { applyPreset, handoff, mainMenu } from './commands.ts';
import { type Ctx, checkpoint, reply } from './context.ts';
import { docHint, draftText, startDraft } from './draft-flow.ts';
import { answerFaq, faqChoice } from './faq.ts';
import { advance, answer, answerUnknown, ask, describeFact, readAnswer, reaskWithHint } from './interview.ts';
import { CONFIDENCE_FLOOR, type Intent, understand } from './nlu/index.ts';
import { setFact } from './session.ts';
import { dialog, say } from './texts.ts';

export async function onText(ctx: Ctx, text: string): Promise<void> {
  const s = ctx.s;
  const p = s.pending;
  if (p?.kind === 'draft-field' || p?.kind === 'draft-confirm') {
    // Navigation-like questions still go to the NLU; everything else is the field's value.
    return draftText(ctx, text);
  }
  if (p?.kind === 'fact' && QUESTION_CLAUSE.test(text)) {
    // A question is not an answer: 「要去哪里办」 must not read as "not filed yet".
    const q = understand(text, { now: ctx.now });
    if (!Object.keys(q.facts).length && q.confidence >= CONFIDENCE_FLOOR && SIDE_INTENTS.has(q.intent)) {
      ctx.intent = q.intent;
      ctx.confidence = q.confidence;
      answerSide(ctx, q.intent, text);
      return ask(ctx, p.fact);
    }
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
  const clauses = text.split(/(?<=[。！!？?；;\n，,])/).map((c) => c.trim());
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

export async function onIntent(ctx: Ctx, intent: Intent, text: string): Promise<void> {
  ctx.intent = intent;
  if (INTERVIEW_INTENTS.has(intent)) {
    applyPreset(ctx, dialog.intentFacts[intent] ?? {});
    sideQuestion(ctx, text);
    return advance(ctx);
  }
  if (intent === 'draft') return startDraft(ctx, docHint(text, ctx.s.facts.docType));
  if (intent === 'smalltalk') {
    const has = (list: string) =>
      ((dialog[list] ?? []) as string[]).some((w) => text.toLowerCase().includes(w));
    const line = has('thanksWords') ? 'smalltalkThanks' : has('byeWords') ? 'smalltalkBye' : 'smalltalkHello';
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
    // with a question open, that question follows instead of a second numbered list
    if (ctx.s.pending?.kind !== 'fact') mainMenu(ctx);
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

export function askContradiction(ctx: Ctx, fact: FactName, value: unknown): void {
  const oldText = describeFact(fact, ctx.s.facts[fact]);
  const newText = describeFact(fact, value);
  ctx.s.pending = { kind: 'contradiction', fact, value };
  reply(ctx, say('contradiction', { old: oldText, new: newText }), [
    { id: 'x:old', label: say('keepOld', { old: oldText }) },
    { id: 'x:new', label: say('takeNew', { new: newText }) },
  ]);
}
