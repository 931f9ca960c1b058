// The staff web console: a JSON API over the conversation engine plus a static page (no build step,
// no external assets, works offline). Every page and API call needs a staff login or the bearer token.
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import { createLogger, type Logger } from '../../dialogs/log.ts';
import type { Session } from '../../dialogs/session.ts';
import {
  type CaseDesk,
  caseDesk,
  type DeskActor,
  type DeskEvent,
  type DeskMarks,
  importDeskFile,
  retentionMsFromEnv,
} from '../../dialogs/storage/case-desk.ts';
import {
  type CaseRecord,
  chinaDay,
  openStorage,
  type Storage,
  storageOf,
  type TurnRows,
  withActor,
} from '../../dialogs/storage/index.ts';
import type { Store } from '../../dialogs/store.ts';
import type { Engine, Reply, SessionKey } from '../../dialogs/types.ts';
import { separateRegisterNote } from '../../knowledge/explain.ts';
import { loadKnowledge } from '../../knowledge/load.ts';
import { DOCUMENT_IDS, type DocumentId } from '../../rules/types.ts';
import { listenAddress } from '../http/server.ts';
import {
  type Auth,
  authConfigFromEnv,
  createAuth,
  readCookie,
  SESSION_COOKIE,
  type StaffUser,
} from './auth.ts';
import { registerCaseRoutes } from './case-routes.ts';
import { createLive, type Live } from './live.ts';
import { buildMeta, type Meta } from './meta.ts';
import { renderPages } from './pages.ts';
import { registerStatsRoutes } from './stats-routes.ts';
import type { CaseEngine, CaseView, DraftFormat, DraftProblems } from './types.ts';
import { BadRequest, parseDraftFields, parseFacts, parseTurn } from './validate.ts';

const PUBLIC_DIR = fileURLToPath(new URL('./public/', import.meta.url));
const CHART_JS = join(dirname(fileURLToPath(import.meta.resolve('chart.js'))), 'chart.umd.min.js');
// 10,000 CJK characters are 30 KB as UTF-8 and up to 60 KB as \u escapes; leave room for the JSON around them.
const BODY_LIMIT = 128 * 1024;
const FORMATS: DraftFormat[] = ['docx', 'txt', 'md'];

const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  // same-origin, not no-referrer: with no-referrer Chromium sends "Origin: null" on the page's own
  // form posts and the origin check cannot tell them from a sandboxed foreign frame.
  'referrer-policy': 'same-origin',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
  'cache-control': 'no-store',
};

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
};

function loadStatic(): Map<string, { type: string; body: Buffer }> {
  const files = new Map<string, { type: string; body: Buffer }>();
  for (const name of readdirSync(PUBLIC_DIR)) {
    const ext = name.slice(name.lastIndexOf('.'));
    const type = CONTENT_TYPES[ext];
    if (type) files.set(name, { type, body: readFileSync(join(PUBLIC_DIR, name)) });
  }
  // what the console's pages share with the public chat page
  files.set('base.css', {
    type: CONTENT_TYPES['.css'] as string,
    body: readFileSync(fileURLToPath(new URL('../http/public/base.css', import.meta.url))),
  });
  for (const [name, html] of renderPages())
    files.set(name, { type: CONTENT_TYPES['.html'] as string, body: Buffer.from(html) });
  // The charting library is served from node_modules, never a CDN: the console works offline.
  files.set('chart.umd.min.js', { type: CONTENT_TYPES['.js'] as string, body: readFileSync(CHART_JS) });
  return files;
}

function isCaseEngine(engine: Engine): engine is CaseEngine {
  const e = engine as Partial<CaseEngine>;
  return typeof e.getCase === 'function' && typeof e.setFacts === 'function';
}

function stringValues(fields: Record<string, string | number> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(fields ?? {}).map(([k, v]) => [k, String(v)]));
}

function draftProblems(err: unknown): DraftProblems['problems'] | null {
  const problems = (err as Partial<DraftProblems>)?.problems;
  return Array.isArray(problems) ? problems : null;
}

