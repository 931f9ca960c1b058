// A fake Discord on 127.0.0.1 for driving the real discord.js client: REST under /api/v10 (gateway
// discovery, messages with multipart attachments, DMs, interaction callbacks and webhook follow-ups,
// command registration) and a gateway on the same port (HELLO → IDENTIFY → READY → GUILD_CREATE,
// heartbeats acknowledged). Tests dispatch MESSAGE_CREATE and INTERACTION_CREATE and read what the bot
// sent from `calls`. Failures (429 with Retry-After, refused DMs) can be injected.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

export interface DiscordUser {
  id: string;
  username: string;
  discriminator: string;
  global_name: string | null;
  avatar: null;
  bot?: boolean;
}

export interface DcCall {
  method: string;
  path: string;
  body: Record<string, unknown>;
  files: { name: string; bytes: Uint8Array }[];
  /** the message id the fake gave a created message */
  messageId?: string;
}

interface Failure {
  status: number;
  retryAfter?: number;
  code?: number;
  message?: string;
}

let snowflake = 100_000_000_000_000_000n;
const nextId = () => String(++snowflake);

export function discordUser(id: string, username: string, bot = false): DiscordUser {
  return { id, username, discriminator: '0', global_name: username, avatar: null, ...(bot && { bot }) };
}

