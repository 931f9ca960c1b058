// HTTP calls to the WeChat family of APIs (Official Account and WeCom share the conventions): JSON
// answers with `errcode`/`errmsg`, an access token fetched with the app's secret, cached until shortly
// before it expires, and fetched again when the platform says it is no longer valid.
import type { Logger } from 'pino';
import { type RetryOptions, withRetry } from '../retry.ts';

/** errcodes meaning "this access token is not (or no longer) valid" */
const STALE_TOKEN = new Set([40001, 40014, 42001]);
/** refresh this long before the platform's expiry, so a token never expires mid-request */
const EARLY_MS = 5 * 60 * 1000;

export class PlatformError extends Error {
  /** HTTP status, or 503 for the platform's "system busy" (errcode -1) so it is retried like one */
  status: number;
  errcode: number | undefined;
  constructor(what: string, status: number, errcode?: number, errmsg?: string) {
    super(
      `${what} failed: ${errcode !== undefined ? `errcode ${errcode} ${errmsg ?? ''}` : `HTTP ${status}`}`.trim(),
    );
    this.status = status;
    this.errcode = errcode;
  }
}

export interface ApiClient {
  /** calls `path` (relative to the API root) with a valid access token; JSON or multipart body */
  call<T = Record<string, unknown>>(what: string, path: string, body?: unknown): Promise<T>;
  /** the token fetch, for tests and the menu command */
  token(): Promise<string>;
}

export interface ApiClientOptions {
  apiRoot: string;
  /** path + query of the token request, e.g. /cgi-bin/token?grant_type=client_credential&appid=…&secret=… */
  tokenPath: string;
  log: Logger;
  retry?: RetryOptions;
  now?: () => number;
  /** secret values to cut out of error messages (the token request carries the app secret) */
  secrets: string[];
}

export function createApiClient(opts: ApiClientOptions): ApiClient {
  const now = opts.now ?? Date.now;
  const root = opts.apiRoot.replace(/\/+$/, '');
  let cached: { token: string; until: number } | undefined;
  let inFlight: Promise<string> | undefined;

  const scrub = (s: string) => opts.secrets.reduce((m, x) => (x ? m.split(x).join('[redacted]') : m), s);

  async function request(what: string, url: string, body?: unknown): Promise<Record<string, unknown>> {
    return withRetry(
      async () => {
        let res: Response;
        try {
          res = await fetch(url, {
            method: body === undefined ? 'GET' : 'POST',
            ...(body instanceof FormData
              ? { body }
              : body !== undefined && {
                  body: JSON.stringify(body),
                  headers: { 'content-type': 'application/json; charset=utf-8' },
                }),
            signal: AbortSignal.timeout(15_000),
          });
        } catch (err) {
          // fetch's own error names the URL, which may hold the secret or token.
          const cause = (err as { cause?: { code?: string } }).cause;
          throw Object.assign(new Error(scrub(`${what}: ${(err as Error).message}`)), {
            code: cause?.code ?? 'ECONNRESET',
          });
        }
        if (!res.ok) throw new PlatformError(what, res.status);
        const json = (await res.json().catch(() => null)) as Record<string, unknown> | null;
        if (!json) throw new PlatformError(what, 502);
        const errcode = typeof json.errcode === 'number' ? json.errcode : 0;
        if (errcode === -1) throw new PlatformError(what, 503, -1, String(json.errmsg ?? ''));
        if (errcode !== 0) throw new PlatformError(what, 400, errcode, String(json.errmsg ?? ''));
        return json;
      },
      {
        ...opts.retry,
        onRetry: ({ attempt, delayMs, error }) =>
          opts.log.warn({ err: error, attempt, delayMs, method: what }, 'platform call failed, retrying'),
      },
    );
  }

  async function token(): Promise<string> {
    if (cached && cached.until > now()) return cached.token;
    inFlight ??= (async () => {
      try {
        const json = await request('access token', `${root}${opts.tokenPath}`);
        const value = String(json.access_token ?? '');
        if (!value) throw new PlatformError('access token', 502);
        const expiresIn = typeof json.expires_in === 'number' ? json.expires_in : 7200;
        cached = { token: value, until: now() + Math.max(60_000, expiresIn * 1000 - EARLY_MS) };
        return value;
      } finally {
        inFlight = undefined;
      }
    })();
    return inFlight;
  }

  async function call<T>(what: string, path: string, body?: unknown): Promise<T> {
    const sep = path.includes('?') ? '&' : '?';
    for (let attempt = 0; ; attempt++) {
      const t = await token();
      try {
        return (await request(what, `${root}${path}${sep}access_token=${encodeURIComponent(t)}`, body)) as T;
      } catch (err) {
        if (attempt === 0 && err instanceof PlatformError && STALE_TOKEN.has(err.errcode ?? 0)) {
          if (cached?.token === t) cached = undefined;
          continue;
        }
        throw err;
      }
    }
  }

  return { call, token };
}
