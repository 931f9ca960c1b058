// The public chat page for the county portal: sessions per browser (cookie), per-address rate limits,
// no staff route reachable through it, one-time draft downloads bound to the browser that asked.
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildChannelsApp } from '../../bots/http/server.ts';
import { createLogger } from '../../dialogs/log.ts';
import { createFakeEngine, DOCX_BYTES, type FakeEngine } from '../fakes/engine.ts';

let app: FastifyInstance;
let engine: FakeEngine;
afterEach(async () => {
  await app?.close();
});

async function start(perMinute = 60) {
  engine = createFakeEngine();
  const built = await buildChannelsApp(engine, {
    env: {},
    config: { publicChat: true, rateLimitPerMinute: perMinute, logLevel: 'silent', secrets: [] },
    log: createLogger({ level: 'silent' }),
  });
  if (!built) throw new Error('not built');
  app = built.app;
}

const turn = (body: unknown, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url: '/chat/api/turn', payload: body as object, headers });
const cookieOf = (res: { headers: Record<string, unknown> }) =>
  String(res.headers['set-cookie'] ?? '').split(';')[0] ?? '';

describe('public chat page', () => {
  it('serves the page, its assets and the embed script without outside resources', async () => {
    await start();
    const page = await app.inject('/chat');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(page.body).toContain('lang="zh-CN"');
    expect(page.body).not.toMatch(/https?:\/\//);
    for (const url of ['/chat/assets/chat.js', '/chat/assets/chat.css', '/chat/embed.js']) {
      const r = await app.inject(url);
      expect(r.statusCode, url).toBe(200);
      expect(r.body, url).not.toMatch(/https?:\/\/(?!YOUR-SERVER)/);
    }
    expect((await app.inject('/chat/embed.js')).headers['cross-origin-resource-policy']).toBe('cross-origin');
  });

  it('keeps one conversation per browser and answers choices as buttons', async () => {
    await start();
    const first = await turn({ text: '/repair' });
    expect(first.statusCode).toBe(200);
    const cookie = cookieOf(first);
    expect(cookie).toMatch(/^cb_chat=[\w-]{32}$/);
    expect(String(first.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Lax/);
    expect(first.json().messages[0].choices).toEqual([
      { id: 'individual', label: '个体工商户' },
      { id: 'enterprise', label: '企业' },
    ]);
    const second = await turn({ choiceId: 'individual' }, { cookie });
    expect(second.headers['set-cookie']).toBeUndefined();
    const other = await turn({ text: '你好' });
    expect(engine.turns.map((t) => [t.channel, t.chatId === engine.turns[0]?.chatId])).toEqual([
      ['public-web', true],
      ['public-web', true],
      ['public-web', false],
    ]);
    expect(engine.turns[1]?.choiceId).toBe('individual');
    expect(cookieOf(other)).not.toBe(cookie);
  });

  it('hands a draft to the browser that asked, once', async () => {
    await start();
    const res = await turn({ text: '/draft' });
    const cookie = cookieOf(res);
    const [file] = res.json().files;
    expect(file.fileName).toBe('信用修复申请书.docx');
    expect(
      (await app.inject({ url: file.url, headers: { cookie: 'cb_chat=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' } }))
        .statusCode,
    ).toBe(404);
    const got = await app.inject({ url: file.url, headers: { cookie } });
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-disposition']).toMatch(/filename\*=UTF-8''/);
    expect(new Uint8Array(got.rawPayload)).toEqual(DOCX_BYTES);
    expect((await app.inject({ url: file.url, headers: { cookie } })).statusCode).toBe(410);
  });

  it('limits turns per address, refuses bad input clearly, and reaches no staff route', async () => {
    await start(2);
    expect((await turn({ text: '一' })).statusCode).toBe(200);
    expect((await turn({ text: '二' })).statusCode).toBe(200);
    const limited = await turn({ text: '三' });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().message).toMatch(/稍等约 \d+ 秒/);
    expect(engine.turns).toHaveLength(2);

    await start();
    expect((await turn({ text: 'x'.repeat(2001) })).json().message).toMatch(/太长/);
    expect((await turn({})).statusCode).toBe(400);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/chat/api/turn',
          payload: '{oops',
          headers: { 'content-type': 'application/json' },
        })
      ).statusCode,
    ).toBe(400);
    expect((await turn({ text: '你好' }, { origin: 'https://evil.example' })).statusCode).toBe(403);
    for (const url of ['/api/cases', '/api/me', '/', '/login', '/chat/../api/cases']) {
      expect((await app.inject(url)).statusCode, url).toBe(404);
    }
    expect(engine.turns.every((t) => t.channel === 'public-web')).toBe(true);
  });
});
