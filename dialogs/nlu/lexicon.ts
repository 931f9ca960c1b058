// The one lexicon (knowledge/lexicon/*.json): word classes the fact rules, the scope machinery,
// answer reading and the intent features share. Loaded once at start; no word list lives in code.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const LEXICON_DIR = fileURLToPath(new URL('../../knowledge/lexicon/', import.meta.url));
export const LEXICON_FILES = [
  'grammar.json',
  'penalties.json',
  'places.json',
  'industries.json',
  'agents.json',
  'dictionary.json',
] as const;

export interface Lexicon {
  grammar: {
    negators: string[];
    hedges: string[];
    suppositions: string[];
    questionCues: string[];
    consequenceCues: string[];
    repairAsk: string[];
    correctionMarkers: string[];
    done: string[];
    notDone: string[];
    draftRequest: string[];
    genericHelp: string[];
    definitionCues: string[];
    documentWords: string[];
    recentYearReport: string[];
    filingWords: string[];
    listingWords: string[];
    offTopicRequests: string[];
  };
  penalties: {
    penaltyWords: string[];
    penaltyKinds: Record<string, string[]>;
    seriousList: string[];
    marketSupervision: string[];
    otherAuthorities: string[];
    mitigated: string[];
    aggravated: string[];
    keySectors: string[];
    publishedWords: string[];
    restrictionEnded: string[];
    restrictionRunning: string[];
    paid: string[];
    unpaid: string[];
    rectified: string[];
    notRectified: string[];
    repeatSame: string[];
    noRepeat: string[];
    heavierLater: string[];
    measureRunning: string[];
    measureEnded: string[];
    listedVerbs: string[];
  };
  places: { counties: Record<string, string[]>; placeSuffixes: string[] };
  industries: { clause: string; safetyRelated: string[] };
  agents: { helpers: string[]; principals: string[]; actions: string[]; roles: string[] };
  dictionary: { terms: string[] };
}

const read = (file: string): unknown => {
  try {
    return JSON.parse(readFileSync(join(LEXICON_DIR, file), 'utf8'));
  } catch (err) {
    throw new Error(`knowledge/lexicon/${file}: ${(err as Error).message}; fix the JSON or restore the file`);
  }
};

let cached: Lexicon | undefined;
export function lexicon(): Lexicon {
  cached ??= {
    grammar: read('grammar.json'),
    penalties: read('penalties.json'),
    places: read('places.json'),
    industries: read('industries.json'),
    agents: read('agents.json'),
    dictionary: read('dictionary.json'),
  } as Lexicon;
  return cached;
}

export const hasAny = (s: string, words: readonly string[]) => words.some((w) => s.includes(w));
