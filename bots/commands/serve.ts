// `credit-bot serve`: starts every channel configured in the environment on one shared engine, says what
// it started, and on SIGINT/SIGTERM stops them and flushes the engine. Heavy libraries (telegraf,
// discord.js, fastify) load only here, when the command runs.
import type { Command } from 'commander';
import type { Logger } from 'pino';
import type { Engine } from '../../dialogs/types.ts';
import type { BotConfig } from '../config.ts';
import { UsageError } from '../usage-error.ts';

export interface ChannelContext {
  env: NodeJS.ProcessEnv;
  config: BotConfig;
  log: Logger;
}

export interface RunningChannel {
  /** one line for the operator: what is listening where */
  description: string;
  stop(): Promise<void>;
}

/** A channel serve can start: each is independent and enabled by its own environment variables. */
export interface ServeChannel {
  name: string;
  enabled(env: NodeJS.ProcessEnv): boolean;
  start(engine: Engine, ctx: ChannelContext): Promise<RunningChannel>;
}

export const CHANNELS: ServeChannel[] = [
  {
    name: 'telegram',
    enabled: (env) => Boolean(env.TELEGRAM_BOT_TOKEN?.trim()),
    async start(engine, { config, log }) {
      const tg = config.telegram;
      if (!tg) throw new UsageError('TELEGRAM_BOT_TOKEN is not set');
      const [{ startTelegram }, { createRateLimiter }] = await Promise.all([
        import('../telegram.ts'),
        import('../rate-limit.ts'),
      ]);
      const h = await startTelegram(engine, {
        token: tg.token,
        ...(tg.apiRoot && { apiRoot: tg.apiRoot }),
        ...(tg.webhook && { webhook: tg.webhook }),
        log,
        limiter: createRateLimiter({ perMinute: config.rateLimitPerMinute }),
      });
      const how = h.mode === 'webhook' ? `webhook on port ${tg.webhook?.port}` : 'long polling';
      return { description: `Telegram @${h.username} (${how})`, stop: h.stop };
    },
  },
  {
    name: 'discord',
    enabled: (env) => Boolean(env.DISCORD_BOT_TOKEN?.trim()),
    async start(engine, { config, log }) {
      const dc = config.discord;
      if (!dc) throw new UsageError('DISCORD_BOT_TOKEN and DISCORD_APP_ID are both needed');
      const [{ startDiscord }, { createRateLimiter }] = await Promise.all([
        import('../discord.ts'),
        import('../rate-limit.ts'),
      ]);
      const h = await startDiscord(engine, {
        ...dc,
        log,
        limiter: createRateLimiter({ perMinute: config.rateLimitPerMinute }),
      });
      const scope = dc.guildId ? `commands in server ${dc.guildId}` : 'global commands';
      return { description: `Discord ${h.tag} (${scope})`, stop: h.stop };
    },
  },
  // ── HTTP channels ─────────────────────────────────────────────────────────────────────────────────
  // One HTTP server (CREDIT_BOT_WEB_HOST/PORT) for everything reached over HTTP: the staff console
  // (bots/web, optional in an installation), the WeChat Official Account and WeCom callbacks and the
  // public chat page. It starts when any of them is configured, with or without staff accounts.
  {
    name: 'web',
    enabled: (env) =>
      staffConfigured(env) ||
      Boolean(
        env.WECHAT_TOKEN?.trim() || env.WECOM_CORP_ID?.trim() || env.CREDIT_BOT_PUBLIC_CHAT?.trim() === '1',
      ),
    async start(engine, { env, config, log }) {
      let http: typeof import('../http/server.ts');
      try {
        http = await import('../http/server.ts');
      } catch (err) {
        if ((err as NodeJS.ErrnoException)?.code === 'ERR_MODULE_NOT_FOUND') {
          throw new UsageError(
            `an HTTP part is not part of this installation (${(err as Error).message.split('\n')[0]})`,
          );
        }
        throw err;
      }
      const h = await http.startHttp(engine, { env, config, log, staff: staffConfigured(env) });
      return { description: `HTTP at ${h.url}: ${h.parts.join('; ')}`, stop: h.stop };
    },
  },
  // ─────────────────────────────────────────────────────────────────────────────────────────────────
];

