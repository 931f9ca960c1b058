// Logging for operators (English, JSON lines on stderr). Personal data and secrets are redacted by
// key, and user text is never logged: only its length.
import { pino } from 'pino';

export type Logger = pino.Logger;

const REDACT = [
  'token',
  '*.token',
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
];

export function createLogger(opts: { level?: string; destination?: NodeJS.WritableStream } = {}): Logger {
  const level = opts.level ?? process.env.CREDIT_BOT_LOG_LEVEL ?? 'info';
  return pino(
    { level, redact: { paths: REDACT, censor: '[redacted]' }, base: undefined },
    (opts.destination as pino.DestinationStream | undefined) ?? pino.destination({ dest: 2, sync: true }),
  );
}

export const silentLogger: Logger = pino({ level: 'silent' });
