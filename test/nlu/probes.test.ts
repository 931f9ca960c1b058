// Floors on the probe files of issue 4 (knowledge/nlu/probe-*.jsonl): phrasings written before the
// training phrases and patterns were read, as owners, accountants and hotline callers type them.
// probe-a was tuned on in round 1; probe-b was measured blind in round 2 and tuned on in round 3;
// probe-c was written blind in round 3, measured once after that round's tuning, and tuned on in round 4;
// probe-d was written blind in round 4, measured once after that round's tuning, and tuned on in round 5;
// probe-e was written blind in round 5, measured once after that round's tuning, and tuned on in round 6;
// probe-f was written blind in round 6, measured once after that round's tuning, and tuned on in round 7.
// probe-g was written blind in round 8 (the most common plain situations, one complete sentence each),
// measured once after that round's tuning, and tuned on in round 9 (no longer blind).
// The floors are the figures reached then, rounded down to 5%, so a regression fails here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { understand } from '../../dialogs/nlu/index.ts';
import { parseEvalFile, scoreEval } from '../../dialogs/nlu/score.ts';
import { loadPhrases, NLU_DIR } from '../../knowledge/nlu/load.ts';
import { evaluate } from '../../rules/evaluate.ts';

// relative years ("去年被列入") are read against a fixed day, so the figures do not drift with time
const now = new Date('2026-11-26T12:00:00Z');

const PROBES = [
  { file: 'probe-a.jsonl', size: 150, intent: 1.0, precision: 1.0, recall: 0.95 },
  // jieba words replaced character bigrams (issue 12): 98.0% intent since, three question lines moved
  { file: 'probe-b.jsonl', size: 150, intent: 0.95, precision: 0.95, recall: 0.9 },
  // round 3 blind measurement: intent 98.5%, precision 96.2%, recall 87.3%
  { file: 'probe-c.jsonl', size: 200, intent: 0.95, precision: 0.95, recall: 0.85 },
  // round 4 blind measurement: intent 100%, precision 98.3%, recall 92.2%
  { file: 'probe-d.jsonl', size: 200, intent: 1.0, precision: 0.95, recall: 0.9 },
  // round 5 blind measurement (forwarded chats, accountants, elderly owners, slang, hotline fillers,
  // mixed topics, bare answers to the bot): intent 96.0%, precision 97.5%, recall 89.8%
  { file: 'probe-e.jsonl', size: 200, intent: 0.95, precision: 0.95, recall: 0.85 },
  // round 6 blind measurement (group-chat messages, voice transcripts with homophones, phone typos,
  // Chinese numerals, Cantonese, owners asking for relatives): intent 98.5%, precision 97.6%, recall 91.9%;
  // after round 7's tuning: intent 99.0%, precision 100%, recall 98.4%
  // applicantIsAgent (「帮我爸问」) is the bot's own fact, outside DOMAIN §4: scoring leaves it out
  { file: 'probe-f.jsonl', size: 200, intent: 0.95, precision: 1.0, recall: 0.95 },
  // round 8 blind measurement (each route's typical story, each intent's typical questions, plain
  // sentences): intent 98.3%, precision 95.4%, recall 96.3%; after round 9's tuning and label alignment
  // (knowledge/nlu/README.md): intent 100%, precision 100%, recall 99.6%
  { file: 'probe-g.jsonl', size: 120, intent: 0.95, precision: 0.95, recall: 0.95 },
  // session 13, written blind on the minor-error exemption alone (the six kinds in owners' words, the
  // conditions and exclusions told and denied, side questions): intent 85.0%, precision 95.5%, recall
  // 88.9%; after tuning 100% on each (three labels aligned with the README's conventions: a correction
  // the day after the reminder meets the deadline, one made late was still made after the reminder)
  { file: 'probe-minor.jsonl', size: 40, intent: 1.0, precision: 1.0, recall: 1.0, intents: 4 },
];

describe.each(PROBES)('$file', ({ file, size, intent, precision, recall, intents = 13 }) => {
  const lines = parseEvalFile(readFileSync(join(NLU_DIR, file), 'utf8'));
  const report = scoreEval(lines, { understand: (t) => understand(t, { now }), evaluate });
  const f = report.figures;

  it(`keeps intent ≥ ${intent * 100}%, fact precision ≥ ${precision * 100}%, recall ≥ ${recall * 100}%`, () => {
    const wrong = report.lines
      .filter((l) => !l.expectedIntents?.includes(l.intent as never) || l.factErrors.length)
      .map((l) => `${l.id} ${l.text} → ${l.intent} ${l.factErrors.join(' ')}`)
      .join('\n');
    expect(f.intentAccuracy, wrong).toBeGreaterThanOrEqual(intent);
    expect(f.factPrecision, wrong).toBeGreaterThanOrEqual(precision);
    expect(f.factRecall, wrong).toBeGreaterThanOrEqual(recall);
  });

  it(`has ${size} lines over ${intents} intents, none of them a training phrase`, () => {
    expect(lines).toHaveLength(size);
    expect(new Set(lines.flatMap((l) => (l.kind === 'utterance' ? l.intents : []))).size).toBe(intents);
    const training = new Set(loadPhrases().map((p) => p.text));
    expect(lines.filter((l) => l.kind === 'utterance' && training.has(l.text)).map((l) => l.id)).toEqual([]);
  });
});
