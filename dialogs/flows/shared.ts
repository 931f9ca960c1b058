// Small pieces several flows use to word things (no flow logic here).
import { summariseFacts } from '../../knowledge/explain.ts';
import { faqEntries } from '../../knowledge/lookup.ts';
import type { Determination, FactName, Facts } from '../../rules/types.ts';
import { commandId } from '../command.ts';
import { askUser, type Ctx } from '../context.ts';
import { dialog, say } from '../texts.ts';
import type { Choice } from '../types.ts';

/** Label + value in the user's words, e.g. 「主体类型：个体工商户」. */
export function describeFact(fact: FactName, value: unknown): string {
  return summariseFacts({ [fact]: value } as Facts)[0] ?? `${fact}: ${String(value)}`;
}

/** What can follow a result: drafting only where the route has something to submit. */
export function resultActions(det: Determination): Choice[] {
  return dialog.resultActions.filter(
    (a) => a.id !== 'draft' || (det.eligible === true && det.documents.length > 0),
  );
}

export function isoDay(d: Date): string {
  // the bureau's calendar: China Standard Time, whatever the server's zone
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** Whether the text is one of the words of a dialog.json list (确认, 取消 …), ignoring case and punctuation. */
export function isWord(list: string, text: string): boolean {
  const word = text
    .trim()
    .replace(/[。！!.，,\s]/g, '')
    .toLowerCase();
  return ((dialog[list] ?? []) as string[]).includes(word);
}

/** The FAQ topics as a menu (回复序号). */
export function faqMenu(ctx: Ctx): void {
  const entries = faqEntries();
  const ids = [...(dialog.faqMenu as string[]), ...entries.map((e) => e.id)].filter(
    (id, i, all) => all.indexOf(id) === i,
  );
  const choices = ids
    .map((id) => entries.find((e) => e.id === id))
    .filter((e): e is NonNullable<typeof e> => Boolean(e))
    .slice(0, 10)
    .map((e) => ({ id: commandId({ type: 'ask-topic', topic: e.id, text: '' }), label: e.question }));
  askUser(ctx, say('faqPrompt'), choices);
}
