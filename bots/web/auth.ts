// Staff access: a shared bearer token for the API, and a login page that opens a server-side session
// held in an HttpOnly, SameSite=Strict cookie. Accounts (optional) are a JSON file of scrypt hashes.
import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { z } from 'zod';

const scryptAsync = promisify(scrypt) as (pw: string, salt: Buffer, keylen: number) => Promise<Buffer>;
const KEY_LENGTH = 64;

export const SESSION_COOKIE = 'cb_staff';
const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
/** wrong logins per user name from one address in a window, then that pair waits */
export const MAX_FAILURES = 10;
/**
 * wrong logins from one address whatever the user name: looser, because a call centre's staff all
 * share one NAT address and one person's typos must not lock the others out
 */
export const MAX_FAILURES_PER_IP = 100;
export const FAILURE_WINDOW_MS = 5 * 60 * 1000;
/** how often expired sessions and old failure counts are dropped */
export const SWEEP_MS = 60 * 1000;

const AccountsSchema = z.strictObject({
  accounts: z
    .array(
      z.strictObject({
        user: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'user: 1–64 letters, digits, _ . -'),
        /** shown in the page header; defaults to user */
        name: z.string().min(1).max(64).optional(),
        password: z
          .string()
          .regex(
            /^scrypt:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/,
            'password: use `credit-bot web --hash-password`',
          ),
      }),
    )
    .min(1),
});
type Account = z.infer<typeof AccountsSchema>['accounts'][number];

export interface StaffUser {
  user: string;
  name: string;
}

/** "scrypt:<salt>:<key>" (base64), the format of CREDIT_BOT_STAFF_ACCOUNTS entries. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, KEY_LENGTH);
  return `scrypt:${salt.toString('base64')}:${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [, saltB64, keyB64] = stored.split(':');
  if (!saltB64 || !keyB64) return false;
  const expected = Buffer.from(keyB64, 'base64');
  const actual = await scryptAsync(password, Buffer.from(saltB64, 'base64'), expected.length || KEY_LENGTH);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** Compares digests so neither the length nor the content of the token leaks through timing. */
function sameSecret(a: string, b: string): boolean {
  const da = createHash('sha256').update(a).digest();
  const db = createHash('sha256').update(b).digest();
  return timingSafeEqual(da, db);
}

export function loadAccounts(file: string): Account[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`CREDIT_BOT_STAFF_ACCOUNTS ${file}: cannot read it as JSON (${(err as Error).message})`);
  }
  const parsed = AccountsSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`CREDIT_BOT_STAFF_ACCOUNTS ${file}: ${problems.join('; ')}`);
  }
  return parsed.data.accounts;
}

export interface AuthConfig {
  token?: string;
  accounts?: Account[];
}

export function authConfigFromEnv(env: NodeJS.ProcessEnv): AuthConfig {
  const token = env.CREDIT_BOT_STAFF_TOKEN?.trim() || undefined;
  const accountsFile = env.CREDIT_BOT_STAFF_ACCOUNTS?.trim() || undefined;
  if (token && token.length < 16) {
    throw new Error(
      'CREDIT_BOT_STAFF_TOKEN is too short: use at least 16 random characters (e.g. `openssl rand -hex 24`)',
    );
  }
  const accounts = accountsFile ? loadAccounts(accountsFile) : undefined;
  if (!token && !accounts) {
    throw new Error(
      'the staff web console needs access control: set CREDIT_BOT_STAFF_TOKEN (a shared secret, ≥16 chars) ' +
        'and/or CREDIT_BOT_STAFF_ACCOUNTS (a JSON file of accounts, see docs/web-console.md)',
    );
  }
  return { token, accounts };
}

export interface AuthDeps {
  /** the password check (tests count its calls) */
  verify?: (password: string, stored: string) => Promise<boolean>;
}

