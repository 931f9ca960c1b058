// The WeChat Official Account callback against a fake platform, with the real conversation engine:
// plaintext and safe mode each reach 容缺修复 from one sentence and collect a draft in the chat; the
// draft link downloads a .docx once, then answers 410. Forged, stale, malformed and retried callbacks.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BotConfig } from '../../bots/config.ts';
import { buildChannelsApp } from '../../bots/http/server.ts';
import { parseXmlFields } from '../../bots/wechat/xml.ts';
import { createEngine } from '../../dialogs/engine.ts';
import { createLogger } from '../../dialogs/log.ts';
import type { Engine, Turn, TurnResult } from '../../dialogs/types.ts';
import { createFakeEngine } from '../fakes/engine.ts';
import {
  type CallbackSender,
  type FakeWechatApi,
  officialAccountSender,
  startFakeWechatApi,
} from '../fakes/wechat-platform.ts';

const SENTENCE = '我是个体户，2021年没报年报被列入经营异常了，上一年度的纸质年报已经补报公示了';
const NAME = '通城县某某副食店';
const TOKEN = 'tongchengToken2026';
const APP_ID = 'wx0123456789abcdef';
const APP_SECRET = '0123456789abcdef0123456789abcdef';
const AES_KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
const OPENID = 'oUser_abcdefghijklmnopqrstu';
const GH = 'gh_0123456789ab';
const PREFERRED = ['生成文书', '信用修复申请书', '确认生成'];

let dataDir: string;
let api: FakeWechatApi;
let app: FastifyInstance;
let idle: () => Promise<void>;
let base: string;
let results: TurnResult[];
let turns: Turn[];
let msgId = 1000;
const cleanups: (() => Promise<unknown>)[] = [];

afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function start(engine: Engine, extra: Partial<BotConfig['wechat']> = {}, passiveDeadlineMs?: number) {
  api = await startFakeWechatApi({
    tokenPath: '/cgi-bin/token',
    credentials: { grant_type: 'client_credential', appid: APP_ID, secret: APP_SECRET },
  });
  cleanups.push(api.close);
  const built = await buildChannelsApp(engine, {
    env: {},
    config: {
      wechat: { token: TOKEN, appId: APP_ID, appSecret: APP_SECRET, apiRoot: api.root, ...extra },
      publicChat: false,
      rateLimitPerMinute: 60,
      logLevel: 'silent',
      secrets: [],
    },
    log: createLogger({ level: 'silent' }),
    retry: { retries: 1, sleep: async () => {} },
    ...(passiveDeadlineMs !== undefined && { passiveDeadlineMs }),
  });
  if (!built) throw new Error('channels app not built');
  app = built.app;
  idle = built.idle;
  cleanups.push(() => app.close());
  await app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
}

function recording(real: Engine): Engine {
  results = [];
  turns = [];
  return {
    async handle(turn) {
      turns.push(turn);
      const r = await real.handle(turn);
      results.push(r);
      return r;
    },
    forget: (k) => real.forget(k),
    close: () => real.close(),
  };
}

async function realEngine(): Promise<Engine> {
  dataDir = await mkdtemp(join(tmpdir(), 'credit-bot-wechat-'));
  const real = await createEngine({ dataDir, now: () => new Date('2026-03-02T09:00:00+08:00') });
  cleanups.push(() => real.close());
  return recording(real);
}

/** Everything the user sees for one message: the passive reply, then any customer-service messages. */
async function say(sender: CallbackSender, fields: Record<string, string | number>): Promise<string[]> {
  const mark = api.calls.length;
  const res = await sender.post({
    ToUserName: GH,
    FromUserName: OPENID,
    CreateTime: Math.floor(Date.now() / 1000),
    ...fields,
  });
  expect(res.status).toBe(200);
  const body = await sender.readReply(res);
  const texts: string[] = [];
  if (body !== 'success') {
    const xml = parseXmlFields(body);
    expect(xml).toMatchObject({ ToUserName: OPENID, FromUserName: GH, MsgType: 'text' });
    texts.push(xml?.Content ?? '');
  }
  await new Promise((r) => setTimeout(r, 20));
  await idle();
  for (const c of api.calls.slice(mark).filter((c) => c.path === '/cgi-bin/message/custom/send')) {
    expect(c.body).toMatchObject({ touser: OPENID, msgtype: 'text' });
    texts.push((c.body.text as { content: string }).content);
  }
  for (const t of texts) expect(Buffer.byteLength(t, 'utf8')).toBeLessThanOrEqual(2048);
  return texts;
}

const text = (sender: CallbackSender, content: string) =>
  say(sender, { MsgType: 'text', Content: content, MsgId: String(++msgId) });

