// The public chat page for the county portal, a fastify plugin mounted at /chat: anonymous visitors,
// one conversation per browser (a random cookie), per-address rate limits, choices as buttons, drafts
// as Word downloads handed to the same browser once. It reaches nothing but the engine's handle() for
// its own visitor's session: no staff route, no case index, no other visitor's data.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { Engine, Reply, Turn } from '../../dialogs/types.ts';
import { attachmentHeader, type OneTimeDownloads } from '../http/one-time-downloads.ts';
import { createRateLimiter, type RateLimiter } from '../rate-limit.ts';
import { fill } from '../render/messages.ts';
import { createTurnRunner } from '../render/turn-runner.ts';
import { channelTexts } from '../wechat/texts.ts';

export const CHAT_COOKIE = 'cb_chat';
const MAX_TEXT = 2000;
const COOKIE_MAX_AGE_S = 30 * 24 * 60 * 60;
const SID = /^[A-Za-z0-9_-]{32}$/;

const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
  'cache-control': 'no-store',
};

const asset = (name: string) => readFileSync(new URL(`./public/${name}`, import.meta.url));
const FILES: Record<string, { type: string; body: Buffer }> = {
  'chat.html': { type: 'text/html; charset=utf-8', body: asset('chat.html') },
  'chat.css': { type: 'text/css; charset=utf-8', body: asset('chat.css') },
  // what the console's pages share with this one (box model, .visually-hidden)
  'base.css': {
    type: 'text/css; charset=utf-8',
    body: readFileSync(new URL('../http/public/base.css', import.meta.url)),
  },
  'chat.js': { type: 'text/javascript; charset=utf-8', body: asset('chat.js') },
  'embed.js': { type: 'text/javascript; charset=utf-8', body: asset('embed.js') },
};

export interface PublicChatOptions {
  downloads: OneTimeDownloads;
  log: Logger;
  /** turns per visitor address per minute */
  perMinute?: number;
  secureCookie?: boolean;
  now?: () => number;
}

interface TurnBody {
  text?: unknown;
  choiceId?: unknown;
}

export interface PublicChat {
  plugin: FastifyPluginAsync;
  idle(): Promise<void>;
}

