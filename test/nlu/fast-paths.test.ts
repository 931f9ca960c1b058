// The per-message shortcuts give exactly what the plain computation gives: the traditional →
// simplified check that skips OpenCC, the classifier scoring that never builds the token array, and
// the trie that finds lexicon words in one pass.
import { readFileSync } from 'node:fs';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../dialogs/nlu/facts.ts';
import { features } from '../../dialogs/nlu/features.ts';
import { nluModel } from '../../dialogs/nlu/index.ts';
import { hasAny, lexicon, wordClasses } from '../../dialogs/nlu/lexicon.ts';
import { scores, scoreText } from '../../dialogs/nlu/model.ts';
import { normalize, replaceAliases } from '../../dialogs/nlu/normalize.ts';
import { wordScanner } from '../../dialogs/nlu/rules/pattern-rule.ts';
import { tokenize, toSimplified } from '../../dialogs/nlu/tokens.ts';
import { FAQ_MIN_SCORE, findFaq } from '../../knowledge/explain.ts';
import { loadKnowledge } from '../../knowledge/load.ts';
import { loadKeywords, loadPhrases, MODEL_FILE } from '../../knowledge/nlu/load.ts';

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

  it('equals the naive Bayes log score computed from the built model’s counts, label by label', () => {
    const model = nluModel();
    const inner = (
      JSON.parse(readFileSync(MODEL_FILE, 'utf8')) as {
        classifier: {
          classifier: {
            classFeatures: Record<string, Record<string, number>>;
            classTotals: Record<string, number>;
            totalExamples: number;
            smoothing: number;
          };
        };
      }
    ).classifier.classifier;
    const now = new Date('2025-03-01T00:00:00Z');
    for (const t of texts.slice(0, 200)) {
      const s = normalize(t);
      const { facts, signals } = extractFacts(s, now);
      const known = features(s, facts, signals).flatMap((w) => model.index.get(w) ?? []);
      // log P(label) + Σ over known tokens of log P(token | label), smoothed for a token never seen with it
      const naive = model.labels.map((label) => {
        const total = inner.classTotals[label] ?? 1;
        const smooth = Math.log(inner.smoothing / total);
        let sum = 0;
        for (const i of known) {
          const count = inner.classFeatures[label]?.[i];
          sum += count === undefined ? 0 : Math.log(count / total) - smooth;
        }
        return Math.log(total / inner.totalExamples) + known.length * smooth + sum;
      });
      expect(scores(model, features(s, facts, signals)), t).toEqual(naive);
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

describe('word lists read in one pass', () => {
  // the plain computations the one-pass readers replace
  const escaped = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const aliases = Object.entries(loadKeywords().aliases).sort((a, b) => b[0].length - a[0].length);
  const aliasRe = new RegExp(aliases.map(([k]) => escaped(k)).join('|'), 'g');
  const aliasMap = new Map(aliases);
  const own = ['俺们那个个体户年抱没报被列异长了咋整', '经营意常经营意常', '營業執照的電話號碼填錯了怎麼辦'];

  it('replaces aliases as one alternation of them all, longest first, would', () => {
    const [alias] = aliases[0] as [string, string];
    // an alias right after another, and one standing twice, are each replaced once
    for (const t of [...texts, ...own, `${alias}${alias}`, `x${alias}`]) {
      const s = t.toLowerCase();
      expect(replaceAliases(s), t).toBe(s.replace(aliasRe, (m) => aliasMap.get(m) ?? m));
    }
  });

  it('finds the FAQ entry that scoring every keyword with includes finds', () => {
    const k = loadKnowledge();
    const norm = (s: string) => s.toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '');
    const plain = (text: string) => {
      const t = norm(text);
      let best: { id: string; score: number } | undefined;
      for (const e of k.faq) {
        let score = 0;
        for (const n of e.keywords.map(norm).filter(Boolean)) if (t.includes(n)) score += n.length;
        if (score >= FAQ_MIN_SCORE && (!best || score > best.score)) best = { id: e.id, score };
      }
      return best?.id;
    };
    for (const t of [...texts, ...own, '要交钱吗，多久能好', '']) expect(findFaq(t)?.id, t).toBe(plain(t));
  });

  it('finds the rule trigger words that a startsWith at every place finds', () => {
    const words = ['经营异常', '异常', '常名', '名录', '年报没报', '没'];
    const scan = wordScanner(words);
    for (const t of [...texts, ...own]) {
      const s = normalize(t);
      const plain = new Set(words.filter((w) => s.includes(w)));
      expect(scan(s), t).toEqual(plain);
    }
  });
});
