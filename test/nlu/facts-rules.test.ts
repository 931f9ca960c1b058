// The named fact rules (dialogs/nlu/rules/*.ts) and their trigger prefilter: every rule declares its
// trigger words in knowledge/lexicon/triggers.json, and its pattern never matches a text without one
// of them — checked over every text the project has, so the prefilter can never drop a fact.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clauses, normalize } from '../../dialogs/nlu/normalize.ts';
import { ERROR_KIND_RULES } from '../../dialogs/nlu/rules/error-kind.ts';
import { FACT_RULES } from '../../dialogs/nlu/rules/index.ts';
import { LISTING_RULES_ALL } from '../../dialogs/nlu/rules/listing-hits.ts';
import { REASON_RULES } from '../../dialogs/nlu/rules/listing-reason.ts';
import { triggersOf, wordScanner } from '../../dialogs/nlu/rules/pattern-rule.ts';
import { negatedBefore, readHit, scopeOf, wordScope } from '../../dialogs/nlu/rules/scope.ts';
import { HELDOUT_FILE, loadPhrases } from '../../knowledge/nlu/load.ts';

const root = join(import.meta.dirname, '../..');
const jsonl = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { text?: string; turns?: string[] });
const corpus = join(root, 'test/nlu/corpus');
const texts = [
  ...readdirSync(corpus).flatMap((f) => jsonl(join(corpus, f))),
  ...jsonl(join(root, 'test/fixtures/eval-dev/utterances.jsonl')),
  ...jsonl(join(root, 'test/fixtures/eval-dev/conversations.jsonl')),
  ...jsonl(HELDOUT_FILE),
  ...loadPhrases().map((p) => ({ text: p.text, turns: [] })),
]
  .flatMap((l) => [l.text ?? '', ...(l.turns ?? [])])
  .filter(Boolean)
  .map(normalize);

const ALL = [...FACT_RULES, ...LISTING_RULES_ALL, ...REASON_RULES, ...ERROR_KIND_RULES];

describe('fact rules', () => {
  it('have unique names, and the lexicon lists triggers for exactly these', () => {
    const names = ALL.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    const listed = Object.keys(
      (JSON.parse(readFileSync(join(root, 'knowledge/lexicon/triggers.json'), 'utf8')) as { rules: object })
        .rules,
    );
    expect(listed.sort()).toEqual([...names].sort());
  });

  it.each(ALL.map((r) => [r.name, r]))('%s never matches without a trigger word', (_n, r) => {
    const triggers = triggersOf(r.name) ?? [];
    expect(triggers.length).toBeGreaterThan(0);
    const matched = texts.filter((t) => new RegExp(r.re.source).test(t));
    for (const t of matched)
      expect(
        triggers.some((w) => t.includes(w)),
        t,
      ).toBe(true);
  });
});

describe('wordScanner', () => {
  it('finds overlapping words and words inside longer ones in one scan', () => {
    const scan = wordScanner(['列', '列入', '入异', '异常名录', '名录', '税']);
    expect([...scan('被列入异常名录了')].sort()).toEqual(['入异', '列', '列入', '名录', '异常名录'].sort());
    expect(scan('没有这些词').size).toBe(0);
  });
});

describe('the shared negation reading', () => {
  it.each([
    ['并没有', true],
    ['没有产生任何', true],
    ['也冇再被', true],
    ['不存在什么', true],
    ['尚未', true],
    ['已经', false],
    ['我们', false],
  ])('「%s」 before the words negates them: %s', (before, negated) => {
    expect(negatedBefore(before)).toBe(negated);
  });

  it('drops a negated positive statement and keeps a plain one, for a pattern rule and a word rule alike', () => {
    const s = '党建信息填错了，并没有产生任何纠纷';
    const scope = scopeOf(s, clauses(s));
    const pos = s.indexOf('纠纷');
    expect(readHit(s, scope, { pos, len: 2, fact: 'majorImpactOrDispute', positive: true })).toBe('moot');
    const plain = '党建信息填错了，引发了纠纷';
    expect(
      readHit(plain, scopeOf(plain, clauses(plain)), {
        pos: plain.indexOf('纠纷'),
        len: 2,
        fact: 'majorImpactOrDispute',
        positive: true,
      }),
    ).toBe('stated');
    expect(wordScope({ before: '后来也冇再被', after: '过', clause: '后来也冇再被罚过' }).negated).toBe(true);
  });

  it('a hedge in the clause makes the statement hedged', () => {
    const s = '变更好像办好了';
    expect(readHit(s, scopeOf(s, clauses(s)), { pos: 4, len: 3, fact: 'addressChangeRegistered' })).toBe(
      'hedged',
    );
  });
});
