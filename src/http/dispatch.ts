/**
 * Routes a parsed HTTP interaction to the same app layer the gateway bot uses
 * (src/app/case-bot.ts) and turns its {@link Reply} into the interaction response. Fast work is
 * answered inline, in the HTTP response; slow work (reload) is deferred (type 5) and its reply
 * edited into `@original` afterwards. Mirrors src/bot/interactions.ts: only the transport differs.
 */
import type { APIInteractionResponse } from 'discord-api-types/v10';
import { isPageButton } from '../answer/page-buttons.js';
import { parseVoteCustomId } from '../answer/vote-buttons.js';
import type { Reply } from '../answer/reply.js';
import { renderError, renderStarting, renderUnknownButton, renderUnknownCommand } from '../answer/render-answer.js';
import type { CaseBot } from '../app/case-bot.js';
import { renderAdminRefused } from '../app/permissions.js';
import { catalogFor } from '../answer/locale/index.js';
import { newReferenceId } from '../app/reference-id.js';
import type { ParsedInteraction } from './payload.js';
import { autocompleteResponse, deferredResponse, editBody, messageResponse, pongResponse, updateResponse } from './reply-json.js';
import type { EditOriginal } from './webhook.js';

/** The commands this transport answers; a test checks they are the ones src/bot/commands registers. */
export const HTTP_COMMANDS = ['case', 'case-admin'] as const;

/** Discord's component type of a button. */
const BUTTON = 2;

export interface DispatchLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** The HTTP answer to an interaction, and what is left to do once it is sent. */
export interface Dispatched {
  readonly response: APIInteractionResponse;
  /**
   * Runs after the response went out (a deferred reply's edit). Never rejects. The server waits for
   * it before a graceful shutdown completes.
   */
  readonly after?: () => Promise<void>;
}

export interface DispatcherOptions {
  /** The command handlers, or undefined while the facts are still loading. */
  readonly bot: () => CaseBot | undefined;
  readonly log: DispatchLogger;
  readonly editOriginal: EditOriginal;
}

/** How one interaction ended, for its log line (same fields as the gateway's). */
interface Handled {
  readonly dispatched: Dispatched;
  readonly kind: string;
  readonly command: string | null;
  readonly outcome: string;
  readonly referenceId?: string | undefined;
}

/**
 * Creates the dispatcher. It never throws: a failure is logged with a reference id and answered
 * with the apology carrying it, as on the gateway.
 *
 * @example
 * const dispatch = createDispatcher({ bot: () => bot, log, editOriginal });
 * const { response, after } = await dispatch(parseInteraction(body));
 */
