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
    expect(normalize('好的 ok 谢谢')).toBe('好的 ok 谢谢');
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
