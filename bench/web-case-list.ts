// `node bin/run-ts.js bench/web-case-list.ts`: the staff console's case list, search, statistics and
// export over HTTP with 20,000 kept cases in the database (each with a transcript and audit rows),
// the figure the issue asks for ("opens in < 200 ms with 20,000 cases"). SQLite by default; with
// DATABASE_URL set, the same on PostgreSQL (the bench's rows are removed before and after).
// Prints one JSON line.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildWebApp } from '../bots/web/server.ts';
import { createEngine } from '../dialogs/engine.ts';
import { silentLogger } from '../dialogs/log.ts';
import { chinaDay } from '../dialogs/storage/context.ts';
import { openStorage } from '../dialogs/storage/index.ts';
import { median, percentile, round } from './stats.ts';

const CASES = Number(process.env.BENCH_CASES ?? 20_000);
const TOKEN = 'bench-token-0123456789abcdef-0123456789';
// BENCH_DIR keeps the filled SQLite database there between runs (filled once), for tuning
const dir = process.env.BENCH_DIR || mkdtempSync(join(tmpdir(), 'crb-web-list-'));
const progress = (s: string) => process.stderr.write(`bench: ${s}\n`);
const sessionsDir = join(dir, 'sessions');

async function clearBenchRows(): Promise<void> {
  const storage = await openStorage({ dataDir: sessionsDir, log: silentLogger });
  const { db } = storage;
  await db.tx(async () => {
    for (const t of ['transcript', 'audit', 'case_changes'])
      await db.run(`DELETE FROM ${t} WHERE case_id LIKE 'bench%'`);
    await db.run("DELETE FROM cases WHERE id LIKE 'bench%'");
  });
  await storage.close();
}

try {
  // Fill the database's case records the way the console and the engine write them, spread over the
  // last 60 days, then open the console on it.
  const storage = await openStorage({ dataDir: sessionsDir, log: silentLogger });
  const { db } = storage;
  const have = await db.get<{ n: number }>("SELECT COUNT(*) AS n FROM cases WHERE id LIKE 'bench%'");
  const fill = !process.env.BENCH_DIR || Number(have?.n) !== CASES;
  if (fill) {
    progress(`writing ${CASES} cases (${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'})`);
    await clearBenchRows();
  }
  const paths = ['tolerant-repair-annual-report', 'standard-repair', 'undetermined', 'not-covered'];
  const staff = [
    { user: 'wang', name: '王敏' },
    { user: 'li', name: '李娜' },
    { user: 'zhao', name: '赵强' },
  ];
  const now = Date.now();
  for (let start = 0; fill && start < CASES; start += 1000) {
    await db.tx(async () => {
      for (let i = start; i < Math.min(CASES, start + 1000); i++) {
        const who = staff[i % staff.length] as (typeof staff)[number];
        const id = `bench${String(i).padStart(8, '0')}`;
        const at = now - Math.floor((i / CASES) * 60 * 86_400_000);
        await db.run(
          `INSERT INTO cases (id, session_key, channel, owner, owner_name, created_at, updated_at, day, status, route,
             eligible, unmet, company, credit_code, phone, note_count)
           VALUES (?, ?, 'web', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [
            id,
            `web:${id}:${who.user}`,
            who.user,
            who.name,
            at,
            at,
            chinaDay(at),
            i % 5 === 0 ? 'closed' : 'open',
            paths[i % paths.length] as string,
            i % 3 === 0 ? 1 : i % 3 === 1 ? 0 : null,
            i % 3 === 1 ? '["previous-year-report-not-filed"]' : '[]',
            `通城县测试商行${i}号`,
            `92421222MA${String(i).padStart(8, '0')}`,
            `138${String(i).padStart(8, '0')}`,
            i % 4 === 0 ? 1 : 0,
          ],
        );
        for (const [speaker, text] of [
          ['user', `我是个体户，第${i}号，年报没报被列入了`],
          ['bot', '请问上一年度的纸质年报已经报送并公示了吗？'],
        ])
          await db.run('INSERT INTO transcript (case_id, at, speaker, text, actor) VALUES (?, ?, ?, ?, ?)', [
            id,
            at,
            speaker as string,
            text as string,
            who.name,
          ]);
        await db.run(
          "INSERT INTO audit (case_id, at, actor, channel, kind) VALUES (?, ?, ?, 'web', 'created')",
          [id, at, who.name],
        );
        await db.run(
          'INSERT INTO audit (case_id, at, actor, channel, kind, field, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
          [id, at, who.name, 'web', 'fact', 'previousYearReportFiled', null, i % 3 === 0 ? 'true' : 'false'],
        );
        if (i % 5 === 0)
          await db.run(
            'INSERT INTO audit (case_id, at, actor, channel, kind, field, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
            [id, at, who.name, 'web', 'status', 'status', '"open"', '"closed"'],
          );
      }
    });
  }
  if (db.dialect === 'postgres') await db.exec('ANALYZE cases; ANALYZE audit; ANALYZE transcript');
  else await db.exec('ANALYZE');
  await storage.close();

  const engine = await createEngine({ dataDir: sessionsDir, log: silentLogger });
  const accounts = join(dir, 'accounts.json');
  writeFileSync(accounts, JSON.stringify({ accounts: [{ user: 'wang', password: 'scrypt:AA==:AA==' }] }));
  progress('opening the console on them');
  const t0 = performance.now();
  const app = await buildWebApp(
    engine,
    { CREDIT_BOT_STAFF_TOKEN: TOKEN, CREDIT_BOT_STAFF_ACCOUNTS: accounts },
    { dataDir: dir, log: silentLogger },
  );
  const openMs = performance.now() - t0;
  const headers = { authorization: `Bearer ${TOKEN}` };
  async function time(url: string, runs = 30): Promise<{ p50: number; p95: number }> {
    const ms: number[] = [];
    for (let i = 0; i < runs; i++) {
      const s = performance.now();
      const res = await app.inject({ method: 'GET', url, headers });
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      ms.push(performance.now() - s);
    }
    return { p50: round(median(ms), 1), p95: round(percentile(ms, 95), 1) };
  }
  const figures = {
    cases: CASES,
    appStartMs: round(openMs, 0),
    listFirstPage: await time('/api/case-list?limit=50'),
    openCase: await time('/api/cases/bench00012345/record'),
    listLastPage: await time(`/api/case-list?limit=50&offset=${CASES - 50}`),
    searchCompany: await time(`/api/case-list?q=${encodeURIComponent('测试商行12345号')}`),
    searchCreditCode: await time('/api/case-list?q=92421222MA00012345'),
    searchPhoneAndStatus: await time('/api/case-list?q=13800012345&status=open'),
    stats30Days: await time('/api/stats', 10),
    stats365Days: await time(`/api/stats?from=${chinaDay(now - 364 * 86_400_000)}`, 5),
    exportCsvAll: await time('/api/export/cases.csv', 3),
  };
  await app.close();
  await engine.close();
  if (process.env.DATABASE_URL) await clearBenchRows();
  console.log(JSON.stringify({ db: process.env.DATABASE_URL ? 'postgres' : 'sqlite', ...figures }));
} finally {
  if (!process.env.BENCH_DIR) rmSync(dir, { recursive: true, force: true });
}
