// Scores an evaluation file (utterances or scenarios, test/fixtures/eval-dev formats). Pure: the
// caller reads the file and passes `evaluate`, so this module loads no rules by itself.
//
// Figures, with the standard definitions:
// - intentAccuracy: lines whose predicted intent is the expected one (or one of the listed ones);
// - factPrecision: correct predicted facts / all predicted facts (a fact is correct when name and
//   value equal the line's); a fact the line does not list counts against precision;
// - factRecall: correct predicted facts / all expected facts;
// - facts are DOMAIN §4's: the bot's own (rules/types.ts OWN_FACTS) are left out on both sides (their
//   corpus, test/nlu/corpus, tests them);
// - pathAccuracy / eligibleAccuracy: over the lines that give `path` / `eligible`; for utterances
//   the determination is evaluate(understood facts), for scenarios evaluate(line facts);
// - a scenario line counts as a right path only if its `documents` and `missingIncludes` hold too.

import { parseIsoDate } from '../../rules/deadline.ts';
import { contractFacts, type Determination, type Facts } from '../../rules/types.ts';
import { validateFacts } from '../../rules/validate.ts';
import { INTENTS, type Intent, type Understanding } from './index.ts';

export class EvalInputError extends Error {
  override name = 'EvalInputError';
}

interface UtteranceLine {
  kind: 'utterance';
  line: number;
  id: string;
  text: string;
  intents: Intent[];
  facts: Facts;
  path?: string;
  eligible?: boolean | null;
}
interface ScenarioLine {
  kind: 'scenario';
  line: number;
  id: string;
  facts: Facts;
  path?: string;
  eligible?: boolean | null;
  documents?: string[];
  missingIncludes?: string[];
  /** YYYY-MM-DD: the day the rules are applied (waiting periods are counted to it) */
  date?: string;
}
export type EvalLine = UtteranceLine | ScenarioLine;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parse JSONL; throws EvalInputError naming the line for anything malformed. */
export function parseEvalFile(text: string): EvalLine[] {
  const out: EvalLine[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = (lines[i] ?? '').trim();
    if (!raw) continue;
    const line = i + 1;
    const fail = (why: string): never => {
      throw new EvalInputError(`line ${line}: ${why}`);
    };
    let obj: unknown;
    try {
      obj = JSON.parse(raw);
    } catch (err) {
      fail(`not valid JSON (${(err as Error).message}); each line must be one JSON object`);
    }
    if (!isObject(obj))
      return fail('expected a JSON object like {"text": "...", "intent": "repair", "facts": {}}');
    const id = typeof obj.id === 'string' ? obj.id : `line ${line}`;
    const facts = obj.facts ?? {};
    const checked = validateFacts(facts);
    if (!checked.ok) fail(`invalid facts: ${checked.problems.join('; ')}`);
    const common = {
      line,
      id,
      facts: checked.ok ? checked.facts : {},
      ...(typeof obj.path === 'string' ? { path: obj.path } : {}),
      ...(typeof obj.eligible === 'boolean' || obj.eligible === null
        ? { eligible: obj.eligible as boolean | null }
        : {}),
    };
    if (obj.path !== undefined && typeof obj.path !== 'string') fail('"path" must be a string');
    if (obj.eligible !== undefined && typeof obj.eligible !== 'boolean' && obj.eligible !== null)
      fail('"eligible" must be true, false or null');
    if ('text' in obj) {
      if (typeof obj.text !== 'string') fail('"text" must be a string');
      const intents = Array.isArray(obj.intent) ? obj.intent : [obj.intent];
      if (!intents.length || !intents.every((x) => (INTENTS as readonly unknown[]).includes(x)))
        fail(`"intent" must be one of ${INTENTS.join(', ')} or a list of them`);
      out.push({ kind: 'utterance', ...common, text: obj.text as string, intents: intents as Intent[] });
    } else if ('facts' in obj) {
      const list = (key: string): string[] | undefined => {
        const v = obj[key];
        if (v === undefined) return undefined;
        if (!Array.isArray(v) || !v.every((x) => typeof x === 'string'))
          fail(`"${key}" must be a list of strings`);
        return v as string[];
      };
      const documents = list('documents');
      const missingIncludes = list('missingIncludes');
      if (obj.date !== undefined && (typeof obj.date !== 'string' || !parseIsoDate(obj.date)))
        fail('"date" must be a real date as YYYY-MM-DD, e.g. "2026-12-02"');
      out.push({
        kind: 'scenario',
        ...common,
        ...(typeof obj.date === 'string' ? { date: obj.date } : {}),
        ...(documents ? { documents } : {}),
        ...(missingIncludes ? { missingIncludes } : {}),
      });
    } else {
      fail('expected an utterance ({"text", "intent", "facts"}) or a scenario ({"facts", "path"}) object');
    }
  }
  if (!out.length) throw new EvalInputError('the file has no lines to evaluate');
  return out;
}

