// Token arrays for the intent classifier: natural learns nothing from a raw Chinese string, so
// the text becomes character unigrams and bigrams plus keyword-group (K:) and fact (F:) tokens.
import { loadKeywords } from '../../knowledge/nlu/load.ts';
import type { Facts } from '../../rules/types.ts';

// particles carry no topic; as unigrams they only add noise (they stay inside bigrams)
const STOP = new Set([...'的了吗呢啊吧呀嘛哦么哈是我你们这那个一就也都还在有']);
const WORD = /[\u3400-\u9fff]|[a-z]+|\d+/g;

const STRONG_WEIGHT = 2;

let groups: [string, string[]][] | undefined;

export function features(s: string, facts: Facts, signals: string[] = []): string[] {
  groups ??= Object.entries(loadKeywords().groups);
  const units = (s.match(WORD) ?? []).map((u) => (/^\d/.test(u) ? '#' : u));
  const out = new Set<string>();
  for (let i = 0; i < units.length; i++) {
    const u = units[i] as string;
    if (!STOP.has(u)) out.add(u);
    const next = units[i + 1];
    if (next !== undefined) out.add(u + next);
  }
  // Natural's Bayes sees presence only, so a keyword or fact is given weight by repeating it under
  // numbered names; otherwise the dozens of character tokens of a long sentence drown it.
  const strong = (token: string) => {
    for (let k = 0; k < STRONG_WEIGHT; k++) out.add(`${token}#${k}`);
  };
  let social = false;
  for (const [name, words] of groups) {
    if (!words.some((w) => s.includes(w))) continue;
    strong(`K:${name}`);
    if (name === 'greet' || name === 'human') social = true;
  }
  if (!social && !loadKeywords().domainWords.some((w) => s.includes(w))) strong('K:nodomain');
  for (const [name, value] of Object.entries(facts)) {
    strong(`F:${name}`);
    if (typeof value === 'boolean') strong(`F:${name}=${value}`);
  }
  for (const sig of signals) strong(sig);
  const len = units.length;
  out.add(len <= 2 ? 'L:tiny' : len <= 6 ? 'L:short' : len <= 20 ? 'L:mid' : 'L:long');
  if (/[?？吗么]$|怎么|如何|什么|哪|多少|几/.test(s)) out.add('Q:question');
  return [...out];
}
