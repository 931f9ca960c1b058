// Case records over the API: the full transcript (button labels, long answers, every message), the
// lifecycle with an audit row naming who changed what, search and paging, statistics, XLSX/CSV
// exports read back, live refresh over server-sent events, the records surviving a restart, and the
// old JSON-lines file of the console imported into the database once.

import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../bots/web/auth.ts';
import { buildWebApp } from '../../bots/web/server.ts';
import { openStorage } from '../../dialogs/storage/index.ts';
import { createFakeEngine } from './fake-engine.ts';

let dir: string;
let accounts: string;
let app: FastifyInstance;
const engine = createFakeEngine();
const cookies: Record<string, string> = {};

/** a clock that never gives two writes the same millisecond, so "newest activity first" has one answer */
let lastTick = 0;
const strictlyLater = () => {
  lastTick = Math.max(Date.now(), lastTick + 1);
  return new Date(lastTick);
};

async function start(): Promise<FastifyInstance> {
  return buildWebApp(engine, { CREDIT_BOT_STAFF_ACCOUNTS: accounts }, { dataDir: dir, now: strictlyLater });
}

async function login(a: FastifyInstance, user: string): Promise<string> {
  const res = await a.inject({ method: 'POST', url: '/login', payload: { user, password: `${user}-pw` } });
  return String(res.headers['set-cookie']).split(';')[0] as string;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'web-records-'));
  accounts = join(dir, 'accounts.json');
  await writeFile(
    accounts,
    JSON.stringify({
      accounts: [
        { user: 'wang', name: '王敏', password: await hashPassword('wang-pw') },
        { user: 'li', name: '李娜', password: await hashPassword('li-pw') },
      ],
    }),
  );
  app = await start();
  cookies.wang = await login(app, 'wang');
  cookies.li = await login(app, 'li');
});

afterAll(async () => {
  await app.close();
  await rm(dir, { recursive: true, force: true });
});

/** a unified social credit code with a correct check character (GB 32100-2015) */
function creditCode(body17: string): string {
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = [...body17].reduce((n, c, i) => n + chars.indexOf(c) * (weights[i] as number), 0);
  return body17 + chars[(31 - (sum % 31)) % 31];
}

const as = (user: string) => ({ cookie: cookies[user] as string });

async function newCase(user = 'wang'): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/cases', headers: as(user) });
  expect(res.statusCode).toBe(201);
  return res.json().caseId;
}

