// 「后来再冇被罚过」「列进去以后再没被罚」: no penalty at all since the serious list, told without the
// legal words — so no heavier one later (总局令第107号 第十三条).
import { describe, expect, it } from 'vitest';
import { chat } from '../transcript.ts';

const key = { channel: 'console', chatId: 'c1', userId: 'u1' } as const;

describe('no penalty since, told plainly', () => {
  it('after the serious list: no heavier penalty later, and the case is decided', async () => {
    const c = await chat();
    await c.send('我们公司2024年6月10号被列入严重违法失信名单 罚款都交清了 该整改的也整改了');
    await c.send('进了名单以后再没被罚过 也没有别的管理措施还在执行');
    expect((await c.engine.getCase(key)).facts.laterHeavierPenalty).toBe(false);
    expect(c.last?.determination).toMatchObject({ path: 'serious-list-early-removal', eligible: true });
  });
});
