// A fake Telegram Bot API server on 127.0.0.1 for driving the real telegraf client: it queues updates
// for getUpdates, records every method call (multipart uploads included), and can be told to fail a
// method (429 with retry_after, 5xx) or to refuse writing to a chat, as Telegram does.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeFile {
  name: string;
  type: string;
  bytes: Uint8Array;
}

export interface TgCall {
  method: string;
  params: Record<string, unknown>;
  files: Record<string, FakeFile>;
}

export interface TgUser {
  id: number;
  is_bot: boolean;
  first_name: string;
  username?: string;
}

export interface TgChat {
  id: number;
  type: 'private' | 'group' | 'supergroup';
  title?: string;
}

interface Failure {
  status: number;
  description: string;
  retry_after?: number;
}

const JSON_FIELDS = new Set(['reply_markup', 'reply_parameters', 'entities', 'caption_entities', 'commands']);

export async function startFakeTelegram(opts: { token: string; bot?: Partial<TgUser> }) {
  const bot: TgUser = {
    id: 7000000001,
    is_bot: true,
    first_name: 'Credit Bot',
    username: 'credit_repair_bot',
    ...opts.bot,
  };
  const calls: TgCall[] = [];
  const listeners = new Set<() => void>();
  const updates: Record<string, unknown>[] = [];
  const waiting = new Set<{ offset: number; res: ServerResponse; timer: NodeJS.Timeout }>();
  const failures = new Map<string, Failure[]>();
  const unreachableChats = new Set<string>();
  let nextUpdateId = 1;
  let nextMessageId = 100;
  let nextCallbackId = 1;

  const server = createServer((req, res) => {
    void route(req, res).catch((err: unknown) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: false, error_code: 500, description: String(err) }));
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse) {
    const m = /^\/bot([^/]+)\/(\w+)$/.exec(new URL(req.url ?? '/', 'http://x').pathname);
    if (!m || m[1] !== opts.token) {
      return send(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
    }
    const method = m[2] as string;
    const { params, files } = await readBody(req);
    calls.push({ method, params, files });
    for (const l of listeners) l();

    const failure = failures.get(method)?.shift();
    if (failure) {
      return send(res, failure.status, {
        ok: false,
        error_code: failure.status,
        description: failure.description,
        ...(failure.retry_after !== undefined && { parameters: { retry_after: failure.retry_after } }),
      });
    }
    if (
      (method === 'sendMessage' || method === 'sendDocument') &&
      unreachableChats.has(String(params.chat_id))
    ) {
      return send(res, 403, {
        ok: false,
        error_code: 403,
        description: "Forbidden: bot can't initiate conversation with a user",
      });
    }
    switch (method) {
      case 'getMe':
        return ok(res, bot);
      case 'getUpdates':
        return getUpdates(res, Number(params.offset ?? 0), Number(params.timeout ?? 0));
      case 'sendMessage':
        return ok(res, message(params, { text: params.text }));
      case 'sendDocument': {
        const doc = files.document;
        return ok(
          res,
          message(params, { document: { file_id: 'f1', file_name: doc?.name }, caption: params.caption }),
        );
      }
      default:
        return ok(res, true);
    }
  }

  function message(params: Record<string, unknown>, content: Record<string, unknown>) {
    const chatId = Number(params.chat_id);
    return {
      message_id: nextMessageId++,
      from: bot,
      chat: chatId > 0 ? { id: chatId, type: 'private' } : { id: chatId, type: 'supergroup', title: 'group' },
      date: 1_700_000_000,
      ...content,
    };
  }

  function getUpdates(res: ServerResponse, offset: number, timeout: number) {
    // Telegram forgets updates once a later offset confirms them.
    while (updates.length && (updates[0]?.update_id as number) < offset) updates.shift();
    const ready = updates.filter((u) => (u.update_id as number) >= offset);
    if (ready.length || timeout === 0) return ok(res, ready);
    const waiter = {
      offset,
      res,
      timer: setTimeout(() => flush(waiter), Math.min(timeout, 20) * 1000),
    };
    waiting.add(waiter);
    res.on('close', () => {
      clearTimeout(waiter.timer);
      waiting.delete(waiter);
    });
  }

  function flush(waiter: { offset: number; res: ServerResponse; timer: NodeJS.Timeout }) {
    clearTimeout(waiter.timer);
    waiting.delete(waiter);
    if (!waiter.res.writableEnded)
      ok(
        waiter.res,
        updates.filter((u) => (u.update_id as number) >= waiter.offset),
      );
  }

  function pushUpdate(update: Record<string, unknown>): number {
    const update_id = nextUpdateId++;
    updates.push({ update_id, ...update });
    for (const w of [...waiting]) flush(w);
    return update_id;
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    bot,
    calls,
    apiRoot: `http://127.0.0.1:${port}`,
    pushUpdate,
    /** A text message as Telegram would deliver it, with command and @mention entities filled in. */
    sendText(chat: TgChat, from: TgUser, text: string, extra: { replyTo?: Record<string, unknown> } = {}) {
      const entities: Record<string, unknown>[] = [];
      const cmd = /^\/\S+/.exec(text);
      if (cmd) entities.push({ type: 'bot_command', offset: 0, length: cmd[0].length });
      for (const mention of text.matchAll(/@\w+/g)) {
        if (cmd && mention.index < cmd[0].length) continue;
        entities.push({ type: 'mention', offset: mention.index, length: mention[0].length });
      }
      const message_id = nextMessageId++;
      pushUpdate({
        message: {
          message_id,
          from,
          chat,
          date: 1_700_000_000,
          text,
          ...(entities.length && { entities }),
          ...(extra.replyTo && { reply_to_message: extra.replyTo }),
        },
      });
      return message_id;
    },
    /** A button press on a message the bot sent earlier. */
    press(from: TgUser, botMessage: TgCall, data: string) {
      const id = String(nextCallbackId++);
      pushUpdate({
        callback_query: {
          id,
          from,
          chat_instance: '1',
          data,
          message: message(botMessage.params, { text: botMessage.params.text }),
        },
      });
      return id;
    },
    failNext(method: string, failure: Failure, times = 1) {
      const list = failures.get(method) ?? [];
      for (let i = 0; i < times; i++) list.push(failure);
      failures.set(method, list);
    },
    /** the user never opened a private chat with the bot */
    refuseChat(chatId: number) {
      unreachableChats.add(String(chatId));
    },
    callsOf(method: string) {
      return calls.filter((c) => c.method === method);
    },
    /** Resolves with the first call after `since` that matches; rejects (listing what came) if none does. */
    waitFor(pred: (c: TgCall) => boolean, since = 0, timeoutMs = 5000): Promise<TgCall> {
      return new Promise((resolve, reject) => {
        const check = () => {
          const hit = calls.slice(since).find(pred);
          if (!hit) return false;
          listeners.delete(check);
          clearTimeout(timer);
          resolve(hit);
          return true;
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          const seen = calls.slice(since).map((c) => `${c.method} ${JSON.stringify(c.params).slice(0, 120)}`);
          reject(new Error(`fake Telegram: expected call never came; saw:\n${seen.join('\n')}`));
        }, timeoutMs);
        if (!check()) listeners.add(check);
      });
    },
    async close() {
      for (const w of [...waiting]) flush(w);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type FakeTelegram = Awaited<ReturnType<typeof startFakeTelegram>>;

async function readBody(
  req: IncomingMessage,
): Promise<{ params: Record<string, unknown>; files: Record<string, FakeFile> }> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const body = Buffer.concat(chunks);
  const type = req.headers['content-type'] ?? '';
  const params: Record<string, unknown> = {};
  const files: Record<string, FakeFile> = {};
  if (body.length === 0) return { params, files };
  if (type.startsWith('application/json')) return { params: JSON.parse(body.toString('utf8')), files };
  if (type.startsWith('multipart/form-data')) {
    const form = await new Response(body, { headers: { 'content-type': type } }).formData();
    for (const [key, value] of form.entries()) {
      if (typeof value === 'string') {
        params[key] = JSON_FIELDS.has(key) ? JSON.parse(value) : value;
      } else {
        files[key] = { name: value.name, type: value.type, bytes: new Uint8Array(await value.arrayBuffer()) };
      }
    }
    return { params, files };
  }
  for (const [k, v] of new URLSearchParams(body.toString('utf8'))) params[k] = v;
  return { params, files };
}

function ok(res: ServerResponse, result: unknown) {
  send(res, 200, { ok: true, result });
}

function send(res: ServerResponse, status: number, body: unknown) {
  if (res.writableEnded) return;
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
