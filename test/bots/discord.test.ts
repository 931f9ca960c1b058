import { GatewayIntentBits } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type DiscordHandle, startDiscord } from '../../bots/discord.ts';
import { createRateLimiter, type RateLimiter } from '../../bots/rate-limit.ts';
import { decodeChoice } from '../../bots/render/choices.ts';
import { messages } from '../../bots/render/messages.ts';
import { createLogger } from '../../dialogs/log.ts';
import {
  type DcCall,
  discordUser,
  type FakeDiscord,
  sentButtons,
  sentContent,
  startFakeDiscord,
} from '../fakes/discord-server.ts';
import { createFakeEngine, DOCX_BYTES, type FakeEngine, LONG_PARAGRAPH } from '../fakes/engine.ts';

const TOKEN = 'OTAwMDAwMDAwMDAwMDAwMDAx.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789AB';
const APP_ID = '900000000000000001';
const alice = discordUser('300000000000000001', 'alice');
const bob = discordUser('300000000000000002', 'bob');

let fake: FakeDiscord;
let engine: FakeEngine;
let handle: DiscordHandle | undefined;
let logLines: string[];

async function start(extra: { guildId?: string; limiter?: RateLimiter } = {}) {
  handle = await startDiscord(engine, {
    token: TOKEN,
    appId: APP_ID,
    apiRoot: fake.api,
    log: createLogger({
      secrets: [TOKEN],
      level: 'debug',
      destination: { write: (l: string) => void logLines.push(l) },
    }),
    ...extra,
  });
  return handle;
}

/** messages the bot created: channel posts, interaction edits and follow-ups */
const isBotPost = (c: DcCall) =>
  (c.method === 'POST' && /^\/channels\/\d+\/messages$/.test(c.path)) ||
  (c.method === 'PATCH' && /^\/webhooks\/.+\/messages\/@original$/.test(c.path)) ||
  (c.method === 'POST' && /^\/webhooks\/\d+\/[^/]+$/.test(c.path));
const inChannel = (id: string | undefined) => (c: DcCall) =>
  c.method === 'POST' && c.path === `/channels/${id}/messages`;
const forInteraction = (token: string) => (c: DcCall) => isBotPost(c) && c.path.includes(`/${token}`);
const buttonFor = (c: DcCall, label: string) => {
  const b = sentButtons(c).find((x) => x.label === label);
  if (!b) throw new Error(`no button "${label}" in ${JSON.stringify(c.body)}`);
  return b.custom_id;
};

beforeEach(async () => {
  fake = await startFakeDiscord({ token: TOKEN, appId: APP_ID });
  engine = createFakeEngine();
  logLines = [];
});

afterEach(async () => {
  await handle?.stop();
  handle = undefined;
  await fake.close();
});