export interface LineResult {
  id: string;
  line: number;
  text?: string;
  expectedIntents?: Intent[];
  intent?: Intent;
  confidence?: number;
  /** "+name=value" predicted but wrong/unlisted, "-name=value" expected but missed */
  factErrors: string[];
  pathExpected?: string;
  path?: string;
  eligibleExpected?: boolean | null;
  eligible?: boolean | null;
  problems: string[];
}

export interface Figures {
  n: number;
  intentAccuracy?: number;
  factPrecision?: number;
  factRecall?: number;
  pathAccuracy?: number;
  eligibleAccuracy?: number;
}

export interface EvalReport {
  figures: Figures;
  lines: LineResult[];
  /** confusion[expected][predicted] = count (utterance lines; expected = first listed intent unless predicted is listed) */
  confusion: Record<string, Record<string, number>>;
}

export interface ScoreDeps {
  understand: (text: string) => Understanding;
  evaluate?: (facts: Facts, opts?: { today?: string }) => Determination;
}

const ratio = (a: number, b: number) => Math.round((a / b) * 10000) / 10000;

export function scoreEval(lines: EvalLine[], deps: ScoreDeps): EvalReport {
  let intentN = 0;
  let intentOk = 0;
  let predicted = 0;
  let expected = 0;
  let correct = 0;
  let pathN = 0;
  let pathOk = 0;
  let eligN = 0;
  let eligOk = 0;
  const confusion: Record<string, Record<string, number>> = {};
  const results: LineResult[] = [];

  for (const l of lines) {
    const r: LineResult = { id: l.id, line: l.line, factErrors: [], problems: [] };
    let factsForRules: Facts = l.facts;
    if (l.kind === 'utterance') {
      const u = deps.understand(l.text);
      r.text = l.text;
      r.expectedIntents = l.intents;
      r.intent = u.intent;
      r.confidence = u.confidence;
      intentN++;
      const ok = l.intents.includes(u.intent);
      if (ok) intentOk++;
      const exp = ok ? u.intent : (l.intents[0] as Intent);
      confusion[exp] ??= {};
      const row = confusion[exp] as Record<string, number>;
      row[u.intent] = (row[u.intent] ?? 0) + 1;
      const want = contractFacts(l.facts).facts as Record<string, unknown>;
      // the §4 facts only: the bot's own (OWN_FACTS) are no part of what the lines label
      const got = contractFacts(u.facts).facts as Record<string, unknown>;
      for (const [k, v] of Object.entries(got)) {
        predicted++;
        if (want[k] === v) correct++;
        else r.factErrors.push(`+${k}=${String(v)}`);
      }
      for (const [k, v] of Object.entries(want)) {
        expected++;
        if (got[k] !== v) r.factErrors.push(`-${k}=${String(v)}`);
      }
      factsForRules = u.facts;
    }
    const needsRules = l.path !== undefined || l.eligible !== undefined || l.kind === 'scenario';
    if (needsRules && deps.evaluate) {
      const d = deps.evaluate(
        factsForRules,
        l.kind === 'scenario' && l.date !== undefined ? { today: l.date } : undefined,
      );
      let lineOk = true;
      if (l.path !== undefined) {
        pathN++;
        r.pathExpected = l.path;
        r.path = d.path;
        if (d.path !== l.path) lineOk = false;
      }
      if (l.kind === 'scenario') {
        for (const doc of l.documents ?? [])
          if (!(d.documents as string[]).includes(doc)) r.problems.push(`document ${doc} missing`);
        for (const f of l.missingIncludes ?? [])
          if (!(d.missing as string[]).includes(f)) r.problems.push(`missing should include ${f}`);
        if (r.problems.length) lineOk = false;
      }
      if (l.path !== undefined && lineOk) pathOk++;
      if (l.eligible !== undefined) {
        eligN++;
        r.eligibleExpected = l.eligible;
        r.eligible = d.eligible;
        if (d.eligible === l.eligible) eligOk++;
      }
    }
    results.push(r);
  }

  const figures: Figures = { n: lines.length };
  if (intentN) {
    figures.intentAccuracy = ratio(intentOk, intentN);
    // no predicted facts at all is perfectly precise; no expected facts is perfectly recalled
    figures.factPrecision = predicted ? ratio(correct, predicted) : 1;
    figures.factRecall = expected ? ratio(correct, expected) : 1;
  }
  if (pathN) figures.pathAccuracy = ratio(pathOk, pathN);
  if (eligN) figures.eligibleAccuracy = ratio(eligOk, eligN);
  return { figures, lines: results, confusion };
}
