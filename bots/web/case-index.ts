// The console's list of cases: which exist, who opened them, when, and their current route. The
// conversation itself lives in the engine's session store; this index only lets staff find a case
// again (today's calls) and keeps draft fields typed in the panel. Kept in memory and in one JSON file.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
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

const KEEP_DAYS = 30;
export const CASE_ID_PATTERN = /^[A-Za-z0-9_-]{8,40}$/;

export function localDay(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export async function openCaseIndex(file: string | null, now: () => Date) {
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

  // Writes are chained so two quick updates never interleave; the rename keeps the file whole on a crash.
  let writing: Promise<void> = Promise.resolve();
  function save(): Promise<void> {
    if (!file) return Promise.resolve();
    const target = file;
    writing = writing.then(async () => {
      const cutoff = now().getTime() - KEEP_DAYS * 86_400_000;
      for (const [id, c] of cases) if (Date.parse(c.lastActivity) < cutoff) cases.delete(id);
      await mkdir(dirname(target), { recursive: true });
      const tmp = `${target}.${process.pid}.tmp`;
      await writeFile(tmp, JSON.stringify({ cases: [...cases.values()] }, null, 1));
      await rename(tmp, target);
    });
    return writing;
  }

  return {
    get(id: string): CaseRecord | undefined {
      return CASE_ID_PATTERN.test(id) ? cases.get(id) : undefined;
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
    /** today's cases (local day of the server), newest activity first */
    today(): CaseRecord[] {
      const day = localDay(now());
      return [...cases.values()]
        .filter((c) => localDay(new Date(c.lastActivity)) === day || localDay(new Date(c.created)) === day)
        .sort((a, b) => b.lastActivity.localeCompare(a.lastActivity));
    },
    flush(): Promise<void> {
      return writing;
    },
  };
}

export type CaseIndex = Awaited<ReturnType<typeof openCaseIndex>>;
