// Nothing acknowledged is lost: real `credit-bot web` and console processes under a load of turns
// are killed with SIGKILL at random moments and restarted; afterwards every case that was answered
// 201 and every turn answered 200 (or whose answer the console printed) is in the database, in
// order, against SQLite and PostgreSQL. Also two web processes on one PostgreSQL taking turns for
// the same cases: every fact and every line is there, in order.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { caseDesk } from '../../dialogs/storage/case-desk.ts';
import { openStorage } from '../../dialogs/storage/index.ts';
import { freshPostgres, PG_URL, requirePostgres } from '../storage/databases.ts';
import { consoleRun, inOrder, killDuringLoad, startWeb, TOKEN, type WebProcess } from './kill-load.ts';

const dirs: string[] = [];
const drops: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  for (const drop of drops) await drop();
});

type Backend = 'sqlite' | 'postgres';
async function place(backend: Backend): Promise<NodeJS.ProcessEnv> {
  const dataDir = mkdtempSync(join(tmpdir(), 'crb-kill-'));
  dirs.push(dataDir);
  const env: NodeJS.ProcessEnv = { CREDIT_BOT_DATA_DIR: dataDir, CREDIT_BOT_LOG_LEVEL: 'error' };
  if (backend === 'postgres') {
    const db = await freshPostgres();
    drops.push(db.drop);
    env.DATABASE_URL = db.url;
  } else {
    delete process.env.DATABASE_URL;
  }
  return env;
}

/** user lines of each case, oldest first, read straight from the database */
async function userLines(env: NodeJS.ProcessEnv, caseIds: string[]): Promise<Map<string, string[]>> {
  const storage = await openStorage({ dataDir: env.CREDIT_BOT_DATA_DIR as string, env });
  const out = new Map<string, string[]>();
  for (const id of caseIds)
    out.set(
      id,
      (await storage.cases.transcript(id)).filter((l) => l.from === 'user').map((l) => l.text),
    );
  await storage.close();
  return out;
}

const random = (lo: number, hi: number) => lo + Math.floor(Math.random() * (hi - lo));
const KILLS = 3;

describe.each(['sqlite', 'postgres'] as Backend[])('SIGKILL during a load of turns (%s)', (backend) => {
  const skip = backend === 'postgres' && !PG_URL;
  it.runIf(backend === 'postgres')('has a PostgreSQL server to test against', () => {
    requirePostgres();
  });

  it.skipIf(skip)('web API: every acknowledged case and turn survives', { timeout: 120_000 }, async () => {
    const env = await place(backend);
    const acked = await killDuringLoad(env, KILLS, { clients: 3, label: backend });
    const turns = [...acked.values()].reduce((a, l) => a + l.length, 0);
    expect(turns).toBeGreaterThan(4 * KILLS); // the load really ran
    const stored = await userLines(env, [...acked.keys()]);
    const lost: string[] = [];
    for (const [id, sent] of acked) if (!inOrder(stored.get(id) ?? [], sent)) lost.push(id);
    expect(lost).toEqual([]);
  });

  it.skipIf(skip)('console: every answered line survives', { timeout: 120_000 }, async () => {
    const env = await place(backend);
    const acked: string[] = [];
    for (let k = 0; k < KILLS; k++) acked.push(...(await consoleRun(env, `${backend}${k}`, random(0, 600))));
    expect(acked.length).toBeGreaterThanOrEqual(2 * KILLS);
    const storage = await openStorage({ dataDir: env.CREDIT_BOT_DATA_DIR as string, env });
    const page = await caseDesk(storage.db).search({});
    expect(page.total).toBe(1);
    const lines = (await storage.cases.transcript(page.cases[0]?.id as string))
      .filter((l) => l.from === 'user')
      .map((l) => l.text);
    await storage.close();
    expect(inOrder(lines, acked)).toBe(true);
  });
});

describe('two web processes on one PostgreSQL', () => {
  it('has a PostgreSQL server to test against', () => {
    requirePostgres();
  });

  it.skipIf(!PG_URL)(
    'turns for the same case sent alternately to both: every fact and line, in order',
    {
      timeout: 120_000,
    },
    async () => {
      const env = await place('postgres');
      const [a, b] = await Promise.all([startWeb(env), startWeb(env)]);
      const headers = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
      try {
        const post = async (base: string, path: string, body: unknown) => {
          const r = await fetch(`${base}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
          expect(r.status).toBeLessThan(300);
          return (await r.json()) as Record<string, unknown>;
        };
        const caseIds = [
          (await post(a.url, '/api/cases', {})).caseId as string,
          (await post(b.url, '/api/cases', {})).caseId as string,
        ];
        const script = [
          '我是个体户',
          '被列入经营异常名录了',
          '因为没报年报',
          '2023年被列入的',
          '上一年的年报已经报了',
        ];
        const sent = new Map<string, string[]>(caseIds.map((id) => [id, ['/start']]));
        // both cases at once, each alternating between the two processes, turns of one case also
        // overlapping: the second process's turn starts before the first one's has answered
        await Promise.all(
          caseIds.map(async (id, c) => {
            for (let i = 0; i < script.length; i++) {
              const text = `${script[i]}（${c}-${i}）`;
              sent.get(id)?.push(text);
              await post(i % 2 ? a.url : b.url, `/api/cases/${id}/turns`, { text });
            }
          }),
        );
        // concurrent turns on the same case from both processes: serialised by the row lock
        const burst = Array.from({ length: 10 }, (_, i) => `再问一次（${i}）`);
        await Promise.all(
          burst.map((text, i) => post(i % 2 ? a.url : b.url, `/api/cases/${caseIds[0]}/turns`, { text })),
        );
        const stored = await userLines(env, caseIds);
        for (const id of caseIds) expect(inOrder(stored.get(id) ?? [], sent.get(id) ?? [])).toBe(true);
        const first = stored.get(caseIds[0] as string) ?? [];
        for (const text of burst) expect(first.filter((l) => l === text)).toHaveLength(1);
        // facts said through either process are all there
        const view = (await (await fetch(`${a.url}/api/cases/${caseIds[1]}`, { headers })).json()) as {
          facts: Record<string, unknown>;
          history: { text: string }[];
        };
        expect(view.facts).toMatchObject({ entityType: 'individual', listed: true, listedYear: 2023 });
        const storage = await openStorage({ dataDir: env.CREDIT_BOT_DATA_DIR as string, env });
        const trail = await storage.cases.audit(caseIds[1] as string);
        await storage.close();
        const factRows = trail.filter((r) => r.kind === 'fact').map((r) => r.field);
        expect(factRows).toEqual(expect.arrayContaining(['entityType', 'listed', 'listedYear']));
      } finally {
        a.child.kill('SIGKILL');
        b.child.kill('SIGKILL');
        await Promise.all([a.exited, b.exited]);
      }
    },
  );
});
