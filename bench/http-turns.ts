// Turns over the staff web API with N stored cases: `node bin/run-ts.js bench/http-turns.ts --cases 20000`.
// Seeds N cases (real sessions of real conversations, cloned) into a fresh SQLite data directory
// (or DATABASE_URL), starts `credit-bot web` as its own process over them, and keeps a few
// simulated callers busy; prints one JSON line: turns per second and latency percentiles.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Pool } from 'undici';
import { createEngine } from '../dialogs/engine.ts';
import { silentLogger } from '../dialogs/log.ts';
import type { Session } from '../dialogs/session.ts';
import { chinaDay, openSessionStore } from '../dialogs/storage/index.ts';
import { percentile, pick, rng, round } from './stats.ts';
import { UTTERANCES } from './users.ts';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '200' },
    clients: { type: 'string', default: '8' },
    seconds: { type: 'string', default: '6' },
    // a directory: the server writes a V8 CPU profile there when it exits (`node --cpu-prof`)
    'cpu-prof': { type: 'string' },
    client: { type: 'string', default: 'undici' },
    // turns before measuring (at least 1.5 s). V8 optimises a function called once per turn (the
    // NLU's, the flows') only after a few thousand turns, and until then its compiler threads take
    // CPU from the same two cores: after 600 the server was measured while still compiling (its
    // CPU per turn about a third above the settled figure). A console serving a hotline has
    // answered thousands of turns by mid-morning and runs for days: the default measures that
    // server; `--warmup-turns 600` one just restarted.
    'warmup-turns': { type: 'string', default: '5000' },
  },
});
const N = Number(values.cases);
const CLIENTS = Number(values.clients);
const SECONDS = Number(values.seconds);
const root = fileURLToPath(new URL('..', import.meta.url));
const TOKEN = `bench-${randomBytes(24).toString('hex')}`;
const dataDir = mkdtempSync(join(tmpdir(), 'crb-http-bench-'));
const r = rng(11);

// ---- seed: a few real conversations, cloned to N cases over the last days ----
const store = await openSessionStore({ dataDir, log: silentLogger });
const { cases, db } = store.storage;
{
  const engine = await createEngine({ store, log: silentLogger, purgeEveryMs: 0 });
  const templates: Session[] = [];
  for (let i = 0; i < 12; i++) {
    const c = await cases.create('bench');
    const key = { channel: 'web' as const, chatId: c.id, userId: 'bench' };
    await engine.handle({ ...key, text: '/start' });
    for (let t = 0; t < 6; t++) await engine.handle({ ...key, text: pick(r, UTTERANCES) });
    const s = await store.read(`web:${c.id}:bench`);
    if (s) templates.push(s);
  }
  const now = Date.now();
  await db.tx(async () => {
    for (let i = templates.length; i < N; i++) {
      const id = randomBytes(9).toString('base64url');
      const owner = `staff${i % 7}`;
      const at = now - Math.floor(r() * 5 * 86_400_000);
      await db.run(
        'INSERT INTO cases (id, session_key, channel, owner, created_at, updated_at, day) VALUES (?, ?, ?, ?, ?, ?, ?)',
        [id, `web:${id}:${owner}`, 'web', owner, at, at, chinaDay(at)],
      );
      const s = structuredClone(pick(r, templates));
      s.createdAt = at;
      s.updatedAt = at;
      for (const h of s.history) h.at = at;
      await store.write(`web:${id}:${owner}`, s);
    }
  });
}
await store.storage.close();

