// 「许可证直接给吊了」: a revoked licence told in the owner's words is a revocation (总局令第107号 第八条),
// also when it corrects a lighter kind told first — a penalty that cannot be repaired, never 「可以申请」.
import { describe, expect, it } from 'vitest';
import { chat } from '../transcript.ts';

describe('a licence 「吊了」', () => {
  it('correcting 停业整顿 to a revoked licence leaves no repair', async () => {
    const c = await chat();
    await c.send('我们小超市被县市场监管局处罚了 说是停业整顿');
    await c.send('搞错了 不是停业整顿 是经营许可证直接给吊了');
    expect(c.last?.determination).toMatchObject({ path: 'penalty-not-repairable', eligible: false });
  });
});
