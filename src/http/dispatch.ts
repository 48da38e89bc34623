/**
 * Answers a parsed HTTP interaction with the app layer's plan (src/app/interaction-routes.ts, the
 * table the gateway bot routes through too) and turns its {@link Reply} into the interaction
 * response. Quick work is answered inline, in the HTTP response; slow work (reload) is deferred
 * (type 5) and its reply edited into `@original` afterwards. Only the transport is decided here.
 */
import type { APIInteractionResponse } from 'discord-api-types/v10';
import { renderError, renderStarting, renderUnknownButton, renderUnknownCommand } from '../app/replies.js';
import { catalogFor } from '../answer/locale/index.js';
import {
  complete,
  planButton,
  planMessageCommand,
  planSlashCommand,
  type ButtonPlan,
  type CommandPlan,
  type InteractionApp,
  type Origin,
  type RoutedReply,
} from '../app/interaction-routes.js';
import { newReferenceId } from '../app/reference-id.js';
import type { InteractionBase, ParsedInteraction } from './payload.js';
import { autocompleteResponse, deferredResponse, editBody, messageResponse, pongResponse, updateResponse } from './reply-json.js';
import type { EditOriginal } from './webhook.js';
import type { Log } from '../shared/log.js';

/** Discord's component type of a button. */
const BUTTON = 2;
/** Discord's command type of a slash (chat input) command. */
const CHAT_INPUT = 1;

export type DispatchLogger = Pick<Log, 'info' | 'warn' | 'error'>;

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
  /** The app layer, or undefined while the facts are still loading. */
  readonly app: () => InteractionApp | undefined;
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
 * const dispatch = createDispatcher({ app: () => app, log, editOriginal });
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
    app: InteractionApp | undefined,
    started: number,
  ): Promise<Handled> {
    const t = catalogFor(interaction.locale);
    const inline = (reply: RoutedReply): Dispatched => ({ response: messageResponse(reply, log) });
    const refuse = (what: Omit<Handled, 'dispatched' | 'outcome'>, reply: RoutedReply): Handled => ({
      ...what,
      dispatched: inline(reply),
      outcome: reply.outcome,
    });
    switch (interaction.kind) {
      case 'autocomplete': {
        const what = { kind: 'autocomplete', command: interaction.name };
        if (app === undefined) return { ...what, dispatched: { response: autocompleteResponse([]) }, outcome: 'starting' };
        const { choices, outcome } = complete(
          { name: interaction.name, userId: interaction.actor.userId, focused: interaction.focused },
          app,
        );
        return { ...what, dispatched: { response: autocompleteResponse(choices) }, outcome };
      }
      case 'component': {
        const what = { kind: 'button', command: interaction.customId };
        if (app === undefined) return refuse(what, { ...renderStarting(t), outcome: 'starting' });
        const plan =
          interaction.componentType === BUTTON ? planButton({ ...originOf(interaction), customId: interaction.customId }, app) : null;
        if (plan === null) return refuse(what, { ...renderUnknownButton(t), outcome: 'unknown-button' });
        return { ...what, ...(await runButton(plan)) };
      }
      case 'message-command': {
        const what = { kind: 'message-command', command: interaction.name };
        if (app === undefined) return refuse(what, { ...renderStarting(t), outcome: 'starting' });
        const plan = planMessageCommand({ ...originOf(interaction), name: interaction.name, target: interaction.target }, app);
        if (plan === null) return refuse(what, { ...renderUnknownCommand(t), outcome: 'unknown-command' });
        return { ...what, ...(await runCommand(interaction, what, plan, started)) };
      }
      case 'command': {
        const what = {
          kind: 'command',
          command: interaction.subcommand === null ? interaction.name : `${interaction.name} ${interaction.subcommand}`,
        };
        if (app === undefined) return refuse(what, { ...renderStarting(t), outcome: 'starting' });
        // Chat input commands only (type 1): a user command of the same name is not ours.
        const plan =
          interaction.commandType === CHAT_INPUT
            ? await planSlashCommand(
                { ...originOf(interaction), name: interaction.name, subcommand: interaction.subcommand, options: interaction.options },
                app,
              )
            : null;
        if (plan === null) return refuse(what, { ...renderUnknownCommand(t), outcome: 'unknown-command' });
        return { ...what, ...(await runCommand(interaction, what, plan, started)) };
      }
    }
  }

  /** Quick work inline (type 4); slow work deferred privately (type 5), its reply edited into `@original`. */
  async function runCommand(
    interaction: Exclude<ParsedInteraction, { kind: 'ping' }>,
    what: { kind: string; command: string },
    plan: CommandPlan,
    started: number,
  ): Promise<Pick<Handled, 'dispatched' | 'outcome' | 'referenceId'>> {
    if (plan.kind === 'reply') {
      // Searching takes milliseconds (a Redis round trip at most for the cooldown): answered within
      // Discord's 3 s, so the plan's acknowledgement is not needed.
      const reply = await plan.run();
      return { dispatched: { response: messageResponse(reply, log) }, outcome: reply.outcome, referenceId: reply.referenceId };
    }
    const after = async (): Promise<void> => {
      const reply = await plan.run();
      await options.editOriginal(
        { applicationId: interaction.applicationId, token: interaction.token, interactionId: interaction.id },
        editBody(reply, log),
      );
      logLine(interaction, { ...what, outcome: reply.outcome, referenceId: reply.referenceId }, started, true);
    };
    return { dispatched: { response: deferredResponse(true), after }, outcome: 'deferred' };
  }

  /** A page turn replaces the message (type 7); any other reply to a click is a new private message. */
  async function runButton(plan: ButtonPlan): Promise<Pick<Handled, 'dispatched' | 'outcome' | 'referenceId'>> {
    const reply = await plan.run();
    const response = plan.kind === 'update' && 'update' in reply && reply.update ? updateResponse(reply, log) : messageResponse(reply, log);
    return { dispatched: { response }, outcome: reply.outcome, referenceId: reply.referenceId };
  }

  return async (interaction) => {
    if (interaction.kind === 'ping') return { response: pongResponse() };
    const started = performance.now();
    let handled: Handled;
    try {
      handled = await route(interaction, options.app(), started);
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

/** The app layer's view of who asked, where, in which language. */
function originOf(interaction: InteractionBase): Origin {
  return { interactionId: interaction.id, guildId: interaction.guildId, actor: interaction.actor, locale: interaction.locale };
}
