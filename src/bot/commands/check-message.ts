import {
  ApplicationCommandType,
  ContextMenuCommandBuilder,
  InteractionContextType,
  type MessageContextMenuCommandInteraction,
} from 'discord.js';
import type { BotContext, HandlerResult } from '../context.js';
import { replyPrivatelyInTime } from '../respond.js';
import { JA_CHECK_MESSAGE } from './localizations.js';

/** The name members see under Apps in a message's menu (message commands have no description or options). */
export const CHECK_MESSAGE_COMMAND = 'Check against case facts';

/** A message context-menu command (type 3): right-click a message → Apps → Check against case facts. */
export const data = new ContextMenuCommandBuilder()
  .setName(CHECK_MESSAGE_COMMAND)
  .setNameLocalizations({ ja: JA_CHECK_MESSAGE })
  .setType(ApplicationCommandType.Message)
  .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel);

/**
 * Checks the target message's text against the facts and answers privately: the person checking
 * learns what the sources say, without a public pile-on on the message's author.
 */
export async function execute(interaction: MessageContextMenuCommandInteraction, ctx: BotContext): Promise<HandlerResult> {
  const target = interaction.targetMessage;
  const request = {
    text: target.content,
    embeds: target.embeds.length,
    attachments: target.attachments.size,
    userId: interaction.user.id,
    interactionId: interaction.id,
    locale: interaction.locale,
  };
  return replyPrivatelyInTime(interaction, ctx, () => ctx.check.handleCheck(request));
}
