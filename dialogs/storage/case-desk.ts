// The staff console's desk over the case records of the storage layer: the lifecycle of a case
// (status, notes, caller phone, callback date, who took it), the list and search a hotline needs to
// find yesterday's case, the statistics it reports upward, and a feed of changes so every console
// process (one or several on one PostgreSQL) can refresh a colleague's open page.
//
// The transcript is the `transcript` table the session store fills in each turn's transaction (so a
// turn answered is never lost). The session's own history is only the engine's short working window
// (its last 20 lines, each cut to 500 characters): the store writes each turn's lines in full, with
// the label of the button pressed and who was at the desk (WriteHint.said). Fact edits come
// from the audit table and are merged into the same timeline, so they show where they happened.
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../log.ts';
import type { CaseRowDb, CaseStatus as DeskStatus } from './cases.ts';
import { chinaDay, chinaDayStart, type TurnRows } from './context.ts';
import type { Db, Param } from './db.ts';

/** The one list of case statuses (the `cases.status` column), under the desk's names. */
export { CASE_STATUSES as DESK_STATUSES, type CaseStatus as DeskStatus } from './cases.ts';
export const DEFAULT_RETENTION_DAYS = 365;

/** Who did something at the desk: the login (for the page's own-change check) and the name shown. */
export interface DeskActor {
  user: string;
  name: string;
  channel?: string;
}

/** One line of a case's history: what was said, or what someone changed, with who and when. */
export type DeskEvent =
  | { kind: 'said'; from: 'caller' | 'bot'; text: string; choice?: string }
  | { kind: 'fact'; fact: string; from: unknown; to: unknown }
  | { kind: 'field'; field: string; from: string; to: string }
  | { kind: 'status'; from: string; to: string }
  | { kind: 'note'; text: string }
  | { kind: 'callback'; from: string; to: string }
  | { kind: 'phone'; from: string; to: string }
  | { kind: 'forgotten' };

/**
 * `by` and `byName` are both the staff member's name (audit rows keep the name, not a login).
 * `key` names the row an entry was read from (t: transcript, a: audit), so a page holding the
 * record can add a turn's new entries to it without showing one twice.
 */
export type DeskEntry = DeskEvent & { at: string; by: string; byName: string; key: string };

export interface DeskSummary {
  id: string;
  created: string;
  lastActivity: string;
  openedBy: string;
  openedByName: string;
  status: DeskStatus;
  company: string;
  creditCode: string;
  callerPhone: string;
  /** YYYY-MM-DD or '' */
  callbackDate: string;
  path: string;
  eligible: boolean | null;
  unmet: string[];
  notes: number;
  /** personal data removed (/forget or the session's expiry) */
  anonymised: boolean;
}

export interface DeskRecord extends DeskSummary {
  /** names of everyone who changed the case, the one who took the call first */
  staff: string[];
  /** oldest first: transcript and audit rows merged by time */
  entries: DeskEntry[];
}

/** The last transcript and audit row ids of a case (0: none). */
export interface DeskMarks {
  transcript: number;
  audit: number;
}

const isTurnRows = (v: DeskMarks | TurnRows): v is TurnRows => Array.isArray(v.transcript);

/** A case record with only its newest entries (`tail`), see recordTail. */
export interface DeskRecordTail extends DeskSummary {
  tail: true;
  entries: DeskEntry[];
}

export interface DeskQuery {
  /** company name, credit code, caller phone (substring, case-insensitive) or the exact case id */
  q?: string;
  path?: string;
  status?: DeskStatus;
  /** China days, inclusive, of when the case was opened */
  from?: string;
  to?: string;
  /** a staff member's name: cases they took */
  staff?: string;
  offset?: number;
  limit?: number;
}

export interface DeskStatsRaw {
  perDay: Map<string, number>;
  routes: { path: string; count: number }[];
  statuses: { status: string; count: number }[];
  eligible: { yes: number; no: number; unknown: number };
  unmet: { id: string; count: number }[];
  staff: { name: string; opened: number; worked: number; closed: number }[];
  total: number;
}

