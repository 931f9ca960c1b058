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
    /** trade and safety nouns a voice message lists with one space after a negator */
    spokenListItems: string[];
    negators: string[];
    hedges: string[];
    /** a guess about when something under way will be done: its hedge stays in its own clause */
    forecasts: { words: string[] };
    /** 「不太清楚要怎么弄」: a hedge that asks how to proceed, no doubt about a fact */
    howUnknown: { leads: string[]; words: string[] };
    unremembered: { words: string[] };
    /** 「…吧」: a clause ending in a guess, so even 应该是 (also a correction marker) hedges it */
    tentativeEndings: { words: string[] };
    suppositions: string[];
    suppositionsAfter: string[];
    /** words holding a supposition's characters that suppose nothing (「主要是」 holds 要是) */
    suppositionLookalikes: string[];
    /** words holding a hedge's characters that are sure (「不可能」 holds 可能) */
    hedgeLookalikes: string[];
    questionCues: string[];
    /** what a speaker adds without meaning anything by it (normalize.ts withoutFillers) */
    fillers: {
      openers: string[];
      softeners: string[];
      keepAfter: string[];
      closingAfter: { particles: string[]; words: string[] };
      thanks: string[];
    };
    /** words that open a question after a statement told without punctuation (normalize.ts clauses) */
    clauseLeads: string[];
    /** 「什么的」「什么都」: a question word that lists or sweeps, asking nothing */
    nonQuestions: string[];
    /** 「没造成什么影响」: 什么 after a negator of having or causing means "any" */
    negatedIndefinite: { negators: string[]; verbs: string[]; whats: string[] };
    consequenceCues: string[];
    repairAsk: string[];
    correctionMarkers: string[];
    /** 「原因不是地址 是年报冇按时报」: a noun naming what both sides of 不是X是Y are about */
    correctionTopics: string[];
    done: string[];
    notDone: string[];
    draftRequest: string[];
    writtenSays: { words: string[] };
    whatNow: { words: string[] };
    deregisterInstead: { words: string[] };
    durationAsked: { spans: string[]; outcomes: string[] };
    genericHelp: string[];
    definitionCues: string[];
    termMeaning: { cues: string[]; alternatives: string[] };
    /** 「去年国庆前后」: a season or festival and the (last) month it is read as, with the words of time after it */
    seasonMonths: { tails: string[]; months: Record<string, string> };
    /** done or not-done verbs a terse message types as a piece of their own (「罚款 交了」) */
    terseFragments: string[];
    documentWords: string[];
    recentYearReport: string[];
    filingWords: string[];
    /** a year told in a correction with these dates that event, not the listing (「变更登记应该是2022年办的」) */
    correctionOtherEvents: string[];
    /** 「决定书上是四万五」: the paper a corrected value is read off */
    correctionPapers: string[];
    listingWords: string[];
    offTopicRequests: string[];
    repairWords: string[];
  };
  penalties: {
    penaltyWords: string[];
    /** 「怕被罚款」: a penalty feared, told before its word, is none on record */
    feared: string[];
    /** words straight before a bare revocation verb that put it ahead or in doubt (「要吊销许可证」) */
    revocationAhead: string[];
    penaltyKinds: Record<string, string[]>;
    /** 「罚的2万」: words the amount of a fine follows, besides the fine's own */
    fineAmountLeads: string[];
    /** 「罚款倒是冇罚」: what may follow a kind word in its clause to deny it */
    kindDeniedAfter: { topics: string[]; verbs: string[]; endings: string[] };
    /** the verb of a licence revoked (「药品经营许可证被吊销了」), read with a licence noun */
    licenceRevoked: string[];
    seriousList: string[];
    marketSupervision: string[];
    /** 「被市场监管局查了」: a bureau acting on the business, the issuer of a penalty told next */
    inspectedBy: string[];
    otherAuthorities: string[];
    /** 「…的处罚记录」: the record a penalty left, named after the bureau and its penalty */
    recordNouns: string[];
    /** 「还是别的部门」: the head of an authority's name, the other of two bureaus offered */
    authorityHeads: string[];
    /** terms of the rules (较低数额罚款): asked for their meaning, no penalty of one's own */
    ruleTerms: string[];
    mitigated: string[];
    aggravated: string[];
    keySectors: string[];
    /** advertising, price, trademark violations: a general penalty unless a key sector or trade is named */
    nonKeySectorViolations: string[];
    keySectorTrades: string[];
    publishedWords: string[];
    /** events of a case whose dates are not the publication or listing date */
    otherEventWords: string[];
    /** 「去年5月20号被罚了」: verbs of being penalised, the date before them the decision's */
    decidedVerbs: string[];
    restrictionEnded: string[];
    /** 「还冇复产」「还冇让复工」: resuming denied, the restriction still running */
    resumed: string[];
    allowedBy: string[];
    restrictionPeriod: string[];
    periodOver: string[];
    /** 「要到明年7月才满」: the restriction's end still to come */
    periodNotYet: string[];
    restrictionRunning: string[];
    /** what a 暂扣 takes away for a time (「许可证还冇还给我」) */
    seizedItems: string[];
    paymentVerbs: string[];
    /** 「还差一万冇交」: what remains of a fine, the sum after it owed, not the fine */
    remainder: string[];
    paid: string[];
    unpaid: string[];
    rectified: string[];
    /** the state a violation broke (明码标价): stated, it is put right; denied, it is the violation */
    lawfulStates: string[];
    /** 无照经营: operating without the licence or permit, the violation that obtaining it corrects */
    unlicensed: string[];
    /** 「执照也办下来了」: the licence obtained (after a licence noun, seizedItems) */
    licenceObtained: string[];
    /** 「现在合法生产了」: lawful states that tell the violation put right only with a word of now */
    lawfulNow: string[];
    /** 「收费牌也按标准改了」: a thing redone, told by an adverb, a verb of redoing and its completion */
    redone: {
      leads: string[];
      verbs: string[];
      endings: string[];
      publicPlaces: string[];
      paperwork: string[];
      otherRegistrations: string[];
    };
    notRectified: string[];
    repeatSame: string[];
    /** 「又因为…被罚了一次」: penalised again, the cause told in between */
    againFor: string[];
    noRepeat: string[];
    heavierLater: string[];
    measureRunning: string[];
    measureEnded: string[];
    listedVerbs: string[];
    /** 「在…名单上」: on the list */
    onListBefore: string[];
    onListAfter: string[];
    /** 「我主要是想把经营异常名录这个修复掉」: the listing named as what is to be repaired, beside a penalty */
    abnormalListNouns: string[];
    abnormalWanted: string[];
    seriousOwnCues: string[];
    seriousCheckCues: string[];
  };
  places: { counties: Record<string, string[]>; placeSuffixes: string[] };
  industries: { clause: string; safetyRelated: string[] };
  agents: { helpers: string[]; principals: string[]; actions: string[]; roles: string[] };
  /** terms: jieba's user dictionary; soundAlikes: words written back from same-sound characters */
  dictionary: { terms: string[]; soundAlikes: string[] };
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
    /** 「还冇去查」: not having gone to look, anywhere in an answer (a regular expression's source) */
    notLookedAt: string;
    leadingNo: string[];
    leadingYes: string[];
    /** 「会计」「有限公司」「对方」: words that begin with a yes word and are no yes */
    notYes: string[];
    /** 「能」「可以」: leading yes words of what is possible, no yes to whether a task is done */
    modalYes: string[];
    /** what follows a yes word to tell a plan (regular expressions' sources) */
    plannedAfterYes: string[];
    /** facts whose question asks whether a step is done */
    doneQuestions: string[];
    /** the steps after this one (applying, the removal): planned, they take no yes back */
    nextStepWords: string[];
    /** 「是这样的 …」: a story's opening words, no yes when more follows */
    storyOpeners: string[];
    pureNo: string[];
    pureNoParticles: string[];
    pureYes: string[];
    negatedAnywhere: string[];
    completedAnywhere: string[];
    clauseTurns: string[];
    /** 「那次冇问题」: a clause pointing back at the occasion the clause before told */
    occasionBack: string[];
    /** a clause that asks, supposes or speaks of later: it states nothing done */
    unstatedClauses: string[];
    elsewhere: string[];
    correctionLead: string[];
    correctionParticles: string[];
    correctionThen: string[];
    reportWords: string[];
    decisionDates: string[];
    zeroCount: string[];
    inverted: string[];
    /** facts that set the scene (who, which record) and do not make a clause about another question */
    sceneFacts: string[];
    /** per fact: other facts whose statement in a clause also speaks of it */
    kin: Record<string, string[] | string>;
    /** questions about a state or event: a completed action in the reply is no "yes" */
    /** state questions, and the task verbs that are no yes to them */
    stateFacts: { facts: string[]; taskYes: string[] };
    task: AnswerCue[];
    cues: Record<string, AnswerCue[]>;
    /** facts whose volunteered wordings make a clause about them (answer.ts wordedFacts) */
    wordedAbout: string[];
    /** per fact: strict wordings that answer its question before it is asked, and the case it is asked in */
    volunteered: Record<
      string,
      { when: Record<string, string>; yes?: string[]; no?: string[]; veto?: string[] }
    >;
  };
  /** per enum fact and value: words in a free answer that name it (cues), names typed for it in a draft */
  choices: Record<string, Record<string, { cues?: string[]; names?: string[]; cleared?: string[] }>>;
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
 * A trie compiled into flat arrays for scanning: the root's children by UTF-16 unit in one table,
 * every other node's children as a short run of (unit, node) pairs. Walking it costs array reads
 * only (a Map lookup per character was most of the cost of a scan); node 0 is the root.
 */
