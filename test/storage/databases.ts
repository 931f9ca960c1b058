// The databases the storage tests run against: SQLite always; PostgreSQL when
// CREDIT_BOT_TEST_DATABASE_URL names a server (.ci/postgres.sh starts one and prints it). Without it
// the PostgreSQL half says so loudly, and under CI=true it fails instead of passing silently.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const PG_URL = process.env.CREDIT_BOT_TEST_DATABASE_URL?.trim() || '';

export const PG_MISSING =
  'PostgreSQL tests NOT RUN: set CREDIT_BOT_TEST_DATABASE_URL (run `bash .ci/postgres.sh` as root to install and start one)';

/** Call in a test: fails under CI when PostgreSQL is missing, warns otherwise. */
export function requirePostgres(): boolean {
  if (PG_URL) return true;
  if (process.env.CI === 'true' || process.env.CI === '1') throw new Error(PG_MISSING);
  process.stderr.write(`\n*** ${PG_MISSING} ***\n\n`);
  return false;
}

/** A fresh, empty database on the test server; drop it with the returned function. */
export async function freshPostgres(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `crb_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
