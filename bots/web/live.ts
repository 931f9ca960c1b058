// Live refresh: a colleague's change to a case is pushed to every page that has the case open, as
// server-sent events (one long GET per open case; no library, no WebSocket upgrade to proxy).
// Changes are also written to the database's change feed (case_changes), which each console process
// polls while it has pages open: with several processes on one PostgreSQL, a change made through
// process 1 reaches a page served by process 2 within about a second.
import { randomBytes } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import type { CaseDesk, DeskChange } from '../../dialogs/storage/case-desk.ts';

export interface CaseChange {
  caseId: string;
  /** staff login and name of who changed it, so a page can skip its own changes */
  by: string;
  byName: string;
  what: string;
  at: string;
}

const KEEPALIVE_MS = 25_000;
const POLL_MS = 1000;
/** how far back each poll looks: a change committed late (a slow transaction) is still seen */
const LOOKBACK_MS = 15_000;
const KEEP_FEED_MS = 86_400_000;

export function createLive(
  headers: Record<string, string>,
  desk: Pick<CaseDesk, 'announce' | 'changesSince' | 'pruneChanges'>,
  opts: { pollMs?: number; log?: { warn(o: object, msg: string): void } } = {},
) {
  const watchers = new Map<string, Set<FastifyReply>>();
  /** this process's mark on the feed: its own changes were pushed when they were made */
  const origin = randomBytes(6).toString('base64url');
  /** feed rows already pushed (id → when), forgotten after the lookback */
  const seen = new Map<number, number>();
  let timer: NodeJS.Timeout | null = null;
  let polling = false;
  let pruned = 0;

  function send(reply: FastifyReply, event: string, data: unknown): void {
    reply.raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }
  function deliver(change: CaseChange): void {
    for (const reply of watchers.get(change.caseId) ?? []) send(reply, 'change', change);
  }

  async function poll(): Promise<void> {
    if (polling) return;
    polling = true;
    try {
      const t = Date.now();
      for (const [id, when] of seen) if (when < t - 2 * LOOKBACK_MS) seen.delete(id);
      const rows: DeskChange[] = await desk.changesSince(t - LOOKBACK_MS);
      for (const r of rows) {
        if (seen.has(r.id)) continue;
        seen.set(r.id, t);
        if (r.origin !== origin)
          deliver({ caseId: r.caseId, by: r.by, byName: r.byName, what: r.what, at: r.at });
      }
      if (t - pruned > 3_600_000) {
        pruned = t;
        await desk.pruneChanges(t - KEEP_FEED_MS);
      }
    } catch (err) {
      opts.log?.warn(
        { err: (err as Error).message },
        'live refresh: cannot read the change feed (pages refresh on their next action)',
      );
    } finally {
      polling = false;
    }
  }

  function startPolling(): void {
    if (timer) return;
    timer = setInterval(() => void poll(), opts.pollMs ?? POLL_MS);
    timer.unref();
  }
  function stopPollingIfIdle(): void {
    if (timer && !watchers.size) {
      clearInterval(timer);
      timer = null;
    }
  }

  return {
    /** keeps the reply open and sends every change of the case until the page goes away */
    watch(caseId: string, reply: FastifyReply): void {
      reply.hijack();
      reply.raw.writeHead(200, {
        ...headers,
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        // nginx would otherwise hold the events back in its buffer
        'x-accel-buffering': 'no',
      });
      reply.raw.write('retry: 3000\n\n');
      let set = watchers.get(caseId);
      if (!set) {
        set = new Set();
        watchers.set(caseId, set);
      }
      set.add(reply);
      startPolling();
      const ping = setInterval(() => reply.raw.write(': keepalive\n\n'), KEEPALIVE_MS);
      ping.unref();
      reply.raw.on('close', () => {
        clearInterval(ping);
        set.delete(reply);
        if (!set.size) watchers.delete(caseId);
        stopPollingIfIdle();
      });
    },
    /** this process's mark on the feed rows it writes (a turn's row is written with the turn) */
    origin,
    /** pushes to this process's pages a change whose feed row is written already */
    delivered(change: CaseChange): void {
      deliver(change);
    },
    /** pushes to this process's pages now and writes the change to the feed for the other processes */
    async publish(change: Omit<CaseChange, 'at'>): Promise<void> {
      const row = await desk.announce({ ...change, origin });
      seen.set(row.id, Date.now());
      deliver({ ...change, at: row.at });
    },
    watching(caseId: string): number {
      return watchers.get(caseId)?.size ?? 0;
    },
    close(): void {
      if (timer) clearInterval(timer);
      timer = null;
      for (const set of watchers.values()) for (const reply of set) reply.raw.end();
      watchers.clear();
    },
  };
}

export type Live = ReturnType<typeof createLive>;