export async function startFakeDiscord(opts: { token: string; appId: string; guildId?: string }) {
  const bot = discordUser('900000000000000001', 'credit-bot', true);
  const guildId = opts.guildId ?? '800000000000000001';
  const channelId = '810000000000000001';
  const calls: DcCall[] = [];
  const listeners = new Set<() => void>();
  const failures: { match: (c: DcCall) => boolean; failure: Failure }[] = [];
  const refusedDms = new Set<string>();
  const dmChannels = new Map<string, string>(); // user id → DM channel id
  const dmOwners = new Map<string, DiscordUser>(); // DM channel id → user
  const sockets = new Set<WebSocket>();
  const interactions = new Map<string, { channelId: string; guildId?: string }>(); // token → where
  let identify: Record<string, unknown> | undefined;
  let seq = 0;

  const server = createServer((req, res) => {
    void rest(req, res).catch((err: unknown) => send(res, 500, { message: String(err), code: 0 }));
  });
  const wss = new WebSocketServer({ server, path: '/gateway' });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const base = `http://127.0.0.1:${port}`;

  wss.on('connection', (ws) => {
    sockets.add(ws);
    ws.on('close', () => sockets.delete(ws));
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 45_000 }, s: null, t: null }));
    ws.on('message', (raw) => {
      const payload = JSON.parse(String(raw)) as { op: number; d: Record<string, unknown> };
      if (payload.op === 1) ws.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
      if (payload.op === 2) {
        identify = payload.d;
        dispatchTo(ws, 'READY', {
          v: 10,
          user: bot,
          guilds: [{ id: guildId, unavailable: true }],
          session_id: 'fake-session',
          resume_gateway_url: `ws://127.0.0.1:${port}/gateway`,
          application: { id: opts.appId, flags: 0 },
          shard: [0, 1],
        });
        dispatchTo(ws, 'GUILD_CREATE', guildPayload());
      }
    });
  });

  function guildPayload() {
    return {
      id: guildId,
      name: '个体户交流群',
      icon: null,
      owner_id: '700000000000000009',
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      mfa_level: 0,
      nsfw_level: 0,
      premium_tier: 0,
      preferred_locale: 'zh-CN',
      features: [],
      roles: [
        {
          id: guildId,
          name: '@everyone',
          permissions: '68608',
          position: 0,
          color: 0,
          hoist: false,
          managed: false,
          mentionable: false,
          flags: 0,
        },
      ],
      emojis: [],
      stickers: [],
      member_count: 3,
      joined_at: '2026-01-01T00:00:00.000Z',
      large: false,
      unavailable: false,
      channels: [
        {
          id: channelId,
          type: 0,
          name: 'general',
          guild_id: guildId,
          position: 0,
          permission_overwrites: [],
        },
      ],
      threads: [],
      members: [],
      presences: [],
      voice_states: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }

  function dispatchTo(ws: WebSocket, t: string, d: unknown) {
    ws.send(JSON.stringify({ op: 0, t, s: ++seq, d }));
  }

  function dispatch(t: string, d: unknown) {
    for (const ws of sockets) dispatchTo(ws, t, d);
  }

  async function rest(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', base);
    const path = decodeURIComponent(url.pathname).replace(/^\/api\/v10/, '');
    const { body, files } = await readBody(req);
    const call: DcCall = { method: req.method ?? 'GET', path, body, files };
    const needsAuth = !/^\/(interactions|webhooks)\//.test(path);
    if (needsAuth && req.headers.authorization !== `Bot ${opts.token}`) {
      return send(res, 401, { message: '401: Unauthorized', code: 0 });
    }
    calls.push(call);
    for (const l of [...listeners]) l();

    const i = failures.findIndex((f) => f.match(call));
    if (i >= 0) {
      const { failure } = failures.splice(i, 1)[0] as { failure: Failure };
      const headers: Record<string, string> = {};
      if (failure.retryAfter !== undefined) {
        Object.assign(headers, {
          'retry-after': String(failure.retryAfter),
          'x-ratelimit-limit': '5',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset-after': String(failure.retryAfter),
          'x-ratelimit-bucket': 'fakebucket',
          'x-ratelimit-scope': 'user',
        });
      }
      return send(
        res,
        failure.status,
        {
          message: failure.message ?? 'You are being rate limited.',
          code: failure.code ?? 0,
          ...(failure.retryAfter !== undefined && { retry_after: failure.retryAfter, global: false }),
        },
        headers,
      );
    }

    const channelPost = /^\/channels\/(\d+)\/messages$/.exec(path);
    const hook = /^\/webhooks\/(\d+)\/([^/]+)(\/messages\/@original)?$/.exec(path);
    if (req.method === 'GET' && path === '/gateway/bot') {
      return send(res, 200, {
        url: `ws://127.0.0.1:${port}/gateway`,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 },
      });
    }
    if (req.method === 'PUT' && /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(path)) {
      const list = Array.isArray(body) ? body : [];
      return send(
        res,
        200,
        list.map((c) => ({ id: nextId(), application_id: opts.appId, version: '1', ...(c as object) })),
      );
    }
    if (req.method === 'POST' && path === '/users/@me/channels') {
      const userId = String(body.recipient_id);
      const id = dmChannels.get(userId) ?? nextId();
      dmChannels.set(userId, id);
      const user = dmOwners.get(id) ?? discordUser(userId, `user${userId.slice(-3)}`);
      dmOwners.set(id, user);
      return send(res, 200, { id, type: 1, recipients: [user], last_message_id: null });
    }
    if (req.method === 'POST' && channelPost) {
      const chId = channelPost[1] as string;
      const owner = dmOwners.get(chId);
      if (owner && refusedDms.has(owner.id)) {
        return send(res, 403, { message: 'Cannot send messages to this user', code: 50007 });
      }
      return send(res, 200, botMessage(call, chId, owner ? undefined : guildId));
    }
    if (/^\/interactions\/\d+\/[^/]+\/callback$/.test(path)) {
      res.writeHead(204).end();
      return;
    }
    if (hook) {
      const interaction = interactions.get(hook[2] as string);
      return send(res, 200, botMessage(call, interaction?.channelId ?? channelId, interaction?.guildId));
    }
    return send(res, 404, { message: `fake Discord has no route ${req.method} ${path}`, code: 0 });
  }

  function botMessage(call: DcCall, chId: string, gId: string | undefined) {
    const id = nextId();
    call.messageId = id;
    return {
      id,
      channel_id: chId,
      ...(gId && { guild_id: gId }),
      author: bot,
      content: (call.body.content as string) ?? '',
      timestamp: new Date(0).toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: call.files.map((f, i) => ({
        id: String(i),
        filename: f.name,
        size: f.bytes.length,
        url: 'x',
      })),
      embeds: [],
      pinned: false,
      type: 0,
      flags: Number(call.body.flags ?? 0),
      components: (call.body.components as unknown[]) ?? [],
    };
  }

  function interactionBase(user: DiscordUser, where: { dm?: boolean }) {
    const id = nextId();
    const token = `itoken-${id}`;
    const dmId = where.dm ? (dmChannels.get(user.id) ?? nextId()) : undefined;
    if (dmId) {
      dmChannels.set(user.id, dmId);
      dmOwners.set(dmId, user);
    }
    const chId = dmId ?? channelId;
    interactions.set(token, { channelId: chId, ...(!dmId && { guildId }) });
    return {
      id,
      token,
      application_id: opts.appId,
      version: 1,
      app_permissions: '2248473465835073',
      locale: 'zh-CN',
      entitlements: [],
      authorizing_integration_owners: {},
      ...(dmId
        ? { user, channel: { id: dmId, type: 1, recipients: [user] }, context: 1 }
        : {
            guild_id: guildId,
            guild_locale: 'zh-CN',
            channel: { id: channelId, type: 0, name: 'general', guild_id: guildId },
            member: {
              user,
              roles: [],
              joined_at: '2026-01-01T00:00:00.000Z',
              deaf: false,
              mute: false,
              flags: 0,
              permissions: '68608',
            },
            context: 0,
          }),
    };
  }

  return {
    bot,
    guildId,
    channelId,
    calls,
    api: `${base}/api`,
    get identify() {
      return identify;
    },
    /** A user's message in the server channel (or in their DM with the bot). */
    userMessage(author: DiscordUser, content: string, o: { dm?: boolean; replyToBot?: boolean } = {}) {
      const id = nextId();
      const dmId = o.dm ? (dmChannels.get(author.id) ?? nextId()) : undefined;
      if (dmId) {
        dmChannels.set(author.id, dmId);
        dmOwners.set(dmId, author);
      }
      const mentionsBot = content.includes(`<@${bot.id}>`) || o.replyToBot;
      dispatch('MESSAGE_CREATE', {
        id,
        channel_id: dmId ?? channelId,
        // Discord sends the channel type along, which is how discord.js builds an uncached DM channel.
        channel_type: dmId ? 1 : 0,
        ...(!dmId && {
          guild_id: guildId,
          member: { roles: [], joined_at: '2026-01-01T00:00:00.000Z', deaf: false, mute: false, flags: 0 },
        }),
        author,
        content,
        timestamp: new Date(0).toISOString(),
        edited_timestamp: null,
        tts: false,
        mention_everyone: false,
        mentions: mentionsBot ? [bot] : [],
        mention_roles: [],
        attachments: [],
        embeds: [],
        pinned: false,
        type: o.replyToBot ? 19 : 0,
        ...(o.replyToBot && {
          message_reference: { message_id: '1', channel_id: channelId, guild_id: guildId },
          referenced_message: null,
        }),
      });
      return id;
    },
    slashCommand(
      user: DiscordUser,
      name: string,
      o: { dm?: boolean; options?: { name: string; value: string }[] } = {},
    ) {
      const base = interactionBase(user, o);
      dispatch('INTERACTION_CREATE', {
        ...base,
        type: 2,
        data: {
          id: nextId(),
          name,
          type: 1,
          ...(o.options && { options: o.options.map((x) => ({ ...x, type: 3 })) }),
          ...(!o.dm && { guild_id: guildId }),
        },
      });
      return base;
    },
    /** A press on a button (or a pick in a select menu) of a message the bot sent. */
    press(user: DiscordUser, message: DcCall, customId: string, o: { dm?: boolean; values?: string[] } = {}) {
      const base = interactionBase(user, o);
      const chId = (interactions.get(base.token) as { channelId: string }).channelId;
      dispatch('INTERACTION_CREATE', {
        ...base,
        type: 3,
        message: botMessage({ ...message, files: [] }, chId, o.dm ? undefined : guildId),
        data: {
          custom_id: customId,
          component_type: o.values ? 3 : 2,
          ...(o.values && { values: o.values }),
        },
      });
      return base;
    },
    failNext(match: (c: DcCall) => boolean, failure: Failure) {
      failures.push({ match, failure });
    },
    refuseDm(userId: string) {
      refusedDms.add(userId);
    },
    /** the channel a bot message went to, interaction responses included */
    channelOf(c: DcCall): string | undefined {
      const direct = /^\/channels\/(\d+)\/messages$/.exec(c.path);
      if (direct) return direct[1];
      const hook = /^\/webhooks\/\d+\/([^/]+)/.exec(c.path);
      return hook ? interactions.get(hook[1] as string)?.channelId : undefined;
    },
    dmChannelOf(userId: string) {
      return dmChannels.get(userId);
    },
    waitFor(pred: (c: DcCall) => boolean, since = 0, timeoutMs = 5000): Promise<DcCall> {
      return new Promise((resolve, reject) => {
        const check = () => {
          const hit = calls.slice(since).find(pred);
          if (!hit) return false;
          listeners.delete(check);
          clearTimeout(timer);
          // Resolve after the response (and its message id) is written.
          setImmediate(() => resolve(hit));
          return true;
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          const seen = calls
            .slice(since)
            .map((c) => `${c.method} ${c.path} ${JSON.stringify(c.body).slice(0, 120)}`);
          reject(new Error(`fake Discord: expected call never came; saw:\n${seen.join('\n')}`));
        }, timeoutMs);
        if (!check()) listeners.add(check);
      });
    },
    async close() {
      for (const ws of sockets) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type FakeDiscord = Awaited<ReturnType<typeof startFakeDiscord>>;

/** The text content and component custom ids of a message the bot sent. */
export function sentContent(c: DcCall): string {
  return String(c.body.content ?? '');
}

export function sentButtons(
  c: DcCall,
): { label?: string; custom_id: string; options?: { value: string }[] }[] {
  const rows =
    (c.body.components as { components: { label?: string; custom_id: string }[] }[] | undefined) ?? [];
  return rows.flatMap((r) => r.components);
}

async function readBody(req: IncomingMessage) {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const raw = Buffer.concat(chunks);
  const type = req.headers['content-type'] ?? '';
  const files: { name: string; bytes: Uint8Array }[] = [];
  let body: Record<string, unknown> = {};
  if (raw.length && type.startsWith('application/json')) body = JSON.parse(raw.toString('utf8'));
  if (raw.length && type.startsWith('multipart/form-data')) {
    const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
    for (const [key, value] of form.entries()) {
      if (typeof value === 'string') {
        if (key === 'payload_json') body = JSON.parse(value);
      } else {
        files.push({ name: value.name, bytes: new Uint8Array(await value.arrayBuffer()) });
      }
    }
  }
  return { body, files };
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  if (res.writableEnded) return;
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}
