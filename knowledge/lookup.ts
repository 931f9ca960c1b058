// Small lookups over the knowledge files for the engine and the staff views: labels, FAQ lists and
// route-specific answers to "what materials / how long" once the route is known.
import type { Determination, FactName, Facts, PathId } from '../rules/types.ts';
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

/**
 * The documents or the deadline of the user's own route, for a side question asked after the
 * interview decided it (「那要准备什么材料？」). Undefined when the generic FAQ answer is the better one.
 */
export function routeSpecifics(det: Determination, _facts: Facts, intent: string): string | undefined {
  if (det.path === 'undetermined') return undefined;
  const k = loadKnowledge();
  const guide = k.guide.paths[det.path];
  const heading = `【${k.guide.common.headings.route}】${guide.title}`;
  const docLabels = k.labels.documents as Record<string, string>;
  if (intent === 'documents') {
    if (!guide.documents.length && !guide.otherMaterials.length) return undefined;
    const lines = [
      ...guide.documents.map((d) => `· 《${docLabels[d.id] ?? d.id}》：${d.contains}`),
      ...guide.otherMaterials.map((m) => `· ${m}`),
    ];
    return `${heading}\n【${k.guide.common.headings.documents}】\n${lines.join('\n')}`;
  }
  if (intent === 'timeline') {
    const c = k.guide.common.deadline;
    const text = det.deadline
      ? (det.deadline.from === 'receipt' ? c.receipt : c.verification).replace(
          '{days}',
          String(det.deadline.workingDays),
        )
      : guide.deadline;
    return text ? `${heading}\n【${k.guide.common.headings.deadline}】${text}` : undefined;
  }
  return undefined;
}
