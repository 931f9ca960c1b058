// A second listing on the record beside the first (「年报冇报被列了 地址那边也被列了」): each is removed on
// its own conditions (rules/evaluate.ts bothListings), so a second cause told as another listing is
// `alsoListedFor`, not a correction of the first cause to ask 以哪个为准 about. The words are facts.json
// secondListing.
import type { Facts } from '../../rules/types.ts';
import { factLexicon } from './fact-lexicon.ts';
import { listingReasons } from './rules/listing-reason.ts';

/**
 * secondListingIsAnother: with a listing's cause already known (`listedFor`), a different cause told with
 * words that add a listing (「也被列了」「还有一条」) is a second listing; in one message, two causes told
 * with such words or a count of two (「两条异常」) are the first and the second.
 */
export function secondListing(s: string, facts: Facts, listedFor?: Facts['listingReason']): void {
  const w = factLexicon().secondListing;
  const adds = w.also.some((x) => s.includes(x));
  const counted = w.count.some((x) => s.includes(x));
  if (!adds && !counted) return;
  if (listedFor !== undefined && listedFor !== 'other') {
    // the cause this message gives (read or derived: moved without registering is the address one)
    const other = facts.listingReason;
    if (other === undefined || other === listedFor || other === 'other') return;
    facts.alsoListedFor = other;
    facts.listed = true;
    delete facts.listingReason;
    return;
  }
  const [first, second] = listingReasons(s).filter((r) => r.value !== 'other');
  if (!first || !second) return;
  facts.listed = true;
  facts.listingReason = first.value;
  facts.alsoListedFor = second.value;
}
