/**
 * Routes every interaction to its handler and keeps the promise that nothing escapes: whatever
 * fails is logged with a reference id and, where Discord still lets us, answered with an apology.
 */
import type { Interaction } from 'discord.js';
import { renderError, renderUnknownButton, renderUnknownCommand } from '../app/replies.js';
import { scrubInteractionTokens } from '../log.js';
import { catalogFor } from '../answer/locale/index.js';
import { newReferenceId } from '../app/reference-id.js';
import type { Reply } from '../answer/reply.js';
import { complete, planButton, planMessageCommand, planSlashCommand } from '../app/interaction-routes.js';
import type { BotContext, HandlerResult } from './context.js';
import { autocompleteInput, buttonInput, messageCommandInput, slashCommandInput } from './inputs.js';
import { sendReply, toReplyOptions, type Repliable } from './respond.js';
import { runButtonPlan, runCommandPlan } from './run-plan.js';

/**
 * The error as it may be logged: discord.js REST errors carry the request URL, and on interaction
 * routes that URL holds the interaction token. The token is replaced in place (the error is ours
 * once caught); everything else is kept for debugging.
 */
export function withoutInteractionToken(error: unknown): unknown {
  if (typeof error === 'object' && error !== null && 'url' in error && typeof error.url === 'string') {
    Object.defineProperty(error, 'url', { value: scrubInteractionTokens(error.url) });
  }
  return error;
}

/** One line per interaction: what it was, who, where, how long, how it ended. */
function describe(interaction: Interaction): { kind: string; command: string | null } {
  if (interaction.isChatInputCommand()) {
    const sub = interaction.options.getSubcommand(false);
    return { kind: 'command', command: sub === null ? interaction.commandName : `${interaction.commandName} ${sub}` };
  }
  if (interaction.isAutocomplete()) return { kind: 'autocomplete', command: interaction.commandName };
  if (interaction.isMessageContextMenuCommand()) return { kind: 'message-command', command: interaction.commandName };
  if (interaction.isButton()) return { kind: 'button', command: interaction.customId };
  return { kind: `type-${interaction.type}`, command: null };
}

/** Routes through the app layer's table (src/app/interaction-routes.ts), the one the HTTP endpoint uses too. */
async function route(interaction: Interaction, ctx: BotContext): Promise<HandlerResult> {
  if (interaction.isChatInputCommand()) {
    const plan = await planSlashCommand(slashCommandInput(interaction), ctx);
    if (plan === null) return unknown(interaction, renderUnknownCommand(catalogFor(interaction.locale)), 'unknown-command', ctx);
    return runCommandPlan(interaction, plan, ctx);
  }
  if (interaction.isAutocomplete()) {
    const { choices, outcome } = complete(autocompleteInput(interaction), ctx);
    await interaction.respond([...choices]);
    return { outcome };
  }
  if (interaction.isMessageContextMenuCommand()) {
    const plan = planMessageCommand(messageCommandInput(interaction), ctx);
    if (plan === null) return unknown(interaction, renderUnknownCommand(catalogFor(interaction.locale)), 'unknown-command', ctx);
    return runCommandPlan(interaction, plan, ctx);
  }
  if (interaction.isButton()) {
    const plan = planButton(buttonInput(interaction), ctx);
    if (plan === null) return unknown(interaction, renderUnknownButton(catalogFor(interaction.locale)), 'unknown-button', ctx);
    return runButtonPlan(interaction, plan, ctx);
  }
  return { outcome: 'ignored' };
}

async function unknown(interaction: Repliable, reply: Reply, outcome: string, ctx: BotContext): Promise<HandlerResult> {
  await sendReply(interaction, reply, ctx.log);
  return { outcome };
}

/**
 * Handles one interaction. Never throws and never rejects, so it can be attached to the client's
 * `interactionCreate` event as is.
 */
export async function handleInteraction(interaction: Interaction, ctx: BotContext): Promise<void> {
  const started = performance.now();
  let result: HandlerResult = { outcome: 'error' };
  let what: { kind: string; command: string | null } = { kind: 'unknown', command: null };
  try {
    what = describe(interaction);
    result = await route(interaction, ctx);
  } catch (error) {
    const referenceId = newReferenceId();
    result = { outcome: 'error', referenceId };
    ctx.log.error(
      { err: withoutInteractionToken(error), refId: referenceId, interactionId: interaction.id, ...what },
      'interaction failed',
    );
    await apologise(interaction, referenceId, ctx);
  } finally {
    ctx.log.info(
      {
        interactionId: interaction.id,
        ...what,
        userId: interaction.user.id,
        guildId: interaction.guildId,
        latencyMs: Math.round(performance.now() - started),
        outcome: result.outcome,
        ...(result.referenceId === undefined ? {} : { refId: result.referenceId }),
        ...(result.deferred === true ? { deferred: true } : {}),
      },
      'interaction',
    );
  }
}

/** Best effort: the interaction may have expired or been answered already. */
async function apologise(interaction: Interaction, referenceId: string, ctx: BotContext): Promise<void> {
  const t = catalogFor(interaction.locale);
  try {
    if (interaction.isAutocomplete()) {
      if (!interaction.responded) await interaction.respond([]);
    } else if (interaction.isMessageComponent() && (interaction.deferred || interaction.replied)) {
      // Editing would overwrite the answer the button is on; the apology goes out on its own.
      await interaction.followUp(toReplyOptions(renderError(referenceId, t)));
    } else if (interaction.isRepliable()) {
      await sendReply(interaction, renderError(referenceId, t), ctx.log);
    }
  } catch (error) {
    ctx.log.warn({ err: withoutInteractionToken(error), refId: referenceId, interactionId: interaction.id }, 'could not send the apology');
  }
}
