import { createServer } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../bots/rate-limit.ts';
import { decodeChoice } from '../../bots/render/choices.ts';
import { messages } from '../../bots/render/messages.ts';
import { startTelegram, type TelegramHandle } from '../../bots/telegram.ts';
import { createLogger } from '../../dialogs/log.ts';
import { createFakeEngine, DOCX_BYTES, type FakeEngine, LONG_PARAGRAPH } from '../fakes/engine.ts';
import {
  type FakeTelegram,
  startFakeTelegram,
  type TgCall,
  type TgChat,
  type TgUser,
} from '../fakes/telegram-server.ts';

const TOKEN = '123456789:AAEabcdefghijklmnopqrstuvwxyz012345';
const alice: TgUser = { id: 1001, is_bot: false, first_name: 'Alice' };
const bob: TgUser = { id: 1002, is_bot: false, first_name: 'Bob' };
const alicePrivate: TgChat = { id: 1001, type: 'private' };
const group: TgChat = { id: -100777, type: 'supergroup', title: '个体户交流群' };

let fake: FakeTelegram;
let engine: FakeEngine;
let handle: TelegramHandle | undefined;
let logLines: string[];
let sleeps: number[];

function logger() {
  return createLogger({
    secrets: [TOKEN],
    level: 'debug',
    destination: { write: (line: string) => void logLines.push(line) },
  });
}

async function start(extra: Partial<Parameters<typeof startTelegram>[1]> = {}) {
  handle = await startTelegram(engine, {
    token: TOKEN,
    apiRoot: fake.apiRoot,
    log: logger(),
    retry: { sleep: async (ms) => void sleeps.push(ms) },
    ...extra,
  });
  return handle;
}

const sent = (c: TgCall) => c.method === 'sendMessage' || c.method === 'sendDocument';
const to = (chatId: number) => (c: TgCall) => sent(c) && Number(c.params.chat_id) === chatId;
const buttons = (c: TgCall) =>
  (
    (c.params.reply_markup as { inline_keyboard?: { text: string; callback_data: string }[][] })
      ?.inline_keyboard ?? []
  ).flat();
const pressLabel = (from: TgUser, c: TgCall, label: string) => {
  const b = buttons(c).find((x) => x.text === label);
  if (!b) throw new Error(`no button "${label}" in ${JSON.stringify(c.params)}`);
  return fake.press(from, c, b.callback_data);
};

beforeEach(async () => {
  fake = await startFakeTelegram({ token: TOKEN });
  engine = createFakeEngine();
  logLines = [];
  sleeps = [];
});

afterEach(async () => {
  await handle?.stop();
  handle = undefined;
  await fake.close();
});

