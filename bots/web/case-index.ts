// The console's list of cases: which exist, who opened them, when, and their current route. The
// conversation itself lives in the engine's session store; this index only lets staff find a case
// again (today's calls) and keeps draft fields typed in the panel. Kept in memory and in one JSON file.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Logger } from '../../dialogs/log.ts';
import type { PathId } from '../../rules/types.ts';

export interface CaseRecord {
  id: string;
  /** the staff user who opened it: the engine session key stays the same whoever continues the call */
  openedBy: string;
  created: string;
  lastActivity: string;
  path: PathId;
  eligible: boolean | null;
  /** draft fields (name, creditCode, …) typed by staff; never guessed */
  draftFields: Record<string, string>;
  /** the choices of the bot's last message, so a reopened case still shows its buttons */
  lastChoices: { id: string; label: string }[];
}

/** same default as the engine's sessions: a case outlives its conversation by no more than that */
export const DEFAULT_TTL_DAYS = 7;
export const CASE_ID_PATTERN = /^[A-Za-z0-9_-]{8,40}$/;

const CHINA_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day in China (YYYY-MM-DD), whatever the server's time zone: the engine counts in it too. */
export function chinaDay(d: Date): string {
  return CHINA_DAY.format(d);
}

/** CREDIT_BOT_SESSION_TTL_DAYS read the way the engine reads it (a bad value falls back to the default). */
export function ttlMsFromEnv(env: NodeJS.ProcessEnv): number {
  const days = Number(env.CREDIT_BOT_SESSION_TTL_DAYS ?? DEFAULT_TTL_DAYS);
  return (Number.isFinite(days) && days > 0 ? days : DEFAULT_TTL_DAYS) * 86_400_000;
}

export interface CaseIndexOptions {
  /** idle time after which a case is dropped; the session TTL */
  ttlMs?: number;
  log?: Pick<Logger, 'error' | 'info'>;
}

export async function openCaseIndex(file: string | null, now: () => Date, opts: CaseIndexOptions = {}) {
  const ttlMs = opts.ttlMs ?? DEFAULT_TTL_DAYS * 86_400_000;
  const log = opts.log;
  const cases = new Map<string, CaseRecord>();
  if (file) {
    try {
      const raw = JSON.parse(await readFile(file, 'utf8')) as { cases?: CaseRecord[] };
      for (const c of raw.cases ?? []) if (c && typeof c.id === 'string') cases.set(c.id, c);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
        throw new Error(
          `web case index ${file}: cannot read it (${(err as Error).message}); move it away to start afresh`,
        );
      }
    }
  }

  const expired = (c: CaseRecord) => Date.parse(c.lastActivity) < now().getTime() - ttlMs;
  function prune(): void {
    for (const [id, c] of cases) if (expired(c)) cases.delete(id);
  }
  prune();

  // Writes are chained so two quick updates never interleave; the rename keeps the file whole on a crash.
  // A failed write (disk full, read-only mount) must not poison the chain: the console keeps serving
  // from memory, says so once, and the next successful write brings the file up to date.
  let writing: Promise<void> = Promise.resolve();
  let failing = false;
  function save(): Promise<void> {
    if (!file) return Promise.resolve();
    const target = file;
    writing = writing
      .catch(() => {})
      .then(async () => {
        prune();
        await mkdir(dirname(target), { recursive: true });
        const tmp = `${target}.${process.pid}.tmp`;
        await writeFile(tmp, JSON.stringify({ cases: [...cases.values()] }, null, 1));
        await rename(tmp, target);
        if (failing) log?.info({ file: target }, 'web case index saved again');
        failing = false;
      })
      .catch((err: unknown) => {
        if (!failing) {
          log?.error(
            { err, file: target },
            'could not save the web case index; cases are kept in memory until a write succeeds ' +
              '(check free space and permissions of CREDIT_BOT_DATA_DIR)',
          );
        }
        failing = true;
      });
    return writing;
  }

  return {
    get(id: string): CaseRecord | undefined {
      const rec = CASE_ID_PATTERN.test(id) ? cases.get(id) : undefined;
      return rec && !expired(rec) ? rec : undefined;
    },
    async create(openedBy: string): Promise<CaseRecord> {
      const t = now().toISOString();
      const rec: CaseRecord = {
        id: randomBytes(9).toString('base64url'),
        openedBy,
        created: t,
        lastActivity: t,
        path: 'undetermined',
        eligible: null,
        draftFields: {},
        lastChoices: [],
      };
      cases.set(rec.id, rec);
      await save();
      return rec;
    },
    async touch(
      id: string,
      patch: Partial<Pick<CaseRecord, 'path' | 'eligible' | 'draftFields' | 'lastChoices'>>,
    ): Promise<void> {
      const rec = cases.get(id);
      if (!rec) return;
      Object.assign(rec, patch, { lastActivity: now().toISOString() });
      await save();
    },
    /** forgets the draft fields typed for a case (the caller's /forget): name, code, phone… */
    async clearPersonal(id: string): Promise<void> {
      const rec = cases.get(id);
      if (!rec) return;
      rec.draftFields = {};
      rec.lastActivity = now().toISOString();
      await save();
    },
    async remove(id: string): Promise<boolean> {
      const had = cases.delete(id);
      if (had) await save();
      return had;
    },
    /** today's cases (the day in China), newest activity first */
    today(): CaseRecord[] {
      const day = chinaDay(now());
      return [...cases.values()]
        .filter((c) => !expired(c))
        .filter((c) => chinaDay(new Date(c.lastActivity)) === day || chinaDay(new Date(c.created)) === day)
        .sort((a, b) => b.lastActivity.localeCompare(a.lastActivity));
    },
    flush(): Promise<void> {
      return writing;
    },
  };
}

export type CaseIndex = Awaited<ReturnType<typeof openCaseIndex>>;
