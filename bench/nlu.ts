// NLU timing: model load (cached JSON and full retrain) and classification per utterance.
// Run: npx tsx bench/nlu.ts  (also rebuilds knowledge/nlu/model.json when it is stale)
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { understand } from '../dialogs/nlu/index.ts';
import { loadModel } from '../dialogs/nlu/model.ts';
import { HELDOUT_FILE, loadPhrases } from '../knowledge/nlu/load.ts';

const time = <T>(f: () => T): [T, number] => {
  const t = performance.now();
  const r = f();
  return [r, performance.now() - t];
};

loadModel(); // make sure the cache is current before timing the cached load
const [, cachedMs] = time(() => loadModel());
const [, trainMs] = time(() => loadModel({ write: false, retrain: true }));

const dev = fileURLToPath(new URL('../test/fixtures/eval-dev/utterances.jsonl', import.meta.url));
const texts = [
  ...loadPhrases().map((p) => p.text),
  ...[dev, HELDOUT_FILE].flatMap((f) =>
    readFileSync(f, 'utf8')
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { text: string }).text),
  ),
];
for (const t of texts) understand(t); // warm up
const rounds = 5;
const [, totalMs] = time(() => {
  for (let i = 0; i < rounds; i++) for (const t of texts) understand(t);
});
const [, longMs] = time(() => understand('被列入经营异常名录，'.repeat(1000)));

console.log(`model load (cached JSON): ${cachedMs.toFixed(1)} ms`);
console.log(`model retrain from ${loadPhrases().length} phrases: ${trainMs.toFixed(0)} ms`);
console.log(
  `understand: ${(totalMs / (rounds * texts.length)).toFixed(3)} ms/utterance over ${texts.length} texts`,
);
console.log(`understand on a 10,000-char text: ${longMs.toFixed(2)} ms`);
