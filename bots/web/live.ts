// Live refresh: a colleague's change to a case is pushed to every page that has the case open, as
// server-sent events (one long GET per open case; no library, no WebSocket upgrade to proxy).
import type { FastifyReply } from 'fastify';

export interface CaseChange {
  caseId: string;
  /** staff user id and name of who changed it, so a page can skip its own changes */
  by: string;
  byName: string;
  what: string;
  at: string;
}

const KEEPALIVE_MS = 25_000;

export function createLive(headers: Record<string, string>) {
  const watchers = new Map<string, Set<FastifyReply>>();

  function send(reply: FastifyReply, event: string, data: unknown): void {
    reply.raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
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
      const ping = setInterval(() => reply.raw.write(': keepalive\n\n'), KEEPALIVE_MS);
      ping.unref();
      reply.raw.on('close', () => {
        clearInterval(ping);
        set.delete(reply);
        if (!set.size) watchers.delete(caseId);
      });
    },
    publish(change: CaseChange): void {
      for (const reply of watchers.get(change.caseId) ?? []) send(reply, 'change', change);
    },
    watching(caseId: string): number {
      return watchers.get(caseId)?.size ?? 0;
    },
    close(): void {
      for (const set of watchers.values()) for (const reply of set) reply.raw.end();
      watchers.clear();
    },
  };
}

export type Live = ReturnType<typeof createLive>;
