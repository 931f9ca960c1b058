// The cheaper scans the fact readers use give exactly what the plain computation gives:
// matchesOf (no RegExp copy per call) the matches of String.prototype.matchAll, and listMarker (one
// pass over a flat trie) the lists with a word that `includes` finds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listMarker } from '../../dialogs/nlu/lexicon.ts';
import { matchesOf } from '../../dialogs/nlu/matches.ts';
import { normalize } from '../../dialogs/nlu/normalize.ts';
import { FACT_RULES } from '../../dialogs/nlu/rules/index.ts';
import { loadPhrases } from '../../knowledge/nlu/load.ts';

const texts = loadPhrases().map((p) => normalize(p.text));
const plain = (m: RegExpMatchArray) => ({ index: m.index, groups: [...m] });

describe('matchesOf', () => {
  it('gives the matches of matchAll for every fact rule on every training phrase', () => {
    for (const { re } of FACT_RULES)
      for (const s of texts.slice(0, 300)) {
        re.lastIndex = 0;
        expect(matchesOf(re, s).map(plain), `${re.source.slice(0, 40)} on ${s}`).toEqual(
          [...s.matchAll(re)].map(plain),
        );
      }
  });

  it('steps over empty matches by code point under the u flag, as matchAll does', () => {
    for (const re of [/x*/g, /(?:)/gu, /(?=年)|年/g, /\p{Extended_Pictographic}?/gu])
      for (const s of ['', 'abc', '2021年年报', '👍👍a', '\ud83d年']) {
        expect(matchesOf(re, s).map(plain), `${re} on ${s}`).toEqual([...s.matchAll(re)].map(plain));
        expect(re.lastIndex).toBe(0);
      }
  });

  it('starts at lastIndex and leaves it as it was', () => {
    const re = /年/g;
    re.lastIndex = 3;
    expect(matchesOf(re, '年年年年年').map((m) => m.index)).toEqual([3, 4]);
    expect(re.lastIndex).toBe(3);
  });

  it('refuses a pattern without the g flag, as matchAll does', () => {
    expect(() => matchesOf(/年/, '年')).toThrow(TypeError);
  });
});

describe('listMarker', () => {
  const naive = (lists: string[][], s: string) => lists.map((l) => (l.some((w) => s.includes(w)) ? 1 : 0));

  it('marks the lists with a word in the text, overlapping and nested words too', () => {
    const lists = [['经营异常名录'], ['经营'], ['异常'], ['名录的'], ['录了'], []];
    expect([...listMarker(lists)('列入经营异常名录了')]).toEqual([1, 1, 1, 0, 1, 0]);
    expect([...listMarker([[''], ['x']])('abc')]).toEqual([1, 0]);
  });

  it('agrees with searching each word, on random texts over the words’ own characters', () => {
    const alphabet = fc.constantFrom(...'经营异常名录了年报补没列入a1👍');
    const word = fc.string({ unit: alphabet, minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(
        fc.array(fc.array(word, { maxLength: 6 }), { minLength: 1, maxLength: 8 }),
        fc.string({ unit: alphabet, maxLength: 30 }),
        (lists, s) => {
          expect([...listMarker(lists)(s)]).toEqual(naive(lists, s));
        },
      ),
      { seed: 7, numRuns: 300 },
    );
  });
});
