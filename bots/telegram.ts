// Telegram adapter (telegraf 4): maps updates to Turns and renders Replies — inline keyboards for choices,
// documents for files, messages cut at 4096 characters. No domain logic lives here.
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { Telegraf } from 'telegraf';
import type { CallbackQuery, InlineKeyboardButton, Message, UserFromGetMe } from 'telegraf/types';
import type { Engine, Reply, Turn } from '../dialogs/types.ts';
import type { RateLimiter } from './rate-limit.ts';
import { decodeChoice, encodeChoice, fitLabel, rows, TELEGRAM_CALLBACK_MAX_BYTES } from './render/choices.ts';
import { COMMANDS, fill, messages } from './render/messages.ts';
import { splitText } from './render/split.ts';
import { createTurnRunner } from './render/turn-runner.ts';
import { type RetryOptions, withRetry } from './retry.ts';

export const TELEGRAM_TEXT_MAX = 4096;
const CAPTION_MAX = 1024;
const BUTTON_TEXT_MAX = 64;

export interface TelegramOptions {
  token: string;
  apiRoot?: string;
  /** webhook mode; long polling when absent */
  webhook?: { url: string; port: number; secret?: string; host?: string };
  log: Logger;
  limiter?: RateLimiter;
  retry?: RetryOptions;
  /** skips getMe when already known */
  botInfo?: UserFromGetMe;
}

export interface TelegramHandle {
  username: string;
  mode: 'polling' | 'webhook';
  stop(): Promise<void>;
}

interface Target {
  chatId: number | string;
  /** the user the buttons are for */
  userId: string;
  /** in groups, the first message answers the user's message so it is clear whom it is for */
  replyTo?: number;
  /** forum topic of a supergroup: answers stay in the topic the user wrote in */
  threadId?: number;
}

function topicOf(message: object): { threadId?: number } {
  const m = message as { is_topic_message?: boolean; message_thread_id?: number };
  return m.is_topic_message && m.message_thread_id ? { threadId: m.message_thread_id } : {};
}

