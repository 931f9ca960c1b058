// Small named rules read off the text, in the spirit of Duckling: a name, a pattern (its branches,
// each a short way of saying the thing), a production. Each rule's trigger words live in the lexicon
// under its name (knowledge/lexicon/triggers.json); one scan of the text finds which triggers occur,
// and only the rules with a trigger in the text run. Whether a hit states the fact is decided once,
// for every rule, by readHit (scope.ts).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FactName, Facts } from '../../../rules/types.ts';
import { anyOf } from '../fact-lexicon.ts';
import { listMarker, wordClasses } from '../lexicon.ts';
import { matchesOf } from '../matches.ts';
import { negatedBefore, type Reading, readHit, type Scope } from './scope.ts';

export type Value = Facts[FactName];

export interface PatternRule {
  name: string;
  fact: FactName;
  /** a global pattern (its branches joined) */
  re: RegExp;
  /** the production: a fixed value or one read from the match; undefined drops the hit */
  value: Value | ((m: RegExpExecArray) => Value | undefined);
  /** the rule applies only when the whole text passes this test */
  when?: (s: string) => boolean;
  /** the words name a kind (an entity type): `keep` says whether this mention is the user's own */
  keep?: (s: string, pos: number, len: number) => boolean;
  /**
   * The words tell an event whose production is a "no" (「搬走了」: not at the registered address); a
   * negator right before them (「店没搬走」) denies the event: `negatedFlips` reads the opposite value,
   * `negatedDrops` reads nothing (「房子冇拆」 says the place stands, not that anyone is there).
   */
  negatedFlips?: boolean;
  negatedDrops?: boolean;
}

/** A rule from its name, fact, pattern branches and production. */
export function rule(
  name: string,
  fact: FactName,
  pattern: RegExp | readonly RegExp[],
  value: PatternRule['value'],
  opts: Pick<PatternRule, 'when' | 'keep' | 'negatedFlips' | 'negatedDrops'> = {},
): PatternRule {
  const re = Array.isArray(pattern) ? anyOf(pattern, 'g') : new RegExp((pattern as RegExp).source, 'g');
  return { name, fact, re, value, ...opts };
}

const FILE = fileURLToPath(new URL('../../../knowledge/lexicon/triggers.json', import.meta.url));
let triggerLists: Record<string, string[]> | undefined;
/** Each rule's trigger words by rule name (knowledge/lexicon/triggers.json). */
export function triggersOf(name: string): readonly string[] | undefined {
  if (!triggerLists) {
    try {
      triggerLists = (JSON.parse(readFileSync(FILE, 'utf8')) as { rules: Record<string, string[]> }).rules;
    } catch (err) {
      throw new Error(
        `knowledge/lexicon/triggers.json: ${(err as Error).message}; fix the JSON or restore the file`,
      );
    }
  }
  return triggerLists[name];
}

/**
 * One pass over the text for many words (lexicon.ts's trie): returns the set of words that occur
 * (overlapping ones too).
 */
export function wordScanner(words: Iterable<string>): (s: string) => Set<string> {
  const classes: Record<string, string[]> = {};
  for (const w of words) if (w) classes[w] = [w];
  return wordClasses(classes);
}

/** A set of rules with their prefilter, built once. */
export interface RuleSet {
  rules: readonly PatternRule[];
  /** the rules whose triggers occur in the text (a rule without triggers always runs) */
  candidates: (s: string) => PatternRule[];
}

export function ruleSet(rules: readonly PatternRule[]): RuleSet {
  // one scan marks the rules with a trigger word in the text; a rule without triggers always runs
  const always = rules.map((r) => triggersOf(r.name) === undefined);
  const marked = listMarker(rules.map((r) => (triggersOf(r.name) ?? []).filter((w) => w !== '')));
  return {
    rules,
    candidates: (s) => {
      const found = marked(s);
      const out: PatternRule[] = [];
      for (let i = 0; i < rules.length; i++) if (found[i] || always[i]) out.push(rules[i] as PatternRule);
      return out;
    },
  };
}

/** A stated, hedged or moot fact found by a rule. */
export interface RuleHit {
  fact: FactName;
  value: Value;
  pos: number;
  len: number;
  reading: Reading;
  rule: string;
}

/** Runs the candidate rules over the text; every hit is read through readHit. */
export function runRules(s: string, scope: Scope, set: RuleSet): RuleHit[] {
  const out: RuleHit[] = [];
  for (const r of set.candidates(s)) {
    if (r.when && !r.when(s)) continue;
    r.re.lastIndex = 0;
    for (const m of matchesOf(r.re, s)) {
      const pos = m.index ?? 0;
      const len = m[0].length;
      if (r.keep && !r.keep(s, pos, len)) continue;
      let value = typeof r.value === 'function' ? r.value(m) : r.value;
      if (value === undefined) continue;
      // the negator is read here, so readHit must not read it a second time
      const denied = (r.negatedFlips || r.negatedDrops) && negatedBefore(s.slice(Math.max(0, pos - 7), pos));
      if (denied) {
        if (r.negatedDrops || typeof value !== 'boolean') continue;
        value = !value;
      }
      const reading = readHit(s, scope, {
        pos,
        len,
        fact: r.fact,
        kind: r.keep !== undefined,
        yesNo: typeof value === 'boolean',
        positive: value === true && !denied,
      });
      if (reading !== 'moot') out.push({ fact: r.fact, value, pos, len, reading, rule: r.name });
    }
  }
  return out;
}