interface FlatTrie {
  /** the root's child for each unit, 0 when no word starts with it */
  head: Int32Array;
  /** node n's children are the units codes[first[n]] … codes[first[n + 1] - 1], leading to kids[…] */
  first: Int32Array;
  codes: Uint16Array;
  kids: Int32Array;
  /** the class numbers of the words ending at each node */
  ends: (readonly number[] | undefined)[];
}

function flatten(root: Trie, classNumber: Map<string, number>): FlatTrie {
  const nodes: Trie[] = [root];
  for (let n = 0; n < nodes.length; n++)
    for (const child of (nodes[n] as Trie).next.values()) nodes.push(child);
  const id = new Map<Trie, number>(nodes.map((node, n) => [node, n]));
  const head = new Int32Array(0x10000);
  for (const [unit, child] of root.next) head[unit] = id.get(child) as number;
  const first = new Int32Array(nodes.length + 1);
  const codes: number[] = [];
  const kids: number[] = [];
  const ends: (readonly number[] | undefined)[] = [];
  nodes.forEach((node, n) => {
    first[n] = codes.length;
    if (n > 0)
      for (const [unit, child] of node.next) {
        codes.push(unit);
        kids.push(id.get(child) as number);
      }
    ends.push(node.ends?.map((name) => classNumber.get(name) as number));
  });
  first[nodes.length] = codes.length;
  return { head, first, codes: Uint16Array.from(codes), kids: Int32Array.from(kids), ends };
}

