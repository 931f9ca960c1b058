// The storage layer: sessions, case records, transcript and audit trail in one database.
// SQLite file `<CREDIT_BOT_DATA_DIR>/credit-bot.sqlite` by default; PostgreSQL when DATABASE_URL is
// set (then any number of bot processes can share it). Migrations run and old JSON files are
// imported when it opens.
import type { Logger } from '../log.ts';
import type { Session } from '../session.ts';
import type { Store } from '../store.ts';
import { type CaseStore, sqlCaseStore } from './cases.ts';
import { type Db, openPostgres, openSqlite } from './db.ts';
import { importLegacyFiles } from './import.ts';
import { migrate } from './migrations.ts';
import { type SqlSessionStore, sqlSessionStore } from './sessions.ts';

export type {
  AuditEntry,
  CaseRecord,
  CaseStatus,
  CaseStore,
  TranscriptLine,
} from './cases.ts';
export { CASE_ID_PATTERN, CASE_STATUSES } from './cases.ts';
export { type Actor, chinaDay, currentActor, type TurnRows, withActor } from './context.ts';
export type { SessionStore } from './sessions.ts';

export const SQLITE_FILE = 'credit-bot.sqlite';
export const DEFAULT_TTL_DAYS = 7;

export interface Storage {
  kind: 'sqlite' | 'postgres';
  db: Db;
  sessions: SqlSessionStore;
  cases: CaseStore;
  close(): Promise<void>;
}

export interface StorageOptions {
  /** CREDIT_BOT_DATA_DIR; null = an in-memory SQLite database (tests) */
  dataDir: string | null;
  env?: NodeJS.ProcessEnv;
  log?: Pick<Logger, 'info' | 'error' | 'warn'>;
  now?: () => Date;
  /** retention: cases idle longer are not listed; default CREDIT_BOT_SESSION_TTL_DAYS */
  ttlMs?: number;
}

/** CREDIT_BOT_SESSION_TTL_DAYS read the way the engine reads it (a bad value falls back to the default). */
export function ttlMsFromEnv(env: NodeJS.ProcessEnv): number {
  const days = Number(env.CREDIT_BOT_SESSION_TTL_DAYS ?? DEFAULT_TTL_DAYS);
  return (Number.isFinite(days) && days > 0 ? days : DEFAULT_TTL_DAYS) * 86_400_000;
}

export async function openStorage(opts: StorageOptions): Promise<Storage> {
  const env = opts.env ?? process.env;
  const url = env.DATABASE_URL?.trim();
  const now = opts.now ?? (() => new Date());
  let db: Db;
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url))
      throw new Error(
        'DATABASE_URL must be a PostgreSQL URL such as postgres://user:password@127.0.0.1:5432/creditbot (unset it to use the SQLite file in CREDIT_BOT_DATA_DIR)',
      );
    db = openPostgres(url, { max: Number(env.CREDIT_BOT_DB_POOL) || 10 });
  } else {
    const sync = env.CREDIT_BOT_SQLITE_SYNC?.trim().toLowerCase();
    const file = opts.dataDir === null ? ':memory:' : `${opts.dataDir.replace(/\/+$/, '')}/${SQLITE_FILE}`;
    db = openSqlite(file, { synchronous: sync === 'full' ? 'full' : 'normal' });
  }
  try {
    const applied = await migrate(db);
    if (applied.length) opts.log?.info({ db: db.where, versions: applied }, 'database schema migrated');
  } catch (err) {
    await db.close().catch(() => undefined);
    throw new Error(
      `cannot open the database at ${db.where}: ${(err as Error).message}` +
        (url
          ? ' (check DATABASE_URL: the server is running, the user may create tables)'
          : ' (check that CREDIT_BOT_DATA_DIR is writable)'),
    );
  }
  const sessions = sqlSessionStore(db, now);
  const cases = sqlCaseStore(db, { now, ttlMs: opts.ttlMs ?? ttlMsFromEnv(env) });
  const storage: Storage = {
    kind: db.dialect,
    db,
    sessions,
    cases,
    close: () => db.close(),
  };
  if (opts.dataDir !== null) await importLegacyFiles(opts.dataDir, sessions, db, opts.log);
  return storage;
}

/** A session store that carries its storage, so the web console reaches the same case records. */
export type StorageSessionStore = SqlSessionStore & { storage: Storage };

/** The engine's default store: the database's sessions, with the storage attached. */
export async function openSessionStore(opts: StorageOptions): Promise<StorageSessionStore> {
  const storage = await openStorage(opts);
  return Object.assign(storage.sessions, { storage });
}

/** The storage behind an engine's store, when it is one of ours. */
export function storageOf(store: Store<Session> | undefined): Storage | undefined {
  return (store as Partial<StorageSessionStore> | undefined)?.storage;
}
