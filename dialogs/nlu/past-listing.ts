// A listing told as already removed (「前年因为地址的事被列过一次 后来已经移出来了」) is history: its cause
// and year describe a case that is closed, not the one the bot is deciding. Without this, the first
// cause in the message wins and a business listed now for its annual report is sent down the address
// route, or one that is not listed at all is told how to get removed. The words are facts.json
// removedListing.
import type { Facts } from '../../rules/types.ts';
import { alt, factLexicon } from './fact-lexicon.ts';
import { hasAny } from './lexicon.ts';
import { matchesOf } from './matches.ts';
import { type Clause, clauses } from './normalize.ts';
import { causeOfToldListing, listingReason } from './rules/listing-reason.ts';

let removedRe: RegExp | undefined;
/** a yes/no or A-not-A question anywhere in the clause */
const CLAUSE_ASKS = /是不是|能不能|可不可以|会不会|有没有|吗|[?？]/;
/** 「就可以用那个容缺修复了」: what could be removed, a few words after a modal */
const MODAL_BEFORE = /(?:可以|能|才能|就能|就可以|可能)[^，,。;；\s]{0,6}$/;
let askedRe: RegExp | undefined;

/** The removal verb done in a clause: 「已经移出来了」「早就恢复正常了」「撤销了」, not 「已经申请移出」「移出来了吗」. */
export function removedIn(text: string): boolean {
  const w = factLexicon().removedListing;
  removedRe ??= new RegExp(
    `(${alt(w.doneBefore)})被?(${alt(w.verbs)})|(${alt(w.verbs)})(?:${alt(w.doneAfter)})`,
    'g',
  );
  askedRe ??= new RegExp(`^[来去]?了?(?:${alt(w.askedAfter)})?[?？]|^[来去]?了?(?:${alt(w.askedAfter)})$`);
  // 「这样是不是就可以用那个容缺修复了」: a clause that asks states no removal
  if (CLAUSE_ASKS.test(text)) return false;
  for (const m of matchesOf(removedRe, text)) {
    const verb = (m[2] ?? m[3]) as string;
    const at = m.index + m[0].indexOf(verb);
    const before = text.slice(0, m[2] ? m.index : at);
    const after = text.slice(at + verb.length);
    // 「还没移出来」「想早点移出」「已经申请移出了」: wished, asked for or denied, not done
    if (w.notDone.some((n) => before.endsWith(n)) || MODAL_BEFORE.test(before)) continue;
    // 「恢复营业了」: business resumed, no listing removed
    if (w.notAfter.some((n) => after.startsWith(n))) continue;
    // 「移出来了吗」「恢复了没」: asked
    if (askedRe.test(after) || /[?？吗]/.test(after)) continue;
    return true;
  }
  return false;
}

/** 「没得异常」「冇异常了」: a listing denied is no listing told */
const DENIED_LISTING = /(?:没得|没有|冇得|冇|没|无)(?:经营)?异常/g;

/**
 * The clauses that tell a removed listing: the clause with the removal and, when it names neither a
 * listing nor its cause (「后来已经移出来了」), the clauses before it back to the one that does, never
 * over a clause of the present story (「现在又…」). A removal with no listing or cause before it is
 * not a listing's (「罚款撤销了」) and is left alone.
 */
export function pastListingClauses(s: string, cls: Clause[] = clauses(s)): Clause[] {
  const w = factLexicon().removedListing;
  const names = (t: string) => hasAny(t, w.listingWords) || hasAny(t, w.causeWords);
  const out = new Set<Clause>();
  cls.forEach((c, i) => {
    if (!removedIn(c.text)) return;
    if (hasAny(c.text, w.listingWords)) {
      out.add(c);
      return;
    }
    // back to the clause that names the listing itself: 「以前有条异常 地址的 早就移出来了」 names its
    // cause first, then the listing; a removal that names only what was done for it (「后来办了地址变更
    // 移出哒」) reaches back to the listing told just before it
    const back: Clause[] = [c];
    let named = names(c.text);
    for (let j = i - 1; j >= 0 && j >= i - 3; j--) {
      const p = cls[j] as Clause;
      if (hasAny(p.text, w.current) || (named && !names(p.text))) break;
      back.push(p);
      named ||= names(p.text);
      if (hasAny(p.text, w.listingWords)) break;
    }
    while (back.length > 1 && !names((back.at(-1) as Clause).text)) back.pop();
    if (named) for (const b of back) out.add(b);
  });
  return [...out].sort((a, b) => a.start - b.start);
}

/**
 * The message with its removed listings blanked (spaces keep every position), the text of those
 * clauses (whose kind words — 公司, 个体户, 崇阳的 — still describe the business), and whether the
 * rest still speaks of a listing or its cause: when it does not, the business is not listed now.
 */
export function withoutPastListings(
  s: string,
): { text: string; history: string; listingStillTold: boolean } | undefined {
  const past = pastListingClauses(s);
  if (past.length === 0) return undefined;
  let text = s;
  for (const c of past) text = text.slice(0, c.start) + ' '.repeat(c.end - c.start) + text.slice(c.end);
  const w = factLexicon().removedListing;
  // 「这回是2023年的年报忘了报」: a cause told of the present story is a listing too
  // (「现在没得异常了」 denies one)
  const rest = text.replace(DENIED_LISTING, '');
  const listingStillTold = hasAny(rest, w.listingWords) || listingReason(rest) !== undefined;
  return { text, history: past.map((c) => c.text).join('，'), listingStillTold };
}

/** 「地址那个前年就移出来了」: the message tells the listing of this cause removed (normalised text) */
export function tellsRemoved(s: string, cause: NonNullable<Facts['listingReason']>): boolean {
  const past = withoutPastListings(s);
  return past !== undefined && causeOfToldListing(past.history) === cause;
}
