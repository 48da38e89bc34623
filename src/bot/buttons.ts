import type { ButtonInteraction } from 'discord.js';
import type { AppReply } from '../app/case-bot.js';
import { PAGE_TOKEN_PREFIX } from '../answer/paging-token.js';
import { VOTE_PREFIX } from '../answer/vote-buttons.js';
import { VOTE_TOKEN_PREFIX } from '../answer/vote-token.js';
import type { BotContext, HandlerResult } from './context.js';
import { replyPrivatelyInTime, respondInTime, sendReply, sendUpdate, toReplyOptions, withinLimits } from './respond.js';

/** A button handler, chosen by the custom_id's prefix. */
export type ButtonHandler = (interaction: ButtonInteraction, ctx: BotContext) => Promise<HandlerResult>;

/**
 * "◀ Back" / "More ▶" on an answer. The asker's click turns the page in place; anyone else, or a
 * click after the session expired, gets a private note and the message stays as it is.
 */
export const pageButton: ButtonHandler = async (interaction, ctx) => {
  let reply: (AppReply & { readonly update: boolean }) | undefined;
  const work = Promise.resolve().then(() =>
    ctx.bot.handlePageButton({ customId: interaction.customId, userId: interaction.user.id, locale: interaction.locale }),
  );
  const deferred = await respondInTime(work, {
    deferAfterMs: ctx.deferAfterMs,
    defer: () => interaction.deferUpdate(),
    send: async (result, wasDeferred) => {
      reply = result;
      if (result.update) await sendUpdate(interaction, result, ctx.log);
      // After deferUpdate the original message is ours to edit, so a note goes out as a follow-up.
      else if (wasDeferred) await interaction.followUp(toReplyOptions(withinLimits({ ...result, ephemeral: true }, ctx.log)));
      else await sendReply(interaction, { ...result, ephemeral: true }, ctx.log);
    },
  });
  return { outcome: reply?.outcome ?? 'error', referenceId: reply?.referenceId, deferred };
};

/**
 * 👍 / 👎 under an answer: the vote is kept and the member gets a private thanks; the answer's
 * message (public or not) is never edited.
 */
export const voteButton: ButtonHandler = (interaction, ctx) =>
  replyPrivatelyInTime(interaction, ctx, () =>
    ctx.bot.handleVoteButton({
      customId: interaction.customId,
      userId: interaction.user.id,
      locale: interaction.locale,
      guildId: interaction.guildId,
    }),
  );

/** Button handlers by custom_id prefix. `case:info:` (the page indicator) is disabled and never clicked. */
export const buttons: readonly (readonly [prefix: string, handler: ButtonHandler])[] = [
  ['case:page:', pageButton],
  // Signed page buttons (src/answer/paging-token.ts); a later format adds its own prefix here.
  [PAGE_TOKEN_PREFIX, pageButton],
  [VOTE_PREFIX, voteButton],
  // Signed vote buttons (src/answer/vote-token.ts).
  [VOTE_TOKEN_PREFIX, voteButton],
];

/** The handler for a custom_id, if any. */
export function findButtonHandler(customId: string): ButtonHandler | undefined {
  return buttons.find(([prefix]) => customId.startsWith(prefix))?.[1];
}
