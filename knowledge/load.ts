// Loads the knowledge data files once, validates them with zod and checks them against the rules
// (every step, reason and citation the rules can produce must have its text), so a gap is found at
// start-up with the file and field named, not in front of a user.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { CITATION_IDS } from '../rules/citations.ts';
import { ADDED_STEP_IDS, ALL_ROUTES, NOTE_REASON_IDS } from '../rules/routes.ts';
import {
  type Faq,
  FaqSchema,
  type Guide,
  GuideSchema,
  type Labels,
  LabelsSchema,
  type Questions,
  QuestionsSchema,
  type Reasons,
  ReasonsSchema,
  type Steps,
  StepsSchema,
} from './schema.ts';

export interface Knowledge {
  labels: Labels;
  questions: Questions;
  guide: Guide;
  steps: Steps;
  reasons: Reasons;
  faq: Faq;
}

export const KNOWLEDGE_DIR = fileURLToPath(new URL('.', import.meta.url));

/** evaluate's fallback when every route is ruled out, and the steps it adds (agent, home bureau) */
const FALLBACK_STEPS = ['contact-bureau', ...ADDED_STEP_IDS];

/** Every step id the rules can put in a Determination. */
export function ruleStepIds(): string[] {
  const ids = ALL_ROUTES.flatMap((r) => [...r.steps.eligible, ...r.steps.notEligible]);
  return [...new Set([...ids, ...FALLBACK_STEPS])];
}

/** Every reason id the rules can put in a Determination. */
/** Conditions taken as met while their fact is unsaid: their reason needs a `presumed` wording. */
function presumedReasonIds(): string[] {
  return ALL_ROUTES.flatMap((r) => r.conditions.filter((c) => c.whenAbsent === 'holds').map((c) => c.id));
}

export function ruleReasonIds(): string[] {
  const ids = ALL_ROUTES.flatMap((r) => [`route:${r.id}`, ...r.conditions.map((c) => c.id)]);
  return [...new Set([...ids, ...NOTE_REASON_IDS])];
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.length ? path.map(String).join('.') : '(root)';
}

function readJson<T>(dir: string, file: string, schema: z.ZodType<T>, problems: string[]): T | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  } catch (err) {
    problems.push(`${file}: cannot read it as JSON (${(err as Error).message})`);
    return undefined;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      problems.push(`${file}: ${formatPath(issue.path)}: ${issue.message}`);
    return undefined;
  }
  return parsed.data;
}

function crossCheck(k: Knowledge, problems: string[]): void {
  const labelled = new Set(Object.keys(k.labels.citations));
  for (const id of CITATION_IDS) {
    if (!labelled.has(id))
      problems.push(`labels.json: citations.${id}: missing label for a citation of rules/citations.ts`);
  }
  for (const [i, e] of k.faq.entries()) {
    for (const [j, c] of e.citations.entries()) {
      if (!labelled.has(c))
        problems.push(`faq.json: ${i}.citations.${j}: "${c}" has no label in labels.json citations`);
    }
  }
  for (const [path, g] of Object.entries(k.guide.paths)) {
    g.basis.forEach((c, j) => {
      if (!labelled.has(c))
        problems.push(`guide.json: paths.${path}.basis.${j}: "${c}" has no label in labels.json citations`);
    });
    const described = new Set(g.documents.map((d) => d.id));
    for (const route of ALL_ROUTES.filter((r) => r.path === path)) {
      for (const doc of route.documents) {
        if (!described.has(doc)) {
          problems.push(
            `guide.json: paths.${path}.documents: missing "${doc}" (rules route ${route.id} asks for it)`,
          );
        }
      }
      if (!route.deadline && g.deadline === null) {
        problems.push(
          `guide.json: paths.${path}.deadline: needs text, rules route ${route.id} has no working-day deadline`,
        );
      }
    }
  }
  k.guide.common.stepVariants.forEach((v, i) => {
    if (!(v.step in k.steps))
      problems.push(`guide.json: common.stepVariants.${i}.step: "${v.step}" is not a step of steps.json`);
  });
  for (const id of ruleStepIds()) {
    if (!(id in k.steps)) problems.push(`steps.json: ${id}: missing text for a step the rules use`);
  }
  for (const id of ruleReasonIds()) {
    if (!(id in k.reasons))
      problems.push(`reasons.json: ${id}: missing met/unmet text for a reason the rules give`);
  }
  for (const id of presumedReasonIds()) {
    if (k.reasons[id] && !k.reasons[id].presumed)
      problems.push(
        `reasons.json: ${id}.presumed: missing text for a condition the rules presume when unsaid`,
      );
  }
}

const cache = new Map<string, Knowledge>();

/**
 * Reads and validates every knowledge file of `dir` (default: this folder), once per directory.
 * Throws one Error listing every problem as `file: field: what is wrong`.
 */
export function loadKnowledge(dir: string = KNOWLEDGE_DIR): Knowledge {
  const hit = cache.get(dir);
  if (hit) return hit;
  const problems: string[] = [];
  const labels = readJson(dir, 'labels.json', LabelsSchema, problems);
  const questions = readJson(dir, 'questions.json', QuestionsSchema, problems);
  const guide = readJson(dir, 'guide.json', GuideSchema, problems);
  const steps = readJson(dir, 'steps.json', StepsSchema, problems);
  const reasons = readJson(dir, 'reasons.json', ReasonsSchema, problems);
  const faq = readJson(dir, 'faq.json', FaqSchema, problems);
  if (labels && questions && guide && steps && reasons && faq) {
    crossCheck({ labels, questions, guide, steps, reasons, faq }, problems);
  }
  if (problems.length || !labels || !questions || !guide || !steps || !reasons || !faq) {
    throw new Error(`knowledge files in ${dir} are invalid: ${problems.join('; ')}`);
  }
  const knowledge = { labels, questions, guide, steps, reasons, faq };
  cache.set(dir, knowledge);
  return knowledge;
}
