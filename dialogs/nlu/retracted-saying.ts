// What the writer said before, quoted and taken back: 「刚才说冇违法是说错了」. Read as a statement,
// the quoted 「冇违法」 is a "no" to other violations, and as it comes with a correction marker it even
// replaces what was stored — the very opposite of what the writer means: a violation forgotten and
// remembered late. The quoted words state nothing now; a yes or no among them is told the other way
// round. The words are facts.json retractedSaying.
import { FACT_KINDS, type FactName, type Facts } from '../../rules/types.ts';
import { alt, factLexicon } from './fact-lexicon.ts';

let sayingRe: RegExp | undefined;

/** 「刚才说」 + the quoted words + 「(那个)(是)说错了」; the quoted words are group 1. */
function saying(): RegExp {
  const w = factLexicon().retractedSaying;
  sayingRe ??= new RegExp(
    `${alt(w.before)}我?${alt(w.says)}((?!错)[^，,。；;!！?？\\s]{1,16}?)[\\s，,]*${alt(w.pointers)}?(?:是|也)?我?${alt(w.closings)}`,
    'g',
  );
  return sayingRe;
}

/**
 * The quoted words of a taken-back saying when they tell only yes-or-no facts. A quote that tells a
 * value (「刚才说22年被列异常是我说错了 应该是20年」) takes back that value, which the words after
 * it correct: the listing it also tells stands, so such a saying is read as any correction is.
 */
function yesNoSayings(
  s: string,
  read: (text: string) => Facts,
): { whole: string; quoted: string; facts: Facts }[] {
  const out: { whole: string; quoted: string; facts: Facts }[] = [];
  for (const m of s.matchAll(saying())) {
    const quoted = m[1];
    if (!quoted) continue;
    const facts = read(quoted);
    const kinds = Object.keys(facts).map((f) => FACT_KINDS[f as FactName]?.kind);
    if (kinds.length && kinds.every((k) => k === 'boolean')) out.push({ whole: m[0], quoted, facts });
  }
  return out;
}

let actuallyRe: RegExp | undefined;

/** 「之前讲」 + the quoted words + 「其实」 + what is so instead; the quoted words are group 1, the rest 2. */
function actually(): RegExp {
  const w = factLexicon().retractedSaying;
  actuallyRe ??= new RegExp(
    `${alt(w.earlier)}我?${alt(w.says)}((?!错)[^，,。；;!！?？\\s]{1,16}?)[\\s，,]+${alt(w.actually)}([^，,。；;!！?？\\s]{1,30})`,
    'g',
  );
  return actuallyRe;
}

const BARE_NO = /^(?:还|也|都|根本|压根)?(?:没有?|冇|未|不)/;

/**
 * 「之前讲地址变更办了 其实冇办」「我原来讲冇纠纷 其实这个事已经跟别人起了纠纷」: each fact the quoted words
 * told, as the words after 其实 tell it — stated there, or a yes or no said the other way round by a
 * bare negator (「其实冇办」); `undefined` where they tell nothing of it (then it is not known).
 */
function actuallySayings(
  s: string,
  read: (text: string) => Facts,
): { whole: string; quoted: string; now: Record<string, unknown> }[] {
  const out: { whole: string; quoted: string; now: Record<string, unknown> }[] = [];
  for (const m of s.matchAll(actually())) {
    const [whole, quoted, rest] = m;
    if (!quoted || !rest) continue;
    const was = read(quoted) as Record<string, unknown>;
    const is = read(rest) as Record<string, unknown>;
    const bareNo = Object.keys(is).length === 0 && BARE_NO.test(rest);
    const now: Record<string, unknown> = {};
    for (const [f, v] of Object.entries(was))
      now[f] = f in is ? is[f] : bareNo && typeof v === 'boolean' ? !v : undefined;
    if (Object.keys(now).length) out.push({ whole, quoted, now });
  }
  return out;
}

/** The text with each quoted, taken-back yes or no left out (its lead and marker stay: it still corrects). */
export function withoutRetractedSayings(s: string, read: (text: string) => Facts): string {
  let out = s;
  for (const { whole, quoted } of [...yesNoSayings(s, read), ...actuallySayings(s, read)])
    out = out.replace(whole, whole.replace(quoted, ' '));
  return out;
}

/** The facts a saying taken back with 其实 told and what follows leaves unknown (asked, never kept). */
export function retractedUntold(s: string, read: (text: string) => Facts): FactName[] {
  return actuallySayings(s, read).flatMap(({ now }) =>
    Object.keys(now).filter((f) => now[f] === undefined),
  ) as FactName[];
}

/**
 * retractedFacts: what the taken-back sayings now tell: each yes or no quoted, said the other way
 * round (「刚才说已经改了是说错了」: not corrected).
 */
export function retractedFacts(s: string, read: (text: string) => Facts): Facts {
  const out: Record<string, unknown> = {};
  for (const { facts } of yesNoSayings(s, read))
    for (const [f, v] of Object.entries(facts)) if (typeof v === 'boolean') out[f] = !v;
  for (const { now } of actuallySayings(s, read))
    for (const [f, v] of Object.entries(now)) if (v !== undefined) out[f] = v;
  return out as Facts;
}

/**
 * 「前面讲第一次是错的」「之前讲办了 其实冇办」: the message takes back something the writer said before,
 * whatever the quoted words state alone — so what it states now corrects the case, as after 说错了.
 */
export function takesBackSaying(s: string): boolean {
  return [saying(), actually()].some((re) => {
    re.lastIndex = 0;
    const found = re.test(s);
    re.lastIndex = 0;
    return found;
  });
}
