// The JSON files of the stores before the database are imported once at the first start and kept
// aside; a corrupt one is moved aside and does not stop the bot.
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../dialogs/log.ts';
import { newSession } from '../../dialogs/session.ts';
import { caseDesk } from '../../dialogs/storage/case-desk.ts';
import { openStorage } from '../../dialogs/storage/index.ts';
import { dirStore } from '../../dialogs/store.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('importing the old JSON stores', () => {
  it('takes over per-session files, a lowdb file and the web case index once, and keeps them aside', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crb-import-'));
    dirs.push(dir);
    const at = Date.parse('2026-11-25T09:00:00+08:00');
    const web = { ...newSession(at), facts: { entityType: 'individual' as const, listed: true } };
    web.history.push({ from: 'user', text: '我是个体户', at });
    const files = dirStore({ dir, log: silentLogger });
    await files.write('web:AbCdEfGh12:wang', web);
    await files.write('telegram:7:7', newSession(at));
    await files.flush();
    writeFileSync(
      join(dir, 'sessions.json'),
      JSON.stringify({ version: 1, sessions: { 'discord:9:9': newSession(at) } }),
    );
    writeFileSync(
      join(dir, 'web-cases.json'),
      JSON.stringify({
        cases: [
          {
            id: 'AbCdEfGh12',
            openedBy: 'wang',
            created: new Date(at).toISOString(),
            lastActivity: new Date(at).toISOString(),
            path: 'undetermined',
            eligible: null,
            draftFields: { name: '通城县隽水镇王小明副食店' },
            lastChoices: [],
          },
        ],
      }),
    );
    const now = () => new Date(at + 3_600_000);
    const storage = await openStorage({ dataDir: dir, now });
    expect((await storage.sessions.read('web:AbCdEfGh12:wang'))?.facts).toEqual(web.facts);
    expect(await storage.sessions.read('telegram:7:7')).toBeDefined();
    expect(await storage.sessions.read('discord:9:9')).toBeDefined();
    const rec = await storage.cases.get('AbCdEfGh12');
    expect(rec).toMatchObject({ openedBy: 'wang', company: '通城县隽水镇王小明副食店' });
    expect((await storage.cases.transcript('AbCdEfGh12')).map((l) => l.text)).toEqual(['我是个体户']);
    await storage.close();
    expect(readdirSync(dir).sort()).toEqual(
      expect.arrayContaining(['sessions.imported', 'sessions.json.imported', 'web-cases.json.imported']),
    );
    expect(existsSync(join(dir, 'sessions.json'))).toBe(false);

    // a second start finds nothing to import and keeps what is there
    const again = await openStorage({ dataDir: dir, now });
    expect((await caseDesk(again.db).search({})).total).toBe(3);
    await again.close();
  });

  it('moves a corrupt old file aside and starts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crb-import-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'web-cases.json'), '{"cases": [');
    const errors: string[] = [];
    const log = { info: () => {}, warn: () => {}, error: (_o: unknown, m: string) => void errors.push(m) };
    const storage = await openStorage({ dataDir: dir, log: log as never });
    expect((await caseDesk(storage.db).search({})).total).toBe(0);
    await storage.close();
    expect(errors.join()).toMatch(/corrupt/);
    expect(readdirSync(dir).some((f) => f.startsWith('web-cases.json.corrupt-'))).toBe(true);
  });
});
