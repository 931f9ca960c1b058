import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../bots/web/auth.ts';
import { buildWebApp, startWeb } from '../../bots/web/server.ts';
import { openStorage } from '../../dialogs/storage/index.ts';
import { createFakeEngine } from './fake-engine.ts';

const TOKEN = 'test-token-0123456789abcdef-0123456789';
const auth = { authorization: `Bearer ${TOKEN}` };
let dir: string;
let app: FastifyInstance;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'web-api-'));
  const accounts = join(dir, 'accounts.json');
  await writeFile(
    accounts,
    JSON.stringify({
      accounts: [{ user: 'wang', name: '王敏', password: await hashPassword('correct horse') }],
    }),
  );
  app = await buildWebApp(
    createFakeEngine(),
    { CREDIT_BOT_STAFF_TOKEN: TOKEN, CREDIT_BOT_STAFF_SHARED_DESK: '1', CREDIT_BOT_STAFF_ACCOUNTS: accounts },
    { dataDir: dir },
  );
});

afterAll(async () => {
  await app.close();
  await rm(dir, { recursive: true, force: true });
});

async function newCase(): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/cases', headers: auth });
  expect(res.statusCode).toBe(201);
  return res.json().caseId;
}

describe('access control', () => {
  it('answers 401 to every API route without credentials, and redirects pages to /login', async () => {
    for (const [method, url] of [
      ['GET', '/api/cases'],
      ['POST', '/api/cases'],
      ['GET', '/api/meta'],
      ['GET', '/api/cases/abcdefgh12'],
      ['GET', '/api/nonexistent'],
    ] as const) {
      const res = await app.inject({ method, url });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
      expect(res.json().error).toBe('unauthorized');
    }
    const page = await app.inject({ method: 'GET', url: '/' });
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/login');
  });

  it('rejects a wrong bearer token', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/api/cases',
      headers: { authorization: 'Bearer wrong' },
    });
    expect(res.statusCode).toBe(401);
  });

  it('logs in with an scrypt account and sets an HttpOnly SameSite=Strict session cookie', async () => {
    const bad = await app.inject({
      method: 'POST',
      url: '/login',
      payload: { user: 'wang', password: 'nope' },
    });
    expect(bad.statusCode).toBe(303);
    expect(bad.headers.location).toBe('/login?e=bad');
    expect(bad.headers['set-cookie']).toBeUndefined();

    const ok = await app.inject({
      method: 'POST',
      url: '/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'user=wang&password=correct+horse',
    });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe('/');
    const cookie = String(ok.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const sid = cookie.split(';')[0] as string;

    const me = await app.inject({ method: 'GET', url: '/api/me', headers: { cookie: sid } });
    expect(me.json()).toEqual({ user: 'wang', name: '王敏' });
    const page = await app.inject({ method: 'GET', url: '/', headers: { cookie: sid } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('坐席台');

    // a cookie-authenticated write from another site is refused
    const csrf = await app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: { cookie: sid, origin: 'http://evil.example' },
    });
    expect(csrf.statusCode).toBe(403);

    const out = await app.inject({ method: 'POST', url: '/logout', headers: { cookie: sid } });
    expect(out.statusCode).toBe(303);
    const after = await app.inject({ method: 'GET', url: '/api/me', headers: { cookie: sid } });
    expect(after.statusCode).toBe(401);
  });

  it('accepts the shared token on the login page of a shared desk, under the name typed', async () => {
    const anonymous = await app.inject({ method: 'POST', url: '/login', payload: { password: TOKEN } });
    expect(anonymous.headers.location).toBe('/login?e=bad');
    const ok = await app.inject({
      method: 'POST',
      url: '/login',
      payload: { user: '李娜', password: TOKEN },
    });
    expect(ok.headers.location).toBe('/');
    const sid = String(ok.headers['set-cookie']).split(';')[0] as string;
    expect(sid).toMatch(/^cb_staff=/);
    const me = await app.inject({ method: 'GET', url: '/api/me', headers: { cookie: sid } });
    expect(me.json().name).toContain('李娜');
  });

  it('refuses to start without any access control configured', async () => {
    await expect(buildWebApp(createFakeEngine(), {}, { dataDir: null })).rejects.toThrow(
      /CREDIT_BOT_STAFF_TOKEN/,
    );
  });

  it('sends security headers with a strict CSP and no inline script in the page', async () => {
    const res = await app.inject({ method: 'GET', url: '/login' });
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(res.headers['content-security-policy']).not.toMatch(/unsafe-inline/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    for (const page of ['/login', '/']) {
      const html = (await app.inject({ method: 'GET', url: page, headers: auth })).body;
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      expect(html).not.toMatch(/https?:\/\//);
      expect(html).not.toMatch(/\son[a-z]+=/);
    }
  });
});

describe('cases', () => {
  it('runs a call: create, turns, choices, facts and determination', async () => {
    const created = await app.inject({ method: 'POST', url: '/api/cases', headers: auth });
    expect(created.statusCode).toBe(201);
    const { caseId, reply, choices } = created.json();
    expect(caseId).toMatch(/^[A-Za-z0-9_-]{8,}$/);
    expect(reply).toContain('信用修复助手');
    expect(choices).toEqual([{ id: 'menu-repair', label: '移出经营异常名录' }]);

    const t1 = await app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/turns`,
      headers: auth,
      payload: { text: '我是个体户，2021年因为没报年报被列入了' },
    });
    expect(t1.statusCode).toBe(200);
    const b1 = t1.json();
    expect(b1.facts).toMatchObject({ entityType: 'individual', listed: true, listedYear: 2021 });
    expect(b1.determination.path).toBe('tolerant-repair-annual-report');
    expect(b1.choices.map((c: { id: string }) => c.id)).toEqual(['yes', 'no']);

    const t2 = await app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/turns`,
      headers: auth,
      payload: { choiceId: 'yes' },
    });
    expect(t2.json().determination.eligible).toBe(true);

    const got = await app.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers: auth });
    const view = got.json();
    expect(view.readAloud).toContain('容缺修复');
    expect(view.history.filter((h: { from: string }) => h.from === 'user')).toHaveLength(3);

    const list = await app.inject({ method: 'GET', url: '/api/cases', headers: auth });
    const row = list.json().cases.find((c: { id: string }) => c.id === caseId);
    expect(row).toMatchObject({ path: 'tolerant-repair-annual-report', eligible: true });

    // the case record is in the database in the data dir
    const storage = await openStorage({ dataDir: dir });
    expect(await storage.cases.get(caseId)).toMatchObject({
      path: 'tolerant-repair-annual-report',
      eligible: true,
    });
    await storage.close();
  });

  it('edits facts: sets, clears with null and re-evaluates', async () => {
    const id = await newCase();
    const put = await app.inject({
      method: 'PUT',
      url: `/api/cases/${id}/facts`,
      headers: auth,
      payload: {
        entityType: 'individual',
        listed: true,
        listingReason: 'annual_report_overdue',
        listedYear: 2022,
        previousYearReportFiled: false,
      },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json().determination).toMatchObject({
      path: 'tolerant-repair-annual-report',
      eligible: false,
    });
    const cleared = await app.inject({
      method: 'PUT',
      url: `/api/cases/${id}/facts`,
      headers: auth,
      payload: { previousYearReportFiled: null },
    });
    expect(cleared.json().facts.previousYearReportFiled).toBeUndefined();
    expect(cleared.json().determination.missing).toEqual(['previousYearReportFiled']);
  });

  it('rejects invalid facts with a reason naming each problem', async () => {
    const id = await newCase();
    const res = await app.inject({
      method: 'PUT',
      url: `/api/cases/${id}/facts`,
      headers: auth,
      payload: { entityType: 'company', listedYear: 1800, bogus: 1 },
    });
    expect(res.statusCode).toBe(400);
    const { message } = res.json();
    expect(message).toMatch(/entityType/);
    expect(message).toMatch(/listedYear/);
    expect(message).toMatch(/bogus/);
  });

  it('serves drafts as docx, txt and md from the facts and staff-typed fields, blanks for the unknown', async () => {
    const id = await newCase();
    await app.inject({
      method: 'PUT',
      url: `/api/cases/${id}/facts`,
      headers: auth,
      payload: {
        entityType: 'individual',
        listed: true,
        listingReason: 'annual_report_overdue',
        listedYear: 2021,
        previousYearReportFiled: true,
      },
    });
    const fields = await app.inject({
      method: 'PUT',
      url: `/api/cases/${id}/draft-fields`,
      headers: auth,
      payload: { name: '通城县某某小吃店', creditCode: '91110000600037341l', phone: '' },
    });
    expect(fields.statusCode).toBe(200);
    expect(fields.json().draftFields).toEqual({ name: '通城县某某小吃店', creditCode: '91110000600037341L' });

    const txt = await app.inject({
      method: 'GET',
      url: `/api/cases/${id}/drafts/repair-application?format=txt`,
      headers: auth,
    });
    expect(txt.statusCode).toBe(200);
    expect(txt.headers['content-type']).toMatch(/text\/plain/);
    expect(txt.headers['content-disposition']).toMatch(
      /^attachment; filename="repair-application.txt"; filename\*=UTF-8''/,
    );
    expect(txt.body).toContain('通城县某某小吃店');
    expect(txt.body).toContain('个体工商户');
    expect(txt.body).toContain('2021年');
    expect(txt.body).toMatch(/联系电话：＿+/);

    const md = await app.inject({
      method: 'GET',
      url: `/api/cases/${id}/drafts/credit-commitment?format=md`,
      headers: auth,
    });
    expect(md.headers['content-type']).toMatch(/text\/markdown/);
    expect(md.body).toContain('守信承诺书');

    const docx = await app.inject({
      method: 'GET',
      url: `/api/cases/${id}/drafts/repair-application?format=docx`,
      headers: auth,
    });
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toMatch(/wordprocessingml/);
    const zip = await JSZip.loadAsync(docx.rawPayload);
    expect(await zip.file('word/document.xml')?.async('string')).toContain('通城县某某小吃店');

    // a document of another route would state facts nobody confirmed: refused with the reason
    const other = await app.inject({
      method: 'GET',
      url: `/api/cases/${id}/drafts/minor-error-application?format=txt`,
      headers: auth,
    });
    expect(other.statusCode).toBe(409);
    expect(other.json().message).toContain('和您目前的情况不符');

    const badFormat = await app.inject({
      method: 'GET',
      url: `/api/cases/${id}/drafts/credit-commitment?format=pdf`,
      headers: auth,
    });
    expect(badFormat.statusCode).toBe(400);
    const badDoc = await app.inject({
      method: 'GET',
      url: `/api/cases/${id}/drafts/nonsense`,
      headers: auth,
    });
    expect(badDoc.statusCode).toBe(404);
  });

  it('rejects an invalid credit code typed for the drafts, naming the field', async () => {
    const id = await newCase();
    const res = await app.inject({
      method: 'PUT',
      url: `/api/cases/${id}/draft-fields`,
      headers: auth,
      payload: { creditCode: '91110000600037341A' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().problems[0].field).toBe('creditCode');
    expect(res.json().message).toMatch(/统一社会信用代码/);
    const unknown = await app.inject({
      method: 'PUT',
      url: `/api/cases/${id}/draft-fields`,
      headers: auth,
      payload: { salary: '1' },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toMatch(/salary/);
  });
});

describe('bad input', () => {
  it('answers 404 for an unknown case on every case route', async () => {
    for (const [method, url, payload] of [
      ['GET', '/api/cases/doesnotexist', undefined],
      ['POST', '/api/cases/doesnotexist/turns', { text: '你好' }],
      ['PUT', '/api/cases/doesnotexist/facts', { listed: true }],
      ['GET', '/api/cases/doesnotexist/drafts/repair-application', undefined],
      ['GET', '/api/cases/..%2F..%2Fetc/drafts/repair-application', undefined],
    ] as const) {
      const res = await app.inject({ method, url, headers: auth, payload });
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error).toBe('not_found');
    }
  });

  it('answers bad JSON with a bilingual reason and no stack trace', async () => {
    const id = await newCase();
    const res = await app.inject({
      method: 'POST',
      url: `/api/cases/${id}/turns`,
      headers: { ...auth, 'content-type': 'application/json' },
      payload: '{"text": "没报年报',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/JSON/);
    expect(res.json().message).toMatch(/不是合法/);
    expect(res.body).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  it('rejects text over 10,000 characters, empty turns and oversize bodies', async () => {
    const id = await newCase();
    const long = await app.inject({
      method: 'POST',
      url: `/api/cases/${id}/turns`,
      headers: auth,
      payload: { text: '年'.repeat(10_001) },
    });
    expect(long.statusCode).toBe(400);
    expect(long.json().error).toBe('text_too_long');

    const atLimit = await app.inject({
      method: 'POST',
      url: `/api/cases/${id}/turns`,
      headers: auth,
      payload: { text: '好'.repeat(10_000) },
    });
    expect(atLimit.statusCode).toBe(200);

    const empty = await app.inject({
      method: 'POST',
      url: `/api/cases/${id}/turns`,
      headers: auth,
      payload: {},
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message).toMatch(/text/);

    const huge = await app.inject({
      method: 'POST',
      url: `/api/cases/${id}/turns`,
      headers: { ...auth, 'content-type': 'application/json' },
      payload: JSON.stringify({ text: 'x'.repeat(300_000) }),
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error).toBe('too_large');
  });

  it('stores an XSS payload as data and returns it unchanged in JSON', async () => {
    const id = await newCase();
    const evil = '<script>alert(1)</script>';
    await app.inject({
      method: 'POST',
      url: `/api/cases/${id}/turns`,
      headers: auth,
      payload: { text: evil },
    });
    await app.inject({
      method: 'PUT',
      url: `/api/cases/${id}/draft-fields`,
      headers: auth,
      payload: { name: evil },
    });
    const res = await app.inject({ method: 'GET', url: `/api/cases/${id}`, headers: auth });
    expect(res.headers['content-type']).toMatch(/application\/json/);
    const view = res.json();
    expect(view.history.some((h: { text: string }) => h.text === evil)).toBe(true);
    expect(view.draftFields.name).toBe(evil);
  });
});

describe('startWeb', () => {
  it('listens on 127.0.0.1 with port 0 and stops', async () => {
    const web = await startWeb(
      createFakeEngine(),
      {
        CREDIT_BOT_STAFF_TOKEN: TOKEN,
        CREDIT_BOT_STAFF_SHARED_DESK: '1',
        CREDIT_BOT_WEB_PORT: '0',
        CREDIT_BOT_LOG_LEVEL: 'silent',
      },
      { dataDir: null },
    );
    expect(web.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const res = await fetch(`${web.url}api/meta`, { headers: auth });
    expect(res.status).toBe(200);
    const meta = await res.json();
    expect(meta.facts.find((f: { name: string }) => f.name === 'entityType').label).toBe('主体类型');
    await web.stop();
  });

  it('rejects a port that is not a number', async () => {
    await expect(
      startWeb(createFakeEngine(), {
        CREDIT_BOT_STAFF_TOKEN: TOKEN,
        CREDIT_BOT_STAFF_SHARED_DESK: '1',
        CREDIT_BOT_WEB_PORT: 'http',
      }),
    ).rejects.toThrow(/CREDIT_BOT_WEB_PORT/);
  });
});

describe('over the real engine', () => {
  it('runs a turn, edits and clears a fact, and renders a draft from the session facts', async () => {
    const { createEngine } = await import('../../dialogs/engine.ts');
    const { silentLogger } = await import('../../dialogs/log.ts');
    const realDir = await mkdtemp(join(tmpdir(), 'web-real-'));
    const engine = await createEngine({ dataDir: realDir, log: silentLogger });
    const real = await buildWebApp(
      engine,
      { CREDIT_BOT_STAFF_TOKEN: TOKEN, CREDIT_BOT_STAFF_SHARED_DESK: '1' },
      { dataDir: realDir },
    );
    try {
      const created = await real.inject({ method: 'POST', url: '/api/cases', headers: auth });
      const { caseId, choices } = created.json();
      expect(choices.length).toBeGreaterThan(0);
      const turn = await real.inject({
        method: 'POST',
        url: `/api/cases/${caseId}/turns`,
        headers: auth,
        payload: { text: '我是个体户，2021年因为没按时报年报被列入经营异常名录了' },
      });
      expect(turn.json().determination.path).toBe('tolerant-repair-annual-report');
      expect(turn.json().facts).toMatchObject({ entityType: 'individual', listedYear: 2021 });

      const set = await real.inject({
        method: 'PUT',
        url: `/api/cases/${caseId}/facts`,
        headers: auth,
        payload: { previousYearReportFiled: true },
      });
      expect(set.json().determination.eligible).toBe(true);
      expect(set.json().readAloud).toContain('5个工作日');
      const cleared = await real.inject({
        method: 'PUT',
        url: `/api/cases/${caseId}/facts`,
        headers: auth,
        payload: { listedYear: null },
      });
      expect(cleared.json().facts.listedYear).toBeUndefined();

      // the route is open again without the year: no letter until it is confirmed
      const early = await real.inject({
        method: 'GET',
        url: `/api/cases/${caseId}/drafts/repair-application?format=txt`,
        headers: auth,
      });
      expect(early.statusCode).toBe(409);
      expect(early.json().error).toBe('not_applicable');
      await real.inject({
        method: 'PUT',
        url: `/api/cases/${caseId}/facts`,
        headers: auth,
        payload: { listedYear: 2021 },
      });
      const wrongRoute = await real.inject({
        method: 'GET',
        url: `/api/cases/${caseId}/drafts/minor-error-application?format=txt`,
        headers: auth,
      });
      expect(wrongRoute.statusCode).toBe(409);

      const txt = await real.inject({
        method: 'GET',
        url: `/api/cases/${caseId}/drafts/repair-application?format=txt`,
        headers: auth,
      });
      expect(txt.statusCode).toBe(200);
      expect(txt.body).toContain('个体工商户');
      expect(txt.body).toContain('＿＿');
    } finally {
      await real.close();
      await engine.close();
      await rm(realDir, { recursive: true, force: true });
    }
  });
});
