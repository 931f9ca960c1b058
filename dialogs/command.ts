// What one turn asks the bot to do, as data. Free text is understood into these; a button id is one
// of them serialised, so a tap and a typed sentence take the same path (docs/design: one turn as data).
import { FACT_KINDS, type FactName, type Facts } from '../rules/types.ts';
import type { Intent } from './nlu/index.ts';
import type { Frame } from './session.ts';

export type NavTarget = 'start' | 'menu' | 'help' | 'reset' | 'forget' | 'undo' | 'edit' | 'faq-menu' | 'bye';
export type InterviewTopic =
  | 'repair'
  | 'minor_error'
  | 'address_change'
  | 'revocation_risk'
  | 'penalty'
  | 'serious_list';

export type Command =
  /** facts stated in the message (or given by a menu topic); `hedged` were said with 「好像」「可能」 */
  | { type: 'set-facts'; facts: Facts; hedged?: FactName[] }
  /** the answer to the open question */
  | { type: 'answer'; fact: FactName; value: unknown }
  /** earlier values the user said were wrong, with the right ones: they replace, no question asked */
  | { type: 'correct'; facts: Facts }
  /** to 「以哪个为准」: the earlier value stays */
  | { type: 'keep'; fact: FactName }
  | { type: 'dont-know'; fact: FactName }
  /** the open question's answer was given with a hedge: asked back, not taken */
  /** (oneYear: one year's report told filed; reportYearUnknown: a report told whose year is not known) */
  | { type: 'hedge'; fact: FactName; oneYear?: boolean; reportYearUnknown?: boolean }
  /** a question beside the case: an intent (documents, timeline …) and the FAQ entry when one fits */
  | { type: 'ask-topic'; intent?: Intent; topic?: string; text: string }
  /** not sure what was meant: offer these */
  | { type: 'clarify'; options: Intent[]; text: string }
  /** one of the offered meanings picked */
  | { type: 'choose'; intent: Intent }
  /** `guessed`: the topic is an unsure reading of free text, so it presumes none of its facts */
  | { type: 'interview'; topic: InterviewTopic; guessed?: true }
  | { type: 'draft'; doc?: string; fromChat?: string }
  | { type: 'field-value'; value: string }
  | { type: 'pick-field'; field: string; value: string }
  | { type: 'edit-field'; field: string }
  | { type: 'edit-fact'; fact: FactName }
  | { type: 'confirm' }
  | { type: 'cancel' }
  | { type: 'skip' }
  | { type: 'draft-edit' }
  | { type: 'navigate'; to: NavTarget }
  /** the full explanation of the current result (「详细」) */
  | { type: 'explain' }
  /** 「现在可以申请了吧」「那还能免列异吗」: where the case stands, in a few lines */
  | { type: 'verdict' }
  | { type: 'hand-off' }
  | { type: 'small-talk'; kind: 'hello' | 'thanks' | 'bye' }
  | { type: 'staff-set'; args: string[] }
  | { type: 'out-of-scope'; text: string }
  /** a message or button that means nothing here; `why` picks the wording */
  | {
      type: 'unclear';
      why: 'empty' | 'no-chinese' | 'not-an-answer' | 'stale' | 'number-range' | 'unknown-command';
      detail?: string;
    };

/** Serialises a command into a button id: readable, ASCII, within Telegram's 64-byte callback data. */
export function commandId(c: Command): string {
  switch (c.type) {
    case 'answer':
      return `answer:${c.fact}=${String(c.value)}`;
    case 'dont-know':
      return `dont-know:${c.fact}`;
    case 'keep':
      return `keep:${c.fact}`;
    case 'correct': {
      const [fact, value] = Object.entries(c.facts)[0] ?? ['', ''];
      return `correct:${fact}=${String(value)}`;
    }
    case 'ask-topic':
      return `faq:${c.topic ?? c.intent ?? ''}`;
    case 'choose':
      return `choose:${c.intent}`;
    case 'interview':
      return `interview:${c.topic}`;
    case 'draft':
      return c.doc ? `draft:${c.doc}` : 'draft';
    case 'pick-field':
      return `field:${c.field}=${c.value}`;
    case 'edit-field':
      return `edit-field:${c.field}`;
    case 'edit-fact':
      return `edit:${c.fact}`;
    case 'navigate':
      return `go:${c.to}`;
    default:
      return c.type;
  }
}

const NAV_TARGETS = new Set<string>([
  'start',
  'menu',
  'help',
  'reset',
  'forget',
  'undo',
  'edit',
  'faq-menu',
  'bye',
]);
const TOPICS = new Set<string>([
  'repair',
  'minor_error',
  'address_change',
  'revocation_risk',
  'penalty',
  'serious_list',
]);

