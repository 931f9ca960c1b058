// The one lexicon (knowledge/lexicon/*.json): word classes the fact rules, the scope machinery,
// answer reading and the intent features share. Loaded once at start; no word list lives in code.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const LEXICON_DIR = fileURLToPath(new URL('../../knowledge/lexicon/', import.meta.url));

/** One cue of answers.json: words that read as yes, as no, or the shared task cues. */
export type AnswerCue = { yes: string[] } | { no: string[] } | { use: 'task' };

export interface Lexicon {
  grammar: {
    negators: string[];
    hedges: string[];
    /** a guess about when something under way will be done: its hedge stays in its own clause */
    forecasts: { words: string[] };
    /** 「…吧」: a clause ending in a guess, so even 应该是 (also a correction marker) hedges it */
    tentativeEndings: { words: string[] };
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
    repairWords: string[];
  };
  penalties: {
    penaltyWords: string[];
    penaltyKinds: Record<string, string[]>;
    /** the verb of a licence revoked (「药品经营许可证被吊销了」), read with a licence noun */
    licenceRevoked: string[];
    seriousList: string[];
    marketSupervision: string[];
    otherAuthorities: string[];
    mitigated: string[];
    aggravated: string[];
    keySectors: string[];
    /** advertising, price, trademark violations: a general penalty unless a key sector or trade is named */
    nonKeySectorViolations: string[];
    keySectorTrades: string[];
    publishedWords: string[];
    /** events of a case whose dates are not the publication or listing date */
    otherEventWords: string[];
    restrictionEnded: string[];
    restrictionRunning: string[];
    paymentVerbs: string[];
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
  /** how an answer to one question is read (answer.ts); each list holds regex alternatives */
  answers: {
    fillers: string[];
    /** 「行」「好的」「对」: yes without saying what; after a result they meet no condition */
    bareAffirmations: string[];
    /** 「我晚点问她」: the user will find out later */
    askLater: string[];
    /** 「好的」「知道了」: a reply that only acknowledges answers no yes/no question */
    acknowledgements: string[];
    unknownSubject: string[];
    unknownAdverb: string[];
    unknown: string[];
    leadingNo: string[];
    leadingYes: string[];
    pureNo: string[];
    pureNoParticles: string[];
    pureYes: string[];
    negatedAnywhere: string[];
    completedAnywhere: string[];
    clauseTurns: string[];
    /** a clause that asks, supposes or speaks of later: it states nothing done */
    unstatedClauses: string[];
    correctionLead: string[];
    correctionParticles: string[];
    correctionThen: string[];
    reportWords: string[];
    zeroCount: string[];
    inverted: string[];
    /** facts that set the scene (who, which record) and do not make a clause about another question */
    sceneFacts: string[];
    /** per fact: other facts whose statement in a clause also speaks of it */
    kin: Record<string, string[] | string>;
    /** questions about a state or event: a completed action in the reply is no "yes" */
    stateFacts: { facts: string[] };
    task: AnswerCue[];
    cues: Record<string, AnswerCue[]>;
  };
  /** per enum fact and value: words in a free answer that name it (cues), names typed for it in a draft */
  choices: Record<string, Record<string, { cues?: string[]; names?: string[] }>>;
}

const read = (file: string): unknown => {
  try {
    return JSON.parse(readFileSync(join(LEXICON_DIR, file), 'utf8'));
  } catch (err) {
    throw new Error(`knowledge/lexicon/${file}: ${(err as Error).message}; fix the JSON or restore the file`);
  }
};

const withoutComment = (data: unknown): unknown => {
  const { _comment, ...rest } = data as Record<string, unknown>;
  return rest;
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
    answers: read('answers.json'),
    choices: withoutComment(read('choices.json')),
  } as Lexicon;
  return cached;
}

/** A trie over UTF-16 code units: each node maps the next unit on, and names the words ending there. */
export interface Trie {
  next: Map<number, Trie>;
  /** the classes of the words that end at this node */
  ends?: string[];
}

/** A trie of the classes' words, and the classes holding the empty word (found in any text). */
export function trieOf(classes: Record<string, readonly string[]>): [Trie, string[]] {
  const root: Trie = { next: new Map() };
  const always: string[] = [];
  for (const [name, words] of Object.entries(classes))
    for (const w of words) {
      if (!w) {
        always.push(name);
        continue;
      }
      let node = root;
      for (let i = 0; i < w.length; i++) {
        const c = w.charCodeAt(i);
        let child = node.next.get(c);
        if (!child) {
          child = { next: new Map() };
          node.next.set(c, child);
        }
        node = child;
      }
      node.ends ??= [];
      if (!node.ends.includes(name)) node.ends.push(name);
    }
  return [root, always];
}

/**
 * Which named word classes occur in a text, found in one pass over the text: from each position
 * the trie is walked as far as the text follows a word, so a message is not searched once per word
 * of a long list.
 */
export function wordClasses(classes: Record<string, readonly string[]>): (s: string) => Set<string> {
  const [root, always] = trieOf(classes);
  return (s) => {
    const found = new Set(always);
    for (let i = 0; i < s.length; i++) {
      let node = root.next.get(s.charCodeAt(i));
      for (let j = i + 1; node; j++) {
        if (node.ends) for (const name of node.ends) found.add(name);
        if (j >= s.length) break;
        node = node.next.get(s.charCodeAt(j));
      }
    }
    return found;
  };
}

const lists = new WeakMap<readonly string[], Trie | true>();
/** Whether any word of a list occurs in the text; a long lexicon list is indexed on first use. */
export function hasAny(s: string, words: readonly string[]): boolean {
  if (words.length < 12) return words.some((w) => s.includes(w));
  let root = lists.get(words);
  if (!root) {
    const [trie, always] = trieOf({ any: words });
    root = always.length ? true : trie;
    lists.set(words, root);
  }
  if (root === true) return true;
  for (let i = 0; i < s.length; i++) {
    let node = root.next.get(s.charCodeAt(i));
    for (let j = i + 1; node; j++) {
      if (node.ends) return true;
      if (j >= s.length) break;
      node = node.next.get(s.charCodeAt(j));
    }
  }
  return false;
}

const PATTERN = /[\\()[\]?*+.|{}^$]/;
const patternLists = new WeakMap<readonly string[], { words: string[]; patterns: RegExp[] }>();
/**
 * Whether any alternative of a lexicon list matches: plain words are looked up like hasAny, the few
 * regular-expression fragments are tried one by one (so no list becomes one long expression).
 */
export function matchesAny(s: string, alternatives: readonly string[]): boolean {
  let split = patternLists.get(alternatives);
  if (!split) {
    split = {
      words: alternatives.filter((a) => !PATTERN.test(a)),
      patterns: alternatives.filter((a) => PATTERN.test(a)).map((a) => new RegExp(a)),
    };
    patternLists.set(alternatives, split);
  }
  return hasAny(s, split.words) || split.patterns.some((re) => re.test(s));
}
