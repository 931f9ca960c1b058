// The one-file-per-session store that keeps flush cost independent of how many sessions are stored.
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger, silentLogger } from '../../dialogs/log.ts';
import { dirStore, lowdbStore } from '../../dialogs/store.ts';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'crb-dirstore-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
const files = (dir: string) => readdirSync(join(dir, 'sessions')).filter((f) => f.endsWith('.json'));
const all = async <T>(s: { entries(): AsyncIterable<[string, T]> }) => {
  const out: Record<string, T> = {};
  for await (const [k, v] of s.entries()) out[k] = v;
  return out;
};

describe('dirStore', () => {
  it('keeps sessions across a restart, one file each, and deletes the file of a deleted session', async () => {
    const dir = tempDir();
    const a = dirStore<{ n: number }>({ dir, log: silentLogger });
    await a.write('telegram:1:1', { n: 1 });
    await a.write('telegram:2:2', { n: 2 });
    await a.write('console:local:me', { n: 3 });
    await a.delete('telegram:2:2');
    await a.flush();
    expect(files(dir)).toHaveLength(2);
    const b = dirStore<{ n: number }>({ dir, log: silentLogger });
    expect(await b.read('telegram:1:1')).toEqual({ n: 1 });
    expect(await b.read('telegram:2:2')).toBeUndefined();
    expect(await all(b)).toEqual({ 'telegram:1:1': { n: 1 }, 'console:local:me': { n: 3 } });
  });

  it('writes nothing until the flush, then only the sessions that changed', async () => {
    const dir = tempDir();
    const a = dirStore<{ n: number }>({ dir, log: silentLogger, flushMs: 10_000 });
    for (let i = 0; i < 50; i++) await a.write(`k${i}`, { n: i });
    expect(files(dir)).toHaveLength(0);
    await a.flush();
    expect(files(dir)).toHaveLength(50);
    const before = new Map(files(dir).map((f) => [f, readFileSync(join(dir, 'sessions', f), 'utf8')]));
    await a.write('k7', { n: 700 });
    await a.flush();
    const changed = files(dir).filter(
      (f) => readFileSync(join(dir, 'sessions', f), 'utf8') !== before.get(f),
    );
    expect(changed).toHaveLength(1);
  });

  it('with a small cache, sessions are read back from disk correctly', async () => {
    const dir = tempDir();
    const a = dirStore<{ n: number }>({ dir, log: silentLogger, cacheSize: 3, flushMs: 1 });
    for (let i = 0; i < 20; i++) await a.write(`k${i}`, { n: i });
    await a.flush();
    for (let i = 0; i < 20; i++) expect(await a.read(`k${i}`)).toEqual({ n: i });
    await a.write('k3', { n: 33 });
    // read back before and after the flush, when the cached copy may be evicted
    expect(await a.read('k3')).toEqual({ n: 33 });
    await a.flush();
    for (let i = 0; i < 20; i++) await a.read(`k${i}`);
    expect(await a.read('k3')).toEqual({ n: 33 });
    expect(Object.keys(await all(a))).toHaveLength(20);
  });

  it('takes over the sessions of an old lowdb sessions.json once', async () => {
    const dir = tempDir();
    const old = lowdbStore<{ n: number }>({ dir, log: silentLogger });
    await old.write('telegram:9:9', { n: 9 });
    await old.flush();
    const lines: string[] = [];
    const log = createLogger({
      level: 'info',
      destination: { write: (l: string) => void lines.push(l) } as never,
    });
    const a = dirStore<{ n: number }>({ dir, log });
    expect(await a.read('telegram:9:9')).toEqual({ n: 9 });
    await a.flush();
    await new Promise((r) => setTimeout(r, 20));
    expect(existsSync(join(dir, 'sessions.json'))).toBe(false);
    expect(existsSync(join(dir, 'sessions.json.migrated'))).toBe(true);
    expect(lines.join('')).toMatch(/one file per session/);
    const b = dirStore<{ n: number }>({ dir, log: silentLogger });
    expect(await b.read('telegram:9:9')).toEqual({ n: 9 });
  });

  it.runIf(existsSync('/dev/full'))(
    'once the disk is full, a deleted session still loses its file and saved sessions stay readable',
    async () => {
      const dir = tempDir();
      const a = dirStore<{ n: number }>({ dir, log: silentLogger, cacheSize: 0 });
      await a.write('old', { n: 1 });
      await a.write('kept', { n: 2 });
      await a.flush();
      expect(files(dir)).toHaveLength(2);
      const { createHash } = await import('node:crypto');
      const name = `${createHash('sha256').update('new').digest('hex').slice(0, 32)}.json`;
      symlinkSync('/dev/full', join(dir, 'sessions', `${name}.${process.pid}.tmp`));
      await a.write('new', { n: 3 });
      await a.flush();
      expect(a.persistent()).toBe(false);
      await a.delete('old');
      await a.flush();
      expect(files(dir)).toHaveLength(1);
      expect(await a.read('kept')).toEqual({ n: 2 });
      expect(await a.read('new')).toEqual({ n: 3 });
      expect(await a.read('old')).toBeUndefined();
    },
  );

  it('removes temporary files left by a crash', async () => {
    const dir = tempDir();
    const a = dirStore<{ n: number }>({ dir, log: silentLogger });
    await a.write('k', { n: 1 });
    await a.flush();
    writeFileSync(join(dir, 'sessions', 'abc.json.1234.tmp'), '{"k":"k","v":');
    const b = dirStore<{ n: number }>({ dir, log: silentLogger });
    await b.flush();
    expect(readdirSync(join(dir, 'sessions')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(await b.read('k')).toEqual({ n: 1 });
  });
});
