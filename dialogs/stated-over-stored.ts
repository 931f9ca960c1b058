// How a value stated in a later message meets the one the case holds: the one place that decides it,
// for a plain statement (the interview's merge) and for a statement in a message that says it corrects
// something (the turn's corrections). Most facts have one value, so a different one is a contradiction
// (asked back) or, told as a correction, replaces it — unless it is news: a step taken since, or a
// state told as it is now. The penalty kind is the heaviest penalty in the decision (DOMAIN.md §4,
// 总局令第107号 art. 6): it adds up instead.

import { isYearOnly } from '../rules/periods.ts';
import { FACT_KINDS, type FactName, PENALTY_KINDS, type PenaltyKind } from '../rules/types.ts';
import { factLexicon } from './nlu/fact-lexicon.ts';
import { lexicon } from './nlu/lexicon.ts';
import { asRead, normalize } from './nlu/normalize.ts';
import { removedIn } from './nlu/past-listing.ts';
import { negatedBefore } from './nlu/rules/scope.ts';
import { dialog } from './texts.ts';

/** take: the stated value replaces the stored one · keep: the stored one stands · ask: they contradict */
export type Meeting = 'take' | 'keep' | 'ask';

/**
 * heaviestKindStands: a heavier kind told later (「那个决定里头还有一条 把许可证吊销哒」) is part of the
 * same decision and becomes its kind; a lighter one (「罚款交了 当时罚了3万」 after 停产停业) is another
 * part of it and leaves the heavier one standing, in a message with a correction cue about something
 * else too. Only a message that denies the stored kind (「说错了 不是停产停业 只是罚款」) takes it back.
 */
export function overStored(fact: FactName, stored: unknown, said: unknown, typed = ''): Meeting {
  if (stored === undefined || stored === said) return 'take';
  // 「去年」 then 「去年3月10号」: a day of the year told alone tells it more exactly; the year alone again
  // after the day says nothing new
  const refined = sameYear(fact, stored, said);
  if (refined) return refined;
  // the interview's merge passes the message as typed; the word lists read it as every reader does
  const text = asRead(typed);
  if (
    toldAsProgress(fact, stored, said, text) ||
    toldAsNow(fact, text) ||
    toldAsLookedUp(fact, text) ||
    toldAsRevealed(fact, said, text)
  )
    return 'take';
  if (fact === 'listed' && listingChangedSince(stored, said, normalize(text))) return 'take';
  if (fact !== 'penaltyKind') return 'ask';
  const rank = (k: unknown) => PENALTY_KINDS.indexOf(k as PenaltyKind);
  if (rank(said) > rank(stored)) return 'take';
  return deniesKind(normalize(text), stored as PenaltyKind) ? 'take' : 'keep';
}

function sameYear(fact: FactName, stored: unknown, said: unknown): Meeting | undefined {
  if (FACT_KINDS[fact]?.kind !== 'date' || typeof stored !== 'string' || typeof said !== 'string')
    return undefined;
  if (isYearOnly(stored) && said.startsWith(`${stored}-`)) return 'take';
  if (isYearOnly(said) && stored.startsWith(`${said}-`)) return 'keep';
  return undefined;
}

/** 「不是停产停业」「冇停业」: a word of the kind with a negator right before it. */
function deniesKind(s: string, kind: PenaltyKind): boolean {
  const p = lexicon().penalties;
  // 「不是吊销 是暂扣」: the bare verb, which alone is no kind (a risk, penalties.json), denies one told
  const words = [...(p.penaltyKinds[kind] ?? []), ...(kind === 'revocation' ? p.licenceRevoked : [])];
  return words.some((w) => {
    for (let i = s.indexOf(w); i >= 0; i = s.indexOf(w, i + 1))
      if (negatedBefore(s.slice(Math.max(0, i - 7), i))) return true;
    return false;
  });
}

