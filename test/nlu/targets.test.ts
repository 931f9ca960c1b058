// The figures the issue asks for, on the shared dev set and on our own held-out phrasings
// (knowledge/nlu/heldout.jsonl, never used for training).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { understand } from '../../dialogs/nlu/index.ts';
import { parseEvalFile, scoreEval } from '../../dialogs/nlu/score.ts';
import { HELDOUT_FILE, loadPhrases } from '../../knowledge/nlu/load.ts';
import { evaluate } from '../../rules/evaluate.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const DEV = `${root}test/fixtures/eval-dev/utterances.jsonl`;
// relative years in the files are read against a fixed day, so the figures do not drift with time
const now = new Date('2026-11-26T12:00:00Z');

function figures(file: string) {
  const lines = parseEvalFile(readFileSync(file, 'utf8'));
  return scoreEval(lines, { understand: (t) => understand(t, { now }), evaluate });
}

describe.each([
  ['dev set', DEV],
  ['held-out set', HELDOUT_FILE],
])('%s', (_name, file) => {
  const report = figures(file);
  const f = report.figures;

  it('meets intent accuracy ≥ 95%, fact precision ≥ 95%, fact recall ≥ 90%', () => {
    const wrong = report.lines
      .filter((l) => !l.expectedIntents?.includes(l.intent as never) || l.factErrors.length)
      .map((l) => `${l.id} ${l.text} → ${l.intent} ${l.factErrors.join(' ')}`)
      .join('\n');
    expect(f.intentAccuracy, wrong).toBeGreaterThanOrEqual(0.95);
    expect(f.factPrecision, wrong).toBeGreaterThanOrEqual(0.95);
    expect(f.factRecall, wrong).toBeGreaterThanOrEqual(0.9);
  });

  it('gives the expected path and eligibility where the line states them', () => {
    if (f.pathAccuracy !== undefined) expect(f.pathAccuracy).toBe(1);
    if (f.eligibleAccuracy !== undefined) expect(f.eligibleAccuracy).toBe(1);
  });
});

describe('held-out set', () => {
  const lines = parseEvalFile(readFileSync(HELDOUT_FILE, 'utf8'));
  const devLines = parseEvalFile(readFileSync(DEV, 'utf8'));

  it('covers all 13 intents with at least 80 lines, many with facts', () => {
    expect(lines.length).toBeGreaterThanOrEqual(80);
    const intents = new Set(lines.flatMap((l) => (l.kind === 'utterance' ? l.intents : [])));
    expect(intents.size).toBe(13);
    expect(lines.filter((l) => Object.keys(l.facts).length > 0).length).toBeGreaterThanOrEqual(40);
  });

  it('shares no phrasing with the training phrases (nor does the dev set)', () => {
    const training = new Set(loadPhrases().map((p) => p.text));
    const shared = [...lines, ...devLines]
      .filter((l) => l.kind === 'utterance' && training.has(l.text))
      .map((l) => l.id);
    expect(shared).toEqual([]);
  });
});
