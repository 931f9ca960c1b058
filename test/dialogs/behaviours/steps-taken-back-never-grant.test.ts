// Metamorphic, the safety side: take a conversation that ends 「可以申请」 and tell its steps (补了,
// 公示了, 办好了, 改好了) as not yet done, as a guess, as a plan or as a supposition. Whatever else
// the bot makes of the rewritten conversation, it must not grant the route on a step nobody said was
// done (behaviours 4 and 5: no 「可以申请」 on an unmet or unknown condition; a guess is asked back).
// The originals (test/fixtures/rewrites/steps-done.jsonl) are our own and tell each step once, so a
// rewrite takes the step back entirely.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseConversations, replayConversation } from '../../../dialogs/replay.ts';

const FIXED = () => new Date('2026-12-02T02:00:00Z');
const originals = parseConversations(
  readFileSync(new URL('../../fixtures/rewrites/steps-done.jsonl', import.meta.url), 'utf8'),
);

/** A step told as done: its verb, with what completes it, then 了. */
const DONE = /(?:都|也|已经|就)?(补报|补交|补|公示|交|改|办|登记)(?:好|完|齐|上)?了/g;

const REWRITES: Record<string, (turn: string) => string> = {
  'as not yet done': (t) => t.replace(DONE, (_m, verb: string) => `还没${verb}`),
  'as a guess': (t) => t.replace(DONE, (m) => `应该${m}吧`),
  'as a plan': (t) => t.replace(DONE, (_m, verb: string) => `准备下个礼拜去${verb}`),
  'as a supposition': (t) => t.replace(DONE, (m) => `要是${m}的话`),
};

/**
 * The deciding step taken back in one more message, as owners revise a story (「刚打电话问了…」): our own
 * wording for each original, naming the step as the original told it.
 */
const TAKEN_BACK_LAST: Record<string, string> = {
  sd01: '不好意思 刚打电话问了所里 去年那份年报交是交了 网上还没公示出来',
  sd02: '等一下 会计刚说 有一年的年报还没补上',
  sd03: '刚才窗口来电话 说变更登记没办成 材料退回来了',
  sd04: '其实纸质的那份还在我抽屉里 没交',
  sd05: '不对 名称变更还在排队 没办下来',
  sd06: '哦对了 这个电话号码去年也填错过一回 一模一样的错',
  sd07: '刚查了 列入以后又被罚过一次 比原来那次还重',
  sd08: '刚问了财务 罚款其实还有一半没交',
};

/** The deciding step put in doubt in one more message: asked about, and not known (behaviour 5). */
const DOUBTED_LAST: Record<string, string> = {
  sd01: '不过网上到底公示出来没有 我也说不准',
  sd02: '其实那两年是不是都补上了 我也记不太清 是会计在弄',
  sd03: '不过变更到底办没办下来 我也不敢打包票 是中介在跑',
  sd04: '纸质的那份交没交我也不清楚 是我儿子去的',
  sd05: '名称变更批下来没有 我其实也不知道',
  sd06: '以前有没有出过一样的错 我也不确定',
  sd07: '不过罚款是不是全部交清了 我也拿不准',
  sd08: '整改到底验收了没有 我也不晓得',
};

const resultOf = async (id: string, turns: string[]) =>
  (await replayConversation({ line: 0, id, turns, expected: { path: '' } }, FIXED)).got;

describe('steps taken back never grant the route', () => {
  it('the originals grant it', async () => {
    for (const c of originals) expect((await resultOf(c.id, c.turns)).eligible, c.id).toBe(true);
  });

  for (const [name, rewrite] of Object.entries(REWRITES))
    it(`with every step told ${name}`, async () => {
      const granted: string[] = [];
      for (const c of originals) {
        const turns = c.turns.map(rewrite);
        expect(turns, c.id).not.toEqual(c.turns);
        const got = await resultOf(c.id, turns);
        if (got.eligible === true) granted.push(`${c.id}: ${turns.join(' / ')}`);
      }
      expect(granted.join('\n')).toBe('');
    });

  it('with the deciding step taken back in a last message', async () => {
    const granted: string[] = [];
    for (const c of originals) {
      const last = TAKEN_BACK_LAST[c.id];
      expect(last, `${c.id} needs a take-back`).toBeDefined();
      const got = await resultOf(c.id, [...c.turns, last as string]);
      if (got.eligible === true) granted.push(`${c.id}: … / ${last}`);
    }
    expect(granted.join('\n')).toBe('');
  });

  it('with the deciding step put in doubt in a last message', async () => {
    const granted: string[] = [];
    for (const c of originals) {
      const last = DOUBTED_LAST[c.id];
      expect(last, `${c.id} needs a doubt`).toBeDefined();
      const got = await resultOf(c.id, [...c.turns, last as string]);
      if (got.eligible === true) granted.push(`${c.id}: … / ${last}`);
    }
    expect(granted.join('\n')).toBe('');
  });

  it('after a doubt the short reply sends the owner to settle it, not to the application', async () => {
    const wrong: string[] = [];
    for (const c of originals) {
      const r = await replayConversation(
        { line: 0, id: c.id, turns: [...c.turns, DOUBTED_LAST[c.id] as string], expected: { path: '' } },
        FIXED,
      );
      const last = r.transcript.at(-1)?.text ?? '';
      // an undecided case's steps are those of a granted one: 「准备《信用修复申请书》」 would be premature;
      // a reply that asks the next question needs no next step
      const step = /下一步：.*/.exec(last)?.[0];
      if (r.got.eligible === null && step && !step.startsWith('下一步：先弄清楚'))
        wrong.push(`${c.id}: ${step}`);
      if (r.got.eligible === null && !step && !/？/.test(last))
        wrong.push(`${c.id}: neither a step nor a question`);
    }
    expect(wrong.join('\n')).toBe('');
  });
});