describe('Telegram adapter against a fake Bot API server', () => {
  it('registers the command menu with Chinese descriptions', async () => {
    const h = await start();
    expect(h.mode).toBe('polling');
    expect(h.username).toBe('credit_repair_bot');
    const [set] = fake.callsOf('setMyCommands');
    const commands = set?.params.commands as { command: string; description: string }[];
    expect(commands.map((c) => c.command)).toEqual([
      'start',
      'help',
      'repair',
      'draft',
      'faq',
      'reset',
      'forget',
      'human',
    ]);
    expect(commands.every((c) => /[\u4e00-\u9fff]/.test(c.description))).toBe(true);
  });

  it('runs a full interview with button presses and delivers the draft as a document', async () => {
    await start();
    let mark = fake.calls.length;
    fake.sendText(alicePrivate, alice, '/start');
    const menu = await fake.waitFor(to(alicePrivate.id), mark);
    expect(menu.params.text).toContain('主体类型');
    for (const b of buttons(menu)) {
      expect(Buffer.byteLength(b.callback_data)).toBeLessThanOrEqual(64);
      expect(decodeChoice(b.callback_data)?.forUserId).toBe(String(alice.id));
    }

    mark = fake.calls.length;
    const cbId = pressLabel(alice, menu, '个体工商户');
    const q2 = await fake.waitFor(to(alicePrivate.id), mark);
    expect(q2.params.text).toContain('年报');
    const answered = fake.callsOf('answerCallbackQuery').find((c) => c.params.callback_query_id === cbId);
    expect(answered?.params.text).toBeUndefined();

    mark = fake.calls.length;
    pressLabel(alice, q2, '是');
    const result = await fake.waitFor(to(alicePrivate.id), mark);
    expect(result.params.text).toContain('容缺修复');

    mark = fake.calls.length;
    pressLabel(alice, result, '起草信用修复申请书');
    const doc = await fake.waitFor((c) => c.method === 'sendDocument', mark);
    expect(Number(doc.params.chat_id)).toBe(alice.id);
    expect(doc.files.document?.name).toBe('信用修复申请书.docx');
    expect([...(doc.files.document?.bytes ?? [])]).toEqual([...DOCX_BYTES]);
    expect(doc.params.caption).toContain('草稿');

    expect(engine.turns.map((t) => t.text ?? `#${t.choiceId}`)).toEqual([
      '/start',
      '#individual',
      '#yes',
      '#draft',
    ]);
    for (const t of engine.turns) {
      expect(t).toMatchObject({
        channel: 'telegram',
        chatId: '1001',
        userId: '1001',
        isGroup: false,
        addressed: true,
      });
    }
  });

  it('ignores group messages not addressed to the bot and answers commands, mentions and replies', async () => {
    await start();
    fake.sendText(group, alice, '大家好，今天年报截止了吗？');
    fake.sendText(group, alice, '/repair@some_other_bot');
    let mark = fake.calls.length;
    fake.sendText(group, alice, '/repair@credit_repair_bot');
    const menu = await fake.waitFor(to(group.id), mark);
    // Updates are handled in order, so the two earlier messages have been seen and dropped by now.
    expect(engine.turns).toHaveLength(1);
    expect(engine.turns[0]).toMatchObject({
      text: '/repair',
      chatId: String(group.id),
      userId: '1001',
      isGroup: true,
    });
    expect((menu.params.reply_parameters as { message_id: number }).message_id).toBeGreaterThan(0);

    mark = fake.calls.length;
    fake.sendText(group, bob, '@credit_repair_bot 需要什么材料？');
    await fake.waitFor(to(group.id), mark);
    expect(engine.turns[1]).toMatchObject({ text: '需要什么材料？', userId: '1002' });

    mark = fake.calls.length;
    fake.sendText(group, bob, '谢谢，那多久能办好', {
      replyTo: { message_id: 5, from: fake.bot, chat: group, date: 1 },
    });
    await fake.waitFor(to(group.id), mark);
    expect(engine.turns[2]).toMatchObject({ text: '谢谢，那多久能办好', userId: '1002' });
    expect(engine.turns).toHaveLength(3);
    expect(fake.calls.filter(to(group.id))).toHaveLength(3);
  });

  it('answers inside the forum topic the question was asked in', async () => {
    await start();
    const mark = fake.calls.length;
    fake.pushUpdate({
      message: {
        message_id: 50,
        message_thread_id: 42,
        is_topic_message: true,
        from: alice,
        chat: { ...group, is_forum: true },
        date: 1,
        text: '/repair',
        entities: [{ type: 'bot_command', offset: 0, length: 7 }],
      },
    });
    const menu = await fake.waitFor(to(group.id), mark);
    expect(menu.params.message_thread_id).toBe(42);
  });

  it("refuses a button pressed by another group member, without touching that member's session", async () => {
    await start();
    let mark = fake.calls.length;
    fake.sendText(group, alice, '/repair');
    const menu = await fake.waitFor(to(group.id), mark);

    mark = fake.calls.length;
    const cbId = pressLabel(bob, menu, '企业');
    const answer = await fake.waitFor((c) => c.method === 'answerCallbackQuery', mark);
    expect(answer.params).toMatchObject({
      callback_query_id: cbId,
      text: messages.notYourButton,
      show_alert: true,
    });
    expect(engine.turns).toHaveLength(1);

    mark = fake.calls.length;
    pressLabel(alice, menu, '个体工商户');
    await fake.waitFor(to(group.id), mark);
    expect(engine.turns[1]).toMatchObject({
      choiceId: 'individual',
      userId: '1001',
      chatId: String(group.id),
    });
  });

  it('moves a draft request in a group to the private chat, sending nothing personal to the group', async () => {
    await start();
    const mark = fake.calls.length;
    fake.sendText(group, alice, '/draft');
    const doc = await fake.waitFor((c) => c.method === 'sendDocument', mark);
    expect(Number(doc.params.chat_id)).toBe(alice.id);

    const inGroup = fake.calls.slice(mark).filter(to(group.id));
    expect(inGroup.map((c) => c.params.text)).toEqual(['起草材料需要填写名称等信息，我们到私聊继续。']);
    expect(engine.turns.map((t) => [t.chatId, t.isGroup, t.text])).toEqual([
      [String(group.id), true, '/draft'],
      ['1001', false, '/draft'],
    ]);
  });

  it('sends a deep link when the user never started the bot privately, and the link resumes the draft', async () => {
    await start();
    fake.refuseChat(alice.id);
    let mark = fake.calls.length;
    fake.sendText(group, alice, '/draft');
    const link = await fake.waitFor((c) => to(group.id)(c) && String(c.params.text).includes('t.me'), mark);
    expect(link.params.text).toContain('https://t.me/credit_repair_bot?start=draft');

    mark = fake.calls.length;
    fake.sendText(alicePrivate, alice, '/start draft');
    await fake.waitFor((c) => c.method === 'sendDocument', mark);
    expect(engine.turns.at(-1)).toMatchObject({ chatId: '1001', isGroup: false, text: '/draft' });
  });

  it('sends the deep link only for "chat not found" (or 403); another 400 is logged, not disguised', async () => {
    await start();
    let mark = fake.calls.length;
    fake.failNext('sendDocument', { status: 400, description: 'Bad Request: chat not found' });
    fake.sendText(group, alice, '/draft');
    const link = await fake.waitFor((c) => to(group.id)(c) && String(c.params.text).includes('t.me'), mark);
    expect(link.params.text).toContain('?start=draft');

    mark = fake.calls.length;
    fake.failNext('sendDocument', { status: 400, description: 'Bad Request: file must be non-empty' });
    fake.sendText(group, alice, '/draft');
    await expect.poll(() => logLines.some((l) => l.includes('could not send the private part'))).toBe(true);
    await handle?.stop();
    handle = undefined;
    const texts = fake.calls
      .slice(mark)
      .filter(to(group.id))
      .map((c) => String(c.params.text));
    expect(texts).toEqual(['起草材料需要填写名称等信息，我们到私聊继续。']);
    const line = logLines.find((l) => l.includes('could not send the private part')) as string;
    expect(JSON.parse(line).err).toMatchObject({
      response: { description: 'Bad Request: file must be non-empty' },
    });
  });

  it('retries a 429 answer after the retry_after Telegram asks for', async () => {
    await start();
    fake.failNext('sendMessage', {
      status: 429,
      description: 'Too Many Requests: retry after 3',
      retry_after: 3,
    });
    fake.sendText(alicePrivate, alice, '你好');
    await expect.poll(() => fake.callsOf('sendMessage').length).toBe(2);
    // Both attempts carried the same reply: the first was refused with 429, the second went through.
    expect(fake.callsOf('sendMessage').map((c) => c.params.text)).toEqual(['收到：你好', '收到：你好']);
    expect(sleeps).toEqual([3000]);
    expect(engine.turns).toHaveLength(1);
  });

  it('retries 5xx with backoff and logs a send that keeps failing without crashing', async () => {
    await start();
    fake.failNext('sendMessage', { status: 502, description: 'Bad Gateway' }, 10);
    fake.sendText(alicePrivate, alice, '你好');
    await expect.poll(() => logLines.some((l) => l.includes('could not deliver replies'))).toBe(true);
    expect(fake.callsOf('sendMessage')).toHaveLength(5); // first try + 4 retries
    expect(sleeps).toEqual([500, 1000, 2000, 4000]);

    // The bot keeps serving afterwards.
    const mark = fake.calls.length;
    fake.sendText(alicePrivate, alice, '还在吗');
    await fake.waitFor((c) => c.method === 'sendMessage' && c.params.text === '收到：还在吗', mark);
    expect(logLines.join('\n')).not.toContain(TOKEN);
  });

  it('/forget reaches the engine and the user gets a confirmation', async () => {
    await start();
    const mark = fake.calls.length;
    fake.sendText(alicePrivate, alice, '/forget');
    const reply = await fake.waitFor(to(alicePrivate.id), mark);
    expect(reply.params.text).toBe(messages.forgetDone);
    expect(engine.forgotten).toEqual([{ channel: 'telegram', chatId: '1001', userId: '1001' }]);
  });

  it('splits long texts at 4096 characters on paragraph boundaries', async () => {
    await start();
    const mark = fake.calls.length;
    fake.sendText(alicePrivate, alice, '/long');
    // 3 paragraphs of 2100 characters: no two fit in one message, so each goes alone, uncut.
    await expect.poll(() => fake.calls.slice(mark).filter(to(alicePrivate.id)).length).toBe(3);
    const parts = fake.calls
      .slice(mark)
      .filter(to(alicePrivate.id))
      .map((c) => String(c.params.text));
    expect(parts).toEqual([LONG_PARAGRAPH, LONG_PARAGRAPH, LONG_PARAGRAPH]);
  });

  it('apologises when the engine fails, and rate-limits a flooding user once with a polite notice', async () => {
    await start({ limiter: createRateLimiter({ perMinute: 2, now: () => 0 }) });
    let mark = fake.calls.length;
    fake.sendText(alicePrivate, alice, '/boom');
    const sorry = await fake.waitFor(to(alicePrivate.id), mark);
    expect(sorry.params.text).toBe(messages.internalError);

    mark = fake.calls.length;
    fake.sendText(alicePrivate, alice, '一');
    fake.sendText(alicePrivate, alice, '二');
    fake.sendText(alicePrivate, alice, '三');
    await expect.poll(() => fake.calls.slice(mark).filter(to(alicePrivate.id)).length).toBe(2);
    const texts = fake.calls
      .slice(mark)
      .filter(to(alicePrivate.id))
      .map((c) => String(c.params.text));
    expect(texts).toContain('收到：一');
    expect(texts.find((t) => t.includes('稍等'))).toMatch(/稍等约 30 秒/);
    expect(engine.turns.map((t) => t.text)).toEqual(['/boom', '一']);
  });

  it('receives updates by webhook when configured', async () => {
    const port = await freePort();
    const h = await start({
      webhook: { url: 'https://bot.example.org/tg-hook', port, host: '127.0.0.1', secret: 'hooksecret' },
    });
    expect(h.mode).toBe('webhook');
    const [setWebhook] = fake.callsOf('setWebhook');
    expect(setWebhook?.params).toMatchObject({
      url: 'https://bot.example.org/tg-hook',
      secret_token: 'hooksecret',
    });

    const update = {
      update_id: 1,
      message: { message_id: 1, from: alice, chat: alicePrivate, date: 1, text: '你好' },
    };
    const post = (secret: string) =>
      fetch(`http://127.0.0.1:${port}/tg-hook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret },
        body: JSON.stringify(update),
      });
    expect((await post('wrong')).status).toBe(403);
    const mark = fake.calls.length;
    expect((await post('hooksecret')).ok).toBe(true);
    const reply = await fake.waitFor(to(alicePrivate.id), mark);
    expect(reply.params.text).toBe('收到：你好');
  });
});

describe('Telegram webhook without TELEGRAM_WEBHOOK_SECRET', () => {
  it('sets a random secret with the webhook and refuses updates that do not carry it', async () => {
    const port = await freePort();
    await start({ webhook: { url: 'https://bot.example.org/tg-hook', port, host: '127.0.0.1' } });
    const secret = String(fake.callsOf('setWebhook')[0]?.params.secret_token ?? '');
    expect(secret).toMatch(/^[0-9a-f]{64}$/);

    const update = {
      update_id: 1,
      message: { message_id: 1, from: alice, chat: alicePrivate, date: 1, text: '你好' },
    };
    const post = (headers: Record<string, string>) =>
      fetch(`http://127.0.0.1:${port}/tg-hook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(update),
      });
    expect((await post({})).status).toBe(403);
    expect(engine.turns).toHaveLength(0);
    const mark = fake.calls.length;
    expect((await post({ 'x-telegram-bot-api-secret-token': secret })).ok).toBe(true);
    await fake.waitFor(to(alicePrivate.id), mark);
    expect(engine.turns).toHaveLength(1);
    expect(logLines.join('\n')).not.toContain(secret);
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}
