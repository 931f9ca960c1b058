// The storage layer against SQLite and PostgreSQL alike: a turn writes its session, case record,
// transcript and audit rows; staff find, update and count cases at the desk; /forget and expiry remove the
// personal data and leave an anonymised audit row; migrations run once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../dialogs/engine.ts';
import { silentLogger } from '../../dialogs/log.ts';
import { newSession, remember, type Session, setFact } from '../../dialogs/session.ts';
import { caseDesk, type DeskQuery, deskDay } from '../../dialogs/storage/case-desk.ts';
import { openSessionStore, openStorage, type Storage, withActor } from '../../dialogs/storage/index.ts';
import { MIGRATIONS } from '../../dialogs/storage/migrations.ts';
import { caseIdFor } from '../../dialogs/storage/sessions.ts';
import { freshPostgres, PG_URL, requirePostgres } from './databases.ts';

const dirs: string[] = [];
const drops: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  for (const drop of drops) await drop();
});

type Backend = 'sqlite' | 'postgres';

/** A data directory plus, for PostgreSQL, a fresh database: the env both openers get. */
async function place(backend: Backend): Promise<{ dataDir: string; env: NodeJS.ProcessEnv }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'crb-storage-'));
  dirs.push(dataDir);
  if (backend === 'sqlite') return { dataDir, env: {} };
  const db = await freshPostgres();
  drops.push(db.drop);
  return { dataDir, env: { DATABASE_URL: db.url } };
}

