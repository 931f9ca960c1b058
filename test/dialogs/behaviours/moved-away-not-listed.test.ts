// Businesses that left their registered address and are not listed (信用惩戒缓冲, 四(五)), told the way
// owners in 咸宁 speak: the county of the licence said with 办的 and corrected in a later turn (a buffer
// for a business licensed elsewhere is not this county's to grant: not-covered, never 「可以申请」), the
// number the bureau rings found dead, the bureau quoted as unable to reach the owner, a guess about one
// question that leaves a plain answer beside it alone, and 「还冇列进克」 for "not listed yet".
import { describe, expect, it } from 'vitest';
import { chat } from '../transcript.ts';

const key = { channel: 'console', chatId: 'c1', userId: 'u1' } as const;
const SAYS_ELIGIBLE = /现在(就)?可以申请/;

describe('the county of the licence', () => {
  it('「执照是崇阳办的」 in one message: the pilot buffer does not apply', async () => {
    const c = await chat();
    const text = await c.send(
      '我屋里的早餐店执照是崇阳办的 店子挪了地方 还没被列异常 电话打得通 没得别的违法违规',
    );
    expect((await c.engine.getCase(key)).facts.inJurisdiction).toBe(false);
    expect(c.last?.determination).toMatchObject({ path: 'not-covered', eligible: false });
    expect(text).not.toMatch(SAYS_ELIGIBLE);
  });

  it('a county corrected in the next turn wins, whatever question is open', async () => {
    const c = await chat();
    await c.send('我是通城这边的个体户 门面搬走了 还没被列进异常');
    expect(c.last?.determination.path).toBe('punishment-buffer');
    await c.send('讲错了 我是住在通城 营业执照是在嘉鱼办的');
    expect((await c.engine.getCase(key)).facts.inJurisdiction).toBe(false);
    const text = await c.send('电话都打得通 也没有别的违法的 能不能暂时不列');
    expect(c.last?.determination).toMatchObject({ path: 'not-covered', eligible: false });
    expect(text).not.toMatch(SAYS_ELIGIBLE);
  });
});

describe('whether the bureau can reach the owner by other means', () => {
  it('the number the bureau rings is dead (空号): not reachable, no buffer', async () => {
    const c = await chat();
    await c.send('我姐的奶茶店搬了 搬哪去了我也说不清');
    await c.send('还没列入异常 但她换了手机 所里拨的那个号码是空号');
    expect((await c.engine.getCase(key)).facts.reachableByOtherMeans).toBe(false);
    expect(c.last?.determination).toMatchObject({ path: 'punishment-buffer', eligible: false });
  });

  it('「所里的人讲么样都联系不到他」 after the move told earlier: not reachable', async () => {
    const c = await chat();
    await c.send('我表哥的修车铺早就不在登记的地方做了 还没被列异常');
    await c.send('所里的人讲么样都联系不到他');
    expect((await c.engine.getCase(key)).facts.reachableByOtherMeans).toBe(false);
    expect(c.last?.determination).toMatchObject({ path: 'punishment-buffer', eligible: false });
  });

  it('「电话接得通」 after the move is reachable', async () => {
    const c = await chat();
    await c.send('我们的店子在新门面做 没在执照上的那个地址了 还没列进克');
    await c.send('电话都接得通 冇得别的么违法违规的事');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts).toMatchObject({
      operatingAtRegisteredAddress: false,
      listed: false,
      reachableByOtherMeans: true,
      otherViolations: false,
    });
    expect(c.last?.determination).toMatchObject({ path: 'punishment-buffer', eligible: true });
  });
});

describe('a guess about one question leaves the plain answer beside it', () => {
  it('「别的违规嘛 说不准 可能冇得吧」 hedges the violations, not 「冇被列」 answered in front of it', async () => {
    const c = await chat();
    await c.send('帮我姑姑问 她的服装店实际在另外一个地方开 老门面退掉了');
    expect(c.last?.determination.missing).toContain('listed');
    await c.send('冇被列进异常名录 手机一直打得通 别的违规嘛 说不准 可能冇得吧');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.listed).toBe(false);
    expect(facts.otherViolations).toBeUndefined();
    expect(c.last?.determination).toMatchObject({ path: 'punishment-buffer', eligible: null });
  });
});

describe('not listed, told as a correction', () => {
  it('「还冇列进克 是所里打电话提醒的」 corrects a listing read before', async () => {
    const c = await chat();
    await c.send('我们店子好像被列了异常 门面搬到街对面了');
    await c.send('不是 我上网查过 还冇列进克 是所里打电话来提醒的');
    expect((await c.engine.getCase(key)).facts.listed).toBe(false);
    await c.send('我们现在没在执照上的地址做生意 电话都接得到 也冇得么违法的记录');
    expect(c.last?.determination).toMatchObject({ path: 'punishment-buffer', eligible: true });
  });
});
