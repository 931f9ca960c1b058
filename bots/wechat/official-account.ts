// WeChat Official Account (微信公众号) server callback, a fastify plugin mounted at /wechat: verifies
// every request (signature, freshness, and in safe mode msg_signature + AES envelope) before reading
// it, turns text messages, menu clicks and subscriptions into Turns, and answers within the platform's
// 5-second window — passively when the engine is that quick, otherwise through the customer-service
// message API. Drafts, which an Official Account cannot send as files, become one-time download links.
import { randomBytes } from 'node:crypto';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { Engine, Reply, Turn } from '../../dialogs/types.ts';
import type { WechatConfig } from '../config.ts';
import { attachmentHeader, type OneTimeDownloads } from '../http/one-time-downloads.ts';
import { fill } from '../render/messages.ts';
import { createTurnRunner } from '../render/turn-runner.ts';
import { type ApiClient, createApiClient, PlatformError } from './api.ts';
import { acceptXmlCallbacks, type CallbackRuntime, callbackRefusal } from './callback-http.ts';
import { isFresh, open, seal, sign, signatureMatches } from './msg-crypt.ts';
import { draftLinkText, MAX_TEXT, packForPlatform, splitForPlatform, withNumberedChoices } from './render.ts';
import { createSeenSet } from './seen-set.ts';
import { channelTexts, commandForMenuKey } from './texts.ts';
import { buildXml, parseXmlFields, type XmlFields } from './xml.ts';

export const WECHAT_API_ROOT = 'https://api.weixin.qq.com';
/** WeChat waits 5 s for an answer; leave room for the network. */
const PASSIVE_DEADLINE_MS = 4500;
/** What the platform accepts as "received, nothing to say (now)". */
const SUCCESS = 'success';

/** The settings of `WechatConfig` (from the environment) plus the runtime every callback app takes. */
export interface OfficialAccountOptions extends WechatConfig, CallbackRuntime {
  /** public base URL of this server for draft links; the request's own host when absent */
  publicUrl?: string;
  downloads: OneTimeDownloads;
  passiveDeadlineMs?: number;
}

export interface OfficialAccount {
  plugin: FastifyPluginAsync;
  api: ApiClient;
  /** waits for turns and customer-service sends in flight */
  idle(): Promise<void>;
}

type Query = Record<string, string | undefined>;

