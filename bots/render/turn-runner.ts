// What both chat adapters do around the engine, kept out of them so they stay about their platform:
// per-user rate limit, one turn at a time per session (button presses arriving together must not race
// on the same session), engine failures turned into an apology instead of silence, and a way to wait
// for turns in flight on shutdown so none is cut off halfway.
import type { Logger } from 'pino';
import type { Engine, Reply, Turn } from '../../dialogs/types.ts';
import type { RateLimiter } from '../rate-limit.ts';
import { fill, messages } from './messages.ts';

export interface TurnRunner {
  /**
   * rate limit → engine → deliver, in order per session; never rejects (failures are logged).
   * `dropped` runs when the turn is refused silently (rate limited again after the notice): an adapter
   * that already showed "thinking…" (a deferred Discord interaction) must clear it there.
   */
  run(
    turn: Turn,
    deliver: (replies: Reply[]) => Promise<void>,
    dropped?: () => Promise<unknown>,
  ): Promise<void>;
  /** the engine call alone, for follow-up turns an adapter makes itself (the private half of a move) */
  handle(turn: Turn): Promise<Reply[]>;
  /** resolves when every turn started so far has been delivered */
  idle(): Promise<void>;
}

export function createTurnRunner(engine: Engine, opts: { limiter?: RateLimiter; log: Logger }): TurnRunner {
  const { limiter, log } = opts;
  const tails = new Map<string, Promise<void>>();
  const inFlight = new Set<Promise<void>>();

  async function handle(turn: Turn): Promise<Reply[]> {
    try {
      const result = await engine.handle(turn);
      const replies = [...result.replies];
      // /forget must visibly confirm; an engine that deleted silently still gets a confirmation.
      if (replies.length === 0 && /^\/forget\b/.test(turn.text ?? '')) {
        replies.push({ kind: 'text', text: messages.forgetDone });
      }
      return replies;
    } catch (err) {
      log.error({ err, channel: turn.channel, chatId: turn.chatId }, 'engine failed on a turn');
      return [{ kind: 'text', text: messages.internalError }];
    }
  }

  async function deliverSafely(turn: Turn, deliver: (r: Reply[]) => Promise<void>, replies: Reply[]) {
    try {
      await deliver(replies);
    } catch (err) {
      log.error({ err, channel: turn.channel, chatId: turn.chatId }, 'could not deliver replies');
    }
  }

  function run(
    turn: Turn,
    deliver: (replies: Reply[]) => Promise<void>,
    dropped?: () => Promise<unknown>,
  ): Promise<void> {
    const decision = limiter?.take(`${turn.channel}:${turn.userId}`);
    if (decision && !decision.ok) {
      log.info({ channel: turn.channel, userId: turn.userId }, 'rate limited');
      if (!decision.firstRefusal) {
        if (!dropped) return Promise.resolve();
        return track(
          dropped().then(
            () => undefined,
            (err: unknown) =>
              log.warn({ err, channel: turn.channel, chatId: turn.chatId }, 'could not clear a dropped turn'),
          ),
        );
      }
      const text = fill(messages.rateLimited, {
        seconds: Math.max(1, Math.ceil(decision.retryAfterMs / 1000)),
      });
      return track(deliverSafely(turn, deliver, [{ kind: 'text', text }]));
    }
    const key = `${turn.channel}\u0000${turn.chatId}\u0000${turn.userId}`;
    const previous = tails.get(key) ?? Promise.resolve();
    const current = previous.then(async () => deliverSafely(turn, deliver, await handle(turn)));
    tails.set(key, current);
    void current.then(() => {
      if (tails.get(key) === current) tails.delete(key);
    });
    return track(current);
  }

  function track(p: Promise<void>): Promise<void> {
    inFlight.add(p);
    void p.then(() => inFlight.delete(p));
    return p;
  }

  return {
    run,
    handle,
    async idle() {
      while (inFlight.size) await Promise.all([...inFlight]);
    },
  };
}
