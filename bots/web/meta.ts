// Chinese labels the page needs (facts with their answer options, routes, documents, citations,
// draft fields), built once per server from knowledge/ data and the rules contract.
import { readFileSync } from 'node:fs';
import { type FieldName, fieldDef } from '../../knowledge/drafts/fields.ts';
import { fillJurisdiction } from '../../knowledge/explain.ts';
import { loadKnowledge } from '../../knowledge/load.ts';
import type { Question } from '../../knowledge/schema.ts';
import { DOCUMENT_IDS, FACT_KINDS, FACT_NAMES, PATHS } from '../../rules/types.ts';

/** Draft fields staff can type in the panel: who the business is, and the listing decision. */
const PANEL_DRAFT_FIELDS: FieldName[] = [
  'name',
  'creditCode',
  'representative',
  'phone',
  'address',
  'newAddress',
  'listedDate',
  'listingAuthority',
  'decisionNumber',
];

export interface FactMeta {
  name: string;
  label: string;
  kind: 'boolean' | 'year' | 'count' | 'amount' | 'date' | 'enum';
  options?: { value: string | boolean; label: string }[];
  /** the interview question and how a caller can find the answer: shown as a tooltip */
  help?: string;
}

export interface Meta {
  facts: FactMeta[];
  unknown: string;
  paths: Record<string, string>;
  documents: { id: string; label: string }[];
  draftFields: { name: string; label: string }[];
  citations: Record<string, string>;
  /** step id → text; reason id → text for an unmet condition (knowledge/steps.json, reasons.json) */
  steps: Record<string, string>;
  reasons: Record<string, string>;
}

function readJson<T>(relative: string, fallback: T): T {
  try {
    return JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8')) as T;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return fallback;
    throw new Error(`${relative.replace(/^(\.\.\/)+/, '')}: ${(err as Error).message}`);
  }
}

export function buildMeta(): Meta {
  const ui = readJson<{ booleans: { true: string; false: string }; unknown: string }>('./labels.json', {
    booleans: { true: '是', false: '否' },
    unknown: '未知',
  });
  // the same validated, cached knowledge the engine uses
  const k = loadKnowledge();
  const labels = k.labels as {
    facts?: Record<string, string>;
    values?: Record<string, Record<string, string>>;
    paths?: Record<string, string>;
    documents?: Record<string, string>;
    citations?: Record<string, string>;
  };
  const questions = k.questions as Record<string, Question | undefined>;
  const fill = (text: string) => fillJurisdiction(text);

  const facts: FactMeta[] = FACT_NAMES.filter((n) => n !== 'docType').map((name) => {
    const spec = FACT_KINDS[name];
    const q = questions[name];
    const fact: FactMeta = { name, label: labels.facts?.[name] ?? name, kind: spec.kind };
    const help = [q?.question, q?.howToFindOut].filter(Boolean).join('\n');
    if (help) fact.help = help;
    const asked = (value: unknown) => q?.choices?.find((c) => c.value === value)?.label;
    if (spec.kind === 'boolean') {
      fact.options = [
        { value: true, label: asked(true) ?? ui.booleans.true },
        { value: false, label: asked(false) ?? ui.booleans.false },
      ];
    } else if (spec.kind === 'enum') {
      fact.options = spec.values.map((v) => ({
        value: v,
        label: labels.values?.[name]?.[v] ?? asked(v) ?? v,
      }));
    }
    return fact;
  });
  return {
    facts,
    unknown: ui.unknown,
    paths: Object.fromEntries(PATHS.map((p) => [p, labels.paths?.[p] ?? p])),
    documents: DOCUMENT_IDS.map((id) => ({ id, label: labels.documents?.[id] ?? id })),
    draftFields: PANEL_DRAFT_FIELDS.map((name) => ({ name, label: fieldDef(name)?.label ?? name })),
    citations: labels.citations ?? {},
    steps: Object.fromEntries(Object.entries(k.steps).map(([id, text]) => [id, fill(text)])),
    reasons: Object.fromEntries(Object.entries(k.reasons).map(([id, r]) => [id, fill(r.unmet)])),
  };
}
