// The console's case index: survives a failed write, counts days in China, keeps cases only as long as
// the engine keeps sessions, and forgets staff-typed draft fields when the caller says /forget.
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDay, openCaseIndex, ttlMsFromEnv } from '../../bots/web/case-index.ts';
import { buildWebApp } from '../../bots/web/server.ts';
import { createFakeEngine } from './fake-engine.ts';

const DAY = 86_400_000;
const TOKEN = 'test-token-0123456789abcdef-0123456789';
const auth = { authorization: `Bearer ${TOKEN}` };
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'web-index-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function recorder() {
  const lines: { level: string; obj: unknown; msg?: string }[] = [];
  return {
    lines,
    log: {
      error: (obj: unknown, msg?: string) => void lines.push({ level: 'error', obj, msg }),
      info: (obj: unknown, msg?: string) => void lines.push({ level: 'info', obj, msg }),
    } as never,
  };
}

describe('case index', () => {
  it('keeps serving from memory after a failed write, says so once, and saves again later', async () => {
    const sub = join(dir, 'failing');
    const file = join(sub, 'web-cases.json');
    // A directory where the temporary file should go makes every write fail until it is removed.
    const blocker = `${file}.${process.pid}.tmp`;
    await mkdir(blocker, { recursive: true });
    const { lines, log } = recorder();
    const index = await openCaseIndex(file, () => new Date(), { log });

    const a = await index.create('wang');
    const b = await index.create('li');
    await index.touch(a.id, { path: 'standard-repair' });
    expect(index.get(a.id)?.path).toBe('standard-repair');
    expect(index.get(b.id)?.openedBy).toBe('li');
    expect(lines.filter((l) => l.level === 'error')).toHaveLength(1);
    expect(lines[0]?.msg).toMatch(/kept in memory/);

    await rm(blocker, { recursive: true });
    await index.touch(b.id, { eligible: true });
    await index.flush();
    const saved = JSON.parse(await readFile(file, 'utf8')) as { cases: { id: string }[] };
    expect(saved.cases.map((c) => c.id).sort()).toEqual([a.id, b.id].sort());
    expect(lines.at(-1)).toMatchObject({ level: 'info', msg: 'web case index saved again' });
  });

  it("lists today's cases by the day in China, whatever the server's time zone", async () => {
    const tz = process.env.TZ;
    process.env.TZ = 'UTC';
    try {
      let now = new Date('2026-03-10T15:00:00Z'); // 23:00 on 10 March in China
      const index = await openCaseIndex(null, () => now);
      const yesterday = await index.create('wang');
      now = new Date('2026-03-10T16:30:00Z'); // 00:30 on 11 March in China, still 10 March in UTC
      const today = await index.create('wang');
      now = new Date('2026-03-10T17:00:00Z');
      expect(index.today().map((c) => c.id)).toEqual([today.id]);
      expect(index.today().map((c) => c.id)).not.toContain(yesterday.id);
      expect(chinaDay(now)).toBe('2026-03-11');
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });

  it('keeps cases as long as the session TTL (CREDIT_BOT_SESSION_TTL_DAYS, default 7 days)', async () => {
    expect(ttlMsFromEnv({})).toBe(7 * DAY);
    expect(ttlMsFromEnv({ CREDIT_BOT_SESSION_TTL_DAYS: '2' })).toBe(2 * DAY);
    expect(ttlMsFromEnv({ CREDIT_BOT_SESSION_TTL_DAYS: 'soon' })).toBe(7 * DAY);

    let now = new Date('2026-03-10T02:00:00Z');
    const sub = join(dir, 'ttl');
    const app = await buildWebApp(
      createFakeEngine(),
      { CREDIT_BOT_STAFF_TOKEN: TOKEN, CREDIT_BOT_STAFF_SHARED_DESK: '1' },
      { dataDir: sub, now: () => now },
    );
    try {
      const created = await app.inject({ method: 'POST', url: '/api/cases', headers: auth });
      const id = created.json().caseId as string;
      now = new Date(now.getTime() + 6 * DAY);
      expect((await app.inject({ method: 'GET', url: `/api/cases/${id}`, headers: auth })).statusCode).toBe(
        200,
      );
      now = new Date(now.getTime() + 7 * DAY); // 13 days idle: past the 7-day TTL, within the old 30
      expect((await app.inject({ method: 'GET', url: `/api/cases/${id}`, headers: auth })).statusCode).toBe(
        404,
      );
      // the next write drops it from the file as well
      await app.inject({ method: 'POST', url: '/api/cases', headers: auth });
      await app.close();
      expect(await readFile(join(sub, 'web-cases.json'), 'utf8')).not.toContain(id);
    } finally {
      await app.close();
    }
  });

  it('/forget and DELETE clear the draft fields typed for the case, in memory and on disk', async () => {
    const sub = join(dir, 'forget');
    const engine = createFakeEngine();
    const app = await buildWebApp(
      engine,
      { CREDIT_BOT_STAFF_TOKEN: TOKEN, CREDIT_BOT_STAFF_SHARED_DESK: '1' },
      { dataDir: sub },
    );
    const file = join(sub, 'web-cases.json');
    const NAME = '通城县隽水镇王小明副食店';
    try {
      const newCase = async () => {
        const id = (await app.inject({ method: 'POST', url: '/api/cases', headers: auth })).json()
          .caseId as string;
        const put = await app.inject({
          method: 'PUT',
          url: `/api/cases/${id}/draft-fields`,
          headers: auth,
          payload: { name: NAME, creditCode: '91110000600037341L' },
        });
        expect(put.statusCode).toBe(200);
        return id;
      };
      const id = await newCase();
      expect(await readFile(file, 'utf8')).toContain(NAME);

      const turn = await app.inject({
        method: 'POST',
        url: `/api/cases/${id}/turns`,
        headers: auth,
        payload: { text: '/forget' },
      });
      expect(turn.statusCode).toBe(200);
      const after = await app.inject({ method: 'GET', url: `/api/cases/${id}`, headers: auth });
      expect(after.json().draftFields).toEqual({});
      expect(await readFile(file, 'utf8')).not.toContain(NAME);
      expect(await readFile(file, 'utf8')).not.toContain('91110000600037341L');

      const other = await newCase();
      expect(engine.sessions.size).toBe(2);
      const del = await app.inject({ method: 'DELETE', url: `/api/cases/${other}`, headers: auth });
      expect(del.statusCode).toBe(204);
      expect(
        (await app.inject({ method: 'GET', url: `/api/cases/${other}`, headers: auth })).statusCode,
      ).toBe(404);
      expect(engine.sessions.size).toBe(1); // the engine forgot the conversation too
      expect(await readFile(file, 'utf8')).not.toContain(NAME);
    } finally {
      await app.close();
    }
  });
});