function factValue(fact: string, raw: string): { fact: FactName; value: unknown } | undefined {
  if (!Object.hasOwn(FACT_KINDS, fact)) return undefined;
  const spec = FACT_KINDS[fact as FactName];
  let value: unknown;
  if (spec.kind === 'boolean') value = raw === 'true' ? true : raw === 'false' ? false : undefined;
  else if (spec.kind === 'enum') value = (spec.values as readonly string[]).includes(raw) ? raw : undefined;
  else if (spec.kind === 'date') value = /^\d{4}-\d{2}-\d{2}$/.test(raw) ? raw : undefined;
  else value = /^\d+$/.test(raw) ? Number(raw) : undefined;
  return value === undefined ? undefined : { fact: fact as FactName, value };
}

/**
 * A button id back into its command; undefined for anything unknown or forged. `open` is the flow
 * open when the button is pressed: ids of the previous release (`v:true`, `k:ok` …) still
 * work, so buttons on messages sent before an upgrade are not dead.
 */
export function parseCommandId(id: string, open?: Frame): Command | undefined {
  const colon = id.indexOf(':');
  const head = colon < 0 ? id : id.slice(0, colon);
  const arg = colon < 0 ? '' : id.slice(colon + 1);
  const eq = arg.indexOf('=');
  const [key, raw] = eq < 0 ? [arg, ''] : [arg.slice(0, eq), arg.slice(eq + 1)];
  switch (head) {
    case 'answer': {
      const fv = factValue(key, raw);
      return fv && { type: 'answer', ...fv };
    }
    case 'correct': {
      const fv = factValue(key, raw);
      return fv && { type: 'correct', facts: { [fv.fact]: fv.value } as Facts };
    }
    case 'dont-know':
    case 'keep':
    case 'edit':
      if (!Object.hasOwn(FACT_KINDS, key)) return undefined;
      return head === 'edit'
        ? { type: 'edit-fact', fact: key as FactName }
        : { type: head, fact: key as FactName };
    case 'faq':
      return arg ? { type: 'ask-topic', topic: arg, text: '' } : undefined;
    case 'choose':
      return arg ? { type: 'choose', intent: arg as Intent } : undefined;
    case 'interview':
      return TOPICS.has(arg) ? { type: 'interview', topic: arg as InterviewTopic } : undefined;
    case 'draft':
      return arg ? { type: 'draft', doc: arg } : { type: 'draft' };
    case 'field':
      return key && eq > 0 ? { type: 'pick-field', field: key, value: raw } : undefined;
    case 'edit-field':
      return arg ? { type: 'edit-field', field: arg } : undefined;
    case 'go':
      return NAV_TARGETS.has(arg) ? { type: 'navigate', to: arg as NavTarget } : undefined;
    case 'confirm':
    case 'cancel':
    case 'skip':
    case 'explain':
    case 'hand-off':
    case 'draft-edit':
      return colon < 0 ? ({ type: head } as Command) : undefined;
  }
  return legacy(head, arg, open);
}

/** Button ids of the previous release (one-letter prefixes), mapped onto the commands they meant. */
function legacy(kind: string, arg: string, open?: Frame): Command | undefined {
  const openFact = open?.flow === 'interview' ? open.asking : undefined;
  switch (kind) {
    case 'm':
      if (arg === 'draft') return { type: 'draft' };
      if (arg === 'faq') return { type: 'navigate', to: 'faq-menu' };
      if (arg === 'human') return { type: 'hand-off' };
      return TOPICS.has(arg) ? { type: 'interview', topic: arg as InterviewTopic } : undefined;
    case 'v':
      if (!openFact) return undefined;
      if (arg === '?') return { type: 'dont-know', fact: openFact };
      return parseCommandId(`answer:${openFact}=${arg}`);
    case 'a':
      if (arg === 'draft') return { type: 'draft' };
      if (arg === 'edit') return { type: 'navigate', to: 'edit' };
      if (arg === 'restart') return { type: 'navigate', to: 'reset' };
      if (arg === 'human') return { type: 'hand-off' };
      return undefined;
    case 'e':
      return parseCommandId(`edit:${arg}`);
    case 'c':
      return parseCommandId(`choose:${arg}`);
    case 'f':
      return parseCommandId(`faq:${arg}`);
    case 'd':
      return parseCommandId(`draft:${arg}`);
    case 'k':
      return arg === 'ok'
        ? { type: 'confirm' }
        : arg === 'cancel'
          ? { type: 'cancel' }
          : arg === 'edit'
            ? { type: 'draft-edit' }
            : undefined;
    case 'g':
      return parseCommandId(`edit-field:${arg}`);
    case 'w':
      return open?.flow === 'draft' && open.field
        ? { type: 'pick-field', field: open.field, value: arg }
        : undefined;
    case 'x':
      if (open?.flow !== 'correction') return undefined;
      return arg === 'new'
        ? { type: 'correct', facts: { [open.fact]: open.value } as Facts }
        : { type: 'keep', fact: open.fact };
  }
  return undefined;
}
