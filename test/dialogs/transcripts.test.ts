// Conversations as a user has them. Each reads as a transcript: what is sent, what the reply must say.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../dialogs/engine.ts';
import { silentLogger } from '../../dialogs/log.ts';
import { type Session, waitingFor } from '../../dialogs/session.ts';
import { lowdbStore } from '../../dialogs/store.ts';
import { chat, FIXED_NOW, textOf } from './transcript.ts';

describe('menu-driven interview', () => {
  it("tolerant repair for an individual business listed in 2021 that filed last year's paper report", async () => {
    const c = await chat();
    await c.says('/start', '信用修复助手', '被列入经营异常名录');
    await c.says('1', '原因');
    await c.pick('年报', '哪一类');
    await c.pick('个体工商户', '哪一年');
    await c.says('2021', '纸质');
    await c.pick(/已补报|已经/, '容缺', '信用修复申请书', '守信承诺书', '5个工作日', '四(三)一');
    expect(c.last?.determination.path).toBe('tolerant-repair-annual-report');
    expect(c.last?.determination.eligible).toBe(true);
    expect(textOf(c.last?.replies ?? [])).toContain('生成文书');
  });

  it('tolerant repair after an address change (四(三)二)', async () => {
    const c = await chat();
    await c.send('/start');
    await c.says('1', '原因');
    await c.pick('联系不到', '变更登记');
    await c.pick(/已|办理了|办好/, '四(三)二', '信用修复申请书');
    expect(c.last?.determination).toMatchObject({ path: 'tolerant-repair-address-change', eligible: true });
  });

  it('a minor error asks the exclusions and ends in the exemption (四(四))', async () => {
    const c = await chat();
    await c.send('/start');
    await c.says('2', '差错');
    await c.pick(/电话|邮编|邮政编码/);
    // answer every question in the exemption's favour
    const favourable: Record<string, string> = {
      entityType: 'v:enterprise',
      correctedAfterReminder: 'v:true',
    };
    for (let i = 0; i < 12 && c.last?.determination.eligible === null; i++) {
      const pending = waitingFor(await c.store.read('console:c1:u1'));
      expect(pending?.kind).toBe('fact');
      const fact = pending?.kind === 'fact' ? pending.fact : '';
      await c.send({ choiceId: favourable[fact] ?? 'v:false' });
    }
    expect(c.last?.determination).toMatchObject({ path: 'minor-error-exemption', eligible: true });
    expect(textOf(c.last?.replies ?? [])).toContain('轻微差错免列异申请书');
  });

  it('the punishment buffer for a business that moved but can be reached (四(五))', async () => {
    const c = await chat();
    await c.send('/start');
    await c.says('3', '列入');
    await c.pick(/没有|未/, '其他方式');
    await c.pick(/能|可以/);
    await c.pick(/没有|无/, '暂不列入', '情况说明');
    expect(c.last?.determination).toMatchObject({ path: 'punishment-buffer', eligible: true });
  });

  it('the standard route for an enterprise with an overdue annual report', async () => {
    const c = await chat();
    await c.send('/start');
    await c.send('1');
    await c.pick('年报');
    await c.pick('企业', /每一年|所有|全部/);
    await c.pick(/全部|已|都/);
    expect(c.last?.determination).toMatchObject({ path: 'standard-repair', eligible: true });
  });

  it('revocation risk for an unlocatable business without reports or tax filings (五(二)二)', async () => {
    const c = await chat({ turn: { channel: 'staff' } });
    await c.says('/set locatable=否 yearsWithoutAnnualReport=2 taxFiled=否', '吊销');
    expect(c.last?.determination.path).toBe('revocation-risk');
  });
});

