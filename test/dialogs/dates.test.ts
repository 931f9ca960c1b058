import { describe, expect, it } from 'vitest';
import { extractDate } from '../../dialogs/dates.ts';
import { FIXED_NOW } from './transcript.ts';

describe('submission dates in questions', () => {
  it.each([
    ['我打算12月29日提交，什么时候能办好', '2026-12-29'],
    ['3月2号去交', '2027-03-02'],
    ['2027年1月4日提交', '2027-01-04'],
    ['2026-12-01交材料', '2026-12-01'],
    ['明天去交', '2026-11-27'],
    ['下周一交的话几号能办好', '2026-11-30'],
    ['这周五去交', '2026-11-27'],
    ['我明年1月4号去交', '2027-01-04'],
    ['要多久', undefined],
    ['2月30日', undefined],
  ])('%s → %s', (text, date) => {
    expect(extractDate(text, FIXED_NOW)).toBe(date);
  });
});

import { chat } from './transcript.ts';

describe('a timeline question with a date after the route is decided', () => {
  it('answers with the calendar date and says when the holiday calendar is not published', async () => {
    const c = await chat();
    await c.send('个体户，2021年没报年报被标记异常，上一年纸质年报已补报公示');
    const text = await c.says('我打算12月29日提交，什么时候能办好', '2027');
    expect(text).not.toContain('【【');
  });
});
