// The engine's sessions in the database. write() is the end of a turn: the session, its case record
// (route, eligibility, company, …), the new transcript lines and one audit row per changed fact or
// field are committed in ONE transaction before it resolves, so a reply a channel sends afterwards
// is never lost to a crash.
import { createHash } from 'node:crypto';
import { evaluate } from '../../rules/evaluate.ts';
import { HISTORY_LIMIT, HISTORY_TEXT_LIMIT, type Session } from '../session.ts';
import type { SaidLine, Store, WriteHint } from '../store.ts';
import { FEED_INSERT, feedRow } from './case-desk.ts';
import { chinaDay, currentActor } from './context.ts';
import type { Db, Param } from './db.ts';
import { sessionFromRow, sessionRow } from './session-row.ts';

/** personal fields: the company's name, code and phone are what /forget and expiry remove */
export const PERSONAL_COLUMNS = ['company', 'credit_code', 'phone'] as const;

export interface SessionStore extends Store<Session> {
  /** runs a turn holding the session's lock across processes; the turn commits when `work` resolves */
  exclusive<R>(key: string, work: () => Promise<R>): Promise<R>;
  /** drops sessions idle since before `cutoffMs` as SQL; their cases are anonymised; returns how many */
  expire(cutoffMs: number): Promise<number>;
}

export function parseKey(key: string): { channel: string; chatId: string; userId: string } {
  const first = key.indexOf(':');
  const last = key.lastIndexOf(':');
  if (first < 0 || last === first) return { channel: 'unknown', chatId: key, userId: '' };
  return { channel: key.slice(0, first), chatId: key.slice(first + 1, last), userId: key.slice(last + 1) };
}

/** A web case's id is its chat id; other channels get a stable id derived from the session key. */
export function caseIdFor(key: string): string {
  const { channel, chatId } = parseKey(key);
  if (channel === 'web' && /^[A-Za-z0-9_-]{8,40}$/.test(chatId)) return chatId;
  return `${channel.slice(0, 3)}-${createHash('sha256').update(key).digest('hex').slice(0, 20)}`;
}

type Line = Session['history'][number];
const sameLine = (a: Line | undefined, b: Line | undefined) =>
  !!a && !!b && a.from === b.from && a.text === b.text && a.at === b.at;

/** The lines of `next` that `prev` does not have yet (history is `prev` + new lines, cut to its last N). */
export function newLines(prev: Line[], next: Line[]): Line[] {
  for (let added = 0; added < next.length; added++) {
    const merged = [...prev, ...next.slice(next.length - added)].slice(-next.length);
    if (merged.length === next.length && merged.every((l, i) => sameLine(l, next[i]))) {
      return next.slice(next.length - added);
    }
  }
  return next;
}

/** a history line is the excerpt of a full line: its start, or "[id]" for a button pressed */
const excerptOf = (full: SaidLine, line: Line) =>
  full.from === line.from &&
  (full.choice !== undefined ? line.text === `[${full.choice}]` : full.text.startsWith(line.text));

const text = (v: unknown): string | null => (v === undefined || v === null ? null : JSON.stringify(v));

interface CaseRow {
  id: string;
  draft_fields: string;
  route: string;
  eligible: number | null;
  unmet: string;
  last_choices: string;
  company: string | null;
  credit_code: string | null;
  phone: string | null;
  expired_at: number | null;
}
// with the columns the desk's summary shows, so a turn can hand on the row as it left it (TurnRows)
const CASE_COLUMNS =
  'id, draft_fields, route, eligible, unmet, last_choices, company, credit_code, phone, expired_at, owner, owner_name, created_at, updated_at, status, callback_date, note_count';
// read in every write: one string, so the prepared statement is found without hashing a new one
const CASE_BY_SESSION = `SELECT ${CASE_COLUMNS} FROM cases WHERE session_key = ?`;
const TRANSCRIPT_INSERT =
  'INSERT INTO transcript (case_id, at, speaker, text, choice, actor) VALUES (?, ?, ?, ?, ?, ?)';
