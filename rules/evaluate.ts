// evaluate(facts, {today}) → Determination: picks the first route whose situation holds and checks its
// conditions. Unknown facts are reported as `missing` only while they could change the outcome. Waiting
// periods are counted to `today` (check --date, a scenario's date, today in a conversation).
import { chinaToday } from './periods.ts';
import {
  type Condition,
  type Outcome,
  PENALTY_ROUTES,
  QUESTION_ORDER,
  REVOCATION_RISK,
  ROUTES,
  type Route,
  type RuleContext,
  type Test,
} from './routes.ts';
import type { Determination, FactName, Facts, Reason } from './types.ts';

export interface EvaluateOptions {
  /** YYYY-MM-DD: the day the rules are applied; default today in China */
  today?: string;
}

function check(t: Test, facts: Facts, ctx: RuleContext): { outcome: Outcome; unknown: FactName[] } {
  if (t.assess) return t.assess(facts, ctx);
  const value = facts[t.fact];
  if (value === undefined || value === null) {
    if (t.whenAbsent) return { outcome: t.whenAbsent, unknown: [] };
    return { outcome: 'unknown', unknown: [t.fact] };
  }
  return {
    outcome: t.test(value as NonNullable<Facts[FactName]>, facts, ctx) ? 'holds' : 'fails',
    unknown: [],
  };
}

function situation(route: Route, facts: Facts, ctx: RuleContext): { outcome: Outcome; unknown: FactName[] } {
  const unknown: FactName[] = [];
  for (const t of route.when) {
    const o = check(t, facts, ctx);
    if (o.outcome === 'fails') return { outcome: 'fails', unknown: [] };
    if (o.outcome === 'unknown') unknown.push(...o.unknown);
  }
  return { outcome: unknown.length ? 'unknown' : 'holds', unknown };
}

function byQuestionOrder(names: Iterable<FactName>): FactName[] {
  const rank = (f: FactName) => {
    const i = QUESTION_ORDER.indexOf(f);
    return i === -1 ? QUESTION_ORDER.length : i;
  };
  return [...new Set(names)].sort((a, b) => rank(a) - rank(b));
}

/** Where a step sends the user to this county's bureau, a business registered elsewhere goes home. */
const HOME_STEP: Record<string, string> = { 'submit-application': 'submit-at-registration-bureau' };
/** 总局令第107号第七条: a warning alone is never published, so there is no publication to wait out. */
const WARNING_STEP: Record<string, string> = { 'wait-for-publication-to-end': 'warning-not-published' };

function stepsFor(route: Route, eligible: boolean | null, facts: Facts, documents: string[]): string[] {
  // While eligibility is open, show the way forward as if the open conditions hold.
  let steps =
    eligible === false && route.steps.notEligible.length
      ? route.steps.notEligible
      : route.steps.eligible.length
        ? route.steps.eligible
        : route.steps.notEligible;
  if (facts.inJurisdiction === false) steps = steps.map((s) => HOME_STEP[s] ?? s);
  if (facts.penaltyKind === 'warning') steps = steps.map((s) => WARNING_STEP[s] ?? s);
  if (documents.includes('agent-authorization')) {
    // the agent's own ID goes with the authorisation, before anything is handed in
    const at = steps.findIndex((s) => s.startsWith('submit-'));
    steps =
      at === -1
        ? [...steps, 'agent-brings-id']
        : [...steps.slice(0, at), 'agent-brings-id', ...steps.slice(at)];
  }
  return steps;
}

