// Voice input writes a word of the matter with same-sound characters; the words listed in
// knowledge/lexicon/dictionary.json soundAlikes are written back, where the characters are no word of
// their own.
import { describe, expect, it } from 'vitest';
import { normalize } from '../../dialogs/nlu/normalize.ts';
import { restoreSoundAlikes } from '../../dialogs/nlu/sound-alikes.ts';

describe('sound-alikes of the matter’s words', () => {
  it('writes back a word heard right and written with other characters', () => {
    expect(restoreSoundAlikes('说是从清处罚的')).toBe('说是从轻处罚的');
    expect(restoreSoundAlikes('整该还在弄')).toBe('整改还在弄');
    expect(restoreSoundAlikes('罚款是减青的')).toBe('罚款是减轻的');
  });

  it('keeps characters that make a word of their own there', () => {
    expect(restoreSoundAlikes('我们明天出发去县里')).toBe('我们明天出发去县里');
    expect(restoreSoundAlikes('这回成功是因为材料齐')).toBe('这回成功是因为材料齐');
    expect(restoreSoundAlikes('到处发传单')).toBe('到处发传单');
    expect(restoreSoundAlikes('帮我订个外卖')).toBe('帮我订个外卖');
  });

  it('runs inside normalize, after the aliases', () => {
    expect(normalize('罚款是从清处罚 整该冇搞完')).toBe('罚款是从轻处罚 整改没搞完');
  });
});
