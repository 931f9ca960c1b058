// WeCom (企业微信) self-built application callback, a fastify plugin mounted at /wecom: every request is
// verified (msg_signature, freshness) and decrypted (the same WXBizMsgCrypt scheme as the Official
// Account's safe mode) before it is read; the callback is acknowledged at once and the answer goes out
// through the application message API — text with numbered choices, drafts as files (media upload).
// In a group chat the bot answers only when addressed and takes drafting to a one-to-one message, as on
// Telegram.
import type { FastifyPluginAsync } from 'fastify';
import type { Engine, Reply, Turn } from '../../dialogs/types.ts';
import type { WecomConfig } from '../config.ts';
import { fill } from '../render/messages.ts';
import { createTurnRunner } from '../render/turn-runner.ts';
import { type ApiClient, createApiClient } from '../wechat/api.ts';
import { acceptXmlCallbacks, type CallbackRuntime, callbackRefusal } from '../wechat/callback-http.ts';
import { isFresh, open, sign, signatureMatches } from '../wechat/msg-crypt.ts';
import { MAX_TEXT, packForPlatform, splitForPlatform, withNumberedChoices } from '../wechat/render.ts';
import { createSeenSet } from '../wechat/seen-set.ts';
import { channelTexts, commandForMenuKey } from '../wechat/texts.ts';
import { parseXmlFields, type XmlFields } from '../wechat/xml.ts';

export const WECOM_API_ROOT = 'https://qyapi.weixin.qq.com';

/** The settings of `WecomConfig` (from the environment) plus the runtime every callback app takes. */
export interface WecomOptions extends WecomConfig, CallbackRuntime {}

export interface WecomApp {
  plugin: FastifyPluginAsync;
  api: ApiClient;
  idle(): Promise<void>;
}

type Query = Record<string, string | undefined>;

interface Target {
  /** group chat id (appchat) or undefined for a one-to-one message */
  chatId?: string;
  userId: string;
}