function staffConfigured(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.CREDIT_BOT_STAFF_TOKEN?.trim() || env.CREDIT_BOT_STAFF_ACCOUNTS?.trim());
}

export interface ServeOptions {
  env?: NodeJS.ProcessEnv;
  /** the engine factory (tests pass a fake); it gets the shared logger */
  createEngine?: (env: NodeJS.ProcessEnv, log: Logger) => Promise<Engine>;
  channels?: ServeChannel[];
  log?: Logger;
  /** operator messages (stdout by default) */
  say?: (line: string) => void;
  /** stops serving when aborted; SIGINT/SIGTERM do the same */
  signal?: AbortSignal;
}

/** Runs until a signal (or `signal`) arrives; throws UsageError for configuration problems. */
export async function serve(opts: ServeOptions = {}): Promise<void> {
  const env = opts.env ?? process.env;
  const say = opts.say ?? ((line: string) => process.stdout.write(`${line}\n`));
  const [{ loadBotConfig, ENV_HELP }, { createLogger }] = await Promise.all([
    import('../config.ts'),
    import('../../dialogs/log.ts'),
  ]);
  const config = loadBotConfig(env);
  const wanted = (opts.channels ?? CHANNELS).filter((c) => c.enabled(env));
  if (wanted.length === 0) throw new UsageError(`nothing to serve: ${ENV_HELP}`);

  // One logger for the engine, every adapter and the web console: the same redaction, secret scrubbing
  // and error serializer everywhere.
  const log = opts.log ?? createLogger({ level: config.logLevel, secrets: config.secrets });
  const engine = await (opts.createEngine ?? defaultEngine)(env, log);
  const running: { name: string; channel: RunningChannel }[] = [];
  const stopAll = async () => {
    for (const { name, channel } of running.reverse()) {
      await channel
        .stop()
        .catch((err: unknown) => log.error({ err, channel: name }, 'channel did not stop cleanly'));
    }
    await engine.close();
  };

  for (const c of wanted) {
    try {
      running.push({ name: c.name, channel: await c.start(engine, { env, config, log }) });
    } catch (err) {
      await stopAll();
      const why = (err as Error)?.message ?? String(err);
      throw new UsageError(
        `could not start ${c.name}: ${config.secrets.reduce((m, s) => m.split(s).join('[redacted]'), why)}`,
      );
    }
  }
  for (const { channel } of running) say(`已启动 / started: ${channel.description}`);
  const idle = (opts.channels ?? CHANNELS).filter((c) => !c.enabled(env)).map((c) => c.name);
  if (idle.length) say(`未配置 / not configured: ${idle.join(', ')} (${ENV_HELP})`);

  await new Promise<void>((resolve) => {
    const done = () => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      opts.signal?.removeEventListener('abort', done);
      resolve();
    };
    process.on('SIGINT', done);
    process.on('SIGTERM', done);
    if (opts.signal?.aborted) done();
    else opts.signal?.addEventListener('abort', done);
  });
  say('正在停止 / stopping…');
  await stopAll();
  say('已停止 / stopped');
}

async function defaultEngine(env: NodeJS.ProcessEnv, log: Logger): Promise<Engine> {
  const { createEngine } = await import('../../dialogs/engine.ts');
  return createEngine({ log, ...(env.CREDIT_BOT_DATA_DIR && { dataDir: env.CREDIT_BOT_DATA_DIR }) });
}

export function register(program: Command): void {
  program
    .command('serve')
    .description(
      '启动已配置的聊天渠道 / start every configured channel: Telegram (TELEGRAM_BOT_TOKEN), Discord ' +
        '(DISCORD_BOT_TOKEN, DISCORD_APP_ID), staff web console (CREDIT_BOT_STAFF_TOKEN), WeChat Official ' +
        'Account (WECHAT_*), WeCom (WECOM_*), public chat page (CREDIT_BOT_PUBLIC_CHAT=1)',
    )
    .action(async () => {
      await serve();
    });
}
