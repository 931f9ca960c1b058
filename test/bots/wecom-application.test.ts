// The WeCom self-built application callback against a fake WeCom, with the real engine: a member's
// conversation reaches 容缺修复 from one sentence and the draft arrives as a file (media upload, then
// a file message). Group etiquette, retries, forged and malformed callbacks with the scripted engine.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import { buildChannelsApp } from '../../bots/http/server.ts';
import { createEngine } from '../../dialogs/engine.ts';
import { createLogger } from '../../dialogs/log.ts';
import type { Engine, TurnResult } from '../../dialogs/types.ts';
import { createFakeEngine, DOCX_BYTES } from '../fakes/engine.ts';
import {
  type CallbackSender,
  type FakeWechatApi,
  startFakeWechatApi,
  wecomSender,
} from '../fakes/wechat-platform.ts';

const SENTENCE = '我是个体户，2021年没报年报被列入经营异常了，上一年度的纸质年报已经补报公示了';
const NAME = '通城县某某副食店';
const CORP_ID = 'ww0123456789abcdef';
const AGENT_ID = '1000002';
const SECRET = 'wecomAppSecret_0123456789abcdefghijklmn';
const TOKEN = 'wecomToken2026';
const AES_KEY = 'ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zyxwvut';
const USER = 'ZhangSan';

let api: FakeWechatApi;
let app: FastifyInstance;
let idle: () => Promise<void>;
let sender: CallbackSender;
let msgId = 5000;
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function start(engine: Engine) {
  api = await startFakeWechatApi({
    tokenPath: '/cgi-bin/gettoken',
    credentials: { corpid: CORP_ID, corpsecret: SECRET },
  });
  cleanups.push(api.close);
  const built = await buildChannelsApp(engine, {
    env: {},
    config: {
      wecom: {
        corpId: CORP_ID,
        agentId: AGENT_ID,
        secret: SECRET,
        token: TOKEN,
        encodingAesKey: AES_KEY,
        apiRoot: api.root,
        mentionName: '信用修复助手',
      },
      publicChat: false,
      rateLimitPerMinute: 60,
      logLevel: 'silent',
      secrets: [],
    },
    log: createLogger({ level: 'silent' }),
    retry: { retries: 1, sleep: async () => {} },
  });
  if (!built) throw new Error('not built');
  ({ app, idle } = built);
  cleanups.push(() => app.close());
  await app.listen({ host: '127.0.0.1', port: 0 });
  const port = (app.server.address() as { port: number }).port;
  sender = wecomSender({
    url: `http://127.0.0.1:${port}/wecom`,
    token: TOKEN,
    corpId: CORP_ID,
    aesKey: AES_KEY,
    agentId: AGENT_ID,
  });
}

const base = (extra: Record<string, string | number>) => ({
  ToUserName: CORP_ID,
  FromUserName: USER,
  CreateTime: Math.floor(Date.now() / 1000),
  AgentID: AGENT_ID,
  ...extra,
});

/** Posts a message and returns the API calls it caused once everything was delivered. */
async function say(fields: Record<string, string | number>) {
  const mark = api.calls.length;
  const res = await sender.post(base(fields));
  expect(res.status).toBe(200);
  await idle();
  return api.calls.slice(mark);
}
const textOf = (calls: FakeWechatApi['calls']) =>
  calls
    .filter((c) => c.body.msgtype === 'text')
    .map((c) => (c.body.text as { content: string }).content)
    .join('\n');

describe('WeCom application with the real engine', () => {
  let dataDir: string;
  afterEach(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('reaches 容缺修复 and the draft arrives as a .docx file message', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'credit-bot-wecom-'));
    const real = await createEngine({ dataDir, now: () => new Date('2026-03-02T09:00:00+08:00') });
    cleanups.push(() => real.close());
    const results: TurnResult[] = [];
    await start({
      ...real,
      handle: async (t) => {
        const r = await real.handle(t);
        results.push(r);
        return r;
      },
    });

    let calls = await say({ MsgType: 'text', Content: SENTENCE, MsgId: String(++msgId) });
    expect(results.at(-1)?.determination.path).toBe('tolerant-repair-annual-report');
    expect(textOf(calls)).toContain('容缺');
    for (const c of calls)
      expect(c).toMatchObject({ path: '/cgi-bin/message/send', body: { touser: USER, agentid: 1000002 } });

    let file: FakeWechatApi['calls'][number] | undefined;
    for (let step = 0; step < 20 && !file; step++) {
      const said = textOf(calls);
      const lines = said.split('\n');
      const pick = ['生成文书', '信用修复申请书', '确认生成']
        .map(
          (label) => lines.map((l) => /^(\d+)\. (.+)$/.exec(l)).find((m) => m?.[2]?.startsWith(label))?.[1],
        )
        .find(Boolean);
      calls = await say({
        MsgType: 'text',
        Content: pick ?? (/名称/.test(said) ? NAME : '跳过'),
        MsgId: String(++msgId),
      });
      file = calls.find((c) => c.body.msgtype === 'file');
    }
    expect(file, 'a file message was sent').toBeDefined();
    const upload = calls.find((c) => c.path === '/cgi-bin/media/upload');
    expect(upload?.query.type).toBe('file');
    expect(upload?.files.media?.name).toMatch(/\.docx$/);
    expect(file?.body).toMatchObject({ touser: USER, agentid: 1000002, file: { media_id: 'MEDIA_1' } });
    const zip = await JSZip.loadAsync(api.uploads.get('MEDIA_1')?.bytes as Uint8Array);
    const doc = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(doc).toContain('信用修复申请书');
    expect(doc).toContain(NAME);
  });
});

