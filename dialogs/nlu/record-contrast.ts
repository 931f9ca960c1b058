// Which record a message names by setting it against another (「不是行政处罚 是经营异常名录」「是严重违法
// 失信名单 不是经营异常名录」): the record the case is about, told whatever the earlier messages made of
// the case (a move without a listing, a published error, a penalty asked about). What the frames of a
// case change is how a penalty or a 不是 told in passing is read; a record named against another is
// neither.
import type { Facts } from '../../rules/types.ts';
import { lexicon } from './lexicon.ts';
import { clauses } from './normalize.ts';
import { namedAsIs, namedAsNot } from './rules/scope.ts';

type RecordType = NonNullable<Facts['recordType']>;

export interface RecordContrast {
  /** the record named as what it is */
  named: RecordType;
  /** the records named as what it is not */
  denied: RecordType[];
}

/** Each record's words (knowledge/lexicon/penalties.json), longest first. */
function recordWords(): [RecordType, string[]][] {
  const p = lexicon().penalties;
  const longest = (ws: string[]) => [...ws].sort((a, b) => b.length - a.length);
  return [
    ['abnormal_list', longest(p.abnormalListNouns)],
    ['admin_penalty', longest(p.penaltyWords)],
    ['serious_list', longest(p.seriousList)],
  ];
}

/**
 * recordContrast: one record named with a 是 (namedAsIs) and another with a 不是 (namedAsNot), in any
 * order; undefined when the message does not set records against each other that way, or names two as
 * what it is.
 */
export function recordContrast(s: string): RecordContrast | undefined {
  if (!s.includes('不是') && !s.includes('并非')) return undefined;
  const named = new Set<RecordType>();
  const denied = new Set<RecordType>();
  const cls = clauses(s);
  for (const [record, words] of recordWords()) {
    const taken: [number, number][] = [];
    for (const w of words)
      for (let i = s.indexOf(w); i >= 0; i = s.indexOf(w, i + 1)) {
        // a longer word of the same record already covers this place (处罚 inside 行政处罚)
        if (taken.some(([a, b]) => i < b && i + w.length > a)) continue;
        taken.push([i, i + w.length]);
        const clause = cls.find((c) => c.start <= i && i < c.end);
        const before = s.slice(clause?.start ?? 0, i);
        if (namedAsNot(before)) denied.add(record);
        else if (namedAsIs(before)) named.add(record);
      }
  }
  const [only] = named;
  if (named.size !== 1 || only === undefined || denied.size === 0 || denied.has(only)) return undefined;
  return { named: only, denied: [...denied] };
}
