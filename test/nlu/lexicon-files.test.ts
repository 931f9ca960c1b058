// The lexicon files the answer reader and the intent rules read (knowledge/lexicon/answers.json,
// choices.json, intents.json): every entry names a real fact and value, compiles, and stays short;
// the one-pass word look-up finds exactly what a search per word finds.
import { describe, expect, it } from 'vitest';
import { parseAnswer } from '../../dialogs/nlu/answer.ts';
import { hasAny, lexicon, matchesAny, wordClasses } from '../../dialogs/nlu/lexicon.ts';
import { matchChoice } from '../../knowledge/drafts/fields.ts';
import { loadKeywords } from '../../knowledge/nlu/load.ts';
import { FACT_KINDS, FACT_NAMES, type FactName } from '../../rules/types.ts';

const alternativesOf = (cue: object): string[] =>
  ('yes' in cue ? cue.yes : 'no' in cue ? cue.no : []) as string[];

describe('answers.json', () => {
  const a = lexicon().answers;

  it('has cues only for facts the rules know, and inverted questions among them', () => {
    for (const fact of Object.keys(a.cues)) expect(FACT_NAMES).toContain(fact);
    for (const fact of a.inverted) expect(Object.keys(a.cues)).toContain(fact);
  });

  it('keeps every alternative a short regular expression that compiles', () => {
    const lists = [
      ...Object.values(a).filter((v): v is string[] => Array.isArray(v) && typeof v[0] === 'string'),
      ...[...a.task, ...Object.values(a.cues).flat()].map(alternativesOf),
    ];
    for (const list of lists)
      for (const alt of list) {
        expect(() => new RegExp(alt), alt).not.toThrow();
        expect(alt.length, alt).toBeLessThanOrEqual(200);
      }
  });
});

describe('choices.json', () => {
  const { choices } = lexicon();

  it('names only values the facts can take', () => {
    for (const [fact, values] of Object.entries(choices)) {
      if (fact === 'path') continue; // a draft field, not a fact
      const spec = FACT_KINDS[fact as FactName];
      expect(spec?.kind, fact).toBe('enum');
      if (spec?.kind === 'enum') for (const v of Object.keys(values)) expect(spec.values).toContain(v);
    }
  });

  it('gives the answer reader and the draft fields the same words', () => {
    // a cue word read in an answer, and a name typed in a draft field, come from the same entries
    expect(parseAnswer('entityType', '我们是开小卖部的')).toBe('individual');
    expect(choices.entityType?.individual?.cues).toContain('小卖部');
    expect(matchChoice('entityType', '个体经营户')).toBe('individual');
    expect(choices.entityType?.individual?.names).toContain('个体经营户');
  });
});

describe('word look-up', () => {
  const texts = [
    '被列入经营异常名录了怎么办',
    '税务异常怎么解除',
    '转人工',
    '你好',
    '',
    '找一下工作人员可以吗',
  ];

  it('finds the same words as a search per word', () => {
    const kw = loadKeywords();
    const find = wordClasses(kw.groups);
    for (const s of texts) {
      const expected = Object.entries(kw.groups)
        .filter(([, words]) => words.some((w) => s.includes(w)))
        .map(([name]) => name);
      expect([...find(s)].sort(), s).toEqual(expected.sort());
      expect(hasAny(s, kw.domainWords), s).toBe(kw.domainWords.some((w) => s.includes(w)));
      expect(matchesAny(s, kw.strongHuman), s).toBe(new RegExp(kw.strongHuman.join('|')).test(s));
    }
  });
});
