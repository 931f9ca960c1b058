// Commands and navigation words (/start /reset /help /forget /set, 返回, 修改 …) and the menus they show.
import { configuredContacts } from '../knowledge/explain.ts';
import { loadJurisdiction } from '../knowledge/jurisdiction.ts';
import { factLabel } from '../knowledge/lookup.ts';
import { FACT_KINDS, FACT_NAMES, type FactName } from '../rules/types.ts';
import { factProblem } from '../rules/validate.ts';
import { type Ctx, checkpoint, reply } from './context.ts';
import { draftText, startDraft } from './draft-flow.ts';
import { faqMenu } from './faq.ts';
import { advance, ask, describeFact } from './interview.ts';
import { parseAnswer } from './nlu/index.ts';
import { newSession, type Session, sessionKey, setFact } from './session.ts';
import { askContradiction } from './text-turn.ts';
import { dialog, say } from './texts.ts';
import type { Choice } from './types.ts';

/** Words that act as commands anywhere (返回, 修改 …), from knowledge/dialog.json. */
export const NAV = dialog.navWords as Record<string, string>;

const STAFF_CHANNELS = new Set<string>(['staff', 'web', 'cli']);
const COMMANDS = new Set([
  'start',
  'help',
  'reset',
  'forget',
  'human',
  'repair',
  'draft',
  'faq',
  'set',
  'menu',
]);

export function greet(ctx: Ctx): void {
  reply(ctx, say('greeting'));
  reply(ctx, say('menuPrompt'), dialog.menu);
}

export function mainMenu(ctx: Ctx): void {
  ctx.s.pending = undefined;
  reply(ctx, say('menuPrompt'), dialog.menu);
}

function hasProgress(s: Session): boolean {
  return Object.keys(s.facts).length > 0 || s.pending !== undefined || s.draft !== undefined;
}

/** Repeats the open question after a side answer (FAQ, help), so the interview is not lost. */
export function resumePending(ctx: Ctx): void {
  const p = ctx.s.pending;
  if (p?.kind === 'fact') ask(ctx, p.fact);
  else if (p?.kind === 'draft-field' || p?.kind === 'draft-confirm') draftText(ctx, '', { repeat: true });
  else if (p?.kind === 'contradiction') askContradiction(ctx, p.fact, p.value);
}

export async function onCommand(ctx: Ctx, commandLine: string): Promise<boolean> {
  const [rawName = '', ...args] = commandLine.trim().split(/\s+/);
  const name = rawName.toLowerCase().replace(/@.*$/, '');
  const s = ctx.s;
  ctx.intent = 'command';
  switch (name) {
    case 'start':
      if (hasProgress(s)) {
        reply(ctx, say('resume'));
        if (s.pending) resumePending(ctx);
        else advance(ctx);
      } else greet(ctx);
      return false;
    case 'menu':
      mainMenu(ctx);
      return false;
    case 'help':
      reply(ctx, `${say('help')}\n${say('helpCommands')}`);
      resumePending(ctx);
      return false;
    case 'reset': {
      // Everything of the old case goes (draft fields included): only the chat history stays.
      const history = s.history;
      for (const k of Object.keys(s)) delete (s as unknown as Record<string, unknown>)[k];
      Object.assign(s, newSession(ctx.now.getTime()), { history });
      reply(ctx, say('restarted'));
      mainMenu(ctx);
      return false;
    }
    case 'forget':
      ctx.replies.push({ kind: 'text', text: say('forgotten') });
      return true;
    case 'human':
      handoff(ctx);
      return false;
    case 'repair':
      applyPreset(ctx, dialog.menuFacts['m:repair'] ?? {});
      advance(ctx);
      return false;
    case 'draft': {
      // `/draft <doc> from:<group chat>`: a draft moved out of a group keeps the facts told there.
      const from = args.find((a) => a.startsWith('from:'))?.slice(5);
      if (from && !ctx.turn.isGroup) {
        const group = await ctx.opts.readSession(sessionKey({ ...ctx.turn, chatId: from }));
        if (group)
          for (const [f, v] of Object.entries(group.facts))
            if (!(f in s.facts)) setFact(s, f as FactName, v as never);
      }
      const hint = args[0] && args[0] !== '-' && !args[0].startsWith('from:') ? args[0] : undefined;
      await startDraft(ctx, hint);
      return false;
    }
    case 'faq':
      faqMenu(ctx);
      return false;
    case 'set':
      // Entering facts wholesale is a staff tool; elsewhere it is just an unknown command.
      if (STAFF_CHANNELS.has(ctx.turn.channel)) staffSet(ctx, args);
      else reply(ctx, say('unknownCommand', { command: '/set' }));
      return false;
    case 'undo':
      undo(ctx);
      return false;
    case 'edit':
      editMenu(ctx);
      return false;
    case 'bye':
      reply(ctx, say('smalltalkBye'));
      return false;
    default:
      if (!COMMANDS.has(name)) reply(ctx, say('unknownCommand', { command: `/${name.slice(0, 20)}` }));
      return false;
  }
}

