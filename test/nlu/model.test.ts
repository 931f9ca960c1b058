// The committed model is a build output (`npm run build:model`): it must be the one the phrases,
// the lexicon and the feature code produce, and loading it must never write into the source tree.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { currentHash, loadModel } from '../../dialogs/nlu/model.ts';
import { loadPhrases, MODEL_FILE } from '../../knowledge/nlu/load.ts';

describe('intent model build output', () => {
  it('matches the hash of the phrases, keywords and feature code', () => {
    const cached = JSON.parse(readFileSync(MODEL_FILE, 'utf8')) as { hash: string };
    expect(cached.hash, 'run `npm run build:model` to rebuild knowledge/nlu/model.json').toBe(currentHash());
  });

  it('knows all 13 intents and was trained on several hundred phrases', () => {
    const phrases = loadPhrases();
    expect(phrases.length).toBeGreaterThanOrEqual(400);
    expect(new Set(phrases.map((p) => p.intent)).size).toBe(13);
    expect(loadModel().labels.sort()).toEqual([...new Set(phrases.map((p) => p.intent))].sort());
  });
});
