// Business owners write sentences, not menu numbers.
import { describe, expect, it } from 'vitest';
import { chat } from './transcript.ts';

describe('free text in the interview', () => {
  it('goes straight to the tolerant-repair answer without asking what it was told', async () => {
    const c = await chat();
    await c.says(
      '我们合作社2022年没报年报被列了，上一年的纸质年报已经补报公示了',
      '容缺',
      '四(三)一',
      '5个工作日',
    );
    expect(c.last?.determination).toMatchObject({ path: 'tolerant-repair-annual-report', eligible: true });
  });

  it('skips questions already answered and takes free-form answers', async () => {
    const c = await chat();
    const first = await c.says('我是个体户，2021年没报年报被列入经营异常了', '纸质');
    expect(first).not.toContain('哪一类');
    expect(first).not.toContain('哪一年');
    await c.says('补了，上个月交的纸质年报', '容缺');
    expect(c.last?.determination.eligible).toBe(true);
  });

  it('asks which is right when new text contradicts a stored fact', async () => {
    const c = await chat();
    await c.send('我是个体户，2021年没报年报被列入经营异常了');
    await c.says('我们是有限公司', '以哪个为准', '个体工商户');
    await c.pick('改为', /每一年|所有|全部/);
    expect(c.last?.determination.path).toBe('standard-repair');
    expect(
      (await c.engine.getCase({ channel: 'console', chatId: 'c1', userId: 'u1' })).facts.entityType,
    ).toBe('enterprise');
  });

  it('answers a side question and repeats the open one', async () => {
    const c = await chat();
    await c.send('我是个体户，2021年没报年报被列入经营异常了');
    await c.says('办下来要多久', '工作日', '纸质');
  });

  it('says what it can do for out-of-scope questions', async () => {
    const c = await chat();
    await c.send('/start');
    await c.says('信用卡逾期了怎么办', '不在我能帮忙的范围', '被列入经营异常名录');
  });
});

describe('a question beside the story', () => {
  it('is answered, and the interview goes on', async () => {
    const c = await chat();
    const text = await c.says(
      '我是个体户，2021年没报年报被列入了。顺便问一下，办这个要交钱吗？',
      '不收取',
      '纸质',
    );
    expect(text.indexOf('不收取')).toBeLessThan(text.indexOf('纸质'));
  });

  it("does not turn the story's own question into a side answer", async () => {
    const c = await chat();
    const text = await c.says('我是个体户，2021年没报年报被列入了，怎么恢复？', '纸质');
    expect(text).not.toContain('不收取');
  });
});

describe('a correction while a question is open', () => {
  it('takes 「不对，是2022年」 as a correction of the year, not as a no', async () => {
    const c = await chat();
    await c.says('我家开了个小超市，个体户，2021年因为没报年报被标记成经营异常了', '纸质');
    await c.says('不对，是2022年', '已改为', '2022', '纸质');
    expect(
      (await c.engine.getCase({ channel: 'console', chatId: 'c1', userId: 'u1' })).facts
        .previousYearReportFiled,
    ).toBeUndefined();
    expect(
      (await c.engine.getCase({ channel: 'console', chatId: 'c1', userId: 'u1' })).facts.listedYear,
    ).toBe(2022);
  });

  it('reads exclusion answers the way they are meant', async () => {
    const c = await chat({ turn: { channel: 'staff' } });
    await c.send(
      '/set listed=否 errorKind=contact_info entityType=enterprise correctedAfterReminder=是 intentional=否 adverseImpact=否 safetyRelated=否 repeatedSameError=否 majorImpactOrDispute=否',
    );
    await c.says('没提供', '不能');
    expect(c.last?.determination).toMatchObject({ path: 'minor-error-exemption', eligible: false });
  });
});
