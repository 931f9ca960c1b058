import { describe, expect, it } from 'vitest';
import { deepLinkPayload, fromDeepLink } from '../../bots/telegram.ts';

describe('Telegram deep links carry the private start', () => {
  it("round-trips a draft moved out of a group, within Telegram's payload rules", () => {
    for (const start of ['/draft - from:-1001234567890', '/draft minor-error-application from:-100']) {
      const payload = deepLinkPayload(start);
      expect(payload).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
      expect(fromDeepLink(payload)).toBe(start);
    }
  });

  it('keeps plain commands and refuses anything else', () => {
    expect(deepLinkPayload('/draft')).toBe('draft');
    expect(fromDeepLink('draft')).toBe('/draft');
    expect(deepLinkPayload('/draft {{x}} from:abc')).toBe('start');
    expect(fromDeepLink('rm_-rf')).toBeUndefined();
  });
});
