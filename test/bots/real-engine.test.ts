// End to end with the real conversation engine: a group member describes the case, reaches the 容缺修复
// route, asks for the draft, is moved to a private chat, answers the draft questions there and gets a
// .docx. Checks that the business name typed in private never shows up in the group.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startDiscord } from '../../bots/discord.ts';
import { splitText } from '../../bots/render/split.ts';
import { startTelegram, TELEGRAM_TEXT_MAX } from '../../bots/telegram.ts';
import { createEngine } from '../../dialogs/engine.ts';
import { createLogger } from '../../dialogs/log.ts';
import type { Choice, Engine, Reply, TurnResult } from '../../dialogs/types.ts';
import {
  type DcCall,
  discordUser,
  type FakeDiscord,
  sentButtons,
  sentContent,
  startFakeDiscord,
} from '../fakes/discord-server.ts';
import {
  type FakeTelegram,
  startFakeTelegram,
  type TgCall,
  type TgChat,
  type TgUser,
} from '../fakes/telegram-server.ts';

const NAME = '通城县某某副食店';
const DESCRIPTION = '我是2021年被列入的，上一年度的纸质年报已经补报并公示了';
/** buttons to press in the draft interview, by label prefix */
const PREFERRED = ['信用修复申请书', '容缺修复（个体工商户', '个体工商户', '确认生成'];

let dataDir: string;
let engine: Engine;
let results: TurnResult[];
const cleanups: (() => Promise<unknown>)[] = [];

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'credit-bot-e2e-'));
  const real = await createEngine({ dataDir, now: () => new Date('2026-03-02T09:00:00+08:00') });
  results = [];
  // Recording what the engine answered lets the test wait for exactly that to be delivered.
  engine = {
    async handle(turn) {
      const r = await real.handle(turn);
      results.push(r);
      return r;
    },
    forget: (key) => real.forget(key),
    close: () => real.close(),
  };
});

afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  await engine.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** Runs one user action and returns once everything the engine answered has been sent. */
async function exchange(
  act: () => void,
  delivered: (last: Reply, since: number) => Promise<unknown>,
  since: number,
) {
  const before = results.length;
  act();
  await expect.poll(() => results.length).toBeGreaterThan(before);
  let r = results[before] as TurnResult;
  if (r.replies.at(-1)?.kind === 'move-to-private') {
    // The adapter feeds privateStart as a second turn; that one's answer is what arrives last.
    await expect.poll(() => results.length).toBeGreaterThan(before + 1);
    r = results[before + 1] as TurnResult;
  }
  const last = r.replies.at(-1) as Reply;
  await delivered(last, since);
  return r;
}

const choicesOf = (r: TurnResult): Choice[] =>
  r.replies.flatMap((x) => (x.kind === 'text' ? (x.choices ?? []) : []));
const preferred = (r: TurnResult) => {
  const c = choicesOf(r).find((x) => PREFERRED.some((p) => x.label.startsWith(p)));
  if (!c) throw new Error(`no preferred choice among ${JSON.stringify(choicesOf(r))}`);
  return c;
};
const answerFor = (r: TurnResult) => {
  const q = r.replies.map((x) => (x.kind === 'text' ? x.text : '')).join('\n');
  return /名称/.test(q) ? NAME : '跳过';
};

async function docxText(bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  return (await zip.file('word/document.xml')?.async('string')) ?? '';
}

