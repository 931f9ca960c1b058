// One generated test over test/nlu/corpus/: a file per fact (<fact>.jsonl, each line a text and the
// value it must give, `null` = the fact must be absent) and a file per behaviour of a message
// (corrections, questions, answer, hedged). Positive and negative examples live side by side as data.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { understand } from '../../dialogs/nlu/index.ts';
import type { FactName, Facts } from '../../rules/types.ts';

const DIR = join(import.meta.dirname, 'corpus');
// relative dates (今年三月, 去年) are read against a fixed day
const now = new Date('2026-12-02T12:00:00Z');
const BEHAVIOURS = new Set(['corrections', 'questions', 'answer', 'hedged']);

interface Line {
  text: string;
  pending?: FactName;
  /** the record the case is about, told in earlier messages */
  record?: Facts['recordType'];
  /** the listing reason the case holds, told in earlier messages */
  listedFor?: Facts['listingReason'];
  /** an error in published information told in earlier messages, no listing */
  errorStory?: boolean;
  /** a move away from the registered address told in earlier messages, no listing and no record */
  bufferStory?: boolean;
  value?: unknown;
  corrections?: Record<string, unknown>;
  questions?: string[];
  topics?: string[];
  answer?: { fact: string; value: unknown };
  hedged?: string[];
}

const files = readdirSync(DIR).filter((f) => f.endsWith('.jsonl'));

describe.each(files)('%s', (file) => {
  const name = file.replace(/\.jsonl$/, '');
  const lines = readFileSync(join(DIR, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Line);
  it.each(lines.map((l) => [l.text, l]))('%s', (_text, line) => {
    const u = understand(line.text, {
      now,
      ...(line.pending ? { pending: line.pending } : {}),
      ...(line.record ? { record: line.record } : {}),
      ...(line.listedFor ? { listedFor: line.listedFor } : {}),
      ...(line.errorStory ? { errorStory: line.errorStory } : {}),
      ...(line.bufferStory ? { bufferStory: line.bufferStory } : {}),
    });
    if (!BEHAVIOURS.has(name)) {
      const got = (u.facts as Record<string, unknown>)[name];
      if (line.value === null) expect(got, JSON.stringify(u.facts)).toBeUndefined();
      else expect(got, JSON.stringify(u.facts)).toEqual(line.value);
      return;
    }
    if (name === 'corrections') expect(u.corrections).toEqual(line.corrections);
    if (name === 'questions') {
      expect(u.questions).toEqual(line.questions);
      if (line.topics) expect(u.topics).toEqual(line.topics);
    }
    if (name === 'answer') expect(u.answer).toEqual(line.answer);
    if (name === 'hedged') for (const h of line.hedged ?? []) expect(u.hedged).toContain(h);
  });
});
