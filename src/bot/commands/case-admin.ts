import { InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { DEFAULT_GAPS_DAYS } from '../../app/gaps-commands.js';
import { caseOption } from './case-option.js';
import { inJapanese } from './localizations.js';

/**
 * `/case-admin reload`, `status`, `gaps` and `default-case`, for moderators: the definition
 * `deploy-commands` registers. What it does, and the permission check at run time, is the app
 * layer's (src/app/interaction-routes.ts), the same for the gateway and the HTTP endpoint.
 */
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
      .addStringOption((option) => caseOption(option, 'case-admin gaps case', 'Only this case (its id); default: every case'))
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
      .addStringOption((option) => caseOption(option, 'case-admin default-case case', 'The case id; empty: no default')),
  );
