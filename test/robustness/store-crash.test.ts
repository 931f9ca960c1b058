// The session store under crashes and broken disks: kill -9 in the middle of writing, a corrupt or
// unreadable file, a data directory that cannot be written (also when running as root, where
// permission bits do not stop writes: a path under a regular file, and /dev/full).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../dialogs/engine.ts';
import { createLogger } from '../../dialogs/log.ts';
import type { Session } from '../../dialogs/session.ts';
import { dirStore, lowdbStore } from '../../dialogs/store.ts';
import { FIXED_NOW, textOf } from '../dialogs/transcript.ts';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'crb-robust-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function capture(level = 'info') {
  const lines: string[] = [];
  const log = createLogger({ level, destination: { write: (l: string) => void lines.push(l) } as never });
  return { log, lines, text: () => lines.join('') };
}

const root = new URL('../../', import.meta.url).pathname;

/** Starts the writer, kills it with SIGKILL after `afterFlushes` flushes plus `extraMs`. */
function killMidWrite(dir: string, kind: string, afterFlushes: number, extraMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/run-ts.js', 'test/robustness/crash-writer.ts', dir, kind], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let flushed = 0;
    let armed = false;
    let err = '';
    child.stderr.on('data', (c: Buffer) => {
      err += c.toString();
    });
    child.stdout.on('data', (c: Buffer) => {
      for (const m of c.toString().matchAll(/flushed (\d+)/g)) flushed = Math.max(flushed, Number(m[1]));
      if (!armed && flushed >= afterFlushes) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), extraMs);
      }
    });
    // 'close', not 'exit': by then every line the writer printed before dying has been read
    child.on('close', (code, signal) => {
      if (signal === 'SIGKILL') resolve(flushed);
      else reject(new Error(`writer ended by itself (code ${code}): ${err.slice(0, 500)}`));
    });
  });
}

describe.each(['lowdb', 'files'] as const)('%s store killed with SIGKILL mid-write', (kind) => {
  it('reopens with the old or the new state, never a broken file', async () => {
    const open = (dir: string, log: ReturnType<typeof capture>['log']) =>
      kind === 'files'
        ? dirStore<{ n: number; pad: string }>({ dir, log })
        : lowdbStore<{ n: number; pad: string }>({ dir, log });
    const rounds = [
      [2, 0],
      [3, 3],
      [5, 7],
      [4, 1 + Math.floor(Math.random() * 12)],
    ] as const;
    await Promise.all(
      rounds.map(async ([after, extra]) => {
        const dir = tempDir();
        const flushed = await killMidWrite(dir, kind, after, extra);
        const cap = capture();
        const store = open(dir, cap.log);
        const seen = new Set<number>();
        let count = 0;
        for await (const [, v] of store.entries()) {
          count++;
          seen.add(v.n);
          expect(v.pad).toBe('信用修复'.repeat(500));
          // at least what was reported flushed; at most the flush in progress when killed
          expect(v.n).toBeGreaterThanOrEqual(flushed);
          expect(v.n).toBeLessThanOrEqual(flushed + 1);
        }
        expect(count).toBe(40);
        // lowdb rewrites one file: every session comes from the same flush
        if (kind === 'lowdb') expect(seen.size).toBe(1);
        expect(cap.text()).not.toMatch(/corrupt|unreadable/);
        expect(readdirSync(dir).filter((f) => f.includes('corrupt'))).toEqual([]);
      }),
    );
  });
});

