// Privacy: idle sessions are purged after the retention time, /forget removes everything stored
// for that user, and no name, credit code or phone number reaches the logs — even at trace level.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DiscordAPIError } from 'discord.js';
import { TelegramError } from 'telegraf';
import { afterAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../dialogs/engine.ts';
import { createLogger, silentLogger } from '../../dialogs/log.ts';
import { type Session, waitingFor } from '../../dialogs/session.ts';
import { dirStore, lowdbStore } from '../../dialogs/store.ts';
import type { Turn } from '../../dialogs/types.ts';
import { textOf } from '../dialogs/transcript.ts';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'crb-privacy-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const DAY = 86_400_000;
const NAME = '通城县隽水镇王小明副食店';
const PERSON = '王小明';
const CODE = '92421222MA4C1DT5X9';
const PHONE = '13912345678';

/** every file under dir, as one string */
function onDisk(dir: string): string {
  if (!existsSync(dir)) return '';
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => readFileSync(join(e.parentPath, e.name), 'utf8'))
    .join('\n');
}

const stores = [
  ['lowdb', (dir: string) => lowdbStore<Session>({ dir, log: silentLogger })],
  ['per-session files', (dir: string) => dirStore<Session>({ dir, log: silentLogger })],
] as const;

describe.each(stores)('retention and /forget (%s store)', (_, makeStore) => {
  it('purges sessions idle longer than the retention time, also from disk', async () => {
    const dir = tempDir();
    let now = new Date('2026-11-01T10:00:00+08:00');
    const engine = await createEngine({
      store: makeStore(dir),
      log: silentLogger,
      now: () => now,
      ttlMs: 7 * DAY,
    });
    const old = { channel: 'telegram', chatId: '1', userId: '1' } as const;
    const recent = { channel: 'telegram', chatId: '2', userId: '2' } as const;
    await engine.handle({ ...old, text: `我们是${NAME}，没报年报被列入经营异常名录了` });
    now = new Date(now.getTime() + 6 * DAY);
    await engine.handle({ ...recent, text: '/start' });
    now = new Date(now.getTime() + 2 * DAY);
    await engine.close();
    // a restarted bot, whose store knows the old session only from disk
    const again = await createEngine({
      store: makeStore(dir),
      log: silentLogger,
      now: () => now,
      ttlMs: 7 * DAY,
    });
    expect(await again.purgeExpired()).toBe(1);
    await again.close();
    expect(onDisk(dir)).not.toContain(NAME.slice(3));
    const keys: string[] = [];
    for await (const [k] of again.store.entries()) keys.push(k);
    expect(keys).toEqual(['telegram:2:2']);
  });

  it('an expired session is not resumed even before the purge runs', async () => {
    const dir = tempDir();
    let now = new Date('2026-11-01T10:00:00+08:00');
    const engine = await createEngine({
      store: makeStore(dir),
      log: silentLogger,
      now: () => now,
      ttlMs: 7 * DAY,
    });
    const key = { channel: 'telegram', chatId: '3', userId: '3' } as const;
    await engine.handle({ ...key, text: '/set entityType=individual listed=true' });
    now = new Date(now.getTime() + 8 * DAY);
    await engine.handle({ ...key, text: '你好' });
    expect((await engine.getCase(key)).facts).toEqual({});
  });

  it('/forget removes everything of that user, and only of that user', async () => {
    const dir = tempDir();
    const engine = await createEngine({ store: makeStore(dir), log: silentLogger });
    const me = { channel: 'telegram', chatId: '10', userId: '10' } as const;
    const other = { channel: 'telegram', chatId: '11', userId: '11' } as const;
    await engine.handle({ ...me, text: `${PERSON}，电话${PHONE}，我们${NAME}被列入经营异常名录了` });
    await engine.handle({ ...other, text: '有限公司被列入经营异常名录了' });
    await engine.close();
    expect(onDisk(dir)).toContain(PERSON);
    const r = await engine.handle({ ...me, text: '/forget' });
    expect(textOf(r.replies)).not.toBe('');
    await engine.close();
    const disk = onDisk(dir);
    for (const secret of [PERSON, PHONE, NAME]) expect(disk).not.toContain(secret);
    expect(disk).toContain('有限公司');
    expect((await engine.getCase(me)).history).toEqual([]);
  });
});

