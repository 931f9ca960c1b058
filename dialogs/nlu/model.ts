// The intent model: natural's Bayes classifier trained on knowledge/nlu/phrases, cached as JSON
// in knowledge/nlu/model.json together with the hash of everything it was trained from, and
// retrained (and the cache rewritten) whenever that hash no longer matches.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { BayesClassifier } from 'natural/lib/natural/classifiers/index.js';
import { dataHash, loadPhrases, MODEL_FILE } from '../../knowledge/nlu/load.ts';
import { extractFacts } from './facts.ts';
import { features } from './features.ts';
import { normalize } from './normalize.ts';

const require = createRequire(import.meta.url);

/** Code whose behaviour shapes the training tokens: editing it invalidates the cached model. */
const FEATURE_CODE = ['./features.ts', './facts.ts', './normalize.ts', './years.ts', './model.ts'].map((f) =>
  fileURLToPath(new URL(f, import.meta.url)),
);

/** The fixed training date: relative years in phrases must not make the model depend on the day. */
const TRAINING_NOW = new Date('2024-06-01T00:00:00Z');

export interface Model {
  hash: string;
  labels: string[];
  /** token → index in natural's dense feature vector */
  index: Map<string, number>;
  /** per label: log prior and log P(feature present | label) by index, absent index = smoothing */
  logPrior: Float64Array;
  logSmooth: Float64Array;
  logFeature: Map<number, number>[];
}

interface Cache {
  hash: string;
  classifier: Record<string, unknown>;
}

export function currentHash(): string {
  return dataHash(FEATURE_CODE);
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

/** Load the cached model, retraining when the phrases or feature code changed since it was built. */
export function loadModel(opts: { write?: boolean; retrain?: boolean } = {}): Model {
  const hash = currentHash();
  let cache = opts.retrain ? undefined : readCache();
  if (cache?.hash !== hash) {
    cache = train(hash);
    // Under vitest the committed file is what test/nlu/model.test.ts checks, so tests never rewrite it.
    if (opts.write ?? !process.env.VITEST) {
      try {
        // write then rename: another process starting at the same time never reads half a file
        const tmp = `${MODEL_FILE}.${process.pid}.tmp`;
        writeFileSync(tmp, `${JSON.stringify(cache)}\n`);
        renameSync(tmp, MODEL_FILE);
      } catch {
        // a read-only install still works: it retrains in memory at each start
      }
    }
  }
  return compile(cache);
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
  return { hash: cache.hash, labels, index, logPrior, logSmooth, logFeature };
}

/** Log scores per label for a token array (same formula as apparatus' probabilityOfClass). */
export function scores(model: Model, tokens: string[]): number[] {
  const idx: number[] = [];
  for (const t of tokens) {
    const i = model.index.get(t);
    if (i !== undefined) idx.push(i);
  }
  return model.labels.map((_, li) => {
    let sum = model.logPrior[li] as number;
    const feats = model.logFeature[li] as Map<number, number>;
    const smooth = model.logSmooth[li] as number;
    for (const i of idx) sum += feats.get(i) ?? smooth;
    return sum;
  });
}
