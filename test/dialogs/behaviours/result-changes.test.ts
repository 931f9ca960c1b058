// Behaviours 6 and 10: the verdict first says what was understood; facts given after a result
// re-decide it and the reply says what changed in a few lines; 「详细」 gives the whole explanation.
import { describe, expect, it } from 'vitest';
import { chat } from '../transcript.ts';

const key = { channel: 'console', chatId: 'c1', userId: 'u1' } as const;

describe('results', () => {
  it('says what it understood before a verdict read from free text', async () => {
    const c = await chat();
    await c.send('有限公司 2023年冇报年报被列入经营异常名录');
    const text = await c.says('还有没补的', '我理解的是', '企业', '2023');
    expect(text).toContain('修改');
    expect(c.last?.determination).toMatchObject({ path: 'standard-repair', eligible: false });
  });

  it('facts after a result re-decide it in a few lines; 「详细」 shows the whole', async () => {
    const c = await chat();
    await c.send('有限公司 2023年冇报年报被列入经营异常名录');
    const full = await c.send('还有没补的');
    const changed = await c.says('全部补报了', '现在可以申请了', '下一步', '详细');
    expect(c.last?.determination.eligible).toBe(true);
    expect(changed.split('\n').length).toBeLessThan(12);
    expect(changed.length).toBeLessThan(full.length / 2);
    const detail = await c.says('详细', '【适用途径】');
    expect(detail.length).toBeGreaterThan(changed.length);
  });

  it('「行 回头我问问会计」 after a result that is not yet eligible keeps what was stated', async () => {
    const c = await chat();
    await c.send('我们是合作社 2023年没报年报被列入经营异常了');
    await c.send('上一年的纸质年报还没交');
    expect(c.last?.determination.eligible).toBe(false);
    await c.send('行 回头我问问会计');
    expect((await c.engine.getCase(key)).facts.previousYearReportFiled).toBe(false);
    expect(c.last?.determination.eligible).toBe(false);
  });

  it('an OK after a result that is not yet eligible meets nothing: the condition was never asked', async () => {
    const c = await chat();
    await c.send('有限公司 2023年冇报年报被列入经营异常名录');
    await c.send('还有没补的');
    const text = await c.send('好吧 那我回去跟老板商量一下');
    expect(text).not.toContain('可以申请');
    expect(text).not.toContain('过期');
    expect(c.last?.determination).toMatchObject({ path: 'standard-repair', eligible: false });
  });
});

describe('answers to be found out later', () => {
  it('「行 等我回头问问会计」 to an asked yes/no question is not a yes', async () => {
    const c = await chat();
    await c.says('我们公司在登记的地址找不到人 被列入了经营异常', '变更登记');
    await c.send('行 等我回头问问会计');
    expect(c.last?.determination.eligible).not.toBe(true);
  });

  it('「应该是弄好了吧」 is a guess, asked back', async () => {
    const c = await chat();
    await c.says('我们公司在登记的地址找不到人 被列入了经营异常', '变更登记');
    await c.says('听同事说应该是弄好了吧 不过证还没拿到手', '不太肯定');
    expect(c.last?.determination.eligible).toBeNull();
  });

  it('「那几年交没交 得问问我老婆 她明天回我」 asks and defers: no answer to "all filed?"', async () => {
    const c = await chat();
    await c.says('有限公司 2021年没报年报被列进异常名录了', '所有没报的年度');
    await c.send('那几年交没交 得问问我老婆 她明天回我');
    expect((await c.engine.getCase(key)).facts.allOverdueReportsFiled).toBeUndefined();
    expect(c.last?.determination.eligible).toBeNull();
  });
});
