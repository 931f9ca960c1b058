// Staff access: personal accounts (a JSON file of scrypt hashes) log in on the page and open a
// server-side session held in an HttpOnly, SameSite=Strict cookie; a bearer token serves API scripts and,
// only when opted in (CREDIT_BOT_STAFF_SHARED_DESK=1), a single shared desk whose staff type their name.
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
 * share one NAT address. It only holds back user names that have not logged in from that address
 * recently, so a burst of guesses never locks out the office's own staff (each still has MAX_FAILURES).
 */
export const MAX_FAILURES_PER_IP = 100;
/** how long a successful login marks a user name as "known at this address" */
export const KNOWN_PAIR_MS = 30 * 24 * 60 * 60 * 1000;
/** wrong bearer tokens from one address per minute before it gets 429 */
export const MAX_BAD_TOKENS = 20;
export const BAD_TOKEN_WINDOW_MS = 60 * 1000;
/** a shared secret shorter than this is guessable; `openssl rand -hex 24` gives 48 */
export const MIN_TOKEN_LENGTH = 32;
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

const digest = (s: string) => createHash('sha256').update(s).digest();
/**
 * Compares digests so neither the length nor the content of the token leaks through timing; the
 * configured token's digest is made once (every API request is checked against it).
 */
function sameSecret(a: string, known: Buffer): boolean {
  return timingSafeEqual(digest(a), known);
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
  /** the token also logs in on the page, as a shared desk (staff type their name) */
  sharedDesk?: boolean;
}

export function authConfigFromEnv(env: NodeJS.ProcessEnv): AuthConfig {
  const token = env.CREDIT_BOT_STAFF_TOKEN?.trim() || undefined;
  const accountsFile = env.CREDIT_BOT_STAFF_ACCOUNTS?.trim() || undefined;
  const sharedDesk = env.CREDIT_BOT_STAFF_SHARED_DESK?.trim() === '1';
  if (token && token.length < MIN_TOKEN_LENGTH) {
    throw new Error(
      `CREDIT_BOT_STAFF_TOKEN is too short (${token.length} characters): use at least ${MIN_TOKEN_LENGTH} ` +
        'random characters, e.g. `openssl rand -hex 24`',
    );
  }
  if (sharedDesk && !token) {
    throw new Error(
      'CREDIT_BOT_STAFF_SHARED_DESK=1 needs CREDIT_BOT_STAFF_TOKEN: the shared desk logs in with it',
    );
  }
  const accounts = accountsFile ? loadAccounts(accountsFile) : undefined;
  if (!accounts && !sharedDesk) {
    throw new Error(
      'the staff web console needs personal accounts: set CREDIT_BOT_STAFF_ACCOUNTS to a JSON file of ' +
        'accounts (see docs/web-console.md; hash passwords with `credit-bot web --hash-password`). ' +
        'For a single shared desk instead, set CREDIT_BOT_STAFF_TOKEN (≥32 characters) and ' +
        'CREDIT_BOT_STAFF_SHARED_DESK=1',
    );
  }
  return { token, accounts, sharedDesk };
}

export interface AuthDeps {
  /** the password check (tests count its calls) */
  verify?: (password: string, stored: string) => Promise<boolean>;
}

export function createAuth(config: AuthConfig, now: () => number = Date.now, deps: AuthDeps = {}) {
  const verify = deps.verify ?? verifyPassword;
  const tokenDigest = config.token ? digest(config.token) : null;
  const sessions = new Map<string, StaffUser & { expires: number }>();
  const failures = new Map<string, { count: number; since: number }>();
  /** "ip|user" → when that user last logged in from that address */
  const known = new Map<string, number>();
  const badTokens = new Map<string, { count: number; since: number }>();
  // An unknown user name is checked against this, so a wrong name costs the same scrypt as a wrong
  // password and the answer time does not tell which account names exist.
  const dummyHash = `scrypt:${randomBytes(16).toString('base64')}:${randomBytes(KEY_LENGTH).toString('base64')}`;

  function sweep(): void {
    const t = now();
    for (const [sid, s] of sessions) if (s.expires < t) sessions.delete(sid);
    for (const [key, f] of failures) if (t - f.since > FAILURE_WINDOW_MS) failures.delete(key);
    for (const [key, f] of badTokens) if (t - f.since > BAD_TOKEN_WINDOW_MS) badTokens.delete(key);
    for (const [key, at] of known) if (t - at > KNOWN_PAIR_MS) known.delete(key);
  }
  const sweeper = setInterval(sweep, SWEEP_MS);
  sweeper.unref();

  /**
   * The staff member a bearer header names; 'throttled' once an address sent more than MAX_BAD_TOKENS
   * wrong tokens within a minute (then even the right one waits, so guessing gains nothing).
   */
  function bearer(header: string | undefined, ip = ''): StaffUser | null | 'throttled' {
    if (!header) return null;
    const f = badTokens.get(ip);
    const t = now();
    if (f && t - f.since <= BAD_TOKEN_WINDOW_MS && f.count >= MAX_BAD_TOKENS) return 'throttled';
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (m?.[1] && tokenDigest && sameSecret(m[1], tokenDigest)) return { user: 'api', name: 'API' };
    if (!m) return null; // Basic or other schemes: not a token guess, the cookie decides
    if (!f || t - f.since > BAD_TOKEN_WINDOW_MS) badTokens.set(ip, { count: 1, since: t });
    else f.count++;
    return null;
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
    if (over(userKey(ip, user), MAX_FAILURES)) return true;
    const seen = known.get(userKey(ip, user));
    const isKnown = seen !== undefined && now() - seen <= KNOWN_PAIR_MS;
    return !isKnown && over(ip, MAX_FAILURES_PER_IP);
  }

  function recordFailure(key: string): void {
    const f = failures.get(key);
    if (!f || now() - f.since > FAILURE_WINDOW_MS) failures.set(key, { count: 1, since: now() });
    else f.count++;
  }

  /**
   * Accounts need user + password. On a shared desk (opt-in) the token is the password and the user
   * field carries the staff member's own name, so every audit row still says who acted.
   */
  async function check(user: string, password: string): Promise<StaffUser | null> {
    if (!password || password.length > 1024) return null;
    const account = config.accounts?.find((a) => a.user === user);
    if (account) {
      return (await verify(password, account.password))
        ? { user: account.user, name: account.name ?? account.user }
        : null;
    }
    if (config.accounts) await verify(password, dummyHash);
    if (config.sharedDesk && tokenDigest && user && sameSecret(password, tokenDigest)) {
      return { user: `desk:${user.slice(0, 32)}`, name: `${user.slice(0, 32)}（共用席位）` };
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
      known.set(userKey(ip, name), now());
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
      return { sessions: sessions.size, failures: failures.size + badTokens.size };
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
