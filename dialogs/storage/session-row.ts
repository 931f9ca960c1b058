// A session as its database row holds it: without its history (the case's transcript keeps that)
// and with the undo stack (返回) as differences. Each undo entry is a whole copy of the facts before
// a change, up to 30 of them: about three quarters of a session's JSON. Stored whole, a session of a
// long call (~5 KB) no longer fits its table page, and every turn rewrote its overflow pages too
// (about 4 of the ~13 pages a turn's commit writes). Stored as what each entry changes against the
// state after it, the row is ~1.5 KB, and it reads back exactly as it was written.
import type { FactName, Facts } from '../../rules/types.ts';
import type { Session } from '../session.ts';

type Undo = Session['undo'][number];
type Values = Record<string, unknown>;

/**
 * One undo entry as a difference against the next newer state (the next entry, or the session's
 * own facts for the last one): `s` the facts it had otherwise, `d` the facts it did not have,
 * `u` its unknown facts when they differ.
 */
interface UndoDiff {
  s?: Values;
  d?: string[];
  u?: FactName[];
}
/** an entry whose facts would come back in another key order is stored whole */
interface UndoWhole {
  f: Facts;
  u: FactName[];
}
type StoredUndo = UndoDiff | UndoWhole;

/** the row's field for the undo stack as differences (a row without it holds `undo` whole) */
const DIFFS = 'undoDiffs';

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Whether the entry read back from its difference keeps its keys' order (which what reads them, a
 * 返回 message listing what changed, depends on): the next state's keys it shares, in the next
 * state's order, then its own others. Undefined values count as absent: JSON leaves them out.
 */
function keepsOrder(entry: Values, next: Values): boolean {
  const mine = Object.keys(entry);
  let i = 0;
  const skip = () => {
    while (i < mine.length && entry[mine[i] as string] === undefined) i++;
  };
  for (const k in next) {
    if (next[k] === undefined || entry[k] === undefined) continue;
    skip();
    if (mine[i] !== k) return false;
    i++;
  }
  for (skip(); i < mine.length; i++, skip()) if (next[mine[i] as string] !== undefined) return false;
  return true;
}

function diffOf(entry: Undo, next: Undo): StoredUndo {
  const facts = entry.facts as Values;
  const after = next.facts as Values;
  if (!keepsOrder(facts, after)) return { f: entry.facts, u: entry.unknown };
  const diff: UndoDiff = {};
  let set: Values | undefined;
  for (const k in facts) {
    const v = facts[k];
    if (v === undefined) continue;
    // objects are stored whole: a fact read back must not share a value with another entry
    if (v !== after[k] || (typeof v === 'object' && v !== null)) {
      set ??= diff.s = {};
      set[k] = v;
    }
  }
  let gone: string[] | undefined;
  for (const k in after) {
    if (after[k] === undefined || facts[k] !== undefined) continue;
    gone ??= diff.d = [];
    gone.push(k);
  }
  if (!sameList(entry.unknown, next.unknown)) diff.u = entry.unknown;
  return diff;
}

function entryOf(stored: StoredUndo, next: Undo): Undo {
  if ('f' in stored) return { facts: stored.f, unknown: stored.u };
  const after = next.facts as Values;
  const set = stored.s;
  const gone = stored.d;
  const facts: Values = {};
  for (const k in after) {
    if (after[k] === undefined || gone?.includes(k)) continue;
    facts[k] = set && Object.hasOwn(set, k) ? set[k] : after[k];
  }
  if (set) for (const k in set) if (!Object.hasOwn(facts, k)) facts[k] = set[k];
  return { facts: facts as Facts, unknown: stored.u ?? next.unknown.slice() };
}

/** The session's row text: no history, the undo stack as differences. */
export function sessionRow(s: Session): string {
  const undo = Array.isArray(s.undo) ? s.undo : [];
  const diffs: StoredUndo[] = new Array(undo.length);
  let next: Undo = { facts: s.facts ?? {}, unknown: Array.isArray(s.unknown) ? s.unknown : [] };
  for (let i = undo.length - 1; i >= 0; i--) {
    const entry = undo[i] as Undo;
    diffs[i] = diffOf(entry, next);
    next = entry;
  }
  // `undo: []` stays: a release from before the differences still reads the session (without 返回)
  return JSON.stringify({ ...s, history: undefined, undo: [], [DIFFS]: diffs });
}

/**
 * A session from its row text (without its history: the caller adds it), or undefined when the
 * text is not JSON. Rows written before the undo stack was stored as differences read as they are.
 */
export function sessionFromRow(text: string): Session | undefined {
  let s: Session & { [DIFFS]?: StoredUndo[] };
  try {
    s = JSON.parse(text);
  } catch {
    return undefined;
  }
  const diffs = s?.[DIFFS];
  if (!Array.isArray(diffs) || typeof s.facts !== 'object' || s.facts === null) return s;
  const undo: Undo[] = new Array(diffs.length);
  let next: Undo = { facts: s.facts, unknown: Array.isArray(s.unknown) ? s.unknown : [] };
  for (let i = diffs.length - 1; i >= 0; i--) {
    next = entryOf(diffs[i] as StoredUndo, next);
    undo[i] = next;
  }
  delete s[DIFFS];
  s.undo = undo;
  return s;
}