const SESSION_UPSERT =
  'INSERT INTO sessions (key, data, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at';
const SESSION_REPLACE = 'UPDATE sessions SET data = ?, updated_at = ? WHERE key = ? AND updated_at = ?';
const AUDIT_INSERT =
  'INSERT INTO audit (case_id, at, actor, channel, kind, field, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)';

export interface WriteOptions extends WriteHint {
  /** no audit rows (importing old files) */
  audit?: boolean;
}

/**
 * What write() compares a session against to find the new transcript lines and the changed facts
 * and fields: the stored row as it was read, kept small (lines are shared, values as JSON text).
 */
interface Seen {
  /** the row's updated_at when it was read: the row is still that one only if it is unchanged */
  updatedAt: number;
  history: Line[];
  facts: Map<string, string | null>;
  fields: Map<string, string | null>;
}

function seenOf(s: Session, updatedAt: number): Seen {
  const facts = new Map<string, string | null>();
  for (const [k, v] of Object.entries(s.facts ?? {})) facts.set(k, text(v));
  const fields = new Map<string, string | null>();
  for (const [k, v] of Object.entries(s.draft?.fields ?? {})) fields.set(k, text(v));
  return { updatedAt, history: Array.isArray(s.history) ? s.history.slice() : [], facts, fields };
}

/** sessions read and not yet written again, per process; a turn reads then writes within milliseconds */
const SEEN_LIMIT = 2000;

