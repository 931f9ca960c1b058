// A date told by a season or a festival (「今年开春」「去年国庆前后」) is read as the last month it may
// mean, so a waiting period counted from it never ends too early; one that may fall in either of two
// years (冬天) stays unknown and is asked; a season said after a month only restates it.
import { describe, expect, it } from 'vitest';
import { chat } from '../transcript.ts';

const key = { channel: 'console', chatId: 'c1', userId: 'u1' } as const;

describe('seasons and festivals told for a date', () => {
  it('listed on the serious list 「今年开春」: March at the latest, the year not yet over', async () => {
    const c = await chat();
    await c.send('我们厂今年开春的时候被列入严重违法失信名单了 罚款早交了 问题也都改好了');
    await c.send('之后没有再被罚过 也没有别的管理措施在执行');
    expect((await c.engine.getCase(key)).facts.seriousListedDate).toBe('2026-03-31');
    expect(c.last?.determination).toMatchObject({ path: 'serious-list-early-removal', eligible: false });
  });

  it('a publication 「前年国庆前后」 answers the date question: the waiting period is over', async () => {
    const c = await chat();
    await c.says('我们建材店因为虚标价格被市场监管局罚了八万 跟食品药品都没关系', '哪天');
    await c.send('前年国庆前后公示的 罚款交了 价签全换了 之后没有再被罚过');
    expect((await c.engine.getCase(key)).facts.penaltyPublishedDate).toBe('2024-10-31');
    expect(c.last?.determination).toMatchObject({ path: 'penalty-publicity-repair', eligible: true });
  });

  it('「去年冬天」 may be either year: the date stays unknown and nothing is granted', async () => {
    const c = await chat();
    await c.send('去年冬天上了严重违法失信名单 罚款交了 也整改了 后来没再被罚 也没有别的措施');
    expect((await c.engine.getCase(key)).facts.seriousListedDate).toBeUndefined();
    expect(c.last?.determination.eligible).toBeNull();
  });
});
