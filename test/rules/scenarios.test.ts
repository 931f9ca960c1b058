// The worked examples of the public eval-dev files (test/fixtures/eval-dev: the 经营异常名录 scenarios and
// the penalty / serious-list scenarios, DOMAIN.md §5) run through evaluate on each scenario's own date.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../rules/evaluate.ts';
import type { DocumentId, FactName, PathId } from '../../rules/types.ts';
import { validateFacts } from '../../rules/validate.ts';

interface Scenario {
  id: string;
  /** YYYY-MM-DD: the day the rules are applied */
  date?: string;
  facts: unknown;
  path: PathId;
  eligible?: boolean | null;
  documents?: DocumentId[];
  missingIncludes?: FactName[];
}

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const read = (name: string): Scenario[] =>
  readFileSync(resolve(repoRoot, 'test/fixtures/eval-dev', name), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Scenario);
const scenarios = [...read('scenarios.jsonl'), ...read('penalty-scenarios.jsonl')];

describe('eval-dev scenarios', () => {
  it('the file holds scenarios', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(15);
    expect(scenarios.filter((s) => s.date).length).toBeGreaterThanOrEqual(3);
  });

  it.each(scenarios.map((s) => [s.id, s] as const))('%s', (_id, s) => {
    const checked = validateFacts(s.facts, new Date(`${s.date ?? '2026-06-01'}T00:00:00Z`));
    if (!checked.ok) throw new Error(`scenario facts are invalid: ${checked.problems.join('; ')}`);
    const d = evaluate(checked.facts, s.date ? { today: s.date } : {});
    expect(d.path).toBe(s.path);
    if (s.eligible !== undefined) expect(d.eligible).toBe(s.eligible);
    if (s.documents) expect(d.documents).toEqual(s.documents);
    if (s.missingIncludes) expect(d.missing).toEqual(expect.arrayContaining(s.missingIncludes));
    if (d.eligible !== null) expect(d.missing).toEqual([]);
  });
});
