// Every match of a global regular expression, as `s.matchAll(re)` gives them, without its cost:
// matchAll builds a new RegExp object for each call (its species constructor), which took about 2 µs
// per call here, several times the matching itself, on every rule of every message.

/** The matches of a global `re` in `s` from `re.lastIndex`, in order; `re.lastIndex` is left as it was. */
export function matchesOf(re: RegExp, s: string): RegExpExecArray[] {
  if (!re.global)
    throw new TypeError(`matchesOf needs a global regular expression: /${re.source}/${re.flags}`);
  const start = re.lastIndex;
  const out: RegExpExecArray[] = [];
  for (let m = re.exec(s); m !== null; m = re.exec(s)) {
    out.push(m);
    // an empty match moves on by one character (by code point under the u and v flags), as matchAll does
    if (m[0] === '') re.lastIndex = advance(s, re.lastIndex, re.unicode || re.flags.includes('v'));
  }
  re.lastIndex = start;
  return out;
}

function advance(s: string, i: number, unicode: boolean): number {
  if (!unicode || i + 1 >= s.length) return i + 1;
  const c = s.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return i + 1;
  const d = s.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff ? i + 2 : i + 1;
}
