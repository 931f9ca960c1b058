// The one HTTP server of `credit-bot serve` (CREDIT_BOT_WEB_HOST / CREDIT_BOT_WEB_PORT). Each part is its
// own fastify app and keeps its own rules: the staff console (bots/web, login required for everything)
// and the public channels app — the WeChat Official Account callback at /wechat, the WeCom callback at
// /wecom and the visitors' chat page at /chat. Requests are dispatched by path, so the console's login
// wall never stands in front of a platform callback and no public route can reach a staff one.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Engine } from '../../dialogs/types.ts';
import type { BotConfig } from '../config.ts';
import { createPublicChat } from '../public-chat/plugin.ts';
import { createRateLimiter } from '../rate-limit.ts';
import type { RetryOptions } from '../retry.ts';
import { createOfficialAccount } from '../wechat/official-account.ts';
import { createWecomApp } from '../wecom/application.ts';
import { createOneTimeDownloads } from './one-time-downloads.ts';

const PUBLIC_PREFIXES = ['/wechat', '/wecom', '/chat'];

export interface HttpServerOptions {
  env: NodeJS.ProcessEnv;
  config: BotConfig;
  log: Logger;
  /** whether the staff console is configured (accounts or token) */
  staff: boolean;
  retry?: RetryOptions;
  now?: () => number;
  passiveDeadlineMs?: number;
}

export interface RunningHttp {
  url: string;
  /** what is served, for the operator's start line */
  parts: string[];
  stop(): Promise<void>;
}

/** True when any channel served over HTTP is configured. */
export function wantsHttp(config: BotConfig, staff: boolean): boolean {
  return staff || Boolean(config.wechat || config.wecom || config.publicChat);
}

export function listenAddress(env: NodeJS.ProcessEnv): { host: string; port: number } {
  const host = env.CREDIT_BOT_WEB_HOST?.trim() || '127.0.0.1';
  const portText = env.CREDIT_BOT_WEB_PORT?.trim() || '8080';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) {
    throw new Error(
      `CREDIT_BOT_WEB_PORT=${portText} is not a port: use a number 0–65535 (0 = any free port)`,
    );
  }
  return { host, port };
}

/** Builds the public channels app (no listening); null when none of them is configured. */
export async function buildChannelsApp(
  engine: Engine,
  opts: Omit<HttpServerOptions, 'staff'>,
): Promise<{ app: FastifyInstance; parts: string[]; idle: () => Promise<void> } | null> {
  const { config, log, env } = opts;
  if (!config.wechat && !config.wecom && !config.publicChat) return null;
  const { trustProxyFromEnv } = await import('../web/server.ts').catch(() => ({
    trustProxyFromEnv: (_env: NodeJS.ProcessEnv): boolean | string[] => false,
  }));
  const app = Fastify({
    loggerInstance: log.child({ channel: 'http' }) as FastifyBaseLogger,
    trustProxy: trustProxyFromEnv(env),
    routerOptions: { maxParamLength: 100 },
    bodyLimit: 64 * 1024,
  });
  const downloads = createOneTimeDownloads({ ...(opts.now && { now: opts.now }) });
  const limiter = () => createRateLimiter({ perMinute: config.rateLimitPerMinute });
  const parts: string[] = [];
  const idles: (() => Promise<void>)[] = [];

  if (config.wechat) {
    const oa = createOfficialAccount(engine, {
      ...config.wechat,
      downloads,
      log,
      limiter: limiter(),
      ...(config.publicUrl && { publicUrl: config.publicUrl }),
      ...(opts.retry && { retry: opts.retry }),
      ...(opts.now && { now: opts.now }),
      ...(opts.passiveDeadlineMs !== undefined && { passiveDeadlineMs: opts.passiveDeadlineMs }),
    });
    await app.register(oa.plugin, { prefix: '/wechat' });
    idles.push(oa.idle);
    parts.push(
      `WeChat Official Account callback at /wechat (${config.wechat.encodingAesKey ? 'safe mode' : 'plaintext mode'})`,
    );
  }
  if (config.wecom) {
    const wc = createWecomApp(engine, {
      ...config.wecom,
      log,
      limiter: limiter(),
      ...(opts.retry && { retry: opts.retry }),
      ...(opts.now && { now: opts.now }),
    });
    await app.register(wc.plugin, { prefix: '/wecom' });
    idles.push(wc.idle);
    parts.push(`WeCom application ${config.wecom.agentId} callback at /wecom`);
  }
  if (config.publicChat) {
    const chat = createPublicChat(engine, {
      downloads,
      log,
      perMinute: config.rateLimitPerMinute,
      secureCookie: env.CREDIT_BOT_WEB_SECURE_COOKIE === '1',
      ...(opts.now && { now: opts.now }),
    });
    await app.register(chat.plugin, { prefix: '/chat' });
    idles.push(chat.idle);
    parts.push('public chat page at /chat (embed: /chat/embed.js)');
  }
  return {
    app,
    parts,
    idle: async () => {
      for (const idle of idles) await idle();
    },
  };
}

export async function startHttp(engine: Engine, opts: HttpServerOptions): Promise<RunningHttp> {
  const { host, port } = listenAddress(opts.env);
  const channels = await buildChannelsApp(engine, opts);
  let console_: FastifyInstance | null = null;
  if (opts.staff) {
    const web = await import('../web/server.ts');
    console_ = await web.buildWebApp(engine, opts.env, { log: opts.log });
  }
  await channels?.app.ready();
  await console_?.ready();

  const isPublic = (url: string | undefined) => {
    const path = (url ?? '/').split('?')[0] ?? '/';
    return PUBLIC_PREFIXES.some((p) => path === p || path.startsWith(`${p}/`));
  };
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (channels && isPublic(req.url)) return channels.app.routing(req, res);
    if (console_) return console_.routing(req, res);
    res.writeHead(404, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify({ error: 'not_found', message: '没有这个页面 / no such page' }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const addr = server.address();
  const actualPort = typeof addr === 'object' && addr ? addr.port : port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  const parts = [...(console_ ? ['staff web console at /'] : []), ...(channels?.parts ?? [])];
  return {
    url: `http://${shownHost}:${actualPort}/`,
    parts,
    async stop() {
      // Stop taking requests, let the turns in flight answer (a passive WeChat reply rides on its
      // request), then cut what is left.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await channels?.idle();
      server.closeAllConnections();
      await closed;
      await channels?.app.close();
      await console_?.close();
    },
  };
}
