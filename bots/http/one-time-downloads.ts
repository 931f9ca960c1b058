// A draft a chat platform cannot carry as a file (a WeChat Official Account sends only text) is kept
// here behind an unguessable token: the first download gets it and removes it, a later one learns it
// is gone (410), and it expires unread after `ttlMs`. Memory only: a restart drops pending drafts,
// which the user regenerates with one message.
import { randomBytes } from 'node:crypto';

export interface StoredFile {
  fileName: string;
  mimeType: string;
  data: Uint8Array;
}

export type Fetched = { ok: true; file: StoredFile } | { ok: false; status: 404 | 410 };

export interface OneTimeDownloads {
  /** keeps the file and returns its token (URL-safe, 32 characters) */
  put(file: StoredFile, owner?: string): string;
  /** hands the file out once; 410 when used or expired, 404 when never issued (or long forgotten) */
  take(token: string, owner?: string): Fetched;
  readonly ttlMs: number;
}

/** Tokens seen used/expired are remembered this long, so the user gets "gone" rather than "not found". */
const TOMBSTONE_MS = 24 * 60 * 60 * 1000;
const MAX_PENDING = 1000;

export function createOneTimeDownloads(opts: { ttlMs?: number; now?: () => number } = {}): OneTimeDownloads {
  const ttlMs = opts.ttlMs ?? 30 * 60 * 1000;
  const now = opts.now ?? Date.now;
  const pending = new Map<string, { file: StoredFile; expires: number; owner?: string }>();
  const gone = new Map<string, number>();

  function sweep(t: number) {
    for (const [k, v] of pending) {
      if (v.expires <= t) {
        pending.delete(k);
        gone.set(k, t + TOMBSTONE_MS);
      }
    }
    for (const [k, until] of gone) if (until <= t) gone.delete(k);
  }

  return {
    ttlMs,
    put(file, owner) {
      const t = now();
      sweep(t);
      // Bounded memory: the oldest pending draft makes room (it would expire first anyway).
      while (pending.size >= MAX_PENDING) {
        const oldest = pending.keys().next().value as string;
        pending.delete(oldest);
        gone.set(oldest, t + TOMBSTONE_MS);
      }
      const token = randomBytes(24).toString('base64url');
      pending.set(token, { file, expires: t + ttlMs, ...(owner && { owner }) });
      return token;
    },
    take(token, owner) {
      const t = now();
      sweep(t);
      const entry = pending.get(token);
      if (!entry) return { ok: false, status: gone.has(token) ? 410 : 404 };
      // A file issued to one browser session is not handed to another.
      if (entry.owner !== undefined && entry.owner !== owner) return { ok: false, status: 404 };
      pending.delete(token);
      gone.set(token, t + TOMBSTONE_MS);
      return { ok: true, file: entry.file };
    },
  };
}

/** Content-Disposition for a Chinese file name, with an ASCII fallback for old clients. */
export function attachmentHeader(fileName: string, fallback: string): string {
  const ascii = /^[\w.-]+$/.test(fileName) ? fileName : fallback;
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
