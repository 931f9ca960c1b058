// Versioned schema. Each migration runs once, in order, at start, inside a transaction that also
// records its version; several processes starting together on one PostgreSQL take turns (advisory
// lock), so a migration never runs twice. Append new migrations; never edit one that has shipped.
import type { Db, Dialect } from './db.ts';

export interface Migration {
  version: number;
  name: string;
  sql: (d: Dialect) => string;
}

const autoId = (d: Dialect) =>
  d === 'sqlite' ? 'INTEGER PRIMARY KEY AUTOINCREMENT' : 'BIGSERIAL PRIMARY KEY';

/** The columns each per-case log (audit trail, transcript) starts with: rows in order within a case. */
const caseLogColumns = (d: Dialect) => `id ${autoId(d)},
        case_id TEXT NOT NULL,
        at BIGINT NOT NULL,`;

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'sessions, cases, audit',
    sql: (d) => `
      CREATE TABLE sessions (
        key TEXT PRIMARY KEY,
        data TEXT NOT NULL,
        updated_at BIGINT NOT NULL
      );
      CREATE INDEX sessions_updated ON sessions (updated_at);
      CREATE TABLE cases (
        id TEXT PRIMARY KEY,
        session_key TEXT NOT NULL UNIQUE,
        channel TEXT NOT NULL,
        owner TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        updated_at BIGINT NOT NULL,
        day TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'open',
        route TEXT NOT NULL DEFAULT 'undetermined',
        eligible SMALLINT,
        unmet TEXT NOT NULL DEFAULT '[]',
        company TEXT,
        credit_code TEXT,
        phone TEXT,
        notes TEXT NOT NULL DEFAULT '',
        callback_date TEXT,
        draft_fields TEXT NOT NULL DEFAULT '{}',
        last_choices TEXT NOT NULL DEFAULT '[]',
        expired_at BIGINT
      );
      CREATE INDEX cases_updated ON cases (updated_at);
      CREATE INDEX cases_day ON cases (day);
      CREATE INDEX cases_credit_code ON cases (credit_code);
      CREATE INDEX cases_phone ON cases (phone);
      CREATE INDEX cases_route ON cases (route);
      CREATE INDEX cases_status ON cases (status);
      CREATE TABLE audit (
        ${caseLogColumns(d)}
        actor TEXT NOT NULL,
        channel TEXT NOT NULL,
        kind TEXT NOT NULL,
        field TEXT,
        old_value TEXT,
        new_value TEXT
      );
      CREATE INDEX audit_case ON audit (case_id, id);
      CREATE INDEX audit_at ON audit (at);
      CREATE TABLE transcript (
        ${caseLogColumns(d)}
        speaker TEXT NOT NULL,
        text TEXT NOT NULL
      );
      CREATE INDEX transcript_case ON transcript (case_id, id);`,
  },
  {
    version: 2,
    name: 'staff desk: who took a case, notes, transcript labels, change feed',
    // owner_name: the staff member's name shown on the case; note_count: the list shows it without
    // reading the audit trail; transcript.choice/actor: the button pressed and who was at the desk;
    // case_changes: what every console process polls to refresh a colleague's open page (payload:
    // the change as JSON, read only by the console).
    sql: (d) => `
      ALTER TABLE cases ADD COLUMN owner_name TEXT;
      ALTER TABLE cases ADD COLUMN note_count INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE transcript ADD COLUMN choice TEXT;
      ALTER TABLE transcript ADD COLUMN actor TEXT;
      CREATE INDEX audit_kind ON audit (kind, case_id);
      CREATE INDEX cases_owner_name ON cases (owner_name);
      CREATE TABLE case_changes (id ${autoId(d)}, case_id TEXT NOT NULL, at BIGINT NOT NULL, payload TEXT NOT NULL);
      CREATE INDEX case_changes_at ON case_changes (at);`,
  },
  {
    version: 3,
    name: 'audit rows with one index',
    // Every turn that changes a fact or field inserts audit rows, and each index is one more page
    // its commit writes. Nothing reads the audit trail by time or by kind alone: the case's own
    // trail, the desk's checks (case and kind) and the statistics (joined on the case) all find
    // rows through audit_case.
    sql: () => `
      DROP INDEX IF EXISTS audit_at;
      DROP INDEX IF EXISTS audit_kind;`,
  },
];

const LOCK = 'credit-bot:migrations';

/** Applies what is missing; returns the versions applied now (empty when the schema was current). */
export async function migrate(db: Db, list: Migration[] = MIGRATIONS): Promise<number[]> {
  return db.exclusive(LOCK, async () => {
    const applied: number[] = [];
    for (const m of list) {
      // checked inside the transaction: another process may have applied it a moment ago
      const done = await db.tx(async () => {
        await db.exec(
          'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)',
        );
        if (await db.get('SELECT version FROM schema_migrations WHERE version = ?', [m.version])) return true;
        await db.exec(m.sql(db.dialect));
        await db.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
          m.version,
          m.name,
          Date.now(),
        ]);
        return false;
      });
      if (!done) applied.push(m.version);
    }
    return applied;
  });
}
