// Two real `credit-bot web` processes on one PostgreSQL, as behind a load balancer: staff member A
// works a case through process 1 (a turn, the status, a note), staff member B has the same case open
// on a page served by process 2. B's page is told of each change over server-sent events, and B reads
// A's changes, with A's name on them, through process 2. Each process has its own data directory:
// the database is all they share.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type WebProcess as Proc, startWeb } from '../robustness/kill-load.ts';
import { freshPostgres, requirePostgres } from '../storage/databases.ts';
import { writeStaffAccounts } from './staff-accounts.ts';

async function login(base: string, user: string, password: string): Promise<string> {
  const res = await fetch(`${base}/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ user, password }).toString(),
    redirect: 'manual',
  });
  expect(res.status).toBe(303);
  return String(res.headers.get('set-cookie')).split(';')[0] as string;
}

// warns loudly without PostgreSQL, and fails under CI rather than passing silently
const HAVE_PG = requirePostgres();

describe.skipIf(!HAVE_PG)('two console processes on one PostgreSQL', () => {
  let db: Awaited<ReturnType<typeof freshPostgres>>;
  const dirs: string[] = [];
  const procs: Proc[] = [];

  beforeAll(async () => {
    db = await freshPostgres();
    const accountsDir = await mkdtemp(join(tmpdir(), 'web-two-'));
    dirs.push(accountsDir);
    const accounts = join(accountsDir, 'accounts.json');
    await writeStaffAccounts(accounts);
    for (let i = 0; i < 2; i++) {
      const data = await mkdtemp(join(tmpdir(), `web-two-${i}-`));
      dirs.push(data);
      procs.push(
        await startWeb({
          DATABASE_URL: db.url,
          CREDIT_BOT_DATA_DIR: data,
          CREDIT_BOT_STAFF_ACCOUNTS: accounts,
        }),
      );
    }
  }, 120_000);

  afterAll(async () => {
    for (const p of procs) {
      p.child.kill('SIGTERM');
      await p.exited;
    }
    await db?.drop();
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it("B on process 2 sees A's status and note made on process 1, live and on reading the case", async () => {
    const [one, two] = procs as [Proc, Proc];
    const a = { cookie: await login(one.url, 'wang', 'wang-password'), 'content-type': 'application/json' };
    const b = { cookie: await login(two.url, 'li', 'li-password') };

    const created = await fetch(`${one.url}/api/cases`, { method: 'POST', headers: a, body: '{}' });
    expect(created.status).toBe(201);
    const { caseId } = (await created.json()) as { caseId: string };

    // B opens the case on process 2 and listens for changes
    const events = await fetch(`${two.url}/api/cases/${caseId}/events`, { headers: b });
    expect(events.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = (events.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let stream = '';
    const seen: { what: string; byName: string; by: string }[] = [];
    const waitFor = async (what: string) => {
      const deadline = Date.now() + 15_000;
      while (!seen.some((e) => e.what === what)) {
        if (Date.now() > deadline)
          throw new Error(`no "${what}" event on process 2; got ${JSON.stringify(seen)}`);
        const { value, done } = await reader.read();
        if (done) throw new Error('the event stream closed');
        stream += decoder.decode(value, { stream: true });
        for (const m of stream.matchAll(/event: change\ndata: (.*)\n/g)) {
          const e = JSON.parse(m[1] as string);
          if (!seen.some((s) => JSON.stringify(s) === JSON.stringify(e))) seen.push(e);
        }
      }
      return seen.find((e) => e.what === what);
    };

    const turn = await fetch(`${one.url}/api/cases/${caseId}/turns`, {
      method: 'POST',
      headers: a,
      body: JSON.stringify({ text: '我们是个体户，2021年没报年报被列入经营异常名录了' }),
    });
    expect(turn.status).toBe(200);
    expect(await waitFor('turn')).toMatchObject({ by: 'wang', byName: '王敏' });

    const patch = await fetch(`${one.url}/api/cases/${caseId}/record`, {
      method: 'PATCH',
      headers: a,
      body: JSON.stringify({ status: 'waiting', callerPhone: '13907151234' }),
    });
    expect(patch.status).toBe(200);
    expect(await waitFor('record')).toMatchObject({ byName: '王敏' });
    const note = await fetch(`${one.url}/api/cases/${caseId}/notes`, {
      method: 'POST',
      headers: a,
      body: JSON.stringify({ text: '已告知先补报年报，周五回访' }),
    });
    expect(note.status).toBe(201);
    expect(await waitFor('note')).toMatchObject({ byName: '王敏' });
    await reader.cancel();

    const rec = (await (await fetch(`${two.url}/api/cases/${caseId}/record`, { headers: b })).json()) as {
      status: string;
      callerPhone: string;
      entries: { kind: string; byName: string; text?: string; from?: string }[];
    };
    expect(rec).toMatchObject({ status: 'waiting', callerPhone: '13907151234' });
    const changes = rec.entries.filter((e) => e.kind !== 'said').map((e) => `${e.kind}:${e.byName}`);
    expect(changes).toEqual(expect.arrayContaining(['status:王敏', 'phone:王敏', 'note:王敏']));
    expect(rec.entries.find((e) => e.kind === 'note')?.text).toBe('已告知先补报年报，周五回访');
    // what A's caller said is in the transcript B reads, in full
    expect(
      rec.entries.some((e) => e.kind === 'said' && e.from === 'caller' && e.text?.includes('2021年')),
    ).toBe(true);
    // and B finds the case in the list served by process 2 by the caller's phone
    const list = (await (await fetch(`${two.url}/api/case-list?q=13907151234`, { headers: b })).json()) as {
      cases: { id: string }[];
    };
    expect(list.cases.map((c) => c.id)).toEqual([caseId]);
  }, 60_000);
});
