// One small query interface over SQLite (better-sqlite3, embedded, the default) and PostgreSQL (pg,
// when DATABASE_URL is set), so the session store and the case records are written once. SQL is
// written with `?` placeholders and the common subset of both dialects (ON CONFLICT upserts,
// RETURNING); the few differences are in migrations.ts.
import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { type Checkpointer, startCheckpointer } from './checkpointer.ts';

export type Dialect = 'sqlite' | 'postgres';
export type Row = Record<string, unknown>;
export type Param = string | number | null;

export interface Db {
  dialect: Dialect;
  /** where it lives, for operators' log lines (the password of a URL is cut out) */
  where: string;
  all<T = Row>(sql: string, params?: Param[]): Promise<T[]>;
  get<T = Row>(sql: string, params?: Param[]): Promise<T | undefined>;
  run(sql: string, params?: Param[]): Promise<number>;
  /** an INSERT into a table whose key is `id`: the new row's id */
  insert(sql: string, params?: Param[]): Promise<number>;
  /** several statements (migrations): no parameters */
  exec(sql: string): Promise<void>;
  /** runs `work` in one transaction: all its statements are committed together or not at all */
  tx<R>(work: () => Promise<R>): Promise<R>;
  /**
   * Runs `work` holding a lock named `key` across processes, inside one transaction that commits
   * when `work` resolves (PostgreSQL: pg_advisory_xact_lock). SQLite runs `work` as it is: one
   * process per SQLite file serialises in memory (the engine's per-session queue).
   */
  exclusive<R>(key: string, work: () => Promise<R>): Promise<R>;
  close(): Promise<void>;
}

/**
 * SQLite in WAL mode. synchronous=NORMAL: a commit is in the WAL file (the OS has it) before the
 * call returns, so a killed process loses nothing it answered; only a power cut can lose the last
 * commits. CREDIT_BOT_SQLITE_SYNC=full fsyncs every commit for that case too, at a cost per turn.
 */
interface SqliteHandle {
  db: BetterSqlite3.Database;
  refs: number;
  statements: Map<string, BetterSqlite3.Statement>;
  /** transactions of this connection, one after another */
  queue: Promise<unknown>;
  inTx: AsyncLocalStorage<true>;
  /** copies the write-ahead log into the file off the turn's thread (a file, not `:memory:`) */
  checkpointer?: Checkpointer;
}

/**
 * One connection per file and process, shared by every opener: a second connection in the same
 * process would wait synchronously (busy_timeout) for a transaction the first can only finish
 * once the thread is free again.
 */
const sqliteHandles = new Map<string, SqliteHandle>();

function sqliteHandle(file: string, synchronous: 'normal' | 'full'): SqliteHandle {
  const known = file === ':memory:' ? undefined : sqliteHandles.get(file);
  if (known) {
    known.refs++;
    return known;
  }
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
  // another process holding the write lock (a second `credit-bot` on the same file) is waited for
  db.pragma('busy_timeout = 5000');
  // what /forget and expiry delete is overwritten in the file, not only unlinked
  db.pragma('secure_delete = ON');
  // sessions are read by key all day: keep more of the file's pages in memory than the 2 MB default
  db.pragma('cache_size = -16000');
  const h: SqliteHandle = {
    db,
    refs: 1,
    statements: new Map(),
    queue: Promise.resolve(),
    inTx: new AsyncLocalStorage<true>(),
  };
  if (file !== ':memory:') {
    sqliteHandles.set(file, h);
    h.checkpointer = startCheckpointer(
      file,
      synchronous,
      (pages) => {
        if (db.open) db.pragma(`wal_autocheckpoint = ${pages}`);
      },
      // queued like a transaction: the writer starts none while the worker holds the write lock
      () => {
        const step = () => (db.open ? h.checkpointer?.restart() : undefined);
        h.queue = h.queue.then(step, step).catch(() => undefined);
      },
    );
  }
  return h;
}

