// Our understanding side by side with nlp.js (@nlpjs/nlp + @nlpjs/lang-zh) trained on the same
// phrases (knowledge/nlu/phrases), on the same probe files, in one run: intent accuracy and the
// median time per utterance. "Classifier alone" is the step a turn runs to rank intents (segmentation,
// features, scores) on what understanding read from the text; understand() is the whole reading. Run: node bin/run-ts.js bench/nlu-vs-nlpjs.ts [probe.jsonl …]
// Prints a table, then one JSON line (the last line) that `npm run bench` reads.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { classifierStep, understand } from '../dialogs/nlu/index.ts';
import { loadPhrases } from '../knowledge/nlu/load.ts';

const require = createRequire(import.meta.url);
const { containerBootstrap } = require('@nlpjs/core');
const { Nlp } = require('@nlpjs/nlp');
const { LangZh } = require('@nlpjs/lang-zh');

interface Probe {
  text: string;
  intent: string | string[];
}

const files = process.argv.slice(2).length
  ? process.argv.slice(2)
  : ['knowledge/nlu/probe-blind.jsonl', 'knowledge/nlu/probe-blind-new-facts.jsonl'];
const probes = (f: string): Probe[] =>
  readFileSync(f, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Probe);
const ok = (p: Probe, intent: string) => (Array.isArray(p.intent) ? p.intent : [p.intent]).includes(intent);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

const container = await containerBootstrap();
container.use(Nlp);
container.use(LangZh);
const nlp = container.get('nlp');
nlp.settings.autoSave = false;
nlp.addLanguage('zh');
for (const p of loadPhrases()) nlp.addDocument('zh', p.text, p.intent);
const t0 = performance.now();
// nlp.js prints every training epoch; the figures below are what this bench is for
const print = console.log;
console.log = () => {};
await nlp.train();
console.log = print;
const trainMs = performance.now() - t0;

const figures: Record<string, unknown>[] = [];
const rate = (n: number, of: number) => Math.round((n / of) * 10000) / 10000;

/** Each probe through the three, timed one call at a time: right or wrong, and microseconds per call. */
async function timeAll(ps: Probe[]) {
  const r = {
    oursOk: 0,
    classifierOk: 0,
    theirsOk: 0,
    oursUs: [] as number[],
    classifyUs: [] as number[],
    theirsUs: [] as number[],
  };
  for (const p of ps) {
    let t = performance.now();
    const u = understand(p.text);
    r.oursUs.push((performance.now() - t) * 1000);
    if (ok(p, u.intent)) r.oursOk++;
    const step = classifierStep(p.text);
    t = performance.now();
    const best = step()[0]?.intent ?? '';
    r.classifyUs.push((performance.now() - t) * 1000);
    if (ok(p, best)) r.classifierOk++;
    t = performance.now();
    const res = await nlp.process('zh', p.text);
    r.theirsUs.push((performance.now() - t) * 1000);
    if (ok(p, res.intent === 'None' ? 'out_of_scope' : res.intent)) r.theirsOk++;
  }
  return r;
}

const probeSets = files.map((file) => ({ file, ps: probes(file) }));
const firstPass: Awaited<ReturnType<typeof timeAll>>[] = [];
for (const { ps } of probeSets) {
  // the warm-up runs each timed path on the first 20 texts, so no first call is timed on cold code
  for (const p of ps.slice(0, 20)) {
    understand(p.text);
    classifierStep(p.text)();
    await nlp.process('zh', p.text);
  }
  firstPass.push(await timeAll(ps));
}
// A bot that has been answering a while: V8 has compiled the hot functions and every rule's pattern
// has run. The same probes once more after every training phrase has gone through all three.
const phrases = loadPhrases();
for (const p of phrases) {
  understand(p.text);
  classifierStep(p.text)();
  await nlp.process('zh', p.text);
}
const settled: Awaited<ReturnType<typeof timeAll>>[] = [];
for (const { ps } of probeSets) settled.push(await timeAll(ps));

probeSets.forEach(({ file, ps }, i) => {
  const r = firstPass[i] as Awaited<ReturnType<typeof timeAll>>;
  const later = settled[i] as Awaited<ReturnType<typeof timeAll>>;
  const pct = (n: number) => `${((n / ps.length) * 100).toFixed(1)}%`;
  const us = (xs: number[]) => `${median(xs).toFixed(0)} µs`;
  console.log(
    `${file} (${ps.length} utterances); p50 after a 20-text warm-up, then after ${phrases.length} more texts`,
  );
  console.log(
    `  ours, understand():        intent ${pct(r.oursOk)}  p50 ${us(r.oursUs)}, settled ${us(later.oursUs)}`,
  );
  console.log(
    `  ours, classifier alone:    intent ${pct(r.classifierOk)}  p50 ${us(r.classifyUs)}, settled ${us(later.classifyUs)}`,
  );
  console.log(
    `  nlp.js (same phrases):     intent ${pct(r.theirsOk)}  p50 ${us(r.theirsUs)}, settled ${us(later.theirsUs)}`,
  );
  figures.push({
    file,
    n: ps.length,
    intent: rate(r.oursOk, ps.length),
    classifierIntent: rate(r.classifierOk, ps.length),
    nlpjsIntent: rate(r.theirsOk, ps.length),
    p50Us: Math.round(median(r.oursUs)),
    classifierP50Us: Math.round(median(r.classifyUs)),
    nlpjsP50Us: Math.round(median(r.theirsUs)),
    settledP50Us: Math.round(median(later.oursUs)),
    settledClassifierP50Us: Math.round(median(later.classifyUs)),
    settledNlpjsP50Us: Math.round(median(later.theirsUs)),
  });
});
console.log(`nlp.js training on ${phrases.length} phrases: ${trainMs.toFixed(0)} ms`);
console.log(JSON.stringify({ phrases: phrases.length, files: figures }));