export function createOfficialAccount(engine: Engine, opts: OfficialAccountOptions): OfficialAccount {
  const log = opts.log.child({ channel: 'wechat' });
  const now = opts.now ?? Date.now;
  const deadline = opts.passiveDeadlineMs ?? PASSIVE_DEADLINE_MS;
  const runner = createTurnRunner(engine, { log, ...(opts.limiter && { limiter: opts.limiter }) });
  const api = createApiClient({
    apiRoot: opts.apiRoot ?? WECHAT_API_ROOT,
    tokenPath: `/cgi-bin/token?grant_type=client_credential&appid=${encodeURIComponent(opts.appId)}&secret=${encodeURIComponent(opts.appSecret)}`,
    log,
    secrets: [opts.appSecret],
    ...(opts.retry && { retry: opts.retry }),
    now,
  });
  const seen = createSeenSet({ now });
  const sending = new Set<Promise<void>>();
  const safe = Boolean(opts.encodingAesKey);

  const refuse = callbackRefusal(log, 'WeChat');

  /** signature + timestamp check shared by GET and POST; an error text when it fails */
  function checkSignature(q: Query): string | null {
    if (!isFresh(q.timestamp, now())) return 'timestamp missing or more than 5 minutes off';
    const expected = sign(opts.token, q.timestamp ?? '', q.nonce ?? '');
    return signatureMatches(expected, q.signature) ? null : 'bad signature';
  }

  /** Turns the verified body into the message fields; a status and reason when it cannot. */
  function readMessage(q: Query, body: string): { fields: XmlFields } | { status: number; why: string } {
    const outer = parseXmlFields(body);
    if (!outer) return { status: 400, why: 'body is not well-formed WeChat XML' };
    if (!safe) return { fields: outer };
    if (q.encrypt_type !== 'aes' || !outer.Encrypt) {
      return {
        status: 400,
        why: 'safe mode is configured (WECHAT_ENCODING_AES_KEY) but the message is not encrypted',
      };
    }
    const expected = sign(opts.token, q.timestamp ?? '', q.nonce ?? '', outer.Encrypt);
    if (!signatureMatches(expected, q.msg_signature)) return { status: 401, why: 'bad msg_signature' };
    const plain = open(opts.encodingAesKey as string, outer.Encrypt, opts.appId);
    if (plain === null) return { status: 401, why: 'message is not sealed for this AppID' };
    const inner = parseXmlFields(plain);
    if (!inner) return { status: 400, why: 'decrypted body is not well-formed WeChat XML' };
    return { fields: inner };
  }

  function turnFor(m: XmlFields): Turn | 'ignore' | 'text-only' | 'too-long' {
    const base = { channel: 'wechat' as const, chatId: m.FromUserName ?? '', userId: m.FromUserName ?? '' };
    const turn = (text: string): Turn => ({ ...base, isGroup: false, addressed: true, text });
    switch (m.MsgType) {
      case 'text': {
        const text = (m.Content ?? '').replace(/\s+/g, ' ').trim();
        if ([...text].length > MAX_TEXT) return 'too-long';
        return text ? turn(text) : 'ignore';
      }
      case 'event': {
        const event = (m.Event ?? '').toLowerCase();
        if (event === 'subscribe') return turn('/start');
        if (event === 'click') {
          const command = commandForMenuKey(m.EventKey);
          return command ? turn(command) : 'ignore';
        }
        return 'ignore';
      }
      default:
        return 'text-only';
    }
  }

  function baseUrl(req: FastifyRequest): string {
    return (opts.publicUrl ?? `${req.protocol}://${req.host}`).replace(/\/+$/, '');
  }

  /** The replies as the text messages WeChat will show, drafts replaced by their download links. */
  function toTexts(replies: Reply[], base: string): string[] {
    const out: string[] = [];
    for (const r of replies) {
      if (r.kind === 'file') {
        const token = opts.downloads.put({ fileName: r.fileName, mimeType: r.mimeType, data: r.data });
        const url = `${base}/wechat/drafts/${token}`;
        if (r.caption) out.push(...splitForPlatform(r.caption));
        out.push(draftLinkText(r.fileName, url, opts.downloads.ttlMs));
      } else if (r.kind === 'text') {
        out.push(...splitForPlatform(withNumberedChoices(r)));
      } else {
        // An Official Account conversation is always one-to-one: nothing to move.
        out.push(...splitForPlatform(r.text));
      }
    }
    return packForPlatform(out);
  }

  async function sendCustom(openId: string, texts: string[]): Promise<void> {
    for (const content of texts) {
      try {
        await api.call('customer-service message', '/cgi-bin/message/custom/send', {
          touser: openId,
          msgtype: 'text',
          text: { content },
        });
      } catch (err) {
        const code = err instanceof PlatformError ? err.errcode : undefined;
        const hint =
          code === 48001
            ? 'the account may not call the customer-service API: it needs a verified 服务号 (service account)'
            : code === 45015
              ? 'the user has not written in the last 48 hours'
              : 'check WECHAT_APP_ID/WECHAT_APP_SECRET and the IP allow-list';
        log.error({ err, errcode: code }, `could not send a customer-service message: ${hint}`);
        return;
      }
    }
  }

  function track(p: Promise<void>) {
    sending.add(p);
    void p.finally(() => sending.delete(p));
  }

  function passiveBody(m: XmlFields, content: string, q: Query): string {
    const plain = buildXml({
      ToUserName: m.FromUserName ?? '',
      FromUserName: m.ToUserName ?? '',
      CreateTime: Math.floor(now() / 1000),
      MsgType: 'text',
      Content: content,
    });
    if (!safe) return plain;
    const key = opts.encodingAesKey as string;
    const encrypted = seal(key, plain, opts.appId);
    const timestamp = String(Math.floor(now() / 1000));
    const nonce = q.nonce && /^\w{1,32}$/.test(q.nonce) ? q.nonce : randomBytes(8).toString('hex');
    return buildXml({
      Encrypt: encrypted,
      MsgSignature: sign(opts.token, timestamp, nonce, encrypted),
      TimeStamp: timestamp,
      Nonce: nonce,
    });
  }

  /** Runs the turn; resolves with the texts when ready within the deadline, else null (sent later). */
  function answer(turn: Turn, base: string): Promise<string[] | null> {
    return new Promise((resolve) => {
      let waiting = true;
      const timer = setTimeout(() => {
        if (!waiting) return;
        waiting = false;
        log.info(
          { chatId: turn.chatId },
          'reply not ready within the 5-second window; sending it as a customer-service message',
        );
        resolve(null);
      }, deadline);
      void runner.run(
        turn,
        async (replies) => {
          const texts = toTexts(replies, base);
          if (waiting) {
            waiting = false;
            clearTimeout(timer);
            resolve(texts);
            return;
          }
          const late = sendCustom(turn.userId, texts);
          track(late);
          await late;
        },
        async () => {
          if (waiting) {
            waiting = false;
            clearTimeout(timer);
            resolve([]);
          }
        },
      );
    });
  }

  const plugin: FastifyPluginAsync = async (app) => {
    acceptXmlCallbacks(app, log, 'WeChat', refuse);

    // URL verification when the server address is saved in the admin page: echo echostr if signed.
    app.get<{ Querystring: Query }>('/', async (req, reply) => {
      const bad = checkSignature(req.query);
      if (bad) return refuse(reply, 401, bad, req);
      return reply.type('text/plain; charset=utf-8').send(req.query.echostr ?? '');
    });

    app.post<{ Querystring: Query; Body: unknown }>('/', async (req, reply) => {
      const bad = checkSignature(req.query);
      if (bad) return refuse(reply, 401, bad, req);
      const read = readMessage(req.query, typeof req.body === 'string' ? req.body : '');
      if ('status' in read) return refuse(reply, read.status, read.why, req);
      const m = read.fields;
      if (!m.FromUserName || !m.MsgType)
        return refuse(reply, 400, 'message without FromUserName/MsgType', req);

      // The platform retries a message three times when it hears nothing in 5 s: answer each once.
      const id = m.MsgId ? `msg:${m.MsgId}` : `event:${m.FromUserName}:${m.CreateTime}:${m.Event}`;
      if (!seen.add(id)) return reply.type('text/plain').send(SUCCESS);

      const turn = turnFor(m);
      const send = (content: string) =>
        reply.type('application/xml; charset=utf-8').send(passiveBody(m, content, req.query));
      if (turn === 'ignore') return reply.type('text/plain').send(SUCCESS);
      if (turn === 'text-only') return send(channelTexts.textOnly);
      if (turn === 'too-long') return send(fill(channelTexts.tooLong, { max: MAX_TEXT }));

      const texts = await answer(turn, baseUrl(req));
      if (!texts || texts.length === 0) return reply.type('text/plain').send(SUCCESS);
      const [first, ...rest] = texts as [string, ...string[]];
      if (rest.length) {
        // A passive reply carries one message; the rest follow once it has gone out.
        reply.raw.once('finish', () => track(sendCustom(turn.userId, rest)));
      }
      return send(first);
    });

    app.get<{ Params: { token: string } }>('/drafts/:token', async (req, reply) => {
      const got = opts.downloads.take(req.params.token);
      if (!got.ok) {
        const text = got.status === 410 ? channelTexts.draftGone : channelTexts.draftNotFound;
        return reply.code(got.status).type('text/plain; charset=utf-8').send(text);
      }
      reply.header('content-disposition', attachmentHeader(got.file.fileName, 'draft.docx'));
      reply.header('cache-control', 'no-store');
      return reply.type(got.file.mimeType).send(Buffer.from(got.file.data));
    });
  };

  return {
    plugin,
    api,
    async idle() {
      await runner.idle();
      while (sending.size) await Promise.all([...sending]);
    },
  };
}
