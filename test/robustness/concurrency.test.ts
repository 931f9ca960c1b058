// Turns of one session run one after another: many messages at once for the same user lose no fact,
// also with a store that answers slowly and hands out copies (as any store that persists does).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../dialogs/engine.ts';
import { silentLogger } from '../../dialogs/log.ts';
import { newSession, type Session } from '../../dialogs/session.ts';
import { dirStore, memoryStore, type Store } from '../../dialogs/store.ts';
import { FACT_KINDS, type FactName } from '../../rules/types.ts';
import { FIXED_NOW } from '../dialogs/transcript.ts';

/** A store that takes a random few milliseconds per call and never shares objects with callers. */
function slowCopyingStore(): Store<Session> {
  const inner = memoryStore<Session>();
  let seed = 1;
  const pause = () =>
    new Promise<void>((r) => {
      seed = (seed * 16807) % 2147483647;
      setTimeout(r, seed % 4);
    });
  return {
    read: async (k) => {
      await pause();
      const v = await inner.read(k);
      return v && structuredClone(v);
    },
    write: async (k, v) => {
      await pause();
      await inner.write(k, structuredClone(v));
    },
    delete: async (k) => {
      await pause();
      await inner.delete(k);
    },
    entries: () => inner.entries(),
    flush: () => inner.flush(),
  };
}

const BOOLEANS = (Object.keys(FACT_KINDS) as FactName[]).filter((f) => FACT_KINDS[f].kind === 'boolean');
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('concurrent turns for one session', () => {
  it('the slow copying store really loses updates when nothing serialises them', async () => {
    // the control: read-modify-write cycles run at once on this store overwrite each other
    const store = slowCopyingStore();
    await store.write('k', newSession(0));
    await Promise.all(
      BOOLEANS.map(async (f) => {
        const s = (await store.read('k')) as Session;
        s.facts[f] = true as never;
        await store.write('k', s);
      }),
    );
    const kept = Object.keys(((await store.read('k')) as Session).facts).length;
    expect(kept).toBeLessThan(BOOLEANS.length);
  });

  const stores: [string, () => Store<Session>][] = [
    ['slow copying store', slowCopyingStore],
    [
      'per-session files',
      () => {
        const dir = mkdtempSync(join(tmpdir(), 'crb-conc-'));
        dirs.push(dir);
        return dirStore<Session>({ dir, log: silentLogger, flushMs: 1, cacheSize: 0 });
      },
    ],
  ];

  it.each(stores)('/set from the staff console, all at once (%s): every fact kept', async (_, make) => {
    const store = make();
    const engine = await createEngine({ store, log: silentLogger, now: () => FIXED_NOW });
    const key = { channel: 'staff', chatId: 'hotline', userId: 'agent' } as const;
    const results = await Promise.all(
      BOOLEANS.map((f, i) => engine.handle({ ...key, text: `/set ${f}=${i % 2 === 0}` })),
    );
    expect(results).toHaveLength(BOOLEANS.length);
    await engine.close();
    const { facts } = await engine.getCase(key);
    for (const [i, f] of BOOLEANS.entries()) expect(facts[f], f).toBe(i % 2 === 0);
  });

  it.each(stores)('free text and setFacts interleaved (%s): every fact kept', async (_, make) => {
    const store = make();
    const engine = await createEngine({ store, log: silentLogger, now: () => FIXED_NOW });
    const texts = ['我是个体工商户', '因为没按时报年报被列入经营异常名录', '上一年度的纸质年报已经补报了'];
    // what each message says on its own (so this test does not depend on how good the NLU is)
    const expected: Record<string, unknown> = { listedYear: 2021, taxFiled: true };
    for (const [i, text] of texts.entries()) {
      const r = await engine.handle({ channel: 'telegram', chatId: `alone-${i}`, userId: 'x', text });
      Object.assign(expected, r.facts);
    }
    expect(Object.keys(expected).length).toBeGreaterThanOrEqual(5);
    const key = { channel: 'telegram', chatId: '42', userId: '42' } as const;
    await Promise.all([
      engine.handle({ ...key, text: texts[0] }),
      engine.setFacts(key, { listedYear: 2021 }),
      engine.handle({ ...key, text: texts[1] }),
      engine.setFacts(key, { taxFiled: true }),
      engine.handle({ ...key, text: texts[2] }),
    ]);
    const { facts } = await engine.getCase(key);
    expect(facts).toMatchObject(expected);
  });
});