export async function startTelegram(engine: Engine, opts: TelegramOptions): Promise<TelegramHandle> {
  const log = opts.log.child({ channel: 'telegram' });
  const bot = new Telegraf(opts.token, {
    telegram: { ...(opts.apiRoot && { apiRoot: opts.apiRoot }), webhookReply: false },
  });
  const runner = createTurnRunner(engine, { log, ...(opts.limiter && { limiter: opts.limiter }) });
  const call = <T>(what: string, fn: () => Promise<T>) =>
    withRetry(fn, {
      ...opts.retry,
      onRetry: ({ attempt, delayMs, error }) =>
        log.warn({ err: error, attempt, delayMs, method: what }, 'Telegram call failed, retrying'),
    });

  try {
    bot.botInfo = opts.botInfo ?? (await call('getMe', () => bot.telegram.getMe()));
  } catch (err) {
    // A network error's message holds the request URL, and with it the token.
    const why = describe(err).split(opts.token).join('[redacted]');
    throw new Error(`Telegram getMe failed (${why}); check TELEGRAM_BOT_TOKEN and TELEGRAM_API_ROOT`);
  }
  const me = bot.botInfo;

  bot.catch((err) => log.error({ err }, 'unhandled error in a Telegram update'));

  // Handlers return at once and the turn runs in the background: a slow engine call must neither block
  // the next getUpdates nor hit telegraf's handler timeout.
  bot.on('message', (ctx) => {
    const turn = messageTurn(ctx.message, me);
    if (!turn) return;
    const target: Target = {
      chatId: ctx.message.chat.id,
      userId: turn.userId,
      ...(turn.isGroup && { replyTo: ctx.message.message_id }),
      ...topicOf(ctx.message),
    };
    void runner.run(turn, (replies) => deliver(target, turn, replies));
  });

  bot.on('callback_query', async (ctx) => {
    const q = ctx.callbackQuery;
    const turn = await callbackTurn(q);
    if (!turn) return;
    const target: Target = { chatId: turn.chatId, userId: turn.userId, ...(q.message && topicOf(q.message)) };
    void runner.run(turn, (replies) => deliver(target, turn, replies));
  });

  async function callbackTurn(q: CallbackQuery): Promise<Turn | null> {
    const data = 'data' in q ? q.data : undefined;
    const decoded = data ? decodeChoice(data) : null;
    const answer = (text?: string) =>
      call('answerCallbackQuery', () =>
        bot.telegram.answerCbQuery(q.id, text, text ? { show_alert: true } : undefined),
      ).catch((err) => log.warn({ err }, 'could not answer a callback query'));
    if (!decoded || !q.message) {
      await answer(messages.staleButton);
      return null;
    }
    if (decoded.forUserId !== String(q.from.id)) {
      await answer(messages.notYourButton);
      return null;
    }
    await answer();
    const chat = q.message.chat;
    return {
      channel: 'telegram',
      chatId: String(chat.id),
      userId: String(q.from.id),
      isGroup: chat.type !== 'private',
      addressed: true,
      choiceId: decoded.choiceId,
    };
  }

  async function deliver(target: Target, turn: Turn, replies: Reply[]): Promise<void> {
    for (const reply of replies) {
      if (reply.kind === 'move-to-private') {
        await moveToPrivate(target, turn, reply);
      } else {
        await sendReply(target, reply);
      }
    }
  }

  async function moveToPrivate(
    target: Target,
    turn: Turn,
    reply: Extract<Reply, { kind: 'move-to-private' }>,
  ) {
    if (turn.isGroup) await sendReply(target, { kind: 'text', text: reply.text });
    const privateTurn: Turn = {
      channel: 'telegram',
      chatId: turn.userId, // a user's private chat with the bot has the user's id
      userId: turn.userId,
      isGroup: false,
      addressed: true,
      text: reply.privateStart,
    };
    const privateReplies = await runner.handle(privateTurn);
    const privateTarget: Target = { chatId: turn.userId, userId: turn.userId };
    try {
      for (const r of privateReplies) {
        if (r.kind !== 'move-to-private') await sendReply(privateTarget, r);
      }
    } catch (err) {
      if (!turn.isGroup) throw err;
      if (!cannotInitiate(err)) {
        log.error({ err, chatId: turn.chatId }, 'could not send the private part of a moved conversation');
        return;
      }
      // Telegram lets a bot write only to users who started it: hand them a deep link that starts the
      // private chat with the same first turn.
      log.info({ chatId: turn.chatId }, 'user has not started the bot privately; sending a deep link');
      const link = `https://t.me/${me.username}?start=${deepLinkPayload(reply.privateStart)}`;
      await sendReply(target, { kind: 'text', text: fill(messages.openPrivateChatTelegram, { link }) });
    }
  }

  async function sendReply(
    target: Target,
    reply: Exclude<Reply, { kind: 'move-to-private' }>,
  ): Promise<void> {
    const replyParameters = () => {
      const id = target.replyTo;
      target.replyTo = undefined;
      return {
        ...(target.threadId !== undefined && { message_thread_id: target.threadId }),
        ...(id !== undefined && { reply_parameters: { message_id: id, allow_sending_without_reply: true } }),
      };
    };
    if (reply.kind === 'text') {
      const parts = splitText(reply.text, TELEGRAM_TEXT_MAX);
      const keyboard = reply.choices?.length ? inlineKeyboard(target.userId, reply.choices) : undefined;
      for (const [i, part] of parts.entries()) {
        const extra = {
          ...replyParameters(),
          ...(keyboard && i === parts.length - 1 && { reply_markup: { inline_keyboard: keyboard } }),
        };
        await call('sendMessage', () => bot.telegram.sendMessage(target.chatId, part, extra));
      }
      return;
    }
    const caption = reply.caption ?? '';
    const longCaption = caption.length > CAPTION_MAX;
    const source = Buffer.from(reply.data);
    await call('sendDocument', () =>
      bot.telegram.sendDocument(
        target.chatId,
        { source, filename: reply.fileName },
        { ...replyParameters(), ...(caption && !longCaption && { caption }) },
      ),
    );
    if (longCaption) await sendReply(target, { kind: 'text', text: caption });
  }

  await bot.telegram
    .setMyCommands(COMMANDS.map((command) => ({ command, description: messages.commands[command] })))
    .catch((err) => log.warn({ err }, 'could not register the command menu (setMyCommands); continuing'));

  let running: Promise<void>;
  let mode: TelegramHandle['mode'];
  if (opts.webhook) {
    mode = 'webhook';
    const url = new URL(opts.webhook.url);
    // Without a secret anyone who finds the URL could post forged updates (any user, any text); a
    // random one, known only to this process and Telegram, makes the server refuse them.
    const secretToken = opts.webhook.secret ?? randomBytes(32).toString('hex');
    await bot.launch({
      webhook: {
        domain: url.host,
        path: url.pathname + url.search,
        port: opts.webhook.port,
        ...(opts.webhook.host && { host: opts.webhook.host }),
        secretToken,
      },
    });
    running = Promise.resolve();
  } else {
    mode = 'polling';
    running = bot.launch().catch((err) => {
      log.error({ err }, `Telegram polling stopped: ${describe(err)}`);
    });
  }
  log.info({ username: me.username, mode }, 'Telegram bot started');

  let settled = false;
  void running.finally(() => {
    settled = true;
  });
  let stopped = false;
  return {
    username: me.username,
    mode,
    async stop() {
      if (stopped) return;
      stopped = true;
      if (mode === 'webhook') {
        bot.stop('shutdown');
      } else {
        // Polling starts only after launch() has deleted any webhook; a stop that comes earlier must wait
        // for it, or the poll loop would start afterwards and never end.
        while (!settled) {
          try {
            bot.stop('shutdown');
            break;
          } catch {
            await new Promise((resolve) => setTimeout(resolve, 10));
          }
        }
      }
      await running;
      await runner.idle();
    },
  };
}

