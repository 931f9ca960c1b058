// NLU timing: model load, then understand() per utterance, p50 and p95 of wall time and of CPU time
// (process.cpuUsage, less noisy when other processes share the cores), over the dev utterances, the
// held-out sentences the turn benchmark also uses, every text the NLU has (phrases, dev, held-out)
// and any utterance file given. Run: node bin/run-ts.js bench/nlu.ts [file.jsonl …]
// (reads the built knowledge/nlu/model.json)
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { understand, warmUp } from '../dialogs/nlu/index.ts';
import { loadModel } from '../dialogs/nlu/model.ts';
import { HELDOUT_FILE, loadPhrases } from '../knowledge/nlu/load.ts';
import { median, percentile, round } from './stats.ts';

const t0 = performance.now();
loadModel();
const cachedMs = performance.now() - t0;
warmUp();

const lines = (f: string) =>
  readFileSync(f, 'utf8')
    .trim()
    .split('\n')
    .map((l) => (JSON.parse(l) as { text: string }).text);
const dev = fileURLToPath(new URL('../test/fixtures/eval-dev/utterances.jsonl', import.meta.url));
const heldout = lines(HELDOUT_FILE);
const all = [...loadPhrases().map((p) => p.text), ...lines(dev), ...heldout];
const extra = process.argv.slice(2);

/** Wall and CPU microseconds of each call, cycling through the texts `rounds` times. */
function sample(texts: string[], rounds: number): { wall: number[]; cpu: number[] } {
  for (const t of texts) understand(t); // JIT and caches
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < rounds; r++)
    for (const t of texts) {
      const c = process.cpuUsage();
      const w = process.hrtime.bigint();
      understand(t);
      wall.push(Number(process.hrtime.bigint() - w) / 1000);
      const d = process.cpuUsage(c);
      cpu.push(d.user + d.system);
    }
  return { wall, cpu };
}

const show = (name: string, texts: string[], rounds: number) => {
  const { wall, cpu } = sample(texts, rounds);
  const mean = cpu.reduce((a, b) => a + b, 0) / cpu.length;
  const us = (x: number) => `${round(x, 0)} µs`;
  console.log(
    `understand, ${name} (${texts.length} texts × ${rounds}): wall p50 ${us(median(wall))}, p95 ${us(percentile(wall, 95))}, p99 ${us(percentile(wall, 99))}; CPU p50 ${us(median(cpu))}, p95 ${us(percentile(cpu, 95))}, mean ${us(mean)}`,
  );
};

console.log(
  `load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
console.log(`model load (built JSON): ${cachedMs.toFixed(1)} ms`);
show('dev', lines(dev), 40);
show('held-out', heldout, 20);
for (const f of extra) show(f, lines(f), 20);
show('all texts', all, 3);
// V8's optimising compiler works through the first few thousand calls (on a background thread whose
// time counts on two busy cores); a bot that has been answering a while runs the settled code
for (let i = 0; i < 30_000; i++) understand(heldout[i % heldout.length] as string);
show('held-out, after 30,000 more calls', heldout, 20);
const t1 = performance.now();
understand('被列入经营异常名录，'.repeat(1000));
console.log(`understand on a 10,000-char text: ${(performance.now() - t1).toFixed(2)} ms`);
