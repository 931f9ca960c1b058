// Small named rules read off the text, in the spirit of Duckling: a name, a pattern (its branches,
// each a short way of saying the thing), a production. Each rule's trigger words live in the lexicon
// under its name (knowledge/lexicon/triggers.json); one scan of the text finds which triggers occur,
// and only the rules with a trigger in the text run. Whether a hit states the fact is decided once,
// for every rule, by readHit (scope.ts).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FactName, Facts } from '../../../rules/types.ts';
import { anyOf } from '../fact-lexicon.ts';
import { type Reading, readHit, type Scope } from './scope.ts';

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
}

/** A rule from its name, fact, pattern branches and production. */
export function rule(
  name: string,
  fact: FactName,
  pattern: RegExp | readonly RegExp[],
  value: PatternRule['value'],
  opts: Pick<PatternRule, 'when' | 'keep'> = {},
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

const escapeRe = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One scan for many words: a single RegExp tries the words (longest first) at every place in the
 * text; a shorter word starting at the same place is a prefix of the one found, so it is added with
 * it. Returns the set of words that occur.
 */
export function wordScanner(words: Iterable<string>): (s: string) => Set<string> {
  const list = [...new Set(words)].filter(Boolean).sort((a, b) => b.length - a.length);
  const re = new RegExp(`(?=(${list.map(escapeRe).join('|')}))`, 'g');
  const prefixes = new Map(list.map((w) => [w, list.filter((p) => p !== w && w.startsWith(p))]));
  return (s) => {
    const found = new Set<string>();
    for (const m of s.matchAll(re)) {
      const w = m[1] as string;
      if (found.has(w)) continue;
      found.add(w);
      for (const p of prefixes.get(w) ?? []) found.add(p);
    }
    return found;
  };
}

/** A set of rules with their prefilter, built once. */
export interface RuleSet {
  rules: readonly PatternRule[];
  /** the rules whose triggers occur in the text (a rule without triggers always runs) */
  candidates: (s: string) => PatternRule[];
}

export function ruleSet(rules: readonly PatternRule[]): RuleSet {
  const triggers = new Map(rules.map((r) => [r, triggersOf(r.name)]));
  const scan = wordScanner([...triggers.values()].flatMap((t) => t ?? []));
  return {
    rules,
    candidates: (s) => {
      const found = scan(s);
      return rules.filter((r) => {
        const t = triggers.get(r);
        return t === undefined || t.some((w) => found.has(w));
      });
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
    for (const m of s.matchAll(r.re)) {
      const pos = m.index ?? 0;
      const len = m[0].length;
      if (r.keep && !r.keep(s, pos, len)) continue;
      const value = typeof r.value === 'function' ? r.value(m) : r.value;
      if (value === undefined) continue;
      const reading = readHit(s, scope, {
        pos,
        len,
        fact: r.fact,
        kind: r.keep !== undefined,
        yesNo: typeof value === 'boolean',
        positive: value === true,
      });
      if (reading !== 'moot') out.push({ fact: r.fact, value, pos, len, reading, rule: r.name });
    }
  }
  return out;
}