function decide(route: Route, facts: Facts, ctx: RuleContext): Determination {
  const applicable = route.conditions.filter((c: Condition) => !c.only || c.only(facts));
  const reasons: Reason[] = [{ id: `route:${route.id}`, met: true, citation: route.citations[0] }];
  const missing: FactName[] = [];
  let unmet = false;
  for (const c of applicable) {
    const o = check(c, facts, ctx);
    if (o.outcome === 'unknown') missing.push(...o.unknown);
    else {
      unmet ||= o.outcome === 'fails';
      const values = c.values?.(facts, ctx);
      // a condition that holds only because its fact is unsaid (whenAbsent) is a presumption: say so
      const presumed = c.whenAbsent === 'holds' && !c.assess && (facts[c.fact] ?? null) === null;
      reasons.push({
        id: c.id,
        fact: c.fact,
        met: o.outcome === 'holds',
        ...(presumed ? { presumed: true } : {}),
        citation: c.citation,
        ...(values ? { values } : {}),
      });
    }
  }
  for (const n of route.notes?.(facts, ctx) ?? []) reasons.push({ ...n, met: true });
  // One unmet condition or exclusion decides the case at once: nothing else could make it eligible.
  const eligible = route.verdict !== undefined ? route.verdict : unmet ? false : missing.length ? null : true;
  const decided = eligible !== null || route.verdict !== undefined;
  const citations = [
    ...new Set([
      ...route.citations,
      ...(route.citeAlso?.(facts, eligible) ?? []),
      ...reasons.filter((r) => !r.met && r.citation).map((r) => r.citation as string),
    ]),
  ];
  const base = eligible === false && route.documentsOnlyWhenEligible ? [] : route.documents;
  // DOMAIN §7: whoever applies for the business brings a 授权委托书 on every route with papers to hand in
  const documents =
    base.length && facts.applicantIsAgent === true ? [...base, 'agent-authorization' as const] : base;
  const dates = route.dates?.(facts, ctx);
  return {
    path: route.path,
    eligible,
    missing: decided ? [] : byQuestionOrder(missing),
    reasons,
    steps: stepsFor(route, eligible, facts, documents),
    documents,
    deadline: route.deadline,
    citations,
    ...(dates && Object.keys(dates).length ? { dates } : {}),
  };
}

/** The routes still possible are all one path (a fine of a general or of a key sector, 107/8–9). */
function onePath(open: Route[]): Route | undefined {
  const [first] = open;
  if (!first || open.some((r) => r.path !== first.path || r.verdict !== undefined)) return undefined;
  return first;
}

/** Two reasons about the same condition: the same id, or the same fact (the 3-month and 1-year waits). */
const sameCondition = (a: Reason, b: Reason) => a.id === b.id || (a.fact !== undefined && a.fact === b.fact);

/** The date a reason gives (the earliest day to apply), for choosing the earliest of several. */
const reasonDate = (r: Reason) => String((r.values as { date?: unknown } | undefined)?.date ?? '');

/**
 * failsWhicheverRoute: the routes still possible are all one path and a condition they share is
 * already unmet (the fine is not paid; published less than the shortest of their waiting periods ago):
 * the answer is "not yet" whichever route it is, so the fact that tells them apart is not asked. Only
 * the shared unmet conditions are given as reasons — a condition on the same fact unmet in every route
 * is given once, with the earliest date (DOMAIN §5: "false as soon as one of them is known to fail; the
 * reasons give the earliest date to apply"); dates of one route only are left out.
 */
function failsWhicheverRoute(open: Route[], facts: Facts, ctx: RuleContext): Determination | undefined {
  const first = onePath(open);
  if (!first) return undefined;
  const decided = open.map((r) => decide(r, facts, ctx));
  if (decided.some((d) => d.eligible !== false)) return undefined;
  const unmetEverywhere = (r: Reason) =>
    decided.every((d) => d.reasons.some((x) => !x.met && sameCondition(x, r)));
  const reasons: Reason[] = [];
  for (const r of decided.flatMap((d) => d.reasons)) {
    if (r.met || !unmetEverywhere(r)) continue;
    const at = reasons.findIndex((x) => sameCondition(x, r));
    if (at === -1) reasons.push(r);
    else if (reasonDate(r) && reasonDate(r) < reasonDate(reasons[at] as Reason)) reasons[at] = r;
  }
  if (!reasons.length) return undefined;
  // a note every route gives (the wait counted from the decision's date) stays with them
  const notes = open.map((r) => r.notes?.(facts, ctx) ?? []);
  for (const n of notes[0] ?? [])
    if (notes.every((ns) => ns.some((x) => x.id === n.id))) reasons.push({ ...n, met: true });
  const [d] = decided as [Determination, ...Determination[]];
  const shared = (c: string) => open.every((r) => r.citations.includes(c));
  const citations = [
    ...new Set([...first.citations.filter(shared), ...reasons.map((r) => r.citation as string)]),
  ];
  const { dates: _routeDates, ...rest } = d;
  return { ...rest, reasons, citations: citations.filter(Boolean), missing: [] };
}