/**
 * SQLite in WAL mode. synchronous=NORMAL: a commit is in the WAL file (the OS has it) before the
 * call returns, so a killed process loses nothing it answered; only a power cut can lose the last
 * commits. CREDIT_BOT_SQLITE_SYNC=full fsyncs every commit for that case too, at a cost per turn.
 */
export function openSqlite(file: string, opts: { synchronous?: 'normal' | 'full' } = {}): Db {
  const h = sqliteHandle(file, opts.synchronous ?? 'normal');
  const { db, statements, inTx } = h;
  const prepare = (sql: string) => {
    let s = statements.get(sql);
    if (!s) {
      s = db.prepare(sql);
      statements.set(sql, s);
    }
    return s;
  };
  let closed = false;
  // better-sqlite3 is synchronous: a transaction's statements run without any I/O wait between
  // them, but `work` is async, so other callers could slip a statement in at an await. Transactions
  // therefore queue behind each other; plain reads may run in between (they see committed data).
  const self: Db = {
    dialect: 'sqlite',
    where: file,
    all: async <T>(sql: string, params: Param[] = []) => prepare(sql).all(...params) as T[],
    get: async <T>(sql: string, params: Param[] = []) => prepare(sql).get(...params) as T | undefined,
    run: async (sql, params = []) => prepare(sql).run(...params).changes,
    insert: async (sql, params = []) => Number(prepare(sql).run(...params).lastInsertRowid),
    exec: async (sql) => void db.exec(sql),
    tx<R>(work: () => Promise<R>): Promise<R> {
      if (inTx.getStore()) return work();
      const run = async () => {
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await inTx.run(true, work);
          db.exec('COMMIT');
          h.checkpointer?.committed();
          return result;
        } catch (err) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw err;
        }
      };
      const next = h.queue.then(run, run);
      h.queue = next.catch(() => undefined);
      return next;
    },
    exclusive: (_key, work) => work(),
    close: async () => {
      if (closed) return;
      closed = true;
      await h.queue;
      if (--h.refs > 0) return;
      sqliteHandles.delete(file);
      await h.checkpointer?.close();
      if (db.open) db.close();
    },
  };
  return self;
}

/** `?` placeholders to PostgreSQL's `$1, $2…` (our SQL has no `?` inside literals). */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

const INT8_OID = 20;

export function openPostgres(url: string, opts: { max?: number } = {}): Db {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 10,
    // an idle pool must not keep a finished command (ask, chat) alive
    allowExitOnIdle: true,
    // COUNT(*) and our epoch-millisecond columns are int8: numbers, not strings
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // a server restart drops idle connections: the pool reconnects, the error must not crash the process
  pool.on('error', () => {});
  /** the client of the transaction the current async call chain runs in */
  const inTx = new AsyncLocalStorage<pg.PoolClient>();
  const query = async (sql: string, params: Param[] = []) => {
    const client = inTx.getStore();
    return client ? client.query(numbered(sql), params) : pool.query(numbered(sql), params);
  };
  const transaction = async <R>(lockKey: string | null, work: () => Promise<R>): Promise<R> => {
    if (inTx.getStore()) return work();
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      if (lockKey !== null)
        await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [lockKey]);
      const result = await inTx.run(client, work);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  };
  return {
    dialect: 'postgres',
    where: url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@'),
    all: async <T>(sql: string, params?: Param[]) => (await query(sql, params)).rows as T[],
    get: async <T>(sql: string, params?: Param[]) => (await query(sql, params)).rows[0] as T | undefined,
    run: async (sql, params) => (await query(sql, params)).rowCount ?? 0,
    insert: async (sql, params) => Number((await query(`${sql} RETURNING id`, params)).rows[0]?.id),
    exec: async (sql) => void (await query(sql)),
    tx: (work) => transaction(null, work),
    exclusive: (key, work) => transaction(key, work),
    close: () => pool.end(),
  };
}
