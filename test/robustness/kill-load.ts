// Drives real `credit-bot web` and `credit-bot` (console) processes under a load of turns and
// kills them with SIGKILL at random moments; records every turn that was acknowledged (HTTP
// 200/201, or the console's answer printed), so the test can look for each one in the database.
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
export const TOKEN = 'kill-test-token-0123456789abcdef0123456789';

export interface WebProcess {
  url: string;
  child: ChildProcess;
  /** resolves once the process is gone */
  exited: Promise<void>;
}

export function startWeb(env: NodeJS.ProcessEnv): Promise<WebProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/credit-bot.js', 'web'], {
      cwd: root,
      env: {
        ...process.env,
        ...env,
        CREDIT_BOT_WEB_PORT: '0',
        CREDIT_BOT_STAFF_TOKEN: TOKEN,
        CREDIT_BOT_STAFF_SHARED_DESK: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<void>((r) => child.on('close', () => r()));
    let out = '';
    let err = '';
    child.stderr?.on('data', (c: Buffer) => {
      err += c.toString();
    });
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m?.[1]) resolve({ url: m[1].replace(/\/$/, ''), child, exited });
    });
    child.on('close', (code) =>
      reject(new Error(`web exited (${code}) before listening: ${err.slice(-800)}`)),
    );
  });
}

const headers = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };

export interface WebLoadResult {
  /** case id → user texts acknowledged, in the order they were sent (the first is /start) */
  acked: Map<string, string[]>;
}

/**
 * Keeps `clients` callers busy, each with its own case, sending turns one after another (as a
 * caller on the phone does), opening a new case every `perCase` turns, until `stop()` resolves.
 */
export async function webLoad(
  url: () => string,
  acked: Map<string, string[]>,
  stop: Promise<void>,
  opts: { clients?: number; perCase?: number; label: string },
): Promise<void> {
  let stopped = false;
  void stop.then(() => {
    stopped = true;
  });
  let n = 0;
  const client = async () => {
    let caseId: string | null = null;
    let turns = 0;
    while (!stopped) {
      try {
        if (!caseId || turns >= (opts.perCase ?? 15)) {
          const r = await fetch(`${url()}/api/cases`, { method: 'POST', headers, body: '{}' });
          if (r.status !== 201) throw new Error(`create ${r.status}`);
          caseId = ((await r.json()) as { caseId: string }).caseId;
          acked.set(caseId, ['/start']);
          turns = 0;
          continue;
        }
        const text = `${opts.label}第${++n}句：年报怎么补`;
        const r = await fetch(`${url()}/api/cases/${caseId}/turns`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ text }),
        });
        if (r.status !== 200) throw new Error(`turn ${r.status}`);
        await r.arrayBuffer();
        acked.get(caseId)?.push(text);
        turns++;
      } catch {
        // the process died under us: the turn was not acknowledged; wait for the restart
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  };
  await Promise.all(Array.from({ length: opts.clients ?? 3 }, client));
}

const random = (lo: number, hi: number) => lo + Math.floor(Math.random() * (hi - lo));

/**
 * A `credit-bot web` process under a load of `clients` callers, killed with SIGKILL `kills` times at
 * a random moment once the (re)started process is answering turns, restarted each time, and killed
 * once more at the end; resolves with every case's acknowledged user texts.
 */
export async function killDuringLoad(
  env: NodeJS.ProcessEnv,
  kills: number,
  opts: { clients: number; label: string },
): Promise<Map<string, string[]>> {
  const acked = new Map<string, string[]>();
  let web: WebProcess = await startWeb(env);
  let release!: () => void;
  const stop = new Promise<void>((r) => {
    release = r;
  });
  const load = webLoad(() => web.url, acked, stop, opts);
  const count = () => [...acked.values()].reduce((a, l) => a + l.length, 0);
  const answering = async () => {
    const before = count();
    while (count() < before + 4) await new Promise((r) => setTimeout(r, 20));
  };
  for (let k = 0; k < kills; k++) {
    await answering();
    await new Promise((r) => setTimeout(r, random(0, 600)));
    web.child.kill('SIGKILL');
    await web.exited;
    web = await startWeb(env);
  }
  await answering();
  release();
  await load;
  web.child.kill('SIGKILL');
  await web.exited;
  return acked;
}

/**
 * One console process: sends a line, waits for its answer and the next prompt, records it,
 * sends the next; resolves with what was acknowledged when the process dies.
 */
export function consoleRun(env: NodeJS.ProcessEnv, label: string, killAfterMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/credit-bot.js'], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const acked: string[] = [];
    let pending: string | null = null;
    let out = '';
    let n = 0;
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    const next = () => {
      pending = `${label}第${++n}句：年报怎么补`;
      child.stdin?.write(`${pending}\n`);
    };
    child.stderr?.on('data', (c: Buffer) => {
      err += c.toString();
    });
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      // a prompt after an answer: the line before it is acknowledged
      while (out.includes('> ')) {
        out = out.slice(out.indexOf('> ') + 2);
        if (pending) acked.push(pending);
        // killed at a random moment once two lines have been answered
        if (acked.length === 2) timer ??= setTimeout(() => child.kill('SIGKILL'), killAfterMs);
        next();
      }
    });
    child.stdin?.on('error', () => {});
    child.on('close', (_code, signal) => {
      if (timer) clearTimeout(timer);
      if (signal === 'SIGKILL') resolve(acked);
      else reject(new Error(`console ended by itself: ${err.slice(-800)}`));
    });
  });
}

/** true when `want` appears in `have` in the same order (other lines may sit between) */
export function inOrder(have: string[], want: string[]): boolean {
  let i = 0;
  for (const h of have) if (h === want[i]) i++;
  return i === want.length;
}