async function say(id: string, body: object, user = 'wang') {
  const res = await app.inject({
    method: 'POST',
    url: `/api/cases/${id}/turns`,
    headers: as(user),
    payload: body,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('transcript', () => {
  it('keeps every message in full and shows a button click as its label', async () => {
    const id = await newCase();
    await say(id, { text: '我是个体户，2021年没报年报被列入经营异常了' });
    const pending = await say(id, { text: '说详细点' });
    expect(pending.reply.length).toBeGreaterThan(1000);
    await say(id, { text: '个体户' }); // asks about previousYearReportFiled again, with 是/否 buttons
    await say(id, { choiceId: 'yes' });
    for (let i = 0; i < 15; i++) await say(id, { text: `补充情况第${i}条` });
    const view = (await app.inject({ method: 'GET', url: `/api/cases/${id}`, headers: as('wang') })).json();
    const said = view.record.entries.filter((e: { kind: string }) => e.kind === 'said');
    expect(said.length).toBeGreaterThan(30); // the engine's own history keeps only 20
    const long = said.find((e: { text: string }) => e.text.startsWith('详细说明'));
    expect(long.text.length).toBe(pending.reply.length);
    expect(long.text.endsWith('完。')).toBe(true);
    const click = said.find((e: { choice?: string }) => e.choice === 'yes');
    expect(click).toMatchObject({ from: 'caller', text: '是', by: '王敏', byName: '王敏' });
    expect(said.some((e: { text: string }) => /^\[/.test(e.text) || e.text === '/start')).toBe(false);
    expect(said[0]).toMatchObject({ from: 'bot' }); // the greeting, without the /start behind it
    expect(said.at(-1).from).toBe('bot');
  });
});

describe('a turn answer', () => {
  it('carries only the entries the turn added; joined to the record held before, it is the whole record', async () => {
    const id = await newCase();
    await say(id, { text: '我们是个体户，2021年没报年报被列入经营异常了' });
    await say(id, { text: '去年的年报也没有报' });
    const get = async () =>
      (await app.inject({ method: 'GET', url: `/api/cases/${id}`, headers: as('wang') })).json().record;
    const held = await get();
    expect(held.entries.length).toBeGreaterThan(4);
    const answer = await say(id, { text: '需要准备哪些材料' });
    const tail = answer.case.record;
    expect(tail.tail).toBe(true);
    expect(tail.entries.map((e: { text?: string }) => e.text)).toContain('需要准备哪些材料');
    const keys = new Set(held.entries.map((e: { key: string }) => e.key));
    expect(tail.entries.some((e: { key: string }) => keys.has(e.key))).toBe(false);
    expect([...held.entries, ...tail.entries]).toEqual((await get()).entries);
    // the page's follow-up fields come with it
    expect(tail).toMatchObject({ id, status: held.status, openedByName: '王敏' });
  });
});

describe('lifecycle and audit trail', () => {
  it('records status, caller phone, callback date, notes, fact and field edits with who made them', async () => {
    const id = await newCase('wang');
    await say(id, { text: '个体户，2021年没报年报被列入了' });
    const patch = (body: object, user: string) =>
      app.inject({ method: 'PATCH', url: `/api/cases/${id}/record`, headers: as(user), payload: body });
    expect((await patch({ callerPhone: '13800138000', callbackDate: '2026-12-08' }, 'wang')).statusCode).toBe(
      200,
    );
    const bad = await patch({ callerPhone: '12345' }, 'wang');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/^来电号码格式不对/);
    expect((await patch({ status: 'finished' }, 'wang')).statusCode).toBe(400);
    expect((await patch({ owner: 'li' }, 'wang')).statusCode).toBe(400);
    const note = await app.inject({
      method: 'POST',
      url: `/api/cases/${id}/notes`,
      headers: as('li'),
      payload: { text: '已告知补报年报，周五回访' },
    });
    expect(note.statusCode).toBe(201);
    const facts = await app.inject({
      method: 'PUT',
      url: `/api/cases/${id}/facts`,
      headers: as('li'),
      payload: { previousYearReportFiled: true },
    });
    expect(facts.statusCode).toBe(200);
    const fields = await app.inject({
      method: 'PUT',
      url: `/api/cases/${id}/draft-fields`,
      headers: as('li'),
      payload: { name: '通城县惠民小吃店', creditCode: creditCode('92421222MA4ABCDE1') },
    });
    expect(fields.statusCode, fields.body).toBe(200);
    expect((await patch({ status: 'closed' }, 'li')).statusCode).toBe(200);

    const rec = (
      await app.inject({ method: 'GET', url: `/api/cases/${id}/record`, headers: as('wang') })
    ).json();
    expect(rec).toMatchObject({
      status: 'closed',
      callerPhone: '13800138000',
      callbackDate: '2026-12-08',
      company: '通城县惠民小吃店',
      openedByName: '王敏',
    });
    const audit = rec.entries.filter((e: { kind: string }) => e.kind !== 'said');
    expect(audit.map((e: { kind: string; byName: string }) => `${e.kind}:${e.byName}`)).toEqual([
      'phone:王敏',
      'callback:王敏',
      'note:李娜',
      'fact:李娜',
      'field:李娜',
      'field:李娜',
      'status:李娜',
    ]);
    expect(audit[3]).toMatchObject({ fact: 'previousYearReportFiled', from: null, to: true });
    expect(rec.staff).toEqual(['王敏', '李娜']);
  });

  it('names facts by their Chinese label when a value is refused', async () => {
    const id = await newCase();
    const res = await app.inject({
      method: 'PUT',
      url: `/api/cases/${id}/facts`,
      headers: as('wang'),
      payload: { listedYear: 1800 },
    });
    expect(res.statusCode).toBe(400);
    const chinese = res.json().message.split(' / ')[0];
    expect(chinese).toMatch(/^事实无效|「/);
    expect(chinese).not.toMatch(/listedYear/);
    expect(chinese).toContain('年份');
  });
});

describe('case list', () => {
  it('finds cases by company, credit code, caller phone, status, route and date, with paging', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      const id = await newCase(i % 2 ? 'li' : 'wang');
      ids.push(id);
      await app.inject({
        method: 'PUT',
        url: `/api/cases/${id}/draft-fields`,
        headers: as('wang'),
        payload: {
          name: `搜索测试商行${i}号`,
          creditCode: creditCode(`92421222MA4ABC${String(i).padStart(3, '0')}`),
        },
      });
    }
    await app.inject({
      method: 'PATCH',
      url: `/api/cases/${ids[3]}/record`,
      headers: as('wang'),
      payload: { callerPhone: '0715-4321987', status: 'waiting' },
    });
    const list = async (qs: string) => {
      const res = await app.inject({ method: 'GET', url: `/api/case-list?${qs}`, headers: as('li') });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { total: number; cases: { id: string; company: string }[] };
    };
    expect((await list('q=搜索测试商行')).total).toBe(7);
    expect((await list(`q=${encodeURIComponent('商行5号')}`)).cases.map((c) => c.id)).toEqual([ids[5]]);
    expect((await list('q=92421222ma4abc002')).cases.map((c) => c.id)).toEqual([ids[2]]);
    expect((await list('q=4321987')).cases.map((c) => c.id)).toEqual([ids[3]]);
    expect((await list('q=搜索测试&status=waiting')).cases.map((c) => c.id)).toEqual([ids[3]]);
    expect((await list('q=搜索测试&path=undetermined')).total).toBe(7);
    expect((await list('q=搜索测试&path=standard-repair')).total).toBe(0);
    expect((await list('q=搜索测试&from=2000-01-01&to=2000-01-02')).total).toBe(0);
    const page1 = await list('q=搜索测试&limit=3');
    const page3 = await list('q=搜索测试&limit=3&offset=6');
    expect(page1.cases).toHaveLength(3);
    expect(page3.cases).toHaveLength(1);
    expect(page1.cases[0]?.id).toBe(ids[3]); // newest activity first: its phone was set last
    for (const bad of [
      'status=gone',
      'from=2026-13-01',
      'limit=5000',
      'path=nowhere',
      `q=${'x'.repeat(101)}`,
    ]) {
      const res = await app.inject({ method: 'GET', url: `/api/case-list?${bad}`, headers: as('li') });
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().message).toMatch(/ \/ /);
    }
  });
});

