// Channel configuration from the environment, validated up front so a typo in a token is reported as
// "which variable, what is wrong, how to fix it" instead of a 401 deep inside a client library.
// Token values never go into messages or logs (the logger itself is dialogs/log.ts, shared by all).
import { z } from 'zod';
import { LOG_LEVELS } from '../dialogs/log.ts';
import { UsageError } from './usage-error.ts';
import { ENCODING_AES_KEY } from './wechat/msg-crypt.ts';

const TELEGRAM_TOKEN = /^\d+:[A-Za-z0-9_-]{30,}$/;
// Discord bot tokens are three base64url parts joined by dots (user id, timestamp, HMAC).
const DISCORD_TOKEN = /^[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{20,}$/;
const SNOWFLAKE = /^\d{15,21}$/;

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const opt = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());
const httpUrl = (what: string) =>
  z.url({ protocol: /^https?$/, error: `must be an http(s) URL, e.g. ${what}` });

const EnvSchema = z.object({
  TELEGRAM_BOT_TOKEN: opt(
    z
      .string()
      .regex(
        TELEGRAM_TOKEN,
        'is malformed: expected the token from @BotFather, digits, a colon and 30+ letters/digits/_/- ' +
          '(e.g. 123456789:AAE…); check for quotes, spaces or a "bot" prefix',
      ),
  ),
  TELEGRAM_API_ROOT: opt(httpUrl('http://127.0.0.1:8081 for a local Bot API server')),
  TELEGRAM_WEBHOOK_URL: opt(
    z.url({
      protocol: /^https$/,
      error: 'must be the public https URL Telegram should post updates to, e.g. https://bot.example.org/tg',
    }),
  ),
  TELEGRAM_WEBHOOK_PORT: opt(
    z.coerce
      .number({ error: 'must be a port number' })
      .int()
      .min(1, 'must be a port number between 1 and 65535')
      .max(65535, 'must be a port number between 1 and 65535'),
  ),
  TELEGRAM_WEBHOOK_SECRET: opt(
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,256}$/, 'may contain only letters, digits, _ and - (1–256 characters)'),
  ),
  DISCORD_BOT_TOKEN: opt(
    z
      .string()
      .regex(
        DISCORD_TOKEN,
        'is malformed: expected the bot token from the Discord developer portal (Bot → Reset Token), ' +
          'three parts separated by dots; check for quotes, spaces or a "Bot " prefix',
      ),
  ),
  DISCORD_APP_ID: opt(
    z
      .string()
      .regex(SNOWFLAKE, 'must be the numeric Application ID from the developer portal (General Information)'),
  ),
  DISCORD_GUILD_ID: opt(
    z
      .string()
      .regex(SNOWFLAKE, 'must be a numeric server id (Developer Mode → right-click the server → Copy ID)'),
  ),
  DISCORD_API_ROOT: opt(httpUrl('http://127.0.0.1:3000/api')),
  CREDIT_BOT_RATE_LIMIT: opt(
    z.coerce
      .number({ error: 'must be a number of turns per minute' })
      .int('must be a whole number of turns per minute')
      .min(1, 'must be at least 1 turn per minute'),
  ),
  CREDIT_BOT_STAFF_TOKEN: opt(z.string()),
  WECHAT_TOKEN: opt(
    z
      .string()
      .regex(/^[A-Za-z0-9]{3,32}$/, 'must be the Token typed in the admin page (3–32 letters or digits)'),
  ),
  WECHAT_APP_ID: opt(
    z
      .string()
      .regex(/^wx[0-9a-f]{16}$/, 'must be the AppID from 设置与开发 → 基本配置 (wx and 16 hex digits)'),
  ),
  WECHAT_APP_SECRET: opt(
    z.string().regex(/^[0-9a-f]{32}$/, 'must be the AppSecret from 设置与开发 → 基本配置 (32 hex digits)'),
  ),
  WECHAT_ENCODING_AES_KEY: opt(
    z
      .string()
      .regex(ENCODING_AES_KEY, 'must be the EncodingAESKey from the admin page (43 letters or digits)'),
  ),
  WECHAT_API_ROOT: opt(httpUrl('http://127.0.0.1:9000 for a test double')),
  WECOM_CORP_ID: opt(
    z.string().regex(/^w[wx][0-9A-Za-z]{16}$/, 'must be the 企业ID from 我的企业 → 企业信息 (ww…)'),
  ),
  WECOM_AGENT_ID: opt(z.string().regex(/^\d{1,10}$/, 'must be the numeric AgentId of the application')),
  WECOM_SECRET: opt(
    z.string().regex(/^[A-Za-z0-9_-]{20,64}$/, "must be the application's Secret (letters, digits, _ and -)"),
  ),
  WECOM_TOKEN: opt(
    z
      .string()
      .regex(/^[A-Za-z0-9]{3,32}$/, 'must be the Token from the callback settings (3–32 letters or digits)'),
  ),
  WECOM_ENCODING_AES_KEY: opt(
    z
      .string()
      .regex(
        ENCODING_AES_KEY,
        'must be the EncodingAESKey from the callback settings (43 letters or digits)',
      ),
  ),
  WECOM_API_ROOT: opt(httpUrl('http://127.0.0.1:9001 for a test double')),
  WECOM_MENTION_NAME: opt(z.string().max(64)),
  CREDIT_BOT_PUBLIC_CHAT: opt(z.enum(['0', '1'], { error: 'must be 1 (on) or 0 (off)' })),
  CREDIT_BOT_PUBLIC_URL: opt(
    z.url({
      protocol: /^https?$/,
      error: 'must be the public URL of this server for draft links, e.g. https://credit.example.gov.cn',
    }),
  ),
  CREDIT_BOT_LOG_LEVEL: opt(
    z.preprocess(
      (v) => (typeof v === 'string' ? v.trim().toLowerCase() : v),
      z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }),
    ),
  ),
});

