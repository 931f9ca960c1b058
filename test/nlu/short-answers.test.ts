// Short replies to the bot and wordings that must not become facts. The fact tables that were here
// are now lines of test/nlu/corpus/<fact>.jsonl.
import { describe, expect, it } from 'vitest';
import { understand } from '../../dialogs/nlu/index.ts';

const now = new Date('2026-11-26T12:00:00Z');
const facts = (text: string) => understand(text, { now }).facts as Record<string, unknown>;

describe('short answers to the bot', () => {
  it.each(['没有呢', '是的', '不是啊', '嗯对'])(
    'takes the bare answer %s as conversation, not out of scope',
    (text) => {
      expect(understand(text, { now }).intent).toBe('smalltalk');
    },
  );
  it('files a fact-bearing answer under its topic', () => {
    expect(understand('没有其他违法', { now }).intent).toBe('address_change');
    expect(understand('税都有报', { now }).intent).toBe('revocation_risk');
  });
});

describe('what these wordings must not become', () => {
  it('keeps a bare 改 after "还没顾上" uncorrected', () => {
    expect(facts('年报电话错了，提醒我们了，但是还没顾上改').correctedAfterReminder).toBe(false);
  });
  it('gives no error kind to a listing told with its cause', () => {
    const f = facts('我们有限公司因为行政许可信息没及时公示被列进异常名录');
    expect(f.listingReason).toBe('instant_info_not_published');
    expect(f.errorKind).toBeUndefined();
  });
  it('reads "能找到我们" at the registered address after a listing as reachable there, not locatable', () => {
    const f = facts('因为注册地址找不到人被列异常了，现在搬回来了，去注册地址能找到我们');
    expect(f.reachableAtRegisteredAddress).toBe(true);
    expect(f.locatable).toBeUndefined();
  });
  it('leaves a business only looked up untyped and unlisted', () => {
    expect(facts('在哪能查到公司是不是异常状态')).toEqual({});
  });
  it('does not take "没闹出什么纠纷" as a dispute', () => {
    expect(facts('电话公示错了，没闹出什么纠纷').majorImpactOrDispute).toBe(false);
  });
  it('asks, without stating, in "会列入异常吗" unless the user has moved', () => {
    expect(facts('党建信息错了会列异常吗').listed).toBeUndefined();
    expect(facts('合作社已经不在登记住所办公了，电话能联系上，会列异常吗').listed).toBe(false);
  });
});