export interface DeskChange {
  id: number;
  caseId: string;
  by: string;
  byName: string;
  what: string;
  at: string;
  origin: string;
}

export function retentionMsFromEnv(env: NodeJS.ProcessEnv): number {
  const raw = env.CREDIT_BOT_CASE_RETENTION_DAYS?.trim();
  if (!raw) return DEFAULT_RETENTION_DAYS * 86_400_000;
  const days = Number(raw);
  if (!Number.isInteger(days) || days < 1) {
    throw new Error(
      `CREDIT_BOT_CASE_RETENTION_DAYS=${JSON.stringify(raw.slice(0, 20))} is not a number of days: use a whole number ≥ 1 (default ${DEFAULT_RETENTION_DAYS})`,
    );
  }
  return days * 86_400_000;
}

/** the case record's columns the desk reads, with the two it adds (migration 2) */
type Row = Pick<
  CaseRowDb,
  | 'id'
  | 'owner'
  | 'created_at'
  | 'updated_at'
  | 'status'
  | 'route'
  | 'eligible'
  | 'unmet'
  | 'company'
  | 'credit_code'
  | 'phone'
  | 'callback_date'
  | 'expired_at'
> & { owner_name: string | null; note_count: number };

const COLUMNS =
  'id, owner, owner_name, created_at, updated_at, status, route, eligible, unmet, company, credit_code, phone, callback_date, note_count, expired_at';
// read with every turn's answer: one string, so the prepared statement is found without hashing a new one
const ROW_BY_ID = `SELECT ${COLUMNS} FROM cases WHERE id = ? AND updated_at >= ?`;

const iso = (ms: unknown) => new Date(Number(ms)).toISOString();
const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
const like = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const json = (v: unknown): string | null =>
  v === undefined || v === null || v === '' ? null : JSON.stringify(v);
const unjson = (v: unknown): unknown => {
  if (v === null || v === undefined) return null;
  try {
    return JSON.parse(String(v));
  } catch {
    return String(v);
  }
};

function summaryOf(r: Row): DeskSummary {
  return {
    id: r.id,
    created: iso(r.created_at),
    lastActivity: iso(r.updated_at),
    openedBy: r.owner,
    openedByName: r.owner_name ?? r.owner,
    status: r.status as DeskStatus,
    company: r.company ?? '',
    creditCode: r.credit_code ?? '',
    callerPhone: r.phone ?? '',
    callbackDate: r.callback_date ?? '',
    path: r.route,
    eligible: r.eligible === null || r.eligible === undefined ? null : Number(r.eligible) === 1,
    unmet: JSON.parse(r.unmet) as string[],
    notes: Number(r.note_count ?? 0),
    anonymised: r.expired_at !== null && r.expired_at !== undefined,
  };
}

/** audit kinds written by the desk and the session store, as the page's entry kinds */
const AUDIT_KINDS: Record<string, DeskEvent['kind']> = {
  fact: 'fact',
  field: 'field',
  status: 'status',
  note: 'note',
  callbackDate: 'callback',
  phone: 'phone',
  forget: 'forgotten',
  expired: 'forgotten',
};

function auditEntry(r: Record<string, unknown>): DeskEntry | null {
  const kind = AUDIT_KINDS[String(r.kind)];
  if (!kind) return null;
  const stamp = { at: iso(r.at), by: String(r.actor), byName: String(r.actor), key: `a${String(r.id)}` };
  const from = unjson(r.old_value);
  const to = unjson(r.new_value);
  const text = (v: unknown) => (v === null ? '' : String(v));
  switch (kind) {
    case 'fact':
      return { kind, fact: String(r.field), from, to, ...stamp };
    case 'field':
      return { kind, field: String(r.field), from: text(from), to: text(to), ...stamp };
    case 'note':
      return { kind, text: text(to), ...stamp };
    case 'forgotten':
      return { kind, ...stamp };
    case 'said':
      return null;
    default:
      return { kind, from: text(from), to: text(to), ...stamp };
  }
}

