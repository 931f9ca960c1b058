// Text-only platforms (WeChat Official Account, WeCom): choices become a numbered list — a typed number
// picks the choice, which the engine understands — and long texts are cut to the platform's size.
import type { Reply } from '../../dialogs/types.ts';
import { fill } from '../render/messages.ts';
import { splitText } from '../render/split.ts';
import { channelTexts } from './texts.ts';

/** Longer incoming messages are not chat questions; the user is asked to split them. */
export const MAX_TEXT = 2000;

/** Both platforms cap a text message at 2048 bytes of UTF-8. */
export const TEXT_MAX_BYTES = 2048;
// One UTF-16 unit is at most 3 bytes of UTF-8 (a surrogate pair, 2 units, is 4), so this many units
// always fit in the byte limit whatever the text.
const TEXT_MAX_UNITS = Math.floor(TEXT_MAX_BYTES / 3);

export function withNumberedChoices(reply: Extract<Reply, { kind: 'text' }>): string {
  if (!reply.choices?.length) return reply.text;
  const list = reply.choices.map((c, i) => `${i + 1}. ${c.label}`).join('\n');
  return `${reply.text}\n\n${channelTexts.numberedChoices}\n${list}`;
}

export function splitForPlatform(text: string): string[] {
  return splitText(text, TEXT_MAX_UNITS);
}

/**
 * The engine's several replies as few platform messages as fit: a passive WeChat reply carries only one
 * message, and every further one is an API call (and, for an Official Account, needs the
 * customer-service permission), so short replies travel together, split again at paragraph breaks.
 */
export function packForPlatform(texts: string[]): string[] {
  const joined = texts.filter((t) => t.trim()).join('\n\n');
  return joined ? splitForPlatform(joined) : [];
}

export function draftLinkText(fileName: string, url: string, ttlMs: number): string {
  return fill(channelTexts.draftLink, {
    name: fileName.replace(/\.[a-z]+$/i, ''),
    url,
    minutes: Math.round(ttlMs / 60_000),
  });
}
