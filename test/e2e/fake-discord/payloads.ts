/**
 * Builders for Discord-shaped payloads (interactions, guilds, messages, users), typed with
 * `discord-api-types/v10`. Pure functions: no sockets, no state except a snowflake counter.
 */
import { randomBytes } from 'node:crypto';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ButtonStyle,
  ChannelType,
  ComponentType,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildSystemChannelFlags,
  GuildVerificationLevel,
  InteractionContextType,
  InteractionType,
  Locale,
  MessageType,
  PermissionFlagsBits,
} from 'discord-api-types/v10';
import type {
  APIApplicationCommandAutocompleteInteraction,
  APIApplicationCommandInteractionDataBasicOption,
  APIApplicationCommandInteractionDataOption,
  APIChatInputApplicationCommandInteraction,
  APIInteractionGuildMember,
  APIMessage,
  APIMessageApplicationCommandInteraction,
  APIMessageComponentButtonInteraction,
  APIMessageTopLevelComponent,
  APIEmbed,
  APIUser,
  GatewayGuildCreateDispatchData,
  GuildMemberFlags,
  Snowflake,
} from 'discord-api-types/v10';

/** Discord has no named zero flag for members. */
const NO_MEMBER_FLAGS = 0 as GuildMemberFlags;

const DISCORD_EPOCH = 1420070400000n;
let increment = 0n;

