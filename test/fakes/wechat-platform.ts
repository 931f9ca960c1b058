// Fakes of the WeChat family of platforms on 127.0.0.1: the HTTP APIs an Official Account and a WeCom
// application call (access token, customer-service / application messages, media upload, menu) and the
// callback senders that post signed — and in safe mode encrypted — XML to our server, as the platforms
// do. The cryptography here is written out with node:crypto on purpose, independently of the adapter's
// library, so the two check each other.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ApiCall {
  path: string;
  query: Record<string, string>;
  body: Record<string, unknown>;
  files: Record<string, { name: string; type: string; bytes: Uint8Array }>;
}

interface Failure {
  errcode: number;
  errmsg: string;
}

export interface FakeWechatApi {
  root: string;
  calls: ApiCall[];
  /** calls to `path` made with a valid token */
  callsTo(path: string): ApiCall[];
  /** the next call to `path` answers with this errcode (once per entry) */
  failNext(path: string, failure: Failure, times?: number): void;
  /** invalidates the current access token, as when it expires early */
  expireToken(): void;
  tokenFetches: number;
  uploads: Map<string, { name: string; bytes: Uint8Array }>;
  waitFor(pred: (c: ApiCall) => boolean, since?: number, timeoutMs?: number): Promise<ApiCall>;
  close(): Promise<void>;
}

