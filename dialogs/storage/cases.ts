// Case records for the staff console: find a case, follow it (status, notes, callback date, audit
// trail, full transcript), count them. Every change is one transaction with its audit row.
import { randomBytes } from 'node:crypto';
import type { PathId } from '../../rules/types.ts';
import { chinaDay, chinaDayStart, currentActor } from './context.ts';
import type { Db, Param } from './db.ts';

export const CASE_STATUSES = ['open', 'waiting', 'transferred', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CASE_ID_PATTERN = /^[A-Za-z0-9_-]{8,40}$/;

export interface CaseRecord {
  id: string;
  /** the engine session this case is the record of (`channel:chat:user`) */
  sessionKey: string;
  channel: string;
  /** who opened it (staff user for web cases, the chat user otherwise) */
  openedBy: string;
  /** ISO times */
  created: string;
  lastActivity: string;
  /** the China calendar day it was opened (YYYY-MM-DD) */
  day: string;
  status: CaseStatus;
  path: PathId;
  eligible: boolean | null;
  /** ids of unmet conditions (rules' reason ids), for the statistics */
  unmet: string[];
  company: string | null;
  creditCode: string | null;
  phone: string | null;
  notes: string;
  /** YYYY-MM-DD */
  callbackDate: string | null;
  /** draft fields typed by staff (name, creditCode, phone, …); never guessed */
  draftFields: Record<string, string>;
  /** the choices of the bot's last message, so a reopened case still shows its buttons */
  lastChoices: { id: string; label: string }[];
  /** set once the retention time removed its personal data */
  expired: boolean;
}

export interface AuditEntry {
  id: number;
  caseId: string;
  at: string;
  actor: string;
  channel: string;
  /** fact | field (draft field) | status | notes | callbackDate | phone | company | creditCode | created | forget | expired | deleted */
  kind: string;
  field: string | null;
  /** JSON texts (null once anonymised) */
  oldValue: string | null;
  newValue: string | null;
}

export interface TranscriptLine {
  at: string;
  from: 'user' | 'bot';
  text: string;
}

export interface CaseQuery {
  /** matches company, credit code, phone or case id (substring) */
  q?: string;
  company?: string;
  creditCode?: string;
  phone?: string;
  route?: string;
  status?: CaseStatus;
  owner?: string;
  channel?: string;
  /** China calendar days, inclusive, of the last activity */
  from?: string;
  to?: string;
  includeExpired?: boolean;
  /** 1–500, default 50 */
  limit?: number;
  offset?: number;
}

export interface CasePage {
  total: number;
  limit: number;
  offset: number;
  /** newest activity first */
  cases: CaseRecord[];
}

export interface CasePatch {
  status?: CaseStatus;
  notes?: string;
  /** YYYY-MM-DD, or null to clear */
  callbackDate?: string | null;
  phone?: string | null;
  company?: string | null;
  creditCode?: string | null;
}

export interface CaseStats {
  from: string | null;
  to: string | null;
  cases: number;
  callsPerDay: { day: string; calls: number }[];
  routes: { route: string; count: number }[];
  eligible: { yes: number; no: number; undecided: number; share: number | null };
  statuses: { status: string; count: number }[];
  /** most frequent unmet conditions first */
  unmet: { condition: string; count: number }[];
  /** cases opened and audit changes made per staff member (or chat user) */
  perStaff: { staff: string; cases: number; changes: number }[];
}

export interface CaseRowDb {
  id: string;
  session_key: string;
  channel: string;
  owner: string;
  created_at: number;
  updated_at: number;
  day: string;
  status: string;
  route: string;
  eligible: number | null;
  unmet: string;
  company: string | null;
  credit_code: string | null;
  phone: string | null;
  notes: string;
  callback_date: string | null;
  draft_fields: string;
  last_choices: string;
  expired_at: number | null;
}

const COLUMNS =
  'id, session_key, channel, owner, created_at, updated_at, day, status, route, eligible, unmet, company, credit_code, phone, notes, callback_date, draft_fields, last_choices, expired_at';

function toRecord(r: CaseRowDb): CaseRecord {
  return {
    id: r.id,
    sessionKey: r.session_key,
    channel: r.channel,
    openedBy: r.owner,
    created: new Date(Number(r.created_at)).toISOString(),
    lastActivity: new Date(Number(r.updated_at)).toISOString(),
    day: r.day,
    status: r.status as CaseStatus,
    path: r.route as PathId,
    eligible: r.eligible === null || r.eligible === undefined ? null : Number(r.eligible) === 1,
    unmet: JSON.parse(r.unmet) as string[],
    company: r.company,
    creditCode: r.credit_code,
    phone: r.phone,
    notes: r.notes,
    callbackDate: r.callback_date,
    draftFields: JSON.parse(r.draft_fields) as Record<string, string>,
    lastChoices: JSON.parse(r.last_choices) as CaseRecord['lastChoices'],
    expired: r.expired_at !== null && r.expired_at !== undefined,
  };
}

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
const like = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export interface CaseStoreOptions {
  now?: () => Date;
  /** cases idle longer than this are not listed (their sessions expire then too) */
  ttlMs?: number;
}

export function sqlCaseStore(db: Db, opts: CaseStoreOptions = {}) {
  const now = opts.now ?? (() => new Date());
  const ttlMs = opts.ttlMs ?? 7 * 86_400_000;
  const who = (fallback?: string) =>
    currentActor() ?? { actor: fallback ?? 'system', channel: fallback ? 'web' : 'system' };

  async function audit(
    caseId: string,
    kind: string,
    field: string | null,
    o: unknown,
    n: unknown,
    actor?: string,
  ) {
    const w = who(actor);
    await db.run(
      'INSERT INTO audit (case_id, at, actor, channel, kind, field, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      [
        caseId,
        now().getTime(),
        actor ?? w.actor,
        w.channel,
        kind,
        field,
        o === undefined || o === null ? null : JSON.stringify(o),
        n === undefined || n === null ? null : JSON.stringify(n),
      ],
    );
  }

  const row = (id: string) => db.get<CaseRowDb>(`SELECT ${COLUMNS} FROM cases WHERE id = ?`, [id]);
  const live = (r: CaseRowDb | undefined) =>
    !!r && r.expired_at === null && Number(r.updated_at) >= now().getTime() - ttlMs;

  async function get(id: string): Promise<CaseRecord | undefined> {
    if (!CASE_ID_PATTERN.test(id)) return undefined;
    const r = await row(id);
    return live(r) ? toRecord(r as CaseRowDb) : undefined;
  }

  function where(q: CaseQuery): { sql: string; params: Param[] } {
    const parts: string[] = [];
    const params: Param[] = [];
    const add = (sql: string, ...p: Param[]) => {
      parts.push(sql);
      params.push(...p);
    };
    if (!q.includeExpired) add('expired_at IS NULL AND updated_at >= ?', now().getTime() - ttlMs);
    const text = q.q?.trim();
    if (text) {
      const l = like(text);
      const upper = like(text.toUpperCase());
      add(
        "(company LIKE ? ESCAPE '\\' OR credit_code LIKE ? ESCAPE '\\' OR phone LIKE ? ESCAPE '\\' OR id = ?)",
        l,
        upper,
        l,
        text,
      );
    }
    if (q.company?.trim()) add("company LIKE ? ESCAPE '\\'", like(q.company.trim()));
    if (q.creditCode?.trim()) add("credit_code LIKE ? ESCAPE '\\'", like(q.creditCode.trim().toUpperCase()));
    if (q.phone?.trim()) add("phone LIKE ? ESCAPE '\\'", like(q.phone.trim()));
    if (q.route) add('route = ?', q.route);
    if (q.status) add('status = ?', q.status);
    if (q.owner) add('owner = ?', q.owner);
    if (q.channel) add('channel = ?', q.channel);
    if (q.from && DAY_RE.test(q.from)) add('updated_at >= ?', chinaDayStart(q.from));
    if (q.to && DAY_RE.test(q.to)) add('updated_at < ?', chinaDayStart(q.to) + 86_400_000);
    return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
  }

  async function list(q: CaseQuery = {}): Promise<CasePage> {
    const limit = Math.min(Math.max(Math.trunc(q.limit ?? 50) || 50, 1), 500);
    const offset = Math.max(Math.trunc(q.offset ?? 0) || 0, 0);
    const w = where(q);
    const total = await db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM cases ${w.sql}`, w.params);
    const rows = await db.all<CaseRowDb>(
      `SELECT ${COLUMNS} FROM cases ${w.sql} ORDER BY updated_at DESC, id LIMIT ? OFFSET ?`,
      [...w.params, limit, offset],
    );
    return { total: Number(total?.n ?? 0), limit, offset, cases: rows.map(toRecord) };
  }

  async function update(id: string, patch: CasePatch, actor?: string): Promise<CaseRecord | undefined> {
    if (patch.status !== undefined && !CASE_STATUSES.includes(patch.status))
      throw new Error(`status must be one of ${CASE_STATUSES.join(', ')}`);
    if (patch.callbackDate && !DAY_RE.test(patch.callbackDate))
      throw new Error('callbackDate must be a day as YYYY-MM-DD (or null to clear it)');
    return db.tx(async () => {
      const r = await row(id);
      if (!live(r)) return undefined;
      const cur = toRecord(r as CaseRowDb);
      const cols: Record<keyof CasePatch, string> = {
        status: 'status',
        notes: 'notes',
        callbackDate: 'callback_date',
        phone: 'phone',
        company: 'company',
        creditCode: 'credit_code',
      };
      for (const k of Object.keys(cols) as (keyof CasePatch)[]) {
        if (!(k in patch) || patch[k] === undefined) continue;
        const value = patch[k] === '' && k !== 'notes' ? null : (patch[k] as string | null);
        if (value === cur[k]) continue;
        await db.run(`UPDATE cases SET ${cols[k]} = ?, updated_at = ? WHERE id = ?`, [
          value,
          now().getTime(),
          id,
        ]);
        await audit(id, k, k, cur[k], value, actor);
      }
      return toRecord((await row(id)) as CaseRowDb);
    });
  }

  return {
    get,
    list,
    update,
    /** a new web case: opened by a staff member; the engine's session key is `web:<id>:<openedBy>` */
    async create(openedBy: string): Promise<CaseRecord> {
      const id = randomBytes(9).toString('base64url');
      const t = now().getTime();
      await db.tx(async () => {
        await db.run(
          'INSERT INTO cases (id, session_key, channel, owner, created_at, updated_at, day) VALUES (?, ?, ?, ?, ?, ?, ?)',
          [id, `web:${id}:${openedBy}`, 'web', openedBy, t, t, chinaDay(t)],
        );
        await audit(id, 'created', null, null, null, openedBy);
      });
      return (await get(id)) as CaseRecord;
    },
    /** today's cases (the day in China), newest activity first */
    async today(limit = 200): Promise<CaseRecord[]> {
      const day = chinaDay(now());
      return (await list({ from: day, to: day, limit })).cases;
    },
    async bySession(key: string): Promise<CaseRecord | undefined> {
      const r = await db.get<{ id: string }>('SELECT id FROM cases WHERE session_key = ?', [key]);
      return r ? get(r.id) : undefined;
    },
    /** the case's audit trail, oldest first */
    async audit(id: string): Promise<AuditEntry[]> {
      const rows = await db.all<Record<string, unknown>>(
        'SELECT id, case_id, at, actor, channel, kind, field, old_value, new_value FROM audit WHERE case_id = ? ORDER BY id',
        [id],
      );
      return rows.map((r) => ({
        id: Number(r.id),
        caseId: String(r.case_id),
        at: new Date(Number(r.at)).toISOString(),
        actor: String(r.actor),
        channel: String(r.channel),
        kind: String(r.kind),
        field: (r.field as string | null) ?? null,
        oldValue: (r.old_value as string | null) ?? null,
        newValue: (r.new_value as string | null) ?? null,
      }));
    },
    /** every line of the conversation, oldest first (the session keeps only the last 20) */
    async transcript(id: string): Promise<TranscriptLine[]> {
      const rows = await db.all<{ at: number; speaker: string; text: string }>(
        'SELECT at, speaker, text FROM transcript WHERE case_id = ? ORDER BY id',
        [id],
      );
      return rows.map((r) => ({
        at: new Date(Number(r.at)).toISOString(),
        from: r.speaker as 'user' | 'bot',
        text: r.text,
      }));
    },
    /** draft fields typed by staff; name, creditCode and phone also become the case's company/code/phone */
    async setDraftFields(
      id: string,
      fields: Record<string, string>,
      actor?: string,
    ): Promise<CaseRecord | undefined> {
      return db.tx(async () => {
        const r = await row(id);
        if (!live(r)) return undefined;
        const cur = toRecord(r as CaseRowDb);
        for (const name of new Set([...Object.keys(cur.draftFields), ...Object.keys(fields)])) {
          if (cur.draftFields[name] !== fields[name])
            await audit(id, 'field', name, cur.draftFields[name], fields[name], actor);
        }
        const v = (f: string): Param => fields[f] || null;
        await db.run(
          `UPDATE cases SET draft_fields = ?, updated_at = ?,
             company = COALESCE(?, company), credit_code = COALESCE(?, credit_code), phone = COALESCE(?, phone) WHERE id = ?`,
          [JSON.stringify(fields), now().getTime(), v('name'), v('creditCode'), v('phone'), id],
        );
        return toRecord((await row(id)) as CaseRowDb);
      });
    },
    /**
     * For engines that do not write case records themselves (a test double): the route and buttons
     * after a turn. The real engine's session store updates them in the turn's own transaction.
     */
    async touch(
      id: string,
      patch: Partial<Pick<CaseRecord, 'path' | 'eligible' | 'lastChoices'>>,
    ): Promise<void> {
      const sets: string[] = ['updated_at = ?'];
      const params: Param[] = [now().getTime()];
      if (patch.path) sets.push('route = ?') && params.push(patch.path);
      if (patch.eligible !== undefined)
        sets.push('eligible = ?') && params.push(patch.eligible === null ? null : patch.eligible ? 1 : 0);
      if (patch.lastChoices) sets.push('last_choices = ?') && params.push(JSON.stringify(patch.lastChoices));
      await db.tx(() => db.run(`UPDATE cases SET ${sets.join(', ')} WHERE id = ?`, [...params, id]));
    },
    /** forgets what staff typed for a case (the caller's /forget): name, code, phone, notes */
    async clearPersonal(id: string): Promise<void> {
      await db.tx(async () => {
        await db.run(
          `UPDATE cases SET company = NULL, credit_code = NULL, phone = NULL, notes = '', draft_fields = '{}', updated_at = ? WHERE id = ?`,
          [now().getTime(), id],
        );
        await db.run('DELETE FROM transcript WHERE case_id = ?', [id]);
        await db.run('UPDATE audit SET old_value = NULL, new_value = NULL WHERE case_id = ?', [id]);
      });
    },
    /** deletes a case; its audit trail keeps an anonymised row saying who deleted it */
    async remove(id: string, actor?: string): Promise<boolean> {
      return db.tx(async () => {
        const n = await db.run('DELETE FROM cases WHERE id = ?', [id]);
        if (!n) return false;
        await db.run('DELETE FROM transcript WHERE case_id = ?', [id]);
        await db.run('UPDATE audit SET old_value = NULL, new_value = NULL WHERE case_id = ?', [id]);
        await audit(id, 'deleted', null, null, null, actor);
        return true;
      });
    },
    /** aggregates over the cases opened between two China days (inclusive; both optional) */
    async stats(range: { from?: string; to?: string } = {}): Promise<CaseStats> {
      const parts: string[] = [];
      const params: Param[] = [];
      if (range.from && DAY_RE.test(range.from)) parts.push('day >= ?') && params.push(range.from);
      if (range.to && DAY_RE.test(range.to)) parts.push('day <= ?') && params.push(range.to);
      const w = parts.length ? `WHERE ${parts.join(' AND ')}` : '';
      const n = (v: unknown) => Number(v ?? 0);
      const perDay = await db.all<{ day: string; n: number }>(
        `SELECT day, COUNT(*) AS n FROM cases ${w} GROUP BY day ORDER BY day`,
        params,
      );
      const routes = await db.all<{ route: string; n: number }>(
        `SELECT route, COUNT(*) AS n FROM cases ${w} GROUP BY route ORDER BY n DESC, route`,
        params,
      );
      const statuses = await db.all<{ status: string; n: number }>(
        `SELECT status, COUNT(*) AS n FROM cases ${w} GROUP BY status ORDER BY n DESC, status`,
        params,
      );
      const elig = await db.all<{ e: number | null; n: number }>(
        `SELECT eligible AS e, COUNT(*) AS n FROM cases ${w} GROUP BY eligible`,
        params,
      );
      const unmetRows = await db.all<{ unmet: string }>(
        `SELECT unmet FROM cases ${w ? `${w} AND` : 'WHERE'} unmet <> '[]'`,
        params,
      );
      const owners = await db.all<{ owner: string; n: number }>(
        `SELECT owner, COUNT(*) AS n FROM cases ${w} GROUP BY owner`,
        params,
      );
      // changes are counted by when they were made, over the same days
      const aParts: string[] = ["kind NOT IN ('created', 'expired')"];
      const aParams: Param[] = [];
      if (range.from && DAY_RE.test(range.from))
        aParts.push('at >= ?') && aParams.push(chinaDayStart(range.from));
      if (range.to && DAY_RE.test(range.to))
        aParts.push('at < ?') && aParams.push(chinaDayStart(range.to) + 86_400_000);
      const changes = await db.all<{ actor: string; n: number }>(
        `SELECT actor, COUNT(*) AS n FROM audit WHERE ${aParts.join(' AND ')} GROUP BY actor`,
        aParams,
      );
      const counts = new Map<string, number>();
      for (const r of unmetRows)
        for (const c of JSON.parse(r.unmet) as string[]) counts.set(c, (counts.get(c) ?? 0) + 1);
      const staff = new Map<string, { staff: string; cases: number; changes: number }>();
      const entry = (s: string) => {
        let e = staff.get(s);
        if (!e) {
          e = { staff: s, cases: 0, changes: 0 };
          staff.set(s, e);
        }
        return e;
      };
      for (const o of owners) entry(o.owner).cases = n(o.n);
      for (const c of changes) entry(c.actor).changes = n(c.n);
      const yes = n(elig.find((e) => e.e !== null && Number(e.e) === 1)?.n);
      const no = n(elig.find((e) => e.e !== null && Number(e.e) === 0)?.n);
      const undecided = n(elig.find((e) => e.e === null)?.n);
      return {
        from: range.from ?? null,
        to: range.to ?? null,
        cases: perDay.reduce((a, r) => a + n(r.n), 0),
        callsPerDay: perDay.map((r) => ({ day: r.day, calls: n(r.n) })),
        routes: routes.map((r) => ({ route: r.route, count: n(r.n) })),
        eligible: { yes, no, undecided, share: yes + no ? yes / (yes + no) : null },
        statuses: statuses.map((r) => ({ status: r.status, count: n(r.n) })),
        unmet: [...counts]
          .map(([condition, count]) => ({ condition, count }))
          .sort((a, b) => b.count - a.count || a.condition.localeCompare(b.condition)),
        perStaff: [...staff.values()].sort((a, b) => b.cases - a.cases || a.staff.localeCompare(b.staff)),
      };
    },
  };
}

export type CaseStore = ReturnType<typeof sqlCaseStore>;