export interface DeskOptions {
  now?: () => Date;
  /** how long a case stays listed after its last activity (CREDIT_BOT_CASE_RETENTION_DAYS) */
  retentionMs?: number;
}

export function caseDesk(db: Db, opts: DeskOptions = {}) {
  const now = opts.now ?? (() => new Date());
  const retentionMs = opts.retentionMs ?? DEFAULT_RETENTION_DAYS * 86_400_000;
  const cutoff = () => now().getTime() - retentionMs;

  const audit = (
    caseId: string,
    who: DeskActor,
    kind: string,
    field: string | null,
    o: unknown,
    n: unknown,
  ) =>
    db.run(
      'INSERT INTO audit (case_id, at, actor, channel, kind, field, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      [caseId, now().getTime(), who.name, who.channel ?? 'web', kind, field, json(o), json(n)],
    );

  const row = (id: string) => db.get<Row>(ROW_BY_ID, [id, cutoff()]);

  /** the list's filters as SQL over `cases` (columns prefixed with `c.` when joined) */
  function where(q: DeskQuery, c = ''): { sql: string; params: Param[] } {
    const parts = [`${c}updated_at >= ?`];
    const params: Param[] = [cutoff()];
    const add = (sql: string, ...p: Param[]) => {
      parts.push(sql);
      params.push(...p);
    };
    const text = q.q?.trim();
    if (text) {
      const digits = /^[\d\s+-]+$/.test(text) ? text.replace(/[\s+-]/g, '') : '';
      // company names are matched as typed, codes upper-cased (LIKE is case-sensitive on PostgreSQL)
      const alts = [`${c}company LIKE ? ESCAPE '\\'`, `${c}credit_code LIKE ? ESCAPE '\\'`, `${c}id = ?`];
      const p: Param[] = [like(text), like(text.toUpperCase()), text];
      if (digits.length >= 3) {
        alts.push(`REPLACE(REPLACE(${c}phone, '-', ''), ' ', '') LIKE ?`);
        p.push(like(digits));
      }
      add(`(${alts.join(' OR ')})`, ...p);
    }
    if (q.path) add(`${c}route = ?`, q.path);
    if (q.status) add(`${c}status = ?`, q.status);
    if (q.staff) add(`(${c}owner_name = ? OR ${c}owner = ?)`, q.staff, q.staff);
    if (q.from && DAY_RE.test(q.from)) add(`${c}day >= ?`, q.from);
    if (q.to && DAY_RE.test(q.to)) add(`${c}day <= ?`, q.to);
    return { sql: `WHERE ${parts.join(' AND ')}`, params };
  }

  /** The last transcript and audit row of a case: what `record(id, after)` counts from. */
  async function marks(id: string): Promise<DeskMarks> {
    const m = await db.get<{ t: number | null; a: number | null }>(
      'SELECT (SELECT MAX(id) FROM transcript WHERE case_id = ?) AS t, (SELECT MAX(id) FROM audit WHERE case_id = ?) AS a',
      [id, id],
    );
    return { transcript: Number(m?.t ?? 0), audit: Number(m?.a ?? 0) };
  }

  async function entriesOf(id: string, after: DeskMarks): Promise<{ entries: DeskEntry[]; staff: string[] }> {
    const said = await db.all<Record<string, unknown>>(
      'SELECT id, at, speaker, text, choice, actor FROM transcript WHERE case_id = ? AND id > ? ORDER BY id',
      [id, after.transcript],
    );
    const rows = await db.all<Record<string, unknown>>(
      'SELECT id, at, actor, kind, field, old_value, new_value FROM audit WHERE case_id = ? AND id > ? ORDER BY id',
      [id, after.audit],
    );
    return entriesFrom(said, rows);
  }

  /** A case's entries from its transcript and audit rows (each in id order). */
  function entriesFrom(
    said: Record<string, unknown>[],
    rows: Record<string, unknown>[],
  ): { entries: DeskEntry[]; staff: string[] } {
    const entries: DeskEntry[] = [];
    for (const s of said) {
      const from = s.speaker === 'user' ? 'caller' : 'bot';
      // commands typed at the desk (/start) are not the caller's words
      if (from === 'caller' && String(s.text).startsWith('/')) continue;
      const who = (s.actor as string | null) ?? '';
      entries.push({
        kind: 'said',
        from,
        text: String(s.text),
        ...(s.choice ? { choice: String(s.choice) } : {}),
        at: iso(s.at),
        by: who,
        byName: who,
        key: `t${String(s.id)}`,
      });
    }
    const staff: string[] = [];
    const changes: DeskEntry[] = [];
    for (const a of rows) {
      const e = auditEntry(a);
      if (!e) continue;
      changes.push(e);
      if (e.kind !== 'forgotten' && !staff.includes(e.byName)) staff.push(e.byName);
    }
    // stable merge by time: what was said first when a change has the same millisecond (ISO times
    // of one format order as text; a plain comparison, not the locale's collation)
    const merged = [...entries, ...changes].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    return { entries: merged, staff };
  }

  async function record(id: string): Promise<DeskRecord | undefined> {
    const r = await row(id);
    if (!r) return undefined;
    const summary = summaryOf(r);
    const { entries, staff } = await entriesOf(id, { transcript: 0, audit: 0 });
    return { ...summary, staff: [...new Set([summary.openedByName, ...staff])], entries };
  }

  /**
   * The case with only the entries after `after` (a turn's answer: what the turn added), so a turn
   * does not read and send the whole transcript again; the page adds them to the record it holds.
   * Given the rows the turn's transaction wrote (TurnRows), nothing is read back: the case row as
   * the turn left it and its new rows are what reading them would give.
   */
  async function recordTail(id: string, after: DeskMarks | TurnRows): Promise<DeskRecordTail | undefined> {
    if (!isTurnRows(after)) {
      const r = await row(id);
      if (!r) return undefined;
      return { ...summaryOf(r), tail: true, entries: (await entriesOf(id, after)).entries };
    }
    const r = (after.caseRow as Row | undefined) ?? (await row(id));
    if (!r) return undefined;
    return { ...summaryOf(r), tail: true, entries: entriesFrom(after.transcript, after.audit).entries };
  }

  return {
    record,
    recordTail,
    marks,

    /** a new case at the desk: the row is the storage layer's case record, the taker named */
    async open(id: string, who: DeskActor): Promise<void> {
      const t = now().getTime();
      await db.tx(async () => {
        await db.run(
          'INSERT INTO cases (id, session_key, channel, owner, owner_name, created_at, updated_at, day) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
          [id, `web:${id}:${who.user}`, 'web', who.user, who.name, t, t, chinaDay(t)],
        );
        await audit(id, who, 'created', null, null, null);
      });
    },

    async search(q: DeskQuery): Promise<{ total: number; cases: DeskSummary[] }> {
      const limit = Math.min(Math.max(Math.trunc(q.limit ?? 50) || 50, 1), 200);
      const offset = Math.max(Math.trunc(q.offset ?? 0) || 0, 0);
      const w = where(q);
      // the count and the page side by side: on PostgreSQL they run on two connections at once
      const [count, rows] = await Promise.all([
        db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM cases ${w.sql}`, w.params),
        db.all<Row>(`SELECT ${COLUMNS} FROM cases ${w.sql} ORDER BY updated_at DESC, id LIMIT ? OFFSET ?`, [
          ...w.params,
          limit,
          offset,
        ]),
      ]);
      return { total: Number(count?.n ?? 0), cases: rows.map(summaryOf) };
    },

    /** every kept case matching the query, newest first, for exports */
    async all(q: DeskQuery): Promise<DeskSummary[]> {
      const w = where(q);
      const rows = await db.all<Row>(
        `SELECT ${COLUMNS} FROM cases ${w.sql} ORDER BY updated_at DESC, id`,
        w.params,
      );
      return rows.map(summaryOf);
    },

    /**
     * Status, caller phone and callback date; one audit row per value that changed, all in one
     * transaction. Returns the kinds changed (empty: nothing to do), or undefined for no such case.
     */
    async setLifecycle(
      id: string,
      patch: { status?: DeskStatus; callerPhone?: string; callbackDate?: string },
      who: DeskActor,
    ): Promise<string[] | undefined> {
      return db.tx(async () => {
        const r = await row(id);
        if (!r) return undefined;
        const cur = summaryOf(r);
        const changed: string[] = [];
        const cols = [
          ['status', 'status', 'status'],
          ['callerPhone', 'phone', 'phone'],
          ['callbackDate', 'callback_date', 'callbackDate'],
        ] as const;
        for (const [key, col, kind] of cols) {
          const v = patch[key];
          if (v === undefined || v === cur[key]) continue;
          await db.run(`UPDATE cases SET ${col} = ?, updated_at = ? WHERE id = ?`, [
            v === '' ? null : v,
            now().getTime(),
            id,
          ]);
          await audit(id, who, kind, kind, cur[key], v);
          changed.push(kind);
        }
        return changed;
      });
    },

    async addNote(id: string, text: string, who: DeskActor): Promise<boolean> {
      return db.tx(async () => {
        const n = await db.run(
          'UPDATE cases SET note_count = note_count + 1, updated_at = ? WHERE id = ? AND updated_at >= ?',
          [now().getTime(), id, cutoff()],
        );
        if (n) await audit(id, who, 'note', null, null, text);
        return n > 0;
      });
    },

    /** audit rows for changes the engine's own store did not record (an engine without our store) */
    async recordChanges(id: string, who: DeskActor, events: DeskEvent[]): Promise<void> {
      await db.tx(async () => {
        for (const e of events) {
          if (e.kind === 'fact') await audit(id, who, 'fact', e.fact, e.from, e.to);
          else if (e.kind === 'field') await audit(id, who, 'field', e.field, e.from, e.to);
        }
      });
    },

    /**
     * A console turn's lines, when the engine has no store of ours (which writes the transcript in
     * the turn's own transaction): what was said, the label of the button pressed, who was at the desk.
     */
    async completeTurn(
      id: string,
      lines: { from: 'user' | 'bot'; text: string; choice?: string }[],
      who: DeskActor,
    ): Promise<void> {
      const t = now().getTime();
      await db.tx(async () => {
        for (const l of lines)
          await db.run(
            'INSERT INTO transcript (case_id, at, speaker, text, choice, actor) VALUES (?, ?, ?, ?, ?, ?)',
            [id, t, l.from, l.text, l.choice ?? null, who.name],
          );
      });
    },

    /** the caller asked to be forgotten: notes, callback date and the count of notes go too */
    async forget(id: string, who: DeskActor): Promise<void> {
      await db.tx(async () => {
        await db.run(
          "UPDATE cases SET phone = NULL, callback_date = NULL, note_count = 0, notes = '', company = NULL, credit_code = NULL WHERE id = ?",
          [id],
        );
        await db.run('DELETE FROM transcript WHERE case_id = ?', [id]);
        await db.run('UPDATE audit SET old_value = NULL, new_value = NULL WHERE case_id = ?', [id]);
        // the engine's store already wrote one when it forgot the session
        const has = await db.get("SELECT id FROM audit WHERE case_id = ? AND kind = 'forget'", [id]);
        if (!has) await audit(id, who, 'forget', null, null, null);
      });
    },

    /** aggregates over the cases opened between two China days (inclusive) */
    async stats(q: DeskQuery & { from: string; to: string }): Promise<DeskStatsRaw> {
      const w = where(q);
      const n = (v: unknown) => Number(v ?? 0);
      // One scan of the cases for every count that only needs their own columns: the groups
      // (day × route × status × eligible × unmet × staff) are few and are added up here.
      const joined = where(q, 'c.');
      const [groups, work] = await Promise.all([
        db.all<{
          day: string;
          route: string;
          status: string;
          e: number | null;
          unmet: string;
          who: string;
          n: number;
        }>(
          `SELECT day, route, status, eligible AS e, unmet, COALESCE(owner_name, owner) AS who, COUNT(*) AS n
             FROM cases ${w.sql} GROUP BY day, route, status, eligible, unmet, COALESCE(owner_name, owner)`,
          w.params,
        ),
        // Per staff member, over the audit rows of the cases in the range: the cases they took or
        // changed (the desk writes a 'created' row for the one who took the call), and the closed
        // cases they set to closed.
        db.all<{ who: string; worked: number; closed: number }>(
          `SELECT a.actor AS who, COUNT(DISTINCT a.case_id) AS worked,
             COUNT(DISTINCT CASE WHEN a.kind = 'status' AND a.new_value = '"closed"' AND c.status = 'closed' THEN a.case_id END) AS closed
           FROM cases c JOIN audit a ON a.case_id = c.id
           ${joined.sql} AND a.channel = 'web' AND a.kind NOT IN ('expired', 'forget')
           GROUP BY a.actor`,
          joined.params,
        ),
      ]);
      const add = (m: Map<string, number>, k: string, by: number) => m.set(k, (m.get(k) ?? 0) + by);
      const perDay = new Map<string, number>();
      const routes = new Map<string, number>();
      const statuses = new Map<string, number>();
      const unmet = new Map<string, number>();
      const eligible = { yes: 0, no: 0, unknown: 0 };
      const staff = new Map<string, { name: string; opened: number; worked: number; closed: number }>();
      const person = (name: string) => {
        let p = staff.get(name);
        if (!p) {
          p = { name, opened: 0, worked: 0, closed: 0 };
          staff.set(name, p);
        }
        return p;
      };
      let total = 0;
      const parsed = new Map<string, string[]>();
      for (const g of groups) {
        const c = n(g.n);
        total += c;
        add(perDay, g.day, c);
        add(routes, g.route, c);
        add(statuses, g.status, c);
        if (g.e === null || g.e === undefined) eligible.unknown += c;
        else if (Number(g.e) === 1) eligible.yes += c;
        else eligible.no += c;
        if (g.unmet !== '[]') {
          let ids = parsed.get(g.unmet);
          if (!ids) {
            ids = JSON.parse(g.unmet) as string[];
            parsed.set(g.unmet, ids);
          }
          for (const id of ids) add(unmet, id, c);
        }
        person(g.who).opened += c;
      }
      for (const o of work) {
        const p = person(o.who);
        p.worked = n(o.worked);
        p.closed = n(o.closed);
      }
      const byCount = (a: [string, number], b: [string, number]) => b[1] - a[1] || a[0].localeCompare(b[0]);
      return {
        perDay,
        routes: [...routes].sort(byCount).map(([path, count]) => ({ path, count })),
        statuses: [...statuses].sort(byCount).map(([status, count]) => ({ status, count })),
        eligible,
        unmet: [...unmet].sort(byCount).map(([id, count]) => ({ id, count })),
        staff: [...staff.values()].sort((a, b) => b.worked - a.worked || a.name.localeCompare(b.name)),
        total,
      };
    },
    /** tells every console process that a case changed (read back by `changesSince`) */
    async announce(c: Omit<DeskChange, 'id' | 'at'>): Promise<DeskChange> {
      const feed = feedRow(c, now().getTime());
      const r = await db.get<{ id: number }>(`${FEED_INSERT} RETURNING id`, feed.params);
      return { ...feed.change, id: Number(r?.id ?? 0) };
    },

    /** changes announced since a time (ms), oldest first; old ones are dropped now and then */
    async changesSince(ms: number): Promise<DeskChange[]> {
      // ordered by time so the index on it is used: in id order SQLite scans the whole day's feed
      // on every poll (86,400 rows: 5.6 ms a second per process with a page open, against 0.03)
      const rows = await db.all<{ id: number; payload: string }>(
        'SELECT id, payload FROM case_changes WHERE at >= ? ORDER BY at, id',
        [ms],
      );
      return rows.map((r) => ({ ...(JSON.parse(r.payload) as Omit<DeskChange, 'id'>), id: Number(r.id) }));
    },
    async pruneChanges(beforeMs: number): Promise<void> {
      await db.run('DELETE FROM case_changes WHERE at < ?', [beforeMs]);
    },
  };
}

export type CaseDesk = ReturnType<typeof caseDesk>;

/** A change to a case on the feed every console process polls (`case_changes`). */
export type FeedChange = Omit<DeskChange, 'id' | 'at'>;
export const FEED_INSERT = 'INSERT INTO case_changes (case_id, at, payload) VALUES (?, ?, ?)';
/** the feed row of a change at a time (ms): the session store writes a console turn's in its transaction */
export function feedRow(c: FeedChange, atMs: number): { change: Omit<DeskChange, 'id'>; params: Param[] } {
  const change = { ...c, at: iso(atMs) };
  return { change, params: [c.caseId, atMs, JSON.stringify(change)] };
}

/** the China day of an ISO time, as the desk files cases */
export const deskDay = (isoTime: string): string => chinaDay(Date.parse(isoTime));
/** "YYYY-MM-DD HH:MM" in China time, for exports (China has kept UTC+8 without daylight saving) */
export const chinaTimeOf = (isoTime: string): string =>
  new Date(Date.parse(isoTime) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
export { chinaDayStart };

// ---- the console's old JSON-lines file, imported once ----

interface OldEntry {
  kind: string;
  at: string;
  by: string;
  byName: string;
  [k: string]: unknown;
}
/** the old file's records hold what a summary shows, plus every entry */
type OldRecord = Omit<DeskSummary, 'notes' | 'anonymised'> & { entries: OldEntry[] };

const OLD_FILE = 'web-case-records.jsonl';

/** Replays the old append-only file (create / patch / entry / remove lines) into whole records. */
function readOldRecords(text: string): { records: OldRecord[]; bad: number } {
  const cases = new Map<string, OldRecord>();
  let bad = 0;
  for (const raw of text.split('\n')) {
    if (!raw.trim()) continue;
    try {
      const line = JSON.parse(raw) as {
        op: string;
        id?: string;
        rec?: OldRecord;
        patch?: object;
        at?: string;
        entry?: OldEntry;
      };
      if (line.op === 'create' && line.rec) cases.set(line.rec.id, { ...line.rec, entries: [] });
      else if (line.op === 'remove' && line.id) cases.delete(line.id);
      else {
        const rec = line.id ? cases.get(line.id) : undefined;
        if (!rec) continue;
        if (line.op === 'patch')
          Object.assign(rec, line.patch, { lastActivity: line.at ?? rec.lastActivity });
        else if (line.op === 'entry' && line.entry) {
          rec.entries.push(line.entry);
          rec.lastActivity = line.entry.at;
        }
      }
    } catch {
      bad++; // a line cut short by a crash mid-append
    }
  }
  return { records: [...cases.values()], bad };
}

/**
 * The console kept its lifecycle, notes and transcript in `web-case-records.jsonl` before the
 * database. On first start they are imported into the case records (status, phone, callback date,
 * notes and changes as audit rows; its full lines replace the database's excerpts of the same turns;
 * audit rows that named staff by login get their name), then the file is renamed `*.imported` and
 * kept aside; a second start finds nothing to do.
 */
export async function importDeskFile(
  dir: string,
  db: Db,
  log?: Pick<Logger, 'info' | 'warn' | 'error'>,
): Promise<number> {
  const file = join(dir, OLD_FILE);
  if (!existsSync(file)) return 0;
  // one transaction: a failed import leaves nothing behind and is tried again at the next start
  return db.exclusive('credit-bot:desk-import', () =>
    db.tx(async () => {
      if (!existsSync(file)) return 0; // another process did it a moment ago
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (err) {
        throw new Error(
          `cannot read ${file} (${(err as Error).message}): fix its permissions or move it away and start again`,
        );
      }
      const { records, bad } = readOldRecords(text);
      if (bad) log?.warn({ file, bad }, 'old web case records: skipped unreadable lines (a write cut short)');
      for (const c of records) {
        const created = Date.parse(c.created) || Date.now();
        const updated = Date.parse(c.lastActivity) || created;
        await db.run(
          `INSERT INTO cases (id, session_key, channel, owner, owner_name, created_at, updated_at, day) VALUES (?, ?, 'web', ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO NOTHING`,
          [
            c.id,
            `web:${c.id}:${c.openedBy}`,
            c.openedBy,
            c.openedByName,
            created,
            updated,
            chinaDay(created),
          ],
        );
        // who took the call, as the desk records it for a new case
        await db.run(
          "INSERT INTO audit (case_id, at, actor, channel, kind) SELECT ?, ?, ?, 'web', 'created' WHERE NOT EXISTS (SELECT 1 FROM audit WHERE case_id = ? AND kind = 'created')",
          [c.id, created, c.openedByName, c.id],
        );
        const notes = c.entries.filter((e) => e.kind === 'note').length;
        const orNull = (v: unknown) => (typeof v === 'string' && v ? v : null);
        await db.run(
          `UPDATE cases SET owner_name = COALESCE(owner_name, ?), status = ?, phone = COALESCE(?, phone),
           callback_date = COALESCE(?, callback_date), company = COALESCE(company, ?), credit_code = COALESCE(credit_code, ?),
           note_count = ?, updated_at = CASE WHEN updated_at > ? THEN updated_at ELSE ? END WHERE id = ?`,
          [
            c.openedByName,
            c.status || 'open',
            orNull(c.callerPhone),
            orNull(c.callbackDate),
            orNull(c.company),
            orNull(c.creditCode),
            notes,
            updated,
            updated,
            c.id,
          ],
        );
        // The old file kept every line in full (the database's rows of the same turns are the
        // session's excerpts): its lines replace them. The database's audit rows named staff by
        // login then; they now carry the name.
        const said = c.entries.some((e) => e.kind === 'said');
        if (said) await db.run('DELETE FROM transcript WHERE case_id = ?', [c.id]);
        const names = new Map([[c.openedBy, c.openedByName]]);
        for (const e of c.entries) if (e.by && e.byName) names.set(e.by, e.byName);
        for (const [user, name] of names)
          if (user !== name)
            await db.run('UPDATE audit SET actor = ? WHERE case_id = ? AND actor = ?', [name, c.id, user]);
        const hasFacts = await db.get(
          "SELECT id FROM audit WHERE case_id = ? AND kind IN ('fact', 'field') LIMIT 1",
          [c.id],
        );
        for (const e of c.entries) {
          const at = Date.parse(e.at) || updated;
          if (e.kind === 'said') {
            await db.run(
              'INSERT INTO transcript (case_id, at, speaker, text, choice, actor) VALUES (?, ?, ?, ?, ?, ?)',
              [
                c.id,
                at,
                e.from === 'caller' ? 'user' : 'bot',
                String(e.text ?? ''),
                typeof e.choice === 'string' ? e.choice : null,
                e.byName,
              ],
            );
            continue;
          }
          if ((e.kind === 'fact' || e.kind === 'field') && hasFacts) continue;
          const kind = { callback: 'callbackDate', forgotten: 'forget' }[e.kind] ?? e.kind;
          const field = e.kind === 'fact' ? String(e.fact) : e.kind === 'field' ? String(e.field) : null;
          await db.run(
            'INSERT INTO audit (case_id, at, actor, channel, kind, field, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
            [
              c.id,
              at,
              e.byName || e.by,
              'web',
              kind,
              field,
              json(e.kind === 'note' ? null : e.from),
              json(e.kind === 'note' ? e.text : e.to),
            ],
          );
        }
      }
      try {
        renameSync(file, `${file}.imported`);
      } catch (err) {
        log?.error({ file, err: (err as Error).message }, 'imported, but cannot rename the old file aside');
      }
      log?.info(
        { cases: records.length },
        'imported the old web case records into the database (kept as *.imported)',
      );
      return records.length;
    }),
  );
}