/** The number to type for the first listed choice starting with one of `labels`. */
function numberFor(texts: string[], labels: string[]): string | undefined {
  const lines = texts.join('\n').split('\n');
  for (const label of labels) {
    const hit = lines.map((l) => /^(\d+)\. (.+)$/.exec(l)).find((m) => m?.[2]?.startsWith(label));
    if (hit) return hit[1];
  }
  return undefined;
}

async function conversationReachesDraft(sender: CallbackSender) {
  const greeting = await say(sender, { MsgType: 'event', Event: 'subscribe', EventKey: '' });
  expect(turns.at(-1)).toMatchObject({ channel: 'wechat', chatId: OPENID, userId: OPENID, text: '/start' });
  expect(greeting.join('')).not.toBe('');

  let texts = await text(sender, SENTENCE);
  expect(results.at(-1)?.determination.path).toBe('tolerant-repair-annual-report');
  expect(results.at(-1)?.determination.eligible).toBe(true);
  expect(texts.join('\n')).toContain('容缺');

  let link: string | undefined;
  for (let step = 0; step < 20 && !link; step++) {
    const n = numberFor(texts, PREFERRED);
    const question = texts.join('\n');
    texts = await text(sender, n ?? (/名称/.test(question) ? NAME : '跳过'));
    link = /https?:\/\/\S+\/wechat\/drafts\/[\w-]+/.exec(texts.join('\n'))?.[0];
  }
  expect(link, 'a draft link was sent').toBeDefined();
  return link as string;
}

async function expectDocxOnce(link: string) {
  // The link names the server the callback came to (no CREDIT_BOT_PUBLIC_URL here).
  expect(link.startsWith(base)).toBe(true);
  const first = await fetch(link);
  expect(first.status).toBe(200);
  expect(first.headers.get('content-disposition')).toMatch(/\.docx/);
  const zip = await JSZip.loadAsync(new Uint8Array(await first.arrayBuffer()));
  const doc = (await zip.file('word/document.xml')?.async('string')) ?? '';
  expect(doc).toContain('信用修复申请书');
  expect(doc).toContain(NAME);
  const second = await fetch(link);
  expect(second.status).toBe(410);
  expect(await second.text()).toContain('重新生成');
}

describe('WeChat Official Account with the real engine', () => {
  beforeEach(() => {
    msgId = Math.floor(Math.random() * 1e9);
  });

  it('plaintext mode: reaches 容缺修复, collects the draft fields in the chat, and the link downloads once', async () => {
    await start(await realEngine());
    const sender = officialAccountSender({ url: `${base}/wechat`, token: TOKEN, appId: APP_ID });
    const link = await conversationReachesDraft(sender);
    await expectDocxOnce(link);
  });

  it('safe mode: the same conversation through encrypted callbacks and encrypted passive replies', async () => {
    await start(await realEngine(), { encodingAesKey: AES_KEY });
    const sender = officialAccountSender({
      url: `${base}/wechat`,
      token: TOKEN,
      appId: APP_ID,
      aesKey: AES_KEY,
    });
    const link = await conversationReachesDraft(sender);
    await expectDocxOnce(link);
    // A plaintext message is refused in safe mode rather than read unauthenticated.
    const plain = officialAccountSender({ url: `${base}/wechat`, token: TOKEN, appId: APP_ID });
    const res = await plain.post({
      ToUserName: GH,
      FromUserName: OPENID,
      MsgType: 'text',
      Content: '你好',
      MsgId: '1',
    });
    expect(res.status).toBe(400);
  });
});

