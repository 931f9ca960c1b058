// Spelling variants users type reach the extractor and classifier in one standard form.
import { describe, expect, it } from 'vitest';
import { understand } from '../../dialogs/nlu/index.ts';
import { normalize } from '../../dialogs/nlu/normalize.ts';

describe('normalize', () => {
  it('simplifies traditional characters', () => {
    expect(normalize('會不會被列入經營異常名錄')).toBe('会不会被列入经营异常名录');
  });

  it('turns whole pinyin words into Chinese and joins them', () => {
    expect(normalize('nianbao meibao bei lie yichang le')).toBe('年报没报被列入异常了');
  });

  it('joins a pinyin word to the Chinese typed after it, and keeps the space before it', () => {
    expect(normalize('上了 yanzhong 失信名单 zhenggai 做完了')).toBe('上了 严重失信名单 整改做完了');
    expect(normalize('好的 ok 知道了')).toBe('好的 ok 知道了');
  });

  it('leaves English words that are not in the table alone', () => {
    expect(normalize('ok')).toBe('ok');
    expect(normalize('shopping mall')).toBe('shopping mall');
  });

  it('maps dialect words and homophone typos', () => {
    expect(normalize('纸质年报还冇得补')).toBe('纸质年报还没有补');
    expect(normalize('上了一场名录')).toBe('上了异常名录');
  });
});

describe('the fillers of speech', () => {
  it('takes away the words a message opens with, before a pause', () => {
    expect(normalize('呃 喂 那个 我们是合作社')).toBe('我们是合作社');
    expect(normalize('那个公司被列了')).toBe('那个公司被列了');
    expect(normalize('嗯')).toBe('嗯');
  });

  it('takes away the particles closing a clause, not a word ending in one', () => {
    expect(normalize('个体哈')).toBe('个体');
    expect(normalize('要带什么材料啊 要不要钱啊啊')).toBe('要带什么材料 要不要钱');
    expect(normalize('我问一哈')).toBe('我问一哈');
    expect(normalize('哈哈')).toBe('哈哈');
  });

  it('takes 呢 after a denial, a tag or 了, and leaves the one that asks', () => {
    expect(normalize('纸质年报补了冇呢')).toBe('纸质年报补了没');
    expect(normalize('还没呢')).toBe('还没');
    expect(normalize('那年报呢')).toBe('那年报呢');
  });

  it('takes the thanks closing a message, keeping its question mark; thanks alone stay', () => {
    expect(normalize('现在怎么申请移出？ 谢谢')).toBe('现在怎么申请移出?');
    expect(normalize('谢谢')).toBe('谢谢');
  });
});

describe('a date written with spaces', () => {
  it('reads a four-digit year, a month and a day that exist as a date', () => {
    expect(normalize('公示的日子是2025 09 10')).toBe('公示的日子是2025年9月10日');
    expect(normalize('2025 3 14列进去的')).toBe('2025年3月14日列进去的');
  });

  it('leaves numbers that are no date, or more numbers than a date, alone', () => {
    expect(normalize('2025 2 30')).toBe('2025 2 30');
    expect(normalize('2025 13 1')).toBe('2025 13 1');
    expect(normalize('2025 3 14 5')).toBe('2025 3 14 5');
    expect(normalize('12025 3 14')).toBe('12025 3 14');
  });
});

describe('rules in front of the classifier', () => {
  it('sends another authority’s matter out of scope even when it shares domain words', () => {
    expect(understand('税务非正常户怎么解除').intent).toBe('out_of_scope');
  });

  it('keeps a domain text with a foreign word in scope', () => {
    expect(understand('两年没报年报，税也没报，会吊销执照吗').intent).toBe('revocation_risk');
  });

  it('reads a mention of staff in a story as no call for a person', () => {
    expect(understand('年报邮箱写错了，工作人员提醒后我们改了').intent).toBe('minor_error');
    expect(understand('能不能让工作人员给我回个电话').intent).toBe('human');
  });
});
