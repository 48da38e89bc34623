import { InteractionContextType, SlashCommandBuilder, type AutocompleteInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { MAX_QUERY_LENGTH, type AppReply } from '../../app/case-bot.js';
import type { BotContext, HandlerResult } from '../context.js';
import { respondInTime, sendReply } from '../respond.js';
import { roleIdsOf } from './case-admin.js';
import { inJapanese } from './localizations.js';

/** Discord's limits on an autocomplete choice's name and value. */
const CHOICE_MAX = 100;

/** `/case query:<question> case:<case id> mention:<user> private:<true|false>` */
export const data = inJapanese(new SlashCommandBuilder(), 'case')
  .setName('case')
  .setDescription('Ask about the case; every answer cites the source sentence it rests on.')
  .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel)
  .addStringOption((option) =>
    inJapanese(option, 'case query')
      .setName('query')
      .setDescription('Your question or a few key words, e.g. "who found the tick"')
      .setRequired(true)
      .setAutocomplete(true)
      .setMaxLength(MAX_QUERY_LENGTH),
  )
  .addBooleanOption((option) =>
    inJapanese(option, 'case private')
      .setName('private')
      .setDescription('Only you see the answer (default: everyone in the channel sees it)'),
  )
  .addStringOption((option) =>
    inJapanese(option, 'case case')
      .setName('case')
      .setDescription('Which case to answer from (default: the server default, else the best match)')
      .setAutocomplete(true)
      .setMaxLength(CHOICE_MAX),
  )
  .addUserOption((option) =>
    inJapanese(option, 'case mention')
      .setName('mention')
      .setDescription('Address the answer to this member and ping only them (not with private)'),
  );

/** Answers the question; public answers are subject to the per-user cooldown. */
export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<HandlerResult> {
  const isPrivate = interaction.options.getBoolean('private') ?? false;
  const member = interaction.member;
  const request = {
    query: interaction.options.getString('query', true),
    caseId: interaction.options.getString('case') ?? undefined,
    mentionUserId: interaction.options.getUser('mention')?.id,
    guildId: interaction.guildId,
    private: isPrivate,
    userId: interaction.user.id,
    // Only a private answer can show ids, so only then is the member's standing worth checking.
    moderator:
      isPrivate &&
      member !== null &&
      ctx.bot.mayAdminister({ permissions: interaction.memberPermissions?.bitfield ?? null, roleIds: roleIdsOf(member) }),
    interactionId: interaction.id,
    locale: interaction.locale,
  };
  // Within the cooldown a public question is answered privately: the defer must be ephemeral then too.
  const privately = isPrivate || (await ctx.bot.answersPrivately(request.userId));
  let reply: AppReply | undefined;
  const deferred = await respondInTime(
    Promise.resolve().then(() => ctx.bot.handleCase(request)),
    {
      deferAfterMs: ctx.deferAfterMs,
      // Deferring fixes the message's visibility, so it follows the private option.
      defer: () => interaction.deferReply(privately ? { flags: 'Ephemeral' } : {}),
      send: async (result) => {
        reply = result;
        await sendReply(interaction, result, ctx.log);
      },
    },
  );
  return { outcome: reply?.outcome ?? 'error', referenceId: reply?.referenceId, deferred };
}

/** Suggests completions of the query from the facts in memory, or cases for the `case` option. */
export async function autocomplete(interaction: AutocompleteInteraction, ctx: BotContext): Promise<HandlerResult> {
  const focused = interaction.options.getFocused(true);
  if (focused.name !== 'query' && focused.name !== 'case') {
    await interaction.respond([]);
    return { outcome: 'no-choices' };
  }
  const choices =
    focused.name === 'case'
      ? ctx.bot.handleCaseAutocomplete({ input: focused.value })
      : ctx.bot.handleAutocomplete({ input: focused.value, userId: interaction.user.id });
  await interaction.respond(
    choices
      .map((choice) => ({ name: choice.name.slice(0, CHOICE_MAX), value: choice.value.slice(0, CHOICE_MAX) }))
      .filter((choice) => choice.name !== '' && choice.value !== '')
      .slice(0, 25),
  );
  return { outcome: `choices:${choices.length}` };
}
