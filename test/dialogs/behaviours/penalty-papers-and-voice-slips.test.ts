// A penalty told in a voice owner's words: a date remembered roughly and then read off the papers
// replaces the guess without asking which stands; two kinds offered with 还是 tell neither until the
// decision's words name one; the day a fine was paid may stand between the money and its verb; and
// same-sound characters of the matter's words (公式, 整该, 从清) are read as the words.
import { describe, expect, it } from 'vitest';
import { chat, textOf } from '../transcript.ts';

const key = { channel: 'console', chatId: 'c1', userId: 'u1' } as const;

describe('penalty details from papers and voice input', () => {
  it('a publication date read off the papers replaces the one guessed, without asking which stands', async () => {
    const c = await chat();
    await c.send('我们公司被市场监管局罚了七万 做装修材料的 跟食品药品不沾边');
    await c.send('公示大概是五六月份 记不太清');
    await c.send('翻到了 公示日期是2026年5月18号');
    expect(textOf(c.last?.replies ?? [])).not.toContain('以哪个为准');
    expect((await c.engine.getCase(key)).facts.penaltyPublishedDate).toBe('2026-05-18');
  });

  it('暂扣 or 吊销 unsure tells no kind; the decision’s words then name the revocation', async () => {
    const c = await chat();
    await c.send('我们药店的证被县市场监管局收了 不知道是暂扣还是吊销');
    expect((await c.engine.getCase(key)).facts.penaltyKind).toBeUndefined();
    await c.send('看了决定书 写的是吊销药品经营许可证');
    expect(c.last?.determination).toMatchObject({ path: 'penalty-not-repairable', eligible: false });
  });

  it('paid on a day told, put right in sound-alike characters: the repair can be applied for', async () => {
    const c = await chat();
    await c.send('市监局罚了我们六万 今年4月2号公式的 我们卖五金的 不涉及食品药品');
    await c.send('钱是4月15号交的 整该也弄完了 之后冇再被罚过');
    expect(c.last?.determination).toMatchObject({ path: 'penalty-publicity-repair', eligible: true });
  });

  it('a fine written 从清 and paid on the spot is a minor penalty that stops by itself', async () => {
    const c = await chat();
    await c.send('市场监管所查了我们小吃店 罚了两千');
    await c.send('决定书写的从清处罚 钱当时就交了');
    expect(c.last?.determination).toMatchObject({ path: 'penalty-auto-expiry', eligible: false });
  });
});