describe('with the real engine', () => {
  it('Telegram: a group conversation reaches 容缺修复 and the draft arrives privately as a .docx', async () => {
    const TOKEN = '123456789:AAEabcdefghijklmnopqrstuvwxyz012345';
    const tg: FakeTelegram = await startFakeTelegram({ token: TOKEN });
    cleanups.push(tg.close);
    const h = await startTelegram(engine, {
      token: TOKEN,
      apiRoot: tg.apiRoot,
      log: createLogger({ level: 'silent' }),
    });
    cleanups.push(h.stop);

    const alice: TgUser = { id: 2001, is_bot: false, first_name: 'Alice' };
    const group: TgChat = { id: -100555, type: 'supergroup', title: '个体户交流群' };
    const sentTo = (chatId: number) => (c: TgCall) =>
      (c.method === 'sendMessage' || c.method === 'sendDocument') && Number(c.params.chat_id) === chatId;
    const delivered = (chatId: number) => (last: Reply, since: number) =>
      last.kind === 'file'
        ? tg.waitFor((c) => c.method === 'sendDocument' && sentTo(chatId)(c), since)
        : tg.waitFor(
            (c) =>
              sentTo(chatId)(c) &&
              c.params.text === splitText(last.kind === 'text' ? last.text : '', TELEGRAM_TEXT_MAX).at(-1),
            since,
          );
    const lastWithButtons = (chatId: number) =>
      tg.calls.filter((c) => sentTo(chatId)(c) && c.params.reply_markup).at(-1) as TgCall;
    const press = (chatId: number, choice: Choice) => {
      const msg = lastWithButtons(chatId);
      const rows = (
        msg.params.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] }
      ).inline_keyboard;
      const b = rows.flat().find((x) => x.callback_data.endsWith(`|${choice.id}`));
      if (!b) throw new Error(`button ${choice.id} not rendered`);
      tg.press(alice, msg, b.callback_data);
    };

    let r = await exchange(
      () => tg.sendText(group, alice, '/repair@credit_repair_bot'),
      delivered(group.id),
      tg.calls.length,
    );
    for (const label of ['没有按期报年报', '个体工商户']) {
      const choice = choicesOf(r).find((c) => c.label === label);
      expect(choice, `choice ${label}`).toBeDefined();
      r = await exchange(() => press(group.id, choice as Choice), delivered(group.id), tg.calls.length);
    }
    const question = lastWithButtons(group.id);
    r = await exchange(
      () =>
        tg.sendText(group, alice, DESCRIPTION, {
          replyTo: { message_id: 1, from: tg.bot, chat: group, date: 1, text: question.params.text },
        }),
      delivered(group.id),
      tg.calls.length,
    );
    expect(r.determination.path).toBe('tolerant-repair-annual-report');
    expect(r.determination.eligible).toBe(true);

    const draft = choicesOf(r).find((c) => c.label === '生成文书') as Choice;
    const groupMark = tg.calls.length;
    r = await exchange(() => press(group.id, draft), delivered(alice.id), tg.calls.length);
    expect(tg.calls.slice(groupMark).filter(sentTo(group.id))).toHaveLength(1); // only the "let's go private" line

    const privateChat: TgChat = { id: alice.id, type: 'private' };
    let doc: TgCall | undefined;
    for (let step = 0; step < 20 && !doc; step++) {
      const mark = tg.calls.length;
      r = choicesOf(r).length
        ? await exchange(() => press(alice.id, preferred(r)), delivered(alice.id), mark)
        : await exchange(() => tg.sendText(privateChat, alice, answerFor(r)), delivered(alice.id), mark);
      doc = tg.calls.slice(mark).find((c) => c.method === 'sendDocument');
    }
    expect(doc, 'a document was sent').toBeDefined();
    expect(Number(doc?.params.chat_id)).toBe(alice.id);
    expect(doc?.files.document?.name).toMatch(/\.docx$/);
    const text = await docxText(doc?.files.document?.bytes as Uint8Array);
    expect(text).toContain('信用修复申请书');
    expect(text).toContain(NAME);

    const inGroup = tg.calls.filter(sentTo(group.id));
    expect(inGroup.every((c) => c.method === 'sendMessage')).toBe(true);
    expect(inGroup.map((c) => String(c.params.text)).join('\n')).not.toContain(NAME);
  });

  it('Discord: a slash-command conversation reaches 容缺修复 and the draft arrives by DM as an attachment', async () => {
    const TOKEN = 'OTAwMDAwMDAwMDAwMDAwMDAx.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789AB';
    const APP_ID = '900000000000000001';
    const dc: FakeDiscord = await startFakeDiscord({ token: TOKEN, appId: APP_ID });
    cleanups.push(dc.close);
    const h = await startDiscord(engine, {
      token: TOKEN,
      appId: APP_ID,
      apiRoot: dc.api,
      log: createLogger({ level: 'silent' }),
    });
    cleanups.push(h.stop);
    const alice = discordUser('300000000000000077', 'alice');

    const isPost = (c: DcCall) =>
      ['POST', 'PATCH'].includes(c.method) &&
      /\/messages(\/@original)?$|^\/webhooks\/\d+\/[^/]+$/.test(c.path);
    const delivered = (last: Reply, since: number) =>
      last.kind === 'file'
        ? dc.waitFor((c) => isPost(c) && c.files.length > 0, since)
        : dc.waitFor((c) => isPost(c) && sentContent(c) === (last.kind === 'text' ? last.text : ''), since);
    const lastWithButtons = () => dc.calls.filter((c) => isPost(c) && sentButtons(c).length).at(-1) as DcCall;
    const press = (choice: Choice, dm = false) => {
      const msg = lastWithButtons();
      const b = sentButtons(msg).find((x) => x.custom_id.endsWith(`|${choice.id}`));
      if (!b) throw new Error(`button ${choice.id} not rendered`);
      dc.press(alice, msg, b.custom_id, { dm });
    };

    let r = await exchange(() => dc.slashCommand(alice, 'repair'), delivered, dc.calls.length);
    for (const label of ['没有按期报年报', '个体工商户']) {
      const choice = choicesOf(r).find((c) => c.label === label);
      expect(choice, `choice ${label}`).toBeDefined();
      r = await exchange(() => press(choice as Choice), delivered, dc.calls.length);
    }
    r = await exchange(
      () => dc.userMessage(alice, DESCRIPTION, { replyToBot: true }),
      delivered,
      dc.calls.length,
    );
    expect(r.determination.path).toBe('tolerant-repair-annual-report');

    const draft = choicesOf(r).find((c) => c.label === '生成文书') as Choice;
    r = await exchange(() => press(draft), delivered, dc.calls.length);
    const dmId = dc.dmChannelOf(alice.id);
    expect(dmId).toBeDefined();

    let doc: DcCall | undefined;
    for (let step = 0; step < 20 && !doc; step++) {
      const mark = dc.calls.length;
      r = choicesOf(r).length
        ? await exchange(() => press(preferred(r), true), delivered, mark)
        : await exchange(() => dc.userMessage(alice, answerFor(r), { dm: true }), delivered, mark);
      doc = dc.calls.slice(mark).find((c) => c.files.length > 0);
    }
    expect(doc, 'an attachment was sent').toBeDefined();
    expect(doc?.files[0]?.name).toMatch(/\.docx$/);
    const text = await docxText(doc?.files[0]?.bytes as Uint8Array);
    expect(text).toContain(NAME);

    const outsideDm = dc.calls.filter((c) => isPost(c) && dc.channelOf(c) !== dmId);
    expect(outsideDm.length).toBeGreaterThan(0);
    expect(outsideDm.map(sentContent).join('\n')).not.toContain(NAME);
  });
});