export function createWecomApp(engine: Engine, opts: WecomOptions): WecomApp {
  const log = opts.log.child({ channel: 'wecom' });
  const now = opts.now ?? Date.now;
  const runner = createTurnRunner(engine, { log, ...(opts.limiter && { limiter: opts.limiter }) });
  const api = createApiClient({
    apiRoot: opts.apiRoot ?? WECOM_API_ROOT,
    tokenPath: `/cgi-bin/gettoken?corpid=${encodeURIComponent(opts.corpId)}&corpsecret=${encodeURIComponent(opts.secret)}`,
    log,
    secrets: [opts.secret],
    ...(opts.retry && { retry: opts.retry }),
    now,
  });
  const seen = createSeenSet({ now });
  const agentid = Number(opts.agentId);

  const refuse = callbackRefusal(log, 'WeCom');

  /** Verifies and opens `ciphertext` for this corp; a status and reason when it cannot. */
  function unseal(
    q: Query,
    ciphertext: string | undefined,
  ): { plain: string } | { status: number; why: string } {
    if (!isFresh(q.timestamp, now()))
      return { status: 401, why: 'timestamp missing or more than 5 minutes off' };
    if (!ciphertext) return { status: 400, why: 'no encrypted content' };
    const expected = sign(opts.token, q.timestamp ?? '', q.nonce ?? '', ciphertext);
    if (!signatureMatches(expected, q.msg_signature)) return { status: 401, why: 'bad msg_signature' };
    const plain = open(opts.encodingAesKey, ciphertext, opts.corpId);
    if (plain === null) return { status: 401, why: 'message is not sealed for this CorpID' };
    return { plain };
  }

  /** The Turn for a message, or null when it is not for the bot. */
  function turnFor(m: XmlFields): Turn | null {
    const userId = m.FromUserName ?? '';
    const groupId = m.ChatId;
    const isGroup = Boolean(groupId);
    let text: string | undefined;
    if (m.MsgType === 'text') text = (m.Content ?? '').replace(/\s+/g, ' ').trim();
    else if (m.MsgType === 'event') {
      const event = (m.Event ?? '').toLowerCase();
      if (event === 'enter_agent' || event === 'subscribe') text = '/start';
      else if (event === 'click') text = commandForMenuKey(m.EventKey);
    }
    if (!text || !userId) return null;
    if (isGroup) {
      // In a group only a command or a mention at the start is for the bot; the mention is cut out.
      const mention = opts.mentionName ? new RegExp(`^@${escapeRegExp(opts.mentionName)}\\s*`) : /^@\S+\s*/;
      if (mention.test(text)) text = text.replace(mention, '').trim() || '/start';
      else if (!text.startsWith('/')) return null;
    }
    return {
      channel: 'wecom',
      chatId: groupId ?? userId,
      userId,
      isGroup,
      addressed: true,
      text,
    };
  }

  async function sendText(target: Target, content: string): Promise<void> {
    if (target.chatId) {
      await api.call('appchat message', '/cgi-bin/appchat/send', {
        chatid: target.chatId,
        msgtype: 'text',
        text: { content },
      });
    } else {
      await api.call('application message', '/cgi-bin/message/send', {
        touser: target.userId,
        msgtype: 'text',
        agentid,
        text: { content },
      });
    }
  }

  async function sendFile(target: Target, r: Extract<Reply, { kind: 'file' }>): Promise<void> {
    const form = new FormData();
    form.append('media', new Blob([Buffer.from(r.data)], { type: r.mimeType }), r.fileName);
    const uploaded = await api.call<{ media_id?: string }>(
      'media upload',
      '/cgi-bin/media/upload?type=file',
      form,
    );
    if (!uploaded.media_id) throw new Error('media upload answered without media_id');
    await api.call('application message', '/cgi-bin/message/send', {
      touser: target.userId,
      msgtype: 'file',
      agentid,
      file: { media_id: uploaded.media_id },
    });
    if (r.caption) for (const part of splitForPlatform(r.caption)) await sendText(target, part);
  }

  async function deliver(target: Target, turn: Turn, replies: Reply[]): Promise<void> {
    // Consecutive texts travel together (fewer messages); files and moves keep their place.
    let pending: string[] = [];
    const flush = async () => {
      for (const part of packForPlatform(pending)) await sendText(target, part);
      pending = [];
    };
    for (const r of replies) {
      if (r.kind === 'text') {
        pending.push(withNumberedChoices(r));
      } else if (r.kind === 'file') {
        await flush();
        // Files carry personal data: they only ever go to the member, never to a group.
        await sendFile({ userId: target.userId }, r);
      } else {
        if (turn.isGroup) pending.push(r.text);
        await flush();
        // An application may always write to a member in its visible range: no deep link needed.
        const privateTurn: Turn = {
          channel: 'wecom',
          chatId: turn.userId,
          userId: turn.userId,
          isGroup: false,
          addressed: true,
          text: r.privateStart,
        };
        const more = await runner.handle(privateTurn);
        await deliver(
          { userId: turn.userId },
          privateTurn,
          more.filter((x) => x.kind !== 'move-to-private'),
        );
      }
    }
    await flush();
  }

  const plugin: FastifyPluginAsync = async (app) => {
    acceptXmlCallbacks(app, log, 'WeCom', refuse);

    // URL verification: echostr is itself encrypted; the answer is its plaintext.
    app.get<{ Querystring: Query }>('/', async (req, reply) => {
      const r = unseal(req.query, req.query.echostr);
      if ('status' in r) return refuse(reply, r.status, r.why, req);
      return reply.type('text/plain; charset=utf-8').send(r.plain);
    });

    app.post<{ Querystring: Query; Body: unknown }>('/', async (req, reply) => {
      if (!isFresh(req.query.timestamp, now())) {
        return refuse(reply, 401, 'timestamp missing or more than 5 minutes off', req);
      }
      const outer = parseXmlFields(typeof req.body === 'string' ? req.body : '');
      if (!outer) return refuse(reply, 400, 'body is not well-formed WeCom XML', req);
      const r = unseal(req.query, outer.Encrypt);
      if ('status' in r) return refuse(reply, r.status, r.why, req);
      const m = parseXmlFields(r.plain);
      if (!m) return refuse(reply, 400, 'decrypted body is not well-formed WeCom XML', req);

      const id = m.MsgId ? `msg:${m.MsgId}` : `event:${m.FromUserName}:${m.CreateTime}:${m.Event}`;
      // Acknowledge at once (an empty answer); the reply goes through the message API.
      void reply.type('text/plain').send('');
      if (!seen.add(id)) return reply;
      if (m.MsgType !== 'text' && m.MsgType !== 'event') {
        const target = { userId: m.FromUserName ?? '', ...(m.ChatId && { chatId: m.ChatId }) };
        if (target.userId && !m.ChatId) {
          void sendText(target, channelTexts.textOnly).catch((err: unknown) =>
            log.error({ err }, 'could not send a WeCom message'),
          );
        }
        return reply;
      }
      const turn = turnFor(m);
      if (turn?.text && [...turn.text].length > MAX_TEXT) {
        const target: Target = { userId: turn.userId, ...(m.ChatId && { chatId: m.ChatId }) };
        void sendText(target, fill(channelTexts.tooLong, { max: MAX_TEXT })).catch((err: unknown) =>
          log.error({ err }, 'could not send a WeCom message'),
        );
        return reply;
      }
      if (turn) {
        const target: Target = { userId: turn.userId, ...(m.ChatId && { chatId: m.ChatId }) };
        void runner.run(turn, (replies) => deliver(target, turn, replies));
      }
      return reply;
    });
  };

  return { plugin, api, idle: () => runner.idle() };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
