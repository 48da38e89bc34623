import type { InteractionApp } from '../app/interaction-routes.js';
import type { Log } from '../shared/log.js';

/** The logger methods the bot layer uses. */
export type BotLogger = Log;

/** What every command, button and autocomplete handler receives besides its interaction. */
export interface BotContext extends InteractionApp {
  readonly log: BotLogger;
  /**
   * When a handler has not produced its reply after this many milliseconds, the interaction is
   * deferred so Discord's 3 s acknowledgement window is never missed. Default 2000.
   */
  readonly deferAfterMs: number;
}

/** How an interaction ended, for its log line. */
export interface HandlerResult {
  readonly outcome: string;
  readonly referenceId?: string | undefined;
  /** True when the reply went out after a defer. */
  readonly deferred?: boolean;
}
