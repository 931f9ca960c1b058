// `credit-bot serve` with the HTTP channels: one server for the WeChat callback, the WeCom callback and
// the public chat page, with or without the staff console; configuration checks; the menu command.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { serve } from '../../bots/commands/serve.ts';
import { publishWechatMenu } from '../../bots/commands/wechat-menu.ts';
import { loadBotConfig } from '../../bots/config.ts';
import { channelTexts } from '../../bots/wechat/texts.ts';
import { createEngine } from '../../dialogs/engine.ts';
import { createLogger } from '../../dialogs/log.ts';
import type { Engine } from '../../dialogs/types.ts';
import { createFakeEngine } from '../fakes/engine.ts';
import { officialAccountSender, startFakeWechatApi } from '../fakes/wechat-platform.ts';

const WECHAT = {
  WECHAT_TOKEN: 'tongchengToken2026',
  WECHAT_APP_ID: 'wx0123456789abcdef',
  WECHAT_APP_SECRET: '0123456789abcdef0123456789abcdef',
};
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function fakeOa() {
  const api = await startFakeWechatApi({
    tokenPath: '/cgi-bin/token',
    credentials: { appid: WECHAT.WECHAT_APP_ID, secret: WECHAT.WECHAT_APP_SECRET },
  });
  cleanups.push(api.close);
  return api;
}

async function serveWith(env: NodeJS.ProcessEnv, engine: Engine = createFakeEngine()) {
  const said: string[] = [];
  const abort = new AbortController();
  const running = serve({
    env: { CREDIT_BOT_WEB_PORT: '0', ...env },
    createEngine: async () => engine,
    log: createLogger({ level: 'silent' }),
    say: (l) => said.push(l),
    signal: abort.signal,
  });
  cleanups.push(async () => {
    abort.abort();
    await running;
  });
  await expect.poll(() => said.some((l) => l.includes('started')), { timeout: 10_000 }).toBe(true);
  const line = said.find((l) => l.includes('started')) as string;
  const base = (/http:\/\/[\d.:]+/.exec(line) ?? [''])[0];
  return { engine: engine as ReturnType<typeof createFakeEngine>, said, base, line };
}

describe('serve with HTTP channels', () => {
  it('starts the HTTP server without staff accounts for WeChat and the public chat page', async () => {
    const api = await fakeOa();
    const { engine, base, line } = await serveWith({
      ...WECHAT,
      WECHAT_API_ROOT: api.root,
      CREDIT_BOT_PUBLIC_CHAT: '1',
    });
    expect(line).toMatch(/WeChat Official Account callback at \/wechat \(plaintext mode\)/);
    expect(line).toMatch(/public chat page at \/chat/);
    expect(line).not.toMatch(/staff/);
    const sender = officialAccountSender({
      url: `${base}/wechat`,
      token: WECHAT.WECHAT_TOKEN,
      appId: WECHAT.WECHAT_APP_ID,
    });
    const res = await sender.post({
      ToUserName: 'gh_x',
      FromUserName: 'o1',
      MsgType: 'text',
      Content: '你好',
      MsgId: '1',
    });
    expect(await res.text()).toContain('收到：你好');
    expect((await fetch(`${base}/chat`)).status).toBe(200);
    // No console configured: nothing else answers.
    expect((await fetch(`${base}/api/cases`)).status).toBe(404);
    expect(engine.turns.map((t) => t.channel)).toEqual(['wechat']);
  });

  it('with staff accounts too, the console keeps its login wall and the callbacks stay outside it', async () => {
    const api = await fakeOa();
    // The console needs the full engine (case views); the in-memory case index keeps the test clean.
    const dataDir = await mkdtemp(join(tmpdir(), 'serve-http-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const real = await createEngine({ dataDir, log: createLogger({ level: 'silent' }) });
    const { base, line } = await serveWith(
      {
        ...WECHAT,
        WECHAT_API_ROOT: api.root,
        CREDIT_BOT_PUBLIC_CHAT: '1',
        CREDIT_BOT_STAFF_TOKEN: 'a-staff-token-0123456789abcdef0123456789',
        CREDIT_BOT_STAFF_SHARED_DESK: '1',
        CREDIT_BOT_DATA_DIR: dataDir,
      },
      real,
    );
    expect(line).toMatch(/staff web console/);
    expect((await fetch(`${base}/api/cases`)).status).toBe(401);
    expect((await fetch(`${base}/chat`)).status).toBe(200);
    const sender = officialAccountSender({
      url: `${base}/wechat`,
      token: WECHAT.WECHAT_TOKEN,
      appId: WECHAT.WECHAT_APP_ID,
    });
    expect((await sender.verify('hello')).status).toBe(200);
    expect((await sender.verify('hello', { forge: true })).status).toBe(401);
  });

  it('names the missing variables of a half-configured WeChat or WeCom, without echoing secrets', () => {
    expect(() => loadBotConfig({ WECHAT_TOKEN: 'abc123' })).toThrow(
      /WeChat Official Account needs WECHAT_APP_ID, WECHAT_APP_SECRET as well/,
    );
    expect(() => loadBotConfig({ WECOM_CORP_ID: 'ww0123456789abcdef' })).toThrow(
      /WeCom needs WECOM_AGENT_ID/,
    );
    let message = '';
    try {
      loadBotConfig({ ...WECHAT, WECHAT_ENCODING_AES_KEY: 'short-secret-key' });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/WECHAT_ENCODING_AES_KEY must be the EncodingAESKey/);
    expect(message).not.toContain('short-secret-key');
    const c = loadBotConfig({
      ...WECHAT,
      WECHAT_ENCODING_AES_KEY: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
    });
    expect(c.wechat?.encodingAesKey).toHaveLength(43);
    expect(c.secrets).toContain(WECHAT.WECHAT_APP_SECRET);
  });

  it('wechat-menu publishes the menu from knowledge/ with a fetched access token', async () => {
    const api = await fakeOa();
    const said: string[] = [];
    await publishWechatMenu({ ...WECHAT, WECHAT_API_ROOT: api.root, CREDIT_BOT_LOG_LEVEL: 'silent' }, (l) =>
      said.push(l),
    );
    const [call] = api.callsTo('/cgi-bin/menu/create');
    expect(call?.body).toEqual(channelTexts.wechatMenu);
    expect(said[0]).toMatch(/信用修复（修复指引、起草文书） \| 常见问题 \| 人工服务/);
    api.failNext('/cgi-bin/menu/create', { errcode: 40164, errmsg: 'invalid ip 1.2.3.4, not in whitelist' });
    await expect(
      publishWechatMenu({ ...WECHAT, WECHAT_API_ROOT: api.root, CREDIT_BOT_LOG_LEVEL: 'silent' }),
    ).rejects.toThrow(/IP allow-list/);
  });
});
