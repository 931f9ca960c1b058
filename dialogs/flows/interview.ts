// The situation interview: takes the facts the user states, asks what evaluate() reports missing, one
// question at a time, and tells the determination once decided. There is no decision tree here: the
// rules decide. A later change of facts is told as a change in a few lines; 「详细」 gives the whole.
import { explain, reasonSentence, stepSentences, summariseFacts } from '../../knowledge/explain.ts';
import { loadKnowledge } from '../../knowledge/load.ts';
import { pathLabel } from '../../knowledge/lookup.ts';
import type { Question } from '../../knowledge/schema.ts';
import { isYearOnly } from '../../rules/periods.ts';
import { BRANCHING_FACTS } from '../../rules/routes.ts';
import type { Determination, FactName, Facts } from '../../rules/types.ts';
import { factProblem, validateFacts } from '../../rules/validate.ts';
import { type Command, commandId } from '../command.ts';
import { askUser, type Ctx, changeFact, reply } from '../context.ts';
import type { Frame } from '../session.ts';
import { overStored } from '../stated-over-stored.ts';
import { dialog, say } from '../texts.ts';
import type { Choice } from '../types.ts';
import { done, type Flow, wait } from './flow.ts';
import { isoDay, resultActions } from './shared.ts';

type InterviewFrame = Extract<Frame, { flow: 'interview' }>;

function question(fact: FactName): Question {
  const questions = loadKnowledge().questions as Record<string, Question | undefined>;
  const q = Object.hasOwn(questions, fact) ? questions[fact] : undefined;
  if (!q) throw new Error(`knowledge/questions.json has no question for "${fact}"`);
  return q;
}

/** The buttons of a question: its answers and 「不清楚」, each a serialised command. */
export function choicesFor(fact: FactName): Choice[] {
  const q = question(fact);
  const choices: Choice[] = (q.choices ?? []).map((c) => ({
    id: commandId({ type: 'answer', fact, value: c.value }),
    label: c.label,
  }));
  return [...choices, { id: commandId({ type: 'dont-know', fact }), label: say('unknownChoiceLabel') }];
}

function ask(ctx: Ctx, fact: FactName, prefix?: string): InterviewFrame {
  const q = question(fact);
  // a date told by its year alone is asked again for its day, saying why (rules/periods.ts periodState)
  const year = ctx.s.facts[fact];
  const lead = [
    prefix,
    typeof year === 'string' && isYearOnly(year) ? say('dayOfYearAsked', { year }) : undefined,
  ].filter(Boolean);
  askUser(ctx, lead.length ? `${lead.join('\n')}\n${q.question}` : q.question, choicesFor(fact));
  return { flow: 'interview', asking: fact };
}

const fromText = (ctx: Ctx) => ctx.turn.text !== undefined;

/**
 * Takes the stated facts. A value that differs from one stored earlier is not overwritten silently:
 * how the two meet is decided in one place (stated-over-stored.ts): the correction flow asks which is
 * right, or the stored one stands (a lighter penalty kind of the same decision); an explicit 「说错了」
 * arrives as a `correct` command instead.
 */
function merge(ctx: Ctx, facts: Facts): Frame | undefined {
  const checked = validateFacts(facts, ctx.now);
  const clean: Facts = checked.ok ? checked.facts : {};
  let conflict: Frame | undefined;
  for (const [name, value] of Object.entries(clean) as [FactName, unknown][]) {
    ctx.understood[name] = value as never;
    const old = ctx.s.facts[name];
    if (old === value) continue;
    // 「我以为只是提醒一下」 then 「银行讲我们上了经营异常名录」: what the minor-error topic presumed (not listed) was
    // never told, so a listing told later is no contradiction to ask about
    const meeting = ctx.s.presumed?.includes(name) ? 'take' : overStored(name, old, value, ctx.turn.text);
    if (meeting === 'take' || name === 'docType') changeFact(ctx, name, value, fromText(ctx));
    else if (meeting === 'ask') conflict ??= { flow: 'correction', fact: name, value };
  }
  return conflict;
}

