// Loads the NLU data kept as text: training phrases (one file per intent, in this folder) and the
// intent words of the lexicon (knowledge/lexicon/intents.json: keyword groups, aliases, domain words).
// Read synchronously once: the NLU must be ready at start-up.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const NLU_DIR = dirname(fileURLToPath(import.meta.url));
export const PHRASES_DIR = join(NLU_DIR, 'phrases');
export const MODEL_FILE = join(NLU_DIR, 'model.json');
export const HELDOUT_FILE = join(NLU_DIR, 'heldout.jsonl');
const INTENT_WORDS_FILE = join(NLU_DIR, '..', 'lexicon', 'intents.json');

export interface Keywords {
  aliases: Record<string, string>;
  /** whole pinyin or English words → Chinese (a `_comment` key is not an entry) */
  pinyin: Record<string, string>;
  /** characters the traditional → simplified conversion leaves as written (tokens.ts) */
  simplifiedAsWritten: string[];
  groups: Record<string, string[]>;
  domainWords: string[];
  /** words of the bot's own matter: their presence keeps a text in scope */
  coreDomain: string[];
  /** regular expressions: another authority's or a private matter (out of scope without a core word) */
  foreignTopics: string[];
  /** regular expressions: a person's private matter (a traffic fine), out of scope whatever it tells */
  privateMatters: string[];
  /** regular expressions: an explicit call for a person */
  strongHuman: string[];
  /** words by which a consequence question is about the asker's own business */
  firstPerson: string[];
  /** words that keep a mention of the serious list an 经营异常名录 matter */
  listingMatters: string[];
  /** words that name revocation itself (a published-information error without them is no revocation risk) */
  revocationNamed: string[];
  /** characters and words that carry no topic: never classifier tokens */
  particles: string[];
  /** regular-expression alternatives marking a question */
  questionWords: string[];
  /** sounds of a voice call that carry nothing (「喂」, 「嗯」): a message of them and greetings is small talk */
  lineFillers: string[];
}

let keywords: Keywords | undefined;
export function loadKeywords(): Keywords {
  keywords ??= JSON.parse(readFileSync(INTENT_WORDS_FILE, 'utf8')) as Keywords;
  return keywords;
}

export interface Phrase {
  intent: string;
  text: string;
}

/** Phrases from phrases/<intent>.txt; blank lines and lines starting with # are skipped. */
export function loadPhrases(): Phrase[] {
  const out: Phrase[] = [];
  for (const file of phraseFiles()) {
    const intent = file.replace(/\.txt$/, '');
    for (const line of readFileSync(join(PHRASES_DIR, file), 'utf8').split('\n')) {
      const text = line.trim();
      if (text && !text.startsWith('#')) out.push({ intent, text });
    }
  }
  return out;
}

function phraseFiles(): string[] {
  return readdirSync(PHRASES_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort();
}

/**
 * Hash of everything the trained model depends on: the phrase files and the files passed in (the
 * nlu code and the lexicon, so editing either invalidates a stale model).
 */
export function dataHash(extraFiles: string[]): string {
  const h = createHash('sha256');
  for (const file of phraseFiles()) h.update(file).update(readFileSync(join(PHRASES_DIR, file)));
  for (const file of extraFiles) h.update(readFileSync(file));
  return h.digest('hex').slice(0, 16);
}
