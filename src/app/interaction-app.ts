/**
 * The app layer one process serves, built the same way whichever transport delivers the
 * interactions (the gateway in src/bot/run-bot.ts, the HTTP endpoint in src/http/run-http.ts): the
 * commands, the message checker and, when a gaps store is given, knowledge gaps and 👍 / 👎.
 */
import type { GapStore } from '../gaps/types.js';
import { createCaseBot, type CaseBotOptions } from './case-bot.js';
import { createMessageChecker } from './check-message.js';
import { createGapFeedback } from './gap-feedback.js';
import type { InteractionApp } from './interaction-routes.js';
import type { VoteTargetStore } from './vote-targets.js';

export interface InteractionAppOptions extends Omit<CaseBotOptions, 'gaps'> {
  /** Knowledge gaps (see `openGapStore`); absent: no recording, no vote buttons. The caller closes it. */
  readonly gaps?: GapStore | undefined;
  /**
   * Answers open for votes whose question is too long for a signed vote button: Redis when replicas
   * share state (src/redis/vote-targets.ts), so such a click may land on any replica. Default: memory.
   */
  readonly voteTargets?: VoteTargetStore | undefined;
}

/**
 * @example
 * const app = createInteractionApp({ store, sessions: new PageSessions(), log, cooldownSeconds: 5, modRoleIds: [], version, gaps });
 * await planSlashCommand(input, app);
 */
export function createInteractionApp(options: InteractionAppOptions): InteractionApp {
  const { gaps, voteTargets, ...rest } = options;
  // Vote buttons are signed with the paging secret, so they work on every process and after a restart.
  const feedback = (store: GapStore) =>
    createGapFeedback({
      store,
      log: options.log,
      ...(options.pagingSecret === undefined ? {} : { secret: options.pagingSecret }),
      ...(voteTargets === undefined ? {} : { targets: voteTargets }),
    });
  const bot = createCaseBot({ ...rest, ...(gaps === undefined ? {} : { gaps: feedback(gaps) }) });
  return { bot, check: createMessageChecker({ store: options.store, log: options.log }) };
}
