// Checks a facts object from outside (CLI, staff /set, web API) before it reaches evaluate:
// every problem is reported, nothing is silently dropped.
import { isYearOnly } from './periods.ts';
import { FACT_KINDS, FACT_NAMES, type FactName, type Facts } from './types.ts';

export const EARLIEST_LISTING_YEAR = 1990;
export const MAX_YEARS_WITHOUT_REPORT = 100;
/** above any fine a county bureau decides; a typo guard, not a legal limit */
export const MAX_FINE_YUAN = 1_000_000_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export type FactsCheck = { ok: true; facts: Facts } | { ok: false; problems: string[] };

const normal = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(
        (row[j] ?? 0) + 1,
        (next[j - 1] ?? 0) + 1,
        (row[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    row = next;
  }
  return row[b.length] ?? 0;
}

function closest(name: string): string | undefined {
  const wanted = normal(name);
  // One or two letters match too many names to be a useful hint.
  if (wanted.length < 3) return undefined;
  // Exact (case, "_" and "-" aside) first, then a typo, then a partial name: "listedyear" and
  // "listedYaer" mean listedYear, not listed.
  const exact = FACT_NAMES.find((f) => normal(f) === wanted);
  if (exact) return exact;
  let best: string | undefined;
  let bestDistance = 3;
  for (const f of FACT_NAMES) {
    const d = editDistance(wanted, normal(f));
    if (d < bestDistance) [best, bestDistance] = [f, d];
  }
  return best ?? FACT_NAMES.find((f) => normal(f).includes(wanted) || wanted.includes(normal(f)));
}

/** Problem text for one value of one fact, or null when it is fine. Shared by every entry point. */
export function factProblem(name: FactName, value: unknown, now: Date = new Date()): string | null {
  const spec = FACT_KINDS[name];
  switch (spec.kind) {
    case 'boolean':
      return typeof value === 'boolean'
        ? null
        : `${name}: expected true or false, got ${JSON.stringify(value)}`;
    case 'enum':
      return typeof value === 'string' && (spec.values as readonly string[]).includes(value)
        ? null
        : `${name}: expected one of ${spec.values.join('|')}, got ${JSON.stringify(value)}`;
    case 'year': {
      const thisYear = now.getFullYear();
      if (typeof value !== 'number' || !Number.isInteger(value))
        return `${name}: expected a year such as 2021, got ${JSON.stringify(value)}`;
      if (value < EARLIEST_LISTING_YEAR)
        return `${name}: ${value} is before ${EARLIEST_LISTING_YEAR}, which is impossible`;
      if (value > thisYear) return `${name}: ${value} is after this year (${thisYear})`;
      return null;
    }
    case 'count':
      return typeof value === 'number' &&
        Number.isInteger(value) &&
        value >= 0 &&
        value <= MAX_YEARS_WITHOUT_REPORT
        ? null
        : `${name}: expected a whole number of years from 0 to ${MAX_YEARS_WITHOUT_REPORT}, got ${JSON.stringify(value)}`;
    case 'amount':
      return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= MAX_FINE_YUAN
        ? null
        : `${name}: expected an amount in yuan such as 20000 (0 to ${MAX_FINE_YUAN}), got ${JSON.stringify(value)}`;
    case 'date': {
      // a year told alone (「前年」): the rules count from both ends of it (periods.ts periodState)
      if (typeof value === 'string' && isYearOnly(value)) {
        if (Number(value) < EARLIEST_LISTING_YEAR)
          return `${name}: ${value} is before ${EARLIEST_LISTING_YEAR}, which is impossible`;
        return Number(value) > now.getFullYear() ? `${name}: ${value} is in the future` : null;
      }
      const m = typeof value === 'string' ? ISO_DATE.exec(value) : null;
      const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
      if (!d || d.toISOString().slice(0, 10) !== value)
        return `${name}: expected a date as YYYY-MM-DD such as 2026-03-15 (or a year alone, 2024), got ${JSON.stringify(value)}`;
      if (Number(m?.[1]) < EARLIEST_LISTING_YEAR)
        return `${name}: ${value} is before ${EARLIEST_LISTING_YEAR}, which is impossible`;
      // a day ahead of the local date: publication dates are Chinese dates, the server may run on UTC
      const tomorrow = new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate() + 1));
      if (d > tomorrow) return `${name}: ${value} is in the future`;
      return null;
    }
  }
}

/** Validates an unknown value as Facts; `null` values count as unknown and are dropped. */
export function validateFacts(input: unknown, now: Date = new Date()): FactsCheck {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return {
      ok: false,
      problems: ['facts must be a JSON object such as {"entityType":"individual","listed":true}'],
    };
  }
  const problems: string[] = [];
  const facts: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(input)) {
    if (!Object.hasOwn(FACT_KINDS, name)) {
      const hint = closest(name);
      problems.push(`unknown fact "${name}"${hint ? ` (did you mean "${hint}"?)` : ''}`);
      continue;
    }
    if (value === null || value === undefined) continue;
    const problem = factProblem(name as FactName, value, now);
    if (problem) problems.push(problem);
    else facts[name] = value;
  }
  return problems.length ? { ok: false, problems } : { ok: true, facts: facts as Facts };
}
