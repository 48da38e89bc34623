/**
 * Parses a verified interaction body (Discord's JSON) into the typed request the dispatcher acts
 * on, with zod: unknown fields are dropped, anything we rely on is checked, nothing is cast. Only
 * the interaction types casebot answers are accepted; the rest is refused as malformed.
 */
import { z } from 'zod';

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
const command = z.object({
  ...common,
  type: z.literal(2),
  data: z.object({ name: z.string(), type: z.number().int(), options: z.array(anyOption).optional() }),
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
export interface Actor {
  readonly userId: string;
  readonly username: string;
  /** null in a DM (no member, nothing to check permissions against). */
  readonly member: { readonly permissions: bigint; readonly roleIds: readonly string[] } | null;
}

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

export type OptionValue = string | number | boolean;

/** An interaction casebot can answer, parsed. */
export type ParsedInteraction =
  | { readonly kind: 'ping'; readonly id: string }
  | (InteractionBase & {
      readonly kind: 'command';
      readonly name: string;
      /** Chat input (1), user (2) or message (3) command: only chat input commands are ours. */
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
  | (InteractionBase & { readonly kind: 'component'; readonly customId: string; readonly componentType: number });

type AnyOption = z.infer<typeof anyOption>;
type ValueOption = z.infer<typeof valueOption>;

/** The subcommand path and the leaf options under it. */
function flatten(options: readonly AnyOption[] | undefined): { subcommand: string | null; leaves: readonly ValueOption[] } {
  const first = options?.[0];
  // Only subcommands and groups come without a value.
  if (first !== undefined && !('value' in first)) {
    if (first.type === 1) return { subcommand: first.name, leaves: first.options ?? [] };
    const sub = first.options[0];
    return { subcommand: sub === undefined ? first.name : `${first.name} ${sub.name}`, leaves: sub?.options ?? [] };
  }
  return { subcommand: null, leaves: (options ?? []).filter((option): option is ValueOption => 'value' in option) };
}

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
  const { subcommand, leaves } = flatten(payload.data.options);
  if (payload.type === 4) {
    const focused = leaves.find((option) => option.focused === true);
    return {
      ...base,
      kind: 'autocomplete',
      name: payload.data.name,
      focused: focused === undefined ? null : { name: focused.name, value: String(focused.value) },
    };
  }
  return {
    ...base,
    kind: 'command',
    name: payload.data.name,
    commandType: payload.data.type,
    subcommand,
    options: new Map(leaves.map((option) => [option.name, option.value])),
  };
}
