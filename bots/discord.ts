// Discord adapter (discord.js 14): slash commands, mentions, replies to the bot and DMs become Turns;
// Replies become messages with buttons (a select menu past 25 choices) and attachments, cut at 2000
// characters. Rate limits and 5xx retries are discord.js's own (its REST manager waits out 429s).
import {
  ActionRowBuilder,
  ApplicationCommandOptionType,
  ButtonBuilder,
  type ButtonInteraction,
  ButtonStyle,
  type ChatInputCommandInteraction,
  Client,
  Events,
  GatewayIntentBits,
  type Interaction,
  type Message,
  type MessageActionRowComponentBuilder,
  type MessageCreateOptions,
  MessageFlags,
  Partials,
  Routes,
  StringSelectMenuBuilder,
  type StringSelectMenuInteraction,
  type User,
} from 'discord.js';
import type { Logger } from 'pino';
import type { Choice, Engine, Reply, Turn } from '../dialogs/types.ts';
import type { RateLimiter } from './rate-limit.ts';
import { DISCORD_CUSTOM_ID_MAX, decodeChoice, encodeChoice, fitLabel, rows } from './render/choices.ts';
import { type CommandName, messages } from './render/messages.ts';
import { splitText } from './render/split.ts';
import { createTurnRunner } from './render/turn-runner.ts';

export const DISCORD_TEXT_MAX = 2000;
const BUTTONS_PER_ROW = 5;
const MAX_ROWS = 5;
const OPTIONS_PER_MENU = 25;
/** marks a select menu's custom id; the chosen id is then the menu's value */
const MENU = '*menu';

/** The slash commands; /start and /help are Telegram habits, on Discord the command list is the help. */
export const SLASH_COMMANDS: CommandName[] = ['repair', 'draft', 'faq', 'reset', 'forget', 'human'];

export interface DiscordOptions {
  token: string;
  appId: string;
  /** register commands in this server only (instant), instead of globally */
  guildId?: string;
  /** REST base, e.g. http://127.0.0.1:3000/api */
  apiRoot?: string;
  log: Logger;
  limiter?: RateLimiter;
  /** how long discord.js waits for a server's data after READY */
  waitGuildTimeout?: number;
}

export interface DiscordHandle {
  tag: string;
  client: Client;
  stop(): Promise<void>;
}

/** Where replies go: a channel, or an interaction's response (first reply edits the deferred one). */
interface Sink {
  send(options: MessageCreateOptions): Promise<unknown>;
  /** only the user sees it (interactions); falls back to a normal message */
  notice(content: string): Promise<unknown>;
}

export function commandDefinitions() {
  return SLASH_COMMANDS.map((name) => ({
    name,
    description: messages.commands[name],
    type: 1,
    ...(name === 'faq' && {
      options: [
        {
          type: ApplicationCommandOptionType.String,
          name: 'question',
          description: messages.faqOptionDescription,
          required: false,
        },
      ],
    }),
  }));
}