export interface TelegramConfig {
  token: string;
  apiRoot?: string;
  webhook?: { url: string; port: number; secret?: string };
}

export interface DiscordConfig {
  token: string;
  appId: string;
  guildId?: string;
  apiRoot?: string;
}

export interface WechatConfig {
  token: string;
  appId: string;
  appSecret: string;
  encodingAesKey?: string;
  apiRoot?: string;
}

export interface WecomConfig {
  corpId: string;
  agentId: string;
  secret: string;
  token: string;
  encodingAesKey: string;
  apiRoot?: string;
  mentionName?: string;
}

export interface BotConfig {
  telegram?: TelegramConfig;
  discord?: DiscordConfig;
  wechat?: WechatConfig;
  wecom?: WecomConfig;
  /** CREDIT_BOT_PUBLIC_CHAT=1: the public chat page at /chat */
  publicChat: boolean;
  /** public base URL for links the bot hands out (draft downloads) */
  publicUrl?: string;
  /** turns per user per minute */
  rateLimitPerMinute: number;
  /** CREDIT_BOT_LOG_LEVEL, checked */
  logLevel: string;
  /** every secret value found, for scrubbing logs */
  secrets: string[];
}

export const ENV_HELP =
  'set TELEGRAM_BOT_TOKEN for Telegram, DISCORD_BOT_TOKEN and DISCORD_APP_ID for Discord, or ' +
  'CREDIT_BOT_STAFF_TOKEN for the web console, WECHAT_TOKEN/WECHAT_APP_ID/WECHAT_APP_SECRET for a WeChat ' +
  'Official Account, WECOM_* for WeCom, CREDIT_BOT_PUBLIC_CHAT=1 for the public chat page (see docs/connecting-bots.md)';

const WECHAT_REQUIRED = ['WECHAT_TOKEN', 'WECHAT_APP_ID', 'WECHAT_APP_SECRET'] as const;
const WECOM_REQUIRED = [
  'WECOM_CORP_ID',
  'WECOM_AGENT_ID',
  'WECOM_SECRET',
  'WECOM_TOKEN',
  'WECOM_ENCODING_AES_KEY',
] as const;

