// Retries a platform call on what is worth retrying: 429 (waiting what the platform asks), 5xx and
// network failures, with exponential backoff. Anything else (400 bad request, 403 blocked) fails at once.

export interface RetryOptions {
  /** retries after the first attempt */
  retries?: number;
  baseMs?: number;
  maxMs?: number;
  /** injectable for tests */
  sleep?: (ms: number) => Promise<void>;
  onRetry?: (info: { attempt: number; delayMs: number; error: unknown }) => void;
}

const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENOTFOUND',
  'ENETUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
]);

export const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** How long to wait before retrying `error`, or null when it must not be retried. */
export function retryDelay(error: unknown, attempt: number, baseMs: number, maxMs: number): number | null {
  const e = error as {
    code?: unknown;
    status?: unknown;
    name?: unknown;
    type?: unknown;
    parameters?: { retry_after?: unknown };
    response?: { error_code?: unknown; parameters?: { retry_after?: unknown } };
  };
  const status =
    typeof e?.response?.error_code === 'number'
      ? e.response.error_code
      : typeof e?.status === 'number'
        ? e.status
        : typeof e?.code === 'number'
          ? e.code
          : undefined;
  const backoff = Math.min(maxMs, baseMs * 2 ** attempt);
  if (status === 429) {
    const after = e?.parameters?.retry_after ?? e?.response?.parameters?.retry_after;
    return typeof after === 'number' && after >= 0 ? Math.max(after * 1000, baseMs) : backoff;
  }
  if (typeof status === 'number') return status >= 500 && status < 600 ? backoff : null;
  const code = typeof e?.code === 'string' ? e.code : undefined;
  if ((code && NETWORK_CODES.has(code)) || e?.name === 'FetchError' || e?.type === 'system') return backoff;
  return null;
}

export async function withRetry<T>(fn: () => Promise<T>, opts: RetryOptions = {}): Promise<T> {
  const retries = opts.retries ?? 4;
  const baseMs = opts.baseMs ?? 500;
  const maxMs = opts.maxMs ?? 30_000;
  const sleep = opts.sleep ?? defaultSleep;
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      const delayMs = attempt < retries ? retryDelay(error, attempt, baseMs, maxMs) : null;
      if (delayMs === null) throw error;
      opts.onRetry?.({ attempt: attempt + 1, delayMs, error });
      await sleep(delayMs);
    }
  }
}
