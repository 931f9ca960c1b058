// A correction of the case told while the draft asks for a field is no field's value: the case takes
// it, and the draft goes on only if the case still allows the document. A field's value that restates
// the case (the listing reason, why the business moved) is still the field's.
import { describe, expect, it } from 'vitest';
import { chat } from '../transcript.ts';

const key = { channel: 'console', chatId: 'c1', userId: 'u1' } as const;

describe('corrections while drafting', () => {
  it('a fact taken back while a field is asked stops a letter the case no longer allows', async () => {
    const c = await chat();
    await c.send('服装店搬到沙堆镇去了 原来登记的地方找不到人 被列入经营异常名录了');
    await c.send('住所变更已经登记好了');
    expect(c.last?.determination).toMatchObject({ path: 'tolerant-repair-address-change', eligible: true });
    await c.send('帮我写修复申请书');
    expect(c.last?.replies.map((r) => JSON.stringify(r)).join('')).toContain('名称');
    const reply = await c.send(
      '等一下 我搞错了 登记好的是税务那边 市场监管这边的住所变更还冇去办 老门面也退了',
    );
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.addressChangeRegistered).toBe(false);
    expect(c.last?.determination?.eligible).toBe(false);
    // not taken as the business's name, and the letter is not drafted on
    expect((await c.engine.getCase(key)).draftFields.name).toBeUndefined();
    expect(reply).toContain('暂时不能生成');
  });

  it('an application handed in and not approved, checked with someone, takes back a change told as done', async () => {
    const c = await chat();
    await c.send('我们理发店按执照上的地址联系不上 被列入异常名录了');
    await c.send('迁址的变更办好了');
    expect(c.last?.determination).toMatchObject({ path: 'tolerant-repair-address-change', eligible: true });
    await c.send('给我出一份修复申请书');
    const reply = await c.send('我刚刚问了我儿子 他讲资料是递上去了 不过还在审核中 店面原来那里早就不租了');
    const facts = (await c.engine.getCase(key)).facts;
    expect(facts.addressChangeRegistered).toBe(false);
    expect(c.last?.determination).toMatchObject({ path: 'tolerant-repair-address-change', eligible: false });
    expect((await c.engine.getCase(key)).draftFields.name).toBeUndefined();
    expect(reply).toContain('暂时不能生成');
  });

  it('a field value that restates the case is still the field', async () => {
    const c = await chat();
    await c.send('个体户 2022年没报年报被列入经营异常了 去年的纸质年报已经补报公示了');
    expect(c.last?.determination).toMatchObject({ eligible: true });
    await c.send('帮我写申请书');
    await c.send('通城县隽水镇李四副食店');
    expect((await c.engine.getCase(key)).draftFields.name).toBe('通城县隽水镇李四副食店');
    expect(c.last?.determination).toMatchObject({ eligible: true });
  });
});
