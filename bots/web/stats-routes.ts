// The numbers a hotline reports upward — calls per day, routes, share eligible, the conditions most
// often unmet, work per staff member — and the case list and statistics as XLSX (exceljs) or CSV.
import type { FastifyInstance, FastifyReply } from 'fastify';
import {
  type CaseDesk,
  type DeskQuery as CaseQuery,
  chinaTimeOf,
  type DeskStatsRaw,
  type DeskSummary,
  deskDay,
} from '../../dialogs/storage/case-desk.ts';
import { parseCaseQuery, STATUS_LABELS } from './case-routes.ts';
import type { Meta } from './meta.ts';
import { BadRequest } from './validate.ts';

export interface StatsDeps {
  desk: CaseDesk;
  meta: Meta;
  now: () => Date;
}

export interface Stats {
  from: string;
  to: string;
  total: number;
  perDay: { day: string; count: number }[];
  routes: { path: string; label: string; count: number }[];
  eligible: { yes: number; no: number; unknown: number; share: number };
  unmet: { id: string; label: string; count: number }[];
  /** per staff member (by name, as on the audit rows) */
  staff: { name: string; opened: number; worked: number; closed: number }[];
  statuses: { status: string; label: string; count: number }[];
}

const DEFAULT_DAYS = 30;
const MAX_DAYS = 366;

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The database's aggregates with the labels the page shows, every day of the range present. */
export function labelStats(raw: DeskStatsRaw, meta: Meta, from: string, to: string): Stats {
  const perDay: { day: string; count: number }[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) perDay.push({ day: d, count: raw.perDay.get(d) ?? 0 });
  const { yes, no, unknown } = raw.eligible;
  return {
    from,
    to,
    total: raw.total,
    perDay,
    routes: raw.routes.map((r) => ({ ...r, label: meta.paths[r.path] ?? r.path })),
    eligible: { yes, no, unknown, share: yes + no ? Math.round((yes / (yes + no)) * 1000) / 1000 : 0 },
    unmet: raw.unmet.slice(0, 10).map((u) => ({ ...u, label: meta.reasons[u.id] ?? u.id })),
    staff: raw.staff,
    statuses: raw.statuses.map((x) => ({
      ...x,
      label: STATUS_LABELS[x.status as keyof typeof STATUS_LABELS] ?? x.status,
    })),
  };
}

/** The range asked for, or the last 30 days in China; at most a year so the per-day chart stays readable. */
function statsRange(q: CaseQuery, now: Date): { from: string; to: string } {
  const to = q.to ?? deskDay(now.toISOString());
  const from = q.from ?? addDays(to, -(DEFAULT_DAYS - 1));
  if (from > to) throw new BadRequest('bad_query', '开始日期晚于结束日期 / from is after to');
  if (addDays(from, MAX_DAYS) < to) {
    throw new BadRequest(
      'bad_query',
      `统计区间最长 ${MAX_DAYS} 天 / the range is limited to ${MAX_DAYS} days`,
    );
  }
  return { from, to };
}

