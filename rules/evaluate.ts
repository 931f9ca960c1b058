// evaluate(facts) → Determination: picks the first route whose situation holds and checks its
// conditions. Unknown facts are reported as `missing` only while they could change the outcome.
import { type Condition, QUESTION_ORDER, REVOCATION_RISK, ROUTES, type Route, type Test } from './routes.ts';
import type { Determination, FactName, Facts, Reason } from './types.ts';

type Outcome = 'holds' | 'fails' | 'unknown';

function check(t: Test, facts: Facts): Outcome {
  const value = facts[t.fact];
  if (value === undefined || value === null) return 'unknown';
  return t.test(value as NonNullable<Facts[FactName]>) ? 'holds' : 'fails';
}

function situation(route: Route, facts: Facts): { outcome: Outcome; unknown: FactName[] } {
  const unknown: FactName[] = [];
  for (const t of route.when) {
    const o = check(t, facts);
    if (o === 'fails') return { outcome: 'fails', unknown: [] };
    if (o === 'unknown') unknown.push(t.fact);
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

function decide(route: Route, facts: Facts): Determination {
  const applicable = route.conditions.filter((c: Condition) => !c.only || c.only(facts));
  const reasons: Reason[] = [{ id: `route:${route.id}`, met: true, citation: route.citations[0] }];
  const missing: FactName[] = [];
  let unmet = false;
  for (const c of applicable) {
    const o = check(c, facts);
    if (o === 'unknown') missing.push(c.fact);
    else {
      unmet ||= o === 'fails';
      reasons.push({ id: c.id, fact: c.fact, met: o === 'holds', citation: c.citation });
    }
  }
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
  return {
    path: route.path,
    eligible,
    missing: decided ? [] : missing,
    reasons,
    // While eligibility is open, show the way forward as if the open conditions hold.
    steps:
      eligible === false && route.steps.notEligible.length
        ? route.steps.notEligible
        : route.steps.eligible.length
          ? route.steps.eligible
          : route.steps.notEligible,
    documents: eligible === false && route.documentsOnlyWhenEligible ? [] : route.documents,
    deadline: route.deadline,
    citations,
  };
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

/** Decides which route a situation falls under and whether it can be used now. Pure and total. */
export function evaluate(facts: Facts): Determination {
  const revocation = situation(REVOCATION_RISK, facts);
  if (revocation.outcome === 'holds') return decide(REVOCATION_RISK, facts);

  const unknown: FactName[] = [];
  for (const route of ROUTES) {
    const s = situation(route, facts);
    if (s.outcome === 'holds') return decide(route, facts);
    if (s.outcome === 'unknown') unknown.push(...s.unknown);
  }
  // Revocation facts come first once the user has raised that risk, so its warning is not missed.
  const revocationFirst =
    revocation.outcome === 'unknown' && revocation.unknown.length < REVOCATION_RISK.when.length;
  const missing = byQuestionOrder(unknown).filter((f) => !revocationFirst || !revocation.unknown.includes(f));
  // Every route ruled out by what is known: nothing in the plan or the national rules fits.
  if (!missing.length && !revocationFirst)
    return { ...UNDETERMINED, path: 'not-covered', eligible: false, missing: [], steps: ['contact-bureau'] };
  return {
    ...UNDETERMINED,
    missing: revocationFirst ? [...byQuestionOrder(revocation.unknown), ...missing] : missing,
  };
}