export function createAuth(config: AuthConfig, now: () => number = Date.now, deps: AuthDeps = {}) {
  const verify = deps.verify ?? verifyPassword;
  const sessions = new Map<string, StaffUser & { expires: number }>();
  const failures = new Map<string, { count: number; since: number }>();
  // An unknown user name is checked against this, so a wrong name costs the same scrypt as a wrong
  // password and the answer time does not tell which account names exist.
  const dummyHash = `scrypt:${randomBytes(16).toString('base64')}:${randomBytes(KEY_LENGTH).toString('base64')}`;

  function sweep(): void {
    const t = now();
    for (const [sid, s] of sessions) if (s.expires < t) sessions.delete(sid);
    for (const [key, f] of failures) if (t - f.since > FAILURE_WINDOW_MS) failures.delete(key);
  }
  const sweeper = setInterval(sweep, SWEEP_MS);
  sweeper.unref();

  function bearer(header: string | undefined): StaffUser | null {
    if (!config.token || !header) return null;
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!m?.[1]) return null;
    return sameSecret(m[1], config.token) ? { user: 'staff', name: '坐席' } : null;
  }

  function fromCookie(sid: string | undefined): StaffUser | null {
    if (!sid) return null;
    const s = sessions.get(sid);
    if (!s) return null;
    if (s.expires < now()) {
      sessions.delete(sid);
      return null;
    }
    return { user: s.user, name: s.name };
  }

  // Keys: "ip|user" for one person's attempts, "ip" for the address as a whole.
  const userKey = (ip: string, user: string) => `${ip}|${user.slice(0, 64)}`;

  function over(key: string, max: number): boolean {
    const f = failures.get(key);
    if (!f) return false;
    if (now() - f.since > FAILURE_WINDOW_MS) {
      failures.delete(key);
      return false;
    }
    return f.count >= max;
  }

  function throttled(ip: string, user: string): boolean {
    return over(userKey(ip, user), MAX_FAILURES) || over(ip, MAX_FAILURES_PER_IP);
  }

  function recordFailure(key: string): void {
    const f = failures.get(key);
    if (!f || now() - f.since > FAILURE_WINDOW_MS) failures.set(key, { count: 1, since: now() });
    else f.count++;
  }

  /** Accounts need user + password; the shared token works as a password with any (or no) user name. */
  async function check(user: string, password: string): Promise<StaffUser | null> {
    if (!password || password.length > 1024) return null;
    const account = config.accounts?.find((a) => a.user === user);
    if (account) {
      return (await verify(password, account.password))
        ? { user: account.user, name: account.name ?? account.user }
        : null;
    }
    if (config.accounts) await verify(password, dummyHash);
    if (config.token && sameSecret(password, config.token)) {
      return { user: 'staff', name: '坐席' };
    }
    return null;
  }

  return {
    bearer,
    fromCookie,
    /** null when throttled, false for a wrong login, else the new session id */
    async login(
      ip: string,
      user: string,
      password: string,
    ): Promise<{ sid: string; user: StaffUser } | null | false> {
      const name = user.trim();
      if (throttled(ip, name)) return null;
      const staff = await check(name, password);
      if (!staff) {
        recordFailure(userKey(ip, name));
        recordFailure(ip);
        return false;
      }
      // Only this person's count is reset: a valid login must not wipe the address's count.
      failures.delete(userKey(ip, name));
      const sid = randomBytes(32).toString('base64url');
      sessions.set(sid, { ...staff, expires: now() + SESSION_TTL_MS });
      return { sid, user: staff };
    },
    logout(sid: string | undefined): void {
      if (sid) sessions.delete(sid);
    },
    sweep,
    /** how many sessions and failure counts are held (for tests and diagnostics) */
    held(): { sessions: number; failures: number } {
      return { sessions: sessions.size, failures: failures.size };
    },
    close(): void {
      clearInterval(sweeper);
    },
    sessionCookie(sid: string, secure: boolean): string {
      return `${SESSION_COOKIE}=${sid}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${SESSION_TTL_MS / 1000}${secure ? '; Secure' : ''}`;
    },
    clearCookie(secure: boolean): string {
      return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${secure ? '; Secure' : ''}`;
    },
  };
}

export type Auth = ReturnType<typeof createAuth>;

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
