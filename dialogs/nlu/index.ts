// Understanding free Chinese text: intent (natural's Bayes classifier on token features, with a
// few high-precision keyword rules in front) and facts (patterns in facts.ts).
import { loadKeywords } from '../../knowledge/nlu/load.ts';
import type { FactName, Facts } from '../../rules/types.ts';
import { parseAnswer, readAnswer } from './answer.ts';
import { extractFacts, SERIOUS_LIST } from './facts.ts';
import { features } from './features.ts';
import { loadModel, type Model, scores } from './model.ts';
import { normalize } from './normalize.ts';

export { parseAnswer };

export const INTENTS = [
  'repair',
  'address_change',
  'minor_error',
  'revocation_risk',
  'documents',
  'timeline',
  'how_to_apply',
  'draft',
  'check_status',
  'policy_info',
  'smalltalk',
  'human',
  'out_of_scope',
] as const;
export type Intent = (typeof INTENTS)[number];

export interface Understanding {
  intent: Intent;
  confidence: number;
  alternatives: { intent: Intent; confidence: number }[];
  facts: Facts;
  hedged: FactName[];
}

/** Below this the engine asks a clarifying question offering `alternatives`. */
export const CONFIDENCE_FLOOR = 0.5;

/** Confidence given to an intent decided by a keyword rule rather than the classifier. */
const RULE_CONFIDENCE = 0.95;

let model: Model | undefined;
export function nluModel(): Model {
  model ??= loadModel();
  return model;
}

let ruleRes: { foreign: RegExp; human: RegExp } | undefined;
function ruleRegexes(): { foreign: RegExp; human: RegExp } {
  const kw = loadKeywords();
  ruleRes ??= {
    foreign: new RegExp(kw.foreignTopics.join('|')),
    human: new RegExp(kw.strongHuman.join('|')),
  };
  return ruleRes;
}

/** Facts that describe the user's situation in this domain (a type or a bare "被…列为" does not). */
const situational = (facts: Facts) => Object.keys(facts).some((k) => k !== 'entityType' && k !== 'listed');

function ruleIntent(s: string, facts: Facts, signals: string[]): Intent | undefined {
  const kw = loadKeywords();
  const { foreign, human } = ruleRegexes();
  const core = kw.coreDomain.some((w) => s.includes(w));
  // "税务异常怎么解除", "个人征信能修复吗": domain-looking words about another authority's matter
  if (!core && !situational(facts) && foreign.test(s)) return 'out_of_scope';
  if (facts.docType) return 'draft';
  // the heavier 严重违法失信名单 is explained (FAQ), not interviewed as an 经营异常名录 listing
  if (SERIOUS_LIST.test(s) && !/经营异常|异常名录|异常状态|被执行人|法院/.test(s)) return 'policy_info';
  if (human.test(s)) return 'human';
  // "我们被列入异常名录了吗" asks for the status; a repair question states the listing instead
  if (signals.includes('S:listing-asked-now') && facts.listed === undefined) return 'check_status';
  return undefined;
}

function softmax(xs: number[], temperature: number): number[] {
  const max = Math.max(...xs);
  const exps = xs.map((x) => Math.exp((x - max) / temperature));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

function classify(s: string, facts: Facts, signals: string[]): { intent: Intent; confidence: number }[] {
  const m = nluModel();
  const tokens = features(s, facts, signals);
  // Naive Bayes adds one log term per token and grows overconfident with length; dividing by a
  // temperature that grows with the token count keeps the confidence usable as a floor.
  const probs = softmax(scores(m, tokens), 1 + tokens.length / 6);
  return m.labels
    .map((label, i) => ({ intent: label as Intent, confidence: probs[i] as number }))
    .sort((a, b) => b.confidence - a.confidence);
}

const round = (x: number) => Math.round(x * 1000) / 1000;

export function understand(text: string, opts: { now?: Date; pending?: FactName } = {}): Understanding {
  const now = opts.now ?? new Date();
  const s = normalize(text);
  const { facts, hedged, signals } = extractFacts(s, now);
  // what the text says in reply to the pending question; kept whatever the intent ("被罚过款")
  const answered: Facts = {};
  if (opts.pending && !hedged.includes(opts.pending)) {
    // the answer is read against the question's own wording, which a general statement pattern
    // cannot know (「没提供」 to 「是否…没有提供受检材料？」 is a yes)
    const { value, corrected } = readAnswer(opts.pending, text, { now });
    if (value === 'unknown') {
      if (facts[opts.pending] === undefined) hedged.push(opts.pending);
    } else if (value !== undefined) (answered as Record<string, unknown>)[opts.pending] = value;
    // "不对，是2022年": what is corrected, so the engine can ask which is right
    for (const [k, v] of Object.entries(corrected ?? {}))
      if (!(k in facts)) (answered as Record<string, unknown>)[k] = v;
    Object.assign(facts, answered);
  }
  if (!/[\u3400-\u9fffa-z]/.test(s)) {
    // a bare 👍 or 🙏 is a reaction in the conversation, not an unrelated request
    if (/\p{Extended_Pictographic}/u.test(s))
      return { intent: 'smalltalk', confidence: RULE_CONFIDENCE, alternatives: [], facts, hedged };
    return { intent: 'out_of_scope', confidence: 0, alternatives: [], facts, hedged };
  }
  let ranked = classify(s, facts, signals);
  const rule = ruleIntent(s, facts, signals);
  if (rule) {
    ranked = [
      { intent: rule, confidence: RULE_CONFIDENCE },
      ...ranked
        .filter((r) => r.intent !== rule)
        .map((r) => ({ ...r, confidence: r.confidence * (1 - RULE_CONFIDENCE) })),
    ];
  }
  // DOMAIN.md §6: address_change is about moving while not yet listed; once listed it is a repair
  if (facts.listed === true && ranked[0]?.intent === 'address_change') {
    const repair = ranked.find((r) => r.intent === 'repair');
    const top = ranked[0];
    if (repair)
      ranked = [
        { intent: 'repair', confidence: top.confidence },
        ...ranked.filter((r) => r !== repair && r !== top),
        { ...top, confidence: repair.confidence },
      ];
  }
  // a web shop's or website's address that changed is a published-information error, not a move
  if (
    facts.errorKind &&
    facts.errorKind !== 'other' &&
    facts.operatingAtRegisteredAddress === undefined &&
    ranked[0]?.intent === 'address_change'
  ) {
    const minor = ranked.find((r) => r.intent === 'minor_error');
    const top = ranked[0];
    if (minor)
      ranked = [
        { intent: 'minor_error', confidence: top.confidence },
        ...ranked.filter((r) => r !== minor && r !== top),
        { ...top, confidence: minor.confidence },
      ];
  }
  const [best, ...rest] = ranked;
  const intent = best?.intent ?? 'out_of_scope';
  return {
    intent,
    confidence: round(best?.confidence ?? 0),
    alternatives: rest.slice(0, 3).map((r) => ({ intent: r.intent, confidence: round(r.confidence) })),
    // what someone says about an unrelated matter is not about their business
    facts: intent === 'out_of_scope' ? answered : facts,
    hedged: intent === 'out_of_scope' ? hedged.filter((f) => f === opts.pending) : hedged,
  };
}
