// The intent model: natural's Bayes classifier trained on knowledge/nlu/phrases. Training is a
// build step (`npm run build:model` writes knowledge/nlu/model.json with the hash of everything it
// was trained from; test/nlu/model.test.ts fails on a stale file). The running bot only reads it:
// it never trains during a turn and never writes into the source tree.
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BayesClassifier } from 'natural/lib/natural/classifiers/index.js';
import { dataHash, loadPhrases, MODEL_FILE } from '../../knowledge/nlu/load.ts';
import type { Facts } from '../../rules/types.ts';
import { extractFacts } from './facts.ts';
import { emitFeatures, features, wordTokens } from './features.ts';
import { LEXICON_DIR } from './lexicon.ts';
import { normalize } from './normalize.ts';

const require = createRequire(import.meta.url);

/**
 * What shapes the training tokens: every module of the nlu, its rules folder included, and every
 * lexicon file (editing any of them invalidates the built model).
 */
const NLU_DIR = fileURLToPath(new URL('.', import.meta.url));
const shapingFiles = () => [
  ...readdirSync(NLU_DIR, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .sort()
    .map((f) => join(NLU_DIR, f)),
  ...readdirSync(LEXICON_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => join(LEXICON_DIR, f)),
];

/** The fixed training date: relative years in phrases must not make the model depend on the day. */
const TRAINING_NOW = new Date('2024-06-01T00:00:00Z');

export interface Model {
  hash: string;
  labels: string[];
  /** token → index in natural's dense feature vector */
  index: Map<string, number>;
  /** per label: log prior and the log probability of a token never seen with the label */
  logPrior: Float64Array;
  logSmooth: Float64Array;
  /**
   * Per token index, the labels seen with it and their log P(present | label) minus their smoothing,
   * as sparse rows: row i is liftLabel / liftValue[liftStart[i] … liftStart[i + 1]). A token is seen
   * with about 2 of the 13 labels; the others' lift is 0, and adding 0 changes no sum, so only the
   * seen ones are stored and added.
   */
  liftStart: Int32Array;
  liftLabel: Int32Array;
  liftValue: Float64Array;
}

interface Cache {
  hash: string;
  classifier: Record<string, unknown>;
}

export function currentHash(): string {
  return dataHash(shapingFiles());
}

export function phraseTokens(text: string): string[] {
  const s = normalize(text);
  const { facts, signals } = extractFacts(s, TRAINING_NOW);
  return features(s, facts, signals);
}

function train(hash: string): Cache {
  const Bayes: typeof BayesClassifier = require('natural/lib/natural/classifiers/bayes_classifier.js');
  const classifier = new Bayes();
  for (const p of loadPhrases()) classifier.addDocument(phraseTokens(p.text), p.intent);
  classifier.train();
  // the training documents are not needed to classify; dropping them keeps the cache small
  const json = JSON.parse(JSON.stringify(classifier)) as Record<string, unknown>;
  json.docs = [];
  return { hash, classifier: json };
}

function readCache(): Cache | undefined {
  try {
    return JSON.parse(readFileSync(MODEL_FILE, 'utf8')) as Cache;
  } catch {
    return undefined;
  }
}

/** Train from the phrases and write knowledge/nlu/model.json (the build step, never a user's turn). */
export function buildModel(): { hash: string; phrases: number } {
  const hash = currentHash();
  const cache = train(hash);
  // write then rename: a bot starting at the same time never reads half a file
  const tmp = `${MODEL_FILE}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(cache)}\n`);
  renameSync(tmp, MODEL_FILE);
  return { hash, phrases: loadPhrases().length };
}

/** The built model; an install without it fails at start with the command that builds it. */
export function loadModel(): Model {
  const cache = readCache();
  if (!cache)
    throw new Error(
      `${MODEL_FILE} is missing or unreadable; run \`npm run build:model\` to build the intent model`,
    );
  return compile(cache);
}

/** Whether model.json was built from the current phrases, lexicon and feature code. */
export function modelIsCurrent(): boolean {
  return readCache()?.hash === currentHash();
}

/**
 * Natural's Bayes (apparatus) multiplies probabilities with exp(Σ log) and underflows to 0 for
 * long texts; the same counts are kept here in log space so scores stay comparable at any length.
 */
function compile(cache: Cache): Model {
  const Bayes: typeof BayesClassifier = require('natural/lib/natural/classifiers/bayes_classifier.js');
  const restored = Bayes.restore(cache.classifier);
  const inner = restored.classifier;
  const labels = Object.keys(inner.classFeatures);
  const index = new Map(Object.keys(restored.features).map((t, i) => [t, i]));
  const logPrior = new Float64Array(labels.length);
  const logSmooth = new Float64Array(labels.length);
  const logFeature = labels.map((label, li) => {
    const total = inner.classTotals[label] ?? 1;
    logPrior[li] = Math.log(total / inner.totalExamples);
    logSmooth[li] = Math.log(inner.smoothing / total);
    const m = new Map<number, number>();
    for (const [i, count] of Object.entries(inner.classFeatures[label] ?? {}))
      m.set(Number(i), Math.log(count / total));
    return m;
  });
  // one table makes scoring one pass over the message's tokens instead of a map look-up per label
  const n = labels.length;
  const lift = new Float64Array(index.size * n);
  logFeature.forEach((m, li) => {
    for (const [i, logP] of m) lift[i * n + li] = logP - (logSmooth[li] as number);
  });
  // the rows keep the labels in order, so each label's sum takes the same terms in the same order
  const liftStart = new Int32Array(index.size + 1);
  const kept: number[] = [];
  for (let i = 0; i < index.size; i++) {
    liftStart[i] = kept.length;
    for (let li = 0; li < n; li++) if (lift[i * n + li] !== 0) kept.push(i * n + li);
  }
  liftStart[index.size] = kept.length;
  const liftLabel = Int32Array.from(kept, (at) => at % n);
  const liftValue = Float64Array.from(kept, (at) => lift[at] as number);
  return { hash: cache.hash, labels, index, logPrior, logSmooth, liftStart, liftLabel, liftValue };
}

