/**
 * The HTTP transport's counterpart of src/bot/respond.ts: turns an app {@link Reply} into the
 * Discord API JSON of an interaction response (the body of our HTTP answer) or of a webhook edit.
 * The reply policy is the gateway's: the ephemeral flag (64), no mentions except the one user a reply
 * addresses ({@link allowedMentionsOf}, shared with src/bot/respond.ts), Discord's limits.
 */
import {
  InteractionResponseType,
  MessageFlags,
  type AllowedMentionsTypes,
  type APIAllowedMentions,
  type APIApplicationCommandOptionChoice,
  type APIInteractionResponse,
  type APIInteractionResponseCallbackData,
  type RESTPatchAPIWebhookWithTokenMessageJSONBody,
} from 'discord-api-types/v10';
import { allowedMentionsOf, withinLimits, type LimitLogger, type Reply } from '../answer/reply.js';
import { fitChoices } from '../app/interaction-routes.js';

/**
 * Fact and user text can never ping anyone: an empty `parse` and no ids, as the gateway client sets
 * (src/bot/respond.ts); a test keeps the two equal. A fresh object each time, so no caller can widen
 * it. Page turns (type 7) send this: a page never pings.
 */
export function noMentions(): APIAllowedMentions {
  const parse: AllowedMentionsTypes[] = [];
  return { parse };
}

function messageData(
  reply: Reply,
  options: { alwaysBody: boolean; flags: boolean; mentions: APIAllowedMentions },
): APIInteractionResponseCallbackData {
  const data: APIInteractionResponseCallbackData = { allowed_mentions: options.mentions };
  if (reply.content !== undefined) data.content = reply.content;
  // Edits replace the whole body, so a page never keeps the previous one's embeds or buttons.
  if (reply.embeds !== undefined || options.alwaysBody) data.embeds = reply.embeds ?? [];
  if (reply.components !== undefined || options.alwaysBody) data.components = reply.components ?? [];
  if (options.flags && reply.ephemeral) data.flags = MessageFlags.Ephemeral;
  return data;
}

/**
 * A new message answering the interaction (callback type 4).
 *
 * @example
 * messageResponse({ content: 'hi', ephemeral: true }, log)
 * // { type: 4, data: { allowed_mentions: { parse: [] }, content: 'hi', flags: 64 } }
 */
export function messageResponse(reply: Reply, log: LimitLogger): APIInteractionResponse {
  const fitted = withinLimits(reply, log);
  // A new message may ping the one user it addresses (`/case mention:`), nobody else.
  const data = messageData(fitted, { alwaysBody: false, flags: true, mentions: allowedMentionsOf(fitted) });
  return { type: InteractionResponseType.ChannelMessageWithSource, data };
}

/**
 * Replaces the message a button is on (callback type 7). Visibility is the message's own, so no flags.
 *
 * @example
 * updateResponse(page, log).type // 7
 */
export function updateResponse(reply: Reply, log: LimitLogger): APIInteractionResponse {
  return {
    type: InteractionResponseType.UpdateMessage,
    data: messageData(withinLimits(reply, log), { alwaysBody: true, flags: false, mentions: noMentions() }),
  };
}

/**
 * "casebot is thinking…" (callback type 5); the answer follows as an edit of `@original`. The
 * visibility chosen here is final: Discord keeps it for the edit.
 *
 * @example
 * deferredResponse(true) // { type: 5, data: { flags: 64 } }
 */
export function deferredResponse(ephemeral: boolean): APIInteractionResponse {
  return { type: InteractionResponseType.DeferredChannelMessageWithSource, data: ephemeral ? { flags: MessageFlags.Ephemeral } : {} };
}

/**
 * Suggestions while typing (callback type 8), cut to Discord's limits ({@link fitChoices}).
 *
 * @example
 * autocompleteResponse([{ name: 'JAXA', value: 'jaxa' }]) // { type: 8, data: { choices: [{ name: 'JAXA', value: 'jaxa' }] } }
 */
export function autocompleteResponse(choices: readonly { readonly name: string; readonly value: string }[]): APIInteractionResponse {
  const fitted: APIApplicationCommandOptionChoice<string>[] = fitChoices(choices);
  return { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: fitted } };
}

/** The answer to Discord's PING (sent when the endpoint URL is saved, and now and then after). */
export function pongResponse(): APIInteractionResponse {
  return { type: InteractionResponseType.Pong };
}

/**
 * The body of `PATCH /webhooks/{app}/{token}/messages/@original` filling in a deferred response.
 * Its ephemeral flag was fixed by the defer, so none is sent.
 *
 * @example
 * editBody(report, log) // { allowed_mentions: { parse: [] }, content: '…', embeds: [], components: [] }
 */
export function editBody(reply: Reply, log: LimitLogger): RESTPatchAPIWebhookWithTokenMessageJSONBody {
  const fitted = withinLimits(reply, log);
  const body: RESTPatchAPIWebhookWithTokenMessageJSONBody = {
    allowed_mentions: allowedMentionsOf(fitted),
    embeds: fitted.embeds ?? [],
    components: fitted.components ?? [],
  };
  if (fitted.content !== undefined) body.content = fitted.content;
  return body;
}
