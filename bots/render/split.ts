// Platforms cap one message (Telegram 4096, Discord 2000 characters); long answers are cut where a
// reader expects a break: between paragraphs, else between lines, else after a sentence end.

// Preferred break points, coarse to fine. Lengths are UTF-16 code units, which is never less than what
// either platform counts, so a part that fits here fits there.
const BREAKS: RegExp[] = [/\n\s*\n/g, /\n/g, /[。！？；.!?;]\s*/g, /[，、,\s]/g];

export function splitText(text: string, max: number): string[] {
  if (max < 2) throw new RangeError('splitText: max must be at least 2');
  const parts: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const cut = findCut(rest, max);
    const head = rest.slice(0, cut).trimEnd();
    if (head) parts.push(head);
    rest = rest.slice(cut).trimStart();
  }
  if (rest || parts.length === 0) parts.push(rest);
  return parts;
}

function findCut(text: string, max: number): number {
  const window = text.slice(0, max + 1);
  for (const re of BREAKS) {
    let best = -1;
    re.lastIndex = 0;
    for (let m = re.exec(window); m; m = re.exec(window)) {
      const end = m.index + m[0].length;
      // A break in the first fifth would leave a silly short message; try a finer break instead.
      if (end <= max && m.index >= max / 5) best = re === BREAKS[0] || re === BREAKS[1] ? m.index : end;
      if (m[0].length === 0) re.lastIndex++;
    }
    if (best > 0) return best;
  }
  // No natural break: cut hard, but never between the two halves of a surrogate pair.
  const code = text.charCodeAt(max - 1);
  return code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
}