/**
 * metWhicheverRoute: the routes still possible are all one path and every one of them is met (a paid,
 * rectified fine of unknown sector published more than a year ago: both the general 3 months and the
 * key sector's year have passed). The fact that tells them apart cannot change the outcome, so it is
 * not asked (DOMAIN §5: a decided result needs no more facts). The reasons are those met in every
 * route, a condition on the same fact given once as the strictest route states it (the one-year wait,
 * which holds the three months too); dates of one route only are left out.
 */
function metWhicheverRoute(open: Route[], facts: Facts, ctx: RuleContext): Determination | undefined {
  const first = onePath(open);
  if (!first) return undefined;
  const decided = open.map((r) => decide(r, facts, ctx));
  if (decided.some((d) => d.eligible !== true)) return undefined;
  const reasons = metInEvery(decided);
  // say why the class was not asked: its shortest period is over whichever it is
  reasons.push({ id: 'wait-over-whichever-class', met: true, citation: 'samr107-art8' });
  const [{ dates: _routeDates, ...d }] = decided as [Determination, ...Determination[]];
  const citations = [...new Set(open.flatMap((r) => r.citations))];
  return { ...d, eligible: true, reasons, citations, missing: [] };
}

/**
 * The routes still possible are one path but not yet decided (a fine above 50,000 of unknown sector,
 * published 3–12 months ago): the path is known — DOMAIN §5 "otherwise penalty-publicity-repair" — and
 * eligibility stays open until the fact telling the routes apart is known (where every one of them is
 * already met, metWhicheverRoute has decided it).
 */
function pathWhicheverRoute(
  open: Route[],
  unknown: FactName[],
  facts: Facts,
  ctx: RuleContext,
  askFirst: FactName[],
): Determination | undefined {
  const first = onePath(open);
  if (!first) return undefined;
  const decided = open.map((r) => decide(r, facts, ctx));
  const [{ dates: _routeDates, ...d }] = decided as [Determination, ...Determination[]];
  const shared = (c: string) => open.every((r) => r.citations.includes(c));
  // the facts that tell the routes apart are asked only while the routes stand differently
  const apart = standsApart(open, decided, facts) ? unknown : [];
  return {
    ...d,
    eligible: null,
    reasons: metInEvery(decided),
    citations: first.citations.filter(shared),
    missing: [
      ...new Set([...askFirst, ...byQuestionOrder([...apart, ...decided.flatMap((x) => x.missing)])]),
    ],
  };
}

/**
 * The reasons met in every route, each condition once, as the first (the strictest: key sector before
 * general) route states it; the routes' own reasons are left out.
 */
function metInEvery(decided: Determination[]): Reason[] {
  const metEverywhere = (r: Reason) =>
    decided.every((d) => d.reasons.some((x) => x.met && sameCondition(x, r)));
  const reasons: Reason[] = [];
  for (const r of decided.flatMap((d) => d.reasons))
    if (!r.id.startsWith('route:') && metEverywhere(r) && !reasons.some((x) => sameCondition(x, r)))
      reasons.push(r);
  return reasons;
}

/**
 * standsApart: whether the routes still possible could still end differently. They differ only in the
 * conditions one has and another has not (the 3-month and the 1-year wait); once every such condition
 * is known and met (published over a year ago) the fact that tells them apart cannot change the outcome
 * and is not missing (DOMAIN §5) — rectification still open is asked alone. While one of them is open
 * or unmet (published 3–12 months ago, or the date untold) the sector may still decide it.
 */
function standsApart(open: Route[], decided: Determination[], facts: Facts): boolean {
  const ids = open.map((r) => r.conditions.filter((c) => !c.only || c.only(facts)).map((c) => c.id));
  const inEvery = (id: string) => ids.every((list) => list.includes(id));
  return decided.some((d, i) =>
    (ids[i] ?? []).some((id) => !inEvery(id) && !d.reasons.some((r) => r.id === id && r.met)),
  );
}

