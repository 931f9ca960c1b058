// Files of the JSON stores before the database (lowdb's sessions.json, one file per session in
// sessions/, the web console's web-cases.json) are imported once when the database opens, then
// renamed `*.imported` and kept aside: nothing is deleted, and a second start finds nothing to import.
import { existsSync, readdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../log.ts';
import { isSession, type Session } from '../session.ts';
import { chinaDay } from './context.ts';
import type { Db } from './db.ts';
import type { SqlSessionStore } from './sessions.ts';

interface OldCase {
  id: string;
  openedBy: string;
  created: string;
  lastActivity: string;
  draftFields?: Record<string, string>;
  lastChoices?: unknown[];
}

/**
 * An old file that cannot be read is logged and skipped; one that is not JSON is moved aside as
 * `*.corrupt-<time>` (kept for inspection): neither keeps the bot from starting.
 */
function readOld(path: string, log?: Pick<Logger, 'error'>): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    log?.error({ path, err: (err as Error).message }, 'old session file unreadable: not imported');
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    const aside = `${path}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    try {
      renameSync(path, aside);
    } catch {}
    log?.error(
      { path, movedTo: aside, err: (err as Error).message },
      'old session file is corrupt: moved it aside, not imported (inspect or delete the moved file)',
    );
    return undefined;
  }
}

export async function importLegacyFiles(
  dir: string,
  sessions: SqlSessionStore,
  db: Db,
  log?: Pick<Logger, 'info' | 'error'>,
): Promise<void> {
  const casesFile = join(dir, 'web-cases.json');
  const lowdbFile = join(dir, 'sessions.json');
  const folder = join(dir, 'sessions');
  // CREDIT_BOT_STORE=lowdb still uses sessions.json as its live file
  const lowdbLive = process.env.CREDIT_BOT_STORE === 'lowdb';
  const found = {
    cases: existsSync(casesFile),
    lowdb: !lowdbLive && existsSync(lowdbFile),
    folder: existsSync(folder) && statSync(folder).isDirectory(),
  };
  if (!found.cases && !found.lowdb && !found.folder) return;
  const aside = (path: string) => {
    try {
      renameSync(path, `${path}.imported`);
    } catch (err) {
      log?.error({ path, err: (err as Error).message }, 'imported, but cannot rename the old file aside');
    }
  };
  let cases = 0;
  let count = 0;
  try {
    if (found.cases) {
      const raw = (readOld(casesFile, log) ?? {}) as { cases?: OldCase[] };
      for (const c of raw.cases ?? []) {
        if (!c || typeof c.id !== 'string' || typeof c.openedBy !== 'string') continue;
        const created = Date.parse(c.created) || Date.now();
        const updated = Date.parse(c.lastActivity) || created;
        const fields = c.draftFields ?? {};
        await db.tx(() =>
          db.run(
            `INSERT INTO cases (id, session_key, channel, owner, created_at, updated_at, day, draft_fields, last_choices, company, credit_code, phone)
             VALUES (?, ?, 'web', ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
            [
              c.id,
              `web:${c.id}:${c.openedBy}`,
              c.openedBy,
              created,
              updated,
              chinaDay(created),
              JSON.stringify(fields),
              JSON.stringify(c.lastChoices ?? []),
              fields.name || null,
              fields.creditCode || null,
              fields.phone || null,
            ],
          ),
        );
        cases++;
      }
    }
    const put = async (key: unknown, value: unknown) => {
      if (typeof key !== 'string' || !isSession(value)) return;
      await sessions.write(key, value as Session, { audit: false });
      count++;
    };
    if (found.lowdb) {
      const raw = (readOld(lowdbFile, log) ?? {}) as { sessions?: Record<string, unknown> };
      for (const [k, v] of Object.entries(raw.sessions ?? {})) await put(k, v);
    }
    if (found.folder) {
      for (const f of readdirSync(folder)) {
        if (!f.endsWith('.json')) continue;
        const entry = readOld(join(folder, f), log) as { k?: unknown; v?: unknown } | undefined;
        if (entry) await put(entry.k, entry.v);
      }
    }
  } catch (err) {
    throw new Error(
      `importing the old JSON files in ${dir} failed (${(err as Error).message}); they are untouched: fix or move them away and start again`,
    );
  }
  for (const [ok, path] of [
    [found.cases, casesFile],
    [found.lowdb, lowdbFile],
    [found.folder, folder],
  ] as const)
    if (ok && existsSync(path) && statSync(path).isFile() !== (path === folder)) aside(path);
  log?.info(
    { sessions: count, cases },
    'imported the old JSON session files into the database (kept as *.imported)',
  );
}