/** A cell that starts like a formula is prefixed so a spreadsheet shows it as text, never runs it. */
function safeCell(v: string): string {
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

export function toCsv(rows: (string | number)[][]): string {
  const cell = (v: string | number) => {
    const s = typeof v === 'number' ? String(v) : safeCell(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  // The BOM makes Excel read the file as UTF-8 (Chinese text otherwise turns into mojibake).
  return `\uFEFF${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

const CASE_HEADER = [
  '编号',
  '企业名称',
  '统一社会信用代码',
  '来电号码',
  '办理途径',
  '是否可以办理',
  '状态',
  '回访日期',
  '开始时间',
  '最后处理',
  '接听坐席',
  '备注数',
];

function caseRows(cases: DeskSummary[], meta: Meta): (string | number)[][] {
  const time = chinaTimeOf;
  return cases.map((c) => [
    c.id,
    c.company,
    c.creditCode,
    c.callerPhone,
    meta.paths[c.path] ?? c.path,
    c.eligible === true ? '是' : c.eligible === false ? '否' : '待确认',
    STATUS_LABELS[c.status],
    c.callbackDate,
    time(c.created),
    time(c.lastActivity),
    c.openedByName,
    c.notes,
  ]);
}

function statsTables(s: Stats): { name: string; rows: (string | number)[][] }[] {
  return [
    {
      name: '概况',
      rows: [
        ['统计区间', `${s.from} 至 ${s.to}`],
        ['来电总数', s.total],
        ['可以办理', s.eligible.yes],
        ['暂不符合', s.eligible.no],
        ['待确认', s.eligible.unknown],
        ['可办理占比（已判断）', `${Math.round(s.eligible.share * 1000) / 10}%`],
      ],
    },
    { name: '每日来电', rows: [['日期', '来电数'], ...s.perDay.map((d) => [d.day, d.count])] },
    { name: '办理途径', rows: [['办理途径', '来电数'], ...s.routes.map((r) => [r.label, r.count])] },
    { name: '未满足条件', rows: [['条件', '次数'], ...s.unmet.map((u) => [u.label, u.count])] },
    {
      name: '坐席',
      rows: [
        ['坐席', '接听', '处理过', '办结'],
        ...s.staff.map((p) => [p.name, p.opened, p.worked, p.closed]),
      ],
    },
    { name: '状态', rows: [['状态', '来电数'], ...s.statuses.map((x) => [x.label, x.count])] },
  ];
}

async function xlsx(sheets: { name: string; rows: (string | number)[][] }[]): Promise<Buffer> {
  // Loaded on first export: exceljs is large and most requests never need it.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'credit-repair-bot';
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name);
    for (const row of sheet.rows) ws.addRow(row);
    ws.getRow(1).font = { bold: true };
    ws.columns.forEach((col) => {
      col.width = 16;
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function attachment(reply: FastifyReply, base: string, ext: 'xlsx' | 'csv', day: string) {
  const name = `${base}-${day}.${ext}`;
  reply.header('content-disposition', `attachment; filename="${name}"`);
  reply.type(
    ext === 'xlsx'
      ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
      : 'text/csv; charset=utf-8',
  );
}

export function registerStatsRoutes(app: FastifyInstance, deps: StatsDeps): void {
  const { desk, meta, now } = deps;

  async function statsFor(query: Record<string, unknown>): Promise<Stats> {
    const q = parseCaseQuery(query, meta.paths);
    const range = statsRange(q, now());
    return labelStats(await desk.stats({ ...q, ...range }), meta, range.from, range.to);
  }

  app.get('/api/stats', async (req) => statsFor(req.query as Record<string, unknown>));

  app.get<{ Params: { ext: string } }>('/api/export/cases.:ext', async (req, reply) => {
    const ext = req.params.ext;
    if (ext !== 'xlsx' && ext !== 'csv') {
      throw new BadRequest('bad_format', '导出格式应为 xlsx 或 csv / export as .xlsx or .csv');
    }
    const q = parseCaseQuery(req.query as Record<string, unknown>, meta.paths);
    const rows = [CASE_HEADER, ...caseRows(await desk.all(q), meta)];
    attachment(reply, 'cases', ext, deskDay(now().toISOString()));
    return ext === 'csv' ? toCsv(rows) : xlsx([{ name: '来电记录', rows }]);
  });

  app.get<{ Params: { ext: string } }>('/api/export/stats.:ext', async (req, reply) => {
    const ext = req.params.ext;
    if (ext !== 'xlsx' && ext !== 'csv') {
      throw new BadRequest('bad_format', '导出格式应为 xlsx 或 csv / export as .xlsx or .csv');
    }
    const tables = statsTables(await statsFor(req.query as Record<string, unknown>));
    attachment(reply, 'statistics', ext, deskDay(now().toISOString()));
    if (ext === 'xlsx') return xlsx(tables);
    // one CSV: the tables one after another, each under its name, a blank line between
    return toCsv(tables.flatMap((t, i) => [...(i ? [[]] : []), [t.name], ...t.rows]));
  });
}