/** `credentials`: query name → expected value for the token request (appid/secret or corpid/corpsecret) */
export async function startFakeWechatApi(opts: {
  tokenPath: '/cgi-bin/token' | '/cgi-bin/gettoken';
  credentials: Record<string, string>;
}): Promise<FakeWechatApi> {
  const calls: ApiCall[] = [];
  const failures = new Map<string, Failure[]>();
  const uploads = new Map<string, { name: string; bytes: Uint8Array }>();
  const listeners = new Set<() => void>();
  let current = '';
  let serial = 0;
  const fake = {
    tokenFetches: 0,
  } as FakeWechatApi;

  const server = createServer((req, res) => {
    void route(req, res).catch((err: unknown) => json(res, 500, { errcode: -1, errmsg: String(err) }));
  });

  async function route(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://x');
    const query = Object.fromEntries(url.searchParams);
    if (url.pathname === opts.tokenPath) {
      const ok = Object.entries(opts.credentials).every(([k, v]) => query[k] === v);
      if (!ok) return json(res, 200, { errcode: 40125, errmsg: 'invalid appsecret' });
      fake.tokenFetches++;
      current = `TOKEN_${++serial}_${randomBytes(6).toString('hex')}`;
      return json(res, 200, { access_token: current, expires_in: 7200 });
    }
    if (query.access_token !== current || !current) {
      return json(res, 200, {
        errcode: 40001,
        errmsg: 'invalid credential, access_token is invalid or not latest',
      });
    }
    const { body, files } = await readBody(req);
    const call: ApiCall = { path: url.pathname, query, body, files };
    calls.push(call);
    for (const l of listeners) l();
    const failure = failures.get(url.pathname)?.shift();
    if (failure) return json(res, 200, failure);
    switch (url.pathname) {
      case '/cgi-bin/media/upload': {
        const media = files.media;
        if (!media || query.type !== 'file')
          return json(res, 200, { errcode: 40004, errmsg: 'invalid media type' });
        const id = `MEDIA_${uploads.size + 1}`;
        uploads.set(id, { name: media.name, bytes: media.bytes });
        return json(res, 200, { errcode: 0, errmsg: 'ok', type: 'file', media_id: id, created_at: '1' });
      }
      default:
        return json(res, 200, { errcode: 0, errmsg: 'ok' });
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  Object.assign(fake, {
    root: `http://127.0.0.1:${port}`,
    calls,
    uploads,
    callsTo: (path: string) => calls.filter((c) => c.path === path),
    failNext(path: string, failure: Failure, times = 1) {
      const list = failures.get(path) ?? [];
      for (let i = 0; i < times; i++) list.push(failure);
      failures.set(path, list);
    },
    expireToken() {
      current = `EXPIRED_${serial}`;
    },
    waitFor(pred: (c: ApiCall) => boolean, since = 0, timeoutMs = 10_000) {
      return new Promise<ApiCall>((resolve, reject) => {
        const check = () => {
          const hit = calls.slice(since).find(pred);
          if (hit) {
            listeners.delete(check);
            clearTimeout(timer);
            resolve(hit);
          }
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`fake WeChat API: no matching call within ${timeoutMs} ms`));
        }, timeoutMs);
        listeners.add(check);
        check();
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
  return fake;
}

async function readBody(req: IncomingMessage): Promise<Pick<ApiCall, 'body' | 'files'>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const raw = Buffer.concat(chunks);
  const type = req.headers['content-type'] ?? '';
  if (type.startsWith('multipart/form-data')) {
    const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
    const files: ApiCall['files'] = {};
    const body: Record<string, unknown> = {};
    for (const [k, v] of form) {
      if (typeof v === 'string') body[k] = v;
      else files[k] = { name: v.name, type: v.type, bytes: new Uint8Array(await v.arrayBuffer()) };
    }
    return { body, files };
  }
  return { body: raw.length ? (JSON.parse(raw.toString('utf8')) as Record<string, unknown>) : {}, files: {} };
}

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

// ── the callback side: what the platform posts to our server ─────────────────────────────────────────

export function sha1Signature(...parts: string[]): string {
  return createHash('sha1')
    .update([...parts].sort().join(''))
    .digest('hex');
}

/** AES-256-CBC envelope of the WXBizMsgCrypt scheme: random(16) | length(4, BE) | message | receiver id. */
export function sealEnvelope(
  aesKey: string,
  message: string,
  receiverId: string,
  random = randomBytes(16),
): string {
  const key = Buffer.from(`${aesKey}=`, 'base64');
  const msg = Buffer.from(message);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(msg.length);
  const plain = Buffer.concat([random, len, msg, Buffer.from(receiverId)]);
  const pad = 32 - (plain.length % 32);
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
  return Buffer.concat([
    cipher.update(Buffer.concat([plain, Buffer.alloc(pad, pad)])),
    cipher.final(),
  ]).toString('base64');
}

export function openEnvelope(aesKey: string, ciphertext: string): { message: string; receiverId: string } {
  const key = Buffer.from(`${aesKey}=`, 'base64');
  const d = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
  const plain = Buffer.concat([d.update(Buffer.from(ciphertext, 'base64')), d.final()]);
  const unpadded = plain.subarray(0, plain.length - (plain.at(-1) ?? 0));
  const len = unpadded.readUInt32BE(16);
  return {
    message: unpadded.subarray(20, 20 + len).toString('utf8'),
    receiverId: unpadded.subarray(20 + len).toString('utf8'),
  };
}

const cdata = (s: string) => `<![CDATA[${s}]]>`;

export function messageXml(fields: Record<string, string | number>): string {
  return `<xml>${Object.entries(fields)
    .map(([k, v]) => `<${k}>${typeof v === 'number' ? v : cdata(v)}</${k}>`)
    .join('')}</xml>`;
}

export interface CallbackSender {
  /** posts a message (fields of the plaintext XML); resolves with the HTTP answer */
  post(
    fields: Record<string, string | number>,
    opts?: { timestamp?: number; forge?: boolean },
  ): Promise<Response>;
  /** the raw POST, for malformed bodies */
  postRaw(body: string, opts?: { timestamp?: number }): Promise<Response>;
  verify(echostr: string, opts?: { forge?: boolean }): Promise<Response>;
  /** opens a passive reply body (decrypting it in safe mode) into its XML text */
  readReply(res: Response): Promise<string>;
}

/**
 * The Official Account's callback sender. Plaintext mode signs (token, timestamp, nonce); safe mode also
 * seals the message for the AppID and signs the ciphertext (msg_signature), as 安全模式 does.
 */
export function officialAccountSender(opts: {
  url: string;
  token: string;
  appId: string;
  aesKey?: string;
  now?: () => number;
}): CallbackSender {
  const now = opts.now ?? Date.now;
  const stamp = (t?: number) => String(t ?? Math.floor(now() / 1000));
  const nonce = () => String(Math.floor(Math.random() * 1e9));
  async function postRaw(body: string, o: { timestamp?: number; forge?: boolean; encrypted?: string } = {}) {
    const timestamp = stamp(o.timestamp);
    const n = nonce();
    const q = new URLSearchParams({
      signature: o.forge
        ? sha1Signature('not-the-token', timestamp, n)
        : sha1Signature(opts.token, timestamp, n),
      timestamp,
      nonce: n,
      openid: 'o-user',
    });
    if (o.encrypted !== undefined) {
      q.set('encrypt_type', 'aes');
      q.set('msg_signature', sha1Signature(opts.token, timestamp, n, o.encrypted));
    }
    return fetch(`${opts.url}?${q}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body });
  }
  return {
    async post(fields, o = {}) {
      const plain = messageXml(fields);
      if (!opts.aesKey) return postRaw(plain, o);
      const encrypted = sealEnvelope(opts.aesKey, plain, opts.appId);
      const body = messageXml({ ToUserName: String(fields.ToUserName ?? ''), Encrypt: encrypted });
      return postRaw(body, { ...o, encrypted });
    },
    postRaw: (body, o) => postRaw(body, o),
    verify(echostr, o = {}) {
      const timestamp = stamp();
      const n = nonce();
      const signature = sha1Signature(o.forge ? 'wrong' : opts.token, timestamp, n);
      return fetch(`${opts.url}?${new URLSearchParams({ signature, timestamp, nonce: n, echostr })}`);
    },
    async readReply(res) {
      const text = await res.text();
      if (!opts.aesKey || !text.startsWith('<xml>')) return text;
      const enc = /<Encrypt>([^<]*)<\/Encrypt>/.exec(text)?.[1] ?? '';
      const sig = /<MsgSignature>([^<]*)<\/MsgSignature>/.exec(text)?.[1] ?? '';
      const ts = /<TimeStamp>([^<]*)<\/TimeStamp>/.exec(text)?.[1] ?? '';
      const n = /<Nonce>([^<]*)<\/Nonce>/.exec(text)?.[1] ?? '';
      if (sig !== sha1Signature(opts.token, ts, n, enc)) throw new Error('reply signature does not verify');
      const opened = openEnvelope(opts.aesKey, enc);
      if (opened.receiverId !== opts.appId) throw new Error('reply sealed for another AppID');
      return opened.message;
    },
  };
}

/** WeCom's callback sender: every request is sealed for the CorpID and signed with msg_signature. */
export function wecomSender(opts: {
  url: string;
  token: string;
  corpId: string;
  aesKey: string;
  agentId: string;
  now?: () => number;
}): CallbackSender {
  const now = opts.now ?? Date.now;
  async function postRaw(body: string, o: { timestamp?: number; forge?: boolean; encrypted?: string } = {}) {
    const timestamp = String(o.timestamp ?? Math.floor(now() / 1000));
    const nonce = String(Math.floor(Math.random() * 1e9));
    const q = new URLSearchParams({
      msg_signature: sha1Signature(o.forge ? 'wrong' : opts.token, timestamp, nonce, o.encrypted ?? ''),
      timestamp,
      nonce,
    });
    return fetch(`${opts.url}?${q}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body });
  }
  return {
    async post(fields, o = {}) {
      const encrypted = sealEnvelope(opts.aesKey, messageXml(fields), opts.corpId);
      const body = messageXml({ ToUserName: opts.corpId, Encrypt: encrypted, AgentID: opts.agentId });
      return postRaw(body, { ...o, encrypted });
    },
    postRaw: (body, o) => postRaw(body, o),
    verify(echostr, o = {}) {
      const timestamp = String(Math.floor(now() / 1000));
      const nonce = String(Math.floor(Math.random() * 1e9));
      const encrypted = sealEnvelope(opts.aesKey, echostr, opts.corpId);
      const msg_signature = sha1Signature(o.forge ? 'wrong' : opts.token, timestamp, nonce, encrypted);
      return fetch(
        `${opts.url}?${new URLSearchParams({ msg_signature, timestamp, nonce, echostr: encrypted })}`,
      );
    },
    readReply: (res) => res.text(),
  };
}