describe('damaged session files', () => {
  it('a corrupt lowdb file is moved aside and the bot answers from a fresh start', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'sessions.json'), '\u0000\u0000{"version":1,"sess');
    const cap = capture('error');
    const engine = await createEngine({ dataDir: dir, log: cap.log, now: () => FIXED_NOW });
    const r = await engine.handle({ channel: 'console', chatId: 'c', userId: 'u', text: '/start' });
    expect(textOf(r.replies)).toMatch(/信用修复助手/);
    await engine.close();
    expect(cap.text()).toMatch(/corrupt/);
    expect(readdirSync(dir).some((f) => f.startsWith('sessions.json.corrupt-'))).toBe(true);
  });

  it('a corrupt per-session file is moved aside; other sessions are kept', async () => {
    const dir = tempDir();
    const cap = capture('error');
    const a = dirStore<{ n: number }>({ dir, log: cap.log });
    await a.write('k1', { n: 1 });
    await a.write('k2', { n: 2 });
    await a.flush();
    const folder = join(dir, 'sessions');
    const [first] = readdirSync(folder).sort();
    writeFileSync(join(folder, first as string), '{"k":"k1","v":{"n":');
    const b = dirStore<{ n: number }>({ dir, log: cap.log });
    const values = [await b.read('k1'), await b.read('k2')];
    expect(values.filter(Boolean)).toHaveLength(1);
    expect(cap.text()).toMatch(/corrupt/);
    expect(readdirSync(folder).some((f) => f.includes('.corrupt-'))).toBe(true);
  });

  it('an unreadable lowdb file (a directory in its place) is logged and the bot still answers', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'sessions.json'));
    const cap = capture('error');
    const engine = await createEngine({ dataDir: dir, log: cap.log, now: () => FIXED_NOW });
    const r = await engine.handle({ channel: 'console', chatId: 'c', userId: 'u', text: '/start' });
    expect(textOf(r.replies)).toMatch(/信用修复助手/);
    await engine.close();
    expect(cap.text()).toMatch(/unreadable|without persistence/);
  });
});

describe('a data directory that cannot be written', () => {
  const key = { channel: 'console', chatId: 'c', userId: 'u' } as const;

  async function converse(
    store: ReturnType<typeof lowdbStore<Session>>,
    log: ReturnType<typeof capture>['log'],
  ) {
    const engine = await createEngine({ store, log, now: () => FIXED_NOW });
    await engine.handle({ ...key, text: '/start' });
    const r1 = await engine.handle({ ...key, choiceId: 'm:repair' });
    await engine.close();
    const r2 = await engine.handle({ ...key, text: '个体工商户' });
    await engine.close();
    return { engine, r1, r2 };
  }

  it('below a regular file: sessions stay in memory, the bot keeps answering and says why once', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'blocker'), 'x');
    for (const make of [lowdbStore<Session>, dirStore<Session>]) {
      const cap = capture('error');
      const store = make({ dir: join(dir, 'blocker', 'data'), log: cap.log });
      const { engine, r1, r2 } = await converse(store, cap.log);
      expect(textOf(r1.replies)).not.toBe('');
      // the interview went on from memory: the answer was taken, the next question asked
      expect((await engine.getCase(key)).facts.entityType).toBe('individual');
      expect(textOf(r2.replies)).not.toMatch(/出了问题/);
      expect(store.persistent()).toBe(false);
      expect(cap.text()).toMatch(/memory only|without persistence/);
      expect(cap.lines.length).toBeLessThanOrEqual(2);
    }
  });

  it.runIf(existsSync('/dev/full'))('a full disk (/dev/full): same', async () => {
    for (const kind of ['lowdb', 'files'] as const) {
      const dir = tempDir();
      // every write to the session file lands on a device that is always full
      const target = kind === 'lowdb' ? dir : join(dir, 'sessions');
      mkdirSync(target, { recursive: true });
      const cap = capture('error');
      // lowdb (steno) writes a temp file next to sessions.json, then renames it: the temp file
      // is the one that must hit the full device
      symlinkSync('/dev/full', join(dir, '.sessions.json.tmp'));
      const store =
        kind === 'lowdb'
          ? lowdbStore<Session>({ dir, log: cap.log })
          : dirStore<Session>({ dir, log: cap.log });
      if (kind === 'files') {
        // after the start-up clean-up of temporary files, route the session's temp file to /dev/full
        await store.flush();
        const { createHash } = await import('node:crypto');
        const name = `${createHash('sha256').update('console:c:u').digest('hex').slice(0, 32)}.json`;
        symlinkSync('/dev/full', join(target, `${name}.${process.pid}.tmp`));
      }
      const { engine, r2 } = await converse(store, cap.log);
      expect(textOf(r2.replies)).not.toMatch(/出了问题/);
      expect((await engine.getCase(key)).facts.entityType).toBe('individual');
      expect(store.persistent()).toBe(false);
      expect(cap.text()).toMatch(/ENOSPC|no space/i);
      expect(cap.text()).toMatch(/without persistence/);
    }
  });
});
