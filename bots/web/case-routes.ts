// Following a case to the end: the searchable list of every kept case, its lifecycle (status, caller
// phone, callback date, notes) with an audit row per change, and the live feed of a case's changes.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  DESK_STATUSES as CASE_STATUSES,
  type CaseDesk,
  type DeskQuery as CaseQuery,
  type DeskStatus as CaseStatus,
  type DeskActor,
} from '../../dialogs/storage/case-desk.ts';
import type { StaffUser } from './auth.ts';
import type { Live } from './live.ts';
import type { Meta } from './meta.ts';
import { BadRequest } from './validate.ts';

export interface CaseRouteDeps {
  desk: CaseDesk;
  live: Live;
  meta: Meta;
  staff: (req: FastifyRequest) => StaffUser;
  actorOf: (who: StaffUser) => DeskActor;
  /** tells the colleagues watching the case */
  changed: (id: string, who: StaffUser, what: string) => Promise<void>;
}

type Lifecycle = { status?: CaseStatus; callerPhone?: string; callbackDate?: string };

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MAX_NOTE = 2000;
/** a Chinese mobile or landline number, with optional +86, area code, spaces or dashes */
const PHONE = /^(\+?86[\s-]?)?(1[3-9]\d{9}|0\d{2,3}[\s-]?\d{7,8}(-\d{1,6})?)$/;

function isDay(v: string): boolean {
  if (!DAY.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v);
}

export const STATUS_LABELS: Record<CaseStatus, string> = {
  open: '处理中',
  waiting: '等待企业材料',
  transferred: '已转办',
  closed: '已办结',
};

/** Reads the list's query string; a bad value is a 400 that says which parameter and how to fix it. */
export function parseCaseQuery(raw: Record<string, unknown>, paths: Record<string, string>): CaseQuery {
  const str = (k: string) => (typeof raw[k] === 'string' ? (raw[k] as string).trim() : '');
  const q: CaseQuery = {};
  const text = str('q');
  if (text.length > 100)
    throw new BadRequest('bad_query', '搜索词过长（最多 100 字） / q is longer than 100 characters');
  if (text) q.q = text;
  const path = str('path');
  if (path) {
    if (!(path in paths))
      throw new BadRequest('bad_query', `没有这个办理途径 / unknown path "${path.slice(0, 40)}"`);
    q.path = path;
  }
  const status = str('status');
  if (status) {
    if (!(CASE_STATUSES as readonly string[]).includes(status)) {
      throw new BadRequest(
        'bad_query',
        `状态应为 ${CASE_STATUSES.join('、')} 之一 / status must be one of ${CASE_STATUSES.join(', ')}`,
      );
    }
    q.status = status as CaseStatus;
  }
  for (const k of ['from', 'to'] as const) {
    const v = str(k);
    if (!v) continue;
    if (!isDay(v))
      throw new BadRequest('bad_query', `${k} 应为日期，如 2026-03-01 / ${k} must be a date like 2026-03-01`);
    q[k] = v;
  }
  const staff = str('staff');
  if (staff) q.staff = staff.slice(0, 64);
  for (const [k, max] of [
    ['offset', 1_000_000],
    ['limit', 200],
  ] as const) {
    const v = str(k);
    if (!v) continue;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0 || n > max) {
      throw new BadRequest('bad_query', `${k} 应为 0–${max} 的整数 / ${k} must be a whole number 0–${max}`);
    }
    q[k] = n;
  }
  return q;
}

function parseLifecycle(body: unknown): Lifecycle {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new BadRequest('bad_body', '请求体应为 JSON 对象 / the body must be a JSON object');
  }
  const b = body as Record<string, unknown>;
  const out: Lifecycle = {};
  for (const k of Object.keys(b)) {
    if (!['status', 'callerPhone', 'callbackDate'].includes(k)) {
      throw new BadRequest(
        'bad_field',
        `不能修改 ${k.slice(0, 40)} / unknown field ${k.slice(0, 40)}: use status, callerPhone or callbackDate`,
      );
    }
  }
  if (b.status !== undefined) {
    if (typeof b.status !== 'string' || !(CASE_STATUSES as readonly string[]).includes(b.status)) {
      throw new BadRequest(
        'bad_status',
        `状态应为：${Object.values(STATUS_LABELS).join('、')} / status must be one of ${CASE_STATUSES.join(', ')}`,
      );
    }
    out.status = b.status as CaseStatus;
  }
  if (b.callerPhone !== undefined) {
    const v = typeof b.callerPhone === 'string' ? b.callerPhone.trim() : null;
    if (v === null || (v !== '' && !PHONE.test(v))) {
      throw new BadRequest(
        'bad_phone',
        '来电号码格式不对：手机号 11 位，座机如 0715-1234567 / callerPhone is not a phone number',
      );
    }
    out.callerPhone = v;
  }
  if (b.callbackDate !== undefined) {
    const v = typeof b.callbackDate === 'string' ? b.callbackDate.trim() : null;
    if (v === null || (v !== '' && !isDay(v))) {
      throw new BadRequest(
        'bad_date',
        '回访日期应为日期，如 2026-03-01 / callbackDate must be a date like 2026-03-01',
      );
    }
    out.callbackDate = v;
  }
  return out;
}

const NOT_FOUND = '没有这个来电记录（编号错误或已超过保存期）/ no such case: check the case id';

export function registerCaseRoutes(app: FastifyInstance, deps: CaseRouteDeps): void {
  const { desk, live, staff, actorOf, changed } = deps;
  const notFound = (reply: FastifyReply) =>
    reply.code(404).type('application/json; charset=utf-8').send({ error: 'not_found', message: NOT_FOUND });

  app.get('/api/case-list', async (req) => {
    const q = parseCaseQuery(req.query as Record<string, unknown>, deps.meta.paths);
    return desk.search(q);
  });

  app.get<{ Params: { id: string } }>('/api/cases/:id/record', async (req, reply) => {
    return (await desk.record(req.params.id)) ?? notFound(reply);
  });

  app.patch<{ Params: { id: string } }>('/api/cases/:id/record', async (req, reply) => {
    const patch = parseLifecycle(req.body);
    const done = await desk.setLifecycle(req.params.id, patch, actorOf(staff(req)));
    if (!done) return notFound(reply);
    if (done.length) await changed(req.params.id, staff(req), 'record');
    return desk.record(req.params.id);
  });

  app.post<{ Params: { id: string } }>('/api/cases/:id/notes', async (req, reply) => {
    const text = (req.body as { text?: unknown } | null)?.text;
    if (typeof text !== 'string' || !text.trim()) {
      throw new BadRequest('empty_note', '备注为空 / the note is empty: send {"text": "…"}');
    }
    if (text.length > MAX_NOTE) {
      throw new BadRequest(
        'note_too_long',
        `备注最多 ${MAX_NOTE} 字 / a note is at most ${MAX_NOTE} characters`,
      );
    }
    if (!(await desk.addNote(req.params.id, text.trim(), actorOf(staff(req))))) return notFound(reply);
    await changed(req.params.id, staff(req), 'note');
    return reply.code(201).send(await desk.record(req.params.id));
  });

  app.get<{ Params: { id: string } }>('/api/cases/:id/events', async (req, reply) => {
    if (!(await desk.record(req.params.id))) return notFound(reply);
    live.watch(req.params.id, reply);
  });
}
