import {
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type APIInteractionGuildMember,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type GuildMember,
} from 'discord.js';
import type { AppReply } from '../../app/case-bot.js';
import { DEFAULT_GAPS_DAYS, type GapsRequest } from '../../app/gaps-commands.js';
import { renderAdminRefused } from '../../app/permissions.js';
import { catalogFor } from '../../answer/locale/index.js';
import type { BotContext, HandlerResult } from '../context.js';
import { replyPrivatelyInTime, sendReply } from '../respond.js';
import { inJapanese } from './localizations.js';

/** `/case-admin reload`, `status`, `gaps` and `default-case`, for moderators. */
export const data = inJapanese(new SlashCommandBuilder(), 'case-admin')
  .setName('case-admin')
  .setDescription('Moderator tools for the case facts.')
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild)
  .addSubcommand((sub) =>
    inJapanese(sub, 'case-admin reload')
      .setName('reload')
      .setDescription('Re-read the facts folder; on errors the current facts stay in use.'),
  )
  .addSubcommand((sub) =>
    inJapanese(sub, 'case-admin status').setName('status').setDescription('Show facts loaded, last reload, uptime and memory.'),
  )
  .addSubcommand((sub) =>
    inJapanese(sub, 'case-admin gaps')
      .setName('gaps')
      .setDescription('Most-asked questions without a good answer, and answers voted 👎, in this server.')
      .addStringOption((option) =>
        inJapanese(option, 'case-admin gaps case')
          .setName('case')
          .setDescription('Only this case (its id); default: every case')
          .setAutocomplete(true)
          .setMaxLength(100),
      )
      .addIntegerOption((option) =>
        inJapanese(option, 'case-admin gaps days')
          .setName('days')
          .setDescription(`The last N days, today included (default ${DEFAULT_GAPS_DAYS})`)
          .setMinValue(1)
          .setMaxValue(365),
      ),
  )
  .addSubcommand((sub) =>
    inJapanese(sub, 'case-admin default-case')
      .setName('default-case')
      .setDescription('Set the case /case answers from on this server (leave case empty to clear it).')
      .addStringOption((option) =>
        inJapanese(option, 'case-admin default-case case')
          .setName('case')
          .setDescription('The case id; empty: no default')
          .setAutocomplete(true)
          .setMaxLength(100),
      ),
  );

/** Role ids of the member, whichever shape discord.js gave it (cached member or raw API member). */
export function roleIdsOf(member: GuildMember | APIInteractionGuildMember): string[] {
  return Array.isArray(member.roles) ? [...member.roles] : [...member.roles.cache.keys()];
}

/**
 * Runs a subcommand after checking, again at run time, that the member may: server admins can
 * change who sees the command, and a DM has no member to check at all.
 */
export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<HandlerResult> {
  const member = interaction.member;
  if (!interaction.inGuild() || member === null) {
    await sendReply(interaction, renderAdminRefused('outside-guild', catalogFor(interaction.locale)), ctx.log);
    return { outcome: 'refused' };
  }
  // In a server (checked above), discord.js always sets the member's permissions.
  const permissions = interaction.memberPermissions.bitfield;
  if (!ctx.bot.mayAdminister({ permissions, roleIds: roleIdsOf(member) })) {
    await sendReply(interaction, renderAdminRefused('not-permitted', catalogFor(interaction.locale)), ctx.log);
    return { outcome: 'refused' };
  }

  const subcommand = interaction.options.getSubcommand(true);
  if (subcommand === 'reload') {
    // A reload reads files and rebuilds the index: always acknowledge first.
    await interaction.deferReply({ flags: 'Ephemeral' });
    const reply = await ctx.bot.handleReload({ by: `${interaction.user.username} (${interaction.user.id})` });
    await sendReply(interaction, reply, ctx.log);
    return { outcome: reply.outcome, referenceId: reply.referenceId, deferred: true };
  }
  if (subcommand === 'default-case') return executeDefaultCase(interaction, ctx, interaction.guildId);
  if (subcommand === 'status' || subcommand === 'gaps') {
    const run = (): AppReply | Promise<AppReply> =>
      subcommand === 'status'
        ? ctx.bot.handleStatus({ guildId: interaction.guildId })
        : ctx.bot.handleGaps(gapsRequest(interaction, interaction.guildId));
    return replyPrivatelyInTime(interaction, ctx, run);
  }
  await sendReply(interaction, { content: `Unknown subcommand ${subcommand}.`, ephemeral: true }, ctx.log);
  return { outcome: 'unknown-subcommand' };
}

/**
 * The options of `/case-admin gaps`. Always this server only: a moderator of one server never sees
 * another server's questions.
 */
function gapsRequest(interaction: ChatInputCommandInteraction, guildId: string): GapsRequest {
  const caseId = interaction.options.getString('case');
  const days = interaction.options.getInteger('days');
  return {
    guildId,
    ...(caseId === null ? {} : { caseId }),
    ...(days === null ? {} : { days }),
  };
}

/** `/case-admin default-case case:<id>`: sets (or, without `case`, clears) the server's default case. */
async function executeDefaultCase(interaction: ChatInputCommandInteraction, ctx: BotContext, guildId: string): Promise<HandlerResult> {
  const caseId = interaction.options.getString('case')?.trim() || null;
  const reply = ctx.bot.handleDefaultCase({ guildId, caseId, by: `${interaction.user.username} (${interaction.user.id})` });
  await sendReply(interaction, { ...reply, ephemeral: true }, ctx.log);
  return { outcome: reply.outcome, referenceId: reply.referenceId };
}

/** Suggests cases for `/case-admin default-case case:`. */
export async function autocomplete(interaction: AutocompleteInteraction, ctx: BotContext): Promise<HandlerResult> {
  const focused = interaction.options.getFocused(true);
  const choices = focused.name === 'case' ? ctx.bot.handleCaseAutocomplete({ input: focused.value }) : [];
  await interaction.respond(choices.map((choice) => ({ name: choice.name, value: choice.value })));
  return { outcome: `choices:${choices.length}` };
}
