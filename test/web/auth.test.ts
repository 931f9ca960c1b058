// The login throttle: one person's wrong passwords lock out that person (from that address), not the
// whole call centre behind one NAT address; an address as a whole has a looser cap; old entries are
// swept; an unknown user name costs the same password check as a known one.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createAuth,
  FAILURE_WINDOW_MS,
  hashPassword,
  MAX_FAILURES,
  MAX_FAILURES_PER_IP,
  SWEEP_MS,
} from '../../bots/web/auth.ts';
import { buildWebApp } from '../../bots/web/server.ts';
import { createFakeEngine } from './fake-engine.ts';

const NAT = '203.0.113.7';

/** accounts whose "hash" is the password in clear, checked by a counting stand-in for scrypt */
function testAuth(now: () => number = Date.now) {
  const checked: string[] = [];
  const auth = createAuth(
    {
      accounts: [
        { user: 'wang', password: 'scrypt:x:wang-pw' },
        { user: 'li', password: 'scrypt:x:li-pw' },
      ],
    },
    now,
    {
      verify: async (password, stored) => {
        checked.push(stored);
        return stored === `scrypt:x:${password}`;
      },
    },
  );
  return { auth, checked };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('login throttle', () => {
  it('locks out one user at one address, not colleagues behind the same address', async () => {
    const { auth } = testAuth();
    for (let i = 0; i < MAX_FAILURES; i++) expect(await auth.login(NAT, 'wang', 'typo')).toBe(false);
    expect(await auth.login(NAT, 'wang', 'wang-pw')).toBeNull(); // throttled, even with the right password
    expect(await auth.login(NAT, 'li', 'li-pw')).toMatchObject({ user: { user: 'li' } });
    expect(await auth.login('198.51.100.1', 'wang', 'wang-pw')).toMatchObject({ user: { user: 'wang' } });
    auth.close();
  });

  it('caps wrong logins per address across user names, more loosely, for names not seen there', async () => {
    const { auth } = testAuth();
    for (let i = 0; i < MAX_FAILURES_PER_IP; i++) await auth.login(NAT, `guess${i}`, 'x');
    expect(MAX_FAILURES_PER_IP).toBeGreaterThan(MAX_FAILURES);
    expect(await auth.login(NAT, 'li', 'li-pw')).toBeNull();
    expect(await auth.login('198.51.100.1', 'li', 'li-pw')).not.toBeNull();
    auth.close();
  });

  it('checks a password against a stand-in hash for an unknown user name', async () => {
    const { auth, checked } = testAuth();
    expect(await auth.login(NAT, 'ghost', 'whatever')).toBe(false);
    expect(checked).toHaveLength(1);
    expect(checked[0]).toMatch(/^scrypt:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]{80,}$/);
    expect(await auth.login(NAT, 'wang', 'nope')).toBe(false);
    expect(checked).toHaveLength(2);
    auth.close();
  });

  it('sweeps expired sessions and old failure counts on a timer', async () => {
    vi.useFakeTimers();
    let t = 1_000_000;
    const { auth } = testAuth(() => t);
    await auth.login(NAT, 'wang', 'typo');
    await auth.login('198.51.100.1', 'ghost', 'typo');
    const ok = await auth.login(NAT, 'li', 'li-pw');
    expect(ok).toBeTruthy();
    expect(auth.held()).toEqual({ sessions: 1, failures: 4 });

    t += FAILURE_WINDOW_MS + 1;
    vi.advanceTimersByTime(SWEEP_MS);
    expect(auth.held()).toEqual({ sessions: 1, failures: 0 }); // the session is still valid

    t += 13 * 60 * 60 * 1000;
    vi.advanceTimersByTime(SWEEP_MS);
    expect(auth.held()).toEqual({ sessions: 0, failures: 0 });
    auth.close();
  });
});

describe('behind a reverse proxy (CREDIT_BOT_WEB_TRUST_PROXY)', () => {
  let dir: string;
  let accounts: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'web-auth-'));
    accounts = join(dir, 'accounts.json');
    await writeFile(
      accounts,
      JSON.stringify({ accounts: [{ user: 'wang', password: await hashPassword('correct horse') }] }),
    );
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function lockoutSpreads(env: Record<string, string>): Promise<boolean> {
    const app = await buildWebApp(
      createFakeEngine(),
      { CREDIT_BOT_STAFF_ACCOUNTS: accounts, ...env },
      { dataDir: null },
    );
    const login = (client: string) =>
      app.inject({
        method: 'POST',
        url: '/login',
        remoteAddress: '127.0.0.1',
        headers: { 'x-forwarded-for': client },
        payload: { user: 'wang', password: 'wrong' },
      });
    for (let i = 0; i < MAX_FAILURES; i++) await login('10.0.0.1');
    expect((await login('10.0.0.1')).headers.location).toBe('/login?e=throttled');
    const other = await login('10.0.0.2');
    await app.close();
    return other.headers.location === '/login?e=throttled';
  }

  it('counts failures by the client address the proxy reports, only when told to trust it', async () => {
    expect(await lockoutSpreads({ CREDIT_BOT_WEB_TRUST_PROXY: '127.0.0.1' })).toBe(false);
    expect(await lockoutSpreads({})).toBe(true);
  });

  it('refuses a value it does not understand, naming the variable', async () => {
    await expect(
      buildWebApp(
        createFakeEngine(),
        { CREDIT_BOT_STAFF_ACCOUNTS: accounts, CREDIT_BOT_WEB_TRUST_PROXY: 'yes please' },
        { dataDir: null },
      ),
    ).rejects.toThrow(/CREDIT_BOT_WEB_TRUST_PROXY/);
  });
});
