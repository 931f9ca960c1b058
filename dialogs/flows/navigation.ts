// Moving around the conversation: /start, the menu, 帮助, 返回 (undo), 修改 (edit), 重新开始, /forget,
// staff's /set, and what to say for a message or button that means nothing here.
import { factLabel } from '../../knowledge/lookup.ts';
import { FACT_KINDS, FACT_NAMES, type FactName } from '../../rules/types.ts';
import { factProblem } from '../../rules/validate.ts';
import { type Command, commandId } from '../command.ts';
import { askUser, type Ctx, changeFact, factsReplaced, reply } from '../context.ts';
import { parseAnswer } from '../nlu/index.ts';
import { newSession } from '../session.ts';
import { dialog, say } from '../texts.ts';
import type { Choice } from '../types.ts';
import { closeAll, done, type Flow, type Step, wait } from './flow.ts';
import { describeFact, faqMenu } from './shared.ts';

const STAFF_CHANNELS = new Set<string>(['staff', 'web', 'cli']);

function menu(ctx: Ctx): Step {
  askUser(ctx, say('menuPrompt'), dialog.menu);
  return closeAll();
}

function hasProgress(ctx: Ctx): boolean {
  return Object.keys(ctx.s.facts).length > 0 || ctx.s.flows.length > 0 || ctx.s.draft !== undefined;
}

/** Back to where the conversation was: the open question, or the interview on the known facts. */
function resumeWhereLeft(ctx: Ctx): Step {
  if (ctx.s.flows.length) return done();
  return wait({ flow: 'interview' });
}

function undo(ctx: Ctx): Step {
  const s = ctx.s;
  const last = s.undo.pop();
  if (!last) {
    reply(ctx, say('nothingToUndo'));
    return ctx.s.flows.length ? done() : menu(ctx);
  }
  const changed = (Object.keys({ ...s.facts, ...last.facts }) as FactName[]).filter(
    (f) => s.facts[f] !== last.facts[f],
  );
  const label =
    changed.map((f) => describeFact(f, s.facts[f] ?? last.facts[f])).join('、') || say('unknownChoiceLabel');
  s.facts = last.facts;
  s.unknown = last.unknown;
  factsReplaced(ctx);
  reply(ctx, say('undone', { label }));
  // Ask the undone fact again first, as a user going "back" expects.
  const target = changed.find((f) => s.facts[f] === undefined);
  s.flows = [];
  return target
    ? { next: 'done', followUp: [{ type: 'edit-fact', fact: target }] }
    : wait({ flow: 'interview' });
}

function editMenu(ctx: Ctx): Step {
  const known = [
    ...(Object.keys(ctx.s.facts) as FactName[]).filter((f) => f !== 'docType'),
    ...ctx.s.unknown,
  ];
  if (!known.length) {
    reply(ctx, say('editNothing'));
    return done();
  }
  const choices: Choice[] = known.map((f) => ({
    id: commandId({ type: 'edit-fact', fact: f }),
    label:
      ctx.s.facts[f] === undefined
        ? `${factLabel(f)}：${say('unknownChoiceLabel')}`
        : describeFact(f, ctx.s.facts[f]),
  }));
  askUser(ctx, say('editPrompt'), choices);
  return closeAll();
}

function reset(ctx: Ctx): Step {
  // Everything of the old case goes (draft fields included): only the chat history stays.
  const s = ctx.s;
  const history = s.history;
  for (const k of Object.keys(s)) delete (s as unknown as Record<string, unknown>)[k];
  Object.assign(s, newSession(ctx.now.getTime()), { history });
  factsReplaced(ctx);
  reply(ctx, say('restarted'));
  return menu(ctx);
}

function navigate(ctx: Ctx, to: Extract<Command, { type: 'navigate' }>['to']): Step {
  switch (to) {
    case 'start':
      if (!hasProgress(ctx)) {
        reply(ctx, say('greeting'));
        return menu(ctx);
      }
      reply(ctx, say('resume'));
      return resumeWhereLeft(ctx);
    case 'menu':
      return menu(ctx);
    case 'help':
      reply(ctx, `${say('help')}\n${say('helpCommands')}`);
      return done();
    case 'reset':
      return reset(ctx);
    case 'forget':
      ctx.replies.push({ kind: 'text', text: say('forgotten') });
      ctx.forget = true;
      return closeAll();
    case 'undo':
      return undo(ctx);
    case 'edit':
      return editMenu(ctx);
    case 'faq-menu':
      faqMenu(ctx);
      return done();
    case 'bye':
      reply(ctx, say('smalltalkBye'));
      return done();
  }
}

