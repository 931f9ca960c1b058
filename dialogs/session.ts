// What the engine remembers per user per chat. Plain JSON, so any Store can keep it.
import type { FactName, Facts } from '../rules/types.ts';
import type { Choice, SessionKey } from './types.ts';

export type Pending =
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
  pending?: Pending;
  /** the choices last offered, so a bare number typed by the user can be mapped to one */
  choices: Choice[];
  history: { from: 'user' | 'bot'; text: string; at: number }[];
  draft?: DraftState;
  /** a document asked for before the interview could vouch for what it states: drafted once decided */
  draftAfter?: string;
}

export const HISTORY_LIMIT = 20;
export const UNDO_LIMIT = 30;
/** history keeps a readable excerpt, not whole 10,000-character messages */
export const HISTORY_TEXT_LIMIT = 500;

export function newSession(now: number): Session {
  return { v: 1, createdAt: now, updatedAt: now, facts: {}, unknown: [], undo: [], choices: [], history: [] };
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
