// Who may do what: personal accounts by default, a shared desk only when asked for, the cross-site
// check whatever headers come along, the bearer-token throttle, and logging out for real.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuth, hashPassword, MAX_BAD_TOKENS, MAX_FAILURES_PER_IP } from '../../bots/web/auth.ts';
import { buildWebApp } from '../../bots/web/server.ts';
import { createFakeEngine } from './fake-engine.ts';

const TOKEN = 'access-token-0123456789abcdef-0123456789';
let dir: string;
let accounts: string;
let app: FastifyInstance;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'web-access-'));
  accounts = join(dir, 'accounts.json');
  await writeFile(
    accounts,
    JSON.stringify({
      accounts: [{ user: 'wang', name: '王敏', password: await hashPassword('correct horse') }],
    }),
  );
  app = await buildWebApp(
    createFakeEngine(),
    { CREDIT_BOT_STAFF_TOKEN: TOKEN, CREDIT_BOT_STAFF_ACCOUNTS: accounts },
    { dataDir: null },
  );
});

afterAll(async () => {
  await app.close();
  await rm(dir, { recursive: true, force: true });
});

async function login(user = 'wang', password = 'correct horse', remoteAddress = '127.0.0.1') {
  const res = await app.inject({ method: 'POST', url: '/login', remoteAddress, payload: { user, password } });
  const cookie = String(res.headers['set-cookie'] ?? '').split(';')[0] ?? '';
  return { location: res.headers.location, cookie };
}

describe('configuration', () => {
  it('refuses a token under 32 characters at start, saying how to make one', async () => {
    await expect(
      buildWebApp(
        createFakeEngine(),
        { CREDIT_BOT_STAFF_TOKEN: 'a'.repeat(16), CREDIT_BOT_STAFF_ACCOUNTS: accounts },
        { dataDir: null },
      ),
    ).rejects.toThrow(/CREDIT_BOT_STAFF_TOKEN is too short \(16 characters\).*openssl rand/);
  });

  it('wants personal accounts unless a shared desk is asked for explicitly', async () => {
    await expect(
      buildWebApp(createFakeEngine(), { CREDIT_BOT_STAFF_TOKEN: TOKEN }, { dataDir: null }),
    ).rejects.toThrow(/CREDIT_BOT_STAFF_ACCOUNTS.*CREDIT_BOT_STAFF_SHARED_DESK=1/);
    // without the opt-in the token is for scripts only: it does not log in on the page
    const res = await app.inject({
      method: 'POST',
      url: '/login',
      payload: { user: '李娜', password: TOKEN },
    });
    expect(res.headers.location).toBe('/login?e=bad');
  });
});

describe('cross-site writes', () => {
  it('refuses a foreign Origin with a cookie whatever Authorization header comes along', async () => {
    const { cookie } = await login();
    for (const authorization of [undefined, 'Basic d2FuZzp4', `Bearer ${TOKEN}`, 'Bearer wrong']) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/cases',
        headers: { cookie, origin: 'http://evil.example', ...(authorization && { authorization }) },
      });
      expect(res.statusCode, String(authorization)).toBe(403);
      expect(res.json().error).toBe('bad_origin');
    }
    const nullOrigin = await app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: { cookie, origin: 'null' },
    });
    expect(nullOrigin.statusCode).toBe(403);
    const own = await app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: { cookie, origin: 'http://console.example:8080', host: 'console.example:8080' },
    });
    expect(own.statusCode).toBe(201);
  });

  it('logs out even when the browser sends Origin: null, and the old cookie then gets 401', async () => {
    const { cookie } = await login();
    expect((await app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode).toBe(200);
    const out = await app.inject({ method: 'POST', url: '/logout', headers: { cookie, origin: 'null' } });
    expect(out.statusCode).toBe(303);
    expect(out.headers.location).toBe('/login');
    expect(String(out.headers['set-cookie'])).toMatch(/Max-Age=0/);
    const after = await app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    expect(after.statusCode).toBe(401);
  });

  it("sends Referrer-Policy: same-origin so the page's own posts carry its Origin", async () => {
    const res = await app.inject({ method: 'GET', url: '/login' });
    expect(res.headers['referrer-policy']).toBe('same-origin');
  });
});

describe('bearer token guessing', () => {
  it('answers 429 after more than 20 wrong tokens a minute from one address, others unaffected', async () => {
    const guess = (token: string, remoteAddress: string) =>
      app.inject({
        method: 'GET',
        url: '/api/cases',
        remoteAddress,
        headers: { authorization: `Bearer ${token}` },
      });
    for (let i = 0; i < MAX_BAD_TOKENS; i++)
      expect((await guess(`guess-${i}`, '10.9.9.9')).statusCode).toBe(401);
    const blocked = await guess('guess-x', '10.9.9.9');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers['retry-after']).toBe('60');
    expect((await guess(TOKEN, '10.9.9.9')).statusCode).toBe(429); // even the right one waits
    expect((await guess(TOKEN, '10.9.9.8')).statusCode).toBe(200);
  });

  it('lets the address try again after a minute', () => {
    let t = 0;
    const auth = createAuth({ token: TOKEN }, () => t);
    for (let i = 0; i <= MAX_BAD_TOKENS; i++) auth.bearer('Bearer nope', '10.1.1.1');
    expect(auth.bearer(`Bearer ${TOKEN}`, '10.1.1.1')).toBe('throttled');
    t += 61_000;
    expect(auth.bearer(`Bearer ${TOKEN}`, '10.1.1.1')).toEqual({ user: 'api', name: 'API' });
    auth.close();
  });
});

describe('login throttle behind one office address', () => {
  it('100 failed logins from the address do not lock out staff who work from it', async () => {
    const office = '198.51.100.20';
    expect((await login('wang', 'correct horse', office)).location).toBe('/');
    const auth = createAuth({ accounts: [{ user: 'wang', password: 'scrypt:x:pw' }] }, Date.now, {
      verify: async (pw, stored) => stored === `scrypt:x:${pw}`,
    });
    expect(await auth.login(office, 'wang', 'pw')).toBeTruthy();
    for (let i = 0; i < MAX_FAILURES_PER_IP + 5; i++) await auth.login(office, `guess${i}`, 'x');
    // a name never seen at this address waits; the office's own staff do not
    expect(await auth.login(office, 'guess-new', 'x')).toBeNull();
    expect(await auth.login(office, 'wang', 'pw')).toMatchObject({ user: { user: 'wang' } });
    auth.close();
  });
});