// ---- the server, its own process ----
const profileDir = values['cpu-prof'];
const server = spawn(
  process.execPath,
  [...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []), 'bin/credit-bot.js', 'web'],
  {
    cwd: root,
    env: {
      ...process.env,
      CREDIT_BOT_DATA_DIR: dataDir,
      CREDIT_BOT_WEB_PORT: '0',
      CREDIT_BOT_STAFF_TOKEN: TOKEN,
      // the console wants personal accounts; the bench drives the API with the token alone
      CREDIT_BOT_STAFF_SHARED_DESK: '1',
      CREDIT_BOT_LOG_LEVEL: 'error',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
const url = await new Promise<string>((resolve, reject) => {
  let out = '';
  server.stdout.on('data', (c: Buffer) => {
    out += c.toString();
    const m = /listening on (http:\/\/\S+)/.exec(out);
    if (m?.[1]) resolve(m[1].replace(/\/$/, ''));
  });
  server.on('exit', (code) => reject(new Error(`credit-bot web exited (${code})`)));
});
const headers = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
// The callers share the cores with the server, so the client is kept lean: undici's Pool with one
// kept-alive connection per caller (`--client http`: node:http with a keep-alive agent, for comparison).
const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
function callHttp(method: string, path: string, body?: string): Promise<{ status: number; json: unknown }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        try {
          resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
        } catch (err) {
          reject(err);
        }
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}
let responseBytes = 0;
let responses = 0;
const pool = new Pool(url, { connections: CLIENTS });
async function callUndici(
  method: string,
  path: string,
  body?: string,
): Promise<{ status: number; json: unknown }> {
  const res = await pool.request({ method: method as 'GET', path, headers, body });
  const json = await res.body.json();
  responseBytes += Number(res.headers['content-length'] ?? 0);
  responses++;
  return { status: res.statusCode, json };
}
const call = values.client === 'http' ? callHttp : callUndici;

// callers continue stored cases (as staff reopening yesterday's call) and open new ones
const list = (await call('GET', '/api/cases')).json as { cases: { id: string }[] };
const known = list.cases.map((c) => c.id);

async function caller(until: number, latencies: number[] | null): Promise<number> {
  let done = 0;
  let caseId = known.length && r() < 0.7 ? pick(r, known) : null;
  let choices: { id: string }[] = [];
  let turns = 0;
  while (performance.now() < until) {
    const t = performance.now();
    let res: { status: number; json: unknown };
    if (!caseId || turns > 12) {
      res = await call('POST', '/api/cases', '{}');
      turns = 0;
    } else {
      const body =
        choices.length && r() < 0.5 ? { choiceId: pick(r, choices).id } : { text: pick(r, UTTERANCES) };
      res = await call('POST', `/api/cases/${caseId}/turns`, JSON.stringify(body));
    }
    const json = res.json as {
      caseId?: string;
      choices?: { id: string }[];
      case?: { caseId: string };
    };
    if (res.status >= 300) throw new Error(`HTTP ${res.status}: ${JSON.stringify(json).slice(0, 200)}`);
    latencies?.push(performance.now() - t);
    caseId = json.caseId ?? json.case?.caseId ?? caseId;
    // a draft confirmation renders a Word file: measured on its own (docxMs), not here
    choices = (json.choices ?? []).filter((c) => !/^(k:ok|a:restart|m:human|a:human)$/.test(c.id));
    turns++;
    done++;
  }
  return done;
}

/**
 * CPU time the server process (or its main thread) has used so far (user + system, ms), from /proc:
 * the figure that does not depend on what else shares the machine. null where /proc is not there.
 */
function serverCpuMs(thread?: 'main', part: 'all' | 'sys' = 'all'): number | null {
  try {
    const stat = readFileSync(
      thread ? `/proc/${server.pid}/task/${server.pid}/stat` : `/proc/${server.pid}/stat`,
      'utf8',
    );
    // fields after the command name, which is in parentheses and may hold spaces
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = (part === 'sys' ? 0 : Number(f[11])) + Number(f[12]); // utime, stime
    return (ticks * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}
const WARMUP_TURNS = Number(values['warmup-turns']);
function walMb(): number | null {
  try {
    return round(statSync(join(dataDir, 'credit-bot.sqlite-wal')).size / 2 ** 20, 1);
  } catch {
    return null; // PostgreSQL
  }
}
// USER_HZ: 100 on every Linux this runs on (getconf CLK_TCK)
const CLOCK_TICKS = 100;

try {
  // warm-up: 1.5 s and at least WARMUP_TURNS, so the server's code is compiled before it is measured
  let warm = 0;
  for (const t = performance.now() + 1500; warm < WARMUP_TURNS || performance.now() < t; ) {
    const n = await Promise.all(Array.from({ length: CLIENTS }, () => caller(performance.now() + 300, null)));
    warm += n.reduce((a, b) => a + b, 0);
  }
  const latencies: number[] = [];
  const load1 = loadavg()[0] ?? 0;
  const cpu0 = serverCpuMs();
  const main0 = serverCpuMs('main');
  const sys0 = serverCpuMs(undefined, 'sys');
  const client0 = process.cpuUsage();
  const t0 = performance.now();
  const counts = await Promise.all(
    Array.from({ length: CLIENTS }, () => caller(performance.now() + SECONDS * 1000, latencies)),
  );
  const elapsed = (performance.now() - t0) / 1000;
  const cpu1 = serverCpuMs();
  const main1 = serverCpuMs('main');
  const sys1 = serverCpuMs(undefined, 'sys');
  const client = process.cpuUsage(client0);
  const total = counts.reduce((a, b) => a + b, 0);
  console.log(
    JSON.stringify({
      cases: N,
      clients: CLIENTS,
      turns: total,
      turnsPerSec: round(total / elapsed, 1),
      p50Ms: round(percentile(latencies, 50), 2),
      p99Ms: round(percentile(latencies, 99), 2),
      maxMs: round(Math.max(...latencies), 2),
      // CPU the server spent per turn, whatever else ran: what throughput per core follows from
      serverCpuMsPerTurn: cpu0 === null || cpu1 === null ? null : round((cpu1 - cpu0) / total, 3),
      // of which the main thread's (JavaScript, SQLite, the socket): the one thread a process's turns
      // queue on; the rest is V8's background threads (optimising compiler, GC), on the other core
      serverMainCpuMsPerTurn: main0 === null || main1 === null ? null : round((main1 - main0) / total, 3),
      // of which in the kernel (socket writes, SQLite's file reads and writes)
      serverSysCpuMsPerTurn: sys0 === null || sys1 === null ? null : round((sys1 - sys0) / total, 3),
      // the callers' own CPU per turn (HTTP client, JSON): on the same cores as the server
      clientCpuMsPerTurn: round((client.user + client.system) / 1000 / total, 3),
      // the 1-minute load average when the measured part started: other work on this machine
      loadAvg1: round(load1, 2),
      warmupTurns: warm,
      responseKb: round(responseBytes / 1024 / Math.max(responses, 1), 1),
      // the SQLite write-ahead log's file: as long as the log ever got (it starts over in place)
      walMb: walMb(),
    }),
  );
} finally {
  agent.destroy();
  await pool.close();
  server.kill('SIGTERM');
  await new Promise((r) => server.on('exit', r));
  rmSync(dataDir, { recursive: true, force: true });
}