describe('navigation', () => {
  it('返回 undoes the last answer and asks it again', async () => {
    const c = await chat();
    await c.send('/start');
    await c.send('1');
    await c.pick('年报');
    await c.pick('个体工商户', '哪一年');
    await c.says('返回', '撤销', '哪一类');
    expect(c.last?.determination.missing).toContain('entityType');
    await c.pick('农民专业合作社', '哪一年');
  });

  it('修改 changes an earlier answer and re-evaluates', async () => {
    const c = await chat();
    await c.send('/start');
    await c.send('1');
    await c.pick('年报');
    await c.pick('个体工商户');
    await c.send('2021');
    await c.pick(/已补报|已经/, '容缺');
    await c.says('修改', '主体类型');
    await c.pick('主体类型', '哪一类');
    await c.pick('企业', /每一年|所有|全部/);
    expect(c.last?.determination.path).toBe('standard-repair');
  });

  it('重新开始 mid-way clears the answers', async () => {
    const c = await chat();
    await c.send('/start');
    await c.send('1');
    await c.pick('年报');
    await c.says('重新开始', '清空', '被列入经营异常名录');
    expect(c.last?.determination.path).toBe('undetermined');
    expect(
      Object.keys((await c.engine.getCase({ channel: 'console', chatId: 'c1', userId: 'u1' })).facts),
    ).toHaveLength(0);
  });

  it('帮助 explains the commands and repeats the open question', async () => {
    const c = await chat();
    await c.send('/start');
    await c.send('1');
    await c.says('帮助', '返回', '/forget', '原因');
  });

  it('不清楚 says how to find out and goes on', async () => {
    const c = await chat();
    await c.send('/start');
    await c.send('1');
    await c.says('不清楚', '国家企业信用信息公示系统');
  });

  it('转人工 without a configured hotline says to consult the local bureau', async () => {
    const c = await chat();
    await c.says('转人工', '当地市场监管部门', '通城县市场监督管理局');
  });

  it('/forget removes the session', async () => {
    const c = await chat();
    await c.send('/start');
    await c.send('1');
    await c.says('/forget', '删除');
    expect(await c.store.read('console:c1:u1')).toBeUndefined();
  });

  it('an unknown command gets the list of commands', async () => {
    const c = await chat();
    await c.says('/frobnicate', '没有', '/help');
  });
});

describe('garbage at every prompt', () => {
  const garbage = [
    '',
    '   ',
    'asdfghjkl',
    '？？？',
    '😀😀😀',
    '\u202eevil',
    'x'.repeat(10_000),
    "'; DROP TABLE sessions; --",
    '{{ 7*7 }}',
    '<script>alert(1)</script>',
    '99',
    '\ud800',
  ];
  it('is answered with a hint and the question again, never a crash', async () => {
    const c = await chat();
    await c.send('/start');
    const prompts: string[][] = [[], ['1'], ['1', '1'], ['1', '1', '2'], ['1', '1', '2', '2021']];
    for (const path of prompts) {
      for (const g of garbage) {
        await c.send('/reset');
        for (const step of path) await c.send(step);
        const before = c.last?.determination.missing[0];
        const text = await c.send(g);
        expect(
          text.length,
          `reply to garbage ${JSON.stringify(g.slice(0, 20))} after ${path.join(',')}`,
        ).toBeGreaterThan(0);
        expect(text).not.toMatch(/at \w+ \(|TypeError|undefined/);
        if (before && g.trim() && !/^\d+$/.test(g)) expect(c.last?.determination.missing[0]).toBe(before);
      }
    }
  });
});

describe('sessions across restarts', () => {
  it('resumes where the user was after the process restarts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crb-resume-'));
    const key = { channel: 'console', chatId: 'local', userId: 'me', addressed: true } as const;
    const first = await createEngine({
      store: lowdbStore<Session>({ dir, log: silentLogger }),
      log: silentLogger,
      now: () => FIXED_NOW,
    });
    await first.handle({ ...key, text: '/start' });
    await first.handle({ ...key, text: '1' });
    await first.handle({ ...key, choiceId: 'v:annual_report_overdue' });
    await first.close();

    const second = await createEngine({
      store: lowdbStore<Session>({ dir, log: silentLogger }),
      log: silentLogger,
      now: () => FIXED_NOW,
    });
    const again = textOf((await second.handle({ ...key, text: '/start' })).replies);
    expect(again).toContain('欢迎回来');
    expect(again).toContain('哪一类');
    await second.close();
  });

  it('drops a session idle for longer than the retention time', async () => {
    let now = FIXED_NOW.getTime();
    const c = await chat({ now: () => new Date(now) });
    await c.send('/start');
    await c.send('1');
    now += 8 * 86_400_000;
    await c.says('/start', '超过保存期限');
    expect(c.last?.determination.missing[0]).toBe('listed');
  });
});