function take(ctx: Ctx, cmd: Command, frame: InterviewFrame | undefined): InterviewFrame | Frame | undefined {
  switch (cmd.type) {
    case 'set-facts':
      return merge(ctx, cmd.facts);
    case 'interview': {
      // a topic presumes its facts (repair: listed) only when it was asked for or read for sure
      const preset = (cmd.guessed ? {} : (dialog.intentFacts[cmd.topic] ?? {})) as Facts;
      for (const [f, v] of Object.entries(preset) as [FactName, unknown][])
        if (ctx.s.facts[f] === undefined) {
          changeFact(ctx, f, v);
          ctx.s.presumed = [...(ctx.s.presumed ?? []), f];
        }
      return undefined;
    }
    case 'answer':
      if (factProblem(cmd.fact, cmd.value, ctx.now)) return ask(ctx, cmd.fact, hint(cmd.fact));
      ctx.understood[cmd.fact] = cmd.value as never;
      changeFact(ctx, cmd.fact, cmd.value, fromText(ctx));
      return undefined;
    case 'hedge':
      return ask(
        ctx,
        cmd.fact,
        cmd.reportYearUnknown
          ? say('reportYearUnknownAsk', { year: ctx.now.getFullYear() - 1 })
          : say(cmd.oneYear ? 'oneYearAsk' : 'hedgeAsk'),
      );
    case 'dont-know':
      return dontKnow(ctx, cmd.fact);
    case 'edit-fact':
      if (!Object.hasOwn(ctx.s.facts, cmd.fact) && !ctx.s.unknown.includes(cmd.fact)) return undefined;
      changeFact(ctx, cmd.fact, undefined);
      return ask(ctx, cmd.fact, say('editAsk'));
    case 'unclear':
      // not an answer to the open question: say what kind of answer it takes
      return frame?.asking ? ask(ctx, frame.asking, hint(frame.asking)) : undefined;
    case 'explain':
      reply(ctx, fullExplanation(ctx, ctx.det()));
      return undefined;
    default:
      return undefined;
  }
}

const hint = (fact: FactName) => `${say('askAgainPrefix')}${question(fact).hint}`;

/** 「不清楚」: say how to find out, then go on with what can be decided without it. */
function dontKnow(ctx: Ctx, fact: FactName): InterviewFrame | undefined {
  if (!ctx.s.unknown.includes(fact)) {
    changeFact(ctx, fact, undefined);
    ctx.s.unknown.push(fact);
  }
  const howTo = `${say('unknownAnswer')}${question(fact).howToFindOut}`;
  if (BRANCHING_FACTS.includes(fact)) {
    // the route itself is unknown: nothing more to ask until they find out
    reply(ctx, `${howTo}\n${say('branchUnknown')}`);
    askUser(ctx, say('resultNote'), resultActions(ctx.det()));
    return { flow: 'interview' };
  }
  reply(ctx, `${howTo}\n${say('skippedUnknown')}`);
  return undefined;
}

/**
 * 「现在可以申请了吧」: a result already told is told again in a few lines (nothing changed since);
 * facts this message changed are told by the result itself; an undecided case says what is still
 * needed, and the open question follows.
 */
function verdict(ctx: Ctx): boolean {
  if (ctx.factsChanged) return false;
  const det = ctx.det();
  const decided = det.missing.every((f) => ctx.s.unknown.includes(f)) && det.path !== 'undetermined';
  if (!decided) reply(ctx, say('verdictNotYet'));
  else if (ctx.s.shown) {
    reply(ctx, changeSummary(ctx, det));
    askUser(ctx, say('resultNote'), resultActions(det));
    return true;
  }
  return false;
}

const ACCEPTS = new Set<Command['type']>([
  'set-facts',
  'verdict',
  'answer',
  'hedge',
  'dont-know',
  'edit-fact',
  'interview',
  'explain',
  'unclear',
]);

export const interview: Flow<InterviewFrame> = {
  start(ctx, cmd) {
    if (cmd.type === 'verdict' && verdict(ctx)) return done();
    const next = take(ctx, cmd, undefined);
    if (cmd.type === 'explain') return done();
    const open = ctx.s.flows.some((f) => f.flow === 'interview');
    if (next && next.flow !== 'interview')
      return open ? { next: 'push', frame: next } : wait({ flow: 'interview' }, next);
    return open ? done() : wait(next ?? { flow: 'interview' });
  },
  accepts: (cmd, frame) =>
    ACCEPTS.has(cmd.type) && (cmd.type !== 'unclear' || cmd.why === 'not-an-answer' || !frame.asking),
  handle(ctx, frame, cmd) {
    if (cmd.type === 'verdict') {
      verdict(ctx);
      return wait(frame);
    }
    const next = take(ctx, cmd, frame);
    if (cmd.type === 'explain') return wait(frame);
    if (next && next.flow !== 'interview') return { next: 'push', frame: next };
    // a question already asked this turn (a hedge asked back, then the message's other facts) stays open
    return wait(next ?? (ctx.asked && frame.asking ? frame : { flow: 'interview' }));
  },
  resume(ctx, frame) {
    const det = ctx.det();
    if (ctx.asked) return wait(frame);
    const next = det.missing.find((f) => !ctx.s.unknown.includes(f));
    if (next)
      return wait(ask(ctx, next, next === (frame.asking ?? ctx.openedWith) ? askingAgain(ctx) : undefined));
    showResult(ctx, det);
    return done();
  },
};

