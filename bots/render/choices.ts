// A button carries who it was meant for and which choice it is, so a press by another group member
// can be refused without any server-side state (and survives a restart).
import type { Choice } from '../../dialogs/types.ts';

/** Telegram's callback_data limit, in bytes. */
export const TELEGRAM_CALLBACK_MAX_BYTES = 64;
/** Discord's custom_id limit, in characters. */
export const DISCORD_CUSTOM_ID_MAX = 100;

const PREFIX = 'c';

export function encodeChoice(forUserId: string, choiceId: string, maxBytes: number): string {
  const data = `${PREFIX}|${forUserId}|${choiceId}`;
  const bytes = Buffer.byteLength(data, 'utf8');
  if (bytes > maxBytes) {
    throw new RangeError(
      `choice id "${choiceId}" makes button data ${bytes} bytes (limit ${maxBytes}); ` +
        'choice ids must be short ASCII (dialogs/types.ts Choice.id)',
    );
  }
  return data;
}

export function decodeChoice(data: string): { forUserId: string; choiceId: string } | null {
  const m = /^c\|([^|]+)\|(.+)$/s.exec(data);
  return m ? { forUserId: m[1] as string, choiceId: m[2] as string } : null;
}

/** Cuts a label to the platform's limit, marking the cut. */
export function fitLabel(label: string, max: number): string {
  const chars = [...label];
  return chars.length <= max ? label : `${chars.slice(0, max - 1).join('')}…`;
}

/** Splits choices into rows of at most `perRow`. */
export function rows<T>(items: T[], perRow: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += perRow) out.push(items.slice(i, i + perRow));
  return out;
}

export type { Choice };
