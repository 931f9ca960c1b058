// The engine's sessions in the database. write() is the end of a turn: the session, its case record
// (route, eligibility, company, …), the new transcript lines and one audit row per changed fact or
// field are committed in ONE transaction before it resolves, so a reply a channel sends afterwards
// is never lost to a crash.
import { createHash } from 'node:crypto';
import { evaluate } from '../../rules/evaluate.ts';
import type { Session } from '../session.ts';
import type { Store } from '../store.ts';
import { chinaDay, currentActor } from './context.ts';
import type { Db, Param } from './db.ts';

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
const CASE_COLUMNS =
  'id, draft_fields, route, eligible, unmet, last_choices, company, credit_code, phone, expired_at';

export interface WriteOptions {
  /** no audit rows (importing old files) */
  audit?: boolean;
}

export function sqlSessionStore(db: Db, now: () => Date = () => new Date()) {
  async function readRaw(key: string): Promise<Session | undefined> {
    const row = await db.get<{ data: string }>('SELECT data FROM sessions WHERE key = ?', [key]);
    if (!row) return undefined;
    try {
      return JSON.parse(row.data) as Session;
    } catch {
      return undefined; // the engine starts such a session afresh (isSession)
    }
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
    const who = currentActor() ?? fallback;
    await db.run(
      'INSERT INTO audit (case_id, at, actor, channel, kind, field, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      [caseId, at, who.actor, who.channel, kind, field, oldValue, newValue],
    );
  }

  async function write(key: string, s: Session, opts: WriteOptions = {}): Promise<void> {
    const { channel, userId } = parseKey(key);
    const at = s.updatedAt || now().getTime();
    const det = evaluate(s.facts);
    const unmet = det.reasons.filter((r) => !r.met).map((r) => r.id);
    const chat = s.draft?.fields ?? {};
    await db.tx(async () => {
      const prev = await readRaw(key);
      await db.run(
        'INSERT INTO sessions (key, data, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at',
        [key, JSON.stringify(s), at],
      );
      let c = await db.get<CaseRow>(`SELECT ${CASE_COLUMNS} FROM cases WHERE session_key = ?`, [key]);
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
      for (const line of newLines(prev?.history ?? [], s.history ?? [])) {
        await db.run('INSERT INTO transcript (case_id, at, speaker, text) VALUES (?, ?, ?, ?)', [
          c.id,
          line.at,
          line.from,
          line.text,
        ]);
      }
      if (opts.audit === false) return;
      const fallback = { actor: userId, channel };
      const before = (prev?.facts ?? {}) as Record<string, unknown>;
      const after = s.facts as Record<string, unknown>;
      for (const name of new Set([...Object.keys(before), ...Object.keys(after)])) {
        const o = text(before[name]);
        const n = text(after[name]);
        if (o !== n) await audit(c.id, at, 'fact', name, o, n, fallback);
      }
      const chatBefore = (prev?.draft?.fields ?? {}) as Record<string, unknown>;
      for (const name of new Set([...Object.keys(chatBefore), ...Object.keys(chat)])) {
        const o = text(chatBefore[name]);
        const n = text((chat as Record<string, unknown>)[name]);
        if (o !== n) await audit(c.id, at, 'field', name, o, n, fallback);
      }
    });
  }

  /**
   * Deletes a session and what it held about the person: the case keeps its route and status for
   * the statistics, loses company, code, phone, notes, typed fields and transcript; the audit
   * trail keeps who changed which fact when, without the values, plus one row saying why.
   */
  async function forgetRows(keys: string[], kind: 'forget' | 'expired', at: number): Promise<void> {
    for (const key of keys) {
      const { channel, userId } = parseKey(key);
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
          try {
            yield [r.key, JSON.parse(r.data) as Session];
          } catch {
            // unreadable rows are left to the engine's expiry
          }
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