export function handoff(ctx: Ctx): void {
  const j = loadJurisdiction();
  const contact = configuredContacts(j).join('，');
  reply(
    ctx,
    contact
      ? say('handoffWithContact', { bureau: j.bureau, contact })
      : say('handoffNoContact', { bureau: j.bureau }),
  );
}

function undo(ctx: Ctx): void {
  const s = ctx.s;
  const last = s.undo.pop();
  if (!last) {
    reply(ctx, say('nothingToUndo'));
    if (s.pending) resumePending(ctx);
    else mainMenu(ctx);
    return;
  }
  const changed = (Object.keys({ ...s.facts, ...last.facts }) as FactName[]).filter(
    (f) => s.facts[f] !== last.facts[f],
  );
  const label =
    changed.map((f) => describeFact(f, s.facts[f] ?? last.facts[f])).join('、') || say('unknownChoiceLabel');
  s.facts = last.facts;
  s.unknown = last.unknown;
  s.pending = undefined;
  reply(ctx, say('undone', { label }));
  // Ask the undone fact again first, as a user going "back" expects.
  const target = changed.find((f) => s.facts[f] === undefined);
  if (target) ask(ctx, target);
  else advance(ctx);
}

export function editMenu(ctx: Ctx): void {
  const known = [
    ...(Object.keys(ctx.s.facts) as FactName[]).filter((f) => f !== 'docType'),
    ...ctx.s.unknown,
  ];
  if (!known.length) {
    reply(ctx, say('editNothing'));
    resumePending(ctx);
    return;
  }
  const choices: Choice[] = known.map((f) => ({
    id: `e:${f}`,
    label:
      ctx.s.facts[f] === undefined
        ? `${factLabel(f)}：${say('unknownChoiceLabel')}`
        : describeFact(f, ctx.s.facts[f]),
  }));
  ctx.s.pending = undefined;
  reply(ctx, say('editPrompt'), choices);
}

function staffSet(ctx: Ctx, args: string[]): void {
  if (!args.length) {
    const names = FACT_NAMES.filter((f) => f !== 'docType')
      .map((f) => `${f}（${factLabel(f)}）`)
      .join('、');
    reply(ctx, say('staffSetUsage', { names }));
    return;
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
    return;
  }
  checkpoint(ctx);
  for (const [name, value] of Object.entries(input)) setFact(ctx.s, name as FactName, value as never);
  Object.assign(ctx.understood, input);
  reply(
    ctx,
    say('staffSetDone', {
      facts: (Object.entries(input) as [FactName, unknown][]).map(([f, v]) => describeFact(f, v)).join('，'),
    }),
  );
  advance(ctx);
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

export function applyPreset(ctx: Ctx, preset: Record<string, unknown>): void {
  const fresh = Object.entries(preset).filter(([f]) => ctx.s.facts[f as FactName] === undefined);
  if (!fresh.length) return;
  checkpoint(ctx);
  for (const [f, v] of fresh) setFact(ctx.s, f as FactName, v as never);
}
