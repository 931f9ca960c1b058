import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { serve } from '../../bots/commands/serve.ts';
import { loadBotConfig } from '../../bots/config.ts';
import { UsageError } from '../../bots/usage-error.ts';
import { createLogger } from '../../dialogs/log.ts';
import { startFakeDiscord } from '../fakes/discord-server.ts';
import { createFakeEngine } from '../fakes/engine.ts';
import { startFakeTelegram } from '../fakes/telegram-server.ts';

const TG_TOKEN = '123456789:AAEabcdefghijklmnopqrstuvwxyz012345';
const DC_TOKEN = 'OTAwMDAwMDAwMDAwMDAwMDAx.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789AB';
const APP_ID = '900000000000000001';
const ROOT = join(import.meta.dirname, '..', '..');

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('bot configuration', () => {
  it('names the malformed variable without echoing its value', () => {
    const bad = 'bot123456:short';
    const err = (() => {
      try {
        loadBotConfig({ TELEGRAM_BOT_TOKEN: bad });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(err).toBeInstanceOf(UsageError);
    expect(err?.message).toMatch(/TELEGRAM_BOT_TOKEN is malformed/);
    expect(err?.message).not.toContain(bad);
  });

  it('wants the Discord app id with the token, and checks URLs and ports', () => {
    expect(() => loadBotConfig({ DISCORD_BOT_TOKEN: DC_TOKEN })).toThrow(/DISCORD_APP_ID is missing/);
    expect(() =>
      loadBotConfig({ TELEGRAM_BOT_TOKEN: TG_TOKEN, TELEGRAM_API_ROOT: 'localhost:8081' }),
    ).toThrow(/TELEGRAM_API_ROOT must be an http\(s\) URL/);
    expect(() =>
      loadBotConfig({
        TELEGRAM_BOT_TOKEN: TG_TOKEN,
        TELEGRAM_WEBHOOK_URL: 'https://x.org/h',
        TELEGRAM_WEBHOOK_PORT: '99999',
      }),
    ).toThrow(/TELEGRAM_WEBHOOK_PORT must be a port number/);
    expect(() => loadBotConfig({ CREDIT_BOT_RATE_LIMIT: 'lots' })).toThrow(/CREDIT_BOT_RATE_LIMIT/);
  });

  it('reads a full configuration', () => {
    const c = loadBotConfig({
      TELEGRAM_BOT_TOKEN: TG_TOKEN,
      TELEGRAM_WEBHOOK_URL: 'https://bot.example.org/tg',
      DISCORD_BOT_TOKEN: DC_TOKEN,
      DISCORD_APP_ID: APP_ID,
      DISCORD_GUILD_ID: '800000000000000001',
      CREDIT_BOT_RATE_LIMIT: '10',
    });
    expect(c.telegram).toEqual({
      token: TG_TOKEN,
      webhook: { url: 'https://bot.example.org/tg', port: 8443 },
    });
    expect(c.discord).toEqual({ token: DC_TOKEN, appId: APP_ID, guildId: '800000000000000001' });
    expect(c.rateLimitPerMinute).toBe(10);
    expect(c.secrets).toEqual([TG_TOKEN, DC_TOKEN]);
  });

  it('keeps tokens out of the logs, even inside error messages', () => {
    const lines: string[] = [];
    const log = createLogger({
      secrets: [TG_TOKEN],
      destination: { write: (l: string) => void lines.push(l) },
    });
    log.error({ err: new Error(`request to https://api.telegram.org/bot${TG_TOKEN}/getMe failed`) }, 'boom');
    log.info({ token: 'some-other-secret-value' }, 'configured');
    const out = lines.join('');
    expect(out).toContain('/bot[redacted]/getMe');
    expect(out).not.toContain(TG_TOKEN);
    expect(out).not.toContain('some-other-secret-value');
  });
});

describe('credit-bot serve', () => {
  it('says how to configure when nothing is configured', async () => {
    const engine = createFakeEngine();
    await expect(serve({ env: {}, createEngine: async () => engine })).rejects.toThrow(
      /nothing to serve: set TELEGRAM_BOT_TOKEN .*DISCORD_BOT_TOKEN and DISCORD_APP_ID/,
    );
  });

  it('starts Telegram and Discord on one engine, says so, and stops cleanly closing the engine', async () => {
    const tg = await startFakeTelegram({ token: TG_TOKEN });
    const dc = await startFakeDiscord({ token: DC_TOKEN, appId: APP_ID });
    cleanups.push(tg.close, dc.close);
    const engine = createFakeEngine();
    const said: string[] = [];
    const abort = new AbortController();
    const log = createLogger({ level: 'silent' });
    let engineLog: unknown;
    const running = serve({
      env: {
        TELEGRAM_BOT_TOKEN: TG_TOKEN,
        TELEGRAM_API_ROOT: tg.apiRoot,
        DISCORD_BOT_TOKEN: DC_TOKEN,
        DISCORD_APP_ID: APP_ID,
        DISCORD_API_ROOT: dc.api,
      },
      createEngine: async (_env, shared) => {
        engineLog = shared;
        return engine;
      },
      log,
      say: (l) => said.push(l),
      signal: abort.signal,
    });
    await expect.poll(() => said.filter((l) => l.includes('started')).length).toBe(2);
    // the engine logs through the same logger as the adapters (same redaction and serializers)
    expect(engineLog).toBe(log);
    expect(said.join('\n')).toMatch(/Telegram @credit_repair_bot \(long polling\)/);
    expect(said.join('\n')).toMatch(/Discord credit-bot \(global commands\)/);
    expect(said.join('\n')).toMatch(/not configured: web/);

    // Both channels feed the same engine.
    tg.sendText({ id: 5, type: 'private' }, { id: 5, is_bot: false, first_name: 'A' }, '你好');
    dc.userMessage(
      { id: '300000000000000005', username: 'a', discriminator: '0', global_name: 'a', avatar: null },
      '你好',
      {
        dm: true,
      },
    );
    await expect.poll(() => engine.turns.map((t) => t.channel).sort()).toEqual(['discord', 'telegram']);

    abort.abort();
    await running;
    expect(engine.closed).toBe(true);
    expect(said.at(-1)).toMatch(/stopped/);
  });

  it('reports a channel that cannot start (token rejected) as a usage error and closes the engine', async () => {
    const tg = await startFakeTelegram({ token: '999:other-token-abcdefghijklmnopqrstuvwxyz' });
    cleanups.push(tg.close);
    const engine = createFakeEngine();
    const err = await serve({
      env: { TELEGRAM_BOT_TOKEN: TG_TOKEN, TELEGRAM_API_ROOT: tg.apiRoot },
      createEngine: async () => engine,
      log: createLogger({ level: 'silent' }),
      say: () => {},
    }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as Error).message).toMatch(/could not start telegram: .*401.*check TELEGRAM_BOT_TOKEN/);
    expect((err as Error).message).not.toContain(TG_TOKEN);
    expect(engine.closed).toBe(true);
  });

  it('as a command: an unknown CREDIT_BOT_LOG_LEVEL is a usage error naming the variable', async () => {
    for (const [command, env] of [
      ['serve', { TELEGRAM_BOT_TOKEN: TG_TOKEN }],
      ['web', { CREDIT_BOT_STAFF_TOKEN: 'a-staff-token-0123456789' }],
    ] as const) {
      const r = await runCli([command], { ...env, CREDIT_BOT_LOG_LEVEL: 'loud' });
      expect(r.code, command).toBe(2);
      expect(r.stderr, command).toMatch(/CREDIT_BOT_LOG_LEVEL/);
      expect(r.stderr, command).not.toMatch(/internal error/);
    }
  });

  it('as a command: exits 2 with a one-line hint when unconfigured; with Telegram, serves until SIGTERM', async () => {
    const unconfigured = await runCli(['serve'], {});
    expect(unconfigured.code).toBe(2);
    expect(unconfigured.stderr.trim().split('\n')).toHaveLength(1);
    expect(unconfigured.stderr).toMatch(/nothing to serve: set TELEGRAM_BOT_TOKEN/);

    const tg = await startFakeTelegram({ token: TG_TOKEN });
    const dataDir = await mkdtemp(join(tmpdir(), 'credit-bot-serve-'));
    cleanups.push(tg.close, () => rm(dataDir, { recursive: true, force: true }));
    const child = spawn(process.execPath, ['bin/credit-bot.js', 'serve'], {
      cwd: ROOT,
      env: cliEnv({
        TELEGRAM_BOT_TOKEN: TG_TOKEN,
        TELEGRAM_API_ROOT: tg.apiRoot,
        CREDIT_BOT_DATA_DIR: dataDir,
      }),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    cleanups.push(async () => {
      if (child.exitCode === null) child.kill('SIGKILL');
    });
    await expect.poll(() => stdout, { timeout: 20_000 }).toMatch(/started: Telegram @credit_repair_bot/);

    const mark = tg.calls.length;
    tg.sendText({ id: 5, type: 'private' }, { id: 5, is_bot: false, first_name: 'A' }, '/start');
    const reply = await tg.waitFor((c) => c.method === 'sendMessage', mark, 20_000);
    expect(String(reply.params.text).length).toBeGreaterThan(0);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stdout).toMatch(/stopped/);
    expect(stderr).not.toContain(TG_TOKEN);
  });
});

function cliEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of Object.keys(env)) {
    if (/^(TELEGRAM_|DISCORD_|CREDIT_BOT_)/.test(k)) delete env[k];
  }
  return { ...env, CREDIT_BOT_LOG_LEVEL: 'warn', ...extra };
}

function runCli(args: string[], extra: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['bin/credit-bot.js', ...args], { cwd: ROOT, env: cliEnv(extra) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}
