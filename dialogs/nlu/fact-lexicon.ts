// The fact rules' word classes (knowledge/lexicon/facts.json), loaded once, and the one helper that
// turns a class into a pattern piece, so the rules carry structure and the words live in knowledge/.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface Words {
  words: string[];
}

export interface FactLexicon {
  negatedRelative: {
    negators: string[];
    verbs: string[];
    between: string[];
    nouns: string[];
    as: string;
  };
  listingVerbs: Words & { thenWords: string[]; passive: string[] };
  reportYearListing: { reportNouns: string[]; unfiled: string[] };
  falseInfo: { words: string[]; fillVerbs: string[]; fillLinks: string[]; fake: string[] };
  errorCues: {
    words: string[];
    otherPerson: { fills: string[]; parties: string[] };
    deadNumber: string[];
    publishedPlaces: string[];
    statedVsActual: { stated: string[]; actual: string[] };
    notTheRealOne: { fills: string[]; real: string[] };
  };
  oneYearReport: { oneYear: string[]; allYears: string[] };
  reportOfUnknownYear: { which: string[]; unknown: string[] };
  mistakenBelief: { leads: string[]; reveals: string[]; explained: string[] };
  retractedSaying: {
    before: string[];
    says: string[];
    pointers: string[];
    closings: string[];
    actually: string[];
    earlier: string[];
  };
  settledGuess: { guesses: string[]; sure: string[]; checks: string[] };
  storyYear: { frames: string[]; anaphors: string[]; later: string[] };
  reportUnfiled: {
    negators: string[];
    timely: string[];
    verbs: string[];
    nouns: string[];
    adverbs: string[];
    after: string[];
  };
  reportYearMarkers: Words;
  errorFields: Record<'party_building_info' | 'website_or_shop' | 'contact_info' | 'other', string[]> & {
    acrossClauses: Record<string, string[]>;
  };
  negationScope: { existence: string[]; bridges: string[]; determiners: string[]; fillers: string[] };
  amountCounters: Words;
  penaltyFollowUps: { paid: string[]; unpaid: string[]; fineNouns: string[] };
  roleAsModifier: Words;
  counterparties: Words;
  setAside: { cues: string[]; others: string[] };
  secondListing: { also: string[]; count: string[] };
  removedListing: {
    verbs: string[];
    doneBefore: string[];
    doneAfter: string[];
    notDone: string[];
    askedAfter: string[];
    notAfter: string[];
    current: string[];
    listingWords: string[];
    causeWords: string[];
    earlier: string[];
  };
  typeChanged: { changeLeads: string[]; plannedBefore: string[] };
  pointedMention: Words;
  typeWavering: Words;
  comparedKind: { leads: string[]; after: string[] };
  anotherBusiness: Words & { leads: string[] };
  severalBusinesses: Words & { ours: string[] };
  otherBusinessBefore: Words;
  unreachableAfterMove: Words;
  onlyMissedYear: { missed: string[]; thatReport: string[] };
  speakerPhrases: Words & { roles: { leads: string[]; nouns: string[]; endings: string[] } };
  unlocatableWords: Words;
  correctedRightAway: Words & { reminderWords: string[] };
  firstTimeAlone: Words & { leads: string[]; spotCheck: string[]; conduct: string[] };
  fieldLookalikes: Words;
  addressee: Words;
  placeBefore: Words;
  personPlace: Words & { after: string[]; afterLookalikes: string[] };
  destinationBefore: Words;
  noticeWarning: Words;
  formerPlace: { leads: string[]; moves: string[] };
  parentPlace: Words;
  unrealised: {
    suppose: string[];
    intend: string[];
    intendVerbs: string[];
    ready: string[];
    /** 「先把」「准备把」: a plan word before 把 and the task */
    plannedTask: string[];
    thenLater: string[];
  };
  nonKeySectorTrades: Words;
  publicationAfterFiling: { denied: string[]; unseen: string[]; published: string[] };
  reportEllipsis: { states: string[]; filedStates: string[] };
  causeAsTold: { reportVerbs: string[]; formalMeans: string[]; now: string[] };
  applyPlaceAsked: { before: string[]; places: string[]; verbs: string[] };
  abnormalSaidOf: { yearVerbs: string[]; causes: string[]; holders: string[] };
  countyStatement: {
    businessNouns: string[];
    pointers: string[];
    bureaus: string[];
    penaltyVerbs: string[];
    registrationWords: string[];
    earlier: string[];
    experienced: string[];
    origin: string[];
    registrationMoved: string[];
    moveVerbs: string[];
    shopVerbs: string[];
    alternative: string[];
    unsureAfter: string[];
  };
}

const FILE = fileURLToPath(new URL('../../knowledge/lexicon/facts.json', import.meta.url));

