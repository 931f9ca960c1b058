import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../bots/rate-limit.ts';
import { decodeChoice, encodeChoice, TELEGRAM_CALLBACK_MAX_BYTES } from '../../bots/render/choices.ts';
import { splitText } from '../../bots/render/split.ts';
import { retryDelay, withRetry } from '../../bots/retry.ts';

describe('splitText', () => {
  it('leaves short texts alone', () => {
    expect(splitText('你好', 10)).toEqual(['你好']);
  });

  it('prefers paragraph, then line, then sentence breaks', () => {
    expect(splitText('第一段。\n\n第二段。', 8)).toEqual(['第一段。', '第二段。']);
    expect(splitText('一行字一行字\n两行字两行字', 10)).toEqual(['一行字一行字', '两行字两行字']);
    expect(splitText('这是第一句。这是第二句。', 8)).toEqual(['这是第一句。', '这是第二句。']);
  });

  it('never cuts an emoji (surrogate pair) in half', () => {
    const parts = splitText('😀'.repeat(5), 3);
    expect(parts.join('')).toBe('😀'.repeat(5));
    const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    for (const p of parts) expect(p).not.toMatch(lone);
  });

  it('keeps every part within the limit and loses nothing but whitespace', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('字', '。', '\n', ' ', 'a', '😀'), maxLength: 400 }),
        fc.integer({ min: 4, max: 60 }),
        (text, max) => {
          const parts = splitText(text, max);
          for (const p of parts) expect(p.length).toBeLessThanOrEqual(max);
          expect(parts.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
        },
      ),
    );
  });
});

describe('choice data', () => {
  it('round-trips and refuses what Telegram would reject', () => {
    const data = encodeChoice('1234567890', 'v:annual_report_overdue', TELEGRAM_CALLBACK_MAX_BYTES);
    expect(decodeChoice(data)).toEqual({ forUserId: '1234567890', choiceId: 'v:annual_report_overdue' });
    expect(() => encodeChoice('1234567890', 'x'.repeat(60), TELEGRAM_CALLBACK_MAX_BYTES)).toThrow(/64/);
    expect(decodeChoice('something else')).toBeNull();
  });
});

describe('rate limiter', () => {
  it('allows a burst, refuses politely once, and refills with time', () => {
    let t = 0;
    const limiter = createRateLimiter({ perMinute: 3, now: () => t });
    expect([1, 2, 3].map(() => limiter.take('u').ok)).toEqual([true, true, true]);
    expect(limiter.take('u')).toEqual({ ok: false, retryAfterMs: 20_000, firstRefusal: true });
    expect(limiter.take('u').firstRefusal).toBe(false);
    expect(limiter.take('other').ok).toBe(true);
    t = 20_000;
    expect(limiter.take('u').ok).toBe(true);
    expect(limiter.take('u').ok).toBe(false);
  });
});

describe('retry', () => {
  const tg = (code: number, retry_after?: number) => ({
    response: { error_code: code, ...(retry_after !== undefined && { parameters: { retry_after } }) },
  });

  it('retries 429 after what the platform asks, 5xx and network errors with backoff, nothing else', () => {
    expect(retryDelay(tg(429, 7), 0, 500, 30_000)).toBe(7000);
    expect(retryDelay(tg(502), 2, 500, 30_000)).toBe(2000);
    expect(retryDelay(Object.assign(new Error('reset'), { code: 'ECONNRESET' }), 0, 500, 30_000)).toBe(500);
    expect(retryDelay(tg(400), 0, 500, 30_000)).toBeNull();
    expect(retryDelay(tg(403), 0, 500, 30_000)).toBeNull();
    expect(retryDelay(new TypeError('bug'), 0, 500, 30_000)).toBeNull();
  });

  it('gives up after the configured retries and rethrows the last error', async () => {
    let calls = 0;
    const slept: number[] = [];
    await expect(
      withRetry(
        async () => {
          calls++;
          throw tg(500);
        },
        { retries: 2, sleep: async (ms) => void slept.push(ms) },
      ),
    ).rejects.toEqual(tg(500));
    expect(calls).toBe(3);
    expect(slept).toEqual([500, 1000]);
  });
});