/**
 * The case records live in the engine's database when it has one (a turn's session, case record and
 * audit rows are then committed together); an engine with another store (a test double, lowdb) gets
 * a database of the app's own: the SQLite file in `dataDir`, in memory when `dataDir` is null.
 */
async function openCases(
  engine: Engine,
  dataDir: string | null,
  opts: { env: NodeJS.ProcessEnv; now: () => Date; log?: Logger },
): Promise<{ storage: Storage; inTurn: boolean; close(): Promise<void> }> {
  const shared = storageOf((engine as { store?: Store<Session> }).store);
  if (shared) return { storage: shared, inTurn: true, close: async () => {} };
  const storage = await openStorage({
    dataDir,
    env: opts.env,
    now: opts.now,
    ...(opts.log && { log: opts.log }),
  });
  return { storage, inTurn: false, close: () => storage.close() };
}

export interface WebOptions {
  /** where the case index lives; null keeps it in memory only */
  dataDir?: string | null;
  now?: () => Date;
  /** the shared logger (dialogs/log.ts); without one the app logs nothing */
  log?: Logger;
}

/**
 * CREDIT_BOT_WEB_TRUST_PROXY → fastify's trustProxy: which reverse proxy may say who the client is
 * (X-Forwarded-For). The login throttle counts by client address, so behind a proxy without this every
 * caller looks like the proxy; trusting the header without a proxy would let anyone pick an address.
 */
export function trustProxyFromEnv(env: NodeJS.ProcessEnv): boolean | string[] {
  const v = env.CREDIT_BOT_WEB_TRUST_PROXY?.trim() ?? '';
  if (v === '' || v === 'false' || v === '0') return false;
  if (v === 'true') return true;
  const parts = v.split(',').map((p) => p.trim());
  if (parts.every((p) => /^[0-9A-Fa-f.:]*[.:][0-9A-Fa-f.:]*(\/\d{1,3})?$/.test(p))) return parts;
  throw new Error(
    `CREDIT_BOT_WEB_TRUST_PROXY=${JSON.stringify(v.slice(0, 60))} is not understood: use the proxy's ` +
      'address(es), e.g. 127.0.0.1 or 10.0.0.0/8,192.168.1.5 (or true to trust any sender, only when ' +
      'nothing but the proxy can reach the port)',
  );
}

function fail(reply: FastifyReply, status: number, error: string, message: string) {
  return reply.code(status).type('application/json; charset=utf-8').send({ error, message });
}

const NOT_FOUND = '没有这个来电记录（编号错误或已超过保存期）/ no such case: check the case id';

