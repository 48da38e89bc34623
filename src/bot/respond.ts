/**
 * The one place that turns a {@link Reply} into what discord.js sends: the ephemeral flag, no
 * mentions except the one user a reply addresses ({@link allowedMentionsFor}), components, limits.
 * Every handler goes through here, so the reply policy cannot
 * drift between commands.
 */
import {
  MessageFlags,
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
  type InteractionUpdateOptions,
  type MessageMentionOptions,
} from 'discord.js';
import { allowedMentionsOf, withinLimits, type Reply } from '../answer/reply.js';
import type { BotLogger } from './context.js';

/** Shared with the HTTP transport: see src/answer/reply.ts. */
export { withinLimits };

/** Also the client default; repeated per message so a client misconfiguration cannot make facts ping. */
const NO_MENTIONS: MessageMentionOptions = { parse: [] };

/**
 * What a reply may ping, as discord.js takes it: {@link allowedMentionsOf} (shared with the HTTP
 * transport), so the two cannot differ.
 */
export function allowedMentionsFor(reply: Reply): MessageMentionOptions {
  return allowedMentionsOf(reply);
}

/** Options for the first response to an interaction (`interaction.reply` / `followUp`). */
export function toReplyOptions(reply: Reply): InteractionReplyOptions {
  const options: InteractionReplyOptions = { allowedMentions: allowedMentionsFor(reply) };
  if (reply.content !== undefined) options.content = reply.content;
  if (reply.embeds !== undefined) options.embeds = reply.embeds;
  if (reply.components !== undefined) options.components = reply.components;
  if (reply.ephemeral) options.flags = MessageFlags.Ephemeral;
  return options;
}

/**
 * A message body that replaces the previous one: embeds and components are always sent, empty when
 * absent, so a page never keeps buttons of the previous one.
 */
function replacingBody(reply: Reply, allowedMentions: MessageMentionOptions): InteractionUpdateOptions & InteractionEditReplyOptions {
  return {
    allowedMentions,
    embeds: reply.embeds ?? [],
    components: reply.components ?? [],
    ...(reply.content === undefined ? {} : { content: reply.content }),
  };
}

/** Options to replace a message's body (`interaction.update`). A page turn never pings. */
export function toUpdateOptions(reply: Reply): InteractionUpdateOptions {
  return replacingBody(reply, NO_MENTIONS);
}

/** Options to fill in a deferred response (`interaction.editReply`). The ephemeral flag was fixed by the defer. */
export function toEditOptions(reply: Reply): InteractionEditReplyOptions {
  return replacingBody(reply, allowedMentionsFor(reply));
}

/** The parts of an interaction used to send a reply; every repliable interaction has them. */
export interface Repliable {
  readonly deferred: boolean;
  readonly replied: boolean;
  reply(options: InteractionReplyOptions): Promise<unknown>;
  editReply(options: InteractionEditReplyOptions): Promise<unknown>;
  followUp(options: InteractionReplyOptions): Promise<unknown>;
}

/** A button interaction's extra ability: editing the message the button is on. */
export interface Updatable extends Repliable {
  update(options: InteractionUpdateOptions): Promise<unknown>;
}

/** Sends `reply` as the interaction's response, whether or not it was deferred or already answered. */
export async function sendReply(interaction: Repliable, reply: Reply, log: BotLogger): Promise<void> {
  const fitted = withinLimits(reply, log);
  if (interaction.replied) await interaction.followUp(toReplyOptions(fitted));
  else if (interaction.deferred) await interaction.editReply(toEditOptions(fitted));
  else await interaction.reply(toReplyOptions(fitted));
}

/** Replaces the body of the message a button is on (after `deferUpdate`, by editing it). */
export async function sendUpdate(interaction: Updatable, reply: Reply, log: BotLogger): Promise<void> {
  const fitted = withinLimits(reply, log);
  if (interaction.deferred || interaction.replied) await interaction.editReply(toEditOptions(fitted));
  else await interaction.update(toUpdateOptions(fitted));
}

export interface InTimeOptions<R> {
  /** Defer after this long without a result. */
  readonly deferAfterMs: number;
  /** Acknowledges the interaction (deferReply / deferUpdate). */
  readonly defer: () => Promise<unknown>;
  /** Sends the result; `deferred` says whether `defer` ran first. */
  readonly send: (result: R, deferred: boolean) => Promise<void>;
}

/**
 * Waits for `work` and sends its result, deferring first if it takes longer than
 * `deferAfterMs`: Discord drops interactions not acknowledged within 3 s.
 *
 * @returns whether the interaction was deferred.
 */
export async function respondInTime<R>(work: Promise<R>, options: InTimeOptions<R>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), options.deferAfterMs);
  });
  try {
    const first = await Promise.race([work.then((result) => ({ result })), late]);
    if (first !== 'late') {
      await options.send(first.result, false);
      return false;
    }
  } finally {
    clearTimeout(timer);
  }
  await options.defer();
  await options.send(await work, true);
  return true;
}
