// validateFacts guards every outside entry point (CLI --facts, staff /set, web API).
import { describe, expect, it } from 'vitest';
import { factProblem, validateFacts } from '../../rules/validate.ts';

const NOW = new Date('2026-06-01T00:00:00Z');

function problemsOf(input: unknown): string[] {
  const r = validateFacts(input, NOW);
  if (r.ok) throw new Error(`expected problems, got facts ${JSON.stringify(r.facts)}`);
  return r.problems;
}

describe('validateFacts', () => {
  it('accepts a valid object and returns the same facts', () => {
    const input = {
      entityType: 'cooperative',
      listed: true,
      listingReason: 'annual_report_overdue',
      listedYear: 2021,
      yearsWithoutAnnualReport: 0,
      docType: 'commitment',
    };
    expect(validateFacts(input, NOW)).toEqual({ ok: true, facts: input });
  });

  it('accepts an empty object', () => {
    expect(validateFacts({}, NOW)).toEqual({ ok: true, facts: {} });
  });

  it('drops null (unknown) values instead of rejecting them', () => {
    expect(validateFacts({ listed: null, entityType: 'enterprise' }, NOW)).toEqual({
      ok: true,
      facts: { entityType: 'enterprise' },
    });
  });

  it.each([
    ['listedyear', 'listedYear'],
    ['listed_year', 'listedYear'],
    ['entity_type', 'entityType'],
    ['entityTyp', 'entityType'],
    ['listedYaer', 'listedYear'],
    ['reason', 'listingReason'],
  ])('names an unknown fact %s and suggests %s', (name, suggestion) => {
    const [problem] = problemsOf({ [name]: true });
    expect(problem).toContain(`unknown fact "${name}"`);
    expect(problem).toContain(`did you mean "${suggestion}"?`);
  });

  it.each(['', 'e', 'zzzzzz', 'phone'])('does not invent a suggestion for %j', (name) => {
    const [problem] = problemsOf({ [name]: 1 });
    expect(problem).toBe(`unknown fact "${name}"`);
  });

  it('treats inherited property names as unknown facts', () => {
    const input = JSON.parse('{"__proto__": {"listed": true}, "constructor": 1, "toString": "x"}');
    const problems = problemsOf(input);
    expect(problems).toHaveLength(3);
    for (const p of problems) expect(p).toMatch(/^unknown fact/);
  });

  it.each([
    [{ listed: 'yes' }, 'listed: expected true or false, got "yes"'],
    [{ isBranch: 1 }, 'isBranch: expected true or false, got 1'],
    [
      { entityType: 'company' },
      'entityType: expected one of enterprise|individual|cooperative, got "company"',
    ],
    [{ errorKind: 'Contact_Info' }, 'errorKind: expected one of'],
    [{ listedYear: '2021' }, 'listedYear: expected a year such as 2021, got "2021"'],
    [{ listedYear: 2021.5 }, 'listedYear: expected a year'],
    [
      { yearsWithoutAnnualReport: -1 },
      'yearsWithoutAnnualReport: expected a whole number of years from 0 to 100',
    ],
    [{ yearsWithoutAnnualReport: 1.5 }, 'yearsWithoutAnnualReport: expected a whole number'],
    [{ yearsWithoutAnnualReport: '2' }, 'yearsWithoutAnnualReport: expected a whole number'],
    [{ docType: 'letter' }, 'docType: expected one of application|commitment'],
  ])('rejects a value of the wrong type or range: %j', (input, message) => {
    const problems = problemsOf(input);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(message);
  });

  it('bounds the year of listing by 1990 and by this year', () => {
    expect(problemsOf({ listedYear: 1989 })[0]).toBe('listedYear: 1989 is before 1990, which is impossible');
    expect(problemsOf({ listedYear: 2027 })[0]).toBe('listedYear: 2027 is after this year (2026)');
    expect(validateFacts({ listedYear: 1990 }, NOW).ok).toBe(true);
    expect(validateFacts({ listedYear: 2026 }, NOW).ok).toBe(true);
    expect(validateFacts({ listedYear: 2027 }, new Date('2027-01-02T00:00:00Z')).ok).toBe(true);
  });

  it('lists every problem, not only the first, and keeps none of the facts', () => {
    const r = validateFacts(
      { listed: 'true', entityTyp: 'enterprise', listedYear: 1989, taxFiled: false, errorKind: 'typo' },
      NOW,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toHaveLength(4);
    expect(r.problems.join('\n')).toMatch(/listed: .*\n.*entityTyp.*\n.*listedYear.*\n.*errorKind/);
  });

  it.each([null, undefined, [], [{ listed: true }], 'listed', 42, true])(
    'rejects %j that is not an object',
    (input) => {
      const problems = problemsOf(input);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toContain('facts must be a JSON object');
    },
  );
});

describe('factProblem', () => {
  it('is null for a fine value and a message otherwise', () => {
    expect(factProblem('taxFiled', false, NOW)).toBeNull();
    expect(factProblem('listingReason', 'other', NOW)).toBeNull();
    expect(factProblem('yearsWithoutAnnualReport', 100, NOW)).toBeNull();
    expect(factProblem('yearsWithoutAnnualReport', 101, NOW)).toContain('from 0 to 100');
    expect(factProblem('listedYear', Number.NaN, NOW)).toContain('expected a year');
  });
});