describe('logs', () => {
  it('hold no name, credit code or phone number, at trace level, through a whole case and a draft', async () => {
    const lines: string[] = [];
    const log = createLogger({
      level: 'trace',
      destination: { write: (l: string) => void lines.push(l) } as never,
    });
    const dir = tempDir();
    let now = new Date('2026-11-26T10:00:00+08:00');
    const engine = await createEngine({ dataDir: dir, log, now: () => now, ttlMs: DAY });
    const key = { channel: 'telegram', chatId: '7', userId: '7', addressed: true } as const;
    const say = async (t: Partial<Turn>) => textOf((await engine.handle({ ...key, ...t })).replies);
    await say({ text: '/start' });
    await say({
      text: `我是${PERSON}，${NAME}的经营者，电话${PHONE}，统一社会信用代码${CODE}，2021年没报年报被列入经营异常名录了`,
    });
    // answer whatever is still asked with the first offered choice, until the result is shown
    for (let i = 0; i < 12; i++) {
      const s = await engine.store.read('telegram:7:7');
      if (waitingFor(s)?.kind !== 'fact') break;
      await say({ choiceId: s?.choices[0]?.id ?? 'v:?' });
    }
    await say({ text: '/draft repair-application' });
    const answers: Record<string, string> = {
      name: NAME,
      creditCode: CODE,
      representative: PERSON,
      phone: PHONE,
      address: '通城县隽水镇某某路1号',
    };
    let delivered = false;
    for (let i = 0; i < 20 && !delivered; i++) {
      const s = (await engine.store.read('telegram:7:7')) as Session;
      const p = waitingFor(s);
      if (p?.kind === 'draft-field') await say({ text: answers[p.field] ?? '跳过' });
      else if (p?.kind === 'draft-confirm') {
        const r = await engine.handle({ ...key, choiceId: 'k:ok' });
        delivered = r.replies.some((x) => x.kind === 'file');
      } else if (p?.kind === 'fact') await say({ choiceId: 'v:?' });
      else break;
    }
    expect(delivered).toBe(true);
    await say({ text: `再说一遍，我的电话是${PHONE}` });
    // operator events that must be logged, so the sink is known to work
    now = new Date(now.getTime() + 2 * DAY);
    expect(await engine.purgeExpired()).toBe(1);
    await engine.close();
    const out = lines.join('');
    expect(out).toMatch(/purged expired sessions/);
    for (const secret of [PERSON, NAME, CODE, PHONE, CODE.toLowerCase()]) expect(out).not.toContain(secret);
  });
});

describe('failed sends', () => {
  const TOKEN = '123456789:AAEabcdefghijklmnopqrstuvwxyz012345';

  /** what telegraf throws: the whole request rides along in `on.payload` */
  function telegramError() {
    const err = new TelegramError(
      { error_code: 400, description: 'Bad Request: message is too long' },
      { method: 'sendMessage', payload: { chat_id: 7, text: `草稿摘要：${NAME}，${CODE}，电话${PHONE}` } },
    );
    // a network error's extra: the request URL, token and all
    return Object.assign(err, { url: `https://api.telegram.org/bot${TOKEN}/sendMessage` });
  }

  /** what discord.js throws: the request body and the raw answer */
  function discordError() {
    return new DiscordAPIError(
      {
        code: 50035,
        message: 'Invalid Form Body',
        errors: {
          content: {
            _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 2000 or fewer in length.' }],
          },
        },
      },
      50035,
      400,
      'POST',
      'https://discord.com/api/v10/webhooks/1/interaction-token/messages/@original',
      { body: { content: `${PERSON} ${PHONE}` }, files: [] },
    );
  }

  it('keep the error type, message and codes but never the payload, nor the token', () => {
    const lines: string[] = [];
    const log = createLogger({
      level: 'trace',
      secrets: [TOKEN],
      destination: { write: (l: string) => void lines.push(l) },
    });
    log.error({ err: telegramError(), chatId: '7' }, 'could not deliver replies');
    log.warn({ err: discordError() }, 'could not open a DM');
    log.warn({ error: telegramError(), attempt: 1 }, 'Telegram call failed, retrying');
    log.error(telegramError());
    log.info(`calling https://api.telegram.org/bot${TOKEN}/getMe`);
    const out = lines.join('');
    for (const secret of [NAME, CODE, PHONE, PERSON, TOKEN, 'interaction-token']) {
      expect(out).not.toContain(secret);
    }
    const [tg, dc] = lines.map((l) => JSON.parse(l));
    expect(tg.err).toMatchObject({
      type: 'TelegramError',
      code: 400,
      message: '400: Bad Request: message is too long',
      response: { error_code: 400, description: 'Bad Request: message is too long' },
      method: 'sendMessage',
    });
    expect(tg.err.on).toBeUndefined();
    expect(tg.err.url).toBeUndefined();
    expect(dc.err).toMatchObject({ type: 'DiscordAPIError', status: 400, code: 50035 });
    expect(dc.err.url).toBeUndefined();
    expect(dc.err.requestBody).toBeUndefined();
    expect(dc.err.rawError).toBeUndefined();
    expect(out).toContain('bot[redacted]/getMe');
  });

  it('refuse an unknown log level with a message naming the variable', () => {
    expect(() => createLogger({ level: 'verbose' })).toThrow(/CREDIT_BOT_LOG_LEVEL.*verbose.*debug/);
  });
});
