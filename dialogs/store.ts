// Session storage behind a four-method interface (in the spirit of grammY's StorageAdapter), so the
// engine never knows whether sessions live in lowdb, in memory, or elsewhere.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { mkdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Low } from 'lowdb';
import { DataFile } from 'lowdb/node';
import type { Determination } from '../rules/types.ts';
import type { Logger } from './log.ts';

/** What the engine already knows about a value it writes, so a store need not work it out again. */
export interface WriteHint {
  /** the rules' determination for the session's facts as written */
  determination?: Determination;
  /**
   * This turn's lines in full, in order (the session's history keeps excerpts): a store that keeps a
   * transcript writes these. A button pressed is its label, with the button's id as `choice`.
   */
  said?: SaidLine[];
}

export interface SaidLine {
  from: 'user' | 'bot';
  text: string;
  choice?: string;
}

export interface Store<T> {
  read(key: string): Promise<T | undefined>;
  write(key: string, value: T, hint?: WriteHint): Promise<void>;
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
  // compact JSON: lowdb's JSONFile indents, which makes the file (and each rewrite) about a third larger
  const file = new DataFile<Data<T>>(path, { parse: JSON.parse, stringify: (d) => JSON.stringify(d) });
  const db = new Low<Data<T>>(file, { version: 1, sessions: {} });
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

export interface DirStoreOptions {
  dir: string;
  /** subfolder of `dir` holding one file per session */
  folder?: string;
  /** how long writes are gathered before the changed sessions are written */
  flushMs?: number;
  /** sessions kept in memory beyond those with unwritten changes (least recently used go first) */
  cacheSize?: number;
  log: Logger;
}

const TMP_SUFFIX = '.tmp';
// The callback API, promisified: about half the main-thread time per file of fs/promises, which
// opens a FileHandle object for every write.
const writeFile = promisify(fs.writeFile);
const rename = promisify(fs.rename);
const unlink = promisify(fs.unlink);
const readFile = promisify(fs.readFile);
const readdir = promisify(fs.readdir);
/** files written at once: few, so completions do not pile up between turns and reads of other sessions find a free thread */
const WRITE_BATCH = 2;

/**
 * One file per session. A flush writes only the sessions changed since the last one, so its cost
 * grows with the traffic, not with the number of stored sessions (lowdb rewrites the whole file:
 * with 10,000 sessions that is tens of megabytes per flush). Each file is written to a temporary
 * name and renamed over the old one, so a crash leaves the old or the new session, never a torn
 * file. Sessions are read on first use, so startup does not grow with the number stored. A
 * `sessions.json` left by lowdbStore in `dir` is taken over once and renamed `.migrated`.
 */
export function dirStore<T>(opts: DirStoreOptions): Store<T> & { persistent(): boolean } {
  const log = opts.log;
  const folder = join(opts.dir, opts.folder ?? 'sessions');
  const flushMs = opts.flushMs ?? 200;
  const cacheSize = opts.cacheSize ?? 2000;
  /** null = known to be absent (deleted, or no file) */
  const cache = new Map<string, T | null>();
  const dirty = new Set<string>();
  /** being written right now: their file may still hold the previous value */
  const flushing = new Set<string>();
  let persistent = true;
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> = Promise.resolve();

  const fileOf = (key: string) =>
    join(folder, `${createHash('sha256').update(key).digest('hex').slice(0, 32)}.json`);

  const disable = (err: unknown, where: string) => {
    if (!persistent) return;
    persistent = false;
    log.error(
      { dir: folder, err: (err as Error).message },
      `cannot ${where} sessions: continuing without persistence (check the data directory is writable and not full)`,
    );
  };

  try {
    mkdirSync(folder, { recursive: true });
  } catch (err) {
    disable(err, 'store');
  }

  // Least recently used order = Map insertion order; touching a key moves it to the end.
  const touch = (key: string, value: T | null) => {
    cache.delete(key);
    cache.set(key, value);
  };
  const evict = () => {
    if (!persistent) return; // memory is then the only copy
    for (const key of cache.keys()) {
      if (cache.size <= cacheSize) break;
      if (!dirty.has(key) && !flushing.has(key)) cache.delete(key);
    }
  };

  const readFileEntry = async (path: string): Promise<{ k: string; v: T } | undefined> => {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (err) {
      // no file, or no folder at all (the data directory is unusable): the session is simply new
      if (!['ENOENT', 'ENOTDIR'].includes((err as NodeJS.ErrnoException).code ?? ''))
        log.error({ path, err: (err as Error).message }, 'session file unreadable: treating it as absent');
      return undefined;
    }
    try {
      const parsed = JSON.parse(text) as { k?: unknown; v?: T };
      if (typeof parsed?.k !== 'string' || !('v' in parsed)) throw new Error('no "k"/"v" fields');
      return parsed as { k: string; v: T };
    } catch (err) {
      const aside = `${path}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      await rename(path, aside).catch(() => undefined);
      log.error(
        { path, movedTo: aside, err: (err as Error).message },
        'session file is corrupt: moved it aside and started that session fresh',
      );
      return undefined;
    }
  };

  const writeOne = async (key: string): Promise<void> => {
    const value = cache.get(key);
    const path = fileOf(key);
    if (value === null || value === undefined) {
      await unlink(path).catch((err: NodeJS.ErrnoException) => {
        if (err.code !== 'ENOENT') throw err;
      });
      return;
    }
    const tmp = `${path}.${process.pid}${TMP_SUFFIX}`;
    await writeFile(tmp, JSON.stringify({ k: key, v: value }));
    await rename(tmp, path);
  };

  const writeNow = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    writing = writing.then(async () => {
      if (!dirty.size) return;
      if (!persistent) {
        // nothing is written any more, but a forgotten session's old file still goes if it can
        const gone = [...dirty].filter((k) => cache.get(k) === null);
        dirty.clear();
        await Promise.all(gone.map((k) => unlink(fileOf(k)).catch(() => undefined)));
        return;
      }
      const keys = [...dirty];
      dirty.clear();
      for (const k of keys) flushing.add(k);
      try {
        for (let i = 0; i < keys.length; i += WRITE_BATCH)
          await Promise.all(keys.slice(i, i + WRITE_BATCH).map(writeOne));
      } catch (err) {
        disable(err, 'write');
        return;
      } finally {
        flushing.clear();
      }
      evict();
    });
    return writing;
  };
  const schedule = () => {
    if (!timer) {
      timer = setTimeout(writeNow, flushMs);
      timer.unref();
    }
  };

  // Take over a lowdb file once; leftovers of a crash mid-write (*.tmp) are removed.
  if (persistent) {
    const legacy = readOrQuarantine<T>(join(opts.dir, 'sessions.json'), log);
    const keys = Object.keys(legacy.sessions);
    for (const key of keys) {
      cache.set(key, legacy.sessions[key] as T);
      dirty.add(key);
    }
    writing = (async () => {
      try {
        for (const f of await readdir(folder))
          if (f.endsWith(TMP_SUFFIX)) await unlink(join(folder, f)).catch(() => undefined);
      } catch {
        // the folder is checked again by the first write
      }
    })();
    if (keys.length)
      void writeNow().then(() => {
        if (!persistent) return;
        try {
          renameSync(join(opts.dir, 'sessions.json'), join(opts.dir, 'sessions.json.migrated'));
          log.info({ count: keys.length }, 'moved sessions from sessions.json to one file per session');
        } catch (err) {
          log.error({ err: (err as Error).message }, 'cannot rename the migrated sessions.json');
        }
      });
  }

  return {
    async read(key) {
      if (cache.has(key)) {
        const value = cache.get(key) as T | null;
        touch(key, value);
        return value ?? undefined;
      }
      // also when writes fail: sessions saved before the disk filled up are still there to read
      const entry = await readFileEntry(fileOf(key));
      // a write or delete may have happened while the file was being read: it wins
      if (cache.has(key)) return cache.get(key) ?? undefined;
      const value = entry && entry.k === key ? entry.v : null;
      touch(key, value);
      evict();
      return value ?? undefined;
    },
    async write(key, value) {
      touch(key, value);
      dirty.add(key);
      schedule();
    },
    async delete(key) {
      touch(key, null);
      dirty.add(key);
      schedule();
    },
    async *entries() {
      const seen = new Set<string>();
      for (const [key, value] of [...cache.entries()]) {
        seen.add(key);
        if (value !== null) yield [key, value] as [string, T];
      }
      let files: string[] = [];
      try {
        files = await readdir(folder);
      } catch {
        return;
      }
      for (const f of files) {
        if (!f.endsWith('.json')) continue;
        const entry = await readFileEntry(join(folder, f));
        if (!entry || seen.has(entry.k) || cache.has(entry.k)) continue;
        seen.add(entry.k);
        yield [entry.k, entry.v] as [string, T];
      }
    },
    flush: writeNow,
    persistent: () => persistent,
  };
}