describe('statistics and exports', () => {
  it('counts calls, routes, eligibility, unmet conditions and staff work', async () => {
    const stats = (await app.inject({ method: 'GET', url: '/api/stats', headers: as('wang') })).json();
    expect(stats.perDay).toHaveLength(30);
    expect(stats.perDay.reduce((n: number, d: { count: number }) => n + d.count, 0)).toBe(stats.total);
    expect(stats.total).toBeGreaterThanOrEqual(10);
    expect(stats.routes.reduce((n: number, r: { count: number }) => n + r.count, 0)).toBe(stats.total);
    expect(stats.eligible.yes + stats.eligible.no + stats.eligible.unknown).toBe(stats.total);
    expect(stats.staff.map((p: { name: string }) => p.name).sort()).toEqual(['李娜', '王敏']);
    const li = stats.staff.find((p: { name: string }) => p.name === '李娜');
    expect(li.closed).toBe(1);
    expect(stats.statuses.find((s: { status: string }) => s.status === 'closed').label).toBe('已办结');
  });

  it('exports the case list as XLSX and CSV that read back, with formulas defused', async () => {
    const id = await newCase();
    await app.inject({
      method: 'PUT',
      url: `/api/cases/${id}/draft-fields`,
      headers: as('wang'),
      payload: { name: '=HYPERLINK("http://evil.example","点我")' },
    });
    const xlsx = await app.inject({
      method: 'GET',
      url: '/api/export/cases.xlsx?q=搜索测试商行5',
      headers: as('wang'),
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toMatch(
      /attachment; filename="cases-\d{4}-\d{2}-\d{2}\.xlsx"/,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws?.getRow(1).getCell(2).value).toBe('企业名称');
    expect(ws?.getRow(2).getCell(2).value).toBe('搜索测试商行5号');
    expect(ws?.rowCount).toBe(2);

    const csv = await app.inject({
      method: 'GET',
      url: '/api/export/cases.csv?q=HYPERLINK',
      headers: as('wang'),
    });
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body.startsWith('\uFEFF编号,企业名称')).toBe(true);
    expect(csv.body).toContain(`"'=HYPERLINK(""http://evil.example"",""点我"")"`);

    const stats = await app.inject({ method: 'GET', url: '/api/export/stats.xlsx', headers: as('wang') });
    const sb = new ExcelJS.Workbook();
    await sb.xlsx.load(stats.rawPayload as unknown as ArrayBuffer);
    expect(sb.worksheets.map((w) => w.name)).toEqual([
      '概况',
      '每日来电',
      '办理途径',
      '未满足条件',
      '坐席',
      '状态',
    ]);
    expect(
      (await app.inject({ method: 'GET', url: '/api/export/cases.pdf', headers: as('wang') })).statusCode,
    ).toBe(400);
  });
});

describe('live refresh', () => {
  it("pushes a colleague's change to a page that has the case open", async () => {
    const id = await newCase('wang');
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    const req = request(`${url}/api/cases/${id}/events`, { headers: as('wang') });
    req.end();
    const [res] = (await once(req, 'response')) as [import('node:http').IncomingMessage];
    expect(res.headers['content-type']).toMatch(/text\/event-stream/);
    res.setEncoding('utf8');
    let text = '';
    const got = new Promise<void>((resolve) => {
      res.on('data', (chunk: string) => {
        text += chunk;
        if (text.includes('event: change')) resolve();
      });
    });
    await app.inject({
      method: 'POST',
      url: `/api/cases/${id}/notes`,
      headers: as('li'),
      payload: { text: '我来跟进' },
    });
    await got;
    const data = JSON.parse(/data: (.*)\n/.exec(text.slice(text.indexOf('event: change')))?.[1] ?? '{}');
    expect(data).toMatchObject({ caseId: id, by: 'li', byName: '李娜', what: 'note' });
    req.destroy();
  });
});

describe('persistence', () => {
  it('keeps records, entries and audit rows across a restart', async () => {
    const id = await newCase();
    await say(id, { text: '个体户' });
    await app.close();
    app = await start();
    cookies.wang = await login(app, 'wang');
    cookies.li = await login(app, 'li');
    const rec = await app.inject({ method: 'GET', url: `/api/cases/${id}/record`, headers: as('li') });
    expect(rec.statusCode).toBe(200);
    expect(
      rec
        .json()
        .entries.some((e: { kind: string; text: string }) => e.kind === 'said' && e.text === '个体户'),
    ).toBe(true);
    expect(
      (await app.inject({ method: 'GET', url: '/api/case-list?q=搜索测试商行', headers: as('li') })).json()
        .total,
    ).toBe(7);
  });

  it("imports the console's old JSON-lines file once, keeps it aside, and skips a line cut short", async () => {
    const old = await mkdtemp(join(tmpdir(), 'web-records-old-'));
    const at = new Date(Date.now() - 86_400_000).toISOString();
    const who = { by: 'zhao', byName: '赵强' };
    const lines = [
      {
        op: 'create',
        rec: {
          id: 'oldcase0001',
          created: at,
          lastActivity: at,
          openedBy: 'zhao',
          openedByName: '赵强',
          status: 'open',
          company: '通城县老字号商店',
          creditCode: '',
          callerPhone: '',
          callbackDate: '',
          path: 'undetermined',
          eligible: null,
          unmet: [],
          staff: ['zhao'],
          facts: {},
        },
      },
      {
        op: 'entry',
        id: 'oldcase0001',
        entry: { kind: 'said', from: 'caller', text: '我们是个体户', at, ...who },
      },
      { op: 'entry', id: 'oldcase0001', entry: { kind: 'note', text: '下周回访', at, ...who } },
      { op: 'entry', id: 'oldcase0001', entry: { kind: 'status', from: 'open', to: 'waiting', at, ...who } },
      { op: 'patch', id: 'oldcase0001', patch: { status: 'waiting', callerPhone: '13907151234' }, at },
    ];
    // the previous release also wrote the case to the database: the session's excerpt of what was
    // said, and an audit row naming staff by login
    const before = await openStorage({ dataDir: old });
    await before.db.run(
      "INSERT INTO cases (id, session_key, channel, owner, created_at, updated_at, day) VALUES ('oldcase0001', 'web:oldcase0001:zhao', 'web', 'zhao', ?, ?, '2026-01-01')",
      [Date.parse(at), Date.parse(at)],
    );
    await before.db.run(
      "INSERT INTO transcript (case_id, at, speaker, text) VALUES ('oldcase0001', ?, 'user', '我们是个')",
      [Date.parse(at)],
    );
    await before.db.run(
      "INSERT INTO audit (case_id, at, actor, channel, kind, field, new_value) VALUES ('oldcase0001', ?, 'zhao', 'web', 'fact', 'entityType', '\"individual\"')",
      [Date.parse(at)],
    );
    await before.close();
    await writeFile(
      join(old, 'web-case-records.jsonl'),
      `${lines.map((l) => JSON.stringify(l)).join('\n')}\n{"op":"entry","id":"x`,
    );
    const env = { CREDIT_BOT_STAFF_ACCOUNTS: accounts };
    const first = await buildWebApp(engine, env, { dataDir: old });
    const cookie = String(
      (await first.inject({ method: 'POST', url: '/login', payload: { user: 'li', password: 'li-pw' } }))
        .headers['set-cookie'],
    ).split(';')[0] as string;
    const found = (
      await first.inject({ method: 'GET', url: '/api/case-list?q=老字号', headers: { cookie } })
    ).json();
    expect(found.cases).toMatchObject([
      { id: 'oldcase0001', status: 'waiting', callerPhone: '13907151234', openedByName: '赵强', notes: 1 },
    ]);
    const rec = (
      await first.inject({ method: 'GET', url: '/api/cases/oldcase0001/record', headers: { cookie } })
    ).json();
    expect(rec.entries.map((e: { kind: string; byName: string }) => `${e.kind}:${e.byName}`)).toEqual([
      'said:赵强',
      'fact:赵强',
      'note:赵强',
      'status:赵强',
    ]);
    expect(rec.entries[0].text).toBe('我们是个体户');
    await first.close();
    expect(existsSync(join(old, 'web-case-records.jsonl'))).toBe(false);
    expect(existsSync(join(old, 'web-case-records.jsonl.imported'))).toBe(true);
    // a second start finds nothing to import: the note is not doubled
    const second = await buildWebApp(engine, env, { dataDir: old });
    const again = await second.inject({
      method: 'POST',
      url: '/login',
      payload: { user: 'li', password: 'li-pw' },
    });
    const c2 = String(again.headers['set-cookie']).split(';')[0] as string;
    const rec2 = (
      await second.inject({ method: 'GET', url: '/api/cases/oldcase0001/record', headers: { cookie: c2 } })
    ).json();
    expect(rec2.entries.filter((e: { kind: string }) => e.kind === 'note')).toHaveLength(1);
    await second.close();
    await rm(old, { recursive: true, force: true });
  });
});
