// Who is acting, for the audit trail. Channels wrap their engine calls in `withActor` (the web
// console with the logged-in staff member); the store reads it when it writes audit rows, so the
// engine does not have to carry a name it does not need through every turn.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { FeedChange } from './case-desk.ts';

export interface Actor {
  /** staff user name, or the chat user id */
  actor: string;
  /** web, console, telegram… */
  channel: string;
  /**
   * The change-feed entry a turn's write adds in its own transaction (the web console: colleagues'
   * pages refresh), so a turn commits once. The case id is the store's.
   */
  announce?: Omit<FeedChange, 'caseId'>;
  /**
   * Filled in by the turn's write when a channel passes it (the web console): the rows its
   * transaction added and the case row as it left it, so the answer shows them without reading them
   * back. Left empty when the turn deleted the session instead (/forget).
   */
  written?: TurnRows;
}

/** What one turn's transaction wrote, as the database holds it (column names, JSON texts). */
export interface TurnRows {
  /** the case row after the turn (every column the desk's summary reads) */
  caseRow?: Record<string, unknown>;
  /** transcript rows added, in id order */
  transcript: Record<string, unknown>[];
  /** audit rows added, in id order */
  audit: Record<string, unknown>[];
}

const current = new AsyncLocalStorage<Actor>();

export function withActor<R>(actor: Actor, work: () => R): R {
  return current.run(actor, work);
}

export function currentActor(): Actor | undefined {
  return current.getStore();
}

const CHINA_OFFSET_MS = 8 * 3_600_000;

/**
 * The calendar day in China (YYYY-MM-DD), whatever the server's time zone: the engine counts in it too.
 * China has kept UTC+8 without daylight saving since 1991, so this is plain arithmetic (Intl with
 * Asia/Shanghai gives the same day at many times the cost; it runs in every web turn).
 */
export function chinaDay(d: Date | number): string {
  return new Date((typeof d === 'number' ? d : d.getTime()) + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** Start of a China calendar day (YYYY-MM-DD) in epoch milliseconds. */
export function chinaDayStart(day: string): number {
  return Date.parse(`${day}T00:00:00+08:00`);
}
