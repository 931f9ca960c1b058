// One turn as data (docs/design.md): adapters build a Turn, the engine answers with Reply[].
import type { Determination, Facts } from '../rules/types.ts';
import type { Command } from './command.ts';

export type Channel =
  | 'console'
  | 'staff'
  | 'cli'
  | 'telegram'
  | 'discord'
  | 'web'
  | 'wechat'
  | 'wecom'
  | 'public-web';

export interface Turn {
  channel: Channel;
  chatId: string;
  userId: string;
  /** true in group chats: the engine then never asks for or echoes personal data */
  isGroup?: boolean;
  /** whether the message was addressed to the bot (command, mention, reply, private chat) */
  addressed?: boolean;
  /** free text typed by the user (commands such as /start included) */
  text?: string;
  /** id of a choice the user pressed (a button / menu item) */
  choiceId?: string;
}

export interface Choice {
  /** short, ASCII, stable id: fits Telegram's 64-byte callback data */
  id: string;
  label: string;
}

export type Reply =
  | { kind: 'text'; text: string; choices?: Choice[] }
  | { kind: 'file'; fileName: string; mimeType: string; data: Uint8Array; caption?: string }
  /**
   * The conversation must continue in a private chat (personal data is never collected in a group).
   * `text` is said in the group; the adapter then opens the private chat / DM and feeds
   * `privateStart` there as the user's first turn.
   */
  | { kind: 'move-to-private'; text: string; privateStart: string };

export interface TurnResult {
  replies: Reply[];
  intent: string;
  confidence: number;
  /** facts understood from this turn's text */
  facts: Facts;
  /** the determination for the session's facts after this turn */
  determination: Determination;
  /** what the turn was understood as (dialogs/command.ts) */
  commands?: Command[];
  /**
   * The case as this turn left it (what getCase would return now), computed on demand: the web
   * console shows it after each turn without reading the session back.
   */
  view?: () => CaseView;
  /**
   * The case's `textsKey` before this turn: equal to the view's after it, the turn left the
   * determination, explanation and unmet reasons as they were (a question asked, a button pressed).
   */
  textsKeyBefore?: string;
  /**
   * The buttons the session offers after the turn: this turn's, or the last ones offered when it
   * showed none (a number typed next still picks from them); what the case record keeps.
   */
  choices?: Choice[];
}

export type SessionKey = Pick<Turn, 'channel' | 'chatId' | 'userId'>;

/**
 * The conversation engine every channel uses (created by `createEngine` in dialogs/engine.ts).
 * Commands arrive as text: /start /help /repair /draft /faq /reset /forget /human.
 */
export interface Engine {
  handle(turn: Turn): Promise<TurnResult>;
  /** delete everything stored for this user in this chat (/forget does the same through handle) */
  forget(key: SessionKey): Promise<void>;
  /** flush pending session writes; call on shutdown */
  close(): Promise<void>;
}

/** What staff views show of a case (dialogs/engine.ts getCase). */
export interface CaseView {
  facts: Facts;
  determination: Determination;
  explanation: string;
  readAloud: string;
  /** unmet conditions and exclusions, in the user's words (same order as the unmet reasons) */
  unmetReasons: string[];
  /**
   * Names what determination, explanation and unmet reasons rest on (the facts in force and the
   * day): two views with the same key have the same texts, so a page holding them need not get them again.
   */
  textsKey?: string;
  history: { from: 'user' | 'bot'; text: string }[];
  /** draft fields the caller gave in the chat's draft interview */
  draftFields: Record<string, string | number>;
}
