// SIGKILL during a load of turns over the staff web API, SQLite under CREDIT_BOT_DATA_DIR (or a fresh
// database on the PostgreSQL of CREDIT_BOT_TEST_DATABASE_URL, as the tests use, with --postgres): real
// `credit-bot web` processes killed at random moments and restarted, then every acknowledged turn
// looked up in the database (the same load as test/robustness/kill-turns.test.ts, more kills).
// Run alone: node bin/run-ts.js bench/kill-turns.ts [--kills N] [--postgres]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStorage } from '../dialogs/storage/index.ts';
import { inOrder, killDuringLoad } from '../test/robustness/kill-load.ts';
import { freshPostgres } from '../test/storage/databases.ts';

export interface KillResult {
  backend: 'sqlite' | 'postgres';
  kills: number;
  /** turns answered with 200 (and cases created with 201) before some kill */
  acknowledgedTurns: number;
  /** acknowledged turns missing from the database, or stored out of order */
  lostTurns: number;
}

export async function killTurns(
  kills: number,
  backend: 'sqlite' | 'postgres' = 'sqlite',
): Promise<KillResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'crb-bench-kill-'));
  const env: NodeJS.ProcessEnv = { CREDIT_BOT_DATA_DIR: dataDir, CREDIT_BOT_LOG_LEVEL: 'error' };
  const saved = process.env.DATABASE_URL;
  delete process.env.DATABASE_URL;
  const pg = backend === 'postgres' ? await freshPostgres() : undefined;
  if (pg) env.DATABASE_URL = pg.url;
  try {
    const acked = await killDuringLoad(env, kills, { clients: 4, label: 'bench' });
    const count = () => [...acked.values()].reduce((a, l) => a + l.length, 0);
    const storage = await openStorage({ dataDir, env });
    let lostTurns = 0;
    for (const [id, sent] of acked) {
      const stored = (await storage.cases.transcript(id)).filter((l) => l.from === 'user').map((l) => l.text);
      // a case whose acknowledged lines are not all there, in order, counts the ones missing
      if (!inOrder(stored, sent)) lostTurns += sent.filter((t) => !stored.includes(t)).length || 1;
    }
    await storage.close();
    return { backend, kills, acknowledgedTurns: count(), lostTurns };
  } finally {
    if (saved !== undefined) process.env.DATABASE_URL = saved;
    rmSync(dataDir, { recursive: true, force: true });
    await pg?.drop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const at = process.argv.indexOf('--kills');
  const kills = at > 0 ? Number(process.argv[at + 1]) : 10;
  const backend = process.argv.includes('--postgres') ? 'postgres' : 'sqlite';
  console.log(JSON.stringify(await killTurns(Number.isInteger(kills) && kills > 0 ? kills : 10, backend)));
}