export async function startDiscord(engine: Engine, opts: DiscordOptions): Promise<DiscordHandle> {
  const log = opts.log.child({ channel: 'discord' });
  const client = new Client({
    intents: [
      GatewayIntentBits.Guilds,
      GatewayIntentBits.GuildMessages,
      GatewayIntentBits.DirectMessages,
      GatewayIntentBits.MessageContent,
    ],
    // DM channels are not cached before their first message arrives.
    partials: [Partials.Channel],
    // Echoed user text must never ping @everyone or anybody else.
    allowedMentions: { parse: [], repliedUser: false },
    ...(opts.waitGuildTimeout !== undefined && { waitGuildTimeout: opts.waitGuildTimeout }),
    rest: opts.apiRoot ? { api: opts.apiRoot } : {},
  });
  const runner = createTurnRunner(engine, { log, ...(opts.limiter && { limiter: opts.limiter }) });

  client.rest.on('rateLimited', (info) =>
    log.warn(
      { route: info.route, retryAfter: info.retryAfter },
      'Discord rate limit hit; discord.js waits and retries',
    ),
  );
  client.on(Events.Error, (err) => log.error({ err }, 'Discord client error'));

  client.on(Events.MessageCreate, (message) => {
    const me = client.user;
    if (!me) return;
    const turn = messageTurn(message, me.id);
    if (!turn) return;
    const sink = messageSink(message);
    void runner.run(turn, (replies) => deliver(sink, message.author, turn, replies));
  });

  client.on(Events.InteractionCreate, (interaction) => {
    void onInteraction(interaction).catch((err) => log.error({ err }, 'could not handle an interaction'));
  });

  async function onInteraction(interaction: Interaction) {
    if (interaction.isChatInputCommand()) {
      const turn = commandTurn(interaction);
      // Interactions must be acknowledged within 3 seconds; the engine may take longer.
      await interaction.deferReply();
      runDeferred(interaction, turn);
      return;
    }
    if (interaction.isButton() || interaction.isStringSelectMenu()) {
      const decoded = decodeChoice(interaction.customId);
      const choiceId = decoded?.choiceId.startsWith(MENU) ? pickedValue(interaction) : decoded?.choiceId;
      if (!decoded || !choiceId) {
        await interaction.reply({ content: messages.staleButton, flags: MessageFlags.Ephemeral });
        return;
      }
      if (decoded.forUserId !== interaction.user.id) {
        await interaction.reply({ content: messages.notYourButton, flags: MessageFlags.Ephemeral });
        return;
      }
      await interaction.deferReply();
      const turn: Turn = {
        channel: 'discord',
        chatId: interaction.channelId,
        userId: interaction.user.id,
        isGroup: interaction.inGuild(),
        addressed: true,
        choiceId,
      };
      runDeferred(interaction, turn);
    }
  }

  /**
   * Runs a turn whose interaction was deferred. A turn dropped by the rate limit (after its one notice)
   * would leave "thinking…" on screen forever, so the deferred reply is deleted instead.
   */
  function runDeferred(
    interaction: ChatInputCommandInteraction | ButtonInteraction | StringSelectMenuInteraction,
    turn: Turn,
  ): void {
    void runner.run(
      turn,
      (replies) => deliver(interactionSink(interaction), interaction.user, turn, replies),
      () => interaction.deleteReply(),
    );
  }

  async function deliver(sink: Sink, user: User, turn: Turn, replies: Reply[]): Promise<void> {
    for (const reply of replies) {
      if (reply.kind !== 'move-to-private') {
        for (const payload of render(reply, turn.userId)) await sink.send(payload);
        continue;
      }
      if (turn.isGroup) await sink.send({ content: reply.text });
      try {
        const dm = await user.createDM();
        const privateTurn: Turn = {
          channel: 'discord',
          chatId: dm.id,
          userId: turn.userId,
          isGroup: false,
          addressed: true,
          text: reply.privateStart,
        };
        const dmSink: Sink = { send: (p) => dm.send(p), notice: (c) => dm.send({ content: c }) };
        for (const r of await runner.handle(privateTurn)) {
          if (r.kind !== 'move-to-private')
            for (const payload of render(r, turn.userId)) await dmSink.send(payload);
        }
      } catch (err) {
        // 50007: the user does not accept DMs from this server's members.
        log.info({ err, chatId: turn.chatId }, 'could not open a DM');
        await sink.notice(messages.openPrivateChatDiscord);
      }
    }
  }

  function interactionSink(
    interaction: ChatInputCommandInteraction | ButtonInteraction | StringSelectMenuInteraction,
  ) {
    let first = true;
    return {
      send(options: MessageCreateOptions) {
        if (first) {
          first = false;
          return interaction.editReply(options as Parameters<typeof interaction.editReply>[0]);
        }
        return interaction.followUp(options as Parameters<typeof interaction.followUp>[0]);
      },
      notice(content: string) {
        return interaction.followUp({ content, flags: MessageFlags.Ephemeral });
      },
    } satisfies Sink;
  }

  function messageSink(message: Message): Sink {
    let first = message.inGuild();
    const send = (options: MessageCreateOptions) => {
      if (first) {
        // In a server the first answer quotes the user's message, so it is clear whom it is for.
        first = false;
        return message.reply(options);
      }
      return message.channel.isSendable() ? message.channel.send(options) : Promise.resolve(null);
    };
    return { send, notice: (content) => send({ content }) };
  }

  try {
    await client.login(opts.token);
  } catch (err) {
    throw new Error(`Discord login failed (${(err as Error)?.message ?? err}); check DISCORD_BOT_TOKEN`);
  }
  if (!client.isReady())
    await new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));

  try {
    const route = opts.guildId
      ? Routes.applicationGuildCommands(opts.appId, opts.guildId)
      : Routes.applicationCommands(opts.appId);
    await client.rest.put(route, { body: commandDefinitions() });
  } catch (err) {
    log.warn(
      { err },
      'could not register slash commands; check DISCORD_APP_ID (and DISCORD_GUILD_ID) and that the bot was ' +
        'invited with the applications.commands scope',
    );
  }
  const tag = client.user?.tag ?? 'unknown';
  log.info({ tag, guildId: opts.guildId ?? 'global' }, 'Discord bot started');

  let stopped = false;
  return {
    tag,
    client,
    async stop() {
      if (stopped) return;
      stopped = true;
      await runner.idle();
      await client.destroy();
    },
  };
}

