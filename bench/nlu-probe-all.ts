// Intent and fact figures over every probe set in one process (a quick check while tuning):
// node bin/run-ts.js bench/nlu-probe-all.ts
import { readFileSync } from 'node:fs';
import { understand } from '../dialogs/nlu/index.ts';

const files = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'blind'].map((f) => `knowledge/nlu/probe-${f}.jsonl`);
files.push('knowledge/nlu/heldout.jsonl', 'test/fixtures/eval-dev/utterances.jsonl');
const now = new Date();
for (const file of files) {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    continue;
  }
  let n = 0;
  let ok = 0;
  let tp = 0;
  let pred = 0;
  let exp = 0;
  for (const line of text.split('\n').filter(Boolean)) {
    const l = JSON.parse(line) as { text: string; intent: string | string[]; facts: Record<string, unknown> };
    const u = understand(l.text, { now });
    n++;
    if ((Array.isArray(l.intent) ? l.intent : [l.intent]).includes(u.intent)) ok++;
    const got = u.facts as Record<string, unknown>;
    pred += Object.keys(got).length;
    exp += Object.keys(l.facts).length;
    for (const [k, v] of Object.entries(got)) if (l.facts[k] === v) tp++;
  }
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  console.log(
    `${file.padEnd(42)} n=${n} intent ${pct(ok / n)} precision ${pct(pred ? tp / pred : 1)} recall ${pct(exp ? tp / exp : 1)}`,
  );
}
