// Which county the registration is in and which county the shop trades in, when a message tells both
// (「执照在通城办的 但店子开在崇阳」): two different counties mean the business does not trade at its
// registered address; a move to the county the licence now names carried the registration along.
import { alt, factLexicon } from './fact-lexicon.ts';
import { lexicon } from './lexicon.ts';
import { clauses } from './normalize.ts';

export interface CountyPlaces {
  /** the county the registration is told in, without a doubt */
  registered?: string;
  /** the county the shop is told to trade in */
  shop?: string;
  /** the county the business is told to have moved to */
  movedTo?: string;
}

let patterns:
  | { registered: RegExp[]; shop: RegExp; movedTo: RegExp; county: Map<string, string> }
  | undefined;
function compiled() {
  if (patterns) return patterns;
  const counties = lexicon().places.counties;
  const county = new Map<string, string>();
  for (const [k, ws] of Object.entries(counties)) for (const w of ws) county.set(w, k);
  const words = [...county.keys()].sort((a, b) => b.length - a.length);
  const c = `(${alt(words)})`;
  const cs = factLexicon().countyStatement;
  patterns = {
    county,
    registered: [
      // 「执照在通城办的」「登记地址也在通城」「执照是崇阳的」
      new RegExp(`(?:执照|注册|登记)(?:地|地址)?(?:也|都|还|现在)?(?:是在|是|在)${c}`),
      // 「在通城登记的」「崇阳县注册」
      new RegExp(`${c}(?:县|市|区)?(?:这边|那边)?(?:注册|登记)`),
    ],
    // 「店子开在崇阳」「门面开到赤壁去了」
    shop: new RegExp(`(?:${alt(cs.businessNouns)})[^，,。;；]{0,3}?(?:${alt(cs.shopVerbs)})${c}`),
    movedTo: new RegExp(`(?:${alt(cs.moveVerbs)}|搬到)${c}`),
  };
  return patterns;
}

/** A clause told with a doubt (「执照应该是崇阳的吧」「…我也不确定」) names no county. */
function doubted(clause: string, next: string): boolean {
  const g = lexicon().grammar;
  const cs = factLexicon().countyStatement;
  return (
    g.hedges.some((w) => clause.includes(w)) ||
    g.tentativeEndings.words.some((w) => clause.endsWith(w)) ||
    cs.alternative.some((w) => clause.includes(w)) ||
    cs.unsureAfter.some((w) => next.slice(0, 8).includes(w))
  );
}

export function countyPlaces(s: string): CountyPlaces {
  const p = compiled();
  const out: CountyPlaces = {};
  const cls = clauses(s);
  cls.forEach((cl, i) => {
    const next = cls[i + 1]?.text ?? '';
    if (doubted(cl.text, next)) return;
    for (const re of p.registered) {
      const m = re.exec(cl.text);
      if (m?.[1]) out.registered ??= p.county.get(m[1]);
    }
    const shop = p.shop.exec(cl.text);
    if (shop?.[1]) out.shop ??= p.county.get(shop[1]);
    const moved = p.movedTo.exec(cl.text);
    if (moved?.[1]) out.movedTo = p.county.get(moved[1]);
  });
  return out;
}
