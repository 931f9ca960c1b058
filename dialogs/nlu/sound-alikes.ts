// Voice input writes a word of the matter with other characters of the same sound (「从清处罚」,
// 「整该还冇搞完」, 「处发」): the recogniser heard the word right and picked the wrong characters.
// Which words are written back is data (knowledge/lexicon/dictionary.json soundAlikes); their sounds
// come from a pinyin library, so no table of look-alike characters is kept by hand.
import { pinyin } from 'pinyin-pro';
import { loadKeywords } from '../../knowledge/nlu/load.ts';
import { lexicon } from './lexicon.ts';
import { segments } from './tokens.ts';

interface Word {
  word: string;
  /** the toneless syllable of each character */
  sounds: string[];
}

/** Every toneless reading of one character (a character with several readings matches any of them). */
const readingCache = new Map<string, readonly string[]>();
function readings(c: string): readonly string[] {
  let r = readingCache.get(c);
  if (!r) {
    r = c >= '\u3400' && c <= '\u9fff' ? pinyin(c, { toneType: 'none', multiple: true, type: 'array' }) : [];
    if (readingCache.size < 20_000) readingCache.set(c, r);
  }
  return r;
}

let byFirstSound: Map<string, Word[]> | undefined;
/** The words to restore, filed under the sound of their first character. */
function words(): Map<string, Word[]> {
  if (!byFirstSound) {
    byFirstSound = new Map();
    for (const word of lexicon().dictionary.soundAlikes) {
      // the word's own reading in context (「处罚」 chǔ fá, not chù)
      const sounds = pinyin(word, { toneType: 'none', type: 'array' });
      const first = sounds[0] as string;
      byFirstSound.set(first, [...(byFirstSound.get(first) ?? []), { word, sounds }]);
    }
  }
  return byFirstSound;
}

/** A run of characters sounding as the word, written otherwise. */
function soundsAs(s: string, at: number, w: Word): boolean {
  if (at + w.word.length > s.length || s.startsWith(w.word, at)) return false;
  return w.sounds.every((sound, k) => readings(s[at + k] as string).includes(sound));
}

/**
 * Whether the characters at [at, end) are no word of their own in the dictionary's segmentation: each
 * stands alone, or is glued only to a particle outside the run (「是从 · 清」: 是 carries no topic).
 * 「出发」 is a word; in 「成功 · 是」 功 belongs to 成功.
 */
let particles: Set<string> | undefined;
function loose(cut: readonly string[], at: number, end: number): boolean {
  particles ??= new Set(loadKeywords().particles);
  let pos = 0;
  for (const t of cut) {
    const from = pos;
    pos += t.length;
    if (pos <= at || from >= end || t.length === 1) continue;
    if (from >= at && pos <= end) return false;
    const outside = `${t.slice(0, Math.max(0, at - from))}${t.slice(t.length - Math.max(0, pos - end))}`;
    if (!particles.has(outside)) return false;
  }
  return true;
}

/**
 * Each run of characters that sounds as one of the words (tones aside) and is no word of its own there
 * is written as the word: 「从清处罚」 → 从轻处罚, 「整该」 → 整改.
 */
export function restoreSoundAlikes(s: string): string {
  const index = words();
  const found: { at: number; word: string }[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    if (c < '\u3400' || c > '\u9fff') continue;
    for (const sound of readings(c)) {
      const w = index.get(sound)?.find((x) => soundsAs(s, i, x));
      if (w) {
        found.push({ at: i, word: w.word });
        i += w.word.length - 1;
        break;
      }
    }
  }
  if (!found.length) return s;
  // BMP text: one UTF-16 unit a character, so positions in the cut are positions in s
  const cut = segments(s);
  let out = '';
  let copied = 0;
  for (const { at, word } of found) {
    if (!loose(cut, at, at + word.length)) continue;
    out += s.slice(copied, at) + word;
    copied = at + word.length;
  }
  return copied ? out + s.slice(copied) : s;
}