const UNDETERMINED: Omit<Determination, 'missing'> = {
  path: 'undetermined',
  eligible: null,
  reasons: [],
  steps: [],
  documents: [],
  deadline: null,
  citations: [],
};

/**
 * Decides which route a situation falls under and whether it can be used now. Pure and total.
 *
 * Two listings on the record (`alsoListedFor`): each listing is removed on its own conditions, so each
 * is decided as if it were the only one, and the case can be applied for only when both can
 * (bothListings). The path is the first listing's.
 */
export function evaluate(facts: Facts, opts: EvaluateOptions = {}): Determination {
  const other = facts.alsoListedFor;
  const { alsoListedFor: _, ...one } = facts;
  if (other === undefined || other === facts.listingReason || facts.listed !== true)
    return evaluateOne(one, opts);
  return bothListings(evaluateOne(one, opts), evaluateOne({ ...one, listingReason: other }, opts));
}

/**
 * bothListings: the first listing's route, eligible only when the second's is too (false as soon as
 * either is not, open while either is open), asking what either still needs; the second listing's
 * reasons, documents and citations come along so the reply tells what it takes.
 */
function bothListings(first: Determination, second: Determination): Determination {
  const eligible =
    first.eligible === false || second.eligible === false
      ? false
      : first.eligible === true && second.eligible === true
        ? true
        : null;
  const both = [...new Set([...first.missing, ...second.missing])];
  if (first.path === 'undetermined') return { ...first, missing: both };
  const missing = eligible === false ? [] : both;
  const also =
    second.path === 'undetermined'
      ? []
      : second.reasons.filter((r) => !first.reasons.some((f) => f.id === r.id));
  return {
    ...first,
    eligible,
    missing,
    reasons: [...first.reasons, { id: 'second-listing', met: second.eligible === true }, ...also],
    documents: [...new Set([...first.documents, ...second.documents])],
    citations: [...new Set([...first.citations, ...second.citations])],
  };
}

function evaluateOne(facts: Facts, opts: EvaluateOptions): Determination {
  const ctx: RuleContext = { today: opts.today ?? chinaToday() };
  const revocation = situation(REVOCATION_RISK, facts, ctx);
  if (revocation.outcome === 'holds') return decide(REVOCATION_RISK, facts, ctx);

  const unknown: FactName[] = [];
  const open: Route[] = [];
  for (const route of [...PENALTY_ROUTES, ...ROUTES]) {
    const s = situation(route, facts, ctx);
    if (s.outcome === 'holds') return decide(route, facts, ctx);
    if (s.outcome === 'unknown') {
      unknown.push(...s.unknown);
      open.push(route);
    }
  }
  // A case decided whichever route it is stands as a route that holds does (above): a revocation fact
  // told beside it (查无下落 alone) does not reopen it, or the verdict would hang on whether the sector
  // is known — an unpaid fine would ask its sector once 「找不到人」 was said.
  const failedEither = failsWhicheverRoute(open, facts, ctx);
  if (failedEither) return failedEither;
  const metEither = metWhicheverRoute(open, facts, ctx);
  if (metEither) return metEither;
  // Revocation facts come first once the user has raised that risk, so its warning is not missed.
  const revocationFirst =
    revocation.outcome === 'unknown' && revocation.unknown.length < REVOCATION_RISK.when.length;
  // the path is known whatever the revocation facts turn out to be, as for a route that holds (its
  // questions still come first, so the warning is not missed); adding a fact never un-decides a path
  const onePathOpen = pathWhicheverRoute(
    open,
    unknown,
    facts,
    ctx,
    revocationFirst ? byQuestionOrder(revocation.unknown) : [],
  );
  if (onePathOpen) return onePathOpen;
  const missing = byQuestionOrder(unknown).filter((f) => !revocationFirst || !revocation.unknown.includes(f));
  // Every route ruled out by what is known: nothing in the plan or the national rules fits.
  if (!missing.length && !revocationFirst)
    return { ...UNDETERMINED, path: 'not-covered', eligible: false, missing: [], steps: ['contact-bureau'] };
  return {
    ...UNDETERMINED,
    missing: revocationFirst ? [...byQuestionOrder(revocation.unknown), ...missing] : missing,
  };
}