/** The Turn for a message, or null when the bot is not addressed (or there is no text). */
export function messageTurn(message: Message, me: Pick<UserFromGetMe, 'id' | 'username'>): Turn | null {
  const text = 'text' in message ? message.text : 'caption' in message ? message.caption : undefined;
  const entities =
    ('entities' in message
      ? message.entities
      : 'caption_entities' in message
        ? message.caption_entities
        : []) ?? [];
  if (!text || !message.from || message.from.is_bot) return null;
  const isGroup = message.chat.type !== 'private';
  const username = me.username.toLowerCase();
  let addressed = !isGroup;
  let out = text;

  const command = entities.find((e) => e.type === 'bot_command' && e.offset === 0);
  if (command) {
    const [name, at] = text.slice(1, command.length).split('@');
    if (at !== undefined && at.toLowerCase() !== username) return null; // a command for another bot
    addressed = true;
    out = `/${name}${text.slice(command.length)}`;
  }
  // Cut mentions of the bot out, from the end so earlier offsets stay valid.
  for (const e of [...entities].reverse()) {
    const mentioned =
      (e.type === 'mention' && text.slice(e.offset + 1, e.offset + e.length).toLowerCase() === username) ||
      (e.type === 'text_mention' && e.user.id === me.id);
    if (mentioned && !command) {
      addressed = true;
      out = out.slice(0, e.offset) + out.slice(e.offset + e.length);
    }
  }
  if ('reply_to_message' in message && message.reply_to_message?.from?.id === me.id) addressed = true;
  if (!addressed) return null;

  out = out.replace(/\s+/g, ' ').trim();
  // A deep link t.me/bot?start=draft arrives as "/start draft": continue with what the link stood for.
  const deep = /^\/start ([A-Za-z0-9_-]+)$/.exec(out);
  if (!isGroup && deep) out = fromDeepLink(deep[1] as string) ?? out;
  return {
    channel: 'telegram',
    chatId: String(message.chat.id),
    userId: String(message.from.id),
    isGroup,
    addressed: true,
    text: out || '/start',
  };
}

function inlineKeyboard(userId: string, choices: { id: string; label: string }[]): InlineKeyboardButton[][] {
  const buttons = choices.map((c) => ({
    text: fitLabel(c.label, BUTTON_TEXT_MAX),
    callback_data: encodeChoice(userId, c.id, TELEGRAM_CALLBACK_MAX_BYTES),
  }));
  // Short labels pair up; long Chinese labels get a row each so they are not cut on phones.
  const perRow = choices.every((c) => [...c.label].length <= 8) ? 2 : 1;
  return rows(buttons, perRow);
}

// Deep-link payloads allow only [A-Za-z0-9_-] (64 characters), so "/draft <doc> from:<group>" travels as
// "draft_<doc>_<group>" and the group's facts still reach the private chat.
export function deepLinkPayload(privateStart: string): string {
  const text = privateStart.trim();
  const draft = /^\/draft ([A-Za-z-]+) from:(-?\d+)$/.exec(text);
  if (draft) return `draft_${draft[1]}_${draft[2]}`.slice(0, 64);
  const m = /^\/([A-Za-z0-9_]+)$/.exec(text);
  return m && (COMMANDS as readonly string[]).includes(m[1] as string) ? (m[1] as string) : 'start';
}

export function fromDeepLink(payload: string): string | undefined {
  const draft = /^draft_([A-Za-z-]+)_(-?\d+)$/.exec(payload);
  if (draft) return `/draft ${draft[1]} from:${draft[2]}`;
  return (COMMANDS as readonly string[]).includes(payload) ? `/${payload}` : undefined;
}

/**
 * 403 "bot can't initiate conversation" / "bot was blocked", or 400 "chat not found": the user has not
 * started the bot. Any other 400 (a malformed request, a bad file) is a real failure and is not hidden
 * behind a deep link.
 */
export function cannotInitiate(err: unknown): boolean {
  const r = (err as { response?: { error_code?: number; description?: string } })?.response;
  if (r?.error_code === 403) return true;
  return r?.error_code === 400 && /chat not found/i.test(r.description ?? '');
}

function describe(err: unknown): string {
  const e = err as { response?: { error_code?: number; description?: string }; message?: string };
  if (e?.response?.error_code) return `${e.response.error_code} ${e.response.description ?? ''}`.trim();
  return e?.message ?? String(err);
}
