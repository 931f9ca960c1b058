// The engine's own wording (knowledge/dialog.json), loaded and checked once.
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const ChoiceSchema = z.strictObject({ id: z.string().min(1).max(60), label: z.string().min(1) });
const text = z.string().min(1);

const DialogSchema = z.looseObject({
  menu: z.array(ChoiceSchema).min(1),
  intentFacts: z.record(z.string(), z.record(z.string(), z.unknown())),
  faqMenu: z.array(text),
  resultActions: z.array(ChoiceSchema),
  draftConfirmActions: z.array(ChoiceSchema),
  draftSkipWords: z.array(text),
  navWords: z.record(text, z.enum(['undo', 'edit', 'reset', 'help', 'menu', 'bye'])),
  thanksWords: z.array(text),
  byeWords: z.array(text),
  correctionCues: z.array(text),
  detailWords: z.array(text),
});

type DialogTexts = z.infer<typeof DialogSchema> & Record<string, unknown>;

function load(): DialogTexts {
  const file = new URL('../knowledge/dialog.json', import.meta.url);
  const parsed = DialogSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`knowledge/dialog.json: ${problems}`);
  }
  return parsed.data as DialogTexts;
}

export const dialog: DialogTexts = load();

/**
 * A line of dialog.json with {{name}} placeholders filled. Values are inserted as plain text: user
 * input never becomes template code here.
 */
export function say(id: string, vars: Record<string, string | number> = {}): string {
  const template = dialog[id];
  if (typeof template !== 'string') throw new Error(`knowledge/dialog.json has no text "${id}"`);
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(vars[name] ?? ''));
}