/** Reads and checks the bot settings; throws UsageError naming every bad variable. */
export function loadBotConfig(env: NodeJS.ProcessEnv = process.env): BotConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${String(i.path[0] ?? 'environment')} ${i.message}`);
    throw new UsageError(`bad configuration: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  const problems: string[] = [];
  if (e.TELEGRAM_BOT_TOKEN === undefined) {
    for (const name of ['TELEGRAM_API_ROOT', 'TELEGRAM_WEBHOOK_URL', 'TELEGRAM_WEBHOOK_PORT'] as const) {
      if (e[name] !== undefined) problems.push(`${name} is set but TELEGRAM_BOT_TOKEN is not; set both`);
    }
  }
  if (e.DISCORD_BOT_TOKEN !== undefined && e.DISCORD_APP_ID === undefined) {
    problems.push(
      'DISCORD_APP_ID is missing: Discord needs it with DISCORD_BOT_TOKEN to register slash commands',
    );
  }
  if (
    e.DISCORD_BOT_TOKEN === undefined &&
    (e.DISCORD_APP_ID !== undefined || e.DISCORD_GUILD_ID !== undefined)
  ) {
    problems.push('DISCORD_BOT_TOKEN is missing: set it to the bot token from the Discord developer portal');
  }
  // A channel is either fully configured or not at all: half a set is a typo, not a wish.
  for (const [channel, names] of [
    ['WeChat Official Account', WECHAT_REQUIRED],
    ['WeCom', WECOM_REQUIRED],
  ] as const) {
    const set = names.filter((n) => e[n] !== undefined);
    if (set.length > 0 && set.length < names.length) {
      const missing = names.filter((n) => e[n] === undefined);
      problems.push(
        `${channel} needs ${missing.join(', ')} as well (${set.join(', ')} ${set.length > 1 ? 'are' : 'is'} set)`,
      );
    }
  }
  if (e.WECHAT_TOKEN === undefined) {
    for (const name of ['WECHAT_ENCODING_AES_KEY', 'WECHAT_API_ROOT'] as const) {
      if (e[name] !== undefined) problems.push(`${name} is set but WECHAT_TOKEN is not; set the whole group`);
    }
  }
  if (problems.length) throw new UsageError(`bad configuration: ${problems.join('; ')}`);

  const config: BotConfig = {
    publicChat: e.CREDIT_BOT_PUBLIC_CHAT === '1',
    ...(e.CREDIT_BOT_PUBLIC_URL && { publicUrl: e.CREDIT_BOT_PUBLIC_URL }),
    rateLimitPerMinute: e.CREDIT_BOT_RATE_LIMIT ?? 20,
    logLevel: e.CREDIT_BOT_LOG_LEVEL ?? 'info',
    secrets: [
      e.TELEGRAM_BOT_TOKEN,
      e.TELEGRAM_WEBHOOK_SECRET,
      e.DISCORD_BOT_TOKEN,
      e.CREDIT_BOT_STAFF_TOKEN,
      e.WECHAT_APP_SECRET,
      e.WECHAT_ENCODING_AES_KEY,
      e.WECHAT_TOKEN,
      e.WECOM_SECRET,
      e.WECOM_ENCODING_AES_KEY,
      e.WECOM_TOKEN,
    ].filter((s): s is string => typeof s === 'string' && s.length > 0),
  };
  if (e.TELEGRAM_BOT_TOKEN) {
    config.telegram = {
      token: e.TELEGRAM_BOT_TOKEN,
      ...(e.TELEGRAM_API_ROOT && { apiRoot: e.TELEGRAM_API_ROOT }),
      ...(e.TELEGRAM_WEBHOOK_URL && {
        webhook: {
          url: e.TELEGRAM_WEBHOOK_URL,
          port: e.TELEGRAM_WEBHOOK_PORT ?? 8443,
          ...(e.TELEGRAM_WEBHOOK_SECRET && { secret: e.TELEGRAM_WEBHOOK_SECRET }),
        },
      }),
    };
  }
  if (e.DISCORD_BOT_TOKEN && e.DISCORD_APP_ID) {
    config.discord = {
      token: e.DISCORD_BOT_TOKEN,
      appId: e.DISCORD_APP_ID,
      ...(e.DISCORD_GUILD_ID && { guildId: e.DISCORD_GUILD_ID }),
      ...(e.DISCORD_API_ROOT && { apiRoot: e.DISCORD_API_ROOT }),
    };
  }
  if (e.WECHAT_TOKEN && e.WECHAT_APP_ID && e.WECHAT_APP_SECRET) {
    config.wechat = {
      token: e.WECHAT_TOKEN,
      appId: e.WECHAT_APP_ID,
      appSecret: e.WECHAT_APP_SECRET,
      ...(e.WECHAT_ENCODING_AES_KEY && { encodingAesKey: e.WECHAT_ENCODING_AES_KEY }),
      ...(e.WECHAT_API_ROOT && { apiRoot: e.WECHAT_API_ROOT }),
    };
  }
  if (e.WECOM_CORP_ID && e.WECOM_AGENT_ID && e.WECOM_SECRET && e.WECOM_TOKEN && e.WECOM_ENCODING_AES_KEY) {
    config.wecom = {
      corpId: e.WECOM_CORP_ID,
      agentId: e.WECOM_AGENT_ID,
      secret: e.WECOM_SECRET,
      token: e.WECOM_TOKEN,
      encodingAesKey: e.WECOM_ENCODING_AES_KEY,
      ...(e.WECOM_API_ROOT && { apiRoot: e.WECOM_API_ROOT }),
      ...(e.WECOM_MENTION_NAME && { mentionName: e.WECOM_MENTION_NAME }),
    };
  }
  return config;
}
