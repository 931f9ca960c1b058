import { readFileSync } from 'node:fs';
import { understand } from '../dialogs/nlu/index.ts';

const file = process.argv[2] as string;
const now = new Date('2026-12-02T12:00:00Z');
let n = 0,
  ok = 0,
  tp = 0,
  pred = 0,
  exp = 0;
const bad: string[] = [];
for (const line of readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
  const l = JSON.parse(line);
  const u = understand(l.text, { now });
  n++;
  const intents = Array.isArray(l.intent) ? l.intent : [l.intent];
  if (intents.includes(u.intent)) ok++;
  const got = u.facts as Record<string, unknown>;
  pred += Object.keys(got).length;
  exp += Object.keys(l.facts).length;
  const errs: string[] = [];
  for (const [k, v] of Object.entries(got))
    if (l.facts[k] === v) tp++;
    else errs.push(`+${k}=${v}`);
  for (const [k, v] of Object.entries(l.facts)) if (got[k] !== v) errs.push(`-${k}=${v}`);
  if (errs.length || !intents.includes(u.intent))
    bad.push(`${l.id} ${l.text} · ${u.intent}≠${intents} · ${errs.join(' ')}`);
}
console.log(bad.join('\n'));
console.log(
  JSON.stringify({ n, intentAccuracy: ok / n, factPrecision: pred ? tp / pred : 1, factRecall: tp / exp }),
);