export function createDispatcher(options: DispatcherOptions): (interaction: ParsedInteraction) => Promise<Dispatched> {
  const { log } = options;

  function logLine(
    interaction: Exclude<ParsedInteraction, { kind: 'ping' }>,
    handled: Omit<Handled, 'dispatched'>,
    started: number,
    deferred: boolean,
  ): void {
    log.info(
      {
        interactionId: interaction.id,
        kind: handled.kind,
        command: handled.command,
        userId: interaction.actor.userId,
        guildId: interaction.guildId,
        latencyMs: Math.round(performance.now() - started),
        outcome: handled.outcome,
        ...(handled.referenceId === undefined ? {} : { refId: handled.referenceId }),
        ...(deferred ? { deferred: true } : {}),
        transport: 'http',
      },
      'interaction',
    );
  }

  async function route(
    interaction: Exclude<ParsedInteraction, { kind: 'ping' }>,
    bot: CaseBot | undefined,
    started: number,
  ): Promise<Handled> {
    const inline = (reply: Reply): Dispatched => ({ response: messageResponse(reply, log) });
    const t = catalogFor(interaction.locale);
    switch (interaction.kind) {
      case 'autocomplete': {
        const what = { kind: 'autocomplete', command: interaction.name };
        if (bot === undefined) return { ...what, dispatched: { response: autocompleteResponse([]) }, outcome: 'starting' };
        if (interaction.name !== 'case' || interaction.focused?.name !== 'query') {
          return { ...what, dispatched: { response: autocompleteResponse([]) }, outcome: 'no-choices' };
        }
        const choices = bot.handleAutocomplete({ input: interaction.focused.value, userId: interaction.actor.userId });
        return { ...what, dispatched: { response: autocompleteResponse(choices) }, outcome: `choices:${choices.length}` };
      }
      case 'component': {
        const what = { kind: 'button', command: interaction.customId };
        if (interaction.componentType === BUTTON && parseVoteCustomId(interaction.customId) !== null) {
          if (bot === undefined) return { ...what, dispatched: inline(renderStarting(t)), outcome: 'starting' };
          // 👍 / 👎: always a private thanks; the answer's message stays as it is.
          const vote = await bot.handleVoteButton({
            customId: interaction.customId,
            userId: interaction.actor.userId,
            locale: interaction.locale,
          });
          return { ...what, dispatched: inline({ ...vote, ephemeral: true }), outcome: vote.outcome, referenceId: vote.referenceId };
        }
        if (interaction.componentType !== BUTTON || !isPageButton(interaction.customId)) {
          return { ...what, dispatched: inline(renderUnknownButton(t)), outcome: 'unknown-button' };
        }
        if (bot === undefined) return { ...what, dispatched: inline(renderStarting(t)), outcome: 'starting' };
        const reply = await bot.handlePageButton({
          customId: interaction.customId,
          userId: interaction.actor.userId,
          locale: interaction.locale,
        });
        // The asker turns the page in place; anyone else gets a private note and the message stays.
        const response = reply.update ? updateResponse(reply, log) : messageResponse({ ...reply, ephemeral: true }, log);
        return { ...what, dispatched: { response }, outcome: reply.outcome, referenceId: reply.referenceId };
      }
      case 'command': {
        const what = {
          kind: 'command',
          command: interaction.subcommand === null ? interaction.name : `${interaction.name} ${interaction.subcommand}`,
        };
        // Chat input commands only (type 1): a user or message command of the same name is not ours.
        if (interaction.commandType !== 1 || !HTTP_COMMANDS.some((name) => name === interaction.name)) {
          return { ...what, dispatched: inline(renderUnknownCommand(t)), outcome: 'unknown-command' };
        }
        if (bot === undefined) return { ...what, dispatched: inline(renderStarting(t)), outcome: 'starting' };
        if (interaction.name === 'case') {
          const query = interaction.options.get('query');
          const isPrivate = interaction.options.get('private') === true;
          const reply = await bot.handleCase({
            query: typeof query === 'string' ? query : '',
            private: isPrivate,
            userId: interaction.actor.userId,
            // As on the gateway: a moderator's private answer shows fact ids.
            moderator: isPrivate && interaction.actor.member !== null && bot.mayAdminister(interaction.actor.member),
            interactionId: interaction.id,
            locale: interaction.locale,
          });
          // Searching takes milliseconds: answered inline, well within Discord's 3 s.
          return { ...what, dispatched: inline(reply), outcome: reply.outcome, referenceId: reply.referenceId };
        }
        return { ...what, ...admin(interaction, bot, what, started) };
      }
    }
  }

  /** `/case-admin`: checked again here, since server admins can change who sees the command. */
  function admin(
    interaction: Extract<ParsedInteraction, { kind: 'command' }>,
    bot: CaseBot,
    what: { kind: string; command: string },
    started: number,
  ): Pick<Handled, 'dispatched' | 'outcome'> {
    const member = interaction.actor.member;
    const t = catalogFor(interaction.locale);
    if (interaction.guildId === null || member === null) {
      return { dispatched: { response: messageResponse(renderAdminRefused('outside-guild', t), log) }, outcome: 'refused' };
    }
    if (!bot.mayAdminister(member)) {
      return { dispatched: { response: messageResponse(renderAdminRefused('not-permitted', t), log) }, outcome: 'refused' };
    }
    if (interaction.subcommand === 'status') {
      const reply = bot.handleStatus();
      return { dispatched: { response: messageResponse({ ...reply, ephemeral: true }, log) }, outcome: reply.outcome };
    }
    if (interaction.subcommand === 'reload') {
      // Reading files and rebuilding the index may take longer than Discord's 3 s: always defer.
      const after = async (): Promise<void> => {
        const reply = await bot.handleReload({ by: `${interaction.actor.username} (${interaction.actor.userId})` });
        await options.editOriginal(
          { applicationId: interaction.applicationId, token: interaction.token, interactionId: interaction.id },
          editBody(reply, log),
        );
        logLine(interaction, { ...what, outcome: reply.outcome, referenceId: reply.referenceId }, started, true);
      };
      return { dispatched: { response: deferredResponse(true), after }, outcome: 'deferred' };
    }
    return { dispatched: { response: messageResponse(renderUnknownCommand(t), log) }, outcome: 'unknown-subcommand' };
  }

  return async (interaction) => {
    if (interaction.kind === 'ping') return { response: pongResponse() };
    const started = performance.now();
    let handled: Handled;
    try {
      handled = await route(interaction, options.bot(), started);
    } catch (error) {
      const referenceId = newReferenceId();
      log.error({ err: error, refId: referenceId, interactionId: interaction.id, kind: interaction.kind }, 'interaction failed');
      const response =
        interaction.kind === 'autocomplete'
          ? autocompleteResponse([])
          : messageResponse(renderError(referenceId, catalogFor(interaction.locale)), log);
      handled = { kind: interaction.kind, command: null, dispatched: { response }, outcome: 'error', referenceId };
    }
    const after = handled.dispatched.after;
    if (after === undefined) {
      logLine(interaction, handled, started, false);
      return handled.dispatched;
    }
    // A deferred interaction's line is written once its edit went out, with the real outcome.
    return {
      response: handled.dispatched.response,
      after: () => after().catch((error: unknown) => log.error({ err: error, interactionId: interaction.id }, 'deferred work failed')),
    };
  };
}
