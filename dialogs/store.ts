// Session storage behind a four-method interface (in the spirit of grammY's StorageAdapter), so the
// engine never knows whether sessions live in lowdb, in memory, or elsewhere.
import { mkdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import type { Logger } from './log.ts';

export interface Store<T> {
  read(key: string): Promise<T | undefined>;
  write(key: string, value: T): Promise<void>;
  delete(key: string): Promise<void>;
  /** every key with its value, for expiry and statistics */
  entries(): AsyncIterable<[string, T]>;
  /** write out anything pending; resolves when it is on disk (or persistence is off) */
  flush(): Promise<void>;
}

export function memoryStore<T>(): Store<T> {
  const map = new Map<string, T>();
  return {
    read: async (key) => map.get(key),
    write: async (key, value) => void map.set(key, value),
    delete: async (key) => void map.delete(key),
    async *entries() {
      yield* map.entries();
    },
    flush: async () => {},
  };
}

export interface LowdbStoreOptions {
  dir: string;
  file?: string;
  /** how long writes are gathered before the whole file is rewritten once */
  flushMs?: number;
  log: Logger;
}

type Data<T> = { version: 1; sessions: Record<string, T> };

/**
 * Reads the database file; a file that is not valid JSON is moved aside (kept for inspection,
 * never deleted) so the bot starts fresh instead of refusing to start.
 */
function readOrQuarantine<T>(path: string, log: Logger): Data<T> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, sessions: {} };
    log.error(
      { path, err: (err as Error).message },
      'session file unreadable: starting without stored sessions',
    );
    return { version: 1, sessions: {} };
  }
  try {
    const parsed = JSON.parse(text) as Data<T>;
    if (parsed && typeof parsed === 'object' && parsed.sessions && typeof parsed.sessions === 'object')
      return parsed;
    throw new Error('no "sessions" object');
  } catch (err) {
    const aside = `${path}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    try {
      renameSync(path, aside);
      log.error(
        { path, movedTo: aside, err: (err as Error).message },
        'session file is corrupt: moved it aside and started fresh (inspect or delete the moved file)',
      );
    } catch (renameErr) {
      log.error(
        { path, err: (renameErr as Error).message },
        'session file is corrupt and cannot be moved aside',
      );
    }
    return { version: 1, sessions: {} };
  }
}

/**
 * lowdb-backed store. The whole file is rewritten per write (lowdb's design), so writes are
 * coalesced: a burst of turns costs one rewrite. lowdb writes through a temp file + rename, so a
 * crash mid-write leaves the old or the new file, never a torn one. If the directory cannot be
 * written (read-only, disk full), the store keeps answering from memory and logs that once.
 */
export function lowdbStore<T>(opts: LowdbStoreOptions): Store<T> & { persistent(): boolean } {
  const path = join(opts.dir, opts.file ?? 'sessions.json');
  const log = opts.log;
  let persistent = true;
  try {
    mkdirSync(opts.dir, { recursive: true });
  } catch (err) {
    persistent = false;
    log.error(
      { dir: opts.dir, err: (err as Error).message },
      'data directory unusable: sessions are kept in memory only',
    );
  }
  const db = new Low<Data<T>>(new JSONFile<Data<T>>(path), { version: 1, sessions: {} });
  db.data = readOrQuarantine<T>(path, log);
  const flushMs = opts.flushMs ?? 200;
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> = Promise.resolve();

  const writeNow = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (!persistent) return writing;
    writing = writing.then(() =>
      db.write().catch((err: unknown) => {
        persistent = false;
        log.error(
          { path, err: (err as Error).message },
          'cannot write sessions: continuing without persistence (check the data directory is writable and not full)',
        );
      }),
    );
    return writing;
  };
  const schedule = () => {
    if (!timer && persistent) {
      timer = setTimeout(writeNow, flushMs);
      timer.unref();
    }
  };

  return {
    read: async (key) => db.data.sessions[key],
    write: async (key, value) => {
      db.data.sessions[key] = value;
      schedule();
    },
    delete: async (key) => {
      delete db.data.sessions[key];
      schedule();
    },
    async *entries() {
      yield* Object.entries(db.data.sessions);
    },
    flush: writeNow,
    persistent: () => persistent,
  };
}