let cached: FactLexicon | undefined;
export function factLexicon(): FactLexicon {
  if (!cached) {
    try {
      cached = JSON.parse(readFileSync(FILE, 'utf8')) as FactLexicon;
    } catch (err) {
      throw new Error(
        `knowledge/lexicon/facts.json: ${(err as Error).message}; fix the JSON or restore the file`,
      );
    }
  }
  return cached;
}

const escapeRe = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A word class as a non-capturing alternation, longest word first (so 还没有 wins over 没). */
export function alt(words: readonly string[]): string {
  return `(?:${[...words]
    .sort((a, b) => b.length - a.length)
    .map(escapeRe)
    .join('|')})`;
}

/**
 * One pattern from its branches, tried in the order given (the same as writing them as one
 * alternation): each branch is a short way of saying the thing, readable and testable on its own.
 */
export function anyOf(branches: readonly RegExp[], flags = ''): RegExp {
  return new RegExp(branches.map((b) => b.source).join('|'), flags);
}

let setAsideRe: RegExp | undefined;
/**
 * 「我表哥那店去年被列了 … 不用管他的 我问我自己这个」: in a message that sets another person's case
 * aside, a mention right after that person (`before` ends in them) is theirs, not the writer's.
 */
export function setAsideBefore(s: string, before: string): boolean {
  const lx = factLexicon().setAside;
  if (!lx.cues.some((c) => s.includes(c))) return false;
  setAsideRe ??= new RegExp(`${alt(lx.others)}(?:的|那家|那个|这家|家)?[^，,。;；\\s]{0,12}$`);
  return setAsideRe.test(before);
}

let counterpartyRe: RegExp | undefined;
/**
 * 「我供应商的公司」, 「合作方那家店」: the text before a mention ends in a business the writer only deals
 * with, so the mention (its type, its listing) is theirs, not the writer's.
 */
export function counterpartyBefore(before: string): boolean {
  counterpartyRe ??= new RegExp(
    `${alt(factLexicon().counterparties.words)}(?:的|那家|那个|这家)?[^，,。;；\\s]{0,4}$`,
  );
  return counterpartyRe.test(before);
}

let anotherRe: RegExp | undefined;
/**
 * 「个体户那家是另外一个客户」: the text right after a business type says it is another business
 * than the one asked about, so the type is not the writer's (nor the client's they ask for).
 */
export function anotherBusinessAfter(after: string): boolean {
  const lx = factLexicon();
  anotherRe ??= new RegExp(
    `^${alt(lx.pointedMention.words)}?${alt(lx.anotherBusiness.leads)}${alt(lx.anotherBusiness.words)}`,
  );
  return anotherRe.test(after);
}

let comparedBeforeRe: RegExp | undefined;
let comparedAfterRe: RegExp | undefined;
/**
 * 「跟个体户一样」「像合作社那样」: the mention between `before` and `after` is a yardstick the
 * writer's business is set beside, not the writer's own type.
 */
export function comparedKind(before: string, after: string): boolean {
  const lx = factLexicon().comparedKind;
  comparedBeforeRe ??= new RegExp(`${alt(lx.leads)}(?:那些|那种|这种|一般的?|普通的?)?$`);
  comparedAfterRe ??= new RegExp(`^(?:们|那些|那种)?的?${alt(lx.after)}`);
  return comparedBeforeRe.test(before) && comparedAfterRe.test(after);
}

let severalRe: RegExp | undefined;
/** 「帮好几家企业同时申请」: the text before a business type counts several businesses, not the writer's. */
export function severalBusinessesBefore(before: string): boolean {
  const lx = factLexicon().severalBusinesses;
  severalRe ??= new RegExp(`(?<!${alt(lx.ours)})${alt(lx.words)}的?$`);
  return severalRe.test(before);
}

let otherBeforeRe: RegExp | undefined;
/** 「换了别的公司」: the type right after these words (facts.json otherBusinessBefore) is someone else's business */
export function otherBusinessBefore(before: string): boolean {
  otherBeforeRe ??= new RegExp(`${alt(factLexicon().otherBusinessBefore.words)}$`);
  return otherBeforeRe.test(before);
}

let speakerRoleRe: RegExp | undefined;
/**
 * 「我是做代理记账的」「我们是代账公司」: the writer's own trade as an agent (facts.json
 * speakerPhrases.roles), as a pattern over the whole text; its 我 names the one asking for clients.
 */
export function speakerRole(): RegExp {
  const { leads, nouns, endings } = factLexicon().speakerPhrases.roles;
  speakerRoleRe ??= new RegExp(`${alt(leads)}[^，,。;；!?！？\\s]{0,4}?${alt(nouns)}${alt(endings)}?`, 'g');
  return speakerRoleRe;
}
