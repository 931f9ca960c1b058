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

/** Each record's words (knowledge/lexicon/penalties.json). */
function recordWords(): [RecordType, string[]][] {
  const p = lexicon().penalties;
  return [
    ['abnormal_list', p.abnormalListNouns],
    ['admin_penalty', p.penaltyWords],
    ['serious_list', p.seriousList],
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
  // every occurrence of every word counts: of 「不是处罚的事」 the 处罚 is denied, though 罚的 overlaps it
  for (const [record, words] of recordWords())
    for (const w of words)
      for (let i = s.indexOf(w); i >= 0; i = s.indexOf(w, i + 1)) {
        const clause = cls.find((c) => c.start <= i && i < c.end);
        const before = s.slice(clause?.start ?? 0, i);
        if (namedAsNot(before)) denied.add(record);
        else if (namedAsIs(before)) named.add(record);
      }
  const [only] = named;
  if (named.size !== 1 || only === undefined || denied.size === 0 || denied.has(only)) return undefined;
  return { named: only, denied: [...denied] };
}
