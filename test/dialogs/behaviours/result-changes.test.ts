// Behaviours 6 and 10: the verdict first says what was understood; facts given after a result
// re-decide it and the reply says what changed in a few lines; 「详细」 gives the whole explanation.
import { describe, expect, it } from 'vitest';
import { chat } from '../transcript.ts';

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
});
