// Behaviour a reviewer found wrong once: each case reads as the conversation that went wrong.
import { describe, expect, it } from 'vitest';
import type { Session } from '../../dialogs/session.ts';
import { memoryStore, type Store } from '../../dialogs/store.ts';
import { chat, FIXED_NOW } from './transcript.ts';

const SET_MINOR =
  '/set listed=否 errorKind=contact_info entityType=enterprise correctedAfterReminder=是 intentional=否 adverseImpact=否 safetyRelated=否 repeatedSameError=否 majorImpactOrDispute=否 refusedInspection=否 missedCorrectionDeadline=否';

describe('no drafting where there is nothing to submit', () => {
  it('an individual business is told the minor-error exemption does not apply, and no draft is offered', async () => {
    const c = await chat({ turn: { channel: 'staff' } });
    const text = await c.says(SET_MINOR.replace('entityType=enterprise', 'entityType=individual'), '不能');
    expect(c.last?.determination).toMatchObject({
      path: 'minor-error-exemption',
      eligible: false,
      documents: [],
    });
    expect(text).not.toContain('生成文书');
    const refused = await c.send('帮我写免列异申请书');
    expect(refused).toContain('不适用');
    expect(c.last?.replies.some((r) => r.kind === 'file')).toBe(false);
  });

  it('「帮我写申请书」 after a minor-error result drafts the minor-error application', async () => {
    const c = await chat({ turn: { channel: 'staff' } });
    await c.send(SET_MINOR);
    await c.says('帮我写申请书', '名称');
    const draft = await c.store.read('staff:c1:u1');
    expect(draft?.draft?.docTypes).toEqual(['minor-error-application']);
  });

  it('a minor-error application asked for first runs the interview, then the draft', async () => {
    const c = await chat();
    await c.says('帮我写轻微差错免列异申请书', '先确认');
    expect(c.last?.determination.path).toBe('undetermined');
    const favourable: Record<string, string> = {
      entityType: 'v:enterprise',
      correctedAfterReminder: 'v:true',
      errorKind: 'v:contact_info',
    };
    for (let i = 0; i < 15 && c.last?.determination.eligible !== true; i++) {
      const pending = (await c.store.read('console:c1:u1'))?.pending;
      const fact = pending?.kind === 'fact' ? pending.fact : '';
      await c.send({ choiceId: favourable[fact] ?? 'v:false' });
    }
    expect(c.last?.determination).toMatchObject({ path: 'minor-error-exemption', eligible: true });
    const pending = (await c.store.read('console:c1:u1'))?.pending;
    expect(pending).toMatchObject({ kind: 'draft-field' });
  });
});

describe('side questions and stray input', () => {
  it('a question about fees gets the no-fees answer', async () => {
    const c = await chat();
    await c.send('/start');
    for (const q of ['修复需要多少钱', '要交钱吗', '收费吗']) await c.says(q, '不收取');
  });

  it('a number outside the menu asks for a number in range', async () => {
    const c = await chat();
    await c.send('/start');
    await c.says('9', '1–8');
  });

  it('「不清楚」 whether listed does not go on with questions that assume a listing', async () => {
    const c = await chat();
    await c.send('/start');
    await c.send('3');
    const text = await c.pick('不清楚', '查清楚');
    expect(text).not.toContain('什么原因被列入');
  });

  it('/set is for staff only', async () => {
    const c = await chat();
    await c.says('/set listed=是', '没有「/set」');
    expect(c.last?.determination.missing[0]).toBe('listed');
  });

  it('markup is not mistaken for a topic', async () => {
    const c = await chat();
    await c.send('/start');
    await c.says('<script>alert(1)</script>', '没看懂', '被列入经营异常名录');
  });

  it('a cancelled draft leaves no stale confirmation behind', async () => {
    const c = await chat({ turn: { channel: 'staff' } });
    await c.send(SET_MINOR);
    await c.send('帮我写申请书');
    await c.says('取消', '已取消');
    const text = await c.send({ choiceId: 'k:ok' });
    expect(text).not.toContain('已生成');
    expect(c.last?.replies.some((r) => r.kind === 'file')).toBe(false);
  });
});

describe('staff /set', () => {
  it('takes the words staff use and explains every bad entry in Chinese', async () => {
    const c = await chat({ turn: { channel: 'staff' } });
    const bad = await c.says(
      '/set entityType=个体户 listedYear=2030 foo=1',
      '2030',
      '1990',
      '没有「foo」这一项',
    );
    expect(bad).not.toMatch(/after this year|unknown fact/);
    expect(c.last?.determination.missing[0]).toBe('listed');
    await c.says('/set entityType=个体户 listed=是 listingReason=年报没报 listedYear=2021', '纸质');
    expect((await c.engine.getCase({ channel: 'staff', chatId: 'c1', userId: 'u1' })).facts).toMatchObject({
      entityType: 'individual',
      listed: true,
      listingReason: 'annual_report_overdue',
      listedYear: 2021,
    });
  });
});

describe('review fixes', () => {
  it('one 返回 undoes everything one message said', async () => {
    const c = await chat();
    await c.send('/start');
    await c.send('1');
    await c.send('我是个体户，2021年没报年报被列入了，纸质年报已经补了');
    await c.says('返回', '撤销');
    const facts = (await c.engine.getCase({ channel: 'console', chatId: 'c1', userId: 'u1' })).facts;
    expect(facts).toEqual({ listed: true });
  });

  it('a clarifying topic that was not offered is not taken as an intent', async () => {
    const c = await chat();
    await c.send('/start');
    await c.send('嗯');
    const offered = c.last?.replies.flatMap((r) => (r.kind === 'text' ? (r.choices ?? []) : [])) ?? [];
    const forged = ['c:repair', 'c:constructor'].filter((id) => !offered.some((o) => o.id === id));
    for (const id of forged) {
      await c.says({ choiceId: id }, '过期');
      expect(c.last?.determination.missing[0]).toBe('listed');
    }
  });

  it('purging expired sessions spares one the user came back to meanwhile', async () => {
    let now = FIXED_NOW.getTime();
    // a store whose scan pauses after listing, so the user's turn lands between scan and delete
    const inner = memoryStore<Session>();
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const store: Store<Session> = {
      ...inner,
      async *entries() {
        yield* inner.entries();
        await gate;
      },
    };
    const c = await chat({ now: () => new Date(now), store });
    await c.send('/start');
    await c.send('1');
    now += 8 * 86_400_000;
    const purging = c.engine.purgeExpired();
    await new Promise((r) => setTimeout(r, 10));
    await c.send('/start');
    await c.send('1');
    release();
    expect(await purging).toBe(0);
    expect(await c.store.read('console:c1:u1')).toBeDefined();
  });
});