function unclear(ctx: Ctx, cmd: Extract<Command, { type: 'unclear' }>): Step {
  const open = ctx.s.flows.length > 0;
  switch (cmd.why) {
    case 'empty':
      if (!open && !Object.keys(ctx.s.facts).length && !ctx.s.history.some((h) => h.from === 'bot')) {
        reply(ctx, say('greeting'));
        return menu(ctx);
      }
      askUser(ctx, say('emptyMessage'), ctx.s.choices.length ? ctx.s.choices : undefined);
      return done();
    case 'no-chinese':
      askUser(ctx, say('notUnderstoodHint'), dialog.menu);
      return closeAll();
    case 'number-range':
      askUser(ctx, say('pickRange', { n: ctx.s.choices.length }), ctx.s.choices);
      return done();
    case 'unknown-command':
      reply(ctx, say('unknownCommand', { command: `/${(cmd.detail ?? '').slice(0, 20)}` }));
      return done();
    default:
      // A button from an old message, or one that makes no sense now: say so and show where we are.
      reply(ctx, say('expiredChoice'));
      return open ? done() : menu(ctx);
  }
}

/** What a fact accepts, in the staff's words. */
function expectedValue(fact: FactName): string {
  const spec = FACT_KINDS[fact];
  if (spec.kind === 'boolean') return say('staffSetExpectBoolean');
  if (spec.kind === 'year') return say('staffSetExpectYear');
  if (spec.kind === 'count') return say('staffSetExpectCount');
  // amounts and dates: the check's own wording (rules/validate.ts) says what is accepted
  if (spec.kind === 'amount' || spec.kind === 'date') return factProblem(fact, null) ?? '';
  return say('staffSetExpectEnum', {
    choices: spec.values.map((v) => `${v}（${describeFact(fact, v).replace(/^.*?：/, '')}）`).join('、'),
  });
}

/** A /set value: the interview's own answer reading first (是/否, 个体户, 2021年), then the raw id. */
function parseSetValue(fact: FactName, raw: string, now: Date): unknown {
  const v = raw.trim();
  const spec = FACT_KINDS[fact];
  if (spec.kind === 'enum' && (spec.values as readonly string[]).includes(v)) return v;
  if ((spec.kind === 'year' || spec.kind === 'count' || spec.kind === 'amount') && /^\d+$/.test(v))
    return Number(v);
  if (spec.kind === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return v;
  if (spec.kind === 'boolean' && /^(true|false)$/i.test(v)) return v.toLowerCase() === 'true';
  const understood = parseAnswer(fact, v, { now });
  return understood === 'unknown' ? undefined : understood;
}

/** Entering facts wholesale is a staff tool; elsewhere it is just an unknown command. */
function staffSet(ctx: Ctx, args: string[]): Step {
  if (!STAFF_CHANNELS.has(ctx.turn.channel)) {
    reply(ctx, say('unknownCommand', { command: '/set' }));
    return done();
  }
  if (!args.length) {
    const names = FACT_NAMES.filter((f) => f !== 'docType')
      .map((f) => `${f}（${factLabel(f)}）`)
      .join('、');
    reply(ctx, say('staffSetUsage', { names }));
    return done();
  }
  const input: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const arg of args) {
    const m = /^([A-Za-z]+)=(.*)$/.exec(arg);
    if (!m) {
      problems.push(say('staffSetShape', { arg: arg.slice(0, 40) }));
      continue;
    }
    const [, name = '', rawValue = ''] = m;
    if (!Object.hasOwn(FACT_KINDS, name) || name === 'docType') {
      problems.push(say('staffSetBadName', { name: name.slice(0, 40) }));
      continue;
    }
    const fact = name as FactName;
    const value = parseSetValue(fact, rawValue, ctx.now);
    if (value === undefined || factProblem(fact, value, ctx.now)) {
      problems.push(
        say('staffSetBadValue', {
          label: factLabel(fact),
          name,
          value: rawValue.slice(0, 40),
          expected: expectedValue(fact),
        }),
      );
      continue;
    }
    input[fact] = value;
  }
  if (problems.length) {
    reply(ctx, say('staffSetProblems', { problems: problems.join('；') }));
    return done();
  }
  for (const [name, value] of Object.entries(input)) changeFact(ctx, name as FactName, value);
  Object.assign(ctx.understood, input);
  reply(
    ctx,
    say('staffSetDone', {
      facts: (Object.entries(input) as [FactName, unknown][]).map(([f, v]) => describeFact(f, v)).join('，'),
    }),
  );
  return done();
}

export const navigation: Flow = {
  start(ctx, cmd) {
    if (cmd.type === 'navigate') return navigate(ctx, cmd.to);
    if (cmd.type === 'staff-set') return staffSet(ctx, cmd.args);
    if (cmd.type === 'unclear') return unclear(ctx, cmd);
    return done();
  },
  accepts: () => false,
  handle: () => done(),
  resume: () => done(),
};