describe('WeCom callback checks', () => {
  it('refuses forged, stale and malformed callbacks; answers a retried MsgId once', async () => {
    const engine = createFakeEngine();
    await start(engine);
    const ok = await sender.verify('echo-wecom-1');
    expect(await ok.text()).toBe('echo-wecom-1');
    expect((await sender.verify('x', { forge: true })).status).toBe(401);
    expect(
      (await sender.post(base({ MsgType: 'text', Content: '你好', MsgId: '1' }), { forge: true })).status,
    ).toBe(401);
    const stale = Math.floor(Date.now() / 1000) - 600;
    expect(
      (await sender.post(base({ MsgType: 'text', Content: '你好', MsgId: '2' }), { timestamp: stale }))
        .status,
    ).toBe(401);
    const bad = await sender.postRaw('<xml><Encrypt>nope');
    expect(bad.status).toBe(400);
    expect(engine.turns).toHaveLength(0);

    const msg = { MsgType: 'text', Content: '你好', MsgId: '777' };
    await say(msg);
    const again = await say(msg);
    expect(engine.turns).toHaveLength(1);
    expect(again).toHaveLength(0);
    expect(textOf(api.calls)).toBe('收到：你好');
  });

  it('numbered choices and files: the menu is a numbered list, a draft is uploaded and sent as a file', async () => {
    const engine = createFakeEngine();
    await start(engine);
    const menu = await say({ MsgType: 'text', Content: '/repair', MsgId: '11' });
    expect(textOf(menu)).toMatch(/回复数字选择：\n1\. 个体工商户\n2\. 企业/);
    const draft = await say({ MsgType: 'text', Content: '/draft', MsgId: '12' });
    expect(draft.map((c) => c.path)).toEqual([
      '/cgi-bin/media/upload',
      '/cgi-bin/message/send',
      '/cgi-bin/message/send',
    ]);
    expect(api.uploads.get('MEDIA_1')?.bytes).toEqual(DOCX_BYTES);
    expect(draft[2]?.body).toMatchObject({
      msgtype: 'text',
      text: { content: '信用修复申请书（草稿），请核对后打印签字。' },
    });
  });

  it('in a group chat: answers only when addressed, and takes drafting to a one-to-one message', async () => {
    const engine = createFakeEngine();
    await start(engine);
    const group = { ChatId: 'wrkSFfCgAAxxxx' };
    expect(
      await say({ ...group, MsgType: 'text', Content: '大家好，年报截止了吗', MsgId: '21' }),
    ).toHaveLength(0);
    expect(engine.turns).toHaveLength(0);

    const asked = await say({
      ...group,
      MsgType: 'text',
      Content: '@信用修复助手 需要什么材料',
      MsgId: '22',
    });
    expect(engine.turns[0]).toMatchObject({
      channel: 'wecom',
      chatId: group.ChatId,
      userId: USER,
      isGroup: true,
      text: '需要什么材料',
    });
    expect(asked.map((c) => [c.path, c.body.chatid])).toEqual([['/cgi-bin/appchat/send', group.ChatId]]);

    const draft = await say({ ...group, MsgType: 'text', Content: '/draft', MsgId: '23' });
    const inGroup = draft.filter((c) => c.path === '/cgi-bin/appchat/send');
    expect(inGroup.map((c) => (c.body.text as { content: string }).content)).toEqual([
      '起草材料需要填写名称等信息，我们到私聊继续。',
    ]);
    const file = draft.find((c) => c.body.msgtype === 'file');
    expect(file?.body).toMatchObject({ touser: USER });
    expect(engine.turns.at(-1)).toMatchObject({ chatId: USER, isGroup: false, text: '/draft' });
  });
});
