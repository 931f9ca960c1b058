// The per-message shortcuts give exactly what the plain computation gives: the traditional →
// simplified check that skips OpenCC, the classifier scoring that never builds the token array, and
// the trie that finds lexicon words in one pass.
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../dialogs/nlu/facts.ts';
import { features } from '../../dialogs/nlu/features.ts';
import { nluModel } from '../../dialogs/nlu/index.ts';
import { hasAny, lexicon, wordClasses } from '../../dialogs/nlu/lexicon.ts';
import { scores, scoreText } from '../../dialogs/nlu/model.ts';
import { normalize } from '../../dialogs/nlu/normalize.ts';
import { tokenize, toSimplified } from '../../dialogs/nlu/tokens.ts';
import { loadKeywords, loadPhrases } from '../../knowledge/nlu/load.ts';

const texts = loadPhrases().map((p) => p.text);

describe('traditional → simplified', () => {
  const opencc = OpenCC.Converter({ from: 'tw', to: 'cn' });

  it('equals OpenCC on every training phrase, except the simplified 么 it keeps', () => {
    const mixed = [...texts, '這個公司的營業執照還在嗎', '請問經營異常名錄怎麼移出', '乾乾淨淨地把年報補了'];
    for (const t of mixed) expect(toSimplified(t), t).toBe(opencc(t).replaceAll('幺', '么'));
  });

  it('keeps the dialect’s 么 (么样搞, 搞么事) that OpenCC’s Taiwan table reads as 幺', () => {
    expect(toSimplified('年报冇报么样搞')).toBe('年报冇报么样搞');
    expect(normalize('要搞么事才能移出来')).not.toContain('幺');
    expect(toSimplified('什麼時候能移出')).toBe('什么时候能移出');
  });

  it('returns a simplified text as it is', () => {
    const s = '合作社前年被列进异常名录了';
    expect(toSimplified(s)).toBe(s);
  });
});

describe('classifier scoring', () => {
  it('equals scoring the feature array, with the same token count, on every training phrase', () => {
    const model = nluModel();
    const now = new Date('2025-03-01T00:00:00Z');
    for (const t of texts.slice(0, 400)) {
      const s = normalize(t);
      const words = tokenize(s);
      const { facts, signals } = extractFacts(s, now);
      const tokens = features(s, facts, signals, words);
      const fast = scoreText(model, s, facts, signals, words);
      expect(fast.tokens, t).toBe(tokens.length);
      expect(fast.scores, t).toEqual(scores(model, tokens));
    }
  });
});

describe('lexicon look-up', () => {
  const naive = (s: string, classes: Record<string, readonly string[]>) =>
    new Set(Object.keys(classes).filter((name) => classes[name]?.some((w) => s.includes(w))));

  it('finds the same keyword groups as searching for each word', () => {
    const groups = loadKeywords().groups;
    const find = wordClasses(groups);
    for (const t of texts) expect(find(normalize(t)), t).toEqual(naive(normalize(t), groups));
  });

  it('finds a word that starts inside a longer one and a word that is a prefix of another', () => {
    const find = wordClasses({ long: ['经营异常名录'], short: ['经营'], inner: ['异常'], far: ['名录的'] });
    expect(find('列入经营异常名录了')).toEqual(new Set(['long', 'short', 'inner']));
    const words = lexicon().grammar.questionCues.concat(Array.from({ length: 12 }, (_, i) => `词${i}`));
    expect(hasAny('请问这个多久能好', words)).toBe(words.some((w) => '请问这个多久能好'.includes(w)));
    const longer = Array.from({ length: 12 }, (_, i) => `词1${i}`);
    expect(hasAny('词1', longer)).toBe(false);
    expect(hasAny('一个词15', longer)).toBe(true);
  });
});
