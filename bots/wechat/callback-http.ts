// The HTTP side both Tencent callbacks share (Official Account and WeCom): XML bodies read as text
// within a size limit, refusals logged and answered in plain text, failures never shown as a stack.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { RateLimiter } from '../rate-limit.ts';
import type { RetryOptions } from '../retry.ts';

/** What both callback apps take besides their platform settings (tests pass a clock and a limiter). */
export interface CallbackRuntime {
  log: Logger;
  limiter?: RateLimiter;
  retry?: RetryOptions;
  now?: () => number;
}

/** A callback body is one small XML message; anything larger is refused before it is read. */
const BODY_LIMIT = 64 * 1024;

export type Refuse = (reply: FastifyReply, status: number, why: string, req: FastifyRequest) => FastifyReply;

/** Answers a refused callback with its reason (the platform shows it in its debugging page). */
export function callbackRefusal(log: Logger, platform: string): Refuse {
  return (reply, status, why, req) => {
    log.warn({ status, why, ip: req.ip }, `${platform} callback refused`);
    return reply.code(status).type('text/plain; charset=utf-8').send(why);
  };
}

/** Registers the XML body parsers and the error handler of a callback plugin. */
export function acceptXmlCallbacks(
  app: FastifyInstance,
  log: Logger,
  platform: string,
  refuse: Refuse,
): void {
  for (const type of ['text/xml', 'application/xml', 'text/plain']) {
    app.addContentTypeParser(type, { parseAs: 'string', bodyLimit: BODY_LIMIT }, (_req, body, done) =>
      done(null, body),
    );
  }
  app.setErrorHandler((err: Error & { statusCode?: number }, req, reply) => {
    const status = err.statusCode && err.statusCode < 500 ? err.statusCode : 500;
    if (status === 500) log.error({ err }, `${platform} callback failed`);
    return refuse(reply, status, status === 500 ? 'internal error' : 'bad request', req);
  });
}