/** Adds token index i's lift to each label's sum. */
function addLift(model: Model, i: number, sum: Float64Array): void {
  const { liftLabel, liftValue } = model;
  const end = model.liftStart[i + 1] as number;
  for (let k = model.liftStart[i] as number; k < end; k++) {
    const li = liftLabel[k] as number;
    sum[li] = (sum[li] as number) + (liftValue[k] as number);
  }
}

/** Log scores per label for a token array (same formula as apparatus' probabilityOfClass). */
export function scores(model: Model, tokens: string[]): number[] {
  const n = model.labels.length;
  let known = 0;
  const sum = new Float64Array(n);
  for (const t of tokens) {
    const i = model.index.get(t);
    if (i === undefined) continue;
    known++;
    addLift(model, i, sum);
  }
  // every known token not seen with a label costs that label its smoothing
  const out: number[] = new Array(n);
  for (let li = 0; li < n; li++)
    out[li] = (model.logPrior[li] as number) + known * (model.logSmooth[li] as number) + (sum[li] as number);
  return out;
}

/**
 * Scratch state of the scoring pass, reused from call to call: which token indexes the current
 * message has counted (marked with the call's number), in the order met, and its unknown tokens.
 */
const scratch = {
  index: new Map<string, number>(),
  stamp: new Uint32Array(0),
  call: 0,
  met: new Int32Array(256),
  sum: new Float64Array(0),
  known: 0,
  unknown: new Set<string>(),
};

/** The scoring pass's sink for one feature token (a module function: no closure per message). */
function meet(token: string): void {
  const i = scratch.index.get(token);
  if (i === undefined) scratch.unknown.add(token);
  else meetIndex(i);
}

/** Per word of the current model: the indexes of its known tokens and its unknown tokens. */
const wordIndexes = new Map<string, { known: number[]; unknown: string[] }>();
const WORD_INDEXES_MAX = 50_000;

/** The sink for a word's tokens: looked up once per word, not once per character token. */
function meetWord(word: string): void {
  let entry = wordIndexes.get(word);
  if (!entry) {
    entry = { known: [], unknown: [] };
    for (const t of wordTokens(word)) {
      const i = scratch.index.get(t);
      if (i === undefined) entry.unknown.push(t);
      else entry.known.push(i);
    }
    if (wordIndexes.size >= WORD_INDEXES_MAX) wordIndexes.clear();
    wordIndexes.set(word, entry);
  }
  for (const i of entry.known) meetIndex(i);
  for (const t of entry.unknown) scratch.unknown.add(t);
}

function meetIndex(i: number): void {
  if (scratch.stamp[i] === scratch.call) return;
  scratch.stamp[i] = scratch.call;
  if (scratch.known === scratch.met.length) {
    const grown = new Int32Array(scratch.met.length * 2);
    grown.set(scratch.met);
    scratch.met = grown;
  }
  scratch.met[scratch.known++] = i;
}

/**
 * The scores of `scores(model, features(…))` and the number of distinct feature tokens, computed as
 * the tokens come: no token array and no set of known tokens are built.
 */
export function scoreText(
  model: Model,
  s: string,
  facts: Facts,
  signals: readonly string[],
  words: readonly string[],
): { scores: number[]; tokens: number } {
  if (scratch.index !== model.index) {
    scratch.index = model.index;
    scratch.stamp = new Uint32Array(model.index.size);
    scratch.call = 0;
    wordIndexes.clear();
  }
  // a new mark per call; on wrap-around the marks start over
  if (++scratch.call > 0xfffffff0) {
    scratch.stamp.fill(0);
    scratch.call = 1;
  }
  scratch.known = 0;
  scratch.unknown.clear();
  emitFeatures(s, facts, signals, words, meet, meetWord);
  const n = model.labels.length;
  const known = scratch.known;
  if (scratch.sum.length !== n) scratch.sum = new Float64Array(n);
  const sum = scratch.sum.fill(0);
  const met = scratch.met;
  for (let k = 0; k < known; k++) addLift(model, met[k] as number, sum);
  const out: number[] = new Array(n);
  for (let li = 0; li < n; li++)
    out[li] = (model.logPrior[li] as number) + known * (model.logSmooth[li] as number) + (sum[li] as number);
  return { scores: out, tokens: known + scratch.unknown.size };
}
