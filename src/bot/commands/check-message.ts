import { ApplicationCommandType, ContextMenuCommandBuilder, InteractionContextType } from 'discord.js';
import { CHECK_MESSAGE_COMMAND } from '../../app/check-message.js';
import { JA_CHECK_MESSAGE } from './localizations.js';

/** Message commands have no description or options; the name is the app layer's, which routes by it. */
export { CHECK_MESSAGE_COMMAND };

/**
 * A message context-menu command (type 3): right-click a message → Apps → Check against case facts.
 * Answered privately by the app layer (src/app/interaction-routes.ts).
 */
export const data = new ContextMenuCommandBuilder()
  .setName(CHECK_MESSAGE_COMMAND)
  .setNameLocalizations({ ja: JA_CHECK_MESSAGE })
  .setType(ApplicationCommandType.Message)
  .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel);
