/**
 * discord.js interactions as the app layer's plain inputs (src/app/interaction-routes.ts): the
 * gateway's half of the parsing the HTTP transport does on Discord's JSON (src/http/payload.ts).
 */
import type {
  APIInteractionGuildMember,
  AutocompleteInteraction,
  BaseInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  GuildMember,
  MessageContextMenuCommandInteraction,
} from 'discord.js';
import {
  flattenOptions,
  optionsOf,
  type AutocompleteInput,
  type ButtonInput,
  type MessageCommandInput,
  type Origin,
  type SlashCommandInput,
} from '../app/interaction-routes.js';

/** Role ids of the member, whichever shape discord.js gave it (cached member or raw API member). */
export function roleIdsOf(member: GuildMember | APIInteractionGuildMember): string[] {
  return Array.isArray(member.roles) ? [...member.roles] : [...member.roles.cache.keys()];
}

/** Where, by whom and in which language. In a server discord.js always sets the member's permissions. */
export function originOf(interaction: BaseInteraction): Origin {
  const member = interaction.member;
  return {
    interactionId: interaction.id,
    guildId: interaction.guildId,
    actor: {
      userId: interaction.user.id,
      username: interaction.user.username,
      member: member === null ? null : { permissions: interaction.memberPermissions?.bitfield ?? null, roleIds: roleIdsOf(member) },
    },
    locale: interaction.locale,
  };
}

export function slashCommandInput(interaction: ChatInputCommandInteraction): SlashCommandInput {
  const { subcommand, leaves } = flattenOptions(interaction.options.data);
  return { ...originOf(interaction), name: interaction.commandName, subcommand, options: optionsOf(leaves).options };
}

export function autocompleteInput(interaction: AutocompleteInteraction): AutocompleteInput {
  const { leaves } = flattenOptions(interaction.options.data);
  return { name: interaction.commandName, userId: interaction.user.id, focused: optionsOf(leaves).focused };
}

export function messageCommandInput(interaction: MessageContextMenuCommandInteraction): MessageCommandInput {
  const target = interaction.targetMessage;
  return {
    ...originOf(interaction),
    name: interaction.commandName,
    target: { content: target.content, embeds: target.embeds.length, attachments: target.attachments.size },
  };
}

export function buttonInput(interaction: ButtonInteraction): ButtonInput {
  return { ...originOf(interaction), customId: interaction.customId };
}
