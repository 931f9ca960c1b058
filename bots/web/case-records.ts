// The console's case records: what a hotline needs to follow a call to the end and report on it —
// status, notes, caller phone, callback date, the company, the route, the whole transcript and an
// audit trail naming the staff member behind every change. The engine session holds the live
// conversation; this record outlives it (CREDIT_BOT_CASE_RETENTION_DAYS) so yesterday's case can be
// found and the numbers add up. Kept in memory, persisted as an append-only JSON-lines file: each
// change is one awaited append, so the cost of a write does not grow with the number of cases.
import { randomBytes } from 'node:crypto';
import { appendFile, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Logger } from '../../dialogs/log.ts';

export const CASE_STATUSES = ['open', 'waiting', 'transferred', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const DEFAULT_RETENTION_DAYS = 365;

/** One line of a case's history: what was said, or what someone changed. */
export type CaseEvent =
  | { kind: 'said'; from: 'caller' | 'bot'; text: string; choice?: string }
  | { kind: 'fact'; fact: string; from: unknown; to: unknown }
  | { kind: 'field'; field: string; from: string; to: string }
  | { kind: 'status'; from: CaseStatus; to: CaseStatus }
  | { kind: 'note'; text: string }
  | { kind: 'callback'; from: string; to: string }
  | { kind: 'phone'; from: string; to: string }
  | { kind: 'forgotten' };

export interface Stamped {
  at: string;
  /** staff user id and the name shown on the audit row */
  by: string;
  byName: string;
}

export type CaseEntry = CaseEvent & Stamped;

export interface CaseRecord {
  id: string;
  created: string;
  lastActivity: string;
  openedBy: string;
  openedByName: string;
  status: CaseStatus;
  company: string;
  creditCode: string;
  callerPhone: string;
  /** YYYY-MM-DD or '' */
  callbackDate: string;
  path: string;
  eligible: boolean | null;
  /** ids of the unmet conditions of the last determination */
  unmet: string[];
  /** staff user ids who changed the case */
  staff: string[];
  /** the facts at the last change, so a case whose conversation expired still shows what was known */
  facts: Record<string, unknown>;
  entries: CaseEntry[];
}

export type CaseSummary = Omit<CaseRecord, 'entries'> & { notes: number };

export interface CaseQuery {
  /** free text: company name, credit code or caller phone (substring, case-insensitive) */
  q?: string;
  path?: string;
  status?: CaseStatus;
  /** created on or after / on or before this China day (YYYY-MM-DD) */
  from?: string;
  to?: string;
  staff?: string;
  offset?: number;
  limit?: number;
}

export type CasePatch = Partial<
  Pick<
    CaseRecord,
    | 'status'
    | 'company'
    | 'creditCode'
    | 'callerPhone'
    | 'callbackDate'
    | 'path'
    | 'eligible'
    | 'unmet'
    | 'facts'
  >
>;

export interface Who {
  user: string;
  name: string;
}

const CHINA_OFFSET_MS = 8 * 3_600_000;
/**
 * The China calendar day (YYYY-MM-DD) of an ISO time. China has kept UTC+8 without daylight saving
 * since 1991, so plain arithmetic gives the same answer as Intl with Asia/Shanghai, ~50 times faster
 * (it runs for every case on every statistics request).
 */
export const chinaDayOf = (iso: string): string =>
  new Date(Date.parse(iso) + CHINA_OFFSET_MS).toISOString().slice(0, 10);
/** "YYYY-MM-DD HH:MM" in China time, for exports */
export const chinaTimeOf = (iso: string): string =>
  new Date(Date.parse(iso) + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');

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

type LogLine =
  | { op: 'create'; rec: Omit<CaseRecord, 'entries'> }
  | { op: 'patch'; id: string; patch: CasePatch; at: string; by?: string }
  | { op: 'entry'; id: string; entry: CaseEntry }
  | { op: 'remove'; id: string };

export interface CaseRecordsOptions {
  retentionMs?: number;
  log?: Pick<Logger, 'error' | 'info' | 'warn'>;
}

export async function openCaseRecords(file: string | null, now: () => Date, opts: CaseRecordsOptions = {}) {
  const retentionMs = opts.retentionMs ?? DEFAULT_RETENTION_DAYS * 86_400_000;
  const cases = new Map<string, CaseRecord>();
  /** newest activity first, kept sorted lazily */
  let order: CaseRecord[] | null = null;
  /** per case: what free-text search looks in (lower-cased) and the last activity in ms */
  const keys = new Map<string, { text: string; phone: string; last: number; day: string }>();
  function index(c: CaseRecord): void {
    keys.set(c.id, {
      text: `${c.company}\n${c.creditCode}`.toLowerCase(),
      phone: c.callerPhone.replace(/[\s-]/g, ''),
      last: Date.parse(c.lastActivity),
      day: chinaDayOf(c.created),
    });
  }

  function apply(line: LogLine): void {
    if (line.op === 'create') {
      const rec = { ...line.rec, entries: [] };
      cases.set(line.rec.id, rec);
      index(rec);
    } else if (line.op === 'remove') {
      cases.delete(line.id);
      keys.delete(line.id);
    } else {
      const rec = cases.get(line.id);
      if (!rec) return;
      if (line.op === 'patch') {
        Object.assign(rec, line.patch);
        rec.lastActivity = line.at;
        if (line.by && !rec.staff.includes(line.by)) rec.staff.push(line.by);
      } else {
        rec.entries.push(line.entry);
        rec.lastActivity = line.entry.at;
        if (!rec.staff.includes(line.entry.by)) rec.staff.push(line.entry.by);
      }
      index(rec);
    }
    order = null;
  }

  const expired = (c: CaseRecord, cutoff = now().getTime() - retentionMs) =>
    (keys.get(c.id)?.last ?? Date.parse(c.lastActivity)) < cutoff;

  if (file) {
    let text = '';
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
        throw new Error(`web case records ${file}: cannot read it (${(err as Error).message})`);
      }
    }
    let bad = 0;
    for (const raw of text.split('\n')) {
      if (!raw.trim()) continue;
      try {
        apply(JSON.parse(raw) as LogLine);
      } catch {
        // a line cut short by a crash mid-append: everything before it is whole
        bad++;
      }
    }
    if (bad) opts.log?.warn({ file, bad }, 'web case records: skipped unreadable lines (a write cut short)');
    // Compacting at start drops expired cases and replayed patches, so the file stays proportional
    // to what is kept.
    const kept = [...cases.values()].filter((c) => !expired(c));
    cases.clear();
    keys.clear();
    for (const c of kept) {
      cases.set(c.id, c);
      index(c);
    }
    if (text) {
      const lines = kept.flatMap((c) => {
        const { entries, ...rec } = c;
        return [
          JSON.stringify({ op: 'create', rec } satisfies LogLine),
          ...entries.map((entry) => JSON.stringify({ op: 'entry', id: c.id, entry } satisfies LogLine)),
        ];
      });
      const tmp = `${file}.${process.pid}.tmp`;
      await writeFile(tmp, lines.length ? `${lines.join('\n')}\n` : '');
      await rename(tmp, file);
    }
  }

  let writing: Promise<void> = Promise.resolve();
  let ready = false;
  function persist(line: LogLine): Promise<void> {
    apply(line);
    if (!file) return Promise.resolve();
    const target = file;
    // Appends are chained so lines never interleave; a failure is reported to the caller (the API
    // answers 500 with a clear message) rather than swallowed.
    const next = writing.then(async () => {
      if (!ready) {
        await mkdir(dirname(target), { recursive: true });
        ready = true;
      }
      await appendFile(target, `${JSON.stringify(line)}\n`);
    });
    writing = next.catch(() => {});
    return next;
  }

  function summary(c: CaseRecord): CaseSummary {
    const { entries, ...rest } = c;
    return {
      ...rest,
      staff: [...rest.staff],
      unmet: [...rest.unmet],
      notes: entries.filter((e) => e.kind === 'note').length,
    };
  }

  function sorted(): CaseRecord[] {
    order ??= [...cases.values()].sort((a, b) => b.lastActivity.localeCompare(a.lastActivity));
    return order;
  }

  function matches(c: CaseRecord, q: CaseQuery, needle: string, digits: string): boolean {
    if (q.path && c.path !== q.path) return false;
    if (q.status && c.status !== q.status) return false;
    if (q.staff && !c.staff.includes(q.staff) && c.openedBy !== q.staff) return false;
    const k = keys.get(c.id);
    if (!k) return false;
    if (q.from && k.day < q.from) return false;
    if (q.to && k.day > q.to) return false;
    if (needle) {
      return (
        k.text.includes(needle) ||
        (digits.length >= 3 && k.phone.includes(digits)) ||
        c.id.toLowerCase() === needle
      );
    }
    return true;
  }

  return {
    get(id: string): CaseRecord | undefined {
      const c = cases.get(id);
      return c && !expired(c) ? c : undefined;
    },
    async create(id: string, who: Who): Promise<CaseRecord> {
      const t = now().toISOString();
      const rec: Omit<CaseRecord, 'entries'> = {
        id,
        created: t,
        lastActivity: t,
        openedBy: who.user,
        openedByName: who.name,
        status: 'open',
        company: '',
        creditCode: '',
        callerPhone: '',
        callbackDate: '',
        path: 'undetermined',
        eligible: null,
        unmet: [],
        staff: [who.user],
        facts: {},
      };
      await persist({ op: 'create', rec });
      return cases.get(id) as CaseRecord;
    },
    /** changes record fields; `who` is named in the staff list (the audit rows come from add()) */
    async patch(id: string, patch: CasePatch, who?: Who): Promise<void> {
      if (!cases.has(id)) return;
      await persist({ op: 'patch', id, patch, at: now().toISOString(), ...(who && { by: who.user }) });
    },
    async add(id: string, who: Who, events: CaseEvent[]): Promise<CaseEntry[]> {
      if (!cases.has(id)) return [];
      const at = now().toISOString();
      const added = events.map((e) => ({ ...e, at, by: who.user, byName: who.name }) as CaseEntry);
      for (const entry of added) await persist({ op: 'entry', id, entry });
      return added;
    },
    /** the caller's /forget: personal data and what was said go; an anonymous row says so */
    async forget(id: string, who: Who): Promise<void> {
      const c = cases.get(id);
      if (!c) return;
      const at = now().toISOString();
      const { entries: _gone, ...rest } = c;
      await persist({ op: 'remove', id });
      await persist({
        op: 'create',
        rec: {
          ...rest,
          company: '',
          creditCode: '',
          callerPhone: '',
          callbackDate: '',
          facts: {},
          lastActivity: at,
        },
      });
      await persist({ op: 'entry', id, entry: { kind: 'forgotten', at, by: who.user, byName: who.name } });
    },
    async remove(id: string): Promise<void> {
      if (cases.has(id)) await persist({ op: 'remove', id });
    },
    search(q: CaseQuery): { total: number; cases: CaseSummary[] } {
      const needle = (q.q ?? '').trim().toLowerCase();
      const digits = /^[\d\s+-]+$/.test(needle) ? needle.replace(/[\s+-]/g, '') : '';
      const offset = Math.max(0, q.offset ?? 0);
      const limit = Math.min(200, Math.max(1, q.limit ?? 50));
      const page: CaseSummary[] = [];
      let total = 0;
      const cutoff = now().getTime() - retentionMs;
      for (const c of sorted()) {
        if (expired(c, cutoff) || !matches(c, q, needle, digits)) continue;
        if (total >= offset && page.length < limit) page.push(summary(c));
        total++;
      }
      return { total, cases: page };
    },
    /** every kept case matching the query, for statistics and exports */
    all(q: CaseQuery = {}): CaseRecord[] {
      const needle = (q.q ?? '').trim().toLowerCase();
      const digits = /^[\d\s+-]+$/.test(needle) ? needle.replace(/[\s+-]/g, '') : '';
      const cutoff = now().getTime() - retentionMs;
      return sorted().filter((c) => !expired(c, cutoff) && matches(c, q, needle, digits));
    },
    summary,
    flush(): Promise<void> {
      return writing;
    },
  };
}

export type CaseRecords = Awaited<ReturnType<typeof openCaseRecords>>;

export function newCaseId(): string {
  return randomBytes(9).toString('base64url');
}