describe('Discord adapter against a fake REST + gateway server', () => {
  it('logs in with the needed intents and registers the slash commands in the configured server', async () => {
    const h = await start({ guildId: fake.guildId });
    expect(h.tag).toBe('credit-bot');
    const intents = Number(fake.identify?.intents);
    for (const bit of [
      GatewayIntentBits.Guilds,
      GatewayIntentBits.GuildMessages,
      GatewayIntentBits.DirectMessages,
      GatewayIntentBits.MessageContent,
    ]) {
      expect(intents & bit).toBe(bit);
    }
    const put = fake.calls.find((c) => c.method === 'PUT');
    expect(put?.path).toBe(`/applications/${APP_ID}/guilds/${fake.guildId}/commands`);
    const names = ((put?.body ?? []) as unknown as { name: string }[]).map((c) => c.name);
    expect(names).toEqual(['repair', 'draft', 'faq', 'reset', 'forget', 'human']);
    expect(logLines.join('\n')).not.toContain(TOKEN);
  });

  it('registers commands globally without DISCORD_GUILD_ID', async () => {
    await start();
    expect(fake.calls.find((c) => c.method === 'PUT')?.path).toBe(`/applications/${APP_ID}/commands`);
  });

  it('runs a slash-command interview with button presses and delivers the draft as an attachment', async () => {
    await start();
    const cmd = fake.slashCommand(alice, 'repair');
    const menu = await fake.waitFor(forInteraction(cmd.token));
    expect(fake.calls.some((c) => c.path === `/interactions/${cmd.id}/${cmd.token}/callback`)).toBe(true);
    expect(sentContent(menu)).toContain('主体类型');
    for (const b of sentButtons(menu)) expect(decodeChoice(b.custom_id)?.forUserId).toBe(alice.id);

    const p1 = fake.press(alice, menu, buttonFor(menu, '个体工商户'));
    const q2 = await fake.waitFor(forInteraction(p1.token));
    expect(sentContent(q2)).toContain('年报');

    const p2 = fake.press(alice, q2, buttonFor(q2, '是'));
    const result = await fake.waitFor(forInteraction(p2.token));
    expect(sentContent(result)).toContain('容缺修复');

    // The draft button in the server channel moves to a DM, where the file arrives.
    const p3 = fake.press(alice, result, buttonFor(result, '起草信用修复申请书'));
    await fake.waitFor(forInteraction(p3.token));
    const doc = await fake.waitFor((c) => c.files.length > 0);
    const dmId = fake.dmChannelOf(alice.id);
    expect(doc.path).toBe(`/channels/${dmId}/messages`);
    expect(doc.files[0]?.name).toBe('信用修复申请书.docx');
    expect([...(doc.files[0]?.bytes ?? [])]).toEqual([...DOCX_BYTES]);
    expect(sentContent(doc)).toContain('草稿');

    expect(
      engine.turns.map((t) => [t.chatId === dmId ? 'dm' : 'channel', t.text ?? `#${t.choiceId}`]),
    ).toEqual([
      ['channel', '/repair'],
      ['channel', '#individual'],
      ['channel', '#yes'],
      ['channel', '#draft'],
      ['dm', '/draft'],
    ]);
    expect(engine.turns[0]).toMatchObject({
      channel: 'discord',
      userId: alice.id,
      isGroup: true,
      addressed: true,
    });
  });

  it('a /draft slash command in a server says the move there and sends nothing personal to the channel', async () => {
    await start();
    const cmd = fake.slashCommand(alice, 'draft');
    const doc = await fake.waitFor((c) => c.files.length > 0);
    expect(doc.path).toBe(`/channels/${fake.dmChannelOf(alice.id)}/messages`);
    const inServer = fake.calls.filter((c) => forInteraction(cmd.token)(c) || inChannel(fake.channelId)(c));
    expect(inServer.map(sentContent)).toEqual(['起草材料需要填写名称等信息，我们到私聊继续。']);
  });

  it('a /draft slash command in a DM answers with the file on the interaction itself', async () => {
    await start();
    const cmd = fake.slashCommand(alice, 'draft', { dm: true });
    const doc = await fake.waitFor((c) => forInteraction(cmd.token)(c) && c.files.length > 0);
    expect(doc.method).toBe('PATCH');
    expect(doc.files[0]?.name).toBe('信用修复申请书.docx');
    expect(engine.turns[0]).toMatchObject({
      isGroup: false,
      chatId: fake.dmChannelOf(alice.id),
      text: '/draft',
    });
    expect(fake.calls.some((c) => c.path === '/users/@me/channels')).toBe(false);
  });

  it('tells the user privately how to allow DMs when the DM is refused', async () => {
    await start();
    fake.refuseDm(alice.id);
    const cmd = fake.slashCommand(alice, 'draft');
    const notice = await fake.waitFor((c) => forInteraction(cmd.token)(c) && sentContent(c).includes('私信'));
    expect(notice.method).toBe('POST'); // a follow-up…
    expect(Number(notice.body.flags) & 64).toBe(64); // …that only this user sees
    expect(notice.body.content).toBe(messages.openPrivateChatDiscord);
  });

  it('ignores channel messages not addressed to the bot; answers mentions, replies and DMs', async () => {
    await start();
    fake.userMessage(alice, '大家好，年报什么时候截止？');
    fake.userMessage(alice, `<@${fake.bot.id}> 需要什么材料？`);
    const answer = await fake.waitFor(inChannel(fake.channelId));
    expect(sentContent(answer)).toBe('收到：需要什么材料？');
    expect(answer.body.message_reference).toBeDefined();
    expect(engine.turns.map((t) => t.text)).toEqual(['需要什么材料？']);

    let mark = fake.calls.length;
    fake.userMessage(bob, '那多久能办好', { replyToBot: true });
    await fake.waitFor(inChannel(fake.channelId), mark);
    expect(engine.turns[1]).toMatchObject({ text: '那多久能办好', userId: bob.id, isGroup: true });

    mark = fake.calls.length;
    fake.userMessage(bob, '你好', { dm: true });
    await fake.waitFor(inChannel(fake.dmChannelOf(bob.id)), mark);
    expect(engine.turns[2]).toMatchObject({ text: '你好', isGroup: false, chatId: fake.dmChannelOf(bob.id) });
    expect(engine.turns).toHaveLength(3);
  });

  it('a bare mention starts the conversation', async () => {
    await start();
    fake.userMessage(alice, `<@${fake.bot.id}>`);
    const menu = await fake.waitFor(inChannel(fake.channelId));
    expect(sentButtons(menu).map((b) => b.label)).toEqual(['个体工商户', '企业']);
    expect(engine.turns[0]?.text).toBe('/start');
  });

  it("answers another member's button press with a private notice and leaves the session alone", async () => {
    await start();
    const cmd = fake.slashCommand(alice, 'repair');
    const menu = await fake.waitFor(forInteraction(cmd.token));
    const press = fake.press(bob, menu, buttonFor(menu, '企业'));
    const cb = await fake.waitFor((c) => c.path === `/interactions/${press.id}/${press.token}/callback`);
    expect(cb.body).toMatchObject({ type: 4, data: { content: messages.notYourButton, flags: 64 } });
    expect(engine.turns).toHaveLength(1);
  });

  it('waits out a 429 (discord.js retries by itself) and the reply still arrives', async () => {
    await start();
    fake.failNext((c) => c.method === 'POST' && c.path === `/channels/${fake.channelId}/messages`, {
      status: 429,
      retryAfter: 0.01,
    });
    fake.userMessage(alice, `<@${fake.bot.id}> 你好`);
    await expect.poll(() => fake.calls.filter(inChannel(fake.channelId)).length).toBe(2);
    expect(fake.calls.filter(inChannel(fake.channelId)).map(sentContent)).toEqual([
      '收到：你好',
      '收到：你好',
    ]);
    await expect.poll(() => logLines.some((l) => l.includes('Discord rate limit hit'))).toBe(true);
  });

  it('/forget reaches the engine and is confirmed', async () => {
    await start();
    const cmd = fake.slashCommand(alice, 'forget');
    const reply = await fake.waitFor(forInteraction(cmd.token));
    expect(sentContent(reply)).toBe(messages.forgetDone);
    expect(engine.forgotten).toEqual([{ channel: 'discord', chatId: fake.channelId, userId: alice.id }]);
  });

  it('a rate-limited slash command does not stay on "thinking…": the notice once, then the deferral goes', async () => {
    await start({ limiter: createRateLimiter({ perMinute: 1, now: () => 0 }) });
    const first = fake.slashCommand(alice, 'repair');
    await fake.waitFor(forInteraction(first.token));

    const second = fake.slashCommand(alice, 'faq');
    const notice = await fake.waitFor(forInteraction(second.token));
    expect(notice.method).toBe('PATCH'); // the deferred reply itself becomes the notice
    expect(sentContent(notice)).toMatch(/稍等/);

    const third = fake.slashCommand(alice, 'human');
    const cleared = await fake.waitFor((c) => c.path.includes(`/${third.token}/messages/@original`));
    expect(cleared.method).toBe('DELETE');
    // nothing else was posted for it: no message, no follow-up
    const forThird = fake.calls.filter(
      (c) => c.path.startsWith('/webhooks/') && c.path.includes(third.token),
    );
    expect(forThird.map((c) => c.method)).toEqual(['DELETE']);
    expect(engine.turns.map((t) => t.text)).toEqual(['/repair']);
  });

  it('/faq passes its question along', async () => {
    await start();
    const cmd = fake.slashCommand(alice, 'faq', { options: [{ name: 'question', value: '要收费吗' }] });
    await fake.waitFor(forInteraction(cmd.token));
    expect(engine.turns[0]?.text).toBe('/faq 要收费吗');
  });

  it('respects the 2000-character limit and renders more than 25 choices as select menus', async () => {
    await start();
    fake.userMessage(alice, `<@${fake.bot.id}> /long`);
    // 6304 characters: four messages, each cut after a full stop, nothing lost but the blank lines.
    await expect.poll(() => fake.calls.filter(inChannel(fake.channelId)).length).toBe(4);
    const parts = fake.calls.filter(inChannel(fake.channelId)).map(sentContent);
    expect(parts.every((p) => p.length <= 2000 && p.endsWith('。'))).toBe(true);
    expect(parts.join('').replace(/\s/g, '')).toBe(LONG_PARAGRAPH.repeat(3));

    const cmd = fake.slashCommand(alice, 'repair');
    await fake.waitFor(forInteraction(cmd.token));
    fake.userMessage(alice, `<@${fake.bot.id}> /many`);
    const many = await fake.waitFor((c) => inChannel(fake.channelId)(c) && sentContent(c) === '请选择年份');
    const menus = sentButtons(many);
    expect(menus).toHaveLength(2);
    expect(menus.map((m) => m.options?.length)).toEqual([25, 5]);

    const pick = fake.press(alice, many, menus[1]?.custom_id as string, { values: ['y2027'] });
    await fake.waitFor(forInteraction(pick.token));
    expect(engine.turns.at(-1)).toMatchObject({ choiceId: 'y2027', userId: alice.id });
  });
});
