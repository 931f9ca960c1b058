import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger, silentLogger } from '../../dialogs/log.ts';
import { lowdbStore, memoryStore } from '../../dialogs/store.ts';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'crb-store-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) chmodSync(d, 0o755);
});

describe('lowdb session store', () => {
  it('keeps sessions across a restart once flushed', async () => {
    const dir = tempDir();
    const a = lowdbStore<{ n: number }>({ dir, log: silentLogger });
    await a.write('console:local:me', { n: 1 });
    await a.write('telegram:1:2', { n: 2 });
    await a.delete('telegram:1:2');
    await a.flush();
    const b = lowdbStore<{ n: number }>({ dir, log: silentLogger });
    expect(await b.read('console:local:me')).toEqual({ n: 1 });
    expect(await b.read('telegram:1:2')).toBeUndefined();
  });

  it('coalesces a burst of writes into one file rewrite', async () => {
    const dir = tempDir();
    const store = lowdbStore<{ n: number }>({ dir, log: silentLogger, flushMs: 10_000 });
    for (let i = 0; i < 50; i++) await store.write(`k${i}`, { n: i });
    // nothing written yet: the burst waits for the timer or a flush
    expect(existsSync(join(dir, 'sessions.json'))).toBe(false);
    await store.flush();
    const data = JSON.parse(readFileSync(join(dir, 'sessions.json'), 'utf8'));
    expect(Object.keys(data.sessions)).toHaveLength(50);
  });

  it('moves a corrupt file aside, keeps it, and starts fresh', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'sessions.json'), '{"sessions": {"a": ');
    const lines: string[] = [];
    const log = createLogger({
      level: 'error',
      destination: { write: (l: string) => lines.push(l) } as never,
    });
    const store = lowdbStore<{ n: number }>({ dir, log });
    expect(await store.read('a')).toBeUndefined();
    const aside = readdirSync(dir).filter((f) => f.startsWith('sessions.json.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dir, aside[0] as string), 'utf8')).toBe('{"sessions": {"a": ');
    expect(lines.join('')).toMatch(/corrupt/);
    await store.write('b', { n: 1 });
    await store.flush();
    expect(JSON.parse(readFileSync(join(dir, 'sessions.json'), 'utf8')).sessions.b).toEqual({ n: 1 });
  });

  it('keeps answering from memory when the directory is read-only', async () => {
    if (process.getuid?.() === 0) {
      // root ignores permission bits; simulate an unwritable location with a file in the way instead
      const dir = tempDir();
      writeFileSync(join(dir, 'blocker'), 'x');
      const lines: string[] = [];
      const log = createLogger({
        level: 'error',
        destination: { write: (l: string) => lines.push(l) } as never,
      });
      const store = lowdbStore<{ n: number }>({ dir: join(dir, 'blocker', 'data'), log });
      await store.write('a', { n: 1 });
      await store.flush();
      expect(await store.read('a')).toEqual({ n: 1 });
      expect(store.persistent()).toBe(false);
      expect(lines.join('')).toMatch(/memory only|without persistence/);
      return;
    }
    const dir = tempDir();
    chmodSync(dir, 0o555);
    const store = lowdbStore<{ n: number }>({ dir, log: silentLogger });
    await store.write('a', { n: 1 });
    await store.flush();
    expect(await store.read('a')).toEqual({ n: 1 });
    expect(store.persistent()).toBe(false);
  });
});

describe('memory store', () => {
  it('reads, writes, deletes and lists', async () => {
    const s = memoryStore<number>();
    await s.write('a', 1);
    await s.write('b', 2);
    await s.delete('a');
    const all: [string, number][] = [];
    for await (const e of s.entries()) all.push(e);
    expect(all).toEqual([['b', 2]]);
  });
});
