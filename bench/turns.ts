// Turn benchmark, run in a child process per configuration so resident memory is that of one bot
// process holding N sessions: `node bin/run-ts.js bench/turns.ts --sessions 10000 --store files`.
// With --seed the process only stores N sessions in --dir and exits; the measuring process then
// opens that directory, as a bot restarting over 10,000 stored sessions would.
// The last stdout line is one JSON object (read by bench/run.ts).
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createEngine } from '../dialogs/engine.ts';
import { createLogger } from '../dialogs/log.ts';
import type { Session } from '../dialogs/session.ts';
import { openSessionStore } from '../dialogs/storage/index.ts';
import { dirStore, lowdbStore, memoryStore, type Store } from '../dialogs/store.ts';
import { median, percentile, rng, round } from './stats.ts';
import { newUser, type SimUser, step } from './users.ts';

const { values } = parseArgs({
  options: {
    sessions: { type: 'string', default: '10000' },
    store: { type: 'string', default: 'files' },
    seconds: { type: 'string', default: '3' },
    rate: { type: 'string', default: '1000' },
    dir: { type: 'string' },
    seed: { type: 'boolean', default: false },
  },
});
const N = Number(values.sessions);
const SECONDS = Number(values.seconds);
const RATE = Number(values.rate);
const storeKind = (['lowdb', 'memory', 'sqlite'] as const).find((k) => k === values.store) ?? 'files';

const dir = values.dir ?? mkdtempSync(join(tmpdir(), 'crb-bench-'));
const ownDir = !values.dir;
// Production logs at info to stderr; here the same logger writes to a sink so its cost is counted.
const log = createLogger({ level: 'info', destination: { write: () => true } as never });
const store: Store<Session> & { persistent(): boolean } =
  storeKind === 'lowdb'
    ? lowdbStore<Session>({ dir, log })
    : storeKind === 'memory'
      ? { ...memoryStore<Session>(), persistent: () => false }
      : storeKind === 'sqlite'
        ? Object.assign(await openSessionStore({ dataDir: dir, log }), { persistent: () => true })
        : dirStore<Session>({ dir, log });
const engine = await createEngine({ store, log, dataDir: dir });
const rssStartMb = process.memoryUsage().rss / 2 ** 20;
const r = rng(42);
const tick = () => new Promise<void>((res) => setImmediate(res));

// ---- seed N stored sessions, shaped by real conversations ----
let sessionBytes = 0;
let fullFlushMs = 0;
// a memory store cannot be handed over from the seeding process: it is seeded here
if (values.seed || ownDir || storeKind === 'memory') {
  const seedUsers = Array.from({ length: Math.min(N, 200) }, (_, i) => newUser(i, r));
  for (let round_ = 0; round_ < 14; round_++) for (const u of seedUsers) await step(engine, u, r);
  const templates: Session[] = [];
  for await (const [, s] of store.entries()) templates.push(s);
  for (let i = seedUsers.length; i < N; i++) {
    const s = structuredClone(templates[i % templates.length] as Session);
    await store.write(`telegram:${100000 + i}:${100000 + i}`, s);
  }
  sessionBytes = median(templates.map((s) => Buffer.byteLength(JSON.stringify(s))));
  const tFlush = performance.now();
  await store.flush();
  fullFlushMs = performance.now() - tFlush;
}
if (values.seed) {
  process.stdout.write(`${JSON.stringify({ sessionBytes, fullFlushMs: round(fullFlushMs, 1) })}\n`);
  process.exit(0);
}

function diskBytes(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.size;
  return readdirSync(path).reduce((sum, f) => sum + diskBytes(join(path, f)), 0);
}

// Users of the measured phases continue stored conversations (ids within N) and start a few new ones.
const pool: SimUser[] = Array.from({ length: Math.min(N, 1000) }, () =>
  newUser(Math.floor(r() * N * 1.02), r),
);

// ---- warm-up, then service time: one turn at a time, the event loop free in between ----
for (let i = 0; i < 2000; i++) await step(engine, pool[i % pool.length] as SimUser, r);
const service: number[] = [];
for (let i = 0; i < 5000; i++) {
  service.push(await step(engine, pool[Math.floor(r() * pool.length)] as SimUser, r));
  await tick();
}

// ---- throughput: up to 16 users typing back to back for SECONDS, flushes included ----
let done = 0;
const tEnd = performance.now() + SECONDS * 1000;
const t0 = performance.now();
const workers = Math.min(16, pool.length);
await Promise.all(
  Array.from({ length: workers }, async (_, k) => {
    const mine = pool.filter((_, i) => i % workers === k);
    while (performance.now() < tEnd) {
      await step(engine, mine[done % mine.length] as SimUser, r);
      done++;
      await tick();
    }
  }),
);
const turnsPerSec = done / ((performance.now() - t0) / 1000);

// ---- latency under load: messages arrive at RATE per second whatever the bot is doing; latency is
// arrival to answer, so store flushes and GC pauses that hold up the event loop count ----
const latency: number[] = [];
const busy = new Set<SimUser>();
const total = RATE * SECONDS;
const start = performance.now();
let sent = 0;
const inflight: Promise<void>[] = [];
while (sent < total) {
  const now = performance.now();
  while (sent < total && start + (sent * 1000) / RATE <= now) {
    const arrival = start + (sent * 1000) / RATE;
    let u = pool[Math.floor(r() * pool.length)] as SimUser;
    // a user already waiting for an answer rarely types again: try others first
    for (let tries = 0; busy.has(u) && tries < 20; tries++)
      u = pool[Math.floor(r() * pool.length)] as SimUser;
    busy.add(u);
    const user = u;
    inflight.push(
      step(engine, user, r).then(() => {
        latency.push(performance.now() - arrival);
        busy.delete(user);
      }),
    );
    sent++;
  }
  await tick();
}
await Promise.all(inflight);

// memory once the burst is over: V8 gives back pages some time after a full collection
const peakRssMb = process.memoryUsage().rss / 2 ** 20;
globalThis.gc?.();
await new Promise((r) => setTimeout(r, 500));
globalThis.gc?.();
const mem = process.memoryUsage();
const tClose = performance.now();
await engine.close();
const closeMs = performance.now() - tClose;
let stored = 0;
for await (const _ of store.entries()) stored++;
const result = {
  store: storeKind,
  sessions: N,
  storedAfter: stored,
  sessionBytes,
  diskMb: round(diskBytes(dir) / 2 ** 20, 1),
  fullFlushMs: round(fullFlushMs, 1),
  closeMs: round(closeMs, 1),
  serviceP50Ms: round(median(service)),
  serviceP99Ms: round(percentile(service, 99)),
  serviceMaxMs: round(Math.max(...service)),
  turnsPerSec: Math.round(turnsPerSec),
  loadRate: RATE,
  loadP50Ms: round(median(latency)),
  loadP99Ms: round(percentile(latency, 99)),
  loadMaxMs: round(Math.max(...latency)),
  rssMb: round(mem.rss / 2 ** 20, 1),
  heapMb: round(mem.heapUsed / 2 ** 20, 1),
  heapTotalMb: round(mem.heapTotal / 2 ** 20, 1),
  externalMb: round(mem.external / 2 ** 20, 1),
  rssStartMb: round(rssStartMb, 1),
  rssPeakMb: round(peakRssMb, 1),
  persistent: store.persistent(),
};
if (ownDir) rmSync(dir, { recursive: true, force: true });
process.stdout.write(`${JSON.stringify(result)}\n`);
