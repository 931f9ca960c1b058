// How the business stands now, told after how it stood when it was listed, is news, not a
// contradiction: 「现在又搬回执照上那个地址了」 after 「登记的地址找不到人被列了」 is taken without 以哪个为准.
import { describe, expect, it } from 'vitest';
import { chat } from '../transcript.ts';

const key = { channel: 'console', chatId: 'c1', userId: 'u1' } as const;

describe('news since the listing', () => {
  it('back at the registered address now: reachable there, no "which one is right"', async () => {
    const c = await chat();
    await c.send('我们贸易公司前年仓库翻修 登记的地址一直没人 被列入经营异常名录了 说是住所联系不上');
    await c.send('如今翻修完了 已经搬回原来登记的地址办公 随时找得到人 地址变更没办也不打算办');
    const replies = c.last?.replies.map((r) => JSON.stringify(r)).join('') ?? '';
    expect(replies).not.toContain('以哪个为准');
    expect((await c.engine.getCase(key)).facts.reachableAtRegisteredAddress).toBe(true);
    expect(c.last?.determination).toMatchObject({ path: 'standard-repair', eligible: true });
  });
});