export function sqlSessionStore(db: Db, now: () => Date = () => new Date()) {
  /**
   * The stored state of each session this process read, so a turn's write does not read and parse
   * the whole session again to compare (one select and one JSON.parse less per turn). Checked against
   * the row's updated_at inside the write's transaction: a row changed meanwhile is read afresh.
   */
  const seen = new Map<string, Seen>();
  const remember = (key: string, v: Seen) => {
    seen.delete(key);
    seen.set(key, v);
    if (seen.size > SEEN_LIMIT) seen.delete(seen.keys().next().value as string);
  };

  async function readRow(key: string): Promise<{ s: Session; updatedAt: number } | undefined> {
    const row = await db.get<{ data: string; updated_at: number }>(
      'SELECT data, updated_at FROM sessions WHERE key = ?',
      [key],
    );
    if (!row) return undefined;
    const s = sessionFromRow(row.data);
    if (s === undefined) return undefined; // not JSON: the engine starts such a session afresh (isSession)
    const updatedAt = Number(row.updated_at);
    if (s && typeof s === 'object' && !Array.isArray(s.history)) {
      // the history is in the transcript (a row written before that kept it in the JSON)
      const known = seen.get(key);
      s.history = known?.updatedAt === updatedAt ? known.history.slice() : await historyOf(key);
    }
    return { s, updatedAt };
  }

  /**
   * The session's history (its last lines, as excerpts) from the case's transcript, where write()
   * keeps it: the session row then holds only the small rest, not ~7 KB of lines rewritten each turn.
   */
  async function historyOf(key: string): Promise<Line[]> {
    const rows = await db.all<{ at: number; speaker: 'user' | 'bot'; text: string; choice: string | null }>(
      'SELECT at, speaker, text, choice FROM transcript WHERE case_id = (SELECT id FROM cases WHERE session_key = ?) ORDER BY id DESC LIMIT ?',
      [key, HISTORY_LIMIT],
    );
    return rows.reverse().map((r) => ({
      from: r.speaker,
      // what the engine's history holds for the line (remember): "[id]" for a button, else an excerpt
      text: r.choice ? `[${r.choice}]` : r.text.slice(0, HISTORY_TEXT_LIMIT),
      at: Number(r.at),
    }));
  }

  async function readRaw(key: string): Promise<Session | undefined> {
    const row = await readRow(key);
    if (!row) {
      seen.delete(key);
      return undefined;
    }
    // the row this process wrote last is remembered as written: nothing to work out again
    const known = seen.get(key);
    remember(key, known?.updatedAt === row.updatedAt ? known : seenOf(row.s, row.updatedAt));
    return row.s;
  }

  /**
   * Writes the session's row and returns the stored session write() compares against. A row this
   * process remembers is replaced only if it is still the one remembered (one statement, no read to
   * check it first); any other is read, then written.
   */
  async function replace(key: string, row: string, at: number): Promise<Seen | undefined> {
    const known = seen.get(key);
    if (known && (await db.run(SESSION_REPLACE, [row, at, key, known.updatedAt])) === 1) return known;
    const stored = await readRow(key);
    await db.run(SESSION_UPSERT, [key, row, at]);
    return stored && seenOf(stored.s, stored.updatedAt);
  }

  async function audit(
    caseId: string,
    at: number,
    kind: string,
    field: string | null,
    oldValue: string | null,
    newValue: string | null,
    fallback: { actor: string; channel: string },
  ): Promise<void> {
    const acting = currentActor();
    const who = acting ?? fallback;
    const params = [caseId, at, who.actor, who.channel, kind, field, oldValue, newValue];
    const written = acting?.written;
    if (!written) {
      await db.run(AUDIT_INSERT, params);
      return;
    }
    written.audit.push({
      id: await db.insert(AUDIT_INSERT, params),
      at,
      actor: who.actor,
      kind,
      field,
      old_value: oldValue,
      new_value: newValue,
    });
  }

  async function write(key: string, s: Session, opts: WriteOptions = {}): Promise<void> {
    const { channel, userId } = parseKey(key);
    const at = s.updatedAt || now().getTime();
    const det = opts.determination ?? evaluate(s.facts);
    const unmet = det.reasons.filter((r) => !r.met).map((r) => r.id);
    const chat = s.draft?.fields ?? {};
    const committed = await db.tx(async () => {
      const prev = await replace(key, sessionRow(s), at);
      let c = await db.get<CaseRow>(CASE_BY_SESSION, [key]);
      if (!c) {
        const created = s.createdAt || at;
        await db.run(
          'INSERT INTO cases (id, session_key, channel, owner, created_at, updated_at, day) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING',
          [caseIdFor(key), key, channel, userId, created, at, chinaDay(created)],
        );
        c = await db.get<CaseRow>(`SELECT ${CASE_COLUMNS} FROM cases WHERE id = ?`, [caseIdFor(key)]);
        if (!c) throw new Error(`case ${caseIdFor(key)} exists for another session than ${key}`);
      }
      // what staff typed in the panel wins over what the caller said in the chat
      const typed = JSON.parse(c.draft_fields) as Record<string, string>;
      const pick = (f: string): Param => {
        const v = typed[f] ?? chat[f];
        return v === undefined || v === '' ? null : String(v);
      };
      const next: Record<string, Param> = {
        route: det.path,
        eligible: det.eligible === null ? null : det.eligible ? 1 : 0,
        unmet: JSON.stringify(unmet),
        last_choices: JSON.stringify(s.choices ?? []),
        company: pick('name'),
        credit_code: pick('creditCode'),
        phone: pick('phone'),
        expired_at: null,
      };
      // only the columns that changed: each one assigned rewrites its index entries too
      const sets = ['updated_at = ?'];
      const params: Param[] = [at];
      for (const [col, v] of Object.entries(next)) {
        const cur = c[col as keyof CaseRow];
        if ((cur === null || cur === undefined ? null : String(cur)) !== (v === null ? null : String(v))) {
          sets.push(`${col} = ?`);
          params.push(v);
        }
      }
      await db.run(`UPDATE cases SET ${sets.join(', ')} WHERE id = ?`, [...params, c.id]);
      const receipt = currentActor()?.written;
      if (receipt) receipt.caseRow = { ...c, ...next, updated_at: at };
      // remembered once the transaction commits: a rolled-back write leaves the row as it was
      const written = seenOf(s, at);
      // the transcript keeps what was said in full (the history has excerpts), with who was at the desk
      const actor = currentActor()?.actor ?? null;
      const said = opts.said ?? [];
      let from = 0;
      for (const line of newLines(prev?.history ?? [], s.history ?? [])) {
        const at = said.findIndex((l, i) => i >= from && excerptOf(l, line));
        const full = at < 0 ? undefined : said[at];
        if (full) from = at + 1;
        const row: Param[] = [c.id, line.at, line.from, full?.text ?? line.text, full?.choice ?? null, actor];
        if (!receipt) {
          await db.run(TRANSCRIPT_INSERT, row);
          continue;
        }
        receipt.transcript.push({
          id: await db.insert(TRANSCRIPT_INSERT, row),
          at: line.at,
          speaker: line.from,
          text: row[3],
          choice: row[4],
          actor,
        });
      }
      const announce = currentActor()?.announce;
      if (announce) await db.run(FEED_INSERT, feedRow({ ...announce, caseId: c.id }, at).params);
      if (opts.audit !== false) {
        const fallback = { actor: userId, channel };
        for (const [kind, was, now] of [
          ['fact', prev?.facts, written.facts],
          ['field', prev?.fields, written.fields],
        ] as const) {
          for (const name of new Set([...(was?.keys() ?? []), ...now.keys()])) {
            const o = was?.get(name) ?? null;
            const n = now.get(name) ?? null;
            if (o !== n) await audit(c.id, at, kind, name, o, n, fallback);
          }
        }
      }
      return written;
    });
    remember(key, committed);
  }

  /**
   * Deletes a session and what it held about the person: the case keeps its route and status for
   * the statistics, loses company, code, phone, notes, typed fields and transcript; the audit
   * trail keeps who changed which fact when, without the values, plus one row saying why.
   */
  async function forgetRows(keys: string[], kind: 'forget' | 'expired', at: number): Promise<void> {
    for (const key of keys) {
      const { channel, userId } = parseKey(key);
      seen.delete(key);
      await db.run('DELETE FROM sessions WHERE key = ?', [key]);
      const c = await db.get<{ id: string }>('SELECT id FROM cases WHERE session_key = ?', [key]);
      if (!c) continue;
      await db.run(
        `UPDATE cases SET company = NULL, credit_code = NULL, phone = NULL, notes = '', draft_fields = '{}',
           last_choices = '[]', expired_at = ? WHERE id = ?`,
        [kind === 'expired' ? at : null, c.id],
      );
      await db.run('DELETE FROM transcript WHERE case_id = ?', [c.id]);
      await db.run('UPDATE audit SET old_value = NULL, new_value = NULL WHERE case_id = ?', [c.id]);
      await audit(c.id, at, kind, null, null, null, {
        actor: kind === 'expired' ? 'system' : userId,
        channel,
      });
    }
  }

  const store: SessionStore & { write(key: string, s: Session, opts?: WriteOptions): Promise<void> } = {
    read: readRaw,
    write,
    delete: (key) => db.tx(() => forgetRows([key], 'forget', now().getTime())),
    async *entries() {
      let after = '';
      for (;;) {
        const rows = await db.all<{ key: string; data: string }>(
          'SELECT key, data FROM sessions WHERE key > ? ORDER BY key LIMIT 500',
          [after],
        );
        for (const r of rows) {
          const s = sessionFromRow(r.data);
          if (s === undefined) continue; // unreadable rows are left to the engine's expiry
          if (s && typeof s === 'object' && !Array.isArray(s.history)) s.history = await historyOf(r.key);
          yield [r.key, s];
        }
        if (rows.length < 500) return;
        after = rows[rows.length - 1]?.key ?? after;
      }
    },
    // every write is committed before it resolves: nothing is ever pending
    flush: async () => {},
    exclusive: (key, work) => db.exclusive(`session:${key}`, work),
    expire: (cutoffMs) =>
      db.tx(async () => {
        const old = await db.all<{ key: string }>('SELECT key FROM sessions WHERE updated_at < ?', [
          cutoffMs,
        ]);
        await forgetRows(
          old.map((r) => r.key),
          'expired',
          now().getTime(),
        );
        return old.length;
      }),
  };
  return store;
}

export type SqlSessionStore = ReturnType<typeof sqlSessionStore>;
