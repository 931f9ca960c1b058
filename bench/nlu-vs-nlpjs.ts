// Our understanding side by side with nlp.js (@nlpjs/nlp + @nlpjs/lang-zh) trained on the same
// phrases (knowledge/nlu/phrases), on the same probe files, in one run: intent accuracy and the
// median time per utterance. Run: node bin/run-ts.js bench/nlu-vs-nlpjs.ts [probe.jsonl …]
// Prints a table, then one JSON line (the last line) that `npm run bench` reads.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { nluModel, understand } from '../dialogs/nlu/index.ts';
import { phraseTokens, scores } from '../dialogs/nlu/model.ts';
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
const model = nluModel();

const figures: Record<string, unknown>[] = [];
const rate = (n: number, of: number) => Math.round((n / of) * 10000) / 10000;
for (const file of files) {
  const ps = probes(file);
  for (const p of ps.slice(0, 20)) {
    understand(p.text);
    await nlp.process('zh', p.text);
  }
  let oursOk = 0;
  let theirsOk = 0;
  let classifierOk = 0;
  const oursUs: number[] = [];
  const classifyUs: number[] = [];
  const theirsUs: number[] = [];
  for (const p of ps) {
    let t = performance.now();
    const u = understand(p.text);
    oursUs.push((performance.now() - t) * 1000);
    if (ok(p, u.intent)) oursOk++;
    t = performance.now();
    const sc = scores(model, phraseTokens(p.text));
    classifyUs.push((performance.now() - t) * 1000);
    const best = model.labels[sc.indexOf(Math.max(...sc))] ?? '';
    if (ok(p, best)) classifierOk++;
    t = performance.now();
    const r = await nlp.process('zh', p.text);
    theirsUs.push((performance.now() - t) * 1000);
    if (ok(p, r.intent === 'None' ? 'out_of_scope' : r.intent)) theirsOk++;
  }
  const pct = (n: number) => `${((n / ps.length) * 100).toFixed(1)}%`;
  console.log(`${file} (${ps.length} utterances)`);
  console.log(`  ours, understand():        intent ${pct(oursOk)}  p50 ${median(oursUs).toFixed(0)} µs`);
  console.log(
    `  ours, classifier alone:    intent ${pct(classifierOk)}  p50 ${median(classifyUs).toFixed(0)} µs`,
  );
  console.log(`  nlp.js (same phrases):     intent ${pct(theirsOk)}  p50 ${median(theirsUs).toFixed(0)} µs`);
  figures.push({
    file,
    n: ps.length,
    intent: rate(oursOk, ps.length),
    classifierIntent: rate(classifierOk, ps.length),
    nlpjsIntent: rate(theirsOk, ps.length),
    p50Us: Math.round(median(oursUs)),
    nlpjsP50Us: Math.round(median(theirsUs)),
  });
}
console.log(`nlp.js training on ${loadPhrases().length} phrases: ${trainMs.toFixed(0)} ms`);
console.log(JSON.stringify({ phrases: loadPhrases().length, files: figures }));
