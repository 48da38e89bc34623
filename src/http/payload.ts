/**
 * Parses a verified interaction body (Discord's JSON) into the typed request the dispatcher acts
 * on, with zod: unknown fields are dropped, anything we rely on is checked, nothing is cast. Only
 * the interaction types casebot answers are accepted; the rest is refused as malformed.
 */
import { z } from 'zod';
import { flattenOptions, optionsOf, type Actor, type OptionValue } from '../app/interaction-routes.js';

const snowflake = z.string().regex(/^\d{1,20}$/);

const user = z.object({ id: snowflake, username: z.string() });

const member = z.object({
  user,
  roles: z.array(snowflake),
  /** The member's permissions in the channel, a decimal bit set. */
  permissions: z.string().regex(/^\d{1,40}$/),
});

const optionValue = z.union([z.string(), z.number(), z.boolean()]);

/** A leaf option: a value the user typed or picked. */
const valueOption = z.object({ name: z.string(), type: z.number().int(), value: optionValue, focused: z.boolean().optional() });
/** A subcommand (type 1) and its options. */
const subcommandOption = z.object({ name: z.string(), type: z.literal(1), options: z.array(valueOption).optional() });
/** A subcommand group (type 2) and its subcommands. */
const groupOption = z.object({ name: z.string(), type: z.literal(2), options: z.array(subcommandOption) });
const anyOption = z.union([subcommandOption, groupOption, valueOption]);

/** Fields every interaction except PING carries. */
const common = {
  id: snowflake,
  application_id: snowflake,
  /** Secret for 15 minutes: never logged. */
  token: z.string().min(1).max(500),
  guild_id: snowflake.optional(),
  member: member.optional(),
  user: user.optional(),
  /** The user's client language (`ja`, `en-US`, …): picks the catalog of the replies. */
  locale: z.string().max(20).optional(),
};

const ping = z.object({ type: z.literal(1), id: snowflake, application_id: snowflake });
/** What a message command needs of its target message: the text, and whether there is anything besides. */
const targetMessage = z.object({
  content: z.string().default(''),
  embeds: z.array(z.unknown()).default([]),
  attachments: z.array(z.unknown()).default([]),
});
const command = z.object({
  ...common,
  type: z.literal(2),
  data: z.object({
    name: z.string(),
    type: z.number().int(),
    options: z.array(anyOption).optional(),
    /** Message commands (type 3): the message acted on, carried in `resolved.messages`. */
    target_id: snowflake.optional(),
    resolved: z.object({ messages: z.record(snowflake, targetMessage).optional() }).optional(),
  }),
});
const component = z.object({
  ...common,
  type: z.literal(3),
  data: z.object({ custom_id: z.string().max(100), component_type: z.number().int() }),
});
const autocomplete = z.object({
  ...common,
  type: z.literal(4),
  data: z.object({ name: z.string(), type: z.number().int(), options: z.array(anyOption).optional() }),
});

const interaction = z.discriminatedUnion('type', [ping, command, component, autocomplete]);

/** Who acted: in a server the member (with roles and permissions), in a DM just the user. */
export type { Actor, OptionValue };

/** What every answerable interaction has: where to send later edits, and who asked. */
export interface InteractionBase {
  readonly id: string;
  readonly applicationId: string;
  readonly token: string;
  readonly guildId: string | null;
  readonly actor: Actor;
  /** The user's Discord locale, or null when the payload has none (then English). */
  readonly locale: string | null;
}

/** An interaction casebot can answer, parsed. */
export type ParsedInteraction =
  | { readonly kind: 'ping'; readonly id: string }
  | (InteractionBase & {
      readonly kind: 'command';
      readonly name: string;
      /** Chat input (1), user (2), or a message command (3) without its target: only chat input commands are ours. */
      readonly commandType: number;
      /** `group sub`, `sub`, or null for a command without subcommands. */
      readonly subcommand: string | null;
      readonly options: ReadonlyMap<string, OptionValue>;
    })
  | (InteractionBase & {
      readonly kind: 'autocomplete';
      readonly name: string;
      readonly focused: { readonly name: string; readonly value: string } | null;
    })
  | (InteractionBase & {
      readonly kind: 'message-command';
      readonly name: string;
      readonly target: { readonly content: string; readonly embeds: number; readonly attachments: number };
    })
  | (InteractionBase & { readonly kind: 'component'; readonly customId: string; readonly componentType: number });

function actorOf(payload: { member?: z.infer<typeof member> | undefined; user?: z.infer<typeof user> | undefined }): Actor | null {
  if (payload.member !== undefined) {
    const { user: who, roles, permissions } = payload.member;
    return { userId: who.id, username: who.username, member: { permissions: BigInt(permissions), roleIds: roles } };
  }
  if (payload.user !== undefined) return { userId: payload.user.id, username: payload.user.username, member: null };
  return null;
}

/**
 * Parses an interaction body that passed the signature check.
 *
 * @returns the interaction, or null when it is not one casebot answers (malformed, no user, other type).
 * @example
 * parseInteraction(JSON.parse(rawBody.toString('utf8'))) // { kind: 'ping', id } | { kind: 'command', … } | null
 */
export function parseInteraction(body: unknown): ParsedInteraction | null {
  const parsed = interaction.safeParse(body);
  if (!parsed.success) return null;
  const payload = parsed.data;
  if (payload.type === 1) return { kind: 'ping', id: payload.id };
  const actor = actorOf(payload);
  if (actor === null) return null;
  const base: InteractionBase = {
    id: payload.id,
    applicationId: payload.application_id,
    token: payload.token,
    guildId: payload.guild_id ?? null,
    actor,
    locale: payload.locale ?? null,
  };
  if (payload.type === 3)
    return { ...base, kind: 'component', customId: payload.data.custom_id, componentType: payload.data.component_type };
  const { subcommand, leaves } = flattenOptions(payload.data.options);
  const { options, focused } = optionsOf(leaves);
  if (payload.type === 4) return { ...base, kind: 'autocomplete', name: payload.data.name, focused };
  const target = messageTarget(payload.data);
  if (target !== null) return { ...base, kind: 'message-command', name: payload.data.name, target };
  return { ...base, kind: 'command', name: payload.data.name, commandType: payload.data.type, subcommand, options };
}

/** Discord's command type of a message context-menu command. */
const MESSAGE_COMMAND = 3;

/** The target of a message command, counted as the app layer wants it; null for any other command. */
function messageTarget(data: z.infer<typeof command>['data']): { content: string; embeds: number; attachments: number } | null {
  if (data.type !== MESSAGE_COMMAND || data.target_id === undefined) return null;
  const message = data.resolved?.messages?.[data.target_id];
  if (message === undefined) return null;
  return { content: message.content, embeds: message.embeds.length, attachments: message.attachments.length };
}
