// Copies the SQLite write-ahead log back into the database file on a worker thread, so no turn waits
// for it. SQLite does this itself after the commit that takes the log past 1,000 pages (about every
// 80 turns), inside that commit: copying the pages and two fsyncs of everything written since held
// the thread every turn runs on for 5–50 ms, and the turns queued behind it waited too. A commit is
// durable once it is in the log (synchronous=NORMAL: the OS has it), so where and when the copy runs
// changes nothing a caller was told.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** commits between two requests to the worker (~13 log pages each: about 800 pages) */
export const CHECKPOINT_EVERY = 64;
/** the writer's own automatic checkpoint while the worker runs (pages: 40 MB of log at most) */
export const BACKSTOP_PAGES = 10_000;
/** SQLite's default, back in force when the worker is gone */
export const DEFAULT_AUTOCHECKPOINT = 1000;
/** a log this long (pages, ~32 MB) is started over by the worker, the writer's commits waiting: as
 * rarely as the backstop did (each start over costs the writer one fsync of the new log header) */
export const RESTART_PAGES = 8000;
/** how long a restart may keep the writer's commits waiting at most (ms) */
export const RESTART_WAIT_MS = 2000;

// The worker's own connection runs PASSIVE checkpoints: they never take the write lock, so the
// writer is never held up. The log starts over from its beginning (instead of growing) only once
// every page of it is copied, which under steady traffic a PASSIVE pass never gets to: the writer
// commits while it copies. So the worker says how long the log is, and past RESTART_PAGES the
// writer's next transaction waits (asynchronously: the thread goes on reading and answering) while
// the worker runs one RESTART checkpoint, which copies the few pages committed since its last pass,
// syncs, and waits until no reader is left in the log, so the writer's next commit starts it over.
// Before, the log grew to the backstop, where the writer copied up to
// CHECKPOINT_EVERY commits' pages and ran the fsyncs inside a commit, holding the turn's thread: a
// 5-15 ms stall every ~750 turns, longer when the disk was busy.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.file);
db.pragma('synchronous = ' + workerData.synchronous);
// another process's writer may hold the lock a moment; this process's writer waits for the answer
db.pragma('busy_timeout = 1000');
parentPort.on('message', (m) => {
  try {
    const r = db.pragma(m === 'restart' ? 'wal_checkpoint(RESTART)' : 'wal_checkpoint(PASSIVE)')[0];
    parentPort.postMessage(m === 'restart' ? 'restarted' : r ? r.log : 0);
  } catch (err) {
    parentPort.postMessage(String(err && err.message));
  }
});
parentPort.postMessage('ready');
`;

export interface Checkpointer {
  /** called after each commit, outside any transaction */
  committed(): void;
  /** the worker's RESTART checkpoint; resolves when it is done (or failed, or took too long) */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The worker for one database file, started at the CHECKPOINT_EVERY-th commit so a short command
 * (one `ask`) never starts a thread. While it runs, the writer's own automatic checkpoint is set to
 * the backstop; if it fails, back to SQLite's default. `restart` is called when the log should start
 * over: the writer runs `checkpointer.restart()` between two of its transactions.
 */
export function startCheckpointer(
  file: string,
  synchronous: 'normal' | 'full',
  autocheckpoint: (pages: number) => void,
  restart: () => void,
): Checkpointer {
  let commits = 0;
  let worker: Worker | undefined;
  let ready = false;
  let busy = false;
  let gone = false;
  let restarted: (() => void) | undefined;
  const stop = () => {
    if (gone) return;
    gone = true;
    autocheckpoint(DEFAULT_AUTOCHECKPOINT);
    restarted?.();
    void worker?.terminate();
  };
  const start = () => {
    const w = new Worker(WORKER, {
      eval: true,
      workerData: {
        file,
        synchronous: synchronous === 'full' ? 'FULL' : 'NORMAL',
        module: createRequire(import.meta.url).resolve('better-sqlite3'),
      },
    });
    w.on('message', (m: string | number) => {
      if (gone) return;
      if (m === 'ready') {
        ready = true;
        autocheckpoint(BACKSTOP_PAGES);
        return;
      }
      if (m === 'restarted') {
        restarted?.();
        return;
      }
      busy = false;
      // a checkpoint failed: the writer checkpoints for itself again
      if (typeof m !== 'number') stop();
      else if (m >= RESTART_PAGES) restart();
    });
    w.on('error', stop);
    w.on('exit', stop);
    // the bot exits when its work is done, whatever the worker is doing (an interrupted checkpoint
    // is safe: the log still holds every page); unref after the listeners, which would hold it again
    w.unref();
    return w;
  };
  return {
    committed() {
      if (gone) return;
      if (++commits % CHECKPOINT_EVERY !== 0) return;
      if (!worker) worker = start();
      if (!ready || busy) return;
      busy = true;
      worker.postMessage('checkpoint');
    },
    restart() {
      const w = worker;
      if (gone || !w || restarted) return Promise.resolve();
      return new Promise<void>((resolve) => {
        // the writer goes on after this long even if the worker has not answered (its BEGIN then
        // waits for the lock like any other)
        const timer = setTimeout(() => done(), RESTART_WAIT_MS);
        const done = () => {
          clearTimeout(timer);
          restarted = undefined;
          w.unref();
          resolve();
        };
        restarted = done;
        // the transactions queued behind the restart keep the process alive until it is done
        w.ref();
        w.postMessage('restart');
      });
    },
    async close() {
      const w = worker;
      stop();
      await w?.terminate();
    },
  };
}
