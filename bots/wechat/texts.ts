// The WeChat, WeCom and public-page adapters' own sentences and the Official Account menu, read from
// knowledge/channels/text.json and checked at load: a menu the platform would refuse (more than three
// top-level buttons, a name too long, a key that is no command) fails here, not at publish time.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { COMMANDS } from '../render/messages.ts';

const utf8Bytes = (s: string) => Buffer.byteLength(s, 'utf8');
const command = z.enum(COMMANDS);
// Limits from the custom-menu API: top level ≤ 16 bytes, sub-menu items ≤ 60 bytes, ≤ 3 × 5 buttons.
const leaf = (maxBytes: number) =>
  z.strictObject({
    type: z.literal('click'),
    name: z
      .string()
      .min(1)
      .refine((s) => utf8Bytes(s) <= maxBytes, `menu name longer than ${maxBytes} bytes`),
    key: command,
  });
const MenuSchema = z.strictObject({
  button: z
    .array(
      z.union([
        leaf(16),
        z.strictObject({
          name: z
            .string()
            .min(1)
            .refine((s) => utf8Bytes(s) <= 16, 'menu name longer than 16 bytes'),
          sub_button: z.array(leaf(60)).min(1).max(5),
        }),
      ]),
    )
    .min(1)
    .max(3),
});

const TextsSchema = z.strictObject({
  numberedChoices: z.string().min(1),
  draftLink: z.string().includes('{url}'),
  draftGone: z.string().min(1),
  draftNotFound: z.string().min(1),
  textOnly: z.string().min(1),
  tooLong: z.string().includes('{max}'),
  emptyMessage: z.string().min(1),
  rateLimited: z.string().includes('{seconds}'),
  sessionCookieNeeded: z.string().min(1),
  wechatMenu: MenuSchema,
});

export type ChannelTexts = z.infer<typeof TextsSchema>;
export type WechatMenu = z.infer<typeof MenuSchema>;

export const channelTexts: ChannelTexts = TextsSchema.parse(
  JSON.parse(readFileSync(new URL('../../knowledge/channels/text.json', import.meta.url), 'utf8')),
);

/** The command text a menu click stands for, or undefined for a key that is not ours. */
export function commandForMenuKey(key: string | undefined): string | undefined {
  const parsed = command.safeParse(key);
  return parsed.success ? `/${parsed.data}` : undefined;
}