/** Builds the app without listening: tests use app.inject, startWeb listens. */
export async function buildWebApp(
  engine: Engine,
  env: NodeJS.ProcessEnv = process.env,
  opts: WebOptions = {},
): Promise<FastifyInstance> {
  if (!isCaseEngine(engine)) {
    throw new Error('the web console needs an engine with getCase() and setFacts() (dialogs/engine.ts)');
  }
  const trustProxy = trustProxyFromEnv(env);
  const now = opts.now ?? (() => new Date());
  const auth: Auth = createAuth(authConfigFromEnv(env), () => now().getTime());
  const dataDir = opts.dataDir === undefined ? env.CREDIT_BOT_DATA_DIR || 'data' : opts.dataDir;
  const webLog = opts.log?.child({ channel: 'web' });
  // case records, transcript and audit trail: the engine's database when it has one
  const index = await openCases(engine, dataDir, { env, now, ...(webLog && { log: webLog }) });
  const desk: CaseDesk = caseDesk(index.storage.db, { now, retentionMs: retentionMsFromEnv(env) });
  if (dataDir) await importDeskFile(dataDir, index.storage.db, webLog);
  const live: Live = createLive(SECURITY_HEADERS, desk, { ...(webLog && { log: webLog }) });
  const meta: Meta = buildMeta();
  const draftFieldNames = meta.draftFields.map((f) => f.name);
  const secureCookie = env.CREDIT_BOT_WEB_SECURE_COOKIE === '1';
  const files = loadStatic();

  const app = Fastify({
    bodyLimit: BODY_LIMIT,
    // Typed as fastify's base logger so the app keeps the default FastifyInstance type.
    loggerInstance: opts.log?.child({ channel: 'web' }) as FastifyBaseLogger | undefined,
    trustProxy,
    // Case ids and routes are short; anything longer is not ours.
    routerOptions: { maxParamLength: 100 },
  });

  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 4096 },
    (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );

  // a callback hook, not an async one: fastify then need not wait for a promise on every answer
  app.addHook('onSend', (_req, reply, payload, done) => {
    reply.headers(SECURITY_HEADERS);
    done(null, payload);
  });

  app.setErrorHandler((err: Error & { statusCode?: number; code?: string }, req, reply) => {
    if (err instanceof BadRequest) return fail(reply, 400, err.code, err.message);
    if (err.statusCode === 503) {
      req.log.error({ err }, 'web console dependency unavailable');
      return fail(
        reply,
        503,
        'unavailable',
        '文书模块暂不可用，请联系管理员 / the drafts module (knowledge/drafts) is not available',
      );
    }
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || err.statusCode === 413) {
      return fail(
        reply,
        413,
        'too_large',
        `请求过大（上限 ${BODY_LIMIT / 1024} KB）/ request body larger than ${BODY_LIMIT / 1024} KB`,
      );
    }
    if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || err.statusCode === 415) {
      return fail(reply, 415, 'bad_content_type', '请以 JSON 发送 / send the body as application/json');
    }
    if (err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || err instanceof SyntaxError || err.statusCode === 400) {
      return fail(reply, 400, 'bad_json', '请求体不是合法的 JSON / the request body is not valid JSON');
    }
    req.log.error({ err }, 'web console request failed');
    return fail(
      reply,
      500,
      'internal',
      '内部错误，请重试或联系管理员 / internal error: try again or ask the administrator',
    );
  });

  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/')) return fail(reply, 404, 'not_found', '没有这个接口 / no such API route');
    return fail(reply, 404, 'not_found', '没有这个页面 / no such page');
  });

  function staffOf(req: FastifyRequest): StaffUser | null | 'throttled' {
    const byToken = auth.bearer(req.headers.authorization, req.ip);
    if (byToken) return byToken;
    return auth.fromCookie(readCookie(req.headers.cookie, SESSION_COOKIE));
  }

  /**
   * A write must come from this console's own pages (or from a script, which sends no Origin). Any
   * other Origin, including "null" from a sandboxed frame, is refused whatever else the request
   * carries: an Authorization header does not make a cross-site request safe.
   */
  function foreignWrite(req: FastifyRequest): boolean {
    const origin = req.headers.origin;
    if (req.method === 'GET' || req.method === 'HEAD' || origin === undefined) return false;
    let host = '';
    try {
      host = new URL(origin).host;
    } catch {}
    return host !== req.headers.host;
  }

  // Access control runs before routing, so unknown URLs answer 401 too and reveal nothing.
  // Logging out needs no check: it only ends the session its own cookie names.
  const open = new Set(['/login', '/logout', '/favicon.ico']);
  app.addHook('onRequest', async (req, reply) => {
    const path = req.url.split('?')[0] ?? '';
    if (open.has(path) || path.startsWith('/assets/')) return;
    const staff = staffOf(req);
    if (staff === 'throttled') {
      reply.header('retry-after', '60');
      return fail(
        reply,
        429,
        'too_many_bad_tokens',
        '错误口令过多，请一分钟后再试 / too many wrong bearer tokens from this address: wait a minute',
      );
    }
    if (!staff) {
      if (req.method === 'GET' && !path.startsWith('/api/')) return reply.redirect('/login', 303);
      return fail(
        reply,
        401,
        'unauthorized',
        '请先登录 / log in first or send "Authorization: Bearer <CREDIT_BOT_STAFF_TOKEN>"',
      );
    }
    if (foreignWrite(req))
      return fail(reply, 403, 'bad_origin', '跨站请求被拒绝 / cross-site request refused');
    (req as FastifyRequest & { staff?: StaffUser }).staff = staff;
  });

  const sendFile = (reply: FastifyReply, name: string) => {
    const f = files.get(name);
    if (!f) return fail(reply, 404, 'not_found', '没有这个文件 / no such file');
    return reply.type(f.type).send(f.body);
  };

  app.get('/login', (_req, reply) => sendFile(reply, 'login.html'));
  app.get('/favicon.ico', (_req, reply) => sendFile(reply, 'favicon.svg'));
  app.get<{ Params: { file: string } }>('/assets/:file', (req, reply) => sendFile(reply, req.params.file));
  app.get('/', (_req, reply) => sendFile(reply, 'index.html'));
  app.get('/cases', (_req, reply) => sendFile(reply, 'cases.html'));
  app.get('/stats', (_req, reply) => sendFile(reply, 'stats.html'));

  app.post('/login', async (req, reply) => {
    // A foreign page must not log a desk into someone else's account either.
    if (foreignWrite(req)) return reply.redirect('/login?e=origin', 303);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const user = typeof body.user === 'string' ? body.user : '';
    const password = typeof body.password === 'string' ? body.password : '';
    const result = await auth.login(req.ip, user, password);
    if (result === null) return reply.redirect('/login?e=throttled', 303);
    if (result === false) return reply.redirect('/login?e=bad', 303);
    reply.header('set-cookie', auth.sessionCookie(result.sid, secureCookie));
    return reply.redirect('/', 303);
  });

  app.post('/logout', async (req, reply) => {
    auth.logout(readCookie(req.headers.cookie, SESSION_COOKIE));
    reply.header('set-cookie', auth.clearCookie(secureCookie));
    return reply.redirect('/login', 303);
  });

  const staff = (req: FastifyRequest) => (req as FastifyRequest & { staff: StaffUser }).staff;
  const keyOf = (rec: CaseRecord): SessionKey => ({ channel: 'web', chatId: rec.id, userId: rec.openedBy });

  // the staff member's name is on every audit row the engine's store writes for this request
  const as = <R>(req: FastifyRequest, work: () => R): R =>
    withActor({ actor: staff(req).name, channel: 'web' }, work);
  const actorOf = (who: StaffUser): DeskActor => ({ user: who.user, name: who.name, channel: 'web' });
  const cases = index.storage.cases;

  async function caseOr404(id: string, reply: FastifyReply): Promise<CaseRecord | null> {
    const rec = await cases.get(id);
    if (!rec) fail(reply, 404, 'not_found', NOT_FOUND);
    return rec ?? null;
  }

  /**
   * The case as the page shows it. `brief` (a turn's answer): without the engine's shortened
   * history when the record is there, whose entries are the whole transcript the page draws.
   * `textsHeld` (a turn that left them as they were): without determination, explanation and unmet
   * reasons, ~5 KB the page already holds under the same `textsKey` (the answer's own top-level
   * `determination` still says where the case stands).
   */
  async function caseBody(
    rec: CaseRecord,
    view: CaseView,
    brief = false,
    after?: DeskMarks | TurnRows,
    textsHeld = false,
  ) {
    // 另册管理 (DOMAIN §3) changes what the caller should expect: staff see it in the panel and read it out.
    const register = separateRegisterNote(view.facts, loadKnowledge(), chinaDay(now()));
    const readAloud =
      register && !view.readAloud.includes('另册') ? `${view.readAloud}\n\n${register}` : view.readAloud;
    const record = (after ? await desk.recordTail(rec.id, after) : await desk.record(rec.id)) ?? null;
    const { history, explanation, unmetReasons, determination, ...rest } = view;
    return {
      caseId: rec.id,
      openedBy: rec.openedBy,
      created: rec.created,
      lastActivity: record?.lastActivity ?? rec.lastActivity,
      choices: rec.lastChoices,
      ...rest,
      ...(textsHeld ? {} : { determination, explanation, unmetReasons }),
      ...(brief && record ? {} : { history }),
      readAloud,
      warnings: register ? [register] : [],
      // what the caller gave in the chat, overridden by what staff typed in the panel
      draftFields: { ...stringValues(view.draftFields), ...rec.draftFields },
      record,
    };
  }

  function summarize(replies: Reply[]) {
    const texts: string[] = [];
    let choices: { id: string; label: string }[] = [];
    const files: { fileName: string; mimeType: string; base64: string }[] = [];
    for (const r of replies) {
      if (r.kind === 'text') {
        texts.push(r.text);
        if (r.choices?.length) choices = r.choices;
      } else if (r.kind === 'file') {
        files.push({
          fileName: r.fileName,
          mimeType: r.mimeType,
          base64: Buffer.from(r.data).toString('base64'),
        });
      } else {
        texts.push(r.text);
      }
    }
    return { reply: texts.join('\n\n'), texts, choices, files };
  }

  /** tells the colleagues watching the case (on this process and on the others) */
  async function changed(id: string, who: StaffUser, what: string): Promise<void> {
    await live.publish({ caseId: id, by: who.user, byName: who.name, what });
  }

  /**
   * One turn of a case. `tail`: the answer's record holds only the entries this turn added (the page
   * holds the rest), so a long call does not read and send its whole transcript on every turn.
   */
  async function runTurn(
    opened: CaseRecord,
    input: { text: string } | { choiceId: string },
    who: StaffUser,
    tail = false,
  ) {
    let rec = opened;
    // what the answer's record shows of this turn: the rows the engine's database store wrote in the
    // turn's transaction (nothing read back), or else the rows after the last ones before the turn
    const written: TurnRows | undefined = tail && index.inTurn ? { transcript: [], audit: [] } : undefined;
    const before = tail && !written ? await desk.marks(rec.id) : undefined;
    // A button click is shown in the transcript as the label the caller chose, not the button's id.
    const choice = 'choiceId' in input ? rec.lastChoices.find((c) => c.id === input.choiceId) : undefined;
    // the engine's database store writes the colleagues' refresh with the turn: one commit per turn
    const announce = index.inTurn
      ? { by: who.user, byName: who.name, what: 'turn', origin: live.origin }
      : undefined;
    const result = await withActor(
      { actor: who.name, channel: 'web', ...(announce && { announce }), ...(written && { written }) },
      () => engine.handle({ ...keyOf(rec), isGroup: false, addressed: true, ...input }),
    );
    const out = summarize(result.replies);
    // the case as this turn left it, without reading the session back (an engine without it: getCase)
    const view = result.view?.() ?? (await (engine as CaseEngine).getCase(keyOf(rec)));
    // the engine's database store already recorded route and buttons in the turn's transaction
    if (!index.inTurn) {
      await cases.touch(rec.id, {
        path: view.determination.path,
        eligible: view.determination.eligible,
        lastChoices: out.choices,
      });
    }
    const lines: { from: 'user' | 'bot'; text: string; choice?: string }[] = [];
    if ('choiceId' in input)
      lines.push({ from: 'user', text: choice?.label ?? input.choiceId, choice: input.choiceId });
    else if (!input.text.trim().startsWith('/')) lines.push({ from: 'user', text: input.text });
    for (const text of out.texts) lines.push({ from: 'bot', text });
    // The caller asked to be forgotten: what staff typed for the drafts goes too, not only the chat.
    const forgotten = result.intent === 'forget' || ('text' in input && /^\s*\/forget\b/.test(input.text));
    if (forgotten) {
      await cases.clearPersonal(rec.id);
      await desk.forget(rec.id, actorOf(who));
      await changed(rec.id, who, 'forget');
    } else if (announce) {
      // the store wrote the transcript in full and the feed row in the turn's transaction
      live.delivered({
        caseId: rec.id,
        by: who.user,
        byName: who.name,
        what: 'turn',
        at: new Date().toISOString(),
      });
    } else {
      await desk.completeTurn(rec.id, lines, actorOf(who));
      await changed(rec.id, who, 'turn');
    }
    // The case row as the turn left it: its buttons are the session's (written in the turn's
    // transaction, or by touch above); what staff typed changes only with /forget, read again then.
    rec = forgotten
      ? ((await cases.get(rec.id)) ?? rec)
      : { ...rec, lastChoices: index.inTurn ? (result.choices ?? rec.lastChoices) : out.choices };
    const textsHeld = result.textsKeyBefore !== undefined && result.textsKeyBefore === view.textsKey;
    return {
      ...out,
      intent: result.intent,
      facts: view.facts,
      turnFacts: result.facts,
      determination: view.determination,
      case: await caseBody(rec, view, true, written ?? before, textsHeld),
    };
  }

  app.get('/api/me', async (req) => staff(req));
  app.get('/api/meta', async () => meta);

  app.get('/api/cases', async () => ({
    cases: (await cases.today()).map((c) => ({
      id: c.id,
      created: c.created,
      lastActivity: c.lastActivity,
      path: c.path,
      eligible: c.eligible,
      name: c.company ?? c.draftFields.name ?? null,
      openedBy: c.openedBy,
    })),
  }));

  app.post('/api/cases', async (req, reply) => {
    const who = staff(req);
    const id = randomBytes(9).toString('base64url');
    await desk.open(id, actorOf(who));
    const rec = (await cases.get(id)) as CaseRecord;
    // The engine's greeting gives staff the main menu as buttons straight away.
    const first = await as(req, () => runTurn(rec, { text: '/start' }, who));
    return reply.code(201).send({ caseId: rec.id, ...first });
  });

  app.get<{ Params: { id: string } }>('/api/cases/:id', async (req, reply) => {
    const rec = await caseOr404(req.params.id, reply);
    if (!rec) return reply;
    return await caseBody(rec, await (engine as CaseEngine).getCase(keyOf(rec)));
  });

  app.post<{ Params: { id: string } }>('/api/cases/:id/turns', async (req, reply) => {
    const rec = await caseOr404(req.params.id, reply);
    if (!rec) return reply;
    const input = parseTurn(req.body);
    return as(req, () => runTurn(rec, input, staff(req), true));
  });

  app.delete<{ Params: { id: string } }>('/api/cases/:id', async (req, reply) => {
    const rec = await caseOr404(req.params.id, reply);
    if (!rec) return reply;
    await as(req, () => engine.forget(keyOf(rec)));
    await as(req, () => cases.remove(rec.id, staff(req).name));
    return reply.code(204).send();
  });

  app.put<{ Params: { id: string } }>('/api/cases/:id/facts', async (req, reply) => {
    const rec = await caseOr404(req.params.id, reply);
    if (!rec) return reply;
    const facts = parseFacts(req.body, now(), meta.facts);
    // a copy: the engine may hand out its live facts object, which setFacts then changes in place
    const before = { ...(await (engine as CaseEngine).getCase(keyOf(rec))).facts } as Record<string, unknown>;
    let view: CaseView;
    try {
      view = await as(req, () => (engine as CaseEngine).setFacts(keyOf(rec), facts));
    } catch (err) {
      // The engine validates facts too; its message lists what is wrong.
      throw new BadRequest('bad_facts', `事实无效 / invalid facts: ${(err as Error).message}`);
    }
    // the engine's database store wrote the fact audit rows in the same transaction as the facts
    if (!index.inTurn) {
      await cases.touch(rec.id, {
        path: view.determination.path,
        eligible: view.determination.eligible,
      });
      const after = view.facts as Record<string, unknown>;
      const changes: DeskEvent[] = Object.keys(facts)
        .filter((k) => before[k] !== after[k])
        .map((k) => ({ kind: 'fact', fact: k, from: before[k] ?? null, to: after[k] ?? null }));
      await desk.recordChanges(rec.id, actorOf(staff(req)), changes);
    }
    await changed(rec.id, staff(req), 'facts');
    return await caseBody(rec, view);
  });

  app.put<{ Params: { id: string } }>('/api/cases/:id/draft-fields', async (req, reply) => {
    const rec = await caseOr404(req.params.id, reply);
    if (!rec) return reply;
    const fields = parseDraftFields(req.body, draftFieldNames);
    // Staff-typed fields live in the case's session, checked as in the chat; the index keeps a copy
    // for the case list only.
    let stored: Record<string, string | number>;
    try {
      stored = await as(req, () => (engine as CaseEngine).setDraftFields(keyOf(rec), fields));
    } catch (err) {
      const problems = draftProblems(err);
      if (!problems) throw err;
      return reply.code(400).send({
        error: 'bad_fields',
        message: problems.map((p) => p.message).join('；'),
        problems,
      });
    }
    // The session holds the fields (the engine's drafting reads them). The engine's database store
    // copied name, code and phone to the case record and audited them in the same transaction; for
    // another engine the case record takes the copy and the audit rows here.
    const normalised = stringValues(stored);
    const saved = index.inTurn
      ? undefined
      : await as(req, () => cases.setDraftFields(rec.id, normalised, staff(req).name));
    await changed(rec.id, staff(req), 'fields');
    return { caseId: rec.id, draftFields: saved?.draftFields ?? normalised };
  });

  app.get<{ Params: { id: string; docType: string }; Querystring: { format?: string } }>(
    '/api/cases/:id/drafts/:docType',
    async (req, reply) => {
      const rec = await caseOr404(req.params.id, reply);
      if (!rec) return reply;
      const { docType } = req.params;
      if (!(DOCUMENT_IDS as readonly string[]).includes(docType)) {
        return fail(
          reply,
          404,
          'unknown_doc',
          `没有这种文书 / unknown document type; use one of ${DOCUMENT_IDS.join(', ')}`,
        );
      }
      const format = (req.query.format ?? 'docx') as DraftFormat;
      if (!FORMATS.includes(format)) {
        return fail(
          reply,
          400,
          'bad_format',
          `format 应为 docx、txt 或 md / format must be one of ${FORMATS.join(', ')}`,
        );
      }
      // The one drafting gate every channel uses: the engine checks eligibility and renders from the
      // case's facts plus the draft fields kept in its session.
      let result: Awaited<ReturnType<CaseEngine['draftDocument']>>;
      try {
        result = await (engine as CaseEngine).draftDocument(keyOf(rec), docType as DocumentId, format);
      } catch (err) {
        const problems = draftProblems(err);
        if (!problems) throw err;
        return reply.code(400).send({
          error: 'bad_fields',
          message: `文书信息有误 / draft data is invalid: ${problems.map((p) => p.message).join('；')}`,
          problems,
        });
      }
      if (!result.gate.ok || !result.draft) {
        return fail(
          reply,
          409,
          'not_applicable',
          `这个案件现在不能生成这份文书：${result.gate.ok ? '' : result.gate.message} / this case is not (yet) eligible for this document`,
        );
      }
      const { draft } = result;
      // Old clients that ignore filename* get a plain ASCII name rather than a row of underscores.
      const ascii = /^[\w.-]+$/.test(draft.fileName) ? draft.fileName : `${docType}.${format}`;
      reply.header(
        'content-disposition',
        `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(draft.fileName)}`,
      );
      return reply.type(draft.mimeType).send(Buffer.from(draft.data));
    },
  );

  registerCaseRoutes(app, { desk, live, meta, staff, actorOf, changed });
  registerStatsRoutes(app, { desk, meta, now });

  app.addHook('onClose', async () => {
    auth.close();
    live.close();
    await index.close();
  });

  return app;
}

/** Starts the console; the serve command calls exactly this. */
export async function startWeb(
  engine: Engine,
  env: NodeJS.ProcessEnv = process.env,
  opts: WebOptions = {},
): Promise<{ url: string; stop: () => Promise<void> }> {
  const { host, port } = listenAddress(env);
  const log =
    opts.log ??
    createLogger({
      level: env.CREDIT_BOT_LOG_LEVEL?.trim() || 'info',
      secrets: [env.CREDIT_BOT_STAFF_TOKEN?.trim() ?? ''],
    });
  const app = await buildWebApp(engine, env, { ...opts, log });
  await app.listen({ host, port });
  const addr = app.server.address();
  const actualPort = typeof addr === 'object' && addr ? addr.port : port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${actualPort}/`,
    stop: async () => {
      await app.close();
    },
  };
}