describe.each(['sqlite', 'postgres'] as Backend[])('storage on %s', (backend) => {
  const skip = backend === 'postgres' && !PG_URL;
  it.runIf(backend === 'postgres')('has a PostgreSQL server to test against', () => {
    requirePostgres();
  });

  it.skipIf(skip)('a turn commits session, case record, transcript and audit rows together', async () => {
    const at = place(backend);
    const { dataDir, env } = await at;
    let now = new Date('2026-11-26T10:00:00+08:00');
    const store = await openSessionStore({ dataDir, env, now: () => now });
    const engine = await createEngine({ store, log: silentLogger, now: () => now, purgeEveryMs: 0 });
    const { cases } = store.storage;
    const opened = await cases.create('wang');
    const key = { channel: 'web' as const, chatId: opened.id, userId: 'wang' };
    const turn = (text: string) =>
      withActor({ actor: 'li', channel: 'web' }, () => engine.handle({ ...key, text }));
    await turn('/start');
    await turn('我是个体户，被列入经营异常名录了');
    await withActor({ actor: 'li', channel: 'web' }, () =>
      engine.setFacts(key, { listingReason: 'annual_report_overdue', listedYear: 2023 }),
    );
    // more lines than the session keeps (20): the transcript has them all
    for (let i = 0; i < 12; i++) {
      now = new Date(now.getTime() + 1000);
      await turn(`第${i}次：我想问一下`);
    }
    const rec = await cases.get(opened.id);
    expect(rec).toMatchObject({ openedBy: 'wang', channel: 'web', status: 'open' });
    expect(rec?.path).not.toBe(undefined);
    const trail = await cases.audit(opened.id);
    const facts = trail.filter((a) => a.kind === 'fact');
    expect(facts.map((a) => a.field)).toEqual(
      expect.arrayContaining(['entityType', 'listingReason', 'listedYear']),
    );
    expect(facts.every((a) => a.actor === 'li' && a.channel === 'web')).toBe(true);
    expect(facts.find((a) => a.field === 'listedYear')).toMatchObject({ oldValue: null, newValue: '2023' });
    const lines = await cases.transcript(opened.id);
    const asked = lines.filter((l) => l.from === 'user').map((l) => l.text);
    expect(asked).toEqual([
      '/start',
      '我是个体户，被列入经营异常名录了',
      ...Array.from({ length: 12 }, (_, i) => `第${i}次：我想问一下`),
    ]);
    expect(lines.length).toBeGreaterThan(20);
    await store.storage.close();
  });

  it.skipIf(skip)(
    'keeps what was said in full in the transcript, and the session row without its history',
    async () => {
      const { dataDir, env } = await place(backend);
      const store = await openSessionStore({ dataDir, env });
      const engine = await createEngine({ store, log: silentLogger, purgeEveryMs: 0 });
      const opened = await store.storage.cases.create('zhou');
      const key = { channel: 'web' as const, chatId: opened.id, userId: 'zhou' };
      const turn = (t: { text: string } | { choiceId: string }) =>
        withActor({ actor: '周', channel: 'web' }, () => engine.handle({ ...key, ...t }));
      const menu = await turn({ text: '/start' });
      const offered = menu.replies.flatMap((r) => (r.kind === 'text' ? (r.choices ?? []) : []))[0];
      expect(offered).toBeDefined();
      await turn({ choiceId: offered?.id as string });
      const long = `我家是开小卖部的个体户，${'去年的年报一直没有报，'.repeat(80)}现在想问问怎么办`;
      await turn({ text: long });

      const sessionKey = `web:${opened.id}:zhou`;
      const row = await store.storage.db.get<{ data: string }>('SELECT data FROM sessions WHERE key = ?', [
        sessionKey,
      ]);
      expect(JSON.parse(row?.data as string)).not.toHaveProperty('history');
      const mine = await store.read(sessionKey);
      // another process (a store with nothing remembered) reads the same history back
      const other = await openSessionStore({ dataDir, env });
      const theirs = await other.read(sessionKey);
      expect(theirs?.history).toEqual(mine?.history);
      expect(theirs?.history.map((l) => l.from)).toEqual(expect.arrayContaining(['user', 'bot']));
      expect(theirs?.history.find((l) => l.text.startsWith('我家是开小卖部'))?.text).toHaveLength(500);

      const said = await store.storage.db.all<{ text: string; choice: string | null; actor: string | null }>(
        "SELECT text, choice, actor FROM transcript WHERE case_id = ? AND speaker = 'user' ORDER BY id",
        [opened.id],
      );
      expect(said).toEqual([
        { text: '/start', choice: null, actor: '周' },
        { text: offered?.label, choice: offered?.id, actor: '周' },
        { text: long, choice: null, actor: '周' },
      ]);
      await other.storage.close();
      await store.storage.close();
    },
  );

  it.skipIf(skip)("a console turn's change-feed row is written with the turn", async () => {
    const { dataDir, env } = await place(backend);
    const store = await openSessionStore({ dataDir, env });
    const engine = await createEngine({ store, log: silentLogger, purgeEveryMs: 0 });
    const desk = caseDesk(store.storage.db);
    const opened = await store.storage.cases.create('li');
    const key = { channel: 'web' as const, chatId: opened.id, userId: 'li' };
    const announce = { by: 'li', byName: '李', what: 'turn', origin: 'proc-a' };
    await withActor({ actor: '李', channel: 'web', announce }, () =>
      engine.handle({ ...key, text: '我是个体户' }),
    );
    // a turn of another channel, without a desk watching, leaves no row
    await engine.handle({ channel: 'telegram', chatId: '9', userId: '9', text: '我是个体户' });
    const feed = await desk.changesSince(0);
    expect(feed).toEqual([expect.objectContaining({ caseId: opened.id, ...announce })]);
    await store.storage.close();
  });

  it.skipIf(skip)(
    'finds cases by company, credit code, phone, route, status and day, with paging',
    async () => {
      const { dataDir, env } = await place(backend);
      let now = new Date('2026-11-20T09:00:00+08:00');
      const storage: Storage = await openStorage({ dataDir, env, now: () => now });
      const { cases } = storage;
      const ids: string[] = [];
      for (let i = 0; i < 25; i++) {
        now = new Date(now.getTime() + 3_600_000 * 5); // five hours apart: spread over several days
        const c = await cases.create(i % 2 ? 'wang' : 'li');
        ids.push(c.id);
        await cases.setDraftFields(c.id, {
          name: i === 7 ? '通城县隽水镇王小明副食店' : `通城县第${i}商店`,
          creditCode: i === 7 ? '92421222MA4C1DT5X9' : `9242122200000${String(i).padStart(4, '0')}X`,
          phone: `1391234${String(i).padStart(4, '0')}`,
        });
        await cases.touch(c.id, {
          path: i % 3 ? 'standard-repair' : 'tolerant-repair-annual-report',
          eligible: i % 4 !== 0,
        });
      }
      const desk = caseDesk(storage.db, { now: () => now });
      const found = async (q: DeskQuery) => (await desk.search(q)).cases.map((c) => c.id);
      expect(await found({ q: '王小明' })).toEqual([ids[7]]);
      expect(await found({ q: '92421222ma4c1dt5x9' })).toEqual([ids[7]]);
      expect(await found({ q: '13912340007' })).toEqual([ids[7]]);
      expect((await desk.search({ q: '100%_' })).total).toBe(0);
      const tolerant = await desk.search({ path: 'tolerant-repair-annual-report', limit: 100 });
      expect(tolerant.total).toBe(9);
      const page1 = await desk.search({ limit: 10 });
      const page3 = await desk.search({ limit: 10, offset: 20 });
      expect(page1.total).toBe(25);
      expect(page1.cases).toHaveLength(10);
      expect(page3.cases).toHaveLength(5);
      expect(page1.cases[0]?.id).toBe(ids[24]); // newest activity first
      const day = deskDay(page1.cases[0]?.created as string);
      const sameDay = await desk.search({ from: day, to: day, limit: 100 });
      expect(sameDay.cases.every((c) => deskDay(c.created) === day)).toBe(true);
      expect(sameDay.total).toBeGreaterThan(0);
      expect(sameDay.total).toBeLessThan(25);

      const zhao = { user: 'zhao', name: 'zhao', channel: 'web' };
      const changed = await desk.setLifecycle(
        ids[3] as string,
        { status: 'closed', callbackDate: '2026-12-01' },
        zhao,
      );
      expect(changed).toEqual(['status', 'callbackDate']);
      expect(await desk.addNote(ids[3] as string, '已电话回访', zhao)).toBe(true);
      expect(await desk.record(ids[3] as string)).toMatchObject({
        status: 'closed',
        callbackDate: '2026-12-01',
        notes: 1,
      });
      expect(await found({ status: 'closed' })).toEqual([ids[3]]);
      const trail = await cases.audit(ids[3] as string);
      expect(trail.filter((a) => a.actor === 'zhao').map((a) => [a.kind, a.newValue])).toEqual([
        ['status', '"closed"'],
        ['callbackDate', '"2026-12-01"'],
        ['note', '"已电话回访"'],
      ]);

      const year = { from: '2026-01-01', to: '2026-12-31' };
      const stats = await desk.stats(year);
      expect(stats.total).toBe(25);
      expect([...stats.perDay.values()].reduce((a, n) => a + n, 0)).toBe(25);
      expect(stats.routes).toEqual([
        { path: 'standard-repair', count: 16 },
        { path: 'tolerant-repair-annual-report', count: 9 },
      ]);
      expect(stats.eligible).toEqual({ yes: 18, no: 7, unknown: 0 });
      expect(stats.staff.find((s) => s.name === 'li')?.opened).toBe(13);
      expect(stats.staff.find((s) => s.name === 'zhao')).toMatchObject({ worked: 1, closed: 1 });
      const [firstDay, calls] = [...stats.perDay].sort()[0] as [string, number];
      expect((await desk.stats({ from: firstDay, to: firstDay })).total).toBe(calls);
      await storage.close();
    },
  );

  it.skipIf(skip)(
    '/forget deletes the session and personal data and keeps an anonymised audit row',
    async () => {
      const { dataDir, env } = await place(backend);
      const now = new Date('2026-11-26T10:00:00+08:00');
      const store = await openSessionStore({ dataDir, env, now: () => now });
      const engine = await createEngine({ store, log: silentLogger, now: () => now, purgeEveryMs: 0 });
      const { cases } = store.storage;
      const c = await cases.create('wang');
      const key = { channel: 'web' as const, chatId: c.id, userId: 'wang' };
      await engine.handle({ ...key, text: '我是个体户' });
      await cases.setDraftFields(c.id, { name: '通城县隽水镇王小明副食店', phone: '13912345678' });
      await caseDesk(store.storage.db).addNote(c.id, '王先生下午再来电', { user: 'wang', name: 'wang' });
      await engine.handle({ ...key, text: '/forget' });
      expect(await store.read(`web:${c.id}:wang`)).toBeUndefined();
      const rec = await cases.get(c.id);
      expect(rec).toMatchObject({ company: null, phone: null, notes: '', draftFields: {} });
      expect(await cases.transcript(c.id)).toEqual([]);
      const trail = await cases.audit(c.id);
      expect(trail.at(-1)).toMatchObject({ kind: 'forget', oldValue: null, newValue: null });
      expect(trail.every((a) => a.oldValue === null && a.newValue === null)).toBe(true);
      expect(JSON.stringify(trail)).not.toContain('王小明');
      await store.storage.close();
    },
  );

  it.skipIf(skip)(
    'expiry is one SQL delete: sessions go, cases stay anonymised for the statistics',
    async () => {
      const { dataDir, env } = await place(backend);
      let now = new Date('2026-11-01T10:00:00+08:00');
      const store = await openSessionStore({ dataDir, env, now: () => now });
      const engine = await createEngine({
        store,
        log: silentLogger,
        now: () => now,
        purgeEveryMs: 0,
        ttlMs: 7 * 86_400_000,
      });
      await engine.handle({ channel: 'telegram', chatId: '1', userId: '1', text: '我是个体户' });
      now = new Date('2026-11-05T10:00:00+08:00');
      await engine.handle({ channel: 'telegram', chatId: '2', userId: '2', text: '我是企业' });
      now = new Date('2026-11-10T10:00:00+08:00');
      expect(await engine.purgeExpired()).toBe(1);
      expect(await store.read('telegram:1:1')).toBeUndefined();
      expect(await store.read('telegram:2:2')).toBeDefined();
      const { cases } = store.storage;
      const desk = caseDesk(store.storage.db, { now: () => now });
      const all = await desk.search({});
      expect(all.cases.map((c) => c.anonymised).sort()).toEqual([false, true]);
      expect(await cases.bySession('telegram:1:1')).toBeUndefined(); // not among the live cases
      expect(await cases.bySession('telegram:2:2')).toBeDefined();
      expect((await desk.stats({ from: '2026-11-01', to: '2026-11-30' })).total).toBe(2);
      await store.storage.close();
    },
  );

  it.skipIf(skip)('a turn gives the case as it left it, the same as reading it back', async () => {
    const { dataDir, env } = await place(backend);
    const store = await openSessionStore({ dataDir, env });
    const engine = await createEngine({ store, log: silentLogger, purgeEveryMs: 0 });
    const key = { channel: 'telegram' as const, chatId: '5', userId: '5' };
    await engine.handle({ ...key, text: '/start' });
    const turn = await engine.handle({ ...key, text: '我是个体户，2023年因为没报年报被列入经营异常名录了' });
    const shown = turn.view?.();
    expect(shown?.facts).toMatchObject({ entityType: 'individual', listedYear: 2023 });
    // another engine on the same database has nothing of this turn in memory
    const other = await createEngine({ store, log: silentLogger, purgeEveryMs: 0 });
    expect(shown).toEqual(await other.getCase(key));
    await store.storage.close();
  });

  it.skipIf(skip)(
    'a write compares against the stored row, also when another process changed it after this one read it',
    async () => {
      const { dataDir, env } = await place(backend);
      // two openers: each keeps its own memory of what it read, as two bot processes would
      const a = await openSessionStore({ dataDir, env });
      const b = await openSessionStore({ dataDir, env });
      const key = 'telegram:7:7';
      const first = newSession(1000);
      remember(first, 'user', '我是个体户', 1000);
      setFact(first, 'entityType', 'individual');
      await a.write(key, first);
      const readByA = (await a.read(key)) as Session;
      // the other process answers a turn in between: a new fact and a new line
      const other = structuredClone(readByA);
      other.updatedAt = 2000;
      remember(other, 'user', '2023年被列入的', 2000);
      setFact(other, 'listedYear', 2023);
      await b.write(key, other);
      // this process then writes what it had read plus its own line
      readByA.updatedAt = 3000;
      remember(readByA, 'user', '罚款交了', 3000);
      await a.write(key, readByA);
      const { cases } = a.storage;
      const id = caseIdFor(key);
      const years = (await cases.audit(id)).filter((x) => x.field === 'listedYear');
      // against the row as stored (with 2023), not against what this process had read (without it)
      expect(years.map((x) => [x.oldValue, x.newValue])).toEqual([
        [null, '2023'],
        ['2023', null],
      ]);
      await a.storage.close();
      await b.storage.close();
    },
  );

  it.skipIf(skip)('runs each migration once, also when several openers start together', async () => {
    const { dataDir, env } = await place(backend);
    const opened = await Promise.all([1, 2, 3].map(() => openStorage({ dataDir, env })));
    const versions = await opened[0]?.db.all<{ version: number }>('SELECT version FROM schema_migrations');
    expect(versions?.map((v) => Number(v.version))).toEqual(MIGRATIONS.map((m) => m.version));
    for (const s of opened) await s.close();
  });
});