export function createPublicChat(engine: Engine, opts: PublicChatOptions): PublicChat {
  const log = opts.log.child({ channel: 'public-web' });
  // Per address, not per session: a visitor who clears cookies gets a new session but not a new quota.
  const limiter: RateLimiter = createRateLimiter({
    perMinute: opts.perMinute ?? 20,
    ...(opts.now && { now: opts.now }),
  });
  const runner = createTurnRunner(engine, { log });

  function readSid(req: FastifyRequest): string | undefined {
    for (const part of (req.headers.cookie ?? '').split(';')) {
      const [k, v] = part.trim().split('=');
      if (k === CHAT_COOKIE && v && SID.test(v)) return v;
    }
    return undefined;
  }

  function cookie(sid: string): string {
    return `${CHAT_COOKIE}=${sid}; Path=/chat; HttpOnly; SameSite=Lax; Max-Age=${COOKIE_MAX_AGE_S}${opts.secureCookie ? '; Secure' : ''}`;
  }

  function fail(reply: FastifyReply, status: number, message: string) {
    return reply.code(status).type('application/json; charset=utf-8').send({ error: status, message });
  }

  function present(replies: Reply[], sid: string) {
    const messages: { text: string; choices: { id: string; label: string }[] }[] = [];
    const files: { fileName: string; url: string; caption?: string }[] = [];
    for (const r of replies) {
      if (r.kind === 'file') {
        const token = opts.downloads.put({ fileName: r.fileName, mimeType: r.mimeType, data: r.data }, sid);
        files.push({
          fileName: r.fileName,
          url: `/chat/drafts/${token}`,
          ...(r.caption && { caption: r.caption }),
        });
      } else {
        messages.push({ text: r.text, choices: r.kind === 'text' ? (r.choices ?? []) : [] });
      }
    }
    return { messages, files };
  }

  const plugin: FastifyPluginAsync = async (app) => {
    app.addHook('onSend', async (_req, reply, payload) => {
      for (const [k, v] of Object.entries(SECURITY_HEADERS)) {
        if (!reply.hasHeader(k)) reply.header(k, v);
      }
      return payload;
    });
    app.setErrorHandler((err: Error & { statusCode?: number }, _req, reply) => {
      if (err.statusCode === 413) return fail(reply, 413, fill(channelTexts.tooLong, { max: MAX_TEXT }));
      if (err.statusCode && err.statusCode < 500) return fail(reply, 400, channelTexts.emptyMessage);
      log.error({ err }, 'public chat request failed');
      return fail(reply, 500, '服务暂时出了问题，请稍后再试。');
    });

    const send = (name: string) => (_req: FastifyRequest, reply: FastifyReply) => {
      const f = FILES[name] as { type: string; body: Buffer };
      return reply.type(f.type).send(f.body);
    };
    app.get('/', send('chat.html'));
    app.get('/assets/base.css', send('base.css'));
    app.get('/assets/chat.css', send('chat.css'));
    app.get('/assets/chat.js', send('chat.js'));
    // The portal loads this from its own pages: it may be fetched cross-origin.
    app.get('/embed.js', (req, reply) => {
      reply.header('cross-origin-resource-policy', 'cross-origin');
      reply.header('cache-control', 'public, max-age=3600');
      return send('embed.js')(req, reply);
    });

    app.post<{ Body: TurnBody }>('/api/turn', { bodyLimit: 16 * 1024 }, async (req, reply) => {
      // Only this page may post turns: a foreign page cannot drive a visitor's conversation.
      const origin = req.headers.origin;
      if (origin) {
        let host = '';
        try {
          host = new URL(origin).host;
        } catch {}
        if (host !== req.headers.host) return fail(reply, 403, '跨站请求被拒绝。');
      }
      const body = (req.body ?? {}) as TurnBody;
      const text = typeof body.text === 'string' ? body.text.replace(/\s+/g, ' ').trim() : undefined;
      const choiceId =
        typeof body.choiceId === 'string' && /^[\x21-\x7e]{1,100}$/.test(body.choiceId)
          ? body.choiceId
          : undefined;
      if (text !== undefined && [...text].length > MAX_TEXT) {
        return fail(reply, 400, fill(channelTexts.tooLong, { max: MAX_TEXT }));
      }
      if (!text && !choiceId) return fail(reply, 400, channelTexts.emptyMessage);

      const decision = limiter.take(req.ip);
      if (!decision.ok) {
        reply.header('retry-after', String(Math.ceil(decision.retryAfterMs / 1000)));
        return fail(
          reply,
          429,
          fill(channelTexts.rateLimited, { seconds: Math.max(1, Math.ceil(decision.retryAfterMs / 1000)) }),
        );
      }
      let sid = readSid(req);
      if (!sid) {
        sid = randomBytes(24).toString('base64url');
        reply.header('set-cookie', cookie(sid));
      }
      const turn: Turn = {
        channel: 'public-web',
        chatId: sid,
        userId: sid,
        isGroup: false,
        addressed: true,
        ...(choiceId ? { choiceId } : { text: text as string }),
      };
      const replies = await new Promise<Reply[]>((resolve) => {
        void runner.run(turn, async (r) => resolve(r));
      });
      return reply.type('application/json; charset=utf-8').send(present(replies, sid));
    });

    app.get<{ Params: { token: string } }>('/drafts/:token', async (req, reply) => {
      const got = opts.downloads.take(req.params.token, readSid(req));
      if (!got.ok) {
        const text = got.status === 410 ? channelTexts.draftGone : channelTexts.draftNotFound;
        return reply.code(got.status).type('text/plain; charset=utf-8').send(text);
      }
      reply.header('content-disposition', attachmentHeader(got.file.fileName, 'draft.docx'));
      return reply.type(got.file.mimeType).send(Buffer.from(got.file.data));
    });
  };

  return { plugin, idle: () => runner.idle() };
}