/**
 * Which of numbered word lists occur in a text, found in one pass over it: from each position the
 * trie is walked as far as the text follows a word (so overlapping words are all found). Returns,
 * per list, 1 when one of its words occurs (a list holding the empty word always does).
 */
export function listMarker(lists: readonly (readonly string[])[]): (s: string) => Uint8Array {
  const classes: Record<string, readonly string[]> = {};
  const classNumber = new Map<string, number>();
  lists.forEach((words, i) => {
    classes[i] = words;
    classNumber.set(String(i), i);
  });
  const [root, alwaysNames] = trieOf(classes);
  const always = alwaysNames.map(Number);
  const { head, first, codes, kids, ends } = flatten(root, classNumber);
  const n = lists.length;
  return (s) => {
    const marks = new Uint8Array(n);
    for (const i of always) marks[i] = 1;
    const len = s.length;
    for (let i = 0; i < len; i++) {
      let node = head[s.charCodeAt(i)] as number;
      for (let j = i + 1; node !== 0; j++) {
        const e = ends[node];
        if (e !== undefined) for (const c of e) marks[c] = 1;
        if (j >= len) break;
        const unit = s.charCodeAt(j);
        const end = first[node + 1] as number;
        let next = 0;
        for (let k = first[node] as number; k < end; k++)
          if (codes[k] === unit) {
            next = kids[k] as number;
            break;
          }
        node = next;
      }
    }
    return marks;
  };
}

/** Which named word classes occur in a text, found in one pass over it (listMarker). */
export function wordClasses(classes: Record<string, readonly string[]>): (s: string) => Set<string> {
  const names = Object.keys(classes);
  const mark = listMarker(names.map((name) => classes[name] as readonly string[]));
  return (s) => {
    const marks = mark(s);
    const found = new Set<string>();
    for (let i = 0; i < names.length; i++) if (marks[i]) found.add(names[i] as string);
    return found;
  };
}

/**
 * The text with every occurrence of the words blanked out, keeping its length (positions stay valid):
 * for words that hold a cue's characters without being the cue (「主要是」 holds 要是, 「不可能」 holds 可能).
 */
export function blankOut(s: string, words: readonly string[]): string {
  let out = s;
  // most texts hold none of the words: a look first spares a split and join per word
  for (const w of words) if (out.includes(w)) out = out.split(w).join(' '.repeat(w.length));
  return out;
}

let indefiniteRe: RegExp | undefined;
/**
 * The text without the question words that ask nothing (grammar.json nonQuestions, negatedIndefinite):
 * 「跟安全什么的不沾边」 lists, 「没造成什么影响」 denies any; the length is kept, so positions stay valid.
 */
export function withoutNonQuestions(s: string): string {
  const g = lexicon().grammar;
  const n = g.negatedIndefinite;
  const esc = (ws: string[]) => ws.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  // (「有没有什么」 is an A-not-A question: a 有 right before the negator keeps it one)
  // (「从来没有过什么违规」: the 过 of experience may follow the negator or its verb)
  indefiniteRe ??= new RegExp(`(?<!有)(?:${esc(n.negators)})(?:${esc(n.verbs)})?过?(?:${esc(n.whats)})`, 'g');
  return blankOut(s, g.nonQuestions).replace(indefiniteRe, (m) => ' '.repeat(m.length));
}

/** The text without the words that hold a hedge's characters but are sure (grammar.json hedgeLookalikes). */
export const withoutSureWords = (s: string): string => blankOut(s, lexicon().grammar.hedgeLookalikes);

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