/** A fresh, time-ordered snowflake (unique within this process). */
export function snowflake(): Snowflake {
  increment = (increment + 1n) & 0xfffn;
  return (((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | (1n << 17n) | increment).toString();
}

/** The shard a guild belongs to: `(guild_id >> 22) % shardCount`. */
export function shardForGuild(guildId: Snowflake, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/** A guild id that lands on `shardId` of `shardCount` (ids differ per call). */
export function guildIdForShard(shardId: number, shardCount: number): Snowflake {
  for (;;) {
    const id = snowflake();
    const shift = (BigInt(shardId) - ((BigInt(id) >> 22n) % BigInt(shardCount)) + BigInt(shardCount)) % BigInt(shardCount);
    const candidate = (BigInt(id) + (shift << 22n)).toString();
    if (shardForGuild(candidate, shardCount) === shardId) return candidate;
  }
}

/** A random interaction token (URL-safe, like Discord's). */
export function interactionToken(): string {
  return `aW50ZXJhY3Rpb246${randomBytes(48).toString('base64url')}`;
}

/** A token shaped like a bot token (`id.timestamp.hmac`); the fake accepts any token unless told otherwise. */
export function fakeBotToken(botUserId = '100000000000000001'): string {
  return `${Buffer.from(botUserId).toString('base64url')}.${randomBytes(4).toString('base64url')}.${randomBytes(20).toString('base64url')}`;
}

/** Default permissions of an ordinary member: view, send, embed, history, use commands. */
export const MEMBER_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.UseApplicationCommands;

/** A guild the fake serves. Only `id` is required. */
export interface FakeGuild {
  id: Snowflake;
  name?: string;
  ownerId?: Snowflake;
  /** The text channel interactions come from by default (generated when absent). */
  channelId?: Snowflake;
  /** Extra role ids that exist in the guild (besides @everyone). */
  roleIds?: Snowflake[];
}

export function user(input: Partial<APIUser> = {}): APIUser {
  return {
    id: input.id ?? '200000000000000001',
    username: input.username ?? 'tester',
    discriminator: input.discriminator ?? '0',
    global_name: input.global_name ?? 'Tester',
    avatar: input.avatar ?? null,
    ...input,
  };
}

/** The channel id used for a guild's default text channel. */
export function defaultChannelId(guild: FakeGuild): Snowflake {
  return guild.channelId ?? (BigInt(guild.id) + 1n).toString();
}

export function guildCreate(guild: FakeGuild, botUser: APIUser): GatewayGuildCreateDispatchData {
  const channelId = defaultChannelId(guild);
  return {
    id: guild.id,
    name: guild.name ?? `Guild ${guild.id}`,
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: guild.ownerId ?? '200000000000000099',
    region: 'en-US',
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: GuildVerificationLevel.None,
    default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
    explicit_content_filter: GuildExplicitContentFilter.Disabled,
    roles: [
      {
        id: guild.id,
        name: '@everyone',
        color: 0,
        colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
        hoist: false,
        icon: null,
        unicode_emoji: null,
        position: 0,
        permissions: MEMBER_PERMISSIONS.toString(),
        managed: false,
        mentionable: false,
        flags: 0,
      },
      ...(guild.roleIds ?? []).map((id, index) => ({
        id,
        name: `role-${index + 1}`,
        color: 0,
        colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
        hoist: false,
        icon: null,
        unicode_emoji: null,
        position: index + 1,
        permissions: '0',
        managed: false,
        mentionable: false,
        flags: 0,
      })),
    ],
    emojis: [],
    features: [],
    mfa_level: GuildMFALevel.None,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: GuildSystemChannelFlags.SuppressJoinNotifications,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: GuildPremiumTier.None,
    preferred_locale: Locale.EnglishUS,
    public_updates_channel_id: null,
    nsfw_level: GuildNSFWLevel.Default,
    stickers: [],
    premium_progress_bar_enabled: false,
    hub_type: null,
    safety_alerts_channel_id: null,
    incidents_data: null,
    joined_at: new Date().toISOString(),
    large: false,
    unavailable: false,
    member_count: 2,
    voice_states: [],
    members: [
      {
        user: botUser,
        roles: [],
        joined_at: new Date().toISOString(),
        deaf: false,
        mute: false,
        flags: NO_MEMBER_FLAGS,
      },
    ],
    channels: [
      {
        id: channelId,
        type: ChannelType.GuildText,
        guild_id: guild.id,
        name: 'general',
        position: 0,
        permission_overwrites: [],
        parent_id: null,
        nsfw: false,
        topic: null,
        last_message_id: null,
        rate_limit_per_user: 0,
      },
    ],
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

/** A message as Discord returns it (for callbacks with_response, webhook edits and follow-ups). */
export function message(input: {
  id?: Snowflake;
  channelId: Snowflake;
  author: APIUser;
  content?: string;
  embeds?: APIEmbed[];
  components?: APIMessageTopLevelComponent[];
  flags?: number;
  applicationId?: Snowflake;
  webhookId?: Snowflake;
}): APIMessage {
  const result: APIMessage = {
    id: input.id ?? snowflake(),
    channel_id: input.channelId,
    author: input.author,
    content: input.content ?? '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: input.embeds ?? [],
    pinned: false,
    type: MessageType.ChatInputCommand,
    flags: input.flags ?? 0,
    components: input.components ?? [],
  };
  if (input.applicationId) result.application_id = input.applicationId;
  if (input.webhookId) result.webhook_id = input.webhookId;
  return result;
}

/** Where an interaction happens: a guild (with a member) or a DM with the bot. */
export interface InteractionPlace {
  /** Guild id; omit for a DM. */
  guildId?: Snowflake;
  /** Channel id; defaults to the guild's default channel (see `defaultChannelId`) or a DM channel. */
  channelId?: Snowflake;
  user?: Partial<APIUser>;
  /** Member overrides for guild interactions (roles, nick, …). */
  member?: Partial<Omit<APIInteractionGuildMember, 'user'>>;
  /** The member's permissions in the channel (bigint or decimal string). Default: `MEMBER_PERMISSIONS`. */
  permissions?: bigint | string;
  /** The bot's permissions in the channel. Default: `MEMBER_PERMISSIONS`. */
  appPermissions?: bigint | string;
  locale?: Locale;
  /** Set by `sendInteraction` to the fake's application id when left out. */
  applicationId?: Snowflake;
}

type OptionValue = string | number | boolean;

/** Options as Discord sends them; plain records become string/integer/number/boolean options. */
export type OptionsInput = APIApplicationCommandInteractionDataOption[] | Record<string, OptionValue>;

function basicOptions(options: Record<string, OptionValue>, focused?: string): APIApplicationCommandInteractionDataBasicOption[] {
  return Object.entries(options).map(([name, value]): APIApplicationCommandInteractionDataBasicOption => {
    const isFocused = name === focused;
    if (typeof value === 'boolean') return { name, type: ApplicationCommandOptionType.Boolean, value };
    if (typeof value === 'number') {
      return Number.isInteger(value)
        ? { name, type: ApplicationCommandOptionType.Integer, value, ...(isFocused ? { focused: true } : {}) }
        : { name, type: ApplicationCommandOptionType.Number, value, ...(isFocused ? { focused: true } : {}) };
    }
    return { name, type: ApplicationCommandOptionType.String, value, ...(isFocused ? { focused: true } : {}) };
  });
}

function commandOptions(
  options: OptionsInput | undefined,
  subcommand: string | undefined,
  subcommandGroup: string | undefined,
  focused?: string,
): APIApplicationCommandInteractionDataOption[] {
  const leaf: APIApplicationCommandInteractionDataOption[] = Array.isArray(options) ? options : basicOptions(options ?? {}, focused);
  if (!subcommand) return leaf;
  const sub: APIApplicationCommandInteractionDataOption = {
    name: subcommand,
    type: ApplicationCommandOptionType.Subcommand,
    options: leaf.filter(
      (option): option is APIApplicationCommandInteractionDataBasicOption =>
        option.type !== ApplicationCommandOptionType.Subcommand && option.type !== ApplicationCommandOptionType.SubcommandGroup,
    ),
  };
  if (!subcommandGroup) return [sub];
  return [{ name: subcommandGroup, type: ApplicationCommandOptionType.SubcommandGroup, options: [sub] }];
}

function permissionString(value: bigint | string | undefined): string {
  return (value ?? MEMBER_PERMISSIONS).toString();
}

/** The fields every interaction shares, for a guild or a DM. */
function base(place: InteractionPlace) {
  const author = user(place.user);
  const common = {
    id: snowflake(),
    application_id: place.applicationId ?? '',
    token: interactionToken(),
    version: 1 as const,
    app_permissions: permissionString(place.appPermissions),
    locale: place.locale ?? Locale.EnglishUS,
    entitlements: [],
    attachment_size_limit: 10 * 1024 * 1024,
  };
  if (place.guildId) {
    const channelId = place.channelId ?? defaultChannelId({ id: place.guildId });
    const member: APIInteractionGuildMember = {
      roles: [],
      joined_at: new Date(0).toISOString(),
      deaf: false,
      mute: false,
      flags: NO_MEMBER_FLAGS,
      ...place.member,
      user: author,
      permissions: permissionString(place.permissions),
    };
    return {
      ...common,
      guild_id: place.guildId,
      guild_locale: Locale.EnglishUS,
      channel_id: channelId,
      channel: { id: channelId, type: ChannelType.GuildText as const, guild_id: place.guildId, name: 'general' },
      member,
      authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: place.guildId },
      context: InteractionContextType.Guild,
    };
  }
  const channelId = place.channelId ?? (BigInt(author.id) + 7n).toString();
  return {
    ...common,
    channel_id: channelId,
    channel: { id: channelId, type: ChannelType.DM as const, recipients: [author] },
    user: author,
    authorizing_integration_owners: { [ApplicationIntegrationType.UserInstall]: author.id },
    context: InteractionContextType.BotDM,
  };
}

export interface ChatInputInput extends InteractionPlace {
  name: string;
  options?: OptionsInput;
  subcommand?: string;
  subcommandGroup?: string;
  /** Command id (any snowflake works unless the bot checks registered ids). */
  commandId?: Snowflake;
  /**
   * Users picked in user options, as Discord sends them in `data.resolved.users` (pass the option
   * itself in `options` as `{ name, type: ApplicationCommandOptionType.User, value: id }`).
   */
  resolvedUsers?: APIUser[];
}

/** The `data` of a chat-input command or its autocomplete. */
function commandData(
  input: { name: string; commandId?: Snowflake; guildId?: Snowflake },
  options: APIApplicationCommandInteractionDataOption[],
) {
  return {
    id: input.commandId ?? snowflake(),
    name: input.name,
    type: ApplicationCommandType.ChatInput as const,
    options,
    ...(input.guildId ? { guild_id: input.guildId } : {}),
  };
}

/** A slash-command interaction (`INTERACTION_CREATE`, type 2, command type 1). */
export function chatInput(input: ChatInputInput): APIChatInputApplicationCommandInteraction {
  return {
    ...base(input),
    type: InteractionType.ApplicationCommand,
    data: {
      ...commandData(input, commandOptions(input.options, input.subcommand, input.subcommandGroup)),
      ...(input.resolvedUsers === undefined
        ? {}
        : { resolved: { users: Object.fromEntries(input.resolvedUsers.map((user) => [user.id, user])) } }),
    },
  };
}

export interface AutocompleteInput extends InteractionPlace {
  name: string;
  /** The option being typed into. */
  focused: { name: string; value: string | number };
  /** Other options already filled in. */
  options?: Record<string, OptionValue>;
  subcommand?: string;
  subcommandGroup?: string;
  commandId?: Snowflake;
}

/** An autocomplete interaction (type 4); the bot answers with callback type 8. */
export function autocomplete(input: AutocompleteInput): APIApplicationCommandAutocompleteInteraction {
  const options = commandOptions(
    { ...input.options, [input.focused.name]: input.focused.value },
    input.subcommand,
    input.subcommandGroup,
    input.focused.name,
  );
  return {
    ...base(input),
    type: InteractionType.ApplicationCommandAutocomplete,
    data: commandData(input, options),
  };
}

export interface ButtonInput extends InteractionPlace {
  customId: string;
  /** The message carrying the button; defaults to a bot message with that one button. */
  message?: APIMessage;
  /** Author of the default message (the bot user). */
  botUser?: APIUser;
}

/** A button click (type 3, component type 2); `update` answers with callback type 7. */
export function button(input: ButtonInput): APIMessageComponentButtonInteraction {
  const b = base(input);
  const msg =
    input.message ??
    message({
      channelId: b.channel_id,
      author: input.botUser ?? user({ id: '100000000000000001', username: 'casebot', bot: true }),
      content: 'a message with a button',
      components: [
        {
          type: ComponentType.ActionRow,
          components: [{ type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: input.customId, label: 'Press' }],
        },
      ],
    });
  return {
    ...b,
    type: InteractionType.MessageComponent,
    message: msg,
    data: { custom_id: input.customId, component_type: ComponentType.Button },
  };
}

export interface MessageCommandInput extends InteractionPlace {
  /** The command's name, e.g. 'Check against case facts'. */
  name: string;
  /** The message the command was used on; `resolved.messages[target_id]`. Default: a message with `content` by `author`. */
  target?: APIMessage;
  /** Text of the default target message. */
  content?: string;
  /** Embeds of the default target message. */
  embeds?: APIEmbed[];
  /** Author of the default target message. Default: another member. */
  author?: Partial<APIUser>;
  commandId?: Snowflake;
}

/**
 * A message context-menu command (type 2, command type 3): `data.target_id` names the message and
 * `data.resolved.messages` carries it, content included, as Discord sends it.
 */
export function messageCommand(input: MessageCommandInput): APIMessageApplicationCommandInteraction {
  const b = base(input);
  const target = input.target ?? {
    ...message({
      channelId: b.channel_id,
      author: user({ id: '200000000000000077', username: 'poster', ...input.author }),
      content: input.content ?? '',
      embeds: input.embeds ?? [],
    }),
    type: MessageType.Default,
  };
  return {
    ...b,
    type: InteractionType.ApplicationCommand,
    data: {
      id: input.commandId ?? snowflake(),
      name: input.name,
      type: ApplicationCommandType.Message,
      target_id: target.id,
      resolved: { messages: { [target.id]: target } },
      ...(input.guildId ? { guild_id: input.guildId } : {}),
    },
  };
}