/**
 * 「当时冇来得及变更」 then 「今天上午把变更登记办好了」: a step a business takes after it was listed or
 * penalised (dialog.json progressFacts), told done with a word of time or completion (progressMarkers)
 * after it was told not done, is news of progress, not a contradiction to ask about.
 */
export function toldAsProgress(fact: FactName, stored: unknown, said: unknown, text: string): boolean {
  const progress = (dialog.progressFacts ?? []) as string[];
  const markers = (dialog.progressMarkers ?? []) as string[];
  // 「现在已经过了一年多了」 after the restriction was told running reckons another period: where a
  // fact's progress needs its subject named (dialog.json progressSubjects), it must be
  const subjects = (dialog.progressSubjects as Record<string, string[]> | undefined)?.[fact];
  // 「刚接到窗口电话 说变更冇办成」 after 「变更办了」: news of a setback reads the same way — and a step
  // read as not done can only hold back a 「可以申请」, never give one (not so the listing: one told
  // gone opens the unlisted routes, so only a removal told as such takes it back, listingChangedSince)
  const setback = stored === true && said === false && fact !== 'listed';
  // (「哦 还冇搞完 材料交了冇批下来」「21年的还冇补 只补了20年的」: a step still not done, or a thing
  // remembered, tells how it stands now as plainly — dialog.json setbackMarkers, revealMarkers)
  const nowMarkers = setback
    ? [
        ...markers,
        ...((dialog.setbackMarkers ?? []) as string[]),
        ...((dialog.revealMarkers ?? []) as string[]),
      ]
    : markers;
  return (
    ((stored === false && said === true) || setback) &&
    progress.includes(fact) &&
    nowMarkers.some((m) => text.includes(m)) &&
    (subjects === undefined || subjects.some((w) => text.includes(w)))
  );
}

/**
 * listingChangedSince: a listing told removed since (「那条异常已经移出来了」, past-listing.ts) or a new
 * one told after an old one was removed (「今年又被列了」) is news about the case, not a contradiction.
 */
function listingChangedSince(stored: unknown, said: unknown, s: string): boolean {
  if (stored === true && said === false) return removedIn(s);
  return said === true && factLexicon().removedListing.current.some((w) => s.includes(w));
}

/**
 * 「大概是三四月份吧 我记不清」 then 「找到了 公示日期是2026年3月10日」: a value the papers state
 * (dialog.json lookedUpFacts), told as read off them (lookedUpMarkers), replaces the one remembered.
 */
function toldAsLookedUp(fact: FactName, text: string): boolean {
  const facts = (dialog.lookedUpFacts ?? []) as string[];
  const markers = (dialog.lookedUpMarkers ?? []) as string[];
  return facts.includes(fact) && markers.some((m) => text.includes(m));
}

/**
 * 「如今翻修完了 已经搬回原来登记的地址办公」: a state that changes with time (dialog.json presentStates),
 * told as it is now (presentMarkers), is news about the case, not a contradiction of how it stood when
 * the story began.
 */
function toldAsNow(fact: FactName, text: string): boolean {
  const states = (dialog.presentStates ?? []) as string[];
  const markers = (dialog.presentMarkers ?? []) as string[];
  return states.includes(fact) && markers.some((m) => text.includes(m));
}

/**
 * 「对了 忘了说 去年还被环保局罚过一次款」 after 「冇得其他违法违规的」: an exclusion or failed condition
 * (dialog.json revealedFacts, with the value that fails) told as remembered or found out
 * (revealMarkers) replaces what was said before. Taken at once, since it can only hold the case back.
 */
function toldAsRevealed(fact: FactName, said: unknown, text: string): boolean {
  const failing = (dialog.revealedFacts ?? {}) as Record<string, unknown>;
  const markers = (dialog.revealMarkers ?? []) as string[];
  return Object.hasOwn(failing, fact) && failing[fact] === said && markers.some((m) => text.includes(m));
}