/** The Turn for a message, or null when the bot is not addressed. */
export function messageTurn(message: Message, botId: string): Turn | null {
  if (message.author.bot || message.system) return null;
  const inGuild = message.inGuild();
  const mentioned = message.mentions.users.has(botId);
  const repliedToBot = message.mentions.repliedUser?.id === botId;
  if (inGuild && !mentioned && !repliedToBot) return null;
  const text = message.content
    .replace(new RegExp(`<@!?${botId}>`, 'g'), ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return {
    channel: 'discord',
    chatId: message.channelId,
    userId: message.author.id,
    isGroup: inGuild,
    addressed: true,
    // A bare mention starts the conversation.
    text: text || '/start',
  };
}

function commandTurn(interaction: ChatInputCommandInteraction): Turn {
  const question = interaction.commandName === 'faq' ? interaction.options.getString('question') : null;
  return {
    channel: 'discord',
    chatId: interaction.channelId,
    userId: interaction.user.id,
    isGroup: interaction.inGuild(),
    addressed: true,
    text: question ? `/faq ${question}` : `/${interaction.commandName}`,
  };
}

function pickedValue(interaction: ButtonInteraction | StringSelectMenuInteraction): string | undefined {
  return interaction.isStringSelectMenu() ? interaction.values[0] : undefined;
}

/** One Reply as Discord message payloads (several when the text is longer than 2000 characters). */
export function render(
  reply: Exclude<Reply, { kind: 'move-to-private' }>,
  forUserId: string,
): MessageCreateOptions[] {
  if (reply.kind === 'file') {
    const parts = reply.caption ? splitText(reply.caption, DISCORD_TEXT_MAX) : [];
    const last = parts.pop();
    return [
      ...parts.map((content) => ({ content })),
      {
        ...(last && { content: last }),
        files: [{ attachment: Buffer.from(reply.data), name: reply.fileName }],
      },
    ];
  }
  const parts = splitText(reply.text, DISCORD_TEXT_MAX).map((content): MessageCreateOptions => ({ content }));
  const last = parts[parts.length - 1];
  if (last && reply.choices?.length) last.components = components(reply.choices, forUserId);
  return parts;
}

export function components(
  choices: Choice[],
  forUserId: string,
): ActionRowBuilder<MessageActionRowComponentBuilder>[] {
  if (choices.length <= BUTTONS_PER_ROW * MAX_ROWS) {
    return rows(choices, BUTTONS_PER_ROW).map((row) =>
      new ActionRowBuilder<MessageActionRowComponentBuilder>().addComponents(
        row.map((c) =>
          new ButtonBuilder()
            .setCustomId(encodeChoice(forUserId, c.id, DISCORD_CUSTOM_ID_MAX))
            .setLabel(fitLabel(c.label, 80))
            .setStyle(ButtonStyle.Secondary),
        ),
      ),
    );
  }
  // More than 25 choices: select menus of 25 options each, at most 5 (one per row).
  return rows(choices, OPTIONS_PER_MENU)
    .slice(0, MAX_ROWS)
    .map((chunk, i) =>
      new ActionRowBuilder<MessageActionRowComponentBuilder>().addComponents(
        new StringSelectMenuBuilder()
          .setCustomId(encodeChoice(forUserId, `${MENU}${i || ''}`, DISCORD_CUSTOM_ID_MAX))
          .setPlaceholder(messages.selectPlaceholder)
          .addOptions(chunk.map((c) => ({ label: fitLabel(c.label, 100), value: c.id }))),
      ),
    );
}
