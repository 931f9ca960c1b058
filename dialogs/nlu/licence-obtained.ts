// 「无照经营那阵子被罚的」 then 「执照也办下来了」: a penalty for operating without a licence or permit is
// corrected by obtaining it (总局令第107号 第十一条 纠正违法行为). The violation may be told in the
// message before (penalties.json unlicensed), so this reads the two together.
import type { Facts } from '../../rules/types.ts';
import { alt } from './fact-lexicon.ts';
import { hasAny, lexicon } from './lexicon.ts';
import { matchesOf } from './matches.ts';
import { normalize } from './normalize.ts';
import { negatedBefore } from './rules/scope.ts';

let obtainedRe: RegExp | undefined;

/** 「执照也办下来了」「许可证已经领到了」: a licence noun, an adverb at most, then its obtaining. */
function licenceObtainedAt(s: string): boolean {
  const p = lexicon().penalties;
  obtainedRe ??= new RegExp(
    `${alt(p.seizedItems)}(?:也|都|已经|现在|早就|终于|总算){0,2}${alt(p.licenceObtained)}`,
    'g',
  );
  for (const m of matchesOf(obtainedRe, s)) if (!negatedBefore(s.slice(0, m.index))) return true;
  return false;
}

/**
 * licenceObtainedAfterUnlicensed: in a case about a published penalty whose violation was operating
 * without the licence (named in this message or the one before), the licence obtained tells the
 * violation corrected. Nothing else said of rectification in this message is overridden.
 */
export function licenceObtainedAfterUnlicensed(
  s: string,
  before: string | undefined,
  facts: Facts,
  record: Facts['recordType'] | undefined,
): void {
  if (facts.rectified !== undefined) return;
  if ((record ?? facts.recordType) !== 'admin_penalty') return;
  const unlicensed = lexicon().penalties.unlicensed;
  if (!hasAny(s, unlicensed) && !(before && hasAny(normalize(before), unlicensed))) return;
  if (licenceObtainedAt(s)) facts.rectified = true;
}