describe('WeChat Official Account callback checks', () => {
  let engine: ReturnType<typeof createFakeEngine>;
  beforeEach(async () => {
    engine = createFakeEngine();
    results = [];
  });

  it('answers URL verification only when signed, and refuses forged, stale and malformed posts', async () => {
    await start(engine);
    const sender = officialAccountSender({ url: `${base}/wechat`, token: TOKEN, appId: APP_ID });
    const ok = await sender.verify('echo-123');
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('echo-123');
    expect((await sender.verify('echo-123', { forge: true })).status).toBe(401);

    const msg = { ToUserName: GH, FromUserName: OPENID, MsgType: 'text', Content: '你好', MsgId: '77' };
    expect((await sender.post(msg, { forge: true })).status).toBe(401);
    const stale = Math.floor(Date.now() / 1000) - 6 * 60;
    expect((await sender.post(msg, { timestamp: stale })).status).toBe(401);
    const bad = await sender.postRaw('<xml><Content>unclosed</xml>');
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/not well-formed/);
    expect((await sender.postRaw('<!DOCTYPE x [<!ENTITY a "b">]><xml><a>&a;</a></xml>')).status).toBe(400);
    expect(engine.turns).toHaveLength(0);
  });

  it('a forged safe-mode message (wrong msg_signature or sealed for another AppID) gets 401', async () => {
    await start(engine, { encodingAesKey: AES_KEY });
    const other = officialAccountSender({
      url: `${base}/wechat`,
      token: TOKEN,
      appId: 'wx9999999999999999',
      aesKey: AES_KEY,
    });
    const res = await other.post({
      ToUserName: GH,
      FromUserName: OPENID,
      MsgType: 'text',
      Content: '你好',
      MsgId: '5',
    });
    expect(res.status).toBe(401);
    const wrongKey = officialAccountSender({
      url: `${base}/wechat`,
      token: TOKEN,
      appId: APP_ID,
      aesKey: 'ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zyxwvut',
    });
    expect(
      (
        await wrongKey.post({
          ToUserName: GH,
          FromUserName: OPENID,
          MsgType: 'text',
          Content: 'x',
          MsgId: '6',
        })
      ).status,
    ).toBe(401);
    expect(engine.turns).toHaveLength(0);
  });

  it('a retried MsgId is answered once', async () => {
    await start(engine);
    const sender = officialAccountSender({ url: `${base}/wechat`, token: TOKEN, appId: APP_ID });
    const msg = { ToUserName: GH, FromUserName: OPENID, MsgType: 'text', Content: '你好', MsgId: '424242' };
    const first = await sender.post(msg);
    expect(parseXmlFields(await first.text())?.Content).toBe('收到：你好');
    const again = await sender.post(msg);
    expect(await again.text()).toBe('success');
    await idle();
    expect(engine.turns).toHaveLength(1);
    expect(api.callsTo('/cgi-bin/message/custom/send')).toHaveLength(0);
  });

  it('numbered choices: the menu is a numbered list, and a menu click is a command', async () => {
    await start(engine);
    const sender = officialAccountSender({ url: `${base}/wechat`, token: TOKEN, appId: APP_ID });
    const res = await sender.post({
      ToUserName: GH,
      FromUserName: OPENID,
      MsgType: 'event',
      Event: 'CLICK',
      EventKey: 'repair',
      CreateTime: 1,
    });
    const content = parseXmlFields(await res.text())?.Content ?? '';
    expect(content).toContain('您好！请问您的主体类型是？');
    expect(content).toMatch(/回复数字选择：\n1\. 个体工商户\n2\. 企业/);
    expect(engine.turns[0]).toMatchObject({ channel: 'wechat', text: '/repair', isGroup: false });
    const image = await sender.post({
      ToUserName: GH,
      FromUserName: OPENID,
      MsgType: 'image',
      PicUrl: 'http://x/y.jpg',
      MsgId: '9',
    });
    expect(parseXmlFields(await image.text())?.Content).toMatch(/只能看懂文字/);
    const long = await sender.post({
      ToUserName: GH,
      FromUserName: OPENID,
      MsgType: 'text',
      Content: '年报'.repeat(5000),
      MsgId: '10',
    });
    expect(parseXmlFields(await long.text())?.Content).toMatch(/太长了（上限 2000 个字）/);
    expect(engine.turns).toHaveLength(1);
  });

  it('a slow answer goes out through the customer-service API with a cached, refreshed access token', async () => {
    const slow: Engine = {
      ...engine,
      async handle(turn) {
        await new Promise((r) => setTimeout(r, 150));
        return engine.handle(turn);
      },
    };
    await start(slow, {}, 50);
    const sender = officialAccountSender({ url: `${base}/wechat`, token: TOKEN, appId: APP_ID });
    const msg = (id: string, content: string) => ({
      ToUserName: GH,
      FromUserName: OPENID,
      MsgType: 'text',
      Content: content,
      MsgId: id,
    });
    expect(await (await sender.post(msg('1', '一'))).text()).toBe('success');
    await expect.poll(() => api.callsTo('/cgi-bin/message/custom/send').length).toBe(1);
    expect(api.callsTo('/cgi-bin/message/custom/send')[0]?.body).toEqual({
      touser: OPENID,
      msgtype: 'text',
      text: { content: '收到：一' },
    });
    await sender.post(msg('2', '二'));
    await expect.poll(() => api.callsTo('/cgi-bin/message/custom/send').length).toBe(2);
    expect(api.tokenFetches).toBe(1);
    api.expireToken();
    await sender.post(msg('3', '三'));
    await expect.poll(() => api.callsTo('/cgi-bin/message/custom/send').length).toBe(3);
    expect(api.tokenFetches).toBe(2);
  });

  it('long answers are split under 2048 bytes: the first passively, the rest as customer-service messages', async () => {
    await start(engine);
    const sender = officialAccountSender({ url: `${base}/wechat`, token: TOKEN, appId: APP_ID });
    const texts = await say(sender, { MsgType: 'text', Content: '/long', MsgId: '31337' });
    expect(texts.length).toBeGreaterThan(3);
    expect(texts.join('').replace(/\s/g, '')).toBe('信用修复说明。'.repeat(900));
  });
});
