import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { MAX_QUERY_LENGTH } from '../../app/case-bot.js';
import { caseOption } from './case-option.js';
import { inJapanese } from './localizations.js';

/**
 * `/case query:<question> case:<case id> mention:<user> private:<true|false>`: the definition
 * `deploy-commands` registers; answering is the app layer's (src/app/interaction-routes.ts).
 */
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
    caseOption(option, 'case case', 'Which case to answer from (default: the server default, else the best match)'),
  )
  .addUserOption((option) =>
    inJapanese(option, 'case mention')
      .setName('mention')
      .setDescription('Address the answer to this member and ping only them (not with private)'),
  );
