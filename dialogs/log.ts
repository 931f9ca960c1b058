// Logging for operators (English, JSON lines on stderr), one factory for the engine, the chat adapters
// and the web console. Personal data is redacted by key, known secrets are cut out of every line, and
// errors are reduced to what an operator needs: client libraries attach the failed request to their
// errors (telegraf's `on.payload.text`, discord.js's `requestBody`), and that is the user's message.
import { type DestinationStream, pino } from 'pino';

export type Logger = pino.Logger;

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const REDACT = [
  'token',
  '*.token',
  'password',
  '*.password',
  'text',
  '*.text',
  'name',
  '*.name',
  'phone',
  '*.phone',
  'creditCode',
  '*.creditCode',
  'representative',
  '*.representative',
  'address',
  '*.address',
  'headers.authorization',
  '*.headers.authorization',
  '*.*.headers.authorization',
  'headers.cookie',
  '*.headers.cookie',
  '*.*.headers.cookie',
];

/** Secrets shorter than this would cut ordinary words out of log lines. */
const MIN_SECRET_LENGTH = 8;

export interface LoggerOptions {
  /** defaults to CREDIT_BOT_LOG_LEVEL, then 'info' */
  level?: string;
  /** defaults to stderr */
  destination?: NodeJS.WritableStream | DestinationStream | { write(line: string): unknown };
  /** values (tokens, webhook secrets) replaced by [redacted] wherever they appear in a line */
  secrets?: string[];
}

/** The level to use, or an Error naming CREDIT_BOT_LOG_LEVEL and the allowed values. */
export function checkLogLevel(level: string): string {
  const l = level.trim().toLowerCase();
  if ((LOG_LEVELS as readonly string[]).includes(l)) return l;
  throw new Error(
    `CREDIT_BOT_LOG_LEVEL=${JSON.stringify(level.slice(0, 40))} is not a log level: use one of ${LOG_LEVELS.join(', ')}`,
  );
}

type Loose = Record<string, unknown> & { response?: Record<string, unknown>; on?: { method?: unknown } };

/**
 * An error as a plain object of safe fields only. Never the request (payload, requestBody, rawError,
 * url: a webhook URL holds an interaction token) nor arbitrary enumerable properties.
 */
export function safeError(value: unknown, depth = 0): unknown {
  if (typeof value !== 'object' || value === null) return { message: String(value) };
  const e = value as Loose;
  const ctor = (value as { constructor?: { name?: unknown } }).constructor;
  const out: Record<string, unknown> = {
    type: typeof ctor?.name === 'string' && ctor.name !== 'Object' ? ctor.name : String(e.name ?? 'Error'),
  };
  if (typeof e.message === 'string') out.message = e.message;
  if (typeof e.code === 'string' || typeof e.code === 'number') out.code = e.code;
  if (typeof e.status === 'number') out.status = e.status;
  const r = e.response;
  if (typeof r === 'object' && r !== null) {
    const response: Record<string, unknown> = {};
    if (typeof r.error_code === 'number') response.error_code = r.error_code;
    if (typeof r.description === 'string') response.description = r.description;
    if (Object.keys(response).length) out.response = response;
  }
  if (typeof e.on?.method === 'string') out.method = e.on.method;
  // The stack's first line is the message; the rest are code locations, which operators need.
  if (typeof e.stack === 'string') out.stack = e.stack;
  if (e.cause !== undefined && depth < 3) out.cause = safeError(e.cause, depth + 1);
  return out;
}

export function createLogger(opts: LoggerOptions = {}): Logger {
  const level = checkLogLevel(opts.level ?? process.env.CREDIT_BOT_LOG_LEVEL ?? 'info');
  const secrets = [...new Set(opts.secrets ?? [])].filter((s) => s.length >= MIN_SECRET_LENGTH);
  return pino(
    {
      level,
      base: undefined,
      redact: { paths: REDACT, censor: '[redacted]' },
      serializers: { err: (v: unknown) => safeError(v), error: (v: unknown) => safeError(v) },
      ...(secrets.length && {
        hooks: {
          streamWrite: (line: string) => secrets.reduce((out, s) => out.split(s).join('[redacted]'), line),
        },
      }),
    },
    (opts.destination as DestinationStream | undefined) ?? pino.destination({ dest: 2, sync: true }),
  );
}

export const silentLogger: Logger = pino({ level: 'silent' });
