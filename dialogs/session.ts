// What the engine remembers per user per chat. Plain JSON, so any Store can keep it.
import type { FactName, Facts } from '../rules/types.ts';
import type { Choice, SessionKey } from './types.ts';

/**
 * One open flow on the session's stack (dialogs/flows/): what it is waiting for, as plain JSON. The top
 * frame is the question on screen; the frames below resume when it is done.
 */
export type Frame =
  | { flow: 'interview'; asking?: FactName }
  | { flow: 'correction'; fact: FactName; value: unknown }
  | { flow: 'clarification'; text: string; options: string[] }
  | {
      flow: 'draft';
      /** waiting: a document asked for before the route was decided; drafted once it is */
      step: 'waiting' | 'pick' | 'field' | 'confirm' | 'edit';
      field?: string;
      want?: string;
    };

/** The previous release kept one `pending` value instead of a stack. */
type LegacyPending =
  | { kind: 'fact'; fact: FactName }
  | { kind: 'contradiction'; fact: FactName; value: unknown }
  | { kind: 'clarify'; text: string }
  | { kind: 'draft-field'; field: string }
  | { kind: 'draft-confirm' };

export interface DraftState {
  docTypes: string[];
  fields: Record<string, string | number>;
  /** fields the user chose to leave blank */
  skipped: string[];
}

export interface Session {
  v: 1;
  createdAt: number;
  updatedAt: number;
  facts: Facts;
  /** facts the user said they don't know: not asked again until they are changed */
  unknown: FactName[];
  /** snapshots of `facts` before each change, for 返回 (undo) */
  undo: { facts: Facts; unknown: FactName[] }[];
  /** the open flows, innermost last */
  flows: Frame[];
  /** the route and eligibility last shown, so a later change is told as a change */
  shown?: { path: string; eligible: boolean | null };
  /** facts read from free text (not tapped): the verdict first says how they were understood */
  fromText?: FactName[];
  /** facts a topic presumed without the user telling them (dialog.json intentFacts: a minor error is
   * not listed): a later statement replaces them instead of being asked back as a contradiction */
  presumed?: FactName[];
  /** the choices last offered, so a bare number typed by the user can be mapped to one */
  choices: Choice[];
  history: { from: 'user' | 'bot'; text: string; at: number }[];
  draft?: DraftState;
}

export const HISTORY_LIMIT = 20;
export const UNDO_LIMIT = 30;
/** history keeps a readable excerpt, not whole 10,000-character messages */
export const HISTORY_TEXT_LIMIT = 500;

export function newSession(now: number): Session {
  return {
    v: 1,
    createdAt: now,
    updatedAt: now,
    facts: {},
    unknown: [],
    undo: [],
    choices: [],
    history: [],
    flows: [],
  };
}

export function sessionKey(key: SessionKey): string {
  return `${key.channel}:${key.chatId}:${key.userId}`;
}

/** Guards against a stored value of another shape (old version, hand-edited file). */
export function isSession(value: unknown): value is Session {
  const s = value as Session;
  return (
    typeof s === 'object' &&
    s !== null &&
    s.v === 1 &&
    typeof s.facts === 'object' &&
    s.facts !== null &&
    Array.isArray(s.history) &&
    Array.isArray(s.undo) &&
    Array.isArray(s.unknown) &&
    Array.isArray(s.choices)
  );
}

/** The top of the flow stack: what the bot is waiting for now. */
export function openFrame(s: Session): Frame | undefined {
  return s.flows.at(-1);
}

/** The fact the open question asks about, if any. */
export function openFact(s: Session): FactName | undefined {
  const f = openFrame(s);
  return f?.flow === 'interview' ? f.asking : undefined;
}

/**
 * Sessions stored by the previous release hold one `pending` value (and `draftAfter`): they become
 * the equivalent stack, so a conversation in progress survives the upgrade.
 */
export function upgradeSession(s: Session): Session {
  const old = s as Session & { pending?: LegacyPending; draftAfter?: string };
  if (Array.isArray(s.flows)) return s;
  const flows: Frame[] = [];
  if (old.draftAfter) flows.push({ flow: 'draft', step: 'waiting', want: old.draftAfter });
  const p = old.pending;
  if (p?.kind === 'fact') flows.push({ flow: 'interview', asking: p.fact });
  else if (p?.kind === 'contradiction')
    flows.push({ flow: 'interview' }, { flow: 'correction', fact: p.fact, value: p.value });
  else if (p?.kind === 'clarify') flows.push({ flow: 'clarification', text: p.text, options: [] });
  else if (p?.kind === 'draft-field') flows.push({ flow: 'draft', step: 'field', field: p.field });
  else if (p?.kind === 'draft-confirm') flows.push({ flow: 'draft', step: 'confirm' });
  delete old.pending;
  delete old.draftAfter;
  s.flows = flows;
  return s;
}

export function remember(s: Session, from: 'user' | 'bot', text: string, now: number): void {
  if (!text) return;
  s.history.push({ from, text: text.slice(0, HISTORY_TEXT_LIMIT), at: now });
  if (s.history.length > HISTORY_LIMIT) s.history.splice(0, s.history.length - HISTORY_LIMIT);
}

export function snapshot(s: Session): void {
  s.undo.push({ facts: { ...s.facts }, unknown: [...s.unknown] });
  if (s.undo.length > UNDO_LIMIT) s.undo.shift();
}

export function setFact<K extends FactName>(s: Session, fact: K, value: Facts[K]): void {
  s.facts[fact] = value;
  s.unknown = s.unknown.filter((f) => f !== fact);
}

/**
 * The facts a verdict may rest on: all stored facts except one the user has just contradicted and
 * not yet settled (「以哪个为准」 is open). Until the user says which value holds, neither may grant
 * 「可以申请」, so the disputed fact counts as not known.
 */
/** The facts an open 「以哪个为准」 holds in dispute. */
export const disputedFacts = (s: Session): FactName[] =>
  s.flows.flatMap((f) => (f.flow === 'correction' ? [f.fact] : []));

export function factsInForce(s: Session): Facts {
  const disputed = disputedFacts(s);
  // (a county in dispute, or put in doubt, is no county of the pilot: an absent inJurisdiction is taken
  // as the configured county (DOMAIN.md §4), which would grant the pilot's routes on a doubted value)
  const countyDoubted = disputed.includes('inJurisdiction') || s.unknown.includes('inJurisdiction');
  if (disputed.length === 0 && !countyDoubted) return s.facts;
  const facts = { ...s.facts };
  for (const f of disputed) delete facts[f];
  if (countyDoubted) facts.inJurisdiction = false;
  return facts;
}

/** What the bot waits for, in one word per kind (for tools and tests that drive a conversation). */
export type Waiting =
  | { kind: 'fact'; fact: FactName }
  | { kind: 'contradiction'; fact: FactName }
  | { kind: 'clarify' }
  | { kind: 'draft-field'; field: string }
  | { kind: 'draft-confirm' }
  | { kind: 'draft-other' };

export function waitingFor(s: Session | undefined): Waiting | undefined {
  const f = s ? openFrame(s) : undefined;
  if (!f) return undefined;
  if (f.flow === 'interview') return f.asking ? { kind: 'fact', fact: f.asking } : undefined;
  if (f.flow === 'correction') return { kind: 'contradiction', fact: f.fact };
  if (f.flow === 'clarification') return { kind: 'clarify' };
  if (f.step === 'field' && f.field) return { kind: 'draft-field', field: f.field };
  if (f.step === 'confirm') return { kind: 'draft-confirm' };
  return { kind: 'draft-other' };
}