/**
 * askingAgain: the same question once more after a typed message is never a verbatim repeat. One line
 * says what the message gave (「记下了：…」), or that it did not answer this question; after a side
 * answer, that the question is the one still open.
 */
function askingAgain(ctx: Ctx): string | undefined {
  if (!fromText(ctx)) return undefined;
  // a correction already said in its own line what it changed
  if (ctx.commands.some((c) => c.type === 'correct')) return undefined;
  const taken = ctx.changed.filter((f) => ctx.s.facts[f] !== undefined && f !== 'docType');
  if (taken.length) {
    const facts = Object.fromEntries(taken.map((f) => [f, ctx.s.facts[f]])) as Facts;
    return say('askAgainTook', { facts: summariseFacts(facts).join('，') });
  }
  return say(ctx.replies.length ? 'askAgainAfterSide' : 'askAgainNothing');
}

/** One line of what was read from the user's own words, so a misreading is caught before acting on it. */
function understoodLine(ctx: Ctx): string | undefined {
  const read = (ctx.s.fromText ?? []).filter((f) => ctx.s.facts[f] !== undefined && f !== 'docType');
  if (!read.length) return undefined;
  const facts = Object.fromEntries(read.map((f) => [f, ctx.s.facts[f]])) as Facts;
  return say('understoodLine', { facts: summariseFacts(facts).join('，') });
}

function fullExplanation(ctx: Ctx, det: Determination): string {
  if (det.path === 'undetermined' && !Object.keys(ctx.s.facts).length) return say('noResultYet');
  return explain(det, ctx.s.facts, { submissionDate: isoDay(ctx.now), today: isoDay(ctx.now) });
}

/** What changed since the result last shown, in a few lines: the verdict, the next step, 「详细」. */
function changeSummary(ctx: Ctx, det: Determination): string {
  const route = pathLabel(det.path);
  const lines: string[] = [];
  const prev = ctx.s.shown;
  if (prev && prev.path !== det.path) lines.push(say('changedRoute', { route }));
  if (det.eligible === true) {
    lines.push(say('changedNowEligible', { route }));
    // a verdict resting on a presumption (an unsaid entity type) says so even in the short form
    for (const r of det.reasons.filter((x) => x.presumed)) lines.push(reasonSentence(r, ctx.s.facts));
  } else if (det.eligible === false) {
    const why = det.reasons
      .filter((r) => !r.met)
      .map((r) => reasonSentence(r, ctx.s.facts))
      .slice(0, 2)
      .join('；');
    const same = prev?.path === det.path && prev.eligible === det.eligible;
    // a route with no condition to name (nothing fits): say it is unchanged, or just the verdict
    if (why) lines.push(say('changedNotEligible', { route, why }));
    else lines.push(say(same ? 'changedSame' : 'changedNotEligibleNoWhy', { route }));
  } else if (prev?.path === det.path && prev.eligible === det.eligible)
    lines.push(say('changedSame', { route }));
  else lines.push(say('changedUndecided', { route }));
  // undecided: the steps are those of a granted case, so the next thing to do is settle what is open
  const open = det.eligible === null ? det.missing[0] : undefined;
  const step = stepSentences(det, { facts: ctx.s.facts })[0];
  if (open) lines.push(say('nextStepConfirm', { question: question(open).question }));
  else if (step) lines.push(say('nextStep', { step }));
  lines.push(say('detailHint'));
  return lines.join('\n');
}

/**
 * What this turn changed, in one line (「记下了：上一年度纸质年报：已补报并公示」); a correction said
 * its own 「已改为」 line already.
 */
function changedLine(ctx: Ctx): string | undefined {
  if (!fromText(ctx) || ctx.commands.some((c) => c.type === 'correct')) return undefined;
  const taken = ctx.changed.filter((f) => ctx.s.facts[f] !== undefined && f !== 'docType');
  if (!taken.length) return undefined;
  const facts = Object.fromEntries(taken.map((f) => [f, ctx.s.facts[f]])) as Facts;
  return say('changedFacts', { facts: summariseFacts(facts).join('，') });
}

function showResult(ctx: Ctx, det: Determination): void {
  const first = ctx.s.shown === undefined;
  // the first verdict says how the whole story was read; a later one only what this message changed
  const lead = first ? understoodLine(ctx) : changedLine(ctx);
  const body = first ? fullExplanation(ctx, det) : changeSummary(ctx, det);
  reply(ctx, lead ? `${lead}\n\n${body}` : body);
  ctx.s.shown = { path: det.path, eligible: det.eligible };
  // a document asked for earlier waits below: it goes on at once, without the actions menu
  const below = ctx.s.flows.at(-2);
  if (below?.flow === 'draft' && below.step === 'waiting') return;
  askUser(ctx, say('resultNote'), resultActions(det));
}
