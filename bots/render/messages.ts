// The adapters' own user-facing sentences (rate limit, foreign buttons, command menus) are data in
// messages.json so they can be reviewed with the rest of the Chinese text; everything about credit
// repair itself comes from the engine.
import { readFileSync } from 'node:fs';
import { z } from 'zod';

export const COMMANDS = ['start', 'help', 'repair', 'draft', 'faq', 'reset', 'forget', 'human'] as const;
export type CommandName = (typeof COMMANDS)[number];

const MessagesSchema = z.strictObject({
  rateLimited: z.string().min(1),
  notYourButton: z.string().min(1),
  staleButton: z.string().min(1),
  internalError: z.string().min(1),
  openPrivateChatTelegram: z.string().includes('{link}'),
  openPrivateChatDiscord: z.string().min(1),
  forgetDone: z.string().min(1),
  selectPlaceholder: z.string().min(1),
  commands: z.strictObject(
    Object.fromEntries(COMMANDS.map((c) => [c, z.string().min(1)])) as Record<CommandName, z.ZodString>,
  ),
  faqOptionDescription: z.string().min(1),
});

export type Messages = z.infer<typeof MessagesSchema>;

export const messages: Messages = MessagesSchema.parse(
  JSON.parse(readFileSync(new URL('./messages.json', import.meta.url), 'utf8')),
);

/** Fills `{name}` placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  );
}
