// Case records: one per session, read by key or id, with their audit trail and full transcript;
// typed draft fields, route and buttons, /forget and deletion. Every change is one transaction with its
// audit row. Searching, the lifecycle (status, notes, callback date) and the statistics are the
// desk's (case-desk.ts), over the same table.
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
// read twice per web turn: one string, so the prepared statement is found without hashing a new one
const ROW_BY_ID = `SELECT ${COLUMNS} FROM cases WHERE id = ?`;

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

  const row = (id: string) => db.get<CaseRowDb>(ROW_BY_ID, [id]);
  const live = (r: CaseRowDb | undefined) =>
    !!r && r.expired_at === null && Number(r.updated_at) >= now().getTime() - ttlMs;

  async function get(id: string): Promise<CaseRecord | undefined> {
    if (!CASE_ID_PATTERN.test(id)) return undefined;
    const r = await row(id);
    return live(r) ? toRecord(r as CaseRowDb) : undefined;
  }

  return {
    get,
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
    /** the cases with activity today (the day in China), newest activity first */
    async today(limit = 200): Promise<CaseRecord[]> {
      const start = chinaDayStart(chinaDay(now()));
      const rows = await db.all<CaseRowDb>(
        `SELECT ${COLUMNS} FROM cases WHERE expired_at IS NULL AND updated_at >= ? AND updated_at < ?
           ORDER BY updated_at DESC, id LIMIT ?`,
        [Math.max(start, now().getTime() - ttlMs), start + 86_400_000, limit],
      );
      return rows.map(toRecord);
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
  };
}

export type CaseStore = ReturnType<typeof sqlCaseStore>;
