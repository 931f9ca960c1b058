// Small lookups over the knowledge files for the engine and the staff views: labels, FAQ lists and
// route-specific answers to "what materials / how long" once the route is known.
import type { Determination, FactName, Facts, PathId } from '../rules/types.ts';
import { deadlineSentences, documentLines, isRuledOut, stepSentences, whereBlock } from './explain.ts';
import type { Jurisdiction } from './jurisdiction.ts';
import { loadKnowledge } from './load.ts';
import type { FaqEntry } from './schema.ts';

export function pathLabel(path: PathId): string {
  return (loadKnowledge().labels.paths as Record<string, string>)[path] ?? path;
}

export function factLabel(fact: FactName): string {
  return (loadKnowledge().labels.facts as Record<string, string>)[fact] ?? fact;
}

/** What is still open, phrased as the label of the question staff would ask. */
export function questionLabel(fact: FactName): string {
  return factLabel(fact);
}

export function faqEntries(): FaqEntry[] {
  return loadKnowledge().faq;
}

export interface RouteSpecificsOptions {
  /** YYYY-MM-DD the user plans to submit on: the timeline answer then names the calendar date */
  submissionDate?: string;
  jurisdiction?: Jurisdiction;
}

/**
 * The deadline of the user's route as sentences: the working days, and for a submission date the
 * date they end on (「我打算12月29日提交，什么时候能办好」), with the warning when that year's holiday
 * calendar is not yet published. Undefined when the route has no deadline to tell.
 */
export function deadlineSentence(
  det: Determination,
  submissionDate?: string,
  opts: { jurisdiction?: Jurisdiction } = {},
): string | undefined {
  const lines = deadlineSentences(det, { submissionDate, jurisdiction: opts.jurisdiction });
  return lines.length ? lines.join('\n') : undefined;
}

/**
 * The documents or the deadline of the user's own route, for a side question asked after the
 * interview decided it (「那要准备什么材料？」). Undefined when the generic FAQ answer is the better one.
 */
export function routeSpecifics(
  det: Determination,
  facts: Facts,
  intent: string,
  opts: RouteSpecificsOptions = {},
): string | undefined {
  if (det.path === 'undetermined') return undefined;
  const k = loadKnowledge();
  const c = k.guide.common;
  const guide = k.guide.paths[det.path];
  // The headings carry their own 【】.
  const heading = `${det.path === 'not-covered' ? c.headings.routeNone : det.path === 'revocation-risk' ? c.headings.routeWarning : c.headings.route}${guide.title}`;
  if (intent === 'documents') {
    if (isRuledOut(det)) {
      const steps = stepSentences(det, { facts, jurisdiction: opts.jurisdiction, knowledge: k });
      return `${heading}\n${c.noDocuments}\n${steps.map((t, i) => `${i + 1}. ${t}`).join('\n')}`;
    }
    const lines = [...documentLines(det, facts, k), ...guide.otherMaterials.map((m) => `· ${m}`)];
    if (!lines.length) return undefined;
    return `${heading}\n${c.headings.documents}\n${lines.join('\n')}`;
  }
  // 「去哪里办」 once the route is known: that route's own place (another county's bureau, …)
  if (intent === 'how_to_apply')
    return `${heading}\n${whereBlock(det, facts, { jurisdiction: opts.jurisdiction, knowledge: k })}`;
  if (intent === 'timeline') {
    const text = deadlineSentence(det, opts.submissionDate, { jurisdiction: opts.jurisdiction });
    return text ? `${heading}\n${c.headings.deadline}\n${text}` : undefined;
  }
  return undefined;
}
